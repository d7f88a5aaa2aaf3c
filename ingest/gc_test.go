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

// releasingStore is a memory store that counts ReleaseCaches calls and
// whether the cross-article step had run before the first.
type releasingStore struct {
	*mock.Memory
	released   int
	stepBefore bool
	stepRan    *bool
}

func (s *releasingStore) ReleaseCaches(ctx context.Context) error {
	if s.released == 0 {
		s.stepBefore = *s.stepRan
	}
	s.released++
	return nil
}

// TestServiceReleasesCaches: a one-shot run (ReleaseExtractor) asks the
// store to drop its caches once, before the cross-article step; other
// runs, and a run that skips the step, leave them.
func TestServiceReleasesCaches(t *testing.T) {
	for _, tc := range []struct {
		name              string
		release, noFinish bool
		want              int
	}{{"one-shot", true, false, 1}, {"server", false, false, 0}, {"no step", true, true, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int64
			ran := false
			st := &releasingStore{Memory: mock.NewMemory(), stepRan: &ran}
			svc := &Service{Store: st, Extractor: scriptedExtractor{&calls}, ReleaseExtractor: tc.release, NoFinish: tc.noFinish,
				FinishStep: func(ctx context.Context) (claimtrail.ClusterUpdate, error) {
					ran = true
					return claimtrail.ClusterUpdate{}, nil
				}}
			path := writeJSONL(t, `{"text":"Ana said it."}`)
			if _, err := svc.Ingest(context.Background(), []string{path}); err != nil {
				t.Fatal(err)
			}
			if st.released != tc.want || st.stepBefore {
				t.Errorf("caches released %d times (after the step: %v), want %d before it", st.released, st.stepBefore, tc.want)
			}
		})
	}
}
