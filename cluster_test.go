package claimtrail

import (
	"testing"
	"time"
)

// TestCompareClusterOrder: most articles first; ties of two articles or
// more by first seen to the second (newest first, undated last), then
// id; clusters of one article by id whatever their dates.
func TestCompareClusterOrder(t *testing.T) {
	day := func(d int, ns int) time.Time { return time.Date(2026, 3, d, 10, 0, 0, ns, time.UTC) }
	for _, tc := range []struct {
		name string
		a, b Cluster
		want int
	}{
		{"more articles first", Cluster{ID: 9, Articles: 3, FirstSeen: day(1, 0)}, Cluster{ID: 1, Articles: 2, FirstSeen: day(5, 0)}, -1},
		{"newer first", Cluster{ID: 9, Articles: 2, FirstSeen: day(5, 0)}, Cluster{ID: 1, Articles: 2, FirstSeen: day(1, 0)}, -1},
		{"older after", Cluster{ID: 1, Articles: 2, FirstSeen: day(1, 0)}, Cluster{ID: 9, Articles: 2, FirstSeen: day(5, 0)}, 1},
		{"undated last", Cluster{ID: 1, Articles: 2}, Cluster{ID: 9, Articles: 2, FirstSeen: day(1, 0)}, 1},
		{"dated before undated", Cluster{ID: 9, Articles: 2, FirstSeen: day(1, 0)}, Cluster{ID: 1, Articles: 2}, -1},
		{"both undated by id", Cluster{ID: 1, Articles: 2}, Cluster{ID: 9, Articles: 2}, -1},
		{"same second by id", Cluster{ID: 9, Articles: 2, FirstSeen: day(1, 900)}, Cluster{ID: 1, Articles: 2, FirstSeen: day(1, 0)}, 1},
		{"one article by id", Cluster{ID: 1, Articles: 1, FirstSeen: day(1, 0)}, Cluster{ID: 9, Articles: 1, FirstSeen: day(5, 0)}, -1},
		{"same cluster", Cluster{ID: 4, Articles: 2, FirstSeen: day(1, 0)}, Cluster{ID: 4, Articles: 2, FirstSeen: day(1, 0)}, 0},
	} {
		if got := CompareClusterOrder(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: CompareClusterOrder = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestClusterPlaceKey: the place key reads back as written, for a
// cluster of one article, a dated one and an undated one; an old key of
// a cluster of two articles (no first seen) and a malformed one are
// refused.
func TestClusterPlaceKey(t *testing.T) {
	seen := time.Date(2026, 12, 7, 10, 30, 5, 700, time.UTC)
	for _, c := range []Cluster{{Articles: 1, FirstSeen: seen}, {Articles: 3, FirstSeen: seen}, {Articles: 2}} {
		key := ClusterPlaceKey(c)
		got, ok := ParseClusterPlaceKey(key)
		want := ClusterPlace{Articles: c.Articles}
		if c.Articles > 1 && !c.FirstSeen.IsZero() {
			want.Dated, want.FirstSeen = true, seen.Unix()
		}
		if !ok || got != want {
			t.Errorf("%+v: key %q read back as %+v %v, want %+v", c, key, got, ok, want)
		}
	}
	for _, key := range []string{"3", "x", "2 y", ""} {
		if _, ok := ParseClusterPlaceKey(key); ok {
			t.Errorf("ParseClusterPlaceKey(%q) accepted", key)
		}
	}
}

// TestDecodeClusterCursor: a cursor of a cluster of two articles or
// more carries its first seen in seconds, or nothing when undated; one
// without (handed out before ties were by first seen) is refused, as is
// a first seen that is no number and a cursor that is no cursor; one of
// a cluster of one article is its count and id. The texts are the
// stores' cursors as they were written before the codec moved here.
func TestDecodeClusterCursor(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       ClusterCursor
		bad        bool
	}{
		{"dated", "MyAxNzAwMDAwMDAwfDc", ClusterCursor{ClusterPlace: ClusterPlace{Articles: 3, Dated: true, FirstSeen: 1_700_000_000}, ID: 7}, false}, // "3 1700000000|7"
		{"undated", "MiB8Nw", ClusterCursor{ClusterPlace: ClusterPlace{Articles: 2}, ID: 7}, false},                                                   // "2 |7"
		{"one article", "MXw3", ClusterCursor{ClusterPlace: ClusterPlace{Articles: 1}, ID: 7}, false},                                                 // "1|7"
		{"ties by id", "Mnw3", ClusterCursor{}, true},                                                                                                 // "2|7"
		{"text time", Cursor{Key: "2 2023-11-14T22:13:20.000000000Z", ID: 7}.Encode(), ClusterCursor{}, true},
		{"no count", Cursor{Key: "x 1700000000", ID: 7}.Encode(), ClusterCursor{}, true},
		{"no cursor", "!!!", ClusterCursor{}, true},
	} {
		got, err := DecodeClusterCursor(tc.text)
		if (err != nil) != tc.bad || got != tc.want || err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("%s: DecodeClusterCursor(%q) = %+v, %v; want %+v, error %v", tc.name, tc.text, got, err, tc.want, tc.bad)
		}
	}
	c := Cluster{ID: 9, Articles: 2, FirstSeen: time.Unix(1_700_000_000, 500).UTC()}
	if got, err := DecodeClusterCursor(EncodeClusterCursor(c)); err != nil || got != (ClusterCursor{ClusterPlace: ClusterPlace{Articles: 2, Dated: true, FirstSeen: 1_700_000_000}, ID: 9}) {
		t.Errorf("round trip of %+v: %+v, %v", c, got, err)
	}
}
