package syntax

import "testing"

// TestArgmaxInt: the first of equal best scores wins, as the tagger's
// classes have always been chosen.
func TestArgmaxInt(t *testing.T) {
	for _, tc := range []struct {
		scores []int32
		want   int
	}{
		{nil, 0},
		{[]int32{5}, 0},
		{[]int32{1, 3, 2}, 1},
		{[]int32{3, 1, 3}, 0},
		{[]int32{-4, -2, -2, -3}, 1},
		{[]int32{0, 0, 0}, 0},
		// (argmaxInt reads two scores a turn: odd and even lengths, the
		// best in either of a pair, ties within and across pairs)
		{[]int32{1, 2}, 1},
		{[]int32{0, 1, 1}, 1},
		{[]int32{1, 2, 2, 1, 2}, 1},
		{[]int32{0, 0, 0, 5}, 3},
		{[]int32{0, 0, 0, 0, 5}, 4},
		{[]int32{0, 3, 7, 7, 2, 7}, 2},
	} {
		if got := argmaxInt(tc.scores); got != tc.want {
			t.Errorf("argmaxInt(%v) = %d, want %d", tc.scores, got, tc.want)
		}
	}
}
