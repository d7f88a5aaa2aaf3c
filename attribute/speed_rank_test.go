package attribute

import (
	"bytes"
	"math"
	"os"
	"testing"
)

// TestStartEndScoresAsScore: startScore and endScore, which take the q
// sums of two groups of features each from a memo, give the very floats
// score gives over startFeats and endFeats, for both rankers of the
// shipped model, every side, the starts and ends around cues in 20 BBC
// articles (untagged, with made-up tags, with made-up heads and labels),
// memo cold and warm, with the fast model's rankers scored in the same
// buffer between.
func TestStartEndScoresAsScore(t *testing.T) {
	docs := bbcDocs(t, 20)
	m := shippedModel(t)
	// another model between (other weights, another id): the fast one
	b, err := os.ReadFile("../extract/models/attribution-fast.model.gz")
	if err != nil {
		t.Skip(err)
	}
	other, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	tags := []string{"NN", "VBD", "DT", "RB", "NNP", "MD", "VBZ", "IN", "VBP"}
	deps := []string{"", "", "nsubj", "ccomp"}
	buf := new(spanBuf)
	checked := 0
	for pass := range 3 {
		for di, d := range docs {
			for i := range d.Tokens {
				tk := &d.Tokens[i]
				tk.POS, tk.Head, tk.Dep = "", -1, ""
				if pass > 0 {
					tk.POS = tags[(i+di)%len(tags)]
				}
				if pass > 1 && i > 0 {
					tk.Head, tk.Dep = (i*7)%len(d.Tokens), deps[i%len(deps)]
				}
			}
			v := newView(d)
			n := len(d.Tokens)
			for ci := 0; ci < n; ci += 11 {
				c := Range{ci, min(ci+1+ci%2, n)}
				cw := v.cueHash(c)
				lo, hi := int(v.sentStart[ci]), int(v.sentEnd[ci])
				for _, mm := range []*Model{other, m} {
					for _, role := range []int{roleContent, roleSource} {
						lm := mm.content
						if role == roleSource {
							lm = mm.source
						}
						for side := 1; side <= numSides; side++ {
							if side == sideNull {
								continue
							}
							// starts and ends across the cue's sentence and
							// past it on either side (negative distances)
							for s := max(lo-4, 0); s < min(hi+4, n); s++ {
								want := lm.score(v.startFeats(role, c, side, s, cw, nil))
								if got := v.startScore(lm, buf, role, c, side, s, cw); math.Float32bits(got) != math.Float32bits(want) {
									t.Fatalf("pass %d doc %d cue %v role %d side %d start %d: %v, want %v", pass, di, c, role, side, s, got, want)
								}
								e := s + 1
								want = lm.score(v.endFeats(role, c, side, e, cw, nil))
								if got := v.endScore(lm, buf, role, c, side, e, cw); math.Float32bits(got) != math.Float32bits(want) {
									t.Fatalf("pass %d doc %d cue %v role %d side %d end %d: %v, want %v", pass, di, c, role, side, e, got, want)
								}
								checked++
							}
						}
					}
				}
			}
			for i := range d.Tokens {
				d.Tokens[i].POS, d.Tokens[i].Head, d.Tokens[i].Dep = "", -1, ""
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d starts and ends checked", checked)
	}
}
