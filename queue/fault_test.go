package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/internal/pgtest"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/sqlite"
)

var (
	faultNames = []string{"Anna Berg", "Olof Strand", "Maria Lindqvist", "Jonas Ek", "Sara Holm", "Erik Dahl", "Lina Sjö"}
	faultLines = []string{
		"We will not let the bridge close before the new one is finished",
		"The figures we were given in March were simply wrong",
		"Nobody on this council wants to raise the harbour fees again",
		"The ferry crews have waited long enough for a fair contract",
		"We asked for the inspection reports and we never received them",
		"This plan costs more than the city can afford this year",
		"I am not going to apologise for asking hard questions",
		"The school will stay open as long as I sit on this board",
	}
)

// writeFaultCorpus writes n small articles as JSONL lines with URLs; the
// quotes come from a small pool, so that several articles quote the same
// words (multi-article clusters) and speakers recur.
func writeFaultCorpus(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fault.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i := range n {
		name := faultNames[i%len(faultNames)]
		line := faultLines[(i/3)%len(faultLines)]
		other := faultLines[(i*5+1)%len(faultLines)]
		text := fmt.Sprintf("Council member %s spoke on Monday about plan number %d.\n\n\"%s,\" %s told reporters on item %d.\n\nLater the same day %s added: \"%s.\"",
			name, i, line, name, i, name, other)
		js, _ := json.Marshal(map[string]string{"url": fmt.Sprintf("https://fault.example/%d", i), "title": fmt.Sprintf("Plan %d", i),
			"outlet": fmt.Sprintf("Outlet %d", i%5), "published": fmt.Sprintf("2026-03-%02dT10:00:00Z", 1+i%28), "text": text})
		f.Write(append(js, '\n'))
	}
	return p
}

// oneProcess ingests srcs into a new SQLite store in one process: the
// uninterrupted run every fault test compares with.
func oneProcess(t *testing.T, srcs []string) string {
	t.Helper()
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "one.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&ingest.Service{Store: lite, Extractor: ex}).Ingest(ctx, srcs); err != nil {
		t.Fatal(err)
	}
	return summary(t, lite)
}

// checkNoDuplicates fails when an article or an attribution is stored
// twice (same source; same article and span).
func checkNoDuplicates(t *testing.T, st *postgres.Store) {
	t.Helper()
	var dupArticles, dupAttributions int
	err := st.Pool().QueryRow(context.Background(), `SELECT
		(SELECT count(*) - count(DISTINCT source) FROM articles),
		(SELECT count(*) FROM (SELECT a.article_id, c.span_start, c.span_end, count(*) FROM attributions a
			JOIN content_spans c ON c.attribution_id = a.id AND c.ord = 0
			GROUP BY 1, 2, 3 HAVING count(*) > 1) d)`).Scan(&dupArticles, &dupAttributions)
	if err != nil {
		t.Fatal(err)
	}
	if dupArticles != 0 || dupAttributions != 0 {
		t.Errorf("%d articles and %d attributions stored twice", dupArticles, dupAttributions)
	}
}

// TestTwoWorkersRaceOnSameArticles enqueues every chunk of articles twice,
// side by side, so that two workers extract and store the same articles
// at the same moment: each article is stored once, and the store equals
// a one-process ingest.
func TestTwoWorkersRaceOnSameArticles(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DB(t)
	srcs := []string{writeFaultCorpus(t, 160)}
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, err := NewProducer(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	var params []river.InsertManyParams
	var chunk []Item
	err = ingest.Walk(ctx, srcs, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return it.Err
		}
		chunk = append(chunk, Item{Source: it.Source, Article: it.Article})
		if len(chunk) == 8 {
			// Two jobs with the same articles, fetched one after the other.
			params = append(params, river.InsertManyParams{Args: ArticlesArgs{Items: chunk}}, river.InsertManyParams{Args: ArticlesArgs{Items: chunk}})
			chunk = nil
		}
		return nil
	})
	if err != nil || len(params) != 40 {
		t.Fatalf("walk: %d jobs, %v", len(params), err)
	}
	if _, err := q.client.InsertMany(ctx, params); err != nil {
		t.Fatal(err)
	}
	opt := testOptions()
	opt.Concurrency = 1
	runWorkers(t, dsn, 2, opt)
	checkNoDuplicates(t, st)
	if want, got := oneProcess(t, srcs), summary(t, st); want != got {
		t.Errorf("racing workers differ from one process:\nsqlite:\n%s\n\npostgres:\n%s", want, got)
	}
	if s, err := GetStatus(ctx, st); err != nil || s.Failed != 0 {
		t.Errorf("status %+v, %v: no job should fail", s, err)
	}
}

// TestWorkersSurvivePostgresRestart stops the database server in the
// middle of an ingest and starts it again: the workers reconnect, the
// jobs cut off are retried, and the store equals a one-process ingest.
func TestWorkersSurvivePostgresRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts its own PostgreSQL server")
	}
	ctx := context.Background()
	srv, err := pgtest.Start(ctx)
	if err != nil {
		t.Skipf("no PostgreSQL server of its own: %v", err)
	}
	t.Cleanup(srv.Stop)
	dsn := pgtest.CreateDB(t, srv.DSN("postgres"))
	srcs := []string{writeFaultCorpus(t, 600)}
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, err := NewProducer(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Enqueue(ctx, srcs, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	opt := testOptions()
	opt.Concurrency = 1
	opt.JobTimeout, opt.RescueAfter = 5*time.Second, 6*time.Second
	qs := startWorkers(t, dsn, 2, opt)
	done := make(chan struct{})
	go func() {
		defer close(done)
		stopWhenIdle(t, qs, 100*time.Second)
	}()

	// Stop the server as soon as the first articles are stored.
	probe, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	stored := 0
	for stored == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		probe.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&stored)
	}
	probe.Close()
	if stored == 0 {
		t.Fatal("no article stored in a minute")
	}
	srv.Halt()
	time.Sleep(time.Second)
	if err := srv.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	<-done
	if t.Failed() {
		return
	}
	t.Logf("server restarted after %d of 600 articles", stored)
	checkNoDuplicates(t, st)
	if want, got := oneProcess(t, srcs), summary(t, st); want != got {
		t.Errorf("workers through a restart differ from one process:\nsqlite:\n%s\n\npostgres:\n%s", want, got)
	}
}

// startWorkers starts n workers, each with its own connection pool as
// a separate process would have.
func startWorkers(t *testing.T, dsn string, n int, opt Options) []*Queue {
	t.Helper()
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var qs []*Queue
	for range n {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		q, err := NewWorker(ctx, st, ex, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	return qs
}

// stopWhenIdle waits until the queue is idle, for a database that may
// go away for a while (errors reading the queue state are waited out
// until limit), then stops the workers and runs the cluster step.
func stopWhenIdle(t *testing.T, qs []*Queue, limit time.Duration) {
	ctx := context.Background()
	deadline := time.Now().Add(limit)
	for idle := 0; idle < 3; {
		if time.Now().After(deadline) {
			s, _ := GetStatus(ctx, qs[0].store)
			t.Errorf("queue not idle after %v: %+v", limit, s)
			break
		}
		time.Sleep(300 * time.Millisecond)
		ok, err := Idle(ctx, qs[0].store)
		switch {
		case err != nil:
			idle = 0
		case ok:
			idle++
		default:
			idle = 0
		}
	}
	for _, q := range qs {
		if err := q.Stop(ctx); err != nil {
			t.Error(err)
		}
	}
	if err := qs[0].Cluster(ctx); err != nil {
		t.Error(err)
	}
}

// TestDuplicateTextKeepsLeastSource: of two files with the same text
// (identified by text, no URL), the store keeps the least source, as a
// one-process ingest of the sorted folder does, whichever a worker meets
// first.
func TestDuplicateTextKeepsLeastSource(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DB(t)
	dir := t.TempDir()
	text := "Harbour plan delayed\n\n\"We will not let the bridge close before the new one is finished,\" Anna Berg told reporters on Monday.\n"
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, err := NewProducer(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"b.txt", "a.txt"} { // the greater first
		if _, err := q.Enqueue(ctx, []string{filepath.Join(dir, name)}, ingest.Options{}); err != nil {
			t.Fatal(err)
		}
		opt := testOptions()
		opt.Concurrency = 1
		runWorkers(t, dsn, 1, opt)
	}
	var sources []string
	rows, err := st.Pool().Query(ctx, `SELECT source FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		sources = append(sources, filepath.Base(s))
	}
	if len(sources) != 1 || sources[0] != "a.txt" {
		t.Errorf("stored sources %v, want [a.txt]", sources)
	}
}
