package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail/internal/pgtest"
)

// startWorker starts a real worker process on dsn that exits once the
// queue is idle; its output collects in out and its exit in exited.
func startWorker(t *testing.T, dsn string) (cmd *exec.Cmd, out *strings.Builder, exited chan error) {
	t.Helper()
	cmd = helperCommand(t, "--db", dsn, "worker", "--concurrency", "1", "--exit-when-idle",
		"--job-timeout", "5s", "--rescue-after", "6s", "--backoff", "100ms")
	out = &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited = make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, out, exited
}

// statsJSON is `stats --output json` without the size on disk.
func statsJSON(t *testing.T, db string) string {
	t.Helper()
	out, errOut, err := runCLI(t, "--db", db, "stats", "--output", "json")
	if err != nil {
		t.Fatalf("stats: %v\n%s", err, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("stats output %q: %v", out, err)
	}
	delete(m, "bytes")
	b, _ := json.Marshal(m)
	return string(b)
}

// TestWorkerSurvivesSIGKILL enqueues a corpus, SIGKILLs a real worker
// process while it works an articles job, starts another worker, and
// checks that the store equals an uninterrupted one-process ingest of
// the same files (stats and clusters) with nothing stored twice.
func TestWorkerSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for River to rescue the killed worker's job")
	}
	const total = 400
	dsn := pgtest.DB(t)
	dir := t.TempDir()
	writeCrashCorpus(t, dir, total)
	if out, errOut, err := runCLI(t, "--db", dsn, "ingest", "--queue", dir); err != nil {
		t.Fatalf("ingest --queue: %v\n%s%s", err, out, errOut)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)

	first, out, exited := startWorker(t, dsn)
	killedAt := -1
	deadline := time.Now().Add(time.Minute)
	for killedAt < 0 && time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("worker finished (%v) before it could be killed; output:\n%s", err, out)
		case <-time.After(5 * time.Millisecond):
		}
		var stored, running int
		err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles),
			(SELECT count(*) FROM river_job WHERE kind = 'claimtrail_articles' AND state = 'running')`).Scan(&stored, &running)
		if err == nil && stored > 0 && running > 0 {
			if err := first.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killedAt = stored
		}
	}
	if killedAt < 0 {
		t.Fatalf("worker stored nothing in a minute; output:\n%s", out)
	}
	<-exited
	t.Logf("killed the worker with %d of %d articles stored", killedAt, total)

	_, out, exited = startWorker(t, dsn)
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("second worker: %v\n%s", err, out)
		}
	case <-time.After(90 * time.Second):
		t.Fatalf("second worker not done in 90 s; output:\n%s", out)
	}

	var dupArticles, dupAttributions int
	err = conn.QueryRow(ctx, `SELECT
		(SELECT count(*) - count(DISTINCT source) FROM articles),
		(SELECT count(*) FROM (SELECT a.article_id, c.span_start, c.span_end FROM attributions a
			JOIN content_spans c ON c.attribution_id = a.id AND c.ord = 0
			GROUP BY 1, 2, 3 HAVING count(*) > 1) d)`).Scan(&dupArticles, &dupAttributions)
	if err != nil {
		t.Fatal(err)
	}
	if dupArticles != 0 || dupAttributions != 0 {
		t.Errorf("%d articles and %d attributions stored twice", dupArticles, dupAttributions)
	}
	lite := filepath.Join(t.TempDir(), "one.db")
	if out, errOut, err := runCLI(t, "--db", lite, "ingest", dir); err != nil {
		t.Fatalf("one-process ingest: %v\n%s%s", err, out, errOut)
	}
	if want, got := statsJSON(t, lite), statsJSON(t, dsn); want != got {
		t.Errorf("stats after SIGKILL %s, want the uninterrupted run's %s", got, want)
	}
	clusters := func(db string) string {
		out, errOut, err := runCLI(t, "--db", db, "clusters", "--output", "json", "--limit", "1000")
		if err != nil {
			t.Fatalf("clusters: %v\n%s", err, errOut)
		}
		return withoutRowIDs(t, out)
	}
	if want, got := clusters(lite), clusters(dsn); want != got {
		t.Errorf("clusters after SIGKILL differ from the uninterrupted run's:\n%s\nwant:\n%s", got, want)
	}
}

// withoutRowIDs drops from JSON output the ids each store numbers in the
// order it stored things (attribution_id, article_id, a speaker's id);
// cluster ids and everything else stay.
func withoutRowIDs(t *testing.T, js string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatalf("output %q: %v", js, err)
	}
	var walk func(v any, parent string)
	walk = func(v any, parent string) {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "attribution_id")
			delete(x, "article_id")
			if parent == "speaker" || parent == "speakers" {
				delete(x, "id")
			}
			for k, c := range x {
				walk(c, k)
			}
		case []any:
			for _, c := range x {
				walk(c, parent)
			}
		}
	}
	walk(v, "")
	b, _ := json.MarshalIndent(v, "", " ")
	return string(b)
}

// TestWorkerOpsAndGracefulStop runs a worker with --listen: /healthz and
// /metrics answer while it works, and a stop (Ctrl-C, SIGTERM) lets the
// job in hand finish: no job is left running, and every article of
// every completed job is stored. (The worker may finish the 300 articles'
// ten jobs before the test first looks, between two of its queries: that
// is no failure, the stop then finds the queue done.)
func TestWorkerOpsAndGracefulStop(t *testing.T) {
	dsn := pgtest.DB(t)
	dir := t.TempDir()
	writeCrashCorpus(t, dir, 300)
	if out, errOut, err := runCLI(t, "--db", dsn, "ingest", "--queue", dir); err != nil {
		t.Fatalf("ingest --queue: %v\n%s%s", err, out, errOut)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	type result struct {
		out, errOut string
		err         error
	}
	done := make(chan result, 1)
	go func() {
		out, errOut, err := runCLIContext(t, ctx, "--db", dsn, "worker", "--concurrency", "1", "--listen", addr)
		done <- result{out, errOut, err}
	}()
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	deadline := time.Now().Add(time.Minute)
	for {
		if time.Now().After(deadline) {
			var states []string
			if rows, err := conn.Query(context.Background(), `SELECT state::text || '=' || count(*) FROM river_job WHERE kind = 'claimtrail_articles' GROUP BY state`); err == nil {
				for rows.Next() {
					var st string
					rows.Scan(&st)
					states = append(states, st)
				}
				rows.Close()
			}
			select {
			case r := <-done:
				t.Fatalf("no job running with /healthz up within a minute (jobs %v); the worker had exited: %v\n%s%s", states, r.err, r.out, r.errOut)
			default:
			}
			t.Fatalf("no job running with /healthz up within a minute (jobs %v)", states)
		}
		time.Sleep(5 * time.Millisecond)
		var running, done, waiting int
		conn.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE state = 'running'), count(*) FILTER (WHERE state = 'completed'),
			count(*) FILTER (WHERE state NOT IN ('running', 'completed'))
			FROM river_job WHERE kind = 'claimtrail_articles'`).Scan(&running, &done, &waiting)
		// a job in hand beside a finished one; or, on a fast machine, the
		// whole queue done before the first look (the stop below then
		// finds nothing running, as it must)
		if done > 0 && (running > 0 || waiting == 0) {
			break
		}
	}
	if code, body := get("/healthz"); code != 200 || !strings.Contains(body, `"ok"`) {
		t.Errorf("/healthz: %d %s", code, body)
	}
	code, body := get("/metrics")
	for _, want := range []string{"claimtrail_queue_depth ", `claimtrail_ingest_items_total{outcome="inserted"}`, "claimtrail_extraction_duration_seconds_count"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("/metrics (%d) lacks %s:\n%s", code, want, body)
		}
	}
	stop()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("worker: %v\n%s%s", r.err, r.out, r.errOut)
		}
	case <-time.After(time.Minute):
		t.Fatal("worker did not stop within a minute")
	}
	var running, completedItems, stored, left int
	err = conn.QueryRow(context.Background(), `SELECT
		(SELECT count(*) FROM river_job WHERE state = 'running'),
		(SELECT coalesce(sum(jsonb_array_length(args->'items')), 0) FROM river_job WHERE kind = 'claimtrail_articles' AND state = 'completed'),
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM river_job WHERE kind = 'claimtrail_articles' AND state = 'available')`).Scan(&running, &completedItems, &stored, &left)
	if err != nil {
		t.Fatal(err)
	}
	if running != 0 || stored != completedItems {
		t.Errorf("after the stop: %d jobs running, %d articles stored, %d in completed jobs", running, stored, completedItems)
	}
	if left == 0 {
		t.Log("the worker finished the whole queue before the stop")
	}
	if code, _ := get("/healthz"); code != 0 {
		t.Errorf("/healthz still answers (%d) after the worker stopped", code)
	}
}
