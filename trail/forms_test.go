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
// disowning a stranger changes nothing, and the last one gone empties
// it; a child disowned is found by its number alone (removeKey frees
// the number first).
func TestAdoptDisown(t *testing.T) {
	ix := NewIndex(nil)
	p, a, b, c := &node{}, &node{}, &node{}, &node{}
	for _, n := range []*node{p, a, b, c} {
		ix.number(n, hotNode{})
	}
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
		{true, a, "abc"},
		{false, b, "ac"},
		{false, c, "a"},
		{false, a, ""},
		{true, c, "c"},
	} {
		if step.adopt {
			ix.adopt(p, step.child)
		} else {
			saved := ix.formAt(step.child.id)
			*ix.byID.at(step.child.id) = nil
			ix.disown(p, step.child)
			*ix.byID.at(step.child.id) = saved
		}
		var got []string
		for k := range ix.kids(p) {
			got = append(got, name[k])
		}
		if len(got) != len(ix.appendKids(nil, p)) {
			t.Fatalf("after %v %s: kids and appendKids differ", step.adopt, name[step.child])
		}
		slices.Sort(got)
		if s := strings.Join(got, ""); s != step.want {
			t.Fatalf("after %v %s: children %q, want %q", step.adopt, name[step.child], s, step.want)
		}
		if step.want == "" && p.child != 0 {
			t.Fatalf("no children left, but the list is not empty")
		}
	}
}

// TestMembersInline follows a form's members through adds, a replace
// and removals: one member is kept in the node (no slice of its own),
// two or more in the list, sorted by key, and none leaves nothing.
func TestMembersInline(t *testing.T) {
	ix := NewIndex(nil)
	n := &node{}
	keys := func() []int64 {
		var out []int64
		for _, m := range n.members() {
			out = append(out, m.key)
		}
		return out
	}
	for _, step := range []struct {
		add  bool
		key  int64
		want []int64
	}{
		{true, 20, []int64{20}},
		{true, 20, []int64{20}}, // replaced
		{true, 10, []int64{10, 20}},
		{true, 30, []int64{10, 20, 30}},
		{false, 20, []int64{10, 30}},
		{false, 99, []int64{10, 30}},
		{false, 10, []int64{30}},
		{true, 5, []int64{5, 30}},
		{false, 30, []int64{5}},
		{false, 5, nil},
	} {
		if step.add {
			ix.setQuote(n, &Quote{ID: step.key, Speaker: "Ann Lee", Source: "a"}, step.key)
		} else {
			ix.dropQuote(n, step.key)
		}
		if got := keys(); !slices.Equal(got, step.want) {
			t.Fatalf("after %+v: members %v", step, got)
		}
		if sole := n.more == &soleMember; sole != (len(step.want) == 1) || (n.more == nil) != (len(step.want) == 0) {
			t.Fatalf("after %+v: %d members, inline %v", step, len(step.want), sole)
		}
		for _, k := range step.want {
			if m := n.quote(k); m == nil || m.key != k {
				t.Fatalf("after %+v: quote(%d) = %v", step, k, m)
			}
		}
	}
}
