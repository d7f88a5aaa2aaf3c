// Package shareddata finds the project's shared data folder (../shared/data
// beside the repository) for tests and benchmarks, which must skip, not
// fail, on a fresh clone where it is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared data folder, or "" when there is none. It looks
// for ../shared/data beside the module root (the folder holding go.mod),
// or uses $CLAIMTRAIL_SHARED_DATA when set.
func Root() string {
	if d := os.Getenv("CLAIMTRAIL_SHARED_DATA"); d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data")
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				return d
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns Root joined with elem, skipping tb when it does not exist.
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("../shared/data is absent; skipping")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent; skipping", p)
	}
	return p
}
