package trail

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestScaleBounds (CLAIMTRAIL_SCALE=1; CLAIMTRAIL_SCALE_BOUNDS=N for
// another size than 100k) clusters the same synthetic quotes (see
// quoteGen: two in five are pieces of an earlier utterance, some with
// a word changed) with the posting and candidate bounds of before
// (100, 128) and with those of now (MaxPostings, MaxMatches), and
// reports the same-utterance pairs precision and recall of each
// against the generator's utterances, the pairwise agreement of the two
// clusterings, and the time of the last 1,000 quotes: lower bounds cost
// less per new quote at scale and must not cost clusters.
func TestScaleBounds(t *testing.T) {
	if os.Getenv("CLAIMTRAIL_SCALE") == "" {
		t.Skip("scale test (minutes): set CLAIMTRAIL_SCALE=1")
	}
	n := 100_000
	if v := os.Getenv("CLAIMTRAIL_SCALE_BOUNDS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatal(err)
		}
	}
	type run struct {
		posts, matches int
		clusters       map[int64]ClusterID
		last           time.Duration
	}
	runs := []*run{{posts: 100, matches: 128}, {posts: MaxPostings, matches: MaxMatches}}
	// CLAIMTRAIL_SCALE_TRY=P/M tries other bounds than the constants.
	if v := os.Getenv("CLAIMTRAIL_SCALE_TRY"); v != "" {
		p, m, _ := strings.Cut(v, "/")
		runs[1].posts, _ = strconv.Atoi(p)
		runs[1].matches, _ = strconv.Atoi(m)
	}
	var truth map[int64]int64
	for _, r := range runs {
		g := newQuoteGen(1)
		g.truth = map[int64]int64{}
		ix := NewIndex(nil)
		ix.maxPostings, ix.maxMatches = r.posts, r.matches
		for range n - 1000 {
			ix.Add(g.quote())
		}
		batch := make([]Quote, 1000)
		for i := range batch {
			batch[i] = g.quote()
		}
		start := time.Now()
		for _, q := range batch {
			ix.Add(q)
		}
		r.last = time.Since(start)
		r.clusters = map[int64]ClusterID{}
		for k, c := range ix.Assignments() {
			id, _ := SplitKey(k)
			r.clusters[id] = c
		}
		truth = g.truth
	}
	gold := map[int64]int64{}
	for id, u := range truth {
		gold[id] = u
	}
	for _, r := range runs {
		pred := map[int64]int64{}
		for id, c := range r.clusters {
			pred[id] = int64(c)
		}
		p, rec := pairAgreement(pred, gold)
		t.Logf("bounds %d/%d at %d quotes: same-utterance pairs P %.4f R %.4f; last 1,000 quotes in %v",
			r.posts, r.matches, n, p, rec, r.last)
	}
	a, b := map[int64]int64{}, map[int64]int64{}
	for id, c := range runs[0].clusters {
		a[id] = int64(c)
	}
	for id, c := range runs[1].clusters {
		b[id] = int64(c)
	}
	p, r := pairAgreement(b, a)
	t.Logf("now against before: pairs P %.4f R %.4f", p, r)
	if runs[0].posts == runs[1].posts && runs[0].matches == runs[1].matches && (p != 1 || r != 1) {
		t.Errorf("same bounds, different clusters")
	}
}

// pairAgreement is the pairwise precision and recall of the grouping
// pred against gold (both: item -> group) over the items of both.
func pairAgreement(pred, gold map[int64]int64) (p, r float64) {
	type cell struct{ a, b int64 }
	cells, ps, gs := map[cell]int{}, map[int64]int{}, map[int64]int{}
	for id, c := range pred {
		u, ok := gold[id]
		if !ok {
			continue
		}
		cells[cell{c, u}]++
		ps[c]++
		gs[u]++
	}
	pairs := func(m map[int64]int) (s float64) {
		for _, n := range m {
			s += float64(n) * float64(n-1) / 2
		}
		return s
	}
	var tp float64
	for _, n := range cells {
		tp += float64(n) * float64(n-1) / 2
	}
	return tp / pairs(ps), tp / pairs(gs)
}
