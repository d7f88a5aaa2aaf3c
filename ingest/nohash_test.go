package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestWalkNoHash: Options.NoHash leaves Article.Hash empty and nothing
// else different; without it the hash is the text's.
func TestWalkNoHash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	text := "Harbour board backs ferry plan\n\nThe board said on Monday that the terminal would open in May.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	walk := func(opt Options) *claimtrail.Article {
		t.Helper()
		var got *claimtrail.Article
		err := Walk(context.Background(), []string{path}, opt, func(it Item) error {
			if it.Err != nil {
				t.Fatalf("walk: %v", it.Err)
			}
			got = it.Article
			return nil
		})
		if err != nil || got == nil {
			t.Fatalf("walk: %v, article %v", err, got)
		}
		return got
	}
	for _, tc := range []struct {
		name   string
		noHash bool
	}{{"hash", false}, {"no hash", true}} {
		t.Run(tc.name, func(t *testing.T) {
			a := walk(Options{NoHash: tc.noHash})
			want := claimtrail.HashText(a.Text)
			if tc.noHash {
				want = ""
			}
			if a.Hash != want {
				t.Errorf("Hash = %q, want %q", a.Hash, want)
			}
			if a.Language != "en" || a.Title == "" {
				t.Errorf("Language %q Title %q: finish skipped more than the hash", a.Language, a.Title)
			}
		})
	}
}
