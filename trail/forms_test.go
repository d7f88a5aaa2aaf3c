package trail

import (
	"slices"
	"strings"
	"testing"
)

// TestBags checks the bag cache against sorting afresh, over sequences
// of pairs that hit, miss, and ask for the form the other slot holds.
func TestBags(t *testing.T) {
	forms := map[string]*node{
		"a": {ids: []int32{5, 1, 3}},
		"b": {ids: []int32{2, 2, 9, 0}},
		"c": {ids: []int32{7}},
		"d": {ids: []int32{4, 3, 8, 1}},
	}
	for _, seq := range [][]string{
		{"ab", "ac", "ca", "bb", "dc", "ad", "ba", "cd", "dd"},
		{"aa", "ab", "ba", "cb", "bc", "ca"},
	} {
		var ix Index
		for _, pair := range seq {
			a, b := forms[pair[:1]], forms[pair[1:]]
			x, y := ix.bags(a, b)
			if want := slices.Sorted(slices.Values(a.ids)); !slices.Equal(x, want) {
				t.Errorf("%v: bag of %c = %v, want %v", seq, pair[0], x, want)
			}
			if want := slices.Sorted(slices.Values(b.ids)); !slices.Equal(y, want) {
				t.Errorf("%v: bag of %c = %v, want %v", seq, pair[1], y, want)
			}
		}
	}
}

// TestAdoptDisown checks the children list: adopting twice keeps one,
// disowning a stranger changes nothing, and the last one gone frees it.
func TestAdoptDisown(t *testing.T) {
	p, a, b, c := &node{key: "p"}, &node{key: "a"}, &node{key: "b"}, &node{key: "c"}
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
			got = append(got, k.key)
		}
		slices.Sort(got)
		if s := strings.Join(got, ""); s != step.want {
			t.Fatalf("after %v %s: children %q, want %q", step.adopt, step.child.key, s, step.want)
		}
		if step.want == "" && p.children != nil {
			t.Fatalf("no children left, but the list is kept")
		}
	}
}
