package attribute

import (
	"bytes"
	"os"
	"testing"
)

// TestFirstSumsAsCueFeats: firstSums gives the coarse sums of all of
// cueFeats' features (prev O) for every token of BBC articles, cache
// cold and warm, for the shipped fast and default models: untagged (as
// the default mode's first pass sees them), with made-up tags, with
// made-up heads and no labels (attachments other than none), and with
// labels (a parsed view).
func TestFirstSumsAsCueFeats(t *testing.T) {
	docs := bbcDocs(t, 30)
	tags := []string{"NN", "VBD", "DT", "RB", "NNP", "MD", "VBZ", "IN"}
	views := []struct {
		name  string
		setup func(i int) (pos string, head int, dep string)
	}{
		{"untagged", func(i int) (string, int, string) { return "", -1, "" }},
		{"tagged", func(i int) (string, int, string) { return tags[i%len(tags)], -1, "" }},
		{"heads", func(i int) (string, int, string) { return tags[i%len(tags)], []int{i - 1, i + 1, -1}[i%3], "" }},
		{"parsed", func(i int) (string, int, string) { return tags[i%len(tags)], []int{i - 1, -1}[i%2], "nsubj" }},
	}
	for _, name := range []string{"attribution-fast.model.gz", "attribution.model.gz"} {
		b, err := os.ReadFile("../extract/models/" + name)
		if err != nil {
			t.Skip(err)
		}
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		lines := m.cue.packed.coarseLines()
		if lines == nil {
			t.Fatalf("%s: no coarse lines", name)
		}
		words := new(wordCache)
		checked := 0
		for _, vs := range views {
			for round := range 2 {
				for _, d := range docs {
					for i := range d.Tokens {
						tk := &d.Tokens[i]
						tk.POS, tk.Head, tk.Dep = vs.setup(i)
						if tk.Head >= len(d.Tokens) {
							tk.Head = -1
						}
					}
					v := newView(d)
					for i := range d.Tokens {
						wd, wn := coarseSum(lines, v.cueFeats(i, labO, nil))
						if d, n := words.firstSums(v, i, m.cue); d != wd || n != wn {
							t.Fatalf("%s %s round %d token %d %q: firstSums %d %d, want %d %d", name, vs.name, round, i, v.lw[i], d, n, wd, wn)
						}
						checked++
					}
				}
			}
		}
		for _, d := range docs {
			for i := range d.Tokens {
				d.Tokens[i].POS, d.Tokens[i].Head, d.Tokens[i].Dep = "", -1, ""
			}
		}
		if checked == 0 {
			t.Fatal("no token checked")
		}
	}
}
