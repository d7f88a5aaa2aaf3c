package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/internal/pgtest"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/sqlite"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func testOptions() Options {
	return Options{Concurrency: 2, MaxAttempts: 3, Backoff: 200 * time.Millisecond,
		JobTimeout: 20 * time.Second, RescueAfter: 25 * time.Second,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// sources writes the demo articles and returns them with the fixtures.
func sources(t *testing.T) []string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "demo.jsonl")
	if err := os.WriteFile(p, demo.JSONL(), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{p, "../testdata/articles"}
}

// runWorkers starts n workers, each with its own connection pool as a
// separate process would have, waits until the queue is idle and stops
// them.
func runWorkers(t *testing.T, dsn string, n int, opt Options) {
	t.Helper()
	stopWhenIdle(t, startWorkers(t, dsn, n, opt), 2*time.Minute)
	if t.Failed() {
		t.FailNow()
	}
}

type readStore interface {
	claimtrail.Store
	claimtrail.ClusterStore
}

// summary is what must not depend on how the work was spread: the stats
// and every cluster with its members (by article and span).
func summary(t *testing.T, s readStore) string {
	t.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Bytes = 0
	out := []string{fmt.Sprintf("%+v", st)}
	cs, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		full, err := s.Cluster(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ms []string
		for _, m := range full.Members {
			ms = append(ms, fmt.Sprintf("%s@%d-%d:%s", filepath.Base(m.Source), m.Start, m.End, m.Speaker))
		}
		full.Members = nil
		// Speaker ids are each store's own (README: the same JSON,
		// speaker ids aside); names and kinds must agree.
		full.Speaker.ID = 0
		for i := range full.Speakers {
			full.Speakers[i].ID = 0
		}
		b, _ := json.Marshal(full)
		out = append(out, string(b)+" "+strings.Join(ms, ","))
	}
	slices.Sort(out[1:])
	return strings.Join(out, "\n")
}

// TestWorkersSameAsOneProcess enqueues a corpus, works it with two
// workers and compares stats and clusters with a one-process SQLite
// ingest of the same files.
func TestWorkersSameAsOneProcess(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DB(t)
	srcs := sources(t)
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, err := NewProducer(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := q.Enqueue(ctx, srcs, ingest.Options{})
	if err != nil || sum.Items < 15 {
		t.Fatalf("enqueue: %+v, %v", sum, err)
	}
	s, err := GetStatus(ctx, st)
	if err != nil || s.Queued != sum.Jobs {
		t.Fatalf("status %+v, %v; want %d queued", s, err, sum.Jobs)
	}
	runWorkers(t, dsn, 2, testOptions())
	s, err = GetStatus(ctx, st)
	if err != nil || s.Queued != 0 || s.Running != 0 || s.Failed != 0 || s.Done < sum.Jobs {
		t.Fatalf("status after work %+v, %v", s, err)
	}

	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "one.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	ex, _ := extract.New()
	if _, err := (&ingest.Service{Store: lite, Extractor: ex}).Ingest(ctx, srcs); err != nil {
		t.Fatal(err)
	}
	want, got := summary(t, lite), summary(t, st)
	if want != got {
		t.Errorf("two workers differ from one process:\nsqlite:\n%s\n\npostgres:\n%s", want, got)
	}
	// Enqueuing the same sources again stores nothing twice.
	if _, err := q.Enqueue(ctx, srcs, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	runWorkers(t, dsn, 2, testOptions())
	if again := summary(t, st); again != got {
		t.Errorf("a second run changed the store:\n%s\n\nwas:\n%s", again, got)
	}
}

// TestFailingSourceRetriesThenErrors: a URL that keeps failing is tried
// MaxAttempts times with backoff, then lands in the errors table.
func TestFailingSourceRetriesThenErrors(t *testing.T) {
	ctx := context.Background()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	dsn := pgtest.DB(t)
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, err := NewProducer(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Enqueue(ctx, []string{srv.URL + "/story.html"}, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	runWorkers(t, dsn, 1, testOptions())
	if n := hits.Load(); n != 5 {
		t.Errorf("%d requests, want 5 (the default MaxAttempts)", n)
	}
	errs, err := st.Errors(ctx, 0)
	if err != nil || len(errs) != 1 || !strings.Contains(errs[0].Reason, "503") || errs[0].Source != srv.URL+"/story.html" {
		t.Fatalf("errors %+v, %v; want the URL with its 503", errs, err)
	}
	s, _ := GetStatus(ctx, st)
	if s.Failed != 1 {
		t.Errorf("status %+v, want 1 failed", s)
	}
}
