package extract

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/doc"
)

// fixture is an invented text prepared (segmented and tagged) as the
// default mode does, with helpers to make spans of its words.
type fixture struct {
	t      *testing.T
	text   string
	rs     []rune
	d      *doc.Doc
	byteOf func(int) int
}

func newFixture(t *testing.T, text string) *fixture {
	d := newExtractor(t).Prepare(text)
	runes := doc.NewRunes(text)
	return &fixture{t: t, text: text, rs: []rune(text), d: d, byteOf: func(cp int) int {
		return sort.Search(len(text)+1, func(b int) bool { return runes.At(b) >= cp })
	}}
}

// span is the first occurrence of sub at or after code point from.
func (f *fixture) span(sub string, from int) *claimtrail.Span {
	i := indexRunes(f.rs[from:], []rune(sub))
	if i < 0 {
		f.t.Fatalf("%q not in the fixture after %d", sub, from)
	}
	return &claimtrail.Span{Start: from + i, End: from + i + len([]rune(sub)), Text: sub}
}

// TestHabitualAside: on a page that reports nobody's speech, a present
// tense "X supports / users tend to / ... is" states how things are; a
// verb of communication or cognition, an attitude ("prefer"), the past
// tense, a poll's count, a quote and the headline stay.
func TestHabitualAside(t *testing.T) {
	f := newFixture(t, "Quill supports nested tables\n\n"+
		"Quill supports nested tables in every export format. "+
		"Most readers prefer short pages with one table each. "+
		"Most users tend to open the tables in a browser. "+
		"Quill explains the export options in its manual. "+
		"Quill supported nested tables in its first release. "+
		"In our survey, 41% prefer short pages with one table each. "+
		"Most readers prefer “short pages,” the survey found.\n")
	titleEnd := indexRunes(f.rs, []rune("\n"))
	body := titleEnd
	at := func(sub string) int { return f.span(sub, body).Start }
	for _, tc := range []struct {
		name           string
		src, cue, cont string
		from           int
		want           bool
	}{
		{"thing supports", "Quill", "supports", "nested tables in every export format", 0, true},
		{"users tend", "Most users", "tend", "to open the tables in a browser", 0, true},
		{"an attitude", "Most readers", "prefer", "short pages with one table each", 0, false},
		{"headline", "Quill", "supports", "nested tables", -1, false},
		{"verb of communication", "Quill", "explains", "the export options in its manual", 0, false},
		{"past tense", "Quill", "supported", "nested tables in its first release", 0, false},
		{"poll", "41%", "prefer", "short pages with one table each", at("41%"), false},
		{"quoted", "Most readers", "prefer", "“short pages,”", at("Most readers prefer “"), false},
	} {
		from := body
		if tc.from < 0 {
			from = 0
		} else if tc.from > 0 {
			from = tc.from
		}
		src := f.span(tc.src, from)
		cue := f.span(tc.cue, src.End)
		a := claimtrail.Attribution{Source: src, Cue: cue, Content: []claimtrail.Span{*f.span(tc.cont, cue.End)}}
		if got := habitualAside(f.d, f.byteOf, &a, titleEnd); got != tc.want {
			t.Errorf("%s: habitualAside = %v, want %v", tc.name, got, tc.want)
		}
	}
	// end to end: the writer page loses the aside and keeps the poll
	x, err := newExtractor(t).Extract(context.Background(), f.text)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range x.Attributions {
		if a.Cue != nil && a.Source != nil && a.Source.Text == "Quill" && strings.HasPrefix(a.Cue.Text, "supports") && a.Cue.Start > titleEnd {
			t.Errorf("habitual aside printed: %q %q %q", a.Source.Text, a.Cue.Text, a.ContentText())
		}
	}
}

// TestCutConjoinedReport: a content that runs on into a second speaker's
// clause ("..., and the army said ...") ends before it; two joined
// subjects, a clause inside a quote, and a verb that is no speech stay.
func TestCutConjoinedReport(t *testing.T) {
	text := "The ministry said the mayor was safe at home and the army said it was guarding him. " +
		"Okafor said the bus plan would start in May, though she acknowledged it was late. " +
		"He said the city and its allies will seek new funds for the plan. " +
		"Okafor said the bus plan would start in May and riders will seek new routes. " +
		"Lee said “the plan is late and the mayor said so himself” on Monday.\n"
	f := newFixture(t, text)
	for _, tc := range []struct {
		name           string
		src, cue, cont string
		src2, cue2     string
		want           string
		sentence       string
	}{
		{name: "and X said", sentence: "The ministry", src: "The ministry", cue: "said", cont: "the mayor was safe at home and the army said it was guarding him",
			src2: "the army", cue2: "said", want: "the mayor was safe at home"},
		{name: "though she acknowledged", sentence: "Okafor said the bus plan would start in May, though", src: "Okafor", cue: "said", cont: "the bus plan would start in May, though she acknowledged it was late",
			src2: "she", cue2: "acknowledged", want: "the bus plan would start in May"},
		{name: "joined subjects", sentence: "He said the city", src: "He", cue: "said", cont: "the city and its allies will seek new funds for the plan",
			src2: "its allies", cue2: "will seek", want: "the city and its allies will seek new funds for the plan"},
		{name: "and no verb of reporting", sentence: "Okafor said the bus plan would start in May and", src: "Okafor", cue: "said", cont: "the bus plan would start in May and riders will seek new routes",
			src2: "riders", cue2: "will seek", want: "the bus plan would start in May and riders will seek new routes"},
		{name: "inside a quote", sentence: "Lee said", src: "Lee", cue: "said", cont: "“the plan is late and the mayor said so himself”",
			src2: "the mayor", cue2: "said", want: "“the plan is late and the mayor said so himself”"},
	} {
		from := f.span(tc.sentence, 0).Start
		src := f.span(tc.src, from)
		cue := f.span(tc.cue, src.End)
		cont := f.span(tc.cont, cue.End)
		src2 := f.span(tc.src2, cont.Start)
		cue2 := f.span(tc.cue2, src2.End)
		a := claimtrail.Attribution{Source: src, Cue: cue, Content: []claimtrail.Span{*cont}}
		sources := []spokenBy{{*src, *cue}, {*src2, *cue2}}
		cutConjoinedReport(f.d, f.byteOf, &a, sources)
		if got := a.Content[0].Text; got != tc.want {
			t.Errorf("%s: content %q, want %q", tc.name, got, tc.want)
		}
		if c := a.Content[0]; string(f.rs[c.Start:c.End]) != c.Text {
			t.Errorf("%s: offsets [%d,%d) do not hold %q", tc.name, c.Start, c.End, c.Text)
		}
	}
}

// TestImperativeCue: a sentence that opens with an imperative verb of
// saying or thinking ("Note that", "Don’t say") tells the reader what to
// do; a cue after its content, a participle ("Asked whether"), a cue
// inside the sentence, and a source keep it.
func TestImperativeCue(t *testing.T) {
	text := "The plug-in is small. Note that it can read your files. " +
		"So stop it.\n\nDon’t say “this post literally burned up my computer.” " +
		"Asked whether the plan was late, the mayor said no. " +
		"We talked, and note that nobody left. " +
		"“It is late,” said the mayor.\n"
	f := newFixture(t, text)
	for _, tc := range []struct {
		name      string
		cue, cont string
		source    string
		want      bool
	}{
		{"note that", "Note", "that it can read your files", "", true},
		{"don't say", "Don’t say", "“this post literally burned up my computer.”", "", true},
		{"participle", "Asked", "whether the plan was late", "", false},
		{"inside the sentence", "note", "that nobody left", "", false},
		{"with a source", "Note", "that it can read your files", "The plug-in", false},
		{"cue after its content", "said", "“It is late,”", "", false},
	} {
		cue := f.span(tc.cue, 0)
		from := cue.End
		if tc.cue == "said" {
			from = 0
		}
		a := claimtrail.Attribution{Cue: cue, Content: []claimtrail.Span{*f.span(tc.cont, from)}}
		if tc.source != "" {
			a.Source = f.span(tc.source, 0)
		}
		if got := imperativeCue(f.text, f.byteOf, &a); got != tc.want {
			t.Errorf("%s: imperativeCue = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestLayoutLabel: "UPDATE:" or "Example:" before a colon heads a part of
// the page; a name, and a label in the headline, stay speakers.
func TestLayoutLabel(t *testing.T) {
	sp := func(start int, text string) *claimtrail.Span {
		return &claimtrail.Span{Start: start, End: start + len([]rune(text)), Text: text}
	}
	for _, tc := range []struct {
		name   string
		source string
		start  int
		want   bool
	}{
		{"update", "UPDATE", 100, true},
		{"example", "Example", 100, true},
		{"a name", "WALLACE", 100, false},
		{"headline", "Poll", 0, false},
	} {
		a := claimtrail.Attribution{Source: sp(tc.start, tc.source), Cue: sp(tc.start+len(tc.source), ":"), Content: []claimtrail.Span{*sp(tc.start+20, "the council voted")}}
		if got := layoutLabel(&a, 30); got != tc.want {
			t.Errorf("%s: layoutLabel = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestNounPhraseQuote: a quote standing alone inside a noun phrase ("about
// a “...”") did not come from the speaker before it; a quote that opens
// its sentence, one with a cue, and one without a speaker from context
// are left to the other rules.
func TestNounPhraseQuote(t *testing.T) {
	text := "“We cut prices,” Ann Lee said. There is nothing cheap about a “fresh, wild-caught fillet.” " +
		"“Prices will fall again,” she said. “They will,” he added.\n"
	rs := []rune(text)
	runes := doc.NewRunes(text)
	byteOf := func(cp int) int { return sort.Search(len(text)+1, func(b int) bool { return runes.At(b) >= cp }) }
	quote := func(sub string) []claimtrail.Span {
		i := indexRunes(rs, []rune(sub))
		return []claimtrail.Span{{Start: i, End: i + len([]rune(sub)), Text: sub}}
	}
	ctx := []string{"no-cue", "speaker-from-context"}
	for _, tc := range []struct {
		name string
		a    claimtrail.Attribution
		want bool
	}{
		{"about a", claimtrail.Attribution{Content: quote("“fresh, wild-caught fillet.”"), Flags: ctx}, true},
		{"opens its sentence", claimtrail.Attribution{Content: quote("“Prices will fall again,”"), Flags: ctx}, false},
		{"no speaker from context", claimtrail.Attribution{Content: quote("“fresh, wild-caught fillet.”"), Flags: []string{"no-cue"}}, false},
		{"with a cue", claimtrail.Attribution{Cue: &claimtrail.Span{Text: "said"}, Content: quote("“fresh, wild-caught fillet.”"), Flags: ctx}, false},
	} {
		if got := nounPhraseQuote(text, byteOf, &tc.a); got != tc.want {
			t.Errorf("%s: nounPhraseQuote = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestMemoryGerund: "recalls | thinking, “...”" becomes "recalls thinking
// | “...”"; a gerund that is no verb of saying or thinking, or a cue
// that is no remembering, stays as it was.
func TestMemoryGerund(t *testing.T) {
	for _, tc := range []struct{ cue, content, wantCue, wantContent string }{
		{"recalls", "thinking, “This will never work.”", "recalls thinking", "“This will never work.”"},
		{"remembered", "saying that the ice would crack", "remembered saying", "that the ice would crack"},
		{"recalls", "walking to the bridge at night", "recalls", "walking to the bridge at night"},
		{"said", "thinking, “This will never work.”", "said", "thinking, “This will never work.”"},
	} {
		cs := 10
		cue := claimtrail.Span{Start: cs, End: cs + len([]rune(tc.cue)), Text: tc.cue}
		start := cue.End + 1
		a := claimtrail.Attribution{Cue: &cue, Content: []claimtrail.Span{{Start: start, End: start + len([]rune(tc.content)), Text: tc.content}}}
		memoryGerund(&a)
		c := a.Content[0]
		if a.Cue.Text != tc.wantCue || c.Text != tc.wantContent {
			t.Errorf("%q + %q: got %q + %q, want %q + %q", tc.cue, tc.content, a.Cue.Text, c.Text, tc.wantCue, tc.wantContent)
		}
		if a.Cue.End-a.Cue.Start != len([]rune(a.Cue.Text)) || c.End-c.Start != len([]rune(c.Text)) || c.End != start+len([]rune(tc.content)) {
			t.Errorf("%q: offsets cue [%d,%d) content [%d,%d) do not fit the texts", tc.cue, a.Cue.Start, a.Cue.End, c.Start, c.End)
		}
	}
}

// TestFindingAside: what research shows is nobody's statement; a survey
// or a poll (people's answers), a person who found something, a verb of
// saying, and quoted words stay.
func TestFindingAside(t *testing.T) {
	sp := func(start int, text string) *claimtrail.Span {
		return &claimtrail.Span{Start: start, End: start + len([]rune(text)), Text: text}
	}
	for _, tc := range []struct {
		source, cue, content string
		want                 bool
	}{
		{"Research", "shows", "that glaciers melt faster in warm years", true},
		{"Several studies", "suggest", "the trend will continue", true},
		{"The results of the new trial", "indicate", "a benefit for patients", true},
		{"The equations", "described", "how fast the ice would thin", true},
		{"A survey of fishermen", "showed", "that most had seen fewer fish", false},
		{"The poll", "found", "that most voters back the plan", false},
		{"Dr. Berg", "found", "that the ice had thinned", false},
		{"The study's author", "said", "the ice had thinned", false},
		{"Other studies", "have said", "the ice had thinned", false},
		{"The results", "suggest", "“a clear benefit”", false},
	} {
		src := sp(0, tc.source)
		cue := sp(src.End+1, tc.cue)
		a := claimtrail.Attribution{Source: src, Cue: cue, Content: []claimtrail.Span{*sp(cue.End+1, tc.content)}}
		if got := findingAside(&a); got != tc.want {
			t.Errorf("%q %q: findingAside = %v, want %v", tc.source, tc.cue, got, tc.want)
		}
	}
}
