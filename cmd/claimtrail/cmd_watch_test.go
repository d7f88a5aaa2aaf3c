package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestWatchConditionalGET polls a local feed that changes between polls:
// the first poll stores its item, the second gets 304 (the ETag matched)
// and stores nothing, the third sees a new item. Every request names the
// tool.
func TestWatchConditionalGET(t *testing.T) {
	var (
		mu       sync.Mutex
		items    = 1
		requests []string
	)
	item := func(i int) string {
		return fmt.Sprintf(`<item><guid>story-%d</guid><link>https://news.example/%d</link><title>Story %d</title>
<description>The harbor master said "the quay will reopen on Monday %d" after repairs.</description></item>`, i, i, i, i)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		requests = append(requests, r.Header.Get("If-None-Match")+"|"+r.UserAgent())
		etag := fmt.Sprintf(`"v%d"`, items)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			items++ // the next poll sees a new item
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor News</title>`)
		for i := 1; i <= items; i++ {
			b.WriteString(item(i))
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "w.db")
	out, errOut, err := runCLI(t, "--db", db, "watch", srv.URL+"/rss", "--every", "1s", "--delay", "10ms", "--rounds", "3")
	if err != nil {
		t.Fatalf("watch: %v\n%s%s", err, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "ingested 1,") || !strings.Contains(lines[1], "ingested 0, unchanged 0") || !strings.Contains(lines[2], "ingested 1, unchanged 1") {
		t.Fatalf("polls:\n%s", out)
	}
	if len(requests) != 3 || requests[0] != "|"+queueUA() || !strings.HasPrefix(requests[1], `"v1"|`) {
		t.Fatalf("requests (If-None-Match|User-Agent): %q", requests)
	}
}
