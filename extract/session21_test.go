package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/segment"
)

// TestDashSignatureByLine: a quote signed "– Name" on its line is the
// name's, also when the next line opens with a capitalised word (a name
// ends with its line) or a note in parentheses follows the name; a
// parenthesised quote after the name is what it is called, not speech;
// a name under the last quote followed by the outlet and a copyright line
// is the reporter's byline, not the speaker.
func TestDashSignatureByLine(t *testing.T) {
	const epigraphs = "Notes on a free press\n" +
		"Some opening words about the topic of the day.\n" +
		"“Truth is what we need now more than ever, and we need it fast.” –Marta Kowalczyk\n" +
		"Just to illustrate the point, here is another one.\n" +
		"“The conscious manipulation of opinion is an element of every democracy.” – Oskar Lindqvist (“the father of modern advertising”), Persuasion, 1931\n" +
		"That book is still read today.\n"
	const wire = "Minister says deal is close\n" +
		"The minister said the talks would go on into the night.\n" +
		"“They gave me their solemn word on all of this,” he said.\n" +
		"“We will see whether they keep it in the coming weeks.”\n" +
		"— Tomas Brennick\n" +
		"The Lakeside Courier\n" +
		"———\n" +
		"©2019 The Lakeside Courier\n"
	runExtractCases(t, []extractCase{
		{name: "next line capitalised", text: epigraphs, content: "Truth is what we need", want: true, speaker: "Marta Kowalczyk"},
		{name: "note in parentheses", text: epigraphs, content: "conscious manipulation", want: true, speaker: "Oskar Lindqvist"},
		{name: "epithet", text: epigraphs, content: "the father of modern advertising", want: false},
	})
	for _, a := range extractOrFail(t, wire).Attributions {
		if a.Speaker.Name == "Tomas Brennick" || strings.Contains(a.Speaker.Name, "Courier") {
			t.Errorf("byline read as a speaker: %q", a.Content[0].Text)
		}
	}
}

// TestCodeStringsAreNoQuotes: the strings of program code and shell
// commands on a tutorial page are nobody's words; a quote in prose on the
// same page still is.
func TestCodeStringsAreNoQuotes(t *testing.T) {
	const page = "Handling errors in the browser\n\n" +
		"Here is how the form reports back:\n\n" +
		"if (res.ok) {\n" +
		"alert(\"Perfect! Your settings are saved for next time.\");\n" +
		"} else {\n" +
		"console.log(\"Looks like the response was not perfect, got status\", res.status);\n" +
		"}\n\n" +
		"$ echo 'Fix the bug, fix the test, and fix the docs.' > notes.txt\n\n" +
		"“Most people never read the error messages at all,” said Dana Whitlock, who teaches the course.\n"
	runExtractCases(t, []extractCase{
		{name: "call", text: page, content: "Your settings are saved", want: false},
		{name: "log", text: page, content: "response was not perfect", want: false},
		{name: "shell", text: page, content: "fix the test", want: false},
		{name: "prose", text: page, content: "never read the error messages", want: true, speaker: "Dana Whitlock"},
	})
}

// TestReportInsideRelativeClause: a report made inside a relative clause
// ("the lawsuit, which he expects to file soon, will name ...")
// ends at the clause's closing comma; the main clause's words are the
// outer report's.
func TestReportInsideRelativeClause(t *testing.T) {
	const story = "Former clerk to sue the county\n\n" +
		"Her lawyer, Peter Oyelaran, told the Evening Star on Monday that the lawsuit, which he expects to file soon in Leeds, will name the county council and two former managers as defendants, among others.\n\n" +
		"The complaints, which the council says can be traced to the Harbour Party, center around changes on forms used to fix postal ballots.\n"
	x := extractOrFail(t, story)
	found := 0
	for _, a := range x.Attributions {
		if a.Cue == nil || a.Cue.Text != "expects" && a.Cue.Text != "says" {
			continue
		}
		found++
		if c := a.Content[len(a.Content)-1].Text; strings.Contains(c, "will name") || strings.Contains(c, "center around") {
			t.Errorf("content runs past the relative clause: %q", c)
		}
	}
	if found != 2 {
		t.Errorf("found %d reports inside relative clauses, want 2", found)
	}
}

// TestSentenceAdverbOpensNoName: a sentence adverb glued to the
// capitalised run of a name at a sentence's start ("Perhaps Ruth Callow
// said it best") is no part of the name.
func TestSentenceAdverbOpensNoName(t *testing.T) {
	const story = "Harbour plan wins support\n\n" +
		"The council voted on Tuesday to go ahead with the harbour plan.\n\n" +
		"Perhaps Ruth Callow said it best: “We have waited thirty years for this harbour and we will not wait any longer.”\n\n" +
		"Apparently Tom Ashdown told the meeting that the plan would cost less than the old one.\n"
	runExtractCases(t, []extractCase{
		{name: "perhaps", text: story, content: "waited thirty years", want: true, speaker: "Ruth Callow"},
		{name: "apparently", text: story, content: "would cost less", want: true, speaker: "Tom Ashdown"},
	})
}

// TestRelayOverQuotedReport: "“...,” said X in an interview, according to
// Y" is X's quote, relayed by Y; Y is printed as no speaker of it. A
// nested report with no quote marks keeps its "according to" (PolNeAR
// annotates both).
func TestRelayOverQuotedReport(t *testing.T) {
	const story = "Mayor doubts the census\n\n" +
		"He was asked about it during an interview a month ago.\n\n" +
		"\"Nobody has shown me the forms. They want someone different,\" Harwick told reporters, according to the Valley Ledger. \"How come nobody can find them?\"\n\n" +
		"According to a report by the Valley Ledger, the clerk told investigators that the forms had been moved twice before the count.\n"
	x := extractOrFail(t, story)
	var quote, nested bool
	for _, a := range x.Attributions {
		c := a.Content[0].Text
		if strings.Contains(c, "Nobody has shown me") {
			if a.Speaker.Name == "Valley Ledger" {
				t.Errorf("the relay is printed as the speaker of %q", c)
			}
			if a.Speaker.Name == "Harwick" {
				quote = true
			}
		}
		if a.Cue != nil && strings.EqualFold(a.Cue.Text, "according to") && strings.Contains(c, "clerk told investigators") {
			nested = true
		}
	}
	if !quote || !nested {
		t.Errorf("quote by Harwick %v, nested report kept %v", quote, nested)
	}
}

// TestGivenNameInitialOutweighsCompanyWord: a given name and a middle
// initial before a surname that also names a company ("Michael R.
// Bloomberg", "Rupert K. Fox") is a person, and "he" after it is that
// person.
func TestGivenNameInitialOutweighsCompanyWord(t *testing.T) {
	const story = "Immigration forum\n\n" +
		"Lawmakers from both parties met on Friday to discuss the bill.\n\n" +
		"“The principles they lay out won’t satisfy everybody,” Michael R. Bloomberg, former mayor of New York City, said at an immigration forum on Friday. But, he added, “if we can make some compromises here, I think we have a very good chance.”\n"
	runExtractCases(t, []extractCase{
		{name: "named", text: story, content: "won’t satisfy everybody", want: true, speaker: "Michael R. Bloomberg", kind: claimtrail.SpeakerPerson},
		{name: "he added", text: story, content: "make some compromises", want: true, speaker: "Michael R. Bloomberg", kind: claimtrail.SpeakerPerson},
	})
}

// TestTimeOpensNoSource: a day opening the sentence before the speaker
// ("On Thursday Rangers said", "On Tuesday Sir Alan said") is no part of
// the source, and the speaker is resolved.
func TestTimeOpensNoSource(t *testing.T) {
	const story = "Transfer row\n\n" +
		"The clubs have been unable to reach agreement over a fee for the midfielder.\n\n" +
		"On Thursday Wanderers said they would not be increasing their offer of four million.\n"
	runExtractCases(t, []extractCase{
		{name: "club", text: story, content: "would not be increasing", want: true, speaker: "Wanderers"},
	})
}

// TestSoSayingIsNoReport: "So saying, he rose" tells what a speaker did
// after words already quoted: no report with "So" as its source. (The
// model finds such a report on real pages, not reliably on invented
// ones: the filter is tested on the attribution it would get.)
func TestSoSayingIsNoReport(t *testing.T) {
	for _, tc := range []struct {
		source, cue string
		want        bool
	}{{"So", "saying", true}, {"Thus", "saying", true}, {"the clerk", "saying", false}, {"So", "said", false},
		{"Having", "said", true}, {"Having", "saying", false}} {
		a := claimtrail.Attribution{Kind: claimtrail.KindIndirect, Source: &claimtrail.Span{Text: tc.source}, Cue: &claimtrail.Span{Text: tc.cue},
			Content: []claimtrail.Span{{Text: "Turkey rose to his feet"}}}
		if got := soSaying(&a); got != tc.want {
			t.Errorf("soSaying(%q %q) = %v, want %v", tc.source, tc.cue, got, tc.want)
		}
	}
}

// TestUnclosedQuoteNotTwice: a quote whose closing mark is missing, taken
// by the report that introduces it up to its last word, is not printed a
// second time as a quote standing alone because the report's piece stops
// before the final period.
func TestUnclosedQuoteNotTwice(t *testing.T) {
	const story = "Law lords rule\n\n" +
		"The ruling came on a busy day for the government.\n\n" +
		"Lord Ashby of Wendle, in his ruling, said: \"Indefinite imprisonment without charge or trial is anathema in any country which observes the rule of law.\n\n" +
		"In a statement, the detainee said: \"I hope now that the government will act upon this decision.\"\n"
	n := 0
	for _, a := range extractOrFail(t, story).Attributions {
		if strings.Contains(a.Content[0].Text, "Indefinite imprisonment") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the unclosed quote is printed %d times, want once", n)
	}
}

// TestFrenchNoBreakSpaces: French typography puts no-break spaces around
// quote marks and in "a ajouté\u00a0Laurent Fabius"; the rules match them
// as spaces, and a name ends at its sentence's period ("Fabius. Il
// accueillait ...").
func TestFrenchNoBreakSpaces(t *testing.T) {
	const story = "Les Français au Népal\n\n" +
		"Les autorités sont toujours sans nouvelles de 200\u00a0personnes.\u00a0«Pour certains d’entre eux on est très interrogatif», a ajouté\u00a0Laurent Fabius. Il accueillait à Roissy un premier avion spécial.\n\n" +
		"La ministre a parlé aux familles. «\u202fNous allons tout faire pour les retrouver\u202f», a\u00a0déclaré Marie Dubois.\n"
	runExtractCases(t, []extractCase{
		{name: "no-break space before the name", text: story, content: "interrogatif", want: true, speaker: "Laurent Fabius"},
		{name: "no-break spaces in the cue", text: story, content: "retrouver", want: true, speaker: "Marie Dubois"},
	})
}

// TestAdverbCueIsNoReport: a hedge adverb read as the cue ("Cole
// reportedly met the manager") is a reporter's marker on what others
// report the subject did, not a report by the subject. (Tested on the
// attribution the filter gets: the model finds it on real pages.)
func TestAdverbCueIsNoReport(t *testing.T) {
	for _, tc := range []struct {
		cue  string
		want bool
	}{{"reportedly", true}, {"Reportedly", true}, {"allegedly", true}, {"said", false}, {"reportedly said", false}} {
		a := claimtrail.Attribution{Kind: claimtrail.KindIndirect, Source: &claimtrail.Span{Text: "Cole"}, Cue: &claimtrail.Span{Text: tc.cue},
			Content: []claimtrail.Span{{Text: "met the manager in a London hotel"}}}
		if got := adverbCue(&a); got != tc.want {
			t.Errorf("adverbCue(%q) = %v, want %v", tc.cue, got, tc.want)
		}
	}
}

// TestItHasDoneMakesACompany: a one-word speaker whose report says "it
// has found" / "it has agreed" speaks of itself as "it": a company; the
// given name of a person named in full elsewhere is not one.
func TestItHasDoneMakesACompany(t *testing.T) {
	const chip = "Chipmaker unveils laser\n\n" +
		"Quantrix has said it has found a way to put a silicon-based laser on a chip, raising hopes of much faster networks.\n"
	const airline = "Airline drops jets\n\n" +
		"\"Our passengers have lost confidence to fly with the jet,\" airline spokesperson Ikhsan Rosan told reporters.\n\n" +
		"It has taken delivery of one of them but has now sent a letter saying it no longer wants the rest, Ikhsan said.\n"
	runExtractCases(t, []extractCase{
		{name: "company", text: chip, content: "found a way", want: true, speaker: "Quantrix", kind: claimtrail.SpeakerOrganization},
		{name: "given name", text: airline, content: "taken delivery", want: true, speaker: "Ikhsan", kind: claimtrail.SpeakerPerson},
	})
}

// TestInvertedAfterAdverbial: "On a larger scale, said Mr Trainor,
// improvements ... can reduce ..." is Trainor's, the claim after the
// comma that closes his name; a name with an apposition before the cue
// stays the speaker ("Ann Terzo, head of the panel, said the rules,
// which ...").
func TestInvertedAfterAdverbial(t *testing.T) {
	const story = "Chips use less power\n\n" +
		"Notebook makers are looking for new ways to save energy.\n\n" +
		"On a larger scale, said Mr Trainor, improvements in the way that voltage regulators are made can reduce the amount of power lost as heat.\n\n" +
		"Locally, too, say analysts, recent political developments have worked to the market's advantage.\n"
	runExtractCases(t, []extractCase{
		{name: "adverbial", text: story, content: "voltage regulators", want: true, speaker: "Trainor"},
		{name: "locally", text: story, content: "recent political developments", want: true, speaker: "analysts"},
	})
}

// TestMannerVerbsAfterQuotes: a verb of how words were said right after a
// quote ("smiles one broker", "laughs Conti", "Ann Cole sighs") attributes
// it, as "said" would.
func TestMannerVerbsAfterQuotes(t *testing.T) {
	const story = "Brokers cheer\n\n" +
		"The market rose again on Tuesday.\n\n" +
		"\"You can call it a peace dividend,\" smiles one broker. \"Let us see how long one can reap its benefits.\"\n\n" +
		"\"Nobody saw this coming at all,\" laughed Tom Reeve, a trader.\n\n" +
		"\"It is not over yet, not by a long way,\" Ann Cole sighs.\n"
	runExtractCases(t, []extractCase{
		{name: "verb then description", text: story, content: "peace dividend", want: true, speaker: "one broker"},
		{name: "verb then name", text: story, content: "Nobody saw this coming", want: true, speaker: "Tom Reeve"},
		{name: "name then verb", text: story, content: "not over yet", want: true, speaker: "Ann Cole"},
	})
}

// TestNameWithDashAside: "Lord Bingham - a senior law lord - said" is
// Bingham's: a name with an aside between dashes, not a title with
// modifiers that goes to the last lord named.
func TestNameWithDashAside(t *testing.T) {
	const story = "Law lords rule\n\n" +
		"Liberal Democrat peer Lord Carlile said it was possible some of the detainees could now be released.\n\n" +
		"Lord Bingham - a senior law lord - said the rules were incompatible with the convention.\n"
	runExtractCases(t, []extractCase{
		{name: "dash aside", text: story, content: "incompatible with the convention", want: true, speaker: "Bingham"},
	})
}

// TestHonorificOfPlace: a speaker named with an honorific, a name and
// "of" a place is a person: a peer keeps the place in the title ("Lord
// Nicholls of Birkenhead"), anyone else is named without it ("Mr Skeens
// of Brownsville" is Mr Skeens).
func TestHonorificOfPlace(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		ok         bool
	}{
		{"Lord Nicholls of Birkenhead", "Lord Nicholls of Birkenhead", true},
		{"Mr Skeens of Brownsville", "Mr Skeens", true},
		{"Dr Jeremy Philpott of the UK Patent Office", "Dr Jeremy Philpott", true},
		{"Lord Woolf and Lord Falconer", "", false},
		{"Mr Blair's spokesman of the day", "", false},
		{"Dr Mike Watts head of exploration", "", false},
		{"Bank of England", "", false},
		{"", "", false},
	} {
		got, ok := honorificOf(tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("honorificOf(%q) = %q, %v, want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

// TestRelativeThingSpeaks: "a report by the audit office, which said
// ..." (and "an article by New York magazine that claimed ...") is said
// by the thing the relative pronoun stands for, described, not by no one
// (an unknown source's report was not printed at all).
func TestRelativeThingSpeaks(t *testing.T) {
	const story = "Writer shares article\n\n" +
		"The council pointed to a report by the audit office, which said the mayor relied on lies to win during his campaign.\n"
	runExtractCases(t, []extractCase{
		{name: "which", text: story, content: "relied on lies", want: true, speaker: "audit office", kind: claimtrail.SpeakerDescription},
	})
}

// TestUnisexGivenName: "Ms. O'Neill" after "Terry O'Neill" is that
// person: a given name borne by men and women alike says nothing of the
// gender an honorific gives.
func TestUnisexGivenName(t *testing.T) {
	const story = "Sexism row\n\n" +
		"The comments drew criticism on Monday.\n\n" +
		"“It’s sexist,” said Terry O’Neill, the president of the Women’s Forum, to a news site.\n\n" +
		"“Gloria Steinem has a very simple test,” Ms. O’Neill continued. “Has it ever been done to a man?”\n"
	runExtractCases(t, []extractCase{
		{name: "Ms. after a unisex name", text: story, content: "very simple test", want: true, speaker: "Terry O’Neill"},
	})
}

// TestEmployerBeforeJob: a name written before a job and another name is
// the employer, an organisation ("Apacs spokeswoman Sandra Quinn"), when
// it later speaks on its own ("Apacs said").
func TestEmployerBeforeJob(t *testing.T) {
	const story = "Card fraud falls\n\n" +
		"Fraud on cards fell last year, figures show.\n\n" +
		"Cardwatch spokeswoman Sandra Quinn said the new chips had made a difference.\n\n" +
		"Cardwatch said losses would fall further this year.\n"
	runExtractCases(t, []extractCase{
		{name: "spokeswoman", text: story, content: "new chips", want: true, speaker: "Sandra Quinn", kind: claimtrail.SpeakerPerson},
		{name: "employer", text: story, content: "losses would fall", want: true, speaker: "Cardwatch", kind: claimtrail.SpeakerOrganization},
	})
}

// TestAdjectiveRunIsNoName: "Double Olympic champion Tariq Benhassi"
// names Benhassi (a given name no list knows); the capitalised adjective
// run before the role is no person, and "the 30-year-old" is Benhassi,
// not "Double Olympic".
func TestAdjectiveRunIsNoName(t *testing.T) {
	const story = "Benhassi targets cross country\n\n" +
		"Double Olympic champion Tariq Benhassi is set to make a rare appearance at the championships in France.\n\n" +
		"“If I am to compete in it, it is only if I feel I can win,” the 30-year-old told reporters.\n"
	runExtractCases(t, []extractCase{
		{name: "age noun", text: story, content: "only if I feel I can win", want: true, speaker: "Tariq Benhassi"},
	})
}

// TestReportInSubjectRelative: a report in a relative clause on the
// speaker ("The boy, who says he was wearing the hat, told WOAI that
// ...") ends where the main clause's verb takes over. The model reads
// such sentences right on invented text, so the mend is tested on the
// found attribution it gets on real pages (the content run on).
func TestReportInSubjectRelative(t *testing.T) {
	const text = "The boy, who says he was wearing the hat, told WOAI that his hair was ripped off."
	d := segment.Segment(text)
	at := func(w string) int {
		for k, tok := range d.Tokens {
			if tok.Text == w {
				return k
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	who, says, told := at("who"), at("says"), at("told")
	d.Tokens[told].POS = "VBD"
	for _, tc := range []struct {
		name    string
		verbPOS string
		wantEnd int
	}{{"past verb takes over", "VBD", told - 1}, {"base form stays", "VB", len(d.Tokens) - 1}} {
		d.Tokens[told].POS = tc.verbPOS
		content := attribute.Range{Start: says + 1, End: len(d.Tokens) - 1}
		found := []attribute.Found{{Source: attribute.Range{Start: who, End: who + 1}, Cue: attribute.Range{Start: says, End: says + 1},
			Content: content, Pieces: []attribute.Range{content}}}
		closeSubjectRelative(d, found)
		if got := found[0].Pieces[0].End; got != tc.wantEnd {
			t.Errorf("%s: content ends at token %d (%q), want %d", tc.name, got, d.Tokens[got-1].Text, tc.wantEnd)
		}
	}
}

// TestHeadlineEpithet: a profile's headline "Name: The acting outlaw"
// calls its subject something, it reports nothing said. (Only a short
// phrase opened by an article with no verb: "Blair: No election TV
// debate" is a claim.)
func TestHeadlineEpithet(t *testing.T) {
	const profile = "Jonah Trask: The acting outlaw\n\n" +
		"Jonah Trask, whose latest role was a painter in a film about Paris, has never followed the rules of the studios.\n"
	runExtractCases(t, []extractCase{
		{name: "epithet", text: profile, content: "The acting outlaw", want: false},
	})
}
