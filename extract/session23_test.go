package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/segment"
)

// TestTitleAlone: a quote no cue claims that is a title (title case with
// its small words low, or right after the noun of a work) is not speech;
// one opening with a pronoun, or in sentence case, is.
func TestTitleAlone(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Nobody listened. “The Death of the Shop on the High Street.” That was the chapter.", true},
		{"I wrote about it in my book, in the chapter “how we lost the shop on the high street.” Nobody listened.", true},
		{"The crowd chanted. “It’s ‘Showtime at the Harbour.’” The band played on.", false},
		{"I wrote about it in my book, in the chapter, “how we lost the shop on the high street.” Nobody listened.", false},
		{"The crowd chanted. “we will not be moved from this square today.” The police waited.", false},
	}
	for _, tc := range cases {
		d := segment.Segment(tc.text)
		if len(d.Quotes) == 0 {
			t.Fatalf("%q: no quote found", tc.text)
		}
		q := d.Quotes[0]
		if got := titleOfWork(d.Text, q) || titleAlone(d.Text, q); got != tc.want {
			t.Errorf("%q: title %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestTrimTrailingJoiner: a content closed on a conjunction or a relative
// pronoun stops before it ("and yet" whole, the comma before it too); a
// relative after a preposition ("the last of which") and a short content
// keep their end.
func TestTrimTrailingJoiner(t *testing.T) {
	cases := []struct{ content, want string }{
		{"the council branded the plan as “reckless” and yet", "the council branded the plan as “reckless”"},
		{"the mill has been the town's biggest employer for years, and", "the mill has been the town's biggest employer for years"},
		{"the grocer lost money on the vans which", "the grocer lost money on the vans"},
		{"three new depots would open, the last of which", "three new depots would open, the last of which"},
		{"it closed and", "it closed and"},
	}
	for _, tc := range cases {
		d := segment.Segment("The mayor said " + tc.content + " nobody knew why.")
		start := 3 // after "The mayor said"
		end := start
		for end < len(d.Tokens) && d.Tokens[end].End <= len("The mayor said ")+len(tc.content) {
			end++
		}
		piece := attribute.Range{Start: start, End: end}
		found := []attribute.Found{{Cue: attribute.Range{Start: 2, End: 3}, Content: piece, Pieces: []attribute.Range{piece}}}
		trimTrailingJoiner(d, found)
		if got := rangeText(d, found[0].Pieces[0]); got != tc.want {
			t.Errorf("content %q, want %q", got, tc.want)
		}
		if found[0].Content != found[0].Pieces[0] {
			t.Errorf("envelope %v, piece %v", found[0].Content, found[0].Pieces[0])
		}
	}
}

// TestQuestionsHandled: asking or answering questions, with the questions
// as the content, gives no words; what was asked ("whether ...", a
// question in quote marks) and what was said are kept.
func TestQuestionsHandled(t *testing.T) {
	att := func(cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Cue: &claimtrail.Span{Text: cue}, Content: []claimtrail.Span{{Text: content}}}
	}
	cases := []struct {
		cue, content string
		want         bool
	}{
		{"answered", "nearly 400 written questions the committee sent after the hearing", true},
		{"asking", "questions", true},
		{"fielded", "a dozen questions from parents", true},
		{"asked", "whether the questions had been leaked", false},
		{"asks", "the question, “Who pays for the new bridge?”", false},
		{"said", "the questions were unfair", false},
	}
	for _, tc := range cases {
		if got := questionsHandled(att(tc.cue, tc.content)); got != tc.want {
			t.Errorf("%s | %s: %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestNicknameInName: a quote between a given name and a surname is a
// nickname; a quote after a name that closes a sentence, or after a
// sentence's first word, is not.
func TestNicknameInName(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"He mocked council leader Mary “Never Say Sorry” Okafor at every meeting.", true},
		{"He mocked council leader Mary “we never say sorry here” Okafor at every meeting.", true},
		{"The crowd cheered Okafor “We never say sorry.” Then it rained.", false},
		{"The crowd cheered Okafor “we never say sorry,” Then it rained.", false},
		{"Mary “we never say sorry” Okafor was there.", false},
	}
	for _, tc := range cases {
		d := segment.Segment(tc.text)
		if len(d.Quotes) == 0 {
			t.Fatalf("%q: no quote found", tc.text)
		}
		if got := nicknameInName(d.Text, d.Quotes[0]); got != tc.want {
			t.Errorf("%q: nickname %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestReferenceMarkContent: a content that is only a reference mark
// holds no words; one with words beside the mark does.
func TestReferenceMarkContent(t *testing.T) {
	cases := []struct {
		content string
		want    bool
	}{
		{"[41", true},
		{"[41]", true},
		{" ", true},
		{"[41] the pledge holds", false},
		{"[a]", false},
		{"41", false},
	}
	for _, tc := range cases {
		a := &claimtrail.Attribution{Content: []claimtrail.Span{{Text: tc.content}}}
		if got := wordlessContent(a); got != tc.want {
			t.Errorf("%q: wordless %v, want %v", tc.content, got, tc.want)
		}
	}
}

// TestSurnameThatSpokeIsHe: "he" after a report by a surname alone that
// nothing marks as a person's goes to that surname when no person is in
// reach; a person named and marked as one still wins.
func TestSurnameThatSpokeIsHe(t *testing.T) {
	t.Run("surname alone", func(t *testing.T) {
		story := "Quinn puts Ward above money\n\nQuinn also admits Ward will have the final say on his future. He told the club's radio station: \"We will not sell. He is the future of the club.\"\n"
		speakerOfContent(t, story, "We will not sell", "Quinn")
	})
	t.Run("person in reach", func(t *testing.T) {
		story := "Quinn puts Ward above money\n\nQuinn also admits the club has talked to Mr Daniel Ward. He told the club's radio station: \"I will not leave. This is my home.\"\n"
		speakerOfContent(t, story, "I will not leave", "Daniel Ward")
	})
}

// TestLocalsSpeak: "locals" are people (a person sense WordNet lists
// third), so "Some locals say" is their description, not an unknown.
func TestLocalsSpeak(t *testing.T) {
	story := "Plague fears\n\nSome locals say the outbreak is a government plot and that they will keep the old ritual.\n"
	speakerOfContent(t, story, "government plot", "Some locals")
}

// TestDeterminedToBe: "X was determined to be ..." is a finding by others
// or a resolve, said by no one; "was determined" of a report with a
// content of its own is left to the other rules.
func TestDeterminedToBe(t *testing.T) {
	att := func(src, cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Source: &claimtrail.Span{Start: 0, Text: src}, Cue: &claimtrail.Span{Start: 10, Text: cue}, Content: []claimtrail.Span{{Start: 30, Text: content}}}
	}
	if !passiveCue(att("Okoro", "was determined", "to be fit to stand trial")) {
		t.Error("\"Okoro was determined to be fit\": printed as speech")
	}
	if !passiveCue(att("He", "also isn’t listed on", "the registry of licensed guards in the state")) {
		t.Error("\"He also isn’t listed on the registry\": printed as speech")
	}
	if passiveCue(att("Okoro", "said", "to be fit to stand trial")) {
		t.Error("\"Okoro said\": dropped")
	}
}

// TestHonorificTitles: "His Excellency" and "His Eminence" are titles,
// not part of the name; people "along" a border are a description whose
// head is before the preposition.
func TestHonorificTitles(t *testing.T) {
	speakerOfContent(t, "Bishops sign\n\nHis Excellency Orvald Fenn, bishop of Brno, has said that the text is sound.\n", "the text is sound", "Orvald Fenn")
	speakerOfContent(t, "Border fight\n\nSome officers along the border said the new law was clear enough.\n", "the new law was clear", "Some officers along the border")
}

// TestSayingVerbEndsName: a capitalised verb of saying closing a run of
// capitalised words ("Dunmore Tweeted.") is no part of the name, so the
// surname goes to the person named in full earlier.
func TestSayingVerbEndsName(t *testing.T) {
	story := "Valet photos\n\nNew pictures were released by reporter Kara Dunmore on Monday.\n\n" +
		"The picture “proves the agency misled the public about the dates,” Dunmore Tweeted.\n"
	speakerOfContent(t, story, "misled the public", "Kara Dunmore")
}

// TestRemindsOf: "reminds me of" is a likeness; "reminded voters that"
// reports.
func TestRemindsOf(t *testing.T) {
	att := func(cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Cue: &claimtrail.Span{Text: cue}, Content: []claimtrail.Span{{Text: content}}}
	}
	cases := []struct {
		cue, content string
		want         bool
	}{
		{"reminds", "of a talk I had with the abbot years ago", true},
		{"reminded", "of his father's shop", true},
		{"'m reminded of", "the miners' strike of the 1980s", true},
		{"reminded", "that the deal had not been signed", false},
		{"said", "of all the options this was the worst", false},
	}
	for _, tc := range cases {
		if got := remindsOf(att(tc.cue, tc.content)); got != tc.want {
			t.Errorf("%s | %s: %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestSurnameReportingHe: a surname alone that reports about "he"
// ("Vasko admitted he was under pressure") is a man's, so a later "he"
// with a quote goes to him, not to a person named further back.
func TestSurnameReportingHe(t *testing.T) {
	story := "Vasko through\n\nMarco Duarte lost in four sets earlier in the day.\n\n" +
		"Vasko won 6-3 6-4 6-1. Vasko admitted he was under extra pressure after his long winning streak.\n\n" +
		"\"They are so used to me winning, but it's not that simple,\" he said.\n"
	speakerOfContent(t, story, "so used to me winning", "Vasko")
}

// TestQuestionVerbNotInName: the verb a question opens with is no part
// of the name after it ("Was Tarrow ...?"), nor is a word run into
// another by an ellipsis.
func TestQuestionVerbNotInName(t *testing.T) {
	story := "The clerk\n\nTarrow worked in the back office. Was Tarrow hot-tempered? Not at all.\n\n" +
		"\"I would rather not do that today,\" said Tarrow.\n"
	speakerOfContent(t, story, "I would rather not", "Tarrow")
}

// TestUnisexNameSheSaid: a given name borne by men and women alike gives
// no gender, so "she said" after Terry Okafor's quote is Terry Okafor's,
// not a woman named earlier.
func TestUnisexNameSheSaid(t *testing.T) {
	story := "Cover row\n\nMagazine cover angers Rep. Mary Vance's allies.\n\n" +
		"The group's president Terry Okafor said the cover of the magazine is \"sexist\".\n\n" +
		"\"Who has ever called a man that?\" Okafor said to a news site.\n\n" +
		"\"It is something you would say of a wrestler,\" she said.\n"
	speakerOfContent(t, story, "say of a wrestler", "Terry Okafor")
}

// TestSurnameOfTwoByPronoun: of two people of one surname named in
// full, "Kell said he ..." is the man's.
func TestSurnameOfTwoByPronoun(t *testing.T) {
	story := "Sentencing\n\nFormer Rep. Daniel Kell and his wife, Sandra Kell, were sentenced on Wednesday.\n\n" +
		"Sandra Kell wept in court. Kell said he had no excuses for his conduct and would accept the sentence.\n"
	speakerOfContent(t, story, "no excuses", "Daniel Kell")
}

// TestParticipleLeadIn: a name and a participle of saying with a comma
// before a quote no cue claims ("ends with Vance claiming, “...”") say
// it; a pronoun there ("it sounds like he is saying, “...”") does not.
func TestParticipleLeadIn(t *testing.T) {
	speakerOfContent(t, "Ad campaign\n\nThe latest ad ends with Vance claiming, \"faith made the town strong. It can make it strong again.\"\n",
		"faith made the town strong", "Vance")
	x := extractOrFail(t, "Ad campaign\n\nTo the victims it sounds like he is saying, \"Who do you think you are? Know your place and keep quiet.\"\n")
	for _, a := range x.Attributions {
		if a.Cue != nil && a.Cue.Text == "saying" {
			t.Errorf("a pronoun's participle taken as a lead-in: %+v", a)
		}
	}
}

// TestParentheticalRelative: a report set off by commas whose content
// starts at a relative word takes the sentence's first half too; one
// whose content starts otherwise keeps its content.
func TestParentheticalRelative(t *testing.T) {
	x := extractOrFail(t, "Plans\n\nThe firm does not see itself as a broadcaster, said Mr Kay. Its strategy is a hybrid approach, he explained, where broadcasts are supplemented with content over broadband.\n")
	a := attributionWith(t, x, "with cue explained", hasCue("explained"))
	if len(a.Content) != 2 || a.Content[0].Text != "Its strategy is a hybrid approach" {
		t.Errorf("content %+v, want the first half and the relative clause", a.Content)
	}
}

// TestPromisesToBe: a thing that "promises to be" something is an
// expectation; a person's promise stays.
func TestPromisesToBe(t *testing.T) {
	att := func(src, cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Source: &claimtrail.Span{Text: src}, Cue: &claimtrail.Span{Text: cue}, Content: []claimtrail.Span{{Text: content}}}
	}
	if !promisesToBe(att("It", "promises", "to be another long campaign")) {
		t.Error("\"It promises to be\" kept")
	}
	if promisesToBe(att("He", "promised", "to be a better neighbour")) {
		t.Error("a person's promise dropped")
	}
}

// TestSportsPositionsAndMakers: a player's position ("the Sale
// full-back") is a person's description that goes back to the player
// named; a maker or a think tank is a body.
func TestSportsPositionsAndMakers(t *testing.T) {
	speakerOfContent(t, "Confidence\n\nSkipper Dan Okoro believes the mood is good. \"There is no lack of confidence in the team,\" said the Sale full-back.\n",
		"no lack of confidence", "Dan Okoro")
	speakerOfContent(t, "Profits fall\n\nVantorix saw its profits fall, but Europe's biggest drugmaker says a recovery is on the way.\n",
		"a recovery is on the way", "Europe's biggest drugmaker")
}

// TestShareInWords: a share of a group written in words ("More than half
// (55%) of the respondents", "a quarter of web users") or a bare
// percentage that said something ("Thirty per cent said") is a group.
func TestShareInWords(t *testing.T) {
	speakerOfContent(t, "Phone poll\n\nMore than half (55%) of the respondents said they would pay more for a faster phone.\n",
		"pay more for a faster phone", "More than half (55%) of the respondents")
	speakerOfContent(t, "Web poll\n\nThe survey asked 2,000 people. A quarter of web users said they had been scammed online.\n",
		"had been scammed", "quarter of web users")
}

// TestFigureSpeaks: "a leading industry figure" is a person's
// description (a figure's person sense is WordNet's third).
func TestFigureSpeaks(t *testing.T) {
	speakerOfContent(t, "Festival\n\nA leading industry figure has said the festival will not go ahead next summer.\n",
		"the festival will not go ahead", "leading industry figure")
}

// TestAdjectiveBeforePeopleWord: an adjective a sentence capitalises
// before a word for people ("Prominent Republicans are calling for") is
// no part of a name: the speakers are a group, not a person.
func TestAdjectiveBeforePeopleWord(t *testing.T) {
	x := extractOrFail(t, "Veto call\n\nProminent Republicans are calling for the governor to veto the bill on Friday.\n")
	a := attributionWith(t, x, "with cue calling", hasCue("are calling for"))
	if a.Speaker.Kind != claimtrail.SpeakerGroup {
		t.Errorf("speaker %+v, want a group", a.Speaker)
	}
}

// TestRoleAfterPossessedRole: "according to the teacher" after "her
// professor had failed her" is that unnamed teacher, not the student the
// story is about; with no such person brought in, the role goes to the
// person named.
func TestRoleAfterPossessedRole(t *testing.T) {
	story := "Student fails over Australia\n\nThe story concerns Jane Kell, a 27-year-old working on an online degree.\n\n" +
		"But when Kell got her grade back, she was shocked to see her professor had failed her.\n\n" +
		"Why? Because, according to the teacher, \"Australia is a continent; not a country.\"\n"
	speakerOfContent(t, story, "Australia is a continent", "teacher")
}

// TestAgreedToAct: "agreed to pay" is a deal struck, not speech;
// "agreed that" and agreed words in quote marks stay reports.
func TestAgreedToAct(t *testing.T) {
	att := func(cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Cue: &claimtrail.Span{Text: cue}, Content: []claimtrail.Span{{Text: content}}}
	}
	cases := []struct {
		cue, content string
		want         bool
	}{
		{"has agreed", "to pay $40m to settle the suit", true},
		{"agreed", "to buy its former parent for $16bn", true},
		{"agreed", "that the deal had been a mistake", false},
		{"agreed", "to “work together in good faith on the border”", false},
		{"said", "to pay the fine would be wrong", false},
	}
	for _, tc := range cases {
		if got := agreedToAct(att(tc.cue, tc.content)); got != tc.want {
			t.Errorf("%s | %s: %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}
