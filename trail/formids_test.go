package trail

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// testForm numbers a form of the word ids given (its weight summed from
// ix.weights where they reach), as place does, without filing it by key.
func (ix *Index) testForm(ids []int32) *node {
	n := &node{nwords: uint8(min(len(ids), 255))}
	for i := 0; i+1 < len(ids); i++ {
		n.gmask |= gramBit(gramOf(ids[i], ids[i+1]))
	}
	h := hotNode{words: int32(len(ids)), idOff: ix.ids.add(ids)}
	for _, id := range ids {
		if int(id) < len(ix.weights) {
			h.weight += ix.weights[id]
		}
	}
	ix.number(n, h)
	return n
}

// TestFormIDs holds the arena to the ids it was given: ids of every
// size of varint, forms longer than a chunk, the two decode buffers
// and the readers, and removals that rewrite the arena (forgetIDs).
func TestFormIDs(t *testing.T) {
	if s := unsafe.Sizeof(node{}); s != 64 {
		t.Errorf("node is %d bytes, want 64 (a size class of its own)", s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	ix := NewIndex(nil)
	want := map[*node][]int32{}
	var live []*node
	var long *node
	for step := range 6000 {
		if len(live) > 0 && r.IntN(3) == 0 {
			i := r.IntN(len(live))
			n := live[i]
			live = slices.Delete(live, i, i+1)
			delete(want, n)
			*ix.byID.at(n.id) = nil
			ix.forgetIDs(n)
			ix.freeIDs = append(ix.freeIDs, n.id)
			continue
		}
		size := r.IntN(40)
		switch step {
		case 100:
			size = idChunkMask // longer than a chunk when encoded
		case 101:
			size = 0
		}
		ids := make([]int32, size)
		for j := range ids {
			switch r.IntN(4) {
			case 0:
				ids[j] = int32(r.IntN(128))
			case 1:
				ids[j] = int32(r.IntN(1 << 14))
			case 2:
				ids[j] = int32(r.IntN(1 << 21))
			default:
				ids[j] = int32(r.Uint32() >> 1)
			}
		}
		n := ix.testForm(ids)
		if step == 100 {
			long = n
		}
		want[n] = ids
		live = append(live, n)
	}
	// The long form's removal (if the steps did not remove it) leaves
	// more garbage than ids: the arena is rewritten, into one chunk
	// (the long form had one of its own).
	if i := slices.Index(live, long); i >= 0 {
		live = slices.Delete(live, i, i+1)
		*ix.byID.at(long.id) = nil
		ix.forgetIDs(long)
		ix.freeIDs = append(ix.freeIDs, long.id)
	}
	if ix.ids.garbage > idChunkMask && ix.ids.garbage > ix.ids.live || len(ix.ids.chunks) != 1 {
		t.Errorf("arena not compacted: live %d, garbage %d, %d chunks", ix.ids.live, ix.ids.garbage, len(ix.ids.chunks))
	}
	for _, n := range live {
		ids := want[n]
		if got := ix.idsOf(n, int(n.id)&1); !slices.Equal(got, ids) {
			t.Fatalf("idsOf form %d: %v, want %v", n.id, got, ids)
		}
		if got := ix.appendIDs(nil, n); !slices.Equal(got, ids) {
			t.Fatalf("appendIDs form %d: %v, want %v", n.id, got, ids)
		}
		// hasGram decodes on its own: each bigram of the form is
		// found, and one of two ids the form has but not side by
		// side is not.
		for i := 0; i+1 < len(ids) && i < 50; i++ {
			if !ix.hasGram(n, gramOf(ids[i], ids[i+1])) {
				t.Fatalf("form %d: bigram %d of %v not found", n.id, i, ids[:i+2])
			}
			if g := gramOf(ids[i+1], ids[i]); !slices.Contains(pairsOf(ids), g) && ix.hasGram(n, g) {
				t.Fatalf("form %d: reversed bigram %d found", n.id, i)
			}
		}
		// countGrams is hasGram of each of a set of distinct bigrams,
		// counted up to most: some of the form's, some reversed.
		var gs []gram
		for i := 0; i+1 < len(ids) && len(gs) < 6; i += 3 {
			for _, g := range []gram{gramOf(ids[i], ids[i+1]), gramOf(ids[i+1], ids[i])} {
				if !slices.Contains(gs, g) {
					gs = append(gs, g)
				}
			}
		}
		has := 0
		for _, g := range gs {
			if ix.hasGram(n, g) {
				has++
			}
		}
		for most := 1; most <= len(gs)+1; most++ {
			if got := ix.countGrams(n, slices.Clone(gs), most); got != min(has, most) {
				t.Fatalf("form %d: countGrams of %d bigrams up to %d = %d, want %d", n.id, len(gs), most, got, min(has, most))
			}
		}
		if ix.wordCount(n) != len(ids) || int(n.nwords) != min(len(ids), 255) {
			t.Fatalf("form %d: %d words (nwords %d), want %d", n.id, ix.wordCount(n), n.nwords, len(ids))
		}
	}
	// The ids asked for again in the same buffer are the same; in the
	// other buffer they do not move the first.
	a, b := live[0], live[1]
	x := ix.idsOf(a, 0)
	y := ix.idsOf(b, 1)
	if !slices.Equal(ix.idsOf(a, 0), want[a]) || !slices.Equal(x, want[a]) || !slices.Equal(y, want[b]) {
		t.Errorf("decode buffers disturbed each other")
	}
	// Keys read through the reader: words of one letter per id.
	ix2 := NewIndex(nil)
	for _, w := range strings.Fields("the harbour tolls will pay for the new bridge") {
		ix2.wordID(w)
	}
	n := ix2.testForm([]int32{ix2.vocab["the"], ix2.vocab["new"], ix2.vocab["bridge"]})
	if got := ix2.keyOf(n); got != "the new bridge" {
		t.Errorf("keyOf = %q", got)
	}
	if !ix2.keyIs(n, "the new bridge") || ix2.keyIs(n, "the new bridg") || ix2.keyHash(n) != stringHash("the new bridge") {
		t.Errorf("keyIs/keyHash disagree with keyOf")
	}
}

// pairsOf is every bigram of ids, as grams.
func pairsOf(ids []int32) []gram {
	var out []gram
	for i := 0; i+1 < len(ids); i++ {
		out = append(out, gramOf(ids[i], ids[i+1]))
	}
	return out
}
