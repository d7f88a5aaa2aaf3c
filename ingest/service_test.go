package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/mock"
	"github.com/claimtrail/claimtrail/sqlite"
)

// scriptedExtractor finds one attribution (the first word says the rest)
// and panics on texts containing "PANIC".
type scriptedExtractor struct{ calls *atomic.Int64 }

func (scriptedExtractor) Version() string { return "scripted-1" }
func (e scriptedExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	e.calls.Add(1)
	if strings.Contains(text, "PANIC") {
		panic("boom")
	}
	i := strings.IndexByte(text, ' ')
	if i < 0 {
		return &claimtrail.Extraction{}, nil
	}
	src := claimtrail.Span{Start: 0, End: i, Text: text[:i]}
	content := claimtrail.Span{Start: i + 1, End: len([]rune(text)), Text: string([]rune(text)[i+1:])}
	return &claimtrail.Extraction{Attributions: []claimtrail.Attribution{{
		Kind: claimtrail.KindIndirect, Source: &src, Content: []claimtrail.Span{content},
		Speaker: claimtrail.Speaker{Name: src.Text, Kind: claimtrail.SpeakerPerson},
	}}}, nil
}

func writeJSONL(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestServiceRules(t *testing.T) {
	st := mock.NewMemory()
	var calls atomic.Int64
	svc := &Service{Store: st, Extractor: scriptedExtractor{&calls}, Workers: 2, Options: Options{MaxBytes: 200}}
	var results []Result
	svc.OnResult = func(r Result) { results = append(results, r) }
	path := writeJSONL(t,
		`{"url":"https://a.example/1","title":"One","text":"Ana said the bridge is safe."}`,
		`{"url":"javascript:alert(1)","text":"Bo said links can be bad."}`,
		`{"url":"https://a.example/3","published":"sometime soon","text":"Cy said dates can be bad."}`,
		`{"url":"https://a.example/4","text":"PANIC in the extractor."}`,
		`{"url": broken`,
		`{"url":"https://a.example/6","text":"`+strings.Repeat("long ", 60)+`"}`,
		`{"url":"https://a.example/7","text":"   "}`,
	)
	sum, err := svc.Ingest(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 3 || sum.Failed != 4 || sum.Total() != 7 {
		t.Errorf("summary %+v: want 3 ingested, 4 failed", sum)
	}
	failed := map[string]string{}
	for _, r := range results {
		if r.Outcome == OutcomeFailed {
			failed[r.Source] = Reason(r.Source, r.Err)
		}
	}
	for src, want := range map[string]string{
		path + ":4": "extractor panicked", path + ":5": "not JSON", path + ":6": "larger than the limit", path + ":7": "no text",
	} {
		if !strings.Contains(failed[src], want) {
			t.Errorf("%s: failure %q, want it to say %q", src, failed[src], want)
		}
	}
	arts, _, _ := st.Articles(context.Background(), claimtrail.ArticleFilter{})
	for _, a := range arts {
		if strings.HasPrefix(a.URL, "javascript") {
			t.Errorf("stored url %q", a.URL)
		}
		if a.ExtractorVersion != "scripted-1" || a.Hash != claimtrail.HashText(a.Text) {
			t.Errorf("%s: version %q hash %q", a.Source, a.ExtractorVersion, a.Hash)
		}
		if a.URL == "https://a.example/3" && !a.Published.IsZero() {
			t.Errorf("unreadable date stored as %v, want undated", a.Published)
		}
	}
	errs, _ := st.Errors(context.Background(), 0)
	if len(errs) != 4 {
		t.Errorf("%d errors recorded, want 4", len(errs))
	}
	// The same input again: nothing extracted, everything unchanged but
	// the failures.
	before := calls.Load()
	sum, err = svc.Ingest(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 3 || sum.Ingested != 0 || calls.Load()-before != 1 { // the panicking item is tried again
		t.Errorf("second run %+v with %d extractions: want 3 unchanged, only the failed item extracted", sum, calls.Load()-before)
	}
}

// blockingExtractor ignores its context and returns only when released.
type blockingExtractor struct {
	started chan struct{}
	release chan struct{}
}

func (blockingExtractor) Version() string { return "blocking" }
func (e blockingExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	select {
	case e.started <- struct{}{}:
	default:
	}
	<-e.release
	return &claimtrail.Extraction{}, nil
}

// TestServiceStopsWaiting: an extraction that ignores cancellation does
// not hold up the run: it returns at once, commits nothing it did not
// finish, and the abandoned extraction keeps its slot.
func TestServiceStopsWaiting(t *testing.T) {
	st := mock.NewMemory()
	ex := blockingExtractor{started: make(chan struct{}, 1), release: make(chan struct{})}
	defer close(ex.release)
	svc := &Service{Store: st, Extractor: ex, Workers: 1}
	path := writeJSONL(t, `{"text":"One said a thing."}`, `{"text":"Two said a thing."}`)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-ex.started
		cancel()
	}()
	start := time.Now()
	sum, err := svc.Ingest(ctx, []string{path})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("err %v, want interrupted", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s to return after the cancel", d)
	}
	if sum.Total() != 0 {
		t.Errorf("summary %+v: the interrupted items must be neither stored nor failed", sum)
	}
	// The slot is still held by the abandoned extraction: a new run
	// waits for it and gives up at its own deadline.
	short, cancel2 := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel2()
	a := &claimtrail.Article{Source: "x", Text: "Three said a thing."}
	if _, err := svc.Prepare(short, a); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Prepare while the only slot is busy: %v, want the deadline", err)
	}
}

// TestServiceFinishesPendingStep: a run that stores nothing still runs the
// cross-article step left pending by an earlier run.
func TestServiceFinishesPendingStep(t *testing.T) {
	st := mock.NewMemory()
	var calls atomic.Int64
	path := writeJSONL(t, `{"text":"Ana said it."}`)
	first := &Service{Store: st, Extractor: scriptedExtractor{&calls}, NoFinish: true}
	if sum, err := first.Ingest(context.Background(), []string{path}); err != nil || sum.Ingested != 1 || sum.Finished {
		t.Fatalf("first run: %+v %v", sum, err)
	}
	if p, _ := st.ClustersPending(context.Background()); !p {
		t.Fatal("nothing pending after storing an article")
	}
	second := &Service{Store: st, Extractor: scriptedExtractor{&calls}}
	sum, err := second.Ingest(context.Background(), []string{path})
	if err != nil || sum.Unchanged != 1 || !sum.Finished {
		t.Errorf("second run: %+v %v; want unchanged and the step finished", sum, err)
	}
	if p, _ := st.ClustersPending(context.Background()); p {
		t.Error("still pending after the second run")
	}
	third, err := second.Ingest(context.Background(), []string{path})
	if err != nil || third.Finished {
		t.Errorf("third run: %+v %v; want no step", third, err)
	}
}

func TestServiceReindex(t *testing.T) {
	st := mock.NewMemory()
	var calls atomic.Int64
	for i := range 5 {
		a := &claimtrail.Article{Source: fmt.Sprintf("s%d", i), Text: fmt.Sprintf("P%d said %d.", i, i), ExtractorVersion: "old"}
		if i == 4 {
			a.ExtractorVersion = "scripted-1"
		}
		if _, err := st.PutArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	svc := &Service{Store: st, Extractor: scriptedExtractor{&calls}, BatchSize: 2}
	sum, err := svc.Reindex(context.Background(), false)
	if err != nil || sum.Updated != 4 || calls.Load() != 4 {
		t.Fatalf("reindex: %+v %v, %d extractions; want 4 updated", sum, err, calls.Load())
	}
	if n, _ := st.CountStale(context.Background(), "scripted-1"); n != 0 {
		t.Errorf("%d articles still stale", n)
	}
	stats, _ := st.Stats(context.Background())
	if stats.Articles != 5 || stats.Attributions != 4 {
		t.Errorf("stats %+v: want 5 articles, 4 attributions", stats)
	}
	if sum, _ := svc.Reindex(context.Background(), true); sum.Updated != 5 {
		t.Errorf("reindex all: %+v", sum)
	}
}

// TestServiceDuplicates: an article given twice in one run is a duplicate
// within the run, not "unchanged" (which means an earlier run stored it),
// whether the two copies land in one batch or in two.
func TestServiceDuplicates(t *testing.T) {
	for _, batchSize := range []int{1, 200} {
		t.Run(fmt.Sprintf("batch %d", batchSize), func(t *testing.T) {
			st := mock.NewMemory()
			var calls atomic.Int64
			svc := &Service{Store: st, Extractor: scriptedExtractor{&calls}, Workers: 1, BatchSize: batchSize}
			dir := t.TempDir()
			for name, text := range map[string]string{"a.txt": "Ana said yes.", "b.txt": "Ana said yes.", "c.txt": "Bo said no."} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			sum, err := svc.Ingest(context.Background(), []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Ingested != 2 || sum.Duplicates != 1 || sum.Unchanged != 0 || sum.Total() != 3 {
				t.Errorf("first run %+v: want 2 ingested, 1 duplicate", sum)
			}
			if !strings.Contains(sum.String(), "duplicates within this run 1") {
				t.Errorf("summary line %q does not name the duplicate", sum)
			}
			sum, err = svc.Ingest(context.Background(), []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Unchanged != 3 || sum.Duplicates != 0 {
				t.Errorf("second run %+v: want 3 unchanged", sum)
			}
		})
	}
}

// TestHashKey: the key of a text hash is its first 64 bits, so distinct
// texts get distinct keys and one text one key; a string that is not
// hex still gets a stable key.
func TestHashKey(t *testing.T) {
	a, b := claimtrail.HashText("one text"), claimtrail.HashText("another text")
	tests := []struct {
		name   string
		x, y   string
		sameOK bool
	}{
		{"same text", a, a, true},
		{"different texts", a, b, false},
		{"not hex", "not a hash at all", "not a hash at all", true},
		{"not hex, different", "not a hash at all", "not a hash at all!", false},
		{"short", "abc", "abd", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if same := hashKey(tc.x) == hashKey(tc.y); same != tc.sameOK {
				t.Errorf("hashKey(%q) == hashKey(%q): %v, want %v", tc.x, tc.y, same, tc.sameOK)
			}
		})
	}
	if want := uint64(0x0123456789abcdef); hashKey("0123456789abcdef0000") != want {
		t.Errorf("hashKey of hex: %x, want %x", hashKey("0123456789abcdef0000"), want)
	}
}

// TestServiceDuplicateKeepsLeastSource: of identical texts without URL
// the stored article is named by the least source, whatever order the
// copies arrive in (parallel extraction reorders them within a batch;
// separate runs in any order), so that a one-process ingest and the
// queue workers store the same.
func TestServiceDuplicateKeepsLeastSource(t *testing.T) {
	ctx := context.Background()
	text := "Ana said the bridge will stay open."
	tests := []struct {
		name string
		runs [][]string // files per run, in order
		size int
	}{
		{"one run, one batch", [][]string{{"a.txt", "b.txt", "c.txt"}}, 200},
		{"one run, batches of one", [][]string{{"a.txt", "b.txt", "c.txt"}}, 1},
		{"greater first, then least", [][]string{{"c.txt"}, {"b.txt"}, {"a.txt"}}, 200},
		{"least first, then greater", [][]string{{"a.txt"}, {"c.txt"}}, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			st, err := sqlite.Open(ctx, filepath.Join(dir, "s.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var calls atomic.Int64
			svc := &Service{Store: st, Extractor: scriptedExtractor{&calls}, Workers: 3, BatchSize: tc.size, NoFinish: true}
			for _, run := range tc.runs {
				var paths []string
				for _, f := range run {
					paths = append(paths, filepath.Join(dir, f))
				}
				if _, err := svc.Ingest(ctx, paths); err != nil {
					t.Fatal(err)
				}
			}
			arts, _, err := st.Articles(ctx, claimtrail.ArticleFilter{Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 || filepath.Base(arts[0].Source) != "a.txt" {
				var got []string
				for _, a := range arts {
					got = append(got, filepath.Base(a.Source))
				}
				t.Errorf("stored %v, want one article named a.txt", got)
			}
		})
	}
}

// TestServiceSpeakerSpellingWhateverOrder: two spellings of one name that
// differ in case, met in one batch, leave the preferred one
// (trail.PreferredCase) on the speaker whichever comes first.
func TestServiceSpeakerSpellingWhateverOrder(t *testing.T) {
	ctx := context.Background()
	for _, texts := range [][2]string{{"Ab-Cd said one.", "Ab-cd said two."}, {"Ab-cd said one.", "Ab-Cd said two."}} {
		t.Run(texts[0], func(t *testing.T) {
			dir := t.TempDir()
			for i, text := range texts {
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			st, err := sqlite.Open(ctx, filepath.Join(dir, "s.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var calls atomic.Int64
			svc := &Service{Store: st, Extractor: scriptedExtractor{&calls}, Workers: 1, BatchSize: 200, NoFinish: true}
			if _, err := svc.Ingest(ctx, []string{dir}); err != nil {
				t.Fatal(err)
			}
			sps, err := st.Speakers(ctx, "", 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(sps) != 1 || sps[0].Name != "Ab-cd" {
				t.Errorf("speakers %+v, want one named Ab-cd", sps)
			}
		})
	}
}

// releasableExtractor is a scriptedExtractor behind a pointer, so that a
// test can see when it is collected.
type releasableExtractor struct{ scriptedExtractor }

// TestServiceReleasesExtractor: with ReleaseExtractor, nothing of the
// service keeps the extractor during the cross-article step (a CLI
// run's clustering then has the models' memory); without it, the
// service does.
func TestServiceReleasesExtractor(t *testing.T) {
	for _, tc := range []struct {
		name    string
		release bool
	}{{"released", true}, {"kept", false}} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int64
			var collected atomic.Bool
			ex := &releasableExtractor{scriptedExtractor{&calls}}
			runtime.AddCleanup(ex, func(b *atomic.Bool) { b.Store(true) }, &collected)
			st := mock.NewMemory()
			sawCollected := false
			svc := &Service{Store: st, Extractor: ex, ReleaseExtractor: tc.release,
				FinishStep: func(ctx context.Context) (claimtrail.ClusterUpdate, error) {
					for range 20 {
						runtime.GC()
						if collected.Load() {
							break
						}
						time.Sleep(5 * time.Millisecond)
					}
					sawCollected = collected.Load()
					return claimtrail.ClusterUpdate{}, nil
				}}
			ex = nil
			path := writeJSONL(t, `{"text":"Ana said it."}`, `{"text":"Bo said that."}`)
			sum, err := svc.Ingest(context.Background(), []string{path})
			// The caller still holds the service (as reindex does to
			// print its summary): the service itself must let go.
			runtime.KeepAlive(svc)
			if err != nil || sum.Ingested != 2 || !sum.Finished {
				t.Fatalf("ingest: %+v %v", sum, err)
			}
			if sawCollected != tc.release {
				t.Errorf("extractor collected during the cross-article step: %v, want %v", sawCollected, tc.release)
			}
			if calls.Load() != 2 {
				t.Errorf("%d extractions, want 2", calls.Load())
			}
		})
	}
}
