package trail

import (
	"reflect"
	"testing"
)

// TestLinkLog: a form's last row is its link; a last row without a
// parent removes the form; an earlier removal is undone by a later row.
func TestLinkLog(t *testing.T) {
	type row struct {
		form, parent string
		removed      bool
	}
	for _, tc := range []struct {
		name string
		rows []row
		want []Link
	}{
		{"none", nil, nil},
		{"last wins", []row{{"a", "x", false}, {"a", "y", false}, {"b", "a", false}}, []Link{{Form: "a", Parent: "y"}, {Form: "b", Parent: "a"}}},
		{"removed", []row{{"a", "x", false}, {"a", "", true}, {"b", "", false}}, []Link{{Form: "b"}}},
		{"back again", []row{{"a", "", true}, {"a", "z", false}}, []Link{{Form: "a", Parent: "z"}}},
	} {
		var g LinkLog
		for _, r := range tc.rows {
			g.Add(Link{Form: r.form, Parent: r.parent}, r.removed)
		}
		if got := g.Links(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
