package trail

import (
	"slices"
	"testing"
)

// TestUniqueClusters: ids sorted, one entry per id with its newest key.
func TestUniqueClusters(t *testing.T) {
	tests := []struct{ ids, keys, wantIDs, wantKeys []int64 }{
		{nil, nil, nil, nil},
		{[]int64{5, 2, 9}, []int64{10, 30, 20}, []int64{2, 5, 9}, []int64{30, 10, 20}},
		{[]int64{7, 3, 7}, []int64{40, 5, 11}, []int64{3, 7}, []int64{5, 40}},
		{[]int64{4, 4, 4}, []int64{2, 9, 1}, []int64{4}, []int64{9}},
	}
	for _, tt := range tests {
		ids, keys := UniqueClusters(slices.Clone(tt.ids), slices.Clone(tt.keys))
		if !slices.Equal(ids, tt.wantIDs) || !slices.Equal(keys, tt.wantKeys) {
			t.Errorf("UniqueClusters(%v, %v) = %v, %v; want %v, %v", tt.ids, tt.keys, ids, keys, tt.wantIDs, tt.wantKeys)
		}
	}
}
