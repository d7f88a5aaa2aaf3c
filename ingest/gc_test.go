package ingest

import (
	"context"
	"runtime/debug"
	"sync/atomic"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/mock"
)

// TestLowerGC checks that the step's GOGC only ever lowers the
// process's setting, and that the one before comes back.
func TestLowerGC(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	for _, tc := range []struct {
		name            string
		before, percent int
		during          int
	}{
		{"lowered", 100, 25, 25},
		{"lower already", 10, 25, 10},
		{"equal", 25, 25, 25},
		{"collector off", -1, 25, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetGCPercent(tc.before)
			restore := lowerGC(tc.percent)
			if got := debug.SetGCPercent(tc.during); got != tc.during {
				t.Errorf("during the step GOGC = %d, want %d", got, tc.during)
			}
			restore()
			if got := debug.SetGCPercent(100); got != tc.before {
				t.Errorf("after the step GOGC = %d, want %d", got, tc.before)
			}
		})
	}
}

// TestServiceFinishGC: an ingest with FinishGC runs its cross-article
// step at that GOGC and gives the process its own back after; without
// it the step runs at the process's.
func TestServiceFinishGC(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	for _, tc := range []struct {
		name           string
		finishGC, want int
	}{{"set", 25, 25}, {"unset", 0, 100}} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int64
			during := 0
			svc := &Service{Store: mock.NewMemory(), Extractor: scriptedExtractor{&calls}, FinishGC: tc.finishGC,
				FinishStep: func(ctx context.Context) (claimtrail.ClusterUpdate, error) {
					during = debug.SetGCPercent(-1)
					debug.SetGCPercent(during)
					return claimtrail.ClusterUpdate{}, nil
				}}
			path := writeJSONL(t, `{"text":"Ana said it."}`)
			if sum, err := svc.Ingest(context.Background(), []string{path}); err != nil || !sum.Finished {
				t.Fatalf("ingest: %+v %v", sum, err)
			}
			if during != tc.want {
				t.Errorf("GOGC during the step %d, want %d", during, tc.want)
			}
			if after := debug.SetGCPercent(100); after != 100 {
				t.Errorf("GOGC after the step %d, want 100", after)
			}
		})
	}
}
