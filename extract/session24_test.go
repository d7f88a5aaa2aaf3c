package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// TestSelfObjectParticiple: a participle cue whose object is the
// source's own pronoun ("she got comments accusing her of ...") loses
// that source and its speaker; a possessive "her" after the pronoun ("she
// said her role was") and another object ("accusing him of") keep it.
func TestSelfObjectParticiple(t *testing.T) {
	cases := []struct {
		source, cue, content string
		dropped              bool
	}{
		{"she", "accusing", "her of ruining the flag", true},
		{"He", "ordering", "him to stop repeating the claim", true},
		{"they", "branding", "them a “disgrace”", true},
		{"she", "said", "her role was simple", false},
		{"she", "accusing", "him of ruining the flag", false},
		{"she", "calling", "her own role simple", false},
	}
	for _, tc := range cases {
		a := claimtrail.Attribution{
			Source:  &claimtrail.Span{Start: 0, End: len(tc.source), Text: tc.source},
			Cue:     &claimtrail.Span{Start: 10, End: 10 + len(tc.cue), Text: tc.cue},
			Content: []claimtrail.Span{{Start: 30, End: 30 + len(tc.content), Text: tc.content}},
			Speaker: claimtrail.Speaker{Name: "Vera Lund", Kind: claimtrail.SpeakerPerson},
		}
		selfObjectParticiple(&a)
		if got := a.Source == nil && a.Speaker.Kind == claimtrail.SpeakerUnknown; got != tc.dropped {
			t.Errorf("%s %s %s: source dropped %v, want %v", tc.source, tc.cue, tc.content, got, tc.dropped)
		}
	}
}

// TestPhraseBeforeCue: a noun phrase between a source and its cue, right
// before the cue, is the cue's subject, not what was said ("..., lenders
// have said"); a clause there ("which critics say is more open") and a
// phrase with a comma before the cue stay.
func TestPhraseBeforeCue(t *testing.T) {
	cases := []struct {
		text, source, content, cue string
		drop                       bool
	}{
		{"Mortgage lending showed a lull in January, lenders have said.", "Mortgage lending", "lenders", "have said", true},
		{"She had waived her right, a contention her lawyer disputed.", "She", "a contention her lawyer", "disputed", true},
		{"The council chose a tender, which critics say is more open.", "a tender", "which critics", "say", false},
		{"Ann Vale, the party's chief adviser, said more.", "Ann Vale", "the party's chief adviser", "said", false},
	}
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		span := func(s string) *claimtrail.Span {
			i := strings.Index(tc.text, s)
			return &claimtrail.Span{Start: i, End: i + len(s), Text: s} // ASCII: bytes are code points
		}
		a := claimtrail.Attribution{Source: span(tc.source), Cue: span(tc.cue), Content: []claimtrail.Span{*span(tc.content)}}
		if got := phraseBeforeCue(d, tc.text, func(cp int) int { return cp }, &a); got != tc.drop {
			t.Errorf("%q: dropped %v, want %v", tc.text, got, tc.drop)
		}
	}
}

// TestOrderedThing: "ordered" with the thing ordered for its content is
// an act ("ordered 30 Airbus planes", "ordered the release of text
// messages"); a command to someone ("ordered the doctors to return"),
// "ordered that ...", quoted words and "asked" stay.
func TestOrderedThing(t *testing.T) {
	runActCases(t, orderedThing, []actCase{
		{"has ordered", "30 Airbus planes in a $1.8bn deal", true},
		{"also ordered", "the release of unredacted text messages", true},
		{"has ordered", "a rewrite of the proposals", true},
		{"ordered", "the doctors to return to work within 48 hours", false},
		{"ordered", "that the files be released", false},
		{"ordered", "a “full and frank” review", false},
		{"asked", "a rewrite of the proposals", false},
	})
}

// TestParticipleAfterQuote: "It said "...," adding ..." is the speaker
// of "said" adding, never a noun inside the quote before "adding".
func TestParticipleAfterQuote(t *testing.T) {
	const story = "Consulate cable\n\nThe cable also warned that the brigade appeared to be compromised. It said \"requests to provide a daily police presence have gone unanswered,\" adding there was also a \"lack of host nation security support to the US mission.\"\n"
	for _, a := range extractOrFail(t, story).Attributions {
		if a.Cue == nil || a.Cue.Text != "adding" {
			continue
		}
		if a.Source == nil || a.Source.Text != "It" || a.Speaker.Name != "cable" {
			t.Errorf("adding: source %v, speaker %q, want It (the cable)", a.Source, a.Speaker.Name)
		}
		return
	}
	t.Error("no attribution with cue adding")
}

// TestFootnoteLine: an attribution on a line opening with a caret (a
// wiki footnote) is dropped whatever its cue; one on a body line stays.
func TestFootnoteLine(t *testing.T) {
	text := "Body line: Vera Lund said the tolls would fall.\n^ \"Toll notes\". Harbour Post. We at the Post think the tolls will fall.\n^ Film Review: ‘The Tide’\n"
	cases := []struct {
		from string
		want bool
	}{
		{"Vera Lund", false},
		{"We at the Post", true},
		{"^ Film Review", true},
	}
	for _, tc := range cases {
		i := strings.Index(text, tc.from)
		a := claimtrail.Attribution{Source: &claimtrail.Span{Start: i, End: i + len(tc.from), Text: tc.from},
			Cue: &claimtrail.Span{Start: i + len(tc.from) + 1, End: i + len(tc.from) + 5, Text: "said"}}
		if got := footnoteLine(text, func(cp int) int { return cp }, &a); got != tc.want {
			t.Errorf("%q: footnote %v, want %v", tc.from, got, tc.want)
		}
	}
}

// TestAccordingToSourceCut: a relay's source that runs past a comma into
// a clause with a finite verb stops at that comma, and a content piece
// that started where it ended starts after the comma ("According to our
// correspondent, | the findings contain few new surprises"); an
// apposition and its relative clause stay whole.
func TestAccordingToSourceCut(t *testing.T) {
	cases := []struct{ text, source, content, wantSource, wantContent string }{
		{"According to our correspondent, the findings contain few new surprises.", "our correspondent, the findings contain", "few new surprises", "our correspondent", "the findings contain few new surprises"},
		{"According to Mr Vance, Lord Hale had warned the mayor.", "Mr Vance, Lord Hale had warned the mayor", "", "Mr Vance", ""},
		{"According to John Binks, director of Kestrel, which monitors markets, sales doubled.", "John Binks, director of Kestrel, which monitors markets", "sales doubled", "John Binks, director of Kestrel, which monitors markets", "sales doubled"},
	}
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		rng := func(phrase string) attribute.Range { return phraseRange(d, tc.text, phrase) }
		f := attribute.Found{Cue: rng("According to"), Source: rng(tc.source)}
		if tc.content != "" {
			f.Content = rng(tc.content)
			f.Pieces = []attribute.Range{f.Content}
		}
		found := []attribute.Found{f}
		accordingToSourceCut(d, found)
		if got := rangeText(d, found[0].Source); got != tc.wantSource {
			t.Errorf("source %q, want %q", got, tc.wantSource)
		}
		if tc.content != "" {
			if got := rangeText(d, found[0].Pieces[0]); got != tc.wantContent {
				t.Errorf("content %q, want %q", got, tc.wantContent)
			}
		}
	}
}

// TestSurveyedInSource: the participle naming a survey's people belongs
// to the source, not the cue ("Many of those | questioned said").
func TestSurveyedInSource(t *testing.T) {
	text := "Many of those questioned said they kept a landline."
	d := taggedDoc(t, text)
	f := attribute.Found{Source: attribute.Range{Start: 0, End: 3}, Cue: attribute.Range{Start: 3, End: 5}}
	found := []attribute.Found{f}
	surveyedInSource(d, found)
	if got := rangeText(d, found[0].Source); got != "Many of those questioned" {
		t.Errorf("source %q, want %q", got, "Many of those questioned")
	}
	if got := rangeText(d, found[0].Cue); got != "said" {
		t.Errorf("cue %q, want said", got)
	}
}

// TestObjectBeforeInfinitive: after a directive cue the person addressed
// is part of what was urged ("urged | Yoon | to step down"); a phrase
// with a verb or a preposition between, and "told", are left alone.
func TestObjectBeforeInfinitive(t *testing.T) {
	cases := []struct{ text, cue, content, want string }{
		{"Han urged Yoon to step down at once.", "urged", "to step down at once", "Yoon to step down at once"},
		{"Dubs called on the government to think again.", "called on", "to think again", "the government to think again"},
		{"Ann told the board to wait.", "told", "to wait", "to wait"},
		{"Ann urged in vain to wait.", "urged", "to wait", "to wait"},
	}
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		rng := func(phrase string) attribute.Range { return phraseRange(d, tc.text, phrase) }
		c := rng(tc.content)
		found := []attribute.Found{{Source: attribute.Range{Start: 0, End: 1}, Cue: rng(tc.cue), Content: c, Pieces: []attribute.Range{c}}}
		objectBeforeInfinitive(d, found)
		if got := rangeText(d, found[0].Pieces[0]); got != tc.want {
			t.Errorf("%q: content %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestQuoteAfterRelay: a relay set off mid-sentence takes the quote that
// follows its comma or dash when the model gave it the words before ("a
// code including — according to the notes — “provision to protect
// ...”"); a content with its own quote marks is left.
func TestQuoteAfterRelay(t *testing.T) {
	cases := []struct{ text, content, want string }{
		{"There would be a code including — according to the notes of the bill — “provision to protect the sources”.", "There would be a code including", "“provision to protect the sources”"},
		{"It came to light that, according to Ann Vale in the Post, “the money was traced to the fund.”", "It came to light that", "“the money was traced to the fund.”"},
		{"He called it “a mess” — according to the notes of the bill — “provision to protect the sources”.", "He called it “a mess”", "He called it “a mess”"},
	}
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		rng := func(phrase string) attribute.Range { return phraseRange(d, tc.text, phrase) }
		src := "the notes of the bill"
		if strings.Contains(tc.text, "Ann Vale") {
			src = "Ann Vale in the Post"
		}
		c := rng(tc.content)
		found := []attribute.Found{{Cue: rng("according to"), Source: rng(src), Content: c, Pieces: []attribute.Range{c}}}
		quoteAfterRelay(d, found)
		if got := rangeText(d, found[0].Pieces[0]); got != tc.want {
			t.Errorf("%q: content %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestWithCue: a cue ending in "with" after a verb that is no report is
// an act ("argued with", "filed a document with", "negotiated with");
// "agreed with", "sided with", "said in an interview with" and quoted
// words are reports.
func TestWithCue(t *testing.T) {
	runActCases(t, withCue, []actCase{
		{"argued with", "Vance instead of asking questions", true},
		{"filed a document with", "the Supreme Court in defence of the firms", true},
		{"negotiated with", "the company that held the rights", true},
		{"agreed with", "the auditor's assessment of the fraud", false},
		{"said in an interview with", "that the plan had no legs", false},
		{"sided with", "his colleagues in having a “limited” inquiry", false},
	})
}

// phraseRange is the tokens of d that phrase covers in text (the first
// place it stands); no phrase, no tokens.
func phraseRange(d *doc.Doc, text, phrase string) attribute.Range {
	if phrase == "" {
		return attribute.Range{}
	}
	b := strings.Index(text, phrase)
	return attribute.Range{Start: tokenFrom(d, b), End: tokenFrom(d, b+len(phrase))}
}

// cueAndContent is an attribution of a cue and, after it, one content
// piece, for the rules that read only those two.
func cueAndContent(cue, content string) claimtrail.Attribution {
	start := len(cue) + 20
	return claimtrail.Attribution{
		Cue:     &claimtrail.Span{Start: 10, End: 10 + len(cue), Text: cue},
		Content: []claimtrail.Span{{Start: start, End: start + len(content), Text: content}},
	}
}

// actCase is a cue, the content after it, and whether a rule reads the
// two as an act, no speech.
type actCase struct {
	cue, content string
	act          bool
}

// runActCases holds a rule that reads only a cue and its content to
// cases.
func runActCases(t *testing.T, isAct func(*claimtrail.Attribution) bool, cases []actCase) {
	t.Helper()
	for _, tc := range cases {
		a := cueAndContent(tc.cue, tc.content)
		if got := isAct(&a); got != tc.act {
			t.Errorf("%s %s: act %v, want %v", tc.cue, tc.content, got, tc.act)
		}
	}
}
