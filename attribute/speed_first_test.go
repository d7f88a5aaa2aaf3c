package attribute

import (
	"bytes"
	"context"
	"math"
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

// TestTagCuesAsPasses: tagCues, which asks firstSums for the coarse sums
// of a token outside a cue, labels and scores every token as the loop
// over cueFeats and passes did, for the shipped fast and default models,
// untagged and with made-up tags, over 30 BBC articles.
func TestTagCuesAsPasses(t *testing.T) {
	docs := bbcDocs(t, 30)
	tags := []string{"NN", "VBD", "DT", "RB", "NNP", "MD", "VBZ", "IN", ",", "VBN"}
	for _, name := range []string{"attribution-fast.model.gz", "attribution.model.gz"} {
		b, err := os.ReadFile("../extract/models/" + name)
		if err != nil {
			t.Skip(err)
		}
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		cues := 0
		for pass := range 2 {
			for _, d := range docs {
				for i := range d.Tokens {
					d.Tokens[i].POS = ""
					if pass == 1 {
						d.Tokens[i].POS = tags[(i*3)%len(tags)]
					}
				}
				v := newView(d)
				labels, scores, err := m.tagCues(context.Background(), v, nil)
				if err != nil {
					t.Fatal(err)
				}
				// the loop as it was
				var sc [numCueLabels]float32
				for _, s := range d.Sents {
					prev := labO
					for i := s.First; i < s.Last; i++ {
						wantL, wantS := int8(labO), float32(0)
						if !(prev == labO && neverStartsCue(d.Tokens[i].POS)) {
							f := v.cueFeats(i, prev, nil)
							if prev != labO || m.cue.passes(f, 0) {
								m.cue.scores(f, sc[:])
								best := bestCueLabel(sc[:], prev)
								wantL, wantS = int8(best), sc[best]-sc[labO]
								prev = best
							}
						}
						if labels[i] != wantL || math.Float32bits(scores[i]) != math.Float32bits(wantS) {
							t.Fatalf("%s pass %d token %d %q: label %d score %v, want %d %v", name, pass, i, v.lw[i], labels[i], scores[i], wantL, wantS)
						}
						if wantL == labB {
							cues++
						}
					}
				}
			}
		}
		for _, d := range docs {
			for i := range d.Tokens {
				d.Tokens[i].POS = ""
			}
		}
		if cues == 0 {
			t.Fatalf("%s: no cue begun", name)
		}
	}
}
