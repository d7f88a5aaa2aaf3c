package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestBenchWorkersProfiles: bench runs two workers over invented articles,
// counts each article once per run, and writes the block and mutex
// profiles it is asked for.
func TestBenchWorkersProfiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		text := "Harbour fees rise\n\nThe mayor said on Monday that the fees would rise. \"We have no choice,\" she told reporters.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	block, mutex := filepath.Join(dir, "block.prof"), filepath.Join(dir, "mutex.prof")
	out, errOut, err := runCLI(t, "bench", "--workers", "2", "--runs", "2", "--output", "json",
		"--blockprofile", block, "--mutexprofile", mutex, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt"))
	if err != nil {
		t.Fatalf("bench: %v\n%s%s", err, out, errOut)
	}
	var report struct {
		Passes []struct {
			Name     string `json:"name"`
			Articles int    `json:"articles"`
			Failures int    `json:"failures"`
		} `json:"passes"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("bench output %q: %v", out, err)
	}
	if len(report.Passes) != 2 {
		t.Fatalf("passes %+v", report.Passes)
	}
	for _, p := range report.Passes {
		if p.Articles != 3 || p.Failures != 0 {
			t.Errorf("%s: %d articles, %d failures; want 3, 0", p.Name, p.Articles, p.Failures)
		}
	}
	for _, p := range []string{block, mutex} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("profile %s not written (%v)", p, err)
		}
	}
}
