package ingest

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/mock"
)

// countingMaintainer counts cross-article runs over a Memory store.
type countingMaintainer struct {
	*mock.Memory
	runs atomic.Int64
}

func (c *countingMaintainer) RefreshClusters(ctx context.Context) (claimtrail.ClusterUpdate, error) {
	c.runs.Add(1)
	return c.Memory.RefreshClusters(ctx)
}

// TestRefresherCoalesces: a burst of kicks within the delay makes one
// run; a kick pending at shutdown still runs.
func TestRefresherCoalesces(t *testing.T) {
	st := &countingMaintainer{Memory: mock.NewMemory()}
	put := func(text string) {
		if _, err := st.PutArticle(context.Background(), &claimtrail.Article{Source: text, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	r := NewRefresher(&Service{Store: st}, nil)
	r.Delay = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	put("one")
	for range 10 {
		r.Kick()
	}
	if err := r.WaitIdle(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := st.runs.Load(); n != 1 {
		t.Errorf("%d runs for a burst of 10 kicks, want 1", n)
	}
	r.Kick() // nothing pending: no run
	put("two")
	r.Kick()
	cancel()
	<-done
	if n := st.runs.Load(); n != 2 {
		t.Errorf("%d runs after a kick pending at shutdown, want 2", n)
	}
	if p, _ := st.ClustersPending(context.Background()); p {
		t.Error("work left pending at shutdown")
	}
}
