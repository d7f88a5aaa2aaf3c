package trail

import "testing"

// TestVotes: an old cluster's successor is the new cluster most of its
// quotes went to, ties to the smaller id; quotes that stayed or had no
// cluster count nothing.
func TestVotes(t *testing.T) {
	v := Votes{}
	v.Add(1, 5)
	v.Add(1, 5)
	v.Add(1, 7)
	v.Add(2, 9)
	v.Add(2, 8)
	v.Add(3, 3) // stayed
	v.Add(0, 4) // new quote
	got := v.Successors()
	want := map[int64]int64{1: 5, 2: 8}
	if len(got) != len(want) {
		t.Fatalf("successors %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("successor of %d = %d, want %d", k, got[k], w)
		}
	}
	if s := SuccessorsOf(map[int64]int64{10: 1, 11: 1, 12: 2}, map[int64]ClusterID{10: 6, 11: 6, 12: 2}); len(s) != 1 || s[1] != 6 {
		t.Errorf("SuccessorsOf = %v, want map[1:6]", s)
	}
}
