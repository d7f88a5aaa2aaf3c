package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
)

// TestListItemIsNoBlock: a paragraph of running text after a line that
// ends "said:" is a block quote (direct); a list item there (no closing
// punctuation) sums up what was said and is indirect.
func TestListItemIsNoBlock(t *testing.T) {
	cases := []struct {
		text, piece string
		want        claimtrail.Kind
	}{
		{"In the interview, Ms Vale also said:\n\nThe port must stay open to keep its trade\n\nShe is confident the bill will pass\n",
			"The port must stay open to keep its trade", claimtrail.KindIndirect},
		{"In the interview, Ms Vale also said:\n\nThe port must stay open to keep its trade.\n\nShe left at noon.\n",
			"The port must stay open to keep its trade.", claimtrail.KindDirect},
	}
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		if got := kindOf(d, []attribute.Range{phraseRange(d, tc.text, tc.piece)}); got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.piece, got, tc.want)
		}
	}
}

// TestToldThereWas: "there" opens the clause after the people told
// ("told Radio 4's Today programme there was no chance").
func TestToldThereWas(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"there", "Coalition talk\n\nThe party met on Monday. Earlier, Mr Kemp told Radio 4's Today programme there was no chance of a coalition.\n", "told", "Mr Kemp", "there was no chance of a coalition"},
	})
}

// TestReleasedThing: what a publisher publishes or releases is an act,
// whatever word opens it; a report with what it says and a clause stay
// (TestReleaseCue holds the rest).
func TestReleasedThing(t *testing.T) {
	runActCases(t, func(a *claimtrail.Attribution) bool { return releaseCue(a, true) }, []actCase{
		{"publishes", "the country's top-selling daily newspaper", true},
		{"has published", "many histories, including one of the Tudors", true},
		{"published", "that the deal would close in May", false},
		{"published", "a report saying the deal would close", false},
		{"released", "it would cut 200 jobs", false},
		{"wrote", "the country's top-selling daily newspaper", false},
	})
}

// TestFrontedResume: a content that opens "that" and a fronted phrase
// runs on past the comma to its main clause, and stops before a closing
// report.
func TestFrontedResume(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"inverted main clause", "Coders\n\nThe lab kept few records. Vell recalls that in all her scientific programming work, only once did someone include her as a co-author after she contributed work to a paper; she said she was stunned.\n",
			"recalls", "Vell", "that in all her scientific programming work, only once did someone include her as a co-author after she contributed work to a paper"},
		{"since", "Ship case\n\nThe firm lost its case. Yarrow argued that since it had a US subsidiary and local bank accounts, the US court could stop the auction of its unit.\n",
			"argued", "Yarrow", "that since it had a US subsidiary and local bank accounts, the US court could stop the auction of its unit"},
		{"closing report", "Lawsuit\n\nThe case went on. Attorney Dan Wahl told Fox News that with negligent discharge of a firearm, the action met every standard for manslaughter, he said.\n",
			"told", "Attorney Dan Wahl", "that with negligent discharge of a firearm, the action met every standard for manslaughter"},
	})
}

// TestItAfterDocument: "it said" after a sentence whose subject is a
// document (or a piece of one), after an opening phrase or at the
// sentence's start, is that document's.
func TestItAfterDocument(t *testing.T) {
	speakerOfContent(t, "Memo warned of attack\n\nIn addition to naming the groups in the city, a key section of the memo, which remains secret, seemed to foresee the attack.\n\n\"The officer expressed concerns about the ability to defend the post,\" it said.\n",
		"expressed concerns", "memo")
	speakerOfContent(t, "Sales forecast\n\nThe growth will be driven by new markets, the forecast said. In a week, the study was cited by the firm. More than a third of new phones will be sold there, it said.\n",
		"More than a third", "study")
}

// TestConcludedThing: concluding an investigation or a testimony ends
// it, and "concluded when ..." is a time; a finding stays.
func TestConcludedThing(t *testing.T) {
	runActCases(t, concludedThing, []actCase{
		{"concluded", "his 22-month investigation without charges", true},
		{"concludes", "Senate probe", true},
		{"concluded", "when the counsel sent a final report", true},
		{"concluded", "that the gap is closing", false},
		{"concluded", "the gap between them is closing", false},
		{"concluded", "his “review” was biased", false},
		{"ended", "his investigation", false},
	})
}

// TestClauseEndInsideQuote: a report in a "While ..." clause ends at the
// clause's comma also when the comma stands inside the closing quote.
func TestClauseEndInsideQuote(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"comma in quote", "Nuclear case\n\nWhile the indictment lists the company as \"Transport Corporation A,\" a simple search reveals that the man is its president.\n",
			"lists", "the indictment", "the company as \"Transport Corporation A,\""},
	})
}

// TestVerbResume: a "that" clause the model stopped after its subject
// runs on from its verb.
func TestVerbResume(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"subject only", "Euro talks\n\nMs Lind, the bloc's monetary affairs commissioner, made it clear that action was necessary to curb the euro.\n",
			"made it clear", "Ms Lind, the bloc's monetary affairs commissioner,", "that action was necessary to curb the euro"},
	})
}

// TestColonLeadSource: a quotation after a colon whose lead-in holds no
// speech verb belongs to the description that is the lead-in's subject;
// a lead-in naming no one leaves the quote unknown.
func TestColonLeadSource(t *testing.T) {
	speakerOfContent(t, "Video row\n\nThe attack took place in a restaurant, and the company was quick to condemn the man's actions:\n\n“We were shocked to see this video and certainly do not condone it.”\n\nThe police came later.\n",
		"shocked to see this video", "company")
	speakerOfContent(t, "Video row\n\nThis is the programme:\n\n“We were shocked to see this video and certainly do not condone it.”\n\nThe police came later.\n",
		"shocked to see this video", "")
}

// TestPronounColonLead: "He is prepared to go this far: “...”" is his
// (the lead-in holds no speech verb, the pronoun opens it).
func TestPronounColonLead(t *testing.T) {
	const story = "Election pitch\n\nTom Reel leads the third party. But is his a party bidding to come second? He is prepared to go this far: \"The others are not going to win this election.\"\n"
	speakerOfContent(t, story, "not going to win this election", "Tom Reel")
}

// TestOneAfterQuote: "“...,” one organizer shouted during a livestream
// of the demonstration" is the organizer's quote (a subject opening with
// "one" or "another" after a quote), not a report whose content is the
// livestream's subject.
func TestOneAfterQuote(t *testing.T) {
	speakerOfContent(t, "Vest rally\n\nSome of the 40 attendees at the rally wore vests with slogans.\n\n“If they want a fight we will give them one,” one far-right organizer shouted during a livestream of the London demonstration.\n\nThe police did not reply.\n",
		"If they want a fight", "one far-right organizer")
}
