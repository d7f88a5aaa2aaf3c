package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/extract"
)

// TestHelperProcessMain runs the real main() with the arguments in
// $CLAIMTRAIL_HELPER_ARGS when re-executed by a test, so that a test can
// kill a real claimtrail process; otherwise it does nothing.
func TestHelperProcessMain(t *testing.T) {
	if os.Getenv("CLAIMTRAIL_HELPER_MAIN") != "1" {
		t.Skip("helper process for subprocess tests")
	}
	var args []string
	if err := json.Unmarshal([]byte(os.Getenv("CLAIMTRAIL_HELPER_ARGS")), &args); err != nil {
		fmt.Fprintln(os.Stderr, "bad helper args:", err)
		os.Exit(3)
	}
	if signal := os.Getenv("CLAIMTRAIL_HELPER_FINISH_SIGNAL"); signal != "" {
		finishHook = func(stage string) {
			os.WriteFile(signal, []byte(stage), 0o644)
			time.Sleep(2 * time.Minute) // until the test kills the process
		}
	}
	os.Args = append([]string{"claimtrail"}, args...)
	main()
	os.Exit(0)
}

// helperCommand is the test binary re-executed as claimtrail with args.
func helperCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	js, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessMain$")
	cmd.Env = append(os.Environ(), "CLAIMTRAIL_HELPER_MAIN=1", "CLAIMTRAIL_HELPER_ARGS="+string(js))
	return cmd
}

var (
	crashNames  = []string{"Anna Berg", "Olof Strand", "Maria Lindqvist", "Jonas Ek", "Sara Holm", "Erik Dahl", "Lina Sjö", "Per Nyberg"}
	crashTopics = []string{"bridge", "harbor", "school", "hospital", "tram line", "library", "ferry", "airport", "park", "museum"}
)

// writeCrashCorpus writes n small, distinct articles: two thirds as text
// files (identified by text hash), one third as JSONL lines with URLs
// (identified by URL), so both identities are tested.
func writeCrashCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	texts := os.MkdirAll(filepath.Join(dir, "texts"), 0o755)
	if texts != nil {
		t.Fatal(texts)
	}
	jsonl, err := os.Create(filepath.Join(dir, "wire.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer jsonl.Close()
	for i := range n {
		name := crashNames[i%len(crashNames)]
		topic := crashTopics[(i/len(crashNames))%len(crashTopics)]
		surname := name[strings.LastIndexByte(name, ' ')+1:]
		text := fmt.Sprintf("The %s plan number %d, explained\n\nCouncil member %s said on Monday that the %s plan number %d would go ahead in the spring.\n\n\"We have waited long enough for item %d,\" %s told reporters. Critics said the cost of plan %d had not been published.",
			topic, i, name, topic, i, i, surname, i)
		if i%3 == 2 {
			line, _ := json.Marshal(map[string]string{"url": fmt.Sprintf("https://wire.example/%d", i), "title": fmt.Sprintf("Plan %d", i), "outlet": "Wire", "text": text})
			jsonl.Write(append(line, '\n'))
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, "texts", fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIngestSurvivesSIGKILL kills a real ingest process mid-run, runs the
// same ingest again, and checks that nothing is missing, nothing is
// duplicated, and every stored article is whole (its attributions are
// those the extractor gives, and the search indexes agree with the
// tables).
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus of 3000 articles")
	}
	const total = 3000
	dir := t.TempDir()
	writeCrashCorpus(t, dir, total)
	db := filepath.Join(t.TempDir(), "crash.db")

	cmd := helperCommand(t, "ingest", "--db", db, "--workers", "2", dir)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	count := func() int {
		conn, err := sql.Open("sqlite", db+"?_pragma=busy_timeout(10000)&mode=ro")
		if err != nil {
			return 0
		}
		defer conn.Close()
		var n int
		if err := conn.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
			return 0
		}
		return n
	}
	killedAt := -1
	deadline := time.Now().Add(2 * time.Minute)
	for killedAt < 0 && time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("ingest finished (%v) before it could be killed; output:\n%s", err, out.String())
		case <-time.After(5 * time.Millisecond):
		}
		if n := count(); n >= total/10 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killedAt = n
		}
	}
	if killedAt < 0 {
		cmd.Process.Kill()
		t.Fatalf("ingest stored nothing in 2 minutes; output:\n%s", out.String())
	}
	err := <-exited
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("ingest did not die by SIGKILL: %v", err)
	}
	afterKill := count()
	t.Logf("killed at ≥%d articles; %d committed", killedAt, afterKill)
	if afterKill >= total {
		t.Fatalf("all %d articles were committed before the kill landed", total)
	}

	// The same command again finishes the job.
	rerun, errOut, err := runCLI(t, "ingest", "--db", db, "--workers", "2", dir)
	if err != nil {
		t.Fatalf("re-run: %v\n%s", err, errOut)
	}
	n := summary(t, rerun)
	t.Logf("re-run: %s", strings.TrimSpace(rerun))
	if n[0]+n[1] != total || n[2] != 0 || n[3] != 0 {
		t.Errorf("re-run summary %v: want ingested+unchanged = %d, nothing updated or failed", n, total)
	}
	if n[1] < afterKill {
		t.Errorf("re-run found %d unchanged, but %d were committed before the kill", n[1], afterKill)
	}

	st := openDB(t, db)
	ctx := context.Background()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != total || stats.Errors != 0 {
		t.Errorf("%d articles, %d errors; want %d and 0", stats.Articles, stats.Errors, total)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	checks := []struct {
		name  string
		query string
		want  int
	}{
		{"duplicate texts", `SELECT count(*) FROM (SELECT hash FROM articles GROUP BY hash HAVING count(*) > 1)`, 0},
		{"duplicate urls", `SELECT count(*) FROM (SELECT url FROM articles WHERE url IS NOT NULL GROUP BY url HAVING count(*) > 1)`, 0},
		{"articles with urls", `SELECT count(*) FROM articles WHERE url IS NOT NULL`, total / 3},
		{"articles not extracted", `SELECT count(*) FROM articles WHERE extractor_version <> '` + extract.ModeVersion(extract.ModeDefault) + `'`, 0},
		{"quotes missing from search", `SELECT count(*) FROM attributions a WHERE NOT EXISTS (SELECT 1 FROM quotes_fts f WHERE f.rowid = a.id)`, 0},
		{"search rows without quote", `SELECT count(*) FROM quotes_fts f WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.id = f.rowid)`, 0},
		{"attributions without content", `SELECT count(*) FROM attributions a WHERE NOT EXISTS (SELECT 1 FROM content_spans c WHERE c.attribution_id = a.id)`, 0},
	}
	for _, c := range checks {
		var got int
		if err := conn.QueryRow(c.query).Scan(&got); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
	for _, q := range []string{`INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check')`, `INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')`} {
		if _, err := conn.Exec(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	var integrity string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity check: %q %v", integrity, err)
	}

	// Every article is whole: sample those committed before the kill and
	// after, and compare with the extractor.
	ext, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{1, 2, int64(afterKill / 2), int64(afterKill), int64(afterKill + 1), int64(total - 1), int64(total)} {
		if id < 1 {
			continue
		}
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatalf("article %d: %v", id, err)
		}
		x, err := ext.Extract(ctx, a.Text)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Attributions) != len(x.Attributions) {
			t.Errorf("article %d (%s): %d attributions stored, extractor finds %d", id, a.Source, len(a.Attributions), len(x.Attributions))
		}
	}
}
