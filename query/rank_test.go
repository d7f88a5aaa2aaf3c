package query

import (
	"slices"
	"testing"
)

func TestSortRanked(t *testing.T) {
	tests := []struct {
		name      string
		ids       []int64
		ranks     []float64
		wantIDs   []int64
		wantRanks []float64
	}{
		{"empty", nil, nil, []int64{}, []float64{}},
		{"lower rank first", []int64{1, 2, 3}, []float64{-1, -3, -2}, []int64{2, 3, 1}, []float64{-3, -2, -1}},
		{"ties by id", []int64{9, 4, 7}, []float64{0, 0, -1}, []int64{7, 4, 9}, []float64{-1, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.ids)
			ids, ranks := SortRanked(tt.ids, tt.ranks)
			if !slices.Equal(ids, tt.wantIDs) || !slices.Equal(ranks, tt.wantRanks) {
				t.Errorf("SortRanked = %v %v, want %v %v", ids, ranks, tt.wantIDs, tt.wantRanks)
			}
			if !slices.Equal(tt.ids, in) {
				t.Errorf("input changed to %v", tt.ids)
			}
		})
	}
}
