package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// storeState is what an interrupted run must end up equal to: the totals
// (without the file size) and every cluster with its members, ids
// included (one worker, so that ids follow the walk order).
func storeState(t *testing.T, db string) (stats, clusters string) {
	t.Helper()
	out, errOut, err := runCLI(t, "stats", "--db", db, "--output", "json")
	if err != nil {
		t.Fatalf("stats: %v\n%s", err, errOut)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.Contains(l, `"bytes"`) {
			lines = append(lines, l)
		}
	}
	cl, errOut, err := runCLI(t, "clusters", "--db", db, "--output", "json")
	if err != nil {
		t.Fatalf("clusters: %v\n%s", err, errOut)
	}
	return strings.Join(lines, "\n"), cl
}

// killDuringFinish runs ingest in a subprocess, SIGKILLs it inside the
// final step (after speaker merging, before clustering) and checks that it
// died there.
func killDuringFinish(t *testing.T, db, dir string) {
	t.Helper()
	signal := filepath.Join(t.TempDir(), "finish-reached")
	cmd := helperCommand(t, "ingest", "--db", db, "--workers", "1", dir)
	cmd.Env = append(cmd.Env, "CLAIMTRAIL_HELPER_FINISH_SIGNAL="+signal)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.After(2 * time.Minute)
	for reached := false; !reached; {
		select {
		case err := <-exited:
			t.Fatalf("ingest exited (%v) before its final step; output:\n%s", err, out.String())
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("ingest did not reach its final step in 2 minutes; output:\n%s", out.String())
		case <-time.After(10 * time.Millisecond):
			_, err := os.Stat(signal)
			reached = err == nil
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := <-exited
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("ingest did not die by SIGKILL: %v", err)
	}
}

// TestIngestKilledInFinalStep (issue 11 #3): an ingest killed during
// speaker merging and clustering is completed by running the same command
// again, and by `serve`: the stats and clusters end up those of an
// uninterrupted run.
func TestIngestKilledInFinalStep(t *testing.T) {
	if testing.Short() {
		t.Skip("runs three ingests of 300 articles")
	}
	dir := t.TempDir()
	writeCrashCorpus(t, dir, 300)
	clean := filepath.Join(t.TempDir(), "clean.db")
	if _, errOut, err := runCLI(t, "ingest", "--db", clean, "--workers", "1", dir); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, errOut)
	}
	wantStats, wantClusters := storeState(t, clean)
	if !strings.Contains(wantStats, `"clusters": `) || strings.Contains(wantStats, `"clusters": 0`) {
		t.Fatalf("the corpus makes no clusters, nothing to test: %s", wantStats)
	}

	t.Run("re-run", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "killed.db")
		killDuringFinish(t, db, dir)
		out, errOut, err := runCLI(t, "ingest", "--db", db, "--workers", "1", dir)
		if err != nil {
			t.Fatalf("re-run: %v\n%s", err, errOut)
		}
		if !strings.Contains(out, "ingested 0, unchanged 300") || !strings.Contains(out, "clustered") {
			t.Errorf("re-run said %q: want nothing new stored and the final step run", strings.TrimSpace(out))
		}
		gotStats, gotClusters := storeState(t, db)
		if gotStats != wantStats {
			t.Errorf("stats after kill and re-run:\n%s\nwant\n%s", gotStats, wantStats)
		}
		if gotClusters != wantClusters {
			t.Errorf("clusters after kill and re-run differ from an uninterrupted run's (%d vs %d bytes of JSON)", len(gotClusters), len(wantClusters))
		}
		// Nothing is pending any more: a third run does no final step.
		out, _, _ = runCLI(t, "ingest", "--db", db, "--workers", "1", dir)
		if strings.Contains(out, "clustered") {
			t.Errorf("third run: %q, want no final step", strings.TrimSpace(out))
		}
	})

	t.Run("serve", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "killed.db")
		killDuringFinish(t, db, dir)
		if stats, _ := storeState(t, db); stats == wantStats {
			t.Fatal("the killed run's store already equals the clean one: the kill came too late to test anything")
		}
		cmd := helperCommand(t, "serve", "--db", db, "--addr", "127.0.0.1:0")
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Process.Kill()
		deadline := time.Now().Add(time.Minute)
		for !strings.Contains(out.String(), "speakers merged and quotes clustered") && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			t.Errorf("serve after SIGTERM: %v\n%s", err, out.String())
		}
		gotStats, gotClusters := storeState(t, db)
		if gotStats != wantStats || gotClusters != wantClusters {
			t.Errorf("after serve: stats\n%s\nwant\n%s\n(clusters equal: %v); serve said:\n%s", gotStats, wantStats, gotClusters == wantClusters, out.String())
		}
	})
}
