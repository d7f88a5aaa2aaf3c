package resolve

import "testing"

// TestLongInitials: two or more capitals are an organisation's initials,
// which "he" and "she" never refer to, unless three name one person the
// world over ("JFK"; session 15: "ICE", "DNC" were taken for "she").
func TestLongInitials(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{{"NAACP", true}, {"NASA", true}, {"ICE", true}, {"DNC", true}, {"UN", true}, {"P2P", true}, {"JFK", false}, {"AJ", false}, {"E", false}, {"4G", false}, {"Nasa", false}, {"Bill Hennessy", false}, {"U.S.A.", false}} {
		if got := longInitials(tc.name); got != tc.want {
			t.Errorf("longInitials(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
