package attribute

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
)

// TestSourceCandsStopAtOverlap: sourceCands, which stops each start's
// ends where the first overlap with the cue or a content piece begins,
// lists the candidates that testing every span for overlap lists, for
// cues at random tokens of BBC articles with zero, one or two random
// pieces (empty ones and ones on either side of the cue among them).
func TestSourceCandsStopAtOverlap(t *testing.T) {
	docs := bbcDocs(t, 30)
	rng := rand.New(rand.NewPCG(3, 4))
	// each span tested for overlap, as sourceCands did
	want := func(v *view, c Range, content []Range) []cand {
		lo, hi := int(v.sentStart[c.Start]), int(v.sentEnd[c.Start])
		lo, hi = max(lo, c.Start-maxSourceDist), min(hi, c.End+maxSourceDist)
		overl := func(s, e int) bool {
			if s < c.End && c.Start < e {
				return true
			}
			for _, p := range content {
				if !p.Empty() && s < p.End && p.Start < e {
					return true
				}
			}
			return false
		}
		var out []cand
		for s := lo; s < hi; s++ {
			for e := s + 1; e <= hi && e <= s+maxSourceLen; e++ {
				if overl(s, e) {
					break
				}
				if e > s+12 && e != c.Start && e != c.Start-1 && s != c.End {
					continue
				}
				side := sideRight
				if e <= c.Start {
					side = sideLeft
				}
				out = append(out, cand{r: Range{s, e}, side: int8(side)})
			}
		}
		return out
	}
	checked := 0
	eachRandomCue(docs, rng, func(v *view, sent doc.Sentence, c Range, _ uint64) {
		piece := func() Range {
			s := sent.First + rng.IntN(sent.Last-sent.First)
			return Range{s, s + rng.IntN(min(8, sent.Last-s)+1)} // may be empty
		}
		for n := range 3 {
			var content []Range
			for range n {
				content = append(content, piece())
			}
			if got, w := v.sourceCands(c, content, nil), want(v, c, content); !slices.Equal(got, w) {
				t.Fatalf("cue %v, content %v: %d candidates, want %d", c, content, len(got), len(w))
			}
			checked++
		}
	})
	t.Logf("%d cues and contents checked", checked)
}

// TestTopK: topK gives the k best indices, best first and the earlier of
// equal scores first, as a stable sort of all indices by score does;
// over random scores with ties and -Inf, and a few edge cases.
func TestTopK(t *testing.T) {
	negInf := float32(math.Inf(-1))
	want := func(scores []float32, k int) []int {
		idx := make([]int, len(scores))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case scores[a] > scores[b]:
				return -1
			case scores[a] < scores[b]:
				return 1
			}
			return 0
		})
		return idx[:min(k, len(idx))]
	}
	cases := [][]float32{nil, {1}, {1, 2}, {2, 2, 2}, {negInf, negInf, 3, negInf}, {3, 1, 2, 5, 4}}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 500 {
		sc := make([]float32, rng.IntN(30))
		for i := range sc {
			switch rng.IntN(4) {
			case 0:
				sc[i] = negInf
			default:
				sc[i] = float32(rng.IntN(6))
			}
		}
		cases = append(cases, sc)
	}
	for _, sc := range cases {
		for k := 1; k <= 3; k++ {
			if got, w := topK(sc, k, nil), want(sc, k); !slices.Equal(got, w) {
				t.Fatalf("topK(%v, %d) = %v, want %v", sc, k, got, w)
			}
		}
	}
}
