package claimtrail

import (
	"slices"
	"testing"
)

func TestTopNameCounts(t *testing.T) {
	tests := []struct {
		name   string
		counts map[string]int
		n      int
		want   []NameCount
	}{
		{"empty", nil, 5, []NameCount{}},
		{"most first, ties by name", map[string]int{"b": 2, "a": 2, "c": 3}, 5,
			[]NameCount{{"c", 3}, {"a", 2}, {"b", 2}}},
		{"cut to n", map[string]int{"x": 1, "y": 5, "z": 2}, 2, []NameCount{{"y", 5}, {"z", 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TopNameCounts(tt.counts, tt.n); !slices.Equal(got, tt.want) {
				t.Errorf("TopNameCounts = %v, want %v", got, tt.want)
			}
		})
	}
}
