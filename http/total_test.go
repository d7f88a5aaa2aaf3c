package http

import "testing"

// TestMatchedCount: a search's count reads "1 quote", "2,345 quotes", and
// "1,000+ quotes" when the store stopped counting.
func TestMatchedCount(t *testing.T) {
	matched := funcs["matched"].(func(int, bool, string, string) string)
	for _, tt := range []struct {
		n     int
		lower bool
		want  string
	}{
		{0, false, "0 quotes"},
		{1, false, "1 quote"},
		{999, false, "999 quotes"},
		{2345, false, "2,345 quotes"},
		{1000, true, "1,000+ quotes"},
		{1234567, false, "1,234,567 quotes"},
		{1, true, "1+ quotes"},
	} {
		if got := matched(tt.n, tt.lower, "quote", "quotes"); got != tt.want {
			t.Errorf("matched(%d, %v) = %q, want %q", tt.n, tt.lower, got, tt.want)
		}
	}
}
