package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestQuoteBeforeNameAndApposition: "“...,” NAME, a DESCRIPTION, wrote on
// the forum" gives the quote to the name, not to a name inside the
// description ("an Evolution user") nor to the article's main speaker;
// a description without a name before it stays the source.
func TestQuoteBeforeNameAndApposition(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"apposition, wrote on", "Forums\n\nAnn Vell runs the lab, she says.\n\n“It made me ill for a week,” Dr. Tam, a Harlow user, wrote on the site’s forums after taking the pills that had been cut with a filler, and later tested by the lab. “I was laid up in bed.”\n", "wrote",
			"Dr. Tam, a Harlow user,", "“It made me ill for a week,”"},
		{"apposition, short clause", "Forums\n\nAnn Vell runs the lab, she says.\n\n“It made me ill for a week,” Dr. Tam, a Harlow user, wrote on the site’s forums. “I was laid up in bed.”\n", "wrote on",
			"Dr. Tam, a Harlow user", "“It made me ill for a week,” / “I was laid up in bed.”"},
		// near miss: a description alone
		{"description alone", "Forums\n\nAnn Vell runs the lab, she says.\n\n“It made me ill for a week,” one Harlow user wrote on the site’s forums. “I was laid up in bed.”\n", "wrote on",
			"one Harlow user", "“It made me ill for a week,” / “I was laid up in bed.”"},
	})
}

// TestPerfectPassiveIsNoReport: "X had been expected to win" says what
// others expected of X, as "X was expected to" does; X's own "had
// expected" stays a report.
func TestPerfectPassiveIsNoReport(t *testing.T) {
	noCueIn(t, strings.Contains, "expected",
		"Auction\n\nThe sale went ahead. Vellgaz had been expected to win the auction but failed to get finance.\n",
		"Injury\n\nThe winger is hurt. Tam Reed has been expected to be out for six weeks.\n",
	)
	x := extractOrFail(t, "Auction\n\nThe sale went ahead. Vellgaz had expected to win the auction, its chief said.\n")
	attributionWith(t, x, "with cue had expected", hasCue("had expected"))
}

// TestRespondedToIsNoSource: what follows "responded to" was answered;
// the speaker is the name before the cue, with its role in apposition;
// "according to" still names its source.
func TestRespondedToIsNoSource(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"responded to", "Browsers\n\nThe new browser took 5% of the market in a month. Tam Vell, Harlow Soft Client product manager, responded to the figures: \"We respect that some customers will choose other browsers.\"\n", "responded to",
			"Tam Vell, Harlow Soft Client product manager", "\"We respect that some customers will choose other browsers.\""},
	})
	x := extractOrFail(t, "Browsers\n\nThe new browser took 5% of the market, according to the Harlow Post.\n")
	attributionWith(t, x, "with cue according to", hasCue("according to"))
}

// TestQuoteAfterSpeakersBeat: a quote standing alone after a sentence
// in its paragraph whose subject is a named person doing something
// ("Ann Vell, the committee chair, paused at the door.") is that
// person's when it speaks in the first or second person, not the last
// speaker's before it; a pronoun subject, a quote with no speaker's
// voice, or a capitalised word that names no one leaves it as before.
func TestQuoteAfterSpeakersBeat(t *testing.T) {
	const lead = "Budget talks\n\n“We will not sign this budget,” Senator Tom Reed told reporters after the meeting.\n\n"
	for _, tc := range []struct{ name, para, want string }{
		{"named beat", "Ann Vell, the committee chair, paused at the door. “We have the votes, and we will pass it on Friday.”\n", "Ann Vell"},
		// near misses
		{"pronoun beat", "She paused at the door. “We have the votes, and we will pass it on Friday.”\n", "Tom Reed"},
		{"no voice", "Ann Vell, the committee chair, paused at the door. “The budget has the votes and will pass on Friday.”\n", "Tom Reed"},
		{"not a name", "Doing so paused the talks for a day. “We have the votes, and we will pass it on Friday.”\n", "Tom Reed"},
	} {
		x := extractOrFail(t, lead+tc.para)
		a := attributionWith(t, x, "with the quote", func(a *claimtrail.Attribution) bool {
			return len(a.Content) > 0 && strings.Contains(a.Content[0].Text, "on Friday")
		})
		if a.Speaker.Name != tc.want {
			t.Errorf("%s: speaker %q, want %q", tc.name, a.Speaker.Name, tc.want)
		}
	}
}

// TestReportingVerbsWordNetMisses: "affirms", "lamented", "surmises",
// "lambasted" report what was said or thought, though WordNet classes
// them elsewhere; "welcomed" stays a stance.
func TestReportingVerbsWordNetMisses(t *testing.T) {
	for _, cue := range []string{"affirms", "lamented", "surmises", "has lambasted"} {
		text := "Seminary\n\nThe letter is dated 2000.\n\nIn the letter, Tam Vell " + cue + " that there was a recurring rumor in the seminary.\n"
		attributionWith(t, extractOrFail(t, text), "with cue "+cue, hasCue(cue))
	}
	for _, a := range extractOrFail(t, "Seminary\n\nThe letter is dated 2000.\n\nIn the letter, Tam Vell welcomed the new rules of the seminary.\n").Attributions {
		if a.Cue != nil && a.Cue.Text == "welcomed" {
			t.Errorf("printed %+v", a)
		}
	}
}

// TestChannelRelativeIsNoContent: "“...,” X wrote in a letter that was
// sent Nov. 9" wrote the quote; the relative clause says when the letter
// went. A that-clause after a cue with no channel stays the content.
func TestChannelRelativeIsNoContent(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"letter that was sent", "Forms\n\nThe dates were changed.\n\n“Altering a form imposes a burden on the voter,” Vell wrote in a letter that was sent Nov. 9 and released publicly on Tuesday.\n", "wrote in a letter",
			"Vell", "“Altering a form imposes a burden on the voter,”"},
		// near miss: no channel
		{"said that", "Forms\n\nThe dates were changed.\n\n“It was a mistake,” Vell said that week.\n\nVell wrote that the form was sent Nov. 9.\n", "wrote",
			"Vell", "that the form was sent Nov. 9"},
	})
}

// TestInfinitiveOfANounIsNoReport: "The simplest way to think about X",
// "Plans to portray ..." complete a noun; "led some to suggest that"
// reports what people suggested.
func TestInfinitiveOfANounIsNoReport(t *testing.T) {
	noCueIn(t, strings.HasPrefix, "to ",
		"Monitoring\n\nThe simplest way to think about black-box monitoring versus white-box monitoring is that black-box monitoring is symptom-oriented and represents active problems: \"The system isn’t working correctly, right now.\"\n",
		"Band\n\nThe break gave the band time to think about other interests, the singer said.\n",
		"Film row\n\nPlans to portray the island's people as cannibals in the sequel have been criticised by the group's chief.\n",
	)
	x := extractOrFail(t, "Rates\n\nThe figures led some analysts to forecast that the Bank of Harlow will raise rates in May.\n")
	attributionWith(t, x, "with cue to forecast", hasCue("to forecast"))
}

// TestTimeOpeningAClauseOutOfSource: "And on Thursday Mr Vell is
// saying:" is Mr Vell's, not a source "on Thursday Mr Vell".
func TestTimeOpeningAClauseOutOfSource(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"and on Thursday", "Speech\n\nNow Mr Vell is trying to put the focus on the party's platform. The party made low rates the centrepiece of a poster campaign this week.\n\nAnd on Thursday Mr Vell is saying: \"I want to talk about the central purpose of the party.\"\n", "is saying:",
			"Mr Vell", "\"I want to talk about the central purpose of the party.\""},
	})
}

// TestZeroRelativeAfterMove: "In a move ministers say should keep rises
// low" is the ministers' report, the move no part of its source.
func TestZeroRelativeAfterMove(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a move ministers say", "Council tax\n\nCouncils are to get £500m more next year. In a move ministers say should keep council tax rises below 5% next year, the grant goes up.\n", "say",
			"ministers", "should keep council tax rises below 5% next year"},
	})
}

// TestDefendedTitleIsNoSpeech: a title, a home or an attack defended is
// a contest or a guard; a decision or measures defended are words.
func TestDefendedTitleIsNoSpeech(t *testing.T) {
	noCueIn(t, strings.Contains, "defend",
		"Marathon\n\nShe won in 2002. The 31-year-old defended her title 12 months later and will now seek a third.\n",
		"Film\n\nThe plot is simple. Ann Vell, a wheelchair user, is defending her home from a mysterious intruder.\n",
	)
	x := extractOrFail(t, "Terror law\n\nThe plans were attacked in the Lords. The prime minister has defended measures to allow house arrest without trial.\n")
	attributionWith(t, x, "with cue has defended", hasCue("has defended"))
}

// TestClaimedTitleFarIntoTheObject: "claimed her seventh Grand Slam
// title" is a title won, the noun five words in; "claimed that the title
// was fixed" is a claim.
func TestClaimedTitleFarIntoTheObject(t *testing.T) {
	for _, a := range extractOrFail(t, "Final\n\nThe final was one-sided. The 2003 champion claimed her seventh Grand Slam title, and her first since 2003, 2-6 6-3 6-0.\n").Attributions {
		if a.Cue != nil && strings.Contains(a.Cue.Text, "claimed") {
			t.Errorf("printed %+v", a)
		}
	}
	x := extractOrFail(t, "Final\n\nThe final was one-sided. The losing coach claimed that the title had been decided by the referee.\n")
	attributionWith(t, x, "with cue claimed", hasCue("claimed"))
}

// TestAgreedDealIsNoSpeech: a fee, a deal or a contract agreed is an
// act; agreeing that something is so stays a report.
func TestAgreedDealIsNoSpeech(t *testing.T) {
	noCueIn(t, strings.Contains, "agree",
		"Transfer\n\nThe midfielder impressed on trial. Harlow Rovers have agreed a fee for the player, who has yet to agree personal terms.\n",
		"Kit\n\nThe body has agreed a new deal with a sportswear firm to supply its squads for the next four years.\n",
	)
	x := extractOrFail(t, "Transfer\n\nThe talks went on all week. The manager agreed that the fee had been too high for the club.\n")
	attributionWith(t, x, "with cue agreed", hasCue("agreed"))
}

// TestQuotesUnderAListHeading: quotes listed under "Some Vell
// quotations:" are Vell's, not the last speaker's before the heading nor
// nobody's; with a line of narrative between the heading and a quote the
// heading says nothing of it.
func TestQuotesUnderAListHeading(t *testing.T) {
	const head = "Photo row\n\nThe site has published the photo with Reed’s permission.\nAsked whether he thought the photo’s release would have affected the campaign, Reed said, “I insist.\nIt absolutely would have made a difference.”\nVell In His Own Words (PDF).\nSome Vell quotations:\n"
	const quotes = "“The press don’t like Vell, so they call me names.\nWell, that’s a good name.”\n“My god will wipe this country from the face of the earth.”\n"
	for _, tc := range []struct{ name, text, want string }{
		{"under the heading", head + quotes, "Vell"},
		// near miss: narrative between
		{"narrative between", head + "The remarks drew protests across the city.\n" + quotes, ""},
	} {
		x := extractOrFail(t, tc.text)
		a := attributionWith(t, x, "with the quote", func(a *claimtrail.Attribution) bool {
			return len(a.Content) > 0 && strings.Contains(a.Content[0].Text, "My god will")
		})
		if got := a.Speaker.Name; got != tc.want && (tc.want != "" || got == "Vell") {
			t.Errorf("%s: speaker %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSaidNothingAboutIsNoReport: "said nothing about the deal" and "say
// little to nothing about how ..." leave the topic unsaid; "said little
// had changed" is a report.
func TestSaidNothingAboutIsNoReport(t *testing.T) {
	noCueIn(t, strings.Contains, "nothing",
		"Summit\n\nThe ministers met in London. The finance ministers said nothing about supporting the dollar, whose slide could hurt growth.\n",
		"Chaos\n\nThe story is well known. But the many retellings of the theory's birth say little to nothing about how two programmers wrote the code.\n",
	)
	x := extractOrFail(t, "Summit\n\nThe ministers met in London. The chairman said little had changed since the last meeting.\n")
	attributionWith(t, x, "with cue said", hasCue("said"))
}

// TestStruckBallIsNoSpeech: "he blasted the ball home" is a shot; "he
// blasted the referee's decision" is criticism.
func TestStruckBallIsNoSpeech(t *testing.T) {
	for _, a := range extractOrFail(t, "Match\n\nHarlow beat Orient 1-0 on Saturday.\n\nEarly in the second half Wayne Vell's cross was met by Scott and he blasted the ball home from just outside the penalty area. As Orient chased a second, Harlow had to clear a header off the line.\n").Attributions {
		if a.Cue != nil && strings.Contains(a.Cue.Text, "blasted") {
			t.Errorf("printed %+v", a)
		}
	}
	x := extractOrFail(t, "Match\n\nThe game ended in a row. After the final whistle the Harlow manager blasted the referee's decision to award a penalty.\n")
	attributionWith(t, x, "with cue blasted", hasCue("blasted"))
}

// noCueIn fails t for every attribution of each text whose cue matches
// cue by match (strings.Contains, strings.HasPrefix): the near-speech a
// rule must drop.
func noCueIn(t *testing.T, match func(s, substr string) bool, cue string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, a := range extractOrFail(t, text).Attributions {
			if a.Cue != nil && match(a.Cue.Text, cue) {
				t.Errorf("%q: printed %+v", text, a)
			}
		}
	}
}
