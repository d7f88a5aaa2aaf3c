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

func TestPageRanked(t *testing.T) {
	// Candidates 9, 8, 7 (ranked 8, 9, 7); older matches 6 down to 1.
	ids, ranks := []int64{8, 9, 7}, []float64{-3, -2, -1}
	older := func(before int64, limit, skip int) ([]int64, []float64, error) {
		var o []int64
		var z []float64
		for id := before - 1 - int64(skip); id >= 1 && len(o) < limit; id-- {
			o, z = append(o, id), append(z, 0)
		}
		return o, z, nil
	}
	tests := []struct {
		name          string
		more          bool
		offset, limit int
		want          []int64
	}{
		{"all candidates, no more", false, 0, 10, []int64{8, 9, 7}},
		{"offset inside the candidates", false, 1, 10, []int64{9, 7}},
		{"offset past every match", false, 5, 10, nil},
		{"first page fits the candidates", true, 0, 2, []int64{8, 9, 7}},
		{"page runs into older matches", true, 1, 4, []int64{9, 7, 6, 5, 4}},
		{"page starts in older matches", true, 5, 2, []int64{4, 3, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := PageRanked(slices.Clone(ids), slices.Clone(ranks), 7, tt.more, tt.offset, tt.limit, older)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("PageRanked = %v, want %v", got, tt.want)
			}
		})
	}
}
