package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// writeCorpus writes a small corpus of invented sentences and names.
func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	names := []string{"Anna Berg", "Olof Strand", "Maria Lindqvist", "Jonas Ek", "Sara Holm", "Erik Dahl", "Lina Sjö", "Per Nyberg", "Karin Falk", "Nils Ahlberg", "Ulla Björk"}
	var b strings.Builder
	for i := range 150 {
		n := names[i%len(names)]
		fmt.Fprintf(&b, "On day %d %s told the council that the “bridge plan” number %d would cost more than expected. The vote was delayed again.\n", i, n, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestArticlesValidAndDeterministic(t *testing.T) {
	c, err := Load(writeCorpus(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Sentences {
		if strings.ContainsAny(s, "\"“”") {
			t.Fatalf("sentence keeps quote marks: %q", s)
		}
	}
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"default", Options{}},
		{"three per article", Options{PerArticle: 3, Speakers: 4, Outlets: 2, Seed: 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := New(c, tc.opt)
			want := tc.opt.PerArticle
			if want == 0 {
				want = 8
			}
			for i := range 50 {
				a := g.Article(i)
				if err := a.Validate(); err != nil {
					t.Fatalf("article %d: %v", i, err)
				}
				if len(a.Attributions) != want {
					t.Fatalf("article %d: %d attributions, want %d", i, len(a.Attributions), want)
				}
				rs := []rune(a.Text)
				for _, at := range a.Attributions {
					for _, sp := range append(at.Content, *at.Source, *at.Cue, at.Quotes[0]) {
						if string(rs[sp.Start:sp.End]) != sp.Text {
							t.Fatalf("article %d: span %d-%d is %q, not %q", i, sp.Start, sp.End, string(rs[sp.Start:sp.End]), sp.Text)
						}
					}
				}
				if !reflect.DeepEqual(a, g.Article(i)) {
					t.Fatalf("article %d differs when made again", i)
				}
				if !utf8.ValidString(a.Text) {
					t.Fatalf("article %d: invalid UTF-8", i)
				}
			}
			if g.Article(1).Text == g.Article(2).Text {
				t.Error("two articles with the same text")
			}
		})
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("an empty corpus loaded")
	}
}
