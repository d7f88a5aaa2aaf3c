package attribute

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
)

// TestTopTwo: the best candidate and the runner-up rank keeps are the two
// that topK(scores, 2) gives, in its order, over the content candidates
// of cues in 40 BBC articles, those candidates twice over (every score
// tied with a later one: the earlier of equal scores comes first), those
// candidates with the runner-up again at the end, and the sources of the
// best two. It fails when a later candidate equal to the runner-up takes
// its place.
func TestTopTwo(t *testing.T) {
	docs := bbcDocs(t, 40)
	m := shippedModel(t)
	rng := rand.New(rand.NewPCG(9, 10))
	buf := new(spanBuf)
	checked := 0
	check := func(v *view, role int, lm *linear, c Range, cands []cand, cw uint64) {
		buf.newCue()
		b, _ := v.rank(role, lm, c, cands, buf, cw)
		want := topK(buf.scores, 2, nil)
		top, scores := topTwo(b, buf)
		got := top[:1]
		if top[1] >= 0 {
			got = top[:]
		}
		if !slices.Equal(got, want) {
			t.Fatalf("role %d cue %v (%d candidates): top two %v, want %v", role, c, len(cands), got, want)
		}
		for k, i := range got {
			if scores[k] != buf.scores[i] {
				t.Fatalf("role %d cue %v: score %v of %d, want %v", role, c, scores[k], i, buf.scores[i])
			}
		}
		checked++
	}
	eachRandomCue(docs, rng, func(v *view, _ doc.Sentence, c Range, cw uint64) {
		contents := slices.Clone(v.contentCands(c, nil))
		if len(contents) == 0 {
			return
		}
		check(v, roleContent, m.content, c, contents, cw)
		check(v, roleContent, m.content, c, append(slices.Clone(contents), contents...), cw)
		buf.newCue()
		v.rank(roleContent, m.content, c, contents, buf, cw)
		top := topK(slices.Clone(buf.scores), 2, nil)
		if len(top) == 2 {
			// the runner-up again at the end: tied with it, not with the best
			again := contents[top[1]]
			again.ends, again.starts = 0, 0
			check(v, roleContent, m.content, c, append(slices.Clone(contents), again), cw)
		}
		for _, ci := range top {
			sources := append(v.sourceCands(c, contents[ci].pieces(), nil), cand{side: sideNull})
			check(v, roleSource, m.source, c, sources, cw)
		}
	})
	if checked == 0 {
		t.Fatal("nothing checked")
	}
	t.Logf("%d rankings checked", checked)
}
