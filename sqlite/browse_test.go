package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

func TestSpeakerPage(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	var names []string
	f := claimtrail.SpeakerFilter{Limit: 1}
	for range 10 {
		page, next, err := s.SpeakerPage(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range page {
			names = append(names, sp.Name)
		}
		if next == "" {
			break
		}
		f.After = next
	}
	if len(names) != 3 || names[0] != "Jane Doe" {
		t.Errorf("paged speakers %v, want 3, most quoted first", names)
	}
	page, _, err := s.SpeakerPage(ctx, claimtrail.SpeakerFilter{MinStatements: 2})
	if err != nil || len(page) != 1 || page[0].Name != "Jane Doe" {
		t.Errorf("min 2 statements: %+v %v", page, err)
	}
	page, _, err = s.SpeakerPage(ctx, claimtrail.SpeakerFilter{Name: "mayor"})
	if err != nil || len(page) != 1 || page[0].Name != "Jane Doe" {
		t.Errorf("alias filter: %+v %v", page, err)
	}
	if _, _, err := s.SpeakerPage(ctx, claimtrail.SpeakerFilter{Kind: "alien"}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("bad kind: %v", err)
	}
	if _, _, err := s.SpeakerPage(ctx, claimtrail.SpeakerFilter{After: "x"}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("bad cursor: %v", err)
	}
}

// TestClusterMemberFilters: each filter keeps exactly the clusters with a
// member (or a marker) that matches, as the members themselves say.
func TestClusterMemberFilters(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	all, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{})
	if err != nil || len(all) == 0 {
		t.Fatalf("clusters %v %v", all, err)
	}
	march2 := time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)
	filters := map[string]struct {
		f    claimtrail.ClusterFilter
		keep func(m claimtrail.ClusterMember) bool
	}{
		"outlet": {claimtrail.ClusterFilter{Outlet: "harbor daily"}, func(m claimtrail.ClusterMember) bool { return m.Outlet == "Harbor Daily" }},
		"since":  {claimtrail.ClusterFilter{Since: march2}, func(m claimtrail.ClusterMember) bool { return !m.Published.Before(march2) && !m.Published.IsZero() }},
		"until":  {claimtrail.ClusterFilter{Until: march2}, func(m claimtrail.ClusterMember) bool { return m.Published.Before(march2) && !m.Published.IsZero() }},
		"marker": {claimtrail.ClusterFilter{Marker: claimtrail.MarkerRetracted}, func(m claimtrail.ClusterMember) bool {
			for _, mk := range m.Markers {
				if mk.Type == claimtrail.MarkerRetracted {
					return true
				}
			}
			return false
		}},
	}
	for name, tt := range filters {
		want := map[int64]bool{}
		for _, c := range all {
			full, err := s.Cluster(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range full.Members {
				if tt.keep(m) {
					want[c.ID] = true
				}
			}
		}
		got, _, err := s.Clusters(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(want) == 0 && name != "until" {
			t.Errorf("%s: %d clusters, want %d", name, len(got), len(want))
		}
		for _, c := range got {
			if !want[c.ID] {
				t.Errorf("%s: cluster %d should not be kept", name, c.ID)
			}
		}
	}
}
