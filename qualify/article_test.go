package qualify

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// TestArticleFixture runs a whole article written for this test
// (testdata/council.txt) with hand-placed attributions.
func TestArticleFixture(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "council.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	runCases(t, []qualifyCase{{
		name: "council",
		text: text,
		atts: []attSpec{
			{src: "The mayor of Eastbrook, Dana Whitfield", cue: "said", content: []string{"that the city's new budget would not raise property taxes"},
				speaker: "Dana Whitfield", channel: "press conference"},
			{src: "she", cue: "accused", content: []string{"two council members of spreading what she called a baseless rumour about hidden costs"},
				speaker: "Dana Whitfield", channel: "press conference"},
			{src: "Councilman Roy Patel", cue: "claimed", content: []string{"that the budget relied on a one-time transfer from the pension fund"},
				speaker: "Roy Patel", channel: "Facebook", relays: []string{"Eastbrook Gazette"}, markers: []string{"unsupported:without offering evidence"}},
			{content: []string{"“This budget is built on sand. The numbers do not add up, and everyone in this building knows it.”"},
				speaker: "Roy Patel", channel: "Facebook"},
			{src: "Whitfield#2", cue: "denied", content: []string{"that any money had been moved from the pension fund"},
				speaker: "Dana Whitfield", markers: []string{"denied:denied"}},
			{src: "she#3", cue: "told reporters", content: []string{"“Not one dollar,”", "“Not one.”"},
				speaker: "Dana Whitfield", channel: "press conference"},
			{src: "The city's finance director, Laura Chen", cue: "testified", content: []string{"that the transfer had been discussed but never approved"},
				speaker: "Laura Chen", channel: "hearing"},
			{src: "Chen#2", cue: "saying", content: []string{"she misspoke about the date of the meeting"},
				speaker: "Laura Chen", markers: []string{"retracted:walked back", "retracted:misspoke"}},
			{src: "A spokesman for the council, Mark Osei", cue: "said#2", content: []string{"that members would review the figures before the vote"},
				speaker: "Mark Osei", channel: "statement"},
			{src: "Patel's ally on the council, Sofia Reyes", cue: "claimed#2", content: []string{"that the city had cut library hours by half"},
				speaker: "Sofia Reyes", channel: "interview", markers: []string{"false:falsely claimed"}},
			{src: "Reyes#2", cue: "said#3", content: []string{"“We were told one thing in private and another in public,”", "“That is allegedly how this administration works.”"},
				speaker: "Sofia Reyes", channel: "interview"},
			{src: "The Eastbrook Gazette", cue: "reported", content: []string{"that the pension board had asked for a legal opinion"},
				speaker: "Eastbrook Gazette"},
			{src: "Whitfield#3", cue: "told donors", content: []string{"that the council vote was already decided"},
				speaker: "Dana Whitfield", relays: []string{"Riverside Tribune"}},
			{src: "Whitfield's office", cue: "rejected", content: []string{"the claim that the vote was decided in advance"},
				speaker: "Office of the Mayor", markers: []string{"denied:rejected the claim"}},
			{src: "Patel#3", cue: "said#5", content: []string{"residents deserved an independent audit"},
				speaker: "Roy Patel", channel: "rally"},
			{src: "he", cue: "said#6", content: []string{"“Give us the audit and we will stop asking,”"},
				speaker: "Roy Patel", channel: "rally"},
			{src: "three residents", cue: "wrote", content: []string{"that the city had apparently missed a filing deadline"},
				speaker: "three residents", channel: "letter"},
			{src: "The comptroller's office", cue: "said#7", content: []string{"that it had received the filing on time"},
				speaker: "state comptroller's office", channel: "email"},
			{src: "Whitfield#5", cue: "tweeted", content: []string{"that the audit would be “a waste of money”"},
				speaker: "Dana Whitfield", channel: "Twitter"},
			{src: "Whitfield#5", cue: "tweeted", content: []string{"that the complaints were driven by a developer who lost a contract"},
				speaker: "Dana Whitfield", channel: "Twitter", markers: []string{"unsupported:seemingly without evidence"}},
		},
		article: []string{"hedged:reportedly", "hedged:is said to"},
	}})
}

// syntheticAttributions makes rough attributions for benchmarks and
// fuzzing: every "said"/"told" with the word before it as source and the
// rest of its line as content.
func syntheticAttributions(text string) []claimtrail.Attribution {
	var atts []claimtrail.Attribution
	for _, cue := range []string{" said ", " told ", " claimed "} {
		off := 0
		for {
			i := strings.Index(text[off:], cue)
			if i < 0 {
				break
			}
			i += off
			off = i + len(cue)
			srcStart := strings.LastIndexAny(text[:i], " \n") + 1
			lineEnd := strings.IndexByte(text[off:], '\n')
			if lineEnd < 0 {
				lineEnd = len(text) - off
			}
			cp := func(b int) int { return utf8.RuneCountInString(text[:b]) }
			a := claimtrail.Attribution{
				Source:  &claimtrail.Span{Start: cp(srcStart), End: cp(i)},
				Cue:     &claimtrail.Span{Start: cp(i + 1), End: cp(off - 1)},
				Speaker: claimtrail.Speaker{Name: text[srcStart:i]},
			}
			if lineEnd > 0 {
				a.Content = []claimtrail.Span{{Start: cp(off), End: cp(off + lineEnd)}}
			}
			atts = append(atts, a)
		}
	}
	return atts
}

func BenchmarkQualifyFixture(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "council.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	atts := syntheticAttributions(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Qualify(text, atts)
	}
}

// BenchmarkQualifyBBC runs over the BBC corpus (skips when absent); one
// op is one article.
func BenchmarkQualifyBBC(b *testing.B) { benchQualifyBBC(b, 1) }

// BenchmarkQualifyBBCTwice qualifies each article twice, as the extractor
// does (extract.build); one op is one article.
func BenchmarkQualifyBBCTwice(b *testing.B) { benchQualifyBBC(b, 2) }

func benchQualifyBBC(b *testing.B, calls int) {
	dir := shareddata.Dir(b, "bbc")
	type doc struct {
		text string
		atts []claimtrail.Attribution
	}
	var docs []doc
	var total int64
	for _, topic := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		files, _ := filepath.Glob(filepath.Join(dir, topic, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, doc{string(raw), syntheticAttributions(string(raw))})
			total += int64(len(raw))
		}
	}
	if len(docs) == 0 {
		b.Skip("no BBC articles")
	}
	b.SetBytes(total / int64(len(docs)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := &docs[i%len(docs)]
		for range calls {
			Qualify(d.text, d.atts)
		}
		i++
	}
}

// TestCorpusSpans runs Qualify over the BBC and PTC corpora (skipped when
// absent) with rough attributions and checks that every marker's text is
// the slice its span names, and that the result does not depend on which
// goroutine computed it.
func TestCorpusSpans(t *testing.T) {
	root := shareddata.Dir(t)
	var files []string
	for _, g := range []string{"bbc/*/*.txt", "ptc/*/*.txt"} {
		m, _ := filepath.Glob(filepath.Join(root, g))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no corpus files")
	}
	if testing.Short() && len(files) > 300 {
		files = files[:300]
	}
	type result struct{ markers, channels string }
	run := func(text string) result {
		atts := syntheticAttributions(text)
		article := Qualify(text, atts)
		var r result
		runes := []rune(text)
		check := func(ms []claimtrail.Marker) {
			for _, m := range ms {
				if m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
					t.Errorf("marker %+v out of range", m)
					continue
				}
				if utf8.ValidString(text) && string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("marker %q does not match span %d-%d", m.Text, m.Start, m.End)
				}
				r.markers += m.Text + "|"
			}
		}
		check(article)
		for _, a := range atts {
			check(a.Markers)
			r.channels += string(a.Channel) + strings.Join(a.AccordingTo, ",") + "|"
		}
		return r
	}
	texts := make([]string, len(files))
	want := make([]result, len(files))
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(raw)
		want[i] = run(texts[i])
	}
	done := make(chan int)
	for w := 0; w < 2; w++ {
		go func(w int) {
			for i := w; i < len(texts); i += 2 {
				if got := run(texts[i]); got != want[i] {
					t.Errorf("%s: result differs between runs", files[i])
				}
			}
			done <- w
		}(w)
	}
	<-done
	<-done
}

// TestRepeatedText: a second call on the same text (which reuses the
// first call's tokens and matches) gives what a call on a fresh state
// gives, for other attributions too.
func TestRepeatedText(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shareddata.Dir(t, "bbc"), "*", "*.txt"))
	if len(files) > 400 {
		files = files[:400]
	}
	files = append(files, filepath.Join("testdata", "council.txt"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		first := syntheticAttributions(text)
		second := func() []claimtrail.Attribution {
			atts := syntheticAttributions(text)
			if len(atts) > 1 {
				atts = atts[1:] // fewer attributions: no marker is spoken twice
			}
			return atts
		}
		Qualify("an unrelated text, reportedly", nil)
		want := second()
		wantArticle := Qualify(text, want)
		Qualify(text, first)
		got := second()
		gotArticle := Qualify(text, got)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotArticle, wantArticle) {
			t.Errorf("%s: a repeated call differs from a fresh one", f)
		}
	}
}
