package resolve

import "testing"

// TestLongInitials: four or more capitals are an organisation's initials,
// which "he" and "she" never refer to; three may be one person's ("JFK").
func TestLongInitials(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{{"NAACP", true}, {"NASA", true}, {"JFK", false}, {"Nasa", false}, {"Bill Hennessy", false}, {"U.S.A.", false}} {
		if got := longInitials(tc.name); got != tc.want {
			t.Errorf("longInitials(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
