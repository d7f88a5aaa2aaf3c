package polnear

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/internal/shareddata"
)

const demoName = "gazette_2020-01-02_demo-article"

func TestReadDocument(t *testing.T) {
	doc, err := ReadDocument("testdata/split", demoName)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Publisher != "gazette" || doc.Annotator != "aaaa" {
		t.Errorf("publisher %q annotator %q, want gazette aaaa (first annotator by name)", doc.Publisher, doc.Annotator)
	}
	if len(doc.Attributions) != 4 {
		t.Fatalf("%d attributions, want 4", len(doc.Attributions))
	}
	text := func(s *Span) string {
		if s == nil {
			return "<nil>"
		}
		return s.Text
	}
	tests := []struct {
		id                    string
		noSource              bool
		source, cue, content  string
		fragments, extraCount int
	}{
		{"E1", false, "Zoë Smith", "said", "“We will win,” said Zoë Smith, “and soon.”", 2, 0},
		{"E2", false, "She", "added:", "“Taxes\nmust fall.”", 1, 1},
		{"E3", false, "The mayor", "believes", "that taxes must fall", 1, 0},
		{"E4", true, "<nil>", "Reportedly", "delays are expected", 1, 0},
	}
	for i, tt := range tests {
		a := doc.Attributions[i]
		if a.ID != tt.id || a.NoSource != tt.noSource {
			t.Errorf("attribution %d: id %s nosource %v, want %s %v", i, a.ID, a.NoSource, tt.id, tt.noSource)
		}
		if got := text(a.Source); got != tt.source {
			t.Errorf("%s source %q, want %q", tt.id, got, tt.source)
		}
		if got := text(a.Cue); got != tt.cue {
			t.Errorf("%s cue %q, want %q", tt.id, got, tt.cue)
		}
		if got := text(a.Content); got != tt.content {
			t.Errorf("%s content %q, want %q", tt.id, got, tt.content)
		}
		if a.Content != nil && len(a.Content.Fragments) != tt.fragments {
			t.Errorf("%s content has %d fragments, want %d", tt.id, len(a.Content.Fragments), tt.fragments)
		}
		if len(a.ExtraContent) != tt.extraCount {
			t.Errorf("%s has %d extra contents, want %d", tt.id, len(a.ExtraContent), tt.extraCount)
		}
	}
	// Code points and bytes differ after “ and ë: check both offsets.
	src := doc.Attributions[0].Source
	if src.Start != 20 || src.End != 29 {
		t.Errorf("source code points %d-%d, want 20-29", src.Start, src.End)
	}
	if doc.Text[src.ByteStart:src.ByteEnd] != "Zoë Smith" || src.ByteStart == src.Start {
		t.Errorf("source bytes %d-%d do not slice the name", src.ByteStart, src.ByteEnd)
	}
	// After the astral 🎉 (one code point, four bytes, two UTF-16 units).
	she := doc.Attributions[1].Source
	if she.Start != 45 || doc.Text[she.ByteStart:she.ByteEnd] != "She" {
		t.Errorf("She at %d (bytes %d-%d)", she.Start, she.ByteStart, she.ByteEnd)
	}
	frags := doc.Attributions[0].Content.Fragments
	if frags[0].Text != "“We will win,”" || frags[1].Text != "“and soon.”" || frags[1].Start != 31 {
		t.Errorf("fragments %+v", frags)
	}
}

func TestParseAnnErrors(t *testing.T) {
	tests := []struct {
		name, ann string
		wantErr   string
	}{
		{"bad range", "T1\tSource 5\tx\n", "bad range"},
		{"end before start", "T1\tSource 5 2\tx\n", "bad range"},
		{"no type", "T1\t 1 2\tx\n", "want"},
		{"undefined argument", "T1\tCue 0 1\tx\nE1\tAttribution:T1 Source:T9\n", "not defined"},
		{"undefined trigger", "E1\tAttribution:T4\n", "not defined"},
		{"bad argument", "T1\tCue 0 1\tx\nE1\tAttribution:T1 Source\n", "bad argument"},
		{"duplicate", "T1\tCue 0 1\tx\nT1\tCue 0 1\tx\n", "duplicate"},
		{"ok with notes and continuation", "T1\tCue 0 1\tx\ny\tz\n#1\tAnnotatorNotes T1\tnote\nA1\tNegated T1\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnn(strings.NewReader(tt.ann))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestParseDocumentOutOfRange(t *testing.T) {
	ann, err := ParseAnn(strings.NewReader("T1\tCue 0 9\tx\nT2\tAttribution 0 9\tx\nE1\tAttribution:T2 Cue:T1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseDocument("x", "short", ann); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Fatalf("error %v, want an out-of-range error", err)
	}
}

// TestSharedSplits reads the real train and dev splits and checks that
// every span's text, counted in code points, is what the .ann says.
func TestSharedSplits(t *testing.T) {
	for _, split := range []string{"train", "dev"} {
		dir := shareddata.Dir(t, "polnear", split)
		docs, attrs, discontinuous := 0, 0, 0
		publishers := map[string]int{}
		for doc, err := range Documents(context.Background(), dir) {
			if err != nil {
				t.Fatal(err)
			}
			docs++
			publishers[doc.Publisher]++
			attrs += len(doc.Attributions)
			for _, a := range doc.Attributions {
				if a.Content != nil && a.Content.Discontinuous() {
					discontinuous++
				}
			}
			checkAnnTexts(t, dir, doc)
		}
		t.Logf("%s: %d documents, %d attributions, %d discontinuous contents, publishers %v", split, docs, attrs, discontinuous, publishers)
		if docs == 0 || attrs < 10*docs || len(publishers) != 7 {
			t.Errorf("%s: %d documents, %d attributions, %d publishers: too few", split, docs, attrs, len(publishers))
		}
	}
}

// checkAnnTexts compares each single-line text-bound annotation's brat
// text with the document text at its offsets.
func checkAnnTexts(t *testing.T, dir string, doc *Document) {
	t.Helper()
	path, _, err := annFile(dir, doc.Name)
	if err != nil || path == "" {
		t.Fatalf("%s: no ann file (%v)", doc.Name, err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ann, err := ParseAnn(f)
	if err != nil {
		t.Fatal(err)
	}
	idx := newOffsetIndex(doc.Text)
	for _, tb := range ann.TextBounds {
		sp, err := idx.span(doc.Text, tb)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		// brat joins the fragments in file order, which is not always
		// text order.
		var parts []string
		for _, r := range tb.Ranges {
			parts = append(parts, doc.Text[idx.byteAt[r[0]]:idx.byteAt[r[1]]])
		}
		want := strings.Join(parts, " ")
		if strings.Contains(want, "\n") {
			continue // brat wrote it over several lines
		}
		if tb.Text != want {
			t.Errorf("%s %s: ann text %q, text at offsets %q", filepath.Base(path), tb.ID, tb.Text, want)
		}
		if !utf8.ValidString(sp.Text) {
			t.Errorf("%s %s: span cuts a character", filepath.Base(path), tb.ID)
		}
	}
}

func TestReadDir(t *testing.T) {
	docs, err := ReadDir("testdata/split")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Name != demoName {
		t.Fatalf("got %d documents", len(docs))
	}
	if _, err := ReadDir("testdata/nowhere"); err == nil {
		t.Fatal("want an error for a missing directory")
	}
}
