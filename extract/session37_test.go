package extract

import "testing"

// TestNamedList: a group's name that lists persons' names only is
// protected as a named person's quote is; a group described by a name
// ("Trump critics") or by a party ("Labour and Tory MPs") is not.
func TestNamedList(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Ryan Vell and Tam Dorsey", true},
		{"Senators Ann Vell, Tam Dorsey and Joe Pike", true},
		{"Ann Vell", false},
		{"Trump critics", false},
		{"Labour and Tory MPs", false},
		{"Ann Vell and officials", false},
	} {
		if got := namedList(tc.name); got != tc.want {
			t.Errorf("namedList(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
