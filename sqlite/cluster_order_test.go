package sqlite

import (
	"slices"
	"testing"
)

// TestSortClusterOrder: clusters in order of their newest member, ties
// by id, and one entry per id (the newer member) when two roots' ids
// collide.
func TestSortClusterOrder(t *testing.T) {
	for _, tt := range []struct {
		name                string
		ids, newest         []int64
		wantIDs, wantNewest []int64
	}{
		{"empty", nil, nil, []int64{}, []int64{}},
		{"by newest", []int64{5, 3, 9}, []int64{30, 10, 20}, []int64{3, 9, 5}, []int64{10, 20, 30}},
		{"tie by id", []int64{9, 2, 4}, []int64{10, 10, 5}, []int64{4, 2, 9}, []int64{5, 10, 10}},
		{"collision", []int64{7, 1, 7, 3}, []int64{40, 20, 10, 30}, []int64{1, 3, 7}, []int64{20, 30, 40}},
		{"collision, older last", []int64{7, 7, 1}, []int64{10, 50, 20}, []int64{1, 7}, []int64{20, 50}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ids, newest := sortClusterOrder(slices.Clone(tt.ids), slices.Clone(tt.newest))
			if !slices.Equal(ids, tt.wantIDs) || !slices.Equal(newest, tt.wantNewest) {
				t.Errorf("sortClusterOrder(%v, %v) = %v, %v; want %v, %v", tt.ids, tt.newest, ids, newest, tt.wantIDs, tt.wantNewest)
			}
		})
	}
}
