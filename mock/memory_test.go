package mock

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
)

func loadDemo(t *testing.T) *Memory {
	t.Helper()
	arts, _, err := demo.Annotated()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMemory()
	for i := range arts {
		if _, err := m.PutArticle(context.Background(), &arts[i]); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func TestMemoryPaginationVisitsEveryRowOnce(t *testing.T) {
	m := loadDemo(t)
	ctx := context.Background()
	seen := map[int64]bool{}
	after := ""
	for pages := 0; ; pages++ {
		rows, next, err := m.Attributions(ctx, claimtrail.AttributionFilter{After: after, Limit: 7})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if seen[r.ID] {
				t.Fatalf("row %d twice", r.ID)
			}
			seen[r.ID] = true
		}
		if next == "" {
			break
		}
		after = next
	}
	st, _ := m.Stats(ctx)
	if len(seen) != st.Attributions {
		t.Errorf("paged through %d rows, store has %d", len(seen), st.Attributions)
	}
}

func TestMemoryFiltersAndClusters(t *testing.T) {
	m := loadDemo(t)
	ctx := context.Background()
	tests := []struct {
		name string
		f    claimtrail.AttributionFilter
		want func(r claimtrail.AttributionRow) bool
	}{
		{"speaker", claimtrail.AttributionFilter{Speaker: "elena varga"}, func(r claimtrail.AttributionRow) bool { return r.Speaker.Name == "Elena Varga" }},
		{"marker", claimtrail.AttributionFilter{Marker: claimtrail.MarkerRetracted}, func(r claimtrail.AttributionRow) bool { return len(r.Markers) > 0 }},
		{"channel", claimtrail.AttributionFilter{Channel: "twitter"}, func(r claimtrail.AttributionRow) bool { return r.Channel == "Twitter" }},
		{"kind", claimtrail.AttributionFilter{Kind: claimtrail.KindMixed}, func(r claimtrail.AttributionRow) bool { return r.Kind == claimtrail.KindMixed }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Limit = 1000
			rows, _, err := m.Attributions(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Fatal("no rows")
			}
			for _, r := range rows {
				if !tt.want(r) {
					t.Errorf("row %d does not match: %+v", r.ID, r.Attribution)
				}
			}
		})
	}
	cs, _, err := m.Clusters(ctx, claimtrail.ClusterFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) == 0 || !cs[0].PossibleMisattrib || cs[0].Outlets < 8 {
		t.Errorf("top cluster %+v: want the mayor's remark, misattributed, in >= 8 outlets", cs[0])
	}
	if _, err := m.Cluster(ctx, 999); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("missing cluster: %v", err)
	}
	if _, _, err := m.Attributions(ctx, claimtrail.AttributionFilter{After: "zz"}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("bad cursor: %v", err)
	}
}
