package trail

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestKeyPrefixOrder: keys whose prefixes differ sort as their prefixes
// do (outranksID and compareCandidates compare prefixes before keys),
// with zero bytes and keys shorter than eight bytes among them.
func TestKeyPrefixOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte{0, 1, 'a', 'b', ' ', 0xff}
	key := func() string {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 200_000 {
		a, b := key(), key()
		pa, pb := keyPrefix(a), keyPrefix(b)
		if pa != pb && cmp.Compare(pa, pb) != strings.Compare(a, b) {
			t.Fatalf("keys %q, %q: prefixes %x, %x sort the other way", a, b, pa, pb)
		}
	}
}

// TestFormNumbersReused: a removed form's number goes to the next new
// form, and the posting lists and ranks read through the numbers stay
// those of the live forms.
func TestFormNumbersReused(t *testing.T) {
	ix := NewIndex(nil)
	ix.Add(Quote{ID: 1, Text: `"the harbour tolls will pay for the new bridge next spring"`})
	ix.Add(Quote{ID: 2, Text: `"the harbour tolls will pay for the new bridge"`})
	n := ix.formOf(MemberKey(1, 0))
	id := n.id
	ix.Remove(1)
	if ix.byID[id] != nil || !slices.Contains(ix.freeIDs, id) {
		t.Fatalf("form number %d not freed", id)
	}
	ix.Add(Quote{ID: 3, Text: `"the harbour tolls will pay for the new bridge and the ferry next spring"`})
	m := ix.formOf(MemberKey(3, 0))
	if m.id != id || ix.byID[id] != m || ix.hot[id].words != int32(len(m.ids)) || ix.hot[id].weight != m.weight || ix.hot[id].mask != foldMask(m.gmask) {
		t.Fatalf("new form got number %d (freed %d) or stale hot fields", m.id, id)
	}
	c2, _ := ix.ClusterOf(MemberKey(2, 0))
	c3, _ := ix.ClusterOf(MemberKey(3, 0))
	if c2 != c3 {
		t.Errorf("the cut did not join the longer form that took the freed number")
	}
}

// TestOutranksForm: a candidate's copies of a form rank it as outranks
// does (worthMatching reads them instead of the form), and its folded
// mask never rules out a bigram the form has.
func TestOutranksForm(t *testing.T) {
	ix := NewIndex(nil)
	texts := []string{
		"the harbour tolls will pay for the new bridge",
		"the harbour tolls will pay for the old bridge",
		"the harbour tolls will pay for a new bridge",
		"the harbour tolls will pay for the new bridge and the ferry",
		"we will not pay the harbour tolls twice this year",
		"the harbour tolls go up in the spring and again in the autumn",
		"the ferry will run twice a day from the new harbour",
		"the ferry will run twice a day from the old harbour",
	}
	for i, s := range texts {
		ix.Add(Quote{ID: int64(i + 1), Text: `"` + s + `"`})
	}
	var forms []*node
	for _, n := range ix.byID {
		if n != nil {
			forms = append(forms, n)
		}
	}
	for _, a := range forms {
		h := ix.hot[a.id]
		c := candidate{id: a.id, mask: h.mask, node: a, words: int(h.words), weight: h.weight, prefix: h.prefix}
		for _, b := range forms {
			if got, want := c.outranksForm(b, keyPrefix(b.key)), outranks(a, b); got != want {
				t.Errorf("outranksForm(%q, %q) = %v, outranks %v", a.key, b.key, got, want)
			}
			for _, g := range ix.grams(b) {
				if a.hasGram(g) && c.mask&foldMask(gramBit(g)) == 0 {
					t.Errorf("folded mask of %q rules out a bigram it has", a.key)
				}
			}
		}
	}
}
