package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
)

var summaryRE = regexp.MustCompile(`ingested (\d+), unchanged (\d+), updated (\d+), failed (\d+)`)

// summary reads the counts of an ingest's final line.
func summary(t *testing.T, out string) [4]int {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary in %q", out)
	}
	var n [4]int
	for i := range n {
		fmt.Sscan(m[i+1], &n[i])
	}
	return n
}

// TestIngestEachSourceKind ingests one source of each kind through the
// command and checks what was stored: article count, identity and
// metadata, and that the attributions are the extractor's.
func TestIngestEachSourceKind(t *testing.T) {
	ctx := context.Background()
	ext, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	warcPages := []warcPage{
		{"https://crawl.example/a", newsPage("Tram line extended", "Crawl Gazette", "2024-03-02T09:00:00Z",
			"The tram line will be extended to the new hospital by next year, the city transport office said on Saturday.",
			`"The hospital needs a direct line," transport officer Mia Sand said. She said construction would begin in the autumn.`,
			"Residents along the route said they welcomed the plan but worried about noise during the works.")},
		{"https://crawl.example/b", newsPage("School meals to be free", "Crawl Gazette", "2024-03-03T09:00:00Z",
			"All primary school pupils will get free meals from August, the education board announced on Sunday.",
			`"No child should learn on an empty stomach," board chair Anders Lie told reporters.`,
			"The scheme will cost the city about four million a year, according to the board's own figures.")},
	}
	tests := []struct {
		name   string
		source func(t *testing.T) string
		// want is the number of articles; urls and outlet are checked
		// on every stored article when set.
		want      int
		wantURLs  []string
		outlet    string
		wantTitle string
		failed    int
	}{
		{name: "plain text folder", source: func(t *testing.T) string { return copyFixtures(t, "harbor-bridge.txt") },
			want: 1, wantTitle: "Harbor bridge repairs to start in April"},
		{name: "html page", source: func(t *testing.T) string {
			return filepath.Join(copyFixtures(t, "ferry-strike.html"), "ferry-strike.html")
		}, want: 1, wantURLs: []string{"https://ledger.example/news/ferry-strike"}, outlet: "The Lakeside Ledger", wantTitle: "Ferry crews strike over pay"},
		{name: "rss feed", source: func(t *testing.T) string {
			return filepath.Join(copyFixtures(t, "harbor-daily.rss"), "harbor-daily.rss")
		}, want: 2, wantURLs: []string{"https://harbor.example/news/port-tolls", "https://harbor.example/news/fleet-returns"}, outlet: "Harbor Daily"},
		{name: "atom feed", source: func(t *testing.T) string {
			return filepath.Join(copyFixtures(t, "bay-times.atom"), "bay-times.atom")
		}, want: 1, wantURLs: []string{"https://baytimes.example/library-sundays"}, outlet: "Bay Times", wantTitle: "Library to open on Sundays"},
		{name: "jsonl with a broken line", source: func(t *testing.T) string {
			return filepath.Join(copyFixtures(t, "wire.jsonl"), "wire.jsonl")
		}, want: 3, wantURLs: []string{"https://wire.example/1", "https://wire.example/2", "https://wire.example/3"}, failed: 1},
		{name: "warc", source: func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "crawl.warc")
			writeWARC(t, p, warcPages, false, 0)
			return p
		}, want: 2, wantURLs: []string{"https://crawl.example/a", "https://crawl.example/b"}, outlet: "Crawl Gazette"},
		{name: "warc.gz", source: func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "crawl.warc.gz")
			writeWARC(t, p, warcPages, true, 0)
			return p
		}, want: 2, wantURLs: []string{"https://crawl.example/a", "https://crawl.example/b"}, outlet: "Crawl Gazette"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "ct.db")
			src := tt.source(t)
			out, errOut, err := runCLI(t, "ingest", "--db", db, "--workers", "2", src)
			if (err != nil) != (tt.failed > 0) {
				t.Fatalf("ingest: err %v, stderr %q", err, errOut)
			}
			if n := summary(t, out); n[0] != tt.want || n[3] != tt.failed {
				t.Errorf("summary %q, want %d ingested, %d failed", out, tt.want, tt.failed)
			}
			if got := strings.Count(errOut, "claimtrail: "); got != tt.failed {
				t.Errorf("%d error lines, want %d: %q", got, tt.failed, errOut)
			}
			st := openDB(t, db)
			arts, _, err := st.Articles(ctx, claimtrail.ArticleFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != tt.want {
				t.Fatalf("%d articles stored, want %d", len(arts), tt.want)
			}
			urls := map[string]bool{}
			for _, a := range arts {
				urls[a.URL] = true
				if tt.outlet != "" && a.Outlet != tt.outlet {
					t.Errorf("%s: outlet %q, want %q", a.Source, a.Outlet, tt.outlet)
				}
				if a.ExtractorVersion != ext.Version() {
					t.Errorf("%s: extractor version %q", a.Source, a.ExtractorVersion)
				}
				full, err := st.Article(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				x, err := ext.Extract(ctx, a.Text)
				if err != nil {
					t.Fatal(err)
				}
				if len(full.Attributions) != len(x.Attributions) {
					t.Errorf("%s: %d attributions stored, extractor finds %d", a.Source, len(full.Attributions), len(x.Attributions))
				}
				for i := range min(len(full.Attributions), len(x.Attributions)) {
					if got, want := full.Attributions[i].ContentText(), x.Attributions[i].ContentText(); got != want {
						t.Errorf("%s: attribution %d content %q, extractor says %q", a.Source, i, got, want)
					}
				}
			}
			for _, u := range tt.wantURLs {
				if !urls[u] {
					t.Errorf("no article with url %s (have %v)", u, urls)
				}
			}
			if tt.wantTitle != "" && arts[0].Title != tt.wantTitle {
				t.Errorf("title %q, want %q", arts[0].Title, tt.wantTitle)
			}
		})
	}
}

// TestIngestRerunAndUpdate: the same sources again store nothing new, and
// a changed article at the same URL is updated in place.
func TestIngestRerunAndUpdate(t *testing.T) {
	dir := copyFixtures(t, "harbor-bridge.txt", "ferry-strike.html", "harbor-daily.rss", "wire.jsonl")
	db := filepath.Join(t.TempDir(), "ct.db")
	out, _, _ := runCLI(t, "ingest", "--db", db, dir)
	first := summary(t, out)
	if first[0] != 7 || first[3] != 1 {
		t.Fatalf("first run %v, want 7 ingested, 1 failed (the bad JSONL line)", first)
	}
	out, _, _ = runCLI(t, "ingest", "--db", db, dir)
	if again := summary(t, out); again != [4]int{0, 7, 0, 1} {
		t.Errorf("re-run %v, want 0 ingested, 7 unchanged, 0 updated, 1 failed", again)
	}
	jsonl := filepath.Join(dir, "wire.jsonl")
	b, _ := os.ReadFile(jsonl)
	changed := strings.Replace(string(b), "after the winter storms", "after the spring storms", 1)
	if changed == string(b) {
		t.Fatal("fixture text to change not found")
	}
	os.WriteFile(jsonl, []byte(changed), 0o644)
	out, _, _ = runCLI(t, "ingest", "--db", db, dir)
	if upd := summary(t, out); upd != [4]int{0, 6, 1, 1} {
		t.Errorf("after a change %v, want 0 ingested, 6 unchanged, 1 updated, 1 failed", upd)
	}
	st := openDB(t, db)
	a, err := st.ArticleBySource(context.Background(), "https://wire.example/3")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "spring storms") {
		t.Errorf("article not updated: %q", a.Text)
	}
	stats, _ := st.Stats(context.Background())
	if stats.Articles != 7 {
		t.Errorf("%d articles, want 7", stats.Articles)
	}
}

// TestIngestBadInputGoesOn: every kind of bad item gets one line naming
// it, is recorded, and the good items are stored; the exit is an error.
func TestIngestBadInputGoesOn(t *testing.T) {
	dir := copyFixtures(t, "harbor-bridge.txt")
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("binary.txt", append([]byte("\x00\x01\x02\x03ELF"), make([]byte, 2000)...))
	write("empty.txt", nil)
	write("broken.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</title>`))
	write("lines.jsonl", []byte("{\"url\": \"https://j.example/1\", \"text\": \"A fine article that says nothing much at all.\"}\n{not json\n"))
	writeWARC(t, filepath.Join(dir, "cut.warc"), []warcPage{
		{"https://cut.example/1", newsPage("First page", "Cut", "2024-03-02T09:00:00Z",
			"A first paragraph long enough for the readability library to keep it as the main text of the page.",
			"A second paragraph that follows it, also long enough to be kept as part of the article body.")},
		{"https://cut.example/2", newsPage("Second page", "Cut", "2024-03-03T09:00:00Z",
			"This page is cut off in the middle of its record, as an interrupted download would leave it.",
			"Nobody will ever read this paragraph because the file ends before it.")},
	}, false, 200)
	unreadable := write("secret.txt", []byte("An unreadable article.\n\nIt has text, but nobody may read it."))
	os.Chmod(unreadable, 0)
	if f, err := os.Open(unreadable); err == nil {
		f.Close()
		os.Remove(unreadable) // running as root: permissions do not stop us
	}
	db := filepath.Join(t.TempDir(), "ct.db")
	out, errOut, err := runCLI(t, "ingest", "--db", db, dir)
	if err == nil {
		t.Error("ingest with bad items exited without error")
	}
	n := summary(t, out)
	if n[0] < 3 || n[3] < 4 {
		t.Errorf("summary %v, want ≥3 ingested (text, jsonl line, first WARC page) and ≥4 failed", n)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != n[3] {
		t.Errorf("%d error lines for %d failures: %q", len(lines), n[3], errOut)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "claimtrail: "+dir) || strings.Count(l, ": ") < 2 {
			t.Errorf("error line %q does not name the item and a reason", l)
		}
	}
	for _, name := range []string{"binary.txt", "empty.txt", "broken.rss", "lines.jsonl:2", "cut.warc"} {
		if !strings.Contains(errOut, filepath.Join(dir, name)) {
			t.Errorf("no error line for %s in %q", name, errOut)
		}
	}

	out, _, err = runCLI(t, "errors", "--db", db, "--output", "json")
	if err != nil {
		t.Fatal(err)
	}
	var listed []map[string]any
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatalf("errors --output json is not a JSON list: %v\n%s", err, out)
	}
	if len(listed) != n[3] {
		t.Errorf("%d errors listed, %d failed", len(listed), n[3])
	}
	for _, e := range listed {
		for _, k := range []string{"source", "reason", "time"} {
			if s, _ := e[k].(string); s == "" {
				t.Errorf("error object without %s: %v", k, e)
			}
		}
	}
}

func TestIngestSizeCap(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "small.txt"), []byte("A small article.\n\nThe mayor said it was small."), 0o644)
	os.WriteFile(filepath.Join(dir, "big.txt"), []byte(strings.Repeat("A very long article indeed. ", 200)), 0o644)
	db := filepath.Join(t.TempDir(), "ct.db")
	out, errOut, err := runCLI(t, "ingest", "--db", db, "--max-bytes", "2KB", dir)
	if err == nil {
		t.Error("no error for an article over the cap")
	}
	if n := summary(t, out); n[0] != 1 || n[3] != 1 {
		t.Errorf("summary %v, want 1 ingested, 1 failed", n)
	}
	if !strings.Contains(errOut, "big.txt") || !strings.Contains(errOut, "limit") {
		t.Errorf("error %q does not name the file and the limit", errOut)
	}
	if _, _, err := runCLI(t, "ingest", "--db", db, "--max-bytes", "lots", dir); err == nil {
		t.Error("--max-bytes lots accepted")
	}
}

// cancellingExtractor cancels the run after extracting n articles, as
// Ctrl-C would.
type cancellingExtractor struct {
	n      int64
	done   atomic.Int64
	cancel context.CancelFunc
}

func (e *cancellingExtractor) Version() string { return "cancel-test" }
func (e *cancellingExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	if e.done.Add(1) == e.n {
		e.cancel()
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return &claimtrail.Extraction{}, nil
}

// TestIngestInterruptCommitsWhatIsDone: a cancelled run stores the
// articles extracted before the cancel, records no failures for the ones
// it did not reach, and a second run completes the set.
func TestIngestInterruptCommitsWhatIsDone(t *testing.T) {
	dir := t.TempDir()
	const total = 400
	for i := range total {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(fmt.Sprintf("Article %d\n\nThe clerk said number %d was filed.", i, i)), 0o644)
	}
	db := filepath.Join(t.TempDir(), "ct.db")
	st := openDB(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ext := &cancellingExtractor{n: 150, cancel: cancel}
	sum, err := ingestJob{Store: st, Extractor: ext, Sources: []string{dir}, Workers: 2}.run(ctx)
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("cancelled run returned %v, want an interrupted error", err)
	}
	stats, _ := st.Stats(context.Background())
	if stats.Articles == 0 || stats.Articles >= total || stats.Articles != sum.Ingested {
		t.Errorf("after cancel: %d stored, summary %+v; want some but not all, as summarised", stats.Articles, sum)
	}
	if stats.Errors != 0 || sum.Failed != 0 {
		t.Errorf("cancelled items recorded as failures: %d errors, %d failed", stats.Errors, sum.Failed)
	}
	sum2, err := ingestJob{Store: st, Extractor: nopExtractor{}, Sources: []string{dir}, Workers: 2}.run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stats, _ = st.Stats(context.Background())
	if stats.Articles != total {
		t.Errorf("after re-run: %d articles, want %d (summary %+v)", stats.Articles, total, sum2)
	}
}

// TestReindex re-extracts articles stored by another extractor version,
// and only those.
func TestReindex(t *testing.T) {
	dir := copyFixtures(t, "harbor-bridge.txt", "ferry-strike.html", "harbor-daily.rss")
	db := filepath.Join(t.TempDir(), "ct.db")
	st := openDB(t, db)
	if _, err := (ingestJob{Store: st, Extractor: nopExtractor{}, Sources: []string{dir}, Workers: 1}).run(context.Background()); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Stats(context.Background())
	if before.Attributions != 0 {
		t.Fatalf("nop extractor stored %d attributions", before.Attributions)
	}
	out, _, err := runCLI(t, "reindex", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, fmt.Sprintf("reindexed %d, failed 0", before.Articles)) {
		t.Errorf("reindex said %q, want all %d articles", out, before.Articles)
	}
	after, _ := st.Stats(context.Background())
	ext, _ := extract.New()
	want := 0
	arts, _, _ := st.Articles(context.Background(), claimtrail.ArticleFilter{})
	for _, a := range arts {
		x, _ := ext.Extract(context.Background(), a.Text)
		want += len(x.Attributions)
		if a.ExtractorVersion != ext.Version() {
			t.Errorf("%s still at version %q", a.Source, a.ExtractorVersion)
		}
	}
	if after.Attributions != want || after.Articles != before.Articles {
		t.Errorf("after reindex %d attributions in %d articles, want %d in %d", after.Attributions, after.Articles, want, before.Articles)
	}
	out, _, _ = runCLI(t, "reindex", "--db", db)
	if !strings.Contains(out, "reindexed 0") {
		t.Errorf("second reindex: %q, want nothing to do", out)
	}
	out, _, _ = runCLI(t, "reindex", "--db", db, "--all")
	if !strings.Contains(out, fmt.Sprintf("reindexed %d", before.Articles)) {
		t.Errorf("reindex --all: %q", out)
	}
	if again, _ := st.Stats(context.Background()); again.Attributions != want {
		t.Errorf("reindex --all changed the count: %d, want %d", again.Attributions, want)
	}
}

func TestByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"5MB", 5 << 20, false}, {"512kb", 512 << 10, false}, {"2MiB", 2 << 20, false}, {"1000", 1000, false},
		{"1.5K", 1536, false}, {"0", 0, true}, {"-3MB", 0, true}, {"lots", 0, true},
	}
	for _, tt := range tests {
		var b byteSize
		err := b.UnmarshalText([]byte(tt.in))
		if (err != nil) != tt.bad || (!tt.bad && int64(b) != tt.want) {
			t.Errorf("%q: %d, %v; want %d (bad %v)", tt.in, b, err, tt.want, tt.bad)
		}
	}
}

// failingStore fails every batch after the first, as a full disk would.
type failingStore struct {
	claimtrail.IngestStore
	batches atomic.Int64
}

func (f *failingStore) PutBatch(ctx context.Context, b claimtrail.Batch) ([]claimtrail.PutResult, error) {
	if f.batches.Add(1) > 1 {
		return nil, fmt.Errorf("disk full")
	}
	return f.IngestStore.PutBatch(ctx, b)
}

// countingExtractor counts extractions.
type countingExtractor struct{ n *atomic.Int64 }

func (countingExtractor) Version() string { return "count" }
func (e countingExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	e.n.Add(1)
	time.Sleep(time.Millisecond)
	return &claimtrail.Extraction{}, nil
}

// TestIngestStopsWhenStoreFails: once a batch cannot be stored, the run
// stops reading and extracting and reports the store's error.
func TestIngestStopsWhenStoreFails(t *testing.T) {
	dir := t.TempDir()
	const total = 2000
	for i := range total {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(fmt.Sprintf("Article %d\n\nThe clerk said number %d was filed.", i, i)), 0o644)
	}
	st := openDB(t, filepath.Join(t.TempDir(), "ct.db"))
	var extracted atomic.Int64
	_, err := ingestJob{Store: &failingStore{IngestStore: st}, Extractor: countingExtractor{&extracted}, Sources: []string{dir},
		Workers: 2, BatchSize: 50}.run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("run returned %v, want the store's error", err)
	}
	if n := extracted.Load(); n >= total {
		t.Errorf("extracted all %d articles after the store failed", n)
	}
}

// TestIngestFeedURL ingests a feed by URL, with and without --fetch (the
// linked pages read instead of the feed's text).
func TestIngestFeedURL(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>%[1]s/</link>
<item><title>Dam inspection finds cracks</title><link>%[1]s/dam</link><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
<description>Short teaser about the dam.</description></item>
<item><title>Rail strike called off</title><link>%[1]s/rail</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>Short teaser about the rail strike.</description></item>
</channel></rss>`, srv.URL)
	})
	page := func(title, quote string) string {
		return newsPage(title, "Test Wire", "2024-03-04T08:00:00Z",
			"Engineers and officials spent the whole weekend at the site, and their findings were published on Monday morning in a long report.",
			quote, "The report will be discussed by the regional council at its next meeting, which is open to the public.")
	}
	mux.HandleFunc("/dam", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Dam inspection finds cracks", `"The cracks are small but we will fix them now," chief engineer Ruth Alm said.`))
	})
	mux.HandleFunc("/rail", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Rail strike called off", `"We reached a fair deal," union leader Bo Ek told reporters.`))
	})
	for _, fetch := range []bool{false, true} {
		db := filepath.Join(t.TempDir(), "ct.db")
		args := []string{"ingest", "--db", db, srv.URL + "/feed.xml"}
		if fetch {
			args = append(args, "--fetch")
		}
		out, errOut, err := runCLI(t, args...)
		if err != nil {
			t.Fatalf("fetch=%v: %v\n%s", fetch, err, errOut)
		}
		if n := summary(t, out); n[0] != 2 {
			t.Errorf("fetch=%v: summary %v, want 2 ingested", fetch, n)
		}
		st := openDB(t, db)
		a, err := st.ArticleBySource(context.Background(), srv.URL+"/dam")
		if err != nil {
			t.Fatalf("fetch=%v: %v", fetch, err)
		}
		if has := strings.Contains(a.Text, "chief engineer Ruth Alm"); has != fetch {
			t.Errorf("fetch=%v: text %q (page text expected only with --fetch)", fetch, a.Text)
		}
	}
}
