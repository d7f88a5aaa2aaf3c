package ingest

import (
	"context"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// TestSharedCorpora reads the BBC and PTC corpora of ../shared/data (it
// skips without them): every file must become an article with a title,
// none may fail, and reading must be far faster than the 400 articles/s
// the whole ingest pipeline needs.
func TestSharedCorpora(t *testing.T) {
	bbc := shareddata.Dir(t, "bbc")
	ptc := shareddata.Dir(t, "ptc")
	start := time.Now()
	var n, withTitle int
	err := Walk(context.Background(), []string{bbc, ptc}, Options{}, func(it Item) error {
		if it.Err != nil {
			t.Errorf("%v", it.Err)
			return nil
		}
		n++
		if it.Article.Title != "" {
			withTitle++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	t.Logf("%d articles (%d with a title) in %v: %.0f articles/s", n, withTitle, elapsed, float64(n)/elapsed.Seconds())
	if n < 2700 {
		t.Errorf("read %d articles, want the 2,225 BBC and 536 PTC ones", n)
	}
	if withTitle < n*95/100 {
		t.Errorf("only %d of %d articles have a title; both corpora start with a headline line", withTitle, n)
	}
}
