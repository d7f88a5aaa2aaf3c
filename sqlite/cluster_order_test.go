package sqlite

import (
	"slices"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
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

// TestDecodeClusterCursor: a cursor of a cluster of two articles or
// more carries its first seen in seconds, or nothing when undated; one
// without (handed out before migration 113, ties by id alone) is
// refused, as is a first seen that is no number; one of a cluster of
// one article is its count and id.
func TestDecodeClusterCursor(t *testing.T) {
	for _, tc := range []struct {
		name, key string
		want      clusterCursor
		bad       bool
	}{
		{"dated", "3 1700000000", clusterCursor{ClusterPlace: claimtrail.ClusterPlace{Articles: 3, Dated: true, FirstSeen: 1_700_000_000}, id: 7}, false},
		{"undated", "2 ", clusterCursor{ClusterPlace: claimtrail.ClusterPlace{Articles: 2}, id: 7}, false},
		{"one article", "1", clusterCursor{ClusterPlace: claimtrail.ClusterPlace{Articles: 1}, id: 7}, false},
		{"before migration 113", "2", clusterCursor{}, true},
		{"text time", "2 2023-11-14T22:13:20.000000000Z", clusterCursor{}, true},
		{"no count", "x 1700000000", clusterCursor{}, true},
	} {
		got, err := decodeClusterCursor(claimtrail.Cursor{Key: tc.key, ID: 7}.Encode())
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("%s: decodeClusterCursor(%q) = %+v, %v; want %+v, error %v", tc.name, tc.key, got, err, tc.want, tc.bad)
		}
	}
	c := claimtrail.Cluster{ID: 9, Articles: 2, FirstSeen: time.Unix(1_700_000_000, 500).UTC()}
	if got, err := decodeClusterCursor(encodeClusterCursor(c)); err != nil || got != (clusterCursor{ClusterPlace: claimtrail.ClusterPlace{Articles: 2, Dated: true, FirstSeen: 1_700_000_000}, id: 9}) {
		t.Errorf("round trip of %+v: %+v, %v", c, got, err)
	}
}
