package trail

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// countBound sets a candidate's bound the plain way: its shared count
// when that is enough, else its rare count plus the capped bigrams its
// form holds (read with hasGram), counted until enough.
func (ix *Index) countBound(c *candidate, capped []gram, enough int) {
	if c.bound = c.shared; c.bound >= enough {
		return
	}
	c.bound = c.rare
	for _, g := range capped {
		if c.bound >= enough {
			return
		}
		if ix.hasGram(c.node, g) {
			c.bound++
		}
	}
}

// worthMatchingRef is worthMatching written plainly, as it was before
// search.go: every form the lists hold counted in a map and read whole,
// the best MaxMatches found by sorting, the shorter form by outranks.
// It returns the bound of each candidate kept.
func (ix *Index) worthMatchingRef(n *node) map[int32]int {
	type gl struct {
		capped bool
		list   []int32
	}
	var gls []gl
	var capped []gram
	for _, g := range slices.Clone(ix.grams(n)) {
		_, c := ix.capped[g]
		if c {
			capped = append(capped, g)
		}
		gls = append(gls, gl{c, slices.Clone(ix.posted(g))})
	}
	extra := len(capped)
	count := func(skip bool) []candidate {
		byID := map[int32]*candidate{}
		var ids []int32
		for _, x := range gls {
			if x.capped && skip {
				continue
			}
			for _, id := range x.list {
				if id == n.id {
					continue
				}
				c := byID[id]
				if c == nil {
					f := ix.formAt(id)
					c = &candidate{id: id, node: f, words: ix.wordCount(f), weight: ix.weightOf(f)}
					byID[id] = c
					ids = append(ids, id)
				}
				c.shared++
				if !x.capped {
					c.rare++
				}
			}
		}
		var out []candidate
		for _, id := range ids {
			if c := byID[id]; c.rare+extra >= needBigramsOf(ix.wordCount(n), c.words) {
				out = append(out, *c)
			}
		}
		return out
	}
	skip := ix.cappedUnreachable(n, capped)
	out := count(skip)
	if len(out) > ix.maxMatches && skip {
		out = count(false)
	}
	if len(out) > ix.maxMatches {
		slices.SortFunc(out, ix.compareCandidates)
		out = out[:ix.maxMatches]
	}
	kept := map[int32]int{}
	for _, c := range out {
		if extra == 0 {
			kept[c.id] = c.rare
			continue
		}
		short := n
		if !ix.outranks(c.node, n) {
			short = c.node
		}
		ix.countBound(&c, capped, max(minBigrams(ix.wordCount(short)), minOverlapBigrams))
		if c.bound >= ix.needBigrams(n, c.node) {
			kept[c.id] = c.bound
		}
	}
	return kept
}

// TestWorthMatchingRef holds the candidate search (gather, passing,
// selectTop) to worthMatchingRef for every matchable form of synthetic
// indexes, with lists capped at a few forms (most searches rank, with
// many ties of the counts) and with the real bounds.
func TestWorthMatchingRef(t *testing.T) {
	for _, tc := range []struct {
		name            string
		quotes          int
		posts, matches  int
		wantRankedShare float64 // of searches that had to choose
		wantGatedShare  float64 // of searches that left forms out
	}{
		{"capped at 6", 3000, 6, 4, 0.3, 0.01},
		{"capped at 12", 3000, 12, 8, 0.1, 0.005},
		{"real bounds", 6000, MaxPostings, MaxMatches, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newQuoteGen(3)
			ix := NewIndex(nil)
			ix.maxPostings, ix.maxMatches = tc.posts, tc.matches
			for range tc.quotes {
				ix.Add(g.quote())
			}
			searched, ranked, gated := 0, 0, 0
			for _, n := range ix.byID.all() {
				if n == nil || !matchable(n) {
					continue
				}
				want := ix.worthMatchingRef(n)
				// The forms n's lists hold: gather leaves some out only
				// when the capped lists cannot add a candidate (see
				// gather and cappedUnreachable).
				met := map[int32]bool{}
				var capped []gram
				for _, g := range ix.grams(n) {
					if _, ok := ix.capped[g]; ok {
						capped = append(capped, g)
					}
					for _, id := range ix.posted(g) {
						met[id] = true
					}
				}
				delete(met, n.id)
				skip := ix.cappedUnreachable(n, capped)
				got := map[int32]int{}
				for _, c := range ix.worthMatching(n) {
					got[c.id] = c.bound
				}
				searched++
				if len(ix.candBuf) > ix.maxMatches {
					ranked++
				}
				if !skip && len(ix.candBuf) < len(met) {
					gated++
				}
				if len(got) != len(want) {
					t.Fatalf("form %q: %d candidates, want %d", ix.keyOf(n), len(got), len(want))
				}
				for id, b := range want {
					if gb, ok := got[id]; !ok || gb != b {
						t.Fatalf("form %q: candidate %d bound %d (kept %v), want %d", ix.keyOf(n), id, gb, ok, b)
					}
				}
			}
			if float64(ranked) < tc.wantRankedShare*float64(searched) {
				t.Fatalf("%d of %d searches ranked their candidates: the test does not reach selectTop", ranked, searched)
			}
			if float64(gated) < tc.wantGatedShare*float64(searched) {
				t.Fatalf("%d of %d searches left the forms of capped lists alone out: the test does not reach gather's gate", gated, searched)
			}
			t.Logf("%d searches, %d ranked, %d left forms of capped lists alone out", searched, ranked, gated)
		})
	}
}

// TestKthHighest holds kthHighest to sorting, on keys with many ties.
func TestKthHighest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 7))
	for round := range 2000 {
		n := 1 + r.IntN(300)
		keys := make([]uint32, n)
		for i := range keys {
			keys[i] = uint32(r.IntN(1+round%9))<<16 | uint32(r.IntN(4))
		}
		sorted := slices.Clone(keys)
		slices.Sort(sorted)
		k := 1 + r.IntN(n)
		if got, want := kthHighest(keys, k), sorted[n-k]; got != want {
			t.Fatalf("round %d: %d-th highest of %d keys %#x, want %#x", round, k, n, got, want)
		}
	}
}

// TestCapMask holds capMask to what worthMatching reads it for: every
// capped bigram of a posted form has its bit there, whether the form was
// posted before its list was capped, when it was capped, or after a
// capped list lost forms (removed quotes) and took new ones. And the
// search then keeps what worthMatchingRef keeps.
func TestCapMask(t *testing.T) {
	if s := unsafe.Sizeof(hotNode{}); s != 24 {
		t.Errorf("hotNode is %d bytes, want 24", s)
	}
	for _, posts := range []int{4, 6, 12} {
		g := newQuoteGen(7)
		ix := NewIndex(nil)
		ix.maxPostings, ix.maxMatches = posts, 8
		var ids []int64
		for range 2000 {
			q := g.quote()
			ids = append(ids, q.ID)
			ix.Add(q)
		}
		// Remove every third quote, so that capped lists shrink, then
		// add more: some join a capped list that is not full.
		for i, id := range ids {
			if i%3 == 0 {
				ix.Remove(id)
			}
		}
		for range 1000 {
			ix.Add(g.quote())
		}
		checked, shrunk := 0, 0
		for g := range ix.capped {
			if len(ix.posted(g)) < posts {
				shrunk++
			}
		}
		if shrunk == 0 {
			t.Fatalf("capped at %d: no capped list lost forms: the test does not reach lowerCapMin", posts)
		}
		for _, n := range ix.byID.all() {
			if n == nil || !matchable(n) {
				continue
			}
			for _, gr := range ix.grams(n) {
				if _, ok := ix.capped[gr]; ok {
					checked++
					if b := capBits(gr); ix.hot.at(n.id).capMask&b != b {
						t.Fatalf("capped at %d: form %q lacks the capMask bits of a capped bigram", posts, ix.keyOf(n))
					}
				}
			}
			want := ix.worthMatchingRef(n)
			got := map[int32]int{}
			for _, c := range ix.worthMatching(n) {
				got[c.id] = c.bound
			}
			if !maps.Equal(got, want) {
				t.Fatalf("capped at %d: form %q: candidates %v, want %v", posts, ix.keyOf(n), got, want)
			}
		}
		if checked == 0 {
			t.Fatalf("capped at %d: no form has a capped bigram", posts)
		}
	}
}

// TestCapBitsRuleOut: capMask rules out a capped bigram a form does not
// have without reading the form, for the bigrams it was made for. With
// four capped bigrams in a form (a typical count at 1M quotes) and a
// fifth not among them, the fifth passes about one time in seventy
// (two bits in 64); one bit in 32 passed it one time in nine.
func TestCapBitsRuleOut(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	randGram := func() gram { return gramOf(r.Int32N(50000), r.Int32N(50000)) }
	const rounds = 100000
	passed := 0
	for range rounds {
		var mask uint64
		for range 4 {
			mask |= capBits(randGram())
		}
		if b := capBits(randGram()); mask&b == b {
			passed++
		}
	}
	rate := float64(passed) / rounds
	if rate > 0.03 {
		t.Errorf("a bigram not in the mask passes %.3f of the time, want at most 0.03", rate)
	}
	t.Logf("a bigram not in a mask of four passes %.4f of the time", rate)
}
