package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

// TestRelativeThatStart: a report written after its content whose
// content the model started at a "that" inside the sentence covers the
// whole sentence; a "that" after an opening conjunction, a "that" that is
// the report's own object and a content with a quote before the "that"
// keep their start.
func TestRelativeThatStart(t *testing.T) {
	cases := []struct {
		name, text, cue, want string
		thatNth               int // which "that" (0: first) the piece starts at
	}{
		{"relative clause", "Shares fell.\n\nAnother idea is that the grocer could use its vans to build depots that would keep its margins up, Ms Hale said.\n",
			"said", "Another idea is that the grocer could use its vans to build depots that would keep its margins up", 1},
		{"inverted condition", "Shares fell.\n\nShould that happen, the mill will have little chance of reopening, analysts said.\n",
			"said", "Should that happen, the mill will have little chance of reopening", 0},
		{"opening conjunction", "Shares fell.\n\nBut that is going to change very soon, according to the panel.\n",
			"according", "that is going to change very soon", 0},
		{"quote before", "Shares fell.\n\nThe deal was “a bad one” and that it should go, the mayor said.\n",
			"said", "that it should go", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := taggedDoc(t, tc.text)
			that, n := -1, 0
			for k, tok := range d.Tokens {
				if tok.Text == "that" {
					if n == tc.thatNth {
						that = k
						break
					}
					n++
				}
			}
			cue := lastToken(d, tc.cue)
			comma := cue - 1
			for d.Tokens[comma].Text != "," {
				comma--
			}
			piece := attribute.Range{Start: that, End: comma}
			found := []attribute.Found{{Cue: attribute.Range{Start: cue, End: cue + 1}, Content: piece, Pieces: []attribute.Range{piece}}}
			relativeThatStart(d, found)
			if got := rangeText(d, found[0].Pieces[0]); got != tc.want {
				t.Errorf("content %q, want %q", got, tc.want)
			}
			if found[0].Content != found[0].Pieces[0] {
				t.Errorf("envelope %v, piece %v", found[0].Content, found[0].Pieces[0])
			}
		})
	}
}

// TestParticipleAsideInSource: a participle phrase set off by commas
// after the speaker ("The firm, reporting its results since listing in
// June,") says what the speaker was doing; a name in it does not speak.
// A participle before a role noun opens a title and the name stays.
func TestParticipleAsideInSource(t *testing.T) {
	const story = "Mill results\n\n" +
		"The mill, reporting its first results since listing on the exchange in June, said sales had doubled.\n\n" +
		"The local press, deferring to the Harbour Board, said the closure was temporary.\n\n" +
		"Ruth Lamont, managing director of the mill's paper division, said the figures were good.\n"
	speakerOfContent(t, story, "sales had doubled", "mill")
	speakerOfContent(t, story, "closure was temporary", "local press")
	speakerOfContent(t, story, "the figures were good", "Ruth Lamont")
}

// TestPartyMembersIncluding: a party's members with some of them named
// after "including" are who speak, not the place they sit nor the first
// name in the list.
func TestPartyMembersIncluding(t *testing.T) {
	const story = "Budget vote\n\n" +
		"The budget passed late on Tuesday.\n\n" +
		"Republicans on Capitol Hill, including Senate Budget Committee Chairman Tom Brannock, R-Ohio, are praising the deal.\n"
	speakerOfContent(t, story, "the deal", "Republicans on Capitol Hill")
}

// TestParticipleAfterNounClause: a participle after a clause that
// completes a noun ("his comment that the mayor ..., saying") is what
// the main clause's subject did, not the clause's subject.
func TestParticipleAfterNounClause(t *testing.T) {
	const story = "Harbour row\n\n" +
		"Updated: Councillor Ruth Marsh on Sunday tried to clarify her comment that Mayor Tom Hale ran a “phony budget,” saying she was referring not to the mayor’s honesty but to the harbour accounts.\n"
	speakerOfContent(t, story, "she was referring", "Ruth Marsh")
}

// TestRelayOpeningSource: a relay that opens a source ("According to the
// Daily Courier, in 2012 Marsh tweeted:") is the report's relay, and the
// report its own, printed once.
func TestRelayOpeningSource(t *testing.T) {
	const story = "Council row grows\n\n" +
		"The councillor, meanwhile, is even more outspoken than her colleague.\n\n" +
		"According to the Daily Courier, in 2012 Marsh tweeted: “The harbour board has fooled the whole town, may they be found out soon.” Challenged about this tweet recently, she doubled down.\n\n" +
		"According to the Lakeside Post, chief operating officer Ann Ruiz said that the firm is \"kicking the tyres of pretty much every ferry company\".\n"
	x := extractOrFail(t, story)
	for _, c := range []struct{ phrase, speaker, relay string }{
		{"fooled the whole town", "Marsh", "Daily Courier"},
		{"kicking the tyres", "Ann Ruiz", "Lakeside Post"},
	} {
		n := 0
		for _, a := range x.Attributions {
			if len(a.Content) == 0 || !strings.Contains(a.Content[0].Text, c.phrase) {
				continue
			}
			n++
			if a.Speaker.Name != c.speaker || !slices.Contains(a.AccordingTo, c.relay) {
				t.Errorf("%q: speaker %q relays %v, want %q through %q", c.phrase, a.Speaker.Name, a.AccordingTo, c.speaker, c.relay)
			}
		}
		if n != 1 {
			t.Errorf("%q printed %d times, want once", c.phrase, n)
		}
	}
}

// TestDropSameContent: of two attributions with the same content, a
// relay gives way to the report it relays and becomes its relay; of two
// by one speaker the one whose cue is nearer the content stays, with
// what the other knew; two by different speakers both stay.
func TestDropSameContent(t *testing.T) {
	span := func(s, e int, text string) *claimtrail.Span { return &claimtrail.Span{Start: s, End: e, Text: text} }
	content := []claimtrail.Span{{Start: 40, End: 60, Text: "the plant would close"}}
	att := func(source string, cueStart, cueEnd int, cue, speaker string) claimtrail.Attribution {
		return claimtrail.Attribution{Source: span(0, 5, source), Cue: span(cueStart, cueEnd, cue), Content: content,
			Speaker: claimtrail.Speaker{Name: speaker, Kind: claimtrail.SpeakerPerson}, AccordingTo: []string{}}
	}
	relay := att("the Post", 10, 22, "according to", "Post")
	report := att("Hale", 25, 29, "said", "Tom Hale")
	got := dropSameContent([]claimtrail.Attribution{relay, report})
	if len(got) != 1 || got[0].Speaker.Name != "Tom Hale" || !slices.Equal(got[0].AccordingTo, []string{"Post"}) {
		t.Errorf("relay and report: got %+v", got)
	}
	far := att("Hale", 5, 9, "said", "Tom Hale")
	far.Channel = "interview"
	near := att("he", 30, 38, "implying", "Tom Hale")
	got = dropSameContent([]claimtrail.Attribution{far, near})
	if len(got) != 1 || got[0].Cue.Text != "implying" || got[0].Channel != "interview" {
		t.Errorf("one speaker: got %+v", got)
	}
	other := att("Ann Ruiz", 25, 29, "said", "Ann Ruiz")
	if got = dropSameContent([]claimtrail.Attribution{report, other}); len(got) != 2 {
		t.Errorf("two speakers: got %d attributions, want both", len(got))
	}
	// two speakers, one written at the content, one well away from it
	// ("Hale added: “...” In 1954 Godzilla first appeared")
	at := att("Tom Hale", 33, 39, "added:", "Tom Hale")
	at.Source = span(24, 32, "Tom Hale")
	away := att("Godzilla", 84, 98, "first appeared", "Godzilla")
	away.Source = span(75, 83, "Godzilla")
	if got = dropSameContent([]claimtrail.Attribution{away, at}); len(got) != 1 || got[0].Speaker.Name != "Tom Hale" {
		t.Errorf("near and far: got %+v", got)
	}
	// near miss: the near one's source stands far from its cue
	at.Source = span(0, 10, "US Customs")
	if got = dropSameContent([]claimtrail.Attribution{away, at}); len(got) != 2 {
		t.Errorf("near cue, far source: got %d attributions, want both", len(got))
	}
}

// TestAsIfToSay: a quote after words that only imagine speech ("as if to
// say") is nobody's; a quote after "to say" in a report still is.
func TestAsIfToSay(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"A flicker crossed his face as if to say \"You think you got me?\" before he smiled.", true},
		{"She shrugged, as though to ask, “Why is it always me?”", true},
		{"He rang the paper to say \"We will win this case in the end.\"", false},
		{"The minister said: \"We will win this case in the end.\"", false},
	}
	for _, tc := range cases {
		d := segment.Segment(tc.text)
		if len(d.Quotes) == 0 {
			t.Fatalf("%q: no quote found", tc.text)
		}
		if got := asIfToSay(d.Text, d.Quotes[0]); got != tc.want {
			t.Errorf("%q: imagined %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestEmployerSpeakers: a one-word name written before a word only a
// company or a club has ("Vantor shares", "a Vantor analyst") is an
// organisation; a person's name before "chief of staff" or with a title
// stays a person.
func TestEmployerSpeakers(t *testing.T) {
	const story = "Chip maker warns\n\n" +
		"Vantor shares fell 8% on Monday after the warning.\n\n" +
		"Vantor said demand for the older chips had slowed sharply in the spring.\n\n" +
		"Separately, Mr. Hale's chief of staff left the council.\n\n" +
		"Hale said the council would meet again next week.\n"
	x := extractOrFail(t, story)
	kinds := map[string]claimtrail.SpeakerKind{}
	for _, a := range x.Attributions {
		kinds[a.Speaker.Name] = a.Speaker.Kind
	}
	if kinds["Vantor"] != claimtrail.SpeakerOrganization {
		t.Errorf("Vantor: kind %q, want organization (speakers %v)", kinds["Vantor"], kinds)
	}
	if k, ok := kinds["Hale"]; ok && k != claimtrail.SpeakerPerson {
		t.Errorf("Hale: kind %q, want person", k)
	}
}

// TestProgrammeTold: a programme in quote marks in the place of the
// people told (“...,” he told “Meet the Voters.”) is no piece of what was
// said; words in quote marks after "told" that are no title still are.
func TestProgrammeTold(t *testing.T) {
	const story = "Senator speaks\n\n" +
		"The senator said he would block the nomination.\n\n" +
		"“You really want a diplomat in charge, not someone who is advocating for war,” he told “Meet the Voters.”\n"
	x := extractOrFail(t, story)
	a := attributionWith(t, x, "with content diplomat", hasContent(func(c string) bool { return strings.Contains(c, "diplomat") }))
	for _, c := range a.Content {
		if strings.Contains(c.Text, "Meet the Voters") {
			t.Errorf("programme kept as content: %q", c.Text)
		}
	}
}

// TestCharacterizedQuotes: the words in quote marks after "VERB something
// as" are the characterizer's: the subject, the agent of a passive, or
// the speaker of the report a participle follows; a passive with no
// agent and a noun described as something name nobody.
func TestCharacterizedQuotes(t *testing.T) {
	const story = "Council row\n\n" +
		"The mayor spoke to reporters after the meeting on Tuesday evening.\n\n" +
		"Ms Okafor described the new budget on Wednesday as \"a disgrace to the whole town\" before leaving.\n\n" +
		"The plan was described by Councillor Dunne as \"the best deal we could get\" in a letter.\n\n" +
		"“Let it come out,” Mayor Pell said, characterizing the inquiry as “a waste of everyone's time,” as he left.\n\n" +
		"A man described as \"a close friend of the family\" was seen at the scene.\n\n" +
		"Ms Okafor is under fire after a video surfaced of her mocking the mayor as a “clown who never read a budget” at a rally.\n"
	runExtractCases(t, []extractCase{
		{name: "subject", text: story, content: "a disgrace to the whole town", want: true, speaker: "Okafor"},
		{name: "agent", text: story, content: "the best deal we could get", want: true, speaker: "Dunne"},
		{name: "participle", text: story, content: "a waste of everyone", want: true, speaker: "Pell"},
		{name: "no agent", text: story, content: "a close friend of the family", want: false},
		{name: "inside another report", text: story, content: "clown who never read a budget", want: true, speaker: "Okafor"},
	})
}

// TestDropContainedContent: a second, shorter reading of the same words
// goes (an inner one with no speaker, or one by the same speaker); a cue
// over the start of a quote standing alone takes the whole quote; a
// report nested in another's content and readings by two named speakers
// stay.
func TestDropContainedContent(t *testing.T) {
	span := func(s, e int) *claimtrail.Span { return &claimtrail.Span{Start: s, End: e} }
	att := func(name string, src, cue *claimtrail.Span, s, e int) claimtrail.Attribution {
		return claimtrail.Attribution{Source: src, Cue: cue, Content: []claimtrail.Span{{Start: s, End: e}}, Kind: claimtrail.KindDirect,
			Speaker: claimtrail.Speaker{Name: name}, AccordingTo: []string{}}
	}
	cases := []struct {
		name  string
		atts  []claimtrail.Attribution
		left  int
		check func([]claimtrail.Attribution) bool
	}{
		{"inner without a speaker", []claimtrail.Attribution{
			att("Tom Hale", span(0, 4), span(5, 11), 12, 90), att("", span(0, 3), span(3, 11), 12, 40)}, 1,
			func(a []claimtrail.Attribution) bool { return a[0].Speaker.Name == "Tom Hale" }},
		{"same speaker, shorter", []claimtrail.Attribution{
			att("Tom Hale", span(0, 4), span(5, 10), 12, 90), att("Tom Hale", span(92, 94), span(95, 101), 40, 60)}, 1,
			func(a []claimtrail.Attribution) bool { return a[0].Content[0].End == 90 }},
		{"cue over the start of a lone quote", []claimtrail.Attribution{
			att("Tom Hale", span(0, 4), span(5, 10), 12, 40), att("Tom Hale", nil, nil, 12, 90)}, 1,
			func(a []claimtrail.Attribution) bool { return a[0].Cue != nil && a[0].Content[0].End == 90 }},
		{"nested report", []claimtrail.Attribution{
			att("Tom Hale", span(0, 4), span(5, 10), 12, 90), att("Ann Ruiz", span(12, 20), span(21, 25), 26, 60)}, 2, nil},
		{"two named speakers", []claimtrail.Attribution{
			att("Tom Hale", span(0, 4), span(5, 10), 12, 90), att("Ann Ruiz", span(92, 100), span(101, 105), 40, 60)}, 2, nil},
	}
	for _, tc := range cases {
		got := dropContainedContent(tc.atts)
		if len(got) != tc.left || tc.check != nil && !tc.check(got) {
			t.Errorf("%s: got %+v", tc.name, got)
		}
	}
}

// TestPrepositionObjectSource: the object of a preposition that ends a
// cue ("claiming on many occasions", "saying in an interview with the
// Daily Courier") is when, where or to whom it was said; the speaker is
// the main clause's subject.
func TestPrepositionObjectSource(t *testing.T) {
	cases := []struct{ text, cue, want string }{
		{"Rift widens\n\nGovernor Tom Hale has repeatedly attacked the council over the port, claiming on many occasions that the mayor has “sold the harbour down the river.”\n",
			"claiming", "Hale"},
	}
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		c := lastToken(d, tc.cue)
		on := c + 1
		occ := lastToken(d, "occasions")
		found := []attribute.Found{{Cue: attribute.Range{Start: c, End: on + 1}, Source: attribute.Range{Start: on + 1, End: occ + 1},
			Content: attribute.Range{Start: occ + 1, End: len(d.Tokens) - 1}, Pieces: []attribute.Range{{Start: occ + 1, End: len(d.Tokens) - 1}}}}
		prepositionObjectSource(d, found)
		if got := zzOrEmpty(d, found[0].Source); !strings.Contains(got, tc.want) {
			t.Errorf("source %q, want %q", got, tc.want)
		}
	}
}

// zzOrEmpty is the text of tokens r of d, "" for none.
func zzOrEmpty(d *doc.Doc, r attribute.Range) string {
	if r.Empty() {
		return ""
	}
	return rangeText(d, r)
}

// TestSnapMixedQuoteEnds: a report's content that opens a quotation after
// the reporter's words and stops at a sentence's end inside the marks
// runs to the quotation's end; one whose quotation holds another report
// stops where it did.
func TestSnapMixedQuoteEnds(t *testing.T) {
	cases := []struct {
		name, text, stopAt, want string
	}{
		{"rest of the quotation", "Scholars rebuke senator\n\nThe scholars say that it is true that “It calls for solutions found close to towns. But it also demands help from above.”\n",
			"towns", "above.”"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := taggedDoc(t, tc.text)
			cue := lastToken(d, "say")
			piece := attribute.Range{Start: cue + 1, End: lastToken(d, tc.stopAt) + 1}
			found := []attribute.Found{{Cue: attribute.Range{Start: cue, End: cue + 1}, Source: attribute.Range{Start: cue - 2, End: cue},
				Content: piece, Pieces: []attribute.Range{piece}}}
			snapMixedQuoteEnds(d, found)
			if got := rangeText(d, found[0].Pieces[0]); !strings.HasSuffix(got, tc.want) {
				t.Errorf("content %q, want it to end %q", got, tc.want)
			}
			// near miss: another report starts inside the rest
			other := attribute.Range{Start: lastToken(d, "But"), End: lastToken(d, "But") + 1}
			found = []attribute.Found{found[0], {Cue: other, Source: other}}
			found[0].Pieces[0] = piece
			snapMixedQuoteEnds(d, found)
			if found[0].Pieces[0] != piece {
				t.Errorf("widened over another report: %q", rangeText(d, found[0].Pieces[0]))
			}
		})
	}
}

// TestNounCompoundReports: "according to local news reports" is no report
// by "local news"; "amid opposition claims he was ..." stays.
func TestNounCompoundReports(t *testing.T) {
	cases := []struct {
		name, text, src, cue string
		contentFirst         bool
		want                 bool // kept
	}{
		{"news reports", "Attack\n\nAbout 50 other people were wounded, according to local news reports.\n", "local", "reports", true, false},
		{"opposition claims", "Budget\n\nThe chancellor gave his report amid opposition claims he was too bullish.\n", "opposition", "claims", false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := taggedDoc(t, tc.text)
			cue := lastToken(d, tc.cue)
			src := attribute.Range{Start: lastToken(d, tc.src), End: cue}
			var piece attribute.Range
			if tc.contentFirst {
				piece = attribute.Range{Start: d.Sents[d.Tokens[cue].Sent].First, End: lastToken(d, ",")}
			} else {
				piece = attribute.Range{Start: cue + 1, End: len(d.Tokens) - 1}
			}
			found := nounCompoundReports(d, []attribute.Found{{Cue: attribute.Range{Start: cue, End: cue + 1}, Source: src, Content: piece, Pieces: []attribute.Range{piece}}})
			if got := len(found) == 1; got != tc.want {
				t.Errorf("kept %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTimeBeforeThat: "have warned for | years that ..." is "have warned
// for years | that ...".
func TestTimeBeforeThat(t *testing.T) {
	d := taggedDoc(t, "Deficits\n\nDeficit hawks have warned for years that a day of reckoning is coming.\n")
	cue := attribute.Range{Start: lastToken(d, "have"), End: lastToken(d, "for") + 1}
	piece := attribute.Range{Start: cue.End, End: len(d.Tokens) - 1}
	found := []attribute.Found{{Cue: cue, Source: attribute.Range{Start: cue.Start - 2, End: cue.Start}, Content: piece, Pieces: []attribute.Range{piece}}}
	timeBeforeThat(d, found)
	if got := rangeText(d, found[0].Pieces[0]); !strings.HasPrefix(got, "that a day") {
		t.Errorf("content %q, want it to start at \"that\"", got)
	}
	if got := rangeText(d, found[0].Cue); got != "have warned for years" {
		t.Errorf("cue %q", got)
	}
}

// TestPlaceAdjectiveBeforeRole: "Sydney Olympic gold medallist Jane
// Moore" is Jane Moore: the capitalised run (a place that is also a given
// name, then an adjective) and a modifier before the role are no one.
func TestPlaceAdjectiveBeforeRole(t *testing.T) {
	const story = "Swim meet\n\n\"It was a great night for us,\" said Sydney Olympic gold medallist Jane Moore.\n"
	speakerOfContent(t, story, "great night", "Jane Moore")
}

// TestAccordingToName: a relay's name cut by the model ("According to
// state | statistics body INSEE, growth ...", "According to Mr | Mendis,
// half ...") is the source's whole, and the content starts after its
// comma.
func TestAccordingToName(t *testing.T) {
	d := taggedDoc(t, "French growth\n\nAccording to state statistics body INSEE, growth for the three months was 0.7%.\n")
	cue := attribute.Range{Start: lastToken(d, "According"), End: lastToken(d, "to") + 1}
	src := attribute.Range{Start: cue.End, End: cue.End + 1}
	piece := attribute.Range{Start: src.End, End: len(d.Tokens) - 1}
	found := []attribute.Found{{Cue: cue, Source: src, Content: piece, Pieces: []attribute.Range{piece}}}
	accordingToName(d, found)
	if got := rangeText(d, found[0].Source); got != "state statistics body INSEE" {
		t.Errorf("source %q", got)
	}
	if got := rangeText(d, found[0].Pieces[0]); !strings.HasPrefix(got, "growth") {
		t.Errorf("content %q", got)
	}
}

// TestWrittenWork: "wrote the screenplay", "wrote opinion columns for the
// Post" are works written, not what was said; "wrote several letters to
// Congress saying ..." and a quote stay.
func TestWrittenWork(t *testing.T) {
	att := func(cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Cue: &claimtrail.Span{Text: cue}, Content: []claimtrail.Span{{Text: content}}}
	}
	cases := []struct {
		cue, content string
		want         bool
	}{
		{"wrote", "the screenplay based on his book before his death", true},
		{"wrote", "opinion columns for the Post critical of the royal family", true},
		{"wrote", "several letters to Congress saying the budget was unjust", false},
		{"wrote", "that the budget was unjust", false},
		{"said", "the screenplay was finished", false},
		{"wrote", "in his column that “the budget is a disgrace to the whole town and its people”", false},
	}
	for _, tc := range cases {
		if got := writtenWork(att(tc.cue, tc.content)); got != tc.want {
			t.Errorf("%s | %s: %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestLessonTold: a field of knowledge that "tells us" and a work or
// record that "tells the story of" say nothing; a person telling a story
// about an event still reports.
func TestLessonTold(t *testing.T) {
	att := func(src, cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Source: &claimtrail.Span{Text: src}, Cue: &claimtrail.Span{Text: cue}, Content: []claimtrail.Span{{Text: content}}}
	}
	cases := []struct {
		src, cue, content string
		want              bool
	}{
		{"Neuroscience", "tells", "us that most of the brain's work is unconscious", true},
		{"The film", "tells", "the story of two police officers on the run", true},
		{"The release history", "tells", "a slightly different story", true},
		{"Mr Hale", "told", "reporters that the port would close", false},
		{"She", "told", "police that she had seen the van", false},
	}
	for _, tc := range cases {
		if got := lessonTold(att(tc.src, tc.cue, tc.content)); got != tc.want {
			t.Errorf("%s %s %s: %v, want %v", tc.src, tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestTheyNotDocuments: "They" after "Many reports suggest ..." are not
// the reports.
func TestTheyNotDocuments(t *testing.T) {
	a := claimtrail.Attribution{Source: &claimtrail.Span{Start: 100, End: 104, Text: "They"}, Cue: &claimtrail.Span{Start: 105, End: 109, Text: "tell"},
		Content: []claimtrail.Span{{Start: 110, End: 130, Text: "horror stories"}}}
	theyFromContext(&a, claimtrail.Speaker{Name: "Many reports", Kind: claimtrail.SpeakerDescription}, 40)
	if a.Speaker.Name != "" {
		t.Errorf("they -> %q, want nobody", a.Speaker.Name)
	}
	theyFromContext(&a, claimtrail.Speaker{Name: "Many drivers", Kind: claimtrail.SpeakerDescription}, 40)
	if a.Speaker.Name != "Many drivers" {
		t.Errorf("they -> %q, want the drivers", a.Speaker.Name)
	}
}

// TestGivenNameAloneAntecedent: a speaker named by a given name alone
// ("Michelle, a mother of twins, said") is who "she" goes on about.
func TestGivenNameAloneAntecedent(t *testing.T) {
	const story = "Agency criticised\n\nThe agency was criticised by MPs on Tuesday.\n\n" +
		"Michelle, a mother of twins, said she had not received a penny from her ex-partner. " +
		"\"I don't receive letters, I have to chase them all the time,\" she said.\n"
	speakerOfContent(t, story, "chase them all the time", "Michelle")
}

// TestReportInSourceWithItsOwnCue: "The report reveals that 84% of net
// users say ..." is the users' report; the report's "reveals" is its
// own attribution.
func TestReportInSourceWithItsOwnCue(t *testing.T) {
	d := taggedDoc(t, "Search study\n\nThe report reveals that 84% of net users say they use the site daily.\n")
	rev, say := lastToken(d, "reveals"), lastToken(d, "say")
	found := []attribute.Found{
		{Cue: attribute.Range{Start: rev, End: rev + 1}, Source: attribute.Range{Start: rev - 2, End: rev}},
		{Cue: attribute.Range{Start: say, End: say + 1}, Source: attribute.Range{Start: rev - 2, End: say}},
	}
	trimReportInSource(d, found)
	if got := rangeText(d, found[1].Source); got != "84% of net users" {
		t.Errorf("source %q, want \"84%% of net users\"", got)
	}
}
