package trail

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// forms returns the index's live forms, by form number.
func (ix *Index) forms() []*node {
	var out []*node
	for _, n := range ix.byID.all() {
		if n != nil {
			out = append(out, n)
		}
	}
	return out
}

// TestFormKeys holds what the index reads of a form's key without
// keeping it (formkeys.go) to the key itself (joinNorm of its words,
// plus the place of a trivial form's quote): keyOf, compareKeys
// against strings.Compare, keyIs, keyHash against hash/fnv, and the
// form table, over random forms (ellipses, words that are prefixes of
// others, trivial forms, forms without words) added and removed, with
// form numbers reused. It fails when any of them reads another key.
func TestFormKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"a", "ab", "abc", "b", "the", "tax", "taxes", "…", "I", "do", "said", "he", "Obama's", "z"}
	ix := NewIndex(nil)
	want := map[int64]string{} // live attribution id -> its form's key
	text := func() string {
		ws := make([]string, r.IntN(8))
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(ws, " ")
	}
	check := func(step int) {
		t.Helper()
		forms := ix.forms()
		if ix.Forms() != len(forms) {
			t.Fatalf("step %d: %d forms filed, %d live", step, ix.Forms(), len(forms))
		}
		for id, key := range want {
			n := ix.formOf(MemberKey(id, 0))
			if got := ix.keyOf(n); got != key {
				t.Fatalf("step %d: key %q, want %q", step, got, key)
			}
			if ix.formByKey(key) != n || !ix.keyIs(n, key) || ix.keyIs(n, key+" ") || (key != "" && ix.keyIs(n, key[:len(key)-1])) {
				t.Fatalf("step %d: form %q not found by its key", step, key)
			}
			h := fnv.New64a()
			h.Write([]byte(key))
			if ix.keyHash(n) != h.Sum64() || stringHash(key) != h.Sum64() {
				t.Fatalf("step %d: hash of %q", step, key)
			}
		}
		for range 200 {
			a, b := forms[r.IntN(len(forms))], forms[r.IntN(len(forms))]
			if got, want := ix.compareKeys(a, b), strings.Compare(ix.keyOf(a), ix.keyOf(b)); got != want {
				t.Fatalf("step %d: compareKeys(%q, %q) = %d, want %d", step, ix.keyOf(a), ix.keyOf(b), got, want)
			}
		}
		if ix.formByKey(text()+" absent") != nil {
			t.Fatalf("step %d: a key no form has found a form", step)
		}
	}
	for step := range 3000 {
		id := int64(r.IntN(400))
		if _, ok := want[id]; ok && r.IntN(3) == 0 {
			ix.Remove(id)
			delete(want, id)
		} else {
			q := Quote{ID: id, Source: fmt.Sprint("s", r.IntN(3)), Start: r.IntN(5), Text: text()}
			ix.Add(q)
			want[id] = ix.keyOf(ix.formOf(MemberKey(id, 0)))
			toks := Tokenize(q.MatchText())
			key := joinNorm(toks)
			if trivial(toks) {
				key += "\x00" + q.placeKey(q.Key())
			}
			if want[id] != key {
				t.Fatalf("step %d: %q keyed %q, want %q", step, q.Text, want[id], key)
			}
		}
		if step%100 == 0 && len(want) > 0 {
			check(step)
		}
	}
	if !slices.ContainsFunc(ix.forms(), func(n *node) bool { return n.trivial }) {
		t.Fatal("no trivial form made")
	}
}

// TestFormTableShift: removing forms whose slots wrap around the end of
// the table, in every order, leaves each other form found (the
// backward shift of dropForm).
func TestFormTableShift(t *testing.T) {
	for seed := range uint64(50) {
		r := rand.New(rand.NewPCG(seed, 9))
		ix := NewIndex(nil)
		var live []int64
		for i := range int64(40) {
			ix.Add(Quote{ID: i, Text: fmt.Sprintf("pay tax w%d now", r.IntN(1000))})
			live = append(live, i)
		}
		if l := len(ix.nodes.slots); l&(l-1) == 0 {
			t.Fatalf("seed %d: a table of %d slots (the wrap is tested at a size no power of two)", seed, l)
		}
		r.Shuffle(len(live), func(i, j int) { live[i], live[j] = live[j], live[i] })
		for len(live) > 0 {
			ix.Remove(live[0])
			live = live[1:]
			for _, id := range live {
				n := ix.formOf(MemberKey(id, 0))
				if ix.formByKey(ix.keyOf(n)) != n {
					t.Fatalf("seed %d: form %q lost after a removal", seed, ix.keyOf(n))
				}
			}
		}
		if ix.Forms() != 0 || slices.ContainsFunc(ix.nodes.slots, func(s uint64) bool { return s != 0 }) {
			t.Fatalf("seed %d: slots left after every form went", seed)
		}
	}
}
