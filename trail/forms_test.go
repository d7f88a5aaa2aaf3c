package trail

import (
	"slices"
	"strings"
	"testing"
)

// TestSharedWeight checks sharedWeight against a merge of the two
// sorted bags (what a form kept before), to the bit, over sequences of
// pairs that hit the cached bag, miss it, and swap sides, with words
// repeated in a form and shared more times by one side than the other.
func TestSharedWeight(t *testing.T) {
	forms := map[string][]int32{
		"a": {5, 1, 3, 3},
		"b": {2, 3, 9, 0, 3, 3},
		"c": {7, 1},
		"d": {4, 3, 8, 1, 5, 5},
	}
	merge := func(w []float64, a, b []int32) float64 {
		x, y := slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
		var common float64
		for len(x) > 0 && len(y) > 0 {
			switch {
			case x[0] < y[0]:
				x = x[1:]
			case x[0] > y[0]:
				y = y[1:]
			default:
				common += w[x[0]]
				x, y = x[1:], y[1:]
			}
		}
		return common
	}
	for _, seq := range [][]string{
		{"ab", "ac", "ca", "bb", "dc", "ad", "ba", "cd", "dd", "bd", "db"},
		{"aa", "ab", "ba", "cb", "bc", "ca", "da", "ad"},
	} {
		var ix Index
		// Weights whose sums depend on the order they are added in.
		ix.weights = []float64{0.5, 0.1, 1e-17, 0.2, 1e17, 0.3, 3, 0.9, 1.1, 0.6}
		made := map[string]*node{}
		for name, ids := range forms {
			made[name] = ix.testForm(ids)
		}
		for _, pair := range seq {
			a, b := made[pair[:1]], made[pair[1:]]
			got, want := ix.sharedWeight(a, b), merge(ix.weights, forms[pair[:1]], forms[pair[1:]])
			if got != want {
				t.Errorf("%v: shared weight of %s = %v, want %v", seq, pair, got, want)
			}
		}
		if slices.ContainsFunc(ix.bagCache.counts, func(c int32) bool { return c != 0 }) {
			t.Errorf("%v: counts left behind", seq)
		}
	}
}

// TestAdoptDisown checks the children list: adopting twice keeps one,
// disowning a stranger changes nothing, and the last one gone frees it.
func TestAdoptDisown(t *testing.T) {
	p, a, b, c := &node{}, &node{}, &node{}, &node{}
	name := map[*node]string{a: "a", b: "b", c: "c"}
	for _, step := range []struct {
		adopt bool
		child *node
		want  string
	}{
		{true, a, "a"},
		{true, a, "a"},
		{true, b, "ab"},
		{false, c, "ab"},
		{true, c, "abc"},
		{false, a, "bc"},
		{false, c, "b"},
		{false, b, ""},
		{true, c, "c"},
	} {
		if step.adopt {
			p.adopt(step.child)
		} else {
			p.disown(step.child)
		}
		var got []string
		for _, k := range p.kids() {
			got = append(got, name[k])
		}
		slices.Sort(got)
		if s := strings.Join(got, ""); s != step.want {
			t.Fatalf("after %v %s: children %q, want %q", step.adopt, name[step.child], s, step.want)
		}
		if step.want == "" && p.children != nil {
			t.Fatalf("no children left, but the list is kept")
		}
	}
}
