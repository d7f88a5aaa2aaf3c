package attribute

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/segment"
)

func TestAlign(t *testing.T) {
	text := "Mr. Smith said that “it rained.” Then he left."
	d := segment.Segment(text)
	tests := []struct {
		span string
		ok   bool
	}{
		{"Mr. Smith", true},
		{"said", true},
		{"that “it rained.”", true},
		{" said ", true}, // trimmed of white space
		{"aid", false},   // not on a token boundary
		{"Smith sa", false},
	}
	for _, tt := range tests {
		start := strings.Index(text, strings.TrimSpace(tt.span))
		if strings.HasPrefix(tt.span, " ") {
			start--
		}
		r, ok := Align(d, start, start+len(tt.span))
		if ok != tt.ok {
			t.Errorf("Align(%q) ok=%v, want %v", tt.span, ok, tt.ok)
			continue
		}
		if ok {
			got := text[d.Tokens[r.Start].Start:d.Tokens[r.End-1].End]
			if got != strings.TrimSpace(tt.span) {
				t.Errorf("Align(%q) covers %q", tt.span, got)
			}
		}
	}
}

// synthetic builds a small training set from templates: "NAME said that
// CLAUSE." and "“CLAUSE,” NAME said." with distractor sentences.
func synthetic(n int) []Example {
	names := []string{"Ana Lopez", "the mayor", "He", "Officials", "Tom Reed", "She"}
	clauses := []string{"the bridge would reopen", "taxes would fall", "the vote was fair", "nobody was hurt", "the plan was ready"}
	var exs []Example
	for i := 0; i < n; i++ {
		name, clause := names[i%len(names)], clauses[(i/2)%len(clauses)]
		var text, src, cue, con string
		if i%2 == 0 {
			text = fmt.Sprintf("%s said that %s. The weather was mild.", name, clause)
			src, cue, con = name, "said", "that "+clause
		} else {
			text = fmt.Sprintf("The weather was mild. “%s,” %s said.", strings.ToUpper(clause[:1])+clause[1:], name)
			src, cue, con = name, "said", "“"+strings.ToUpper(clause[:1])+clause[1:]+",”"
		}
		d := segment.Segment(text)
		g := Gold{}
		find := func(s string, from int) Range {
			at := strings.Index(text[from:], s) + from
			r, ok := Align(d, at, at+len(s))
			if !ok {
				panic(fmt.Sprintf("no alignment for %q in %q", s, text))
			}
			return r
		}
		g.Source = find(src, 0)
		g.Cue = find(cue, 0)
		g.Content = find(con, 0)
		exs = append(exs, Example{Doc: d, Gold: []Gold{g}})
	}
	return exs
}

func TestTrainLearnsAndIsDeterministic(t *testing.T) {
	exs := synthetic(60)
	train := func() []byte {
		m, err := Train(context.Background(), exs, TrainOptions{Epochs: 5, Seed: 7, Bits: 16}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := train(), train()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings with the same seed gave different model files")
	}
	m, err := ReadModel(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	// a held-out sentence of the same shapes, with new words
	for _, tt := range []struct{ text, src, cue, con string }{
		{"Ana Lopez said that the ferry was late. The weather was mild.", "Ana Lopez", "said", "that the ferry was late"},
		{"The weather was mild. “Taxes would fall,” the mayor said.", "the mayor", "said", "“Taxes would fall,”"},
	} {
		d := segment.Segment(tt.text)
		found := m.Find(d, nil)
		if len(found) != 1 {
			t.Fatalf("%q: found %d attributions, want 1", tt.text, len(found))
		}
		f := found[0]
		span := func(r Range) string {
			if r.Empty() {
				return ""
			}
			return tt.text[d.Tokens[r.Start].Start:d.Tokens[r.End-1].End]
		}
		if span(f.Source) != tt.src || span(f.Cue) != tt.cue || span(f.Content) != tt.con {
			t.Errorf("%q: got source %q cue %q content %q", tt.text, span(f.Source), span(f.Cue), span(f.Content))
		}
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}} {
		if _, err := ReadModel(bytes.NewReader(in)); err == nil {
			t.Errorf("ReadModel(%q) gave no error", in)
		}
	}
}

func TestFindOnEmptyAndUntrained(t *testing.T) {
	m := NewModel()
	if got := m.Find(segment.Segment(""), nil); len(got) != 0 {
		t.Errorf("empty doc: %v", got)
	}
	if got := m.Find(segment.Segment("He said that it rained."), nil); len(got) != 0 {
		t.Errorf("untrained model found %v", got)
	}
}

// TestTextReleaseReuse: a view built in the arrays of a released one (a
// longer article's, with other quotes) finds what a new view finds (the
// fast model, which reads untagged text).
func TestTextReleaseReuse(t *testing.T) {
	f, err := os.Open("../extract/models/attribution-fast.model.gz")
	if err != nil {
		t.Skip(err)
	}
	m, err := ReadModel(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	long := segment.Segment(strings.Repeat(`"We will not pay twice," the mayor said on Monday, adding that the tolls were "a tax by another name". `, 30) +
		"Officials said the plan would fail, according to aides.")
	short := segment.Segment("The minister said the harbour would stay open. Critics claimed it was \"a stunt\".")
	want := m.FindIn(NewText(short), nil)
	if len(want) == 0 {
		t.Fatal("nothing found in the short article")
	}
	for range 3 {
		lt := NewText(long)
		m.FindIn(lt, nil)
		lt.Release()
		st := NewText(short)
		got := m.FindIn(st, nil)
		st.Release()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after a released view: %+v, want %+v", got, want)
		}
	}
}
