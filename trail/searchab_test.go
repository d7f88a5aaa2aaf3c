package trail

import (
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// worthMatchingGmask is worthMatching as it was before capMask: every
// ranked candidate read and its capped bigrams counted (hasGram).
func (ix *Index) worthMatchingGmask(n *node) []candidate {
	out, capped := ix.ranked(n)
	extra := len(capped)
	for i := range out {
		ix.readHot(&out[i])
		out[i].node = ix.formAt(out[i].id)
	}
	if extra == 0 {
		for i := range out {
			out[i].bound = out[i].rare
		}
		return out
	}
	kept := out[:0]
	for _, c := range out {
		short := ix.wordCount(n)
		if !ix.outranksID(c.id, n.id) {
			short = c.words
		}
		ix.countBound(&c, capped, max(minBigrams(short), minOverlapBigrams))
		if c.bound >= needBigramsOf(ix.wordCount(n), c.words) {
			kept = append(kept, c)
		}
	}
	return kept
}

// TestSearchAB (CLAIMTRAIL_SEARCH_AB=quotes) times the candidate search
// of every matchable form of an index of that many news-like quotes,
// with capMask (worthMatching) and without (worthMatchingGmask),
// alternated, and checks both keep the same candidates and bounds.
func TestSearchAB(t *testing.T) {
	size, _ := strconv.Atoi(os.Getenv("CLAIMTRAIL_SEARCH_AB"))
	if size == 0 {
		t.Skip("set CLAIMTRAIL_SEARCH_AB=quotes")
	}
	g := newQuoteGen(1)
	ix := NewIndex(nil)
	for range size {
		ix.Add(g.quote())
	}
	var forms []*node
	for _, n := range ix.byID.all() {
		if n != nil && matchable(n) && len(forms) < 20000 {
			forms = append(forms, n)
		}
	}
	// Random order, as a batch's new forms meet the index.
	for i := range forms {
		j := int(uint64(i) * 0x9e3779b97f4a7c15 % uint64(len(forms)))
		forms[i], forms[j] = forms[j], forms[i]
	}
	for _, n := range forms[:2000] {
		a := map[int32]int{}
		for _, c := range ix.worthMatching(n) {
			a[c.id] = c.bound
		}
		b := map[int32]int{}
		for _, c := range ix.worthMatchingGmask(n) {
			b[c.id] = c.bound
		}
		if len(a) != len(b) {
			t.Fatalf("form %q: %d candidates, %d without capMask", ix.keyOf(n), len(a), len(b))
		}
		for id, x := range b {
			if a[id] != x {
				t.Fatalf("form %q: candidate %d bound %d, %d without capMask", ix.keyOf(n), id, a[id], x)
			}
		}
	}
	var with, without []time.Duration
	for range 8 {
		start := time.Now()
		for _, n := range forms {
			ix.worthMatchingGmask(n)
		}
		without = append(without, time.Since(start))
		start = time.Now()
		for _, n := range forms {
			ix.worthMatching(n)
		}
		with = append(with, time.Since(start))
	}
	slices.Sort(with)
	slices.Sort(without)
	t.Logf("%d quotes, %d forms searched: without capMask median %v (min %v), with %v (min %v): %.2fx",
		size, len(forms), without[4], without[0], with[4], with[0], float64(with[4])/float64(without[4]))
}
