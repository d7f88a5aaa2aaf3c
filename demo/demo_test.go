package demo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestArticlesShape(t *testing.T) {
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 12 {
		t.Fatalf("got %d articles, want at least 12", len(arts))
	}
	outlets := map[string]bool{}
	for i, a := range arts {
		words := len(strings.Fields(a.Text))
		if words < 150 || words > 400 {
			t.Errorf("%s: %d words, want 150-400", a.URL, words)
		}
		if a.Outlet == "" || a.Title == "" || a.Published.IsZero() {
			t.Errorf("%s: missing outlet, title or date", a.URL)
		}
		if i > 0 && a.Published.Before(arts[i-1].Published) {
			t.Errorf("%s: published before the previous article", a.URL)
		}
		outlets[a.Outlet] = true
	}
	if len(outlets) != len(arts) {
		t.Errorf("%d outlets for %d articles, want one outlet each", len(outlets), len(arts))
	}
}

// TestAnnotatedSpans checks that every located span reproduces its text
// by code-point slicing, the way outside scorers read offsets.
func TestAnnotatedSpans(t *testing.T) {
	arts, labels, err := Annotated()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		runes := []rune(a.Text)
		for _, at := range a.Attributions {
			n++
			spans := append([]struct {
				start, end int
				text       string
			}{}, struct {
				start, end int
				text       string
			}{at.Content[0].Start, at.Content[0].End, at.Content[0].Text})
			if at.Source != nil {
				spans = append(spans, struct {
					start, end int
					text       string
				}{at.Source.Start, at.Source.End, at.Source.Text})
			}
			for _, s := range spans {
				if got := string(runes[s.start:s.end]); got != s.text {
					t.Errorf("%s: span [%d,%d) is %q, want %q", a.URL, s.start, s.end, got, s.text)
				}
				if !utf8.ValidString(s.text) {
					t.Errorf("invalid UTF-8 in %q", s.text)
				}
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d annotated attributions", n)
	}
	// The statement the demo is about must travel through most outlets.
	var main int64
	for id, l := range labels {
		if l == "varga-act-of-god" {
			main = id
		}
	}
	outlets := map[string]bool{}
	speakers := map[string]bool{}
	for _, a := range arts {
		for _, at := range a.Attributions {
			if at.ClusterID == main {
				outlets[a.Outlet] = true
				speakers[at.Speaker.Name] = true
			}
		}
	}
	if len(outlets) < 8 {
		t.Errorf("main statement in %d outlets, want >= 8", len(outlets))
	}
	if len(speakers) != 2 {
		t.Errorf("main statement attributed to %v, want the mayor and the misattributed deputy", speakers)
	}
}

func TestNearestWholeWord(t *testing.T) {
	tests := []struct {
		text, s string
		near    int
		want    int
	}{
		{"the water, he said", "he", 0, 11},
		{"he said the", "he", 9, 0},
		{"Varga said. Varga wrote.", "Varga", 20, 12},
		{"nothing here", "he", 0, -1},
	}
	for _, tt := range tests {
		if got := nearest(tt.text, tt.s, tt.near); got != tt.want {
			t.Errorf("nearest(%q, %q, %d) = %d, want %d", tt.text, tt.s, tt.near, got, tt.want)
		}
	}
}
