package http

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// syntheticStore fills a SQLite store with nArticles articles of perArticle
// direct quotes each, written in batches so that generation stays fast.
// Words, speakers, outlets, channels and dates are drawn from a seeded
// generator, so every run builds the same store.
func syntheticStore(t testing.TB, nArticles, perArticle int) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fi", "go", "ha", "ju", "pe", "qui", "ze", "wa"}
	vocab := make([]string, 3000)
	for i := range vocab {
		var b strings.Builder
		for range 2 + i%3 {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		vocab[i] = b.String()
	}
	speakers := make([]string, 500)
	for i := range speakers {
		speakers[i] = fmt.Sprintf("Speaker %s %s", strings.ToUpper(vocab[i][:1])+vocab[i][1:], strings.ToUpper(vocab[i+500][:1])+vocab[i+500][1:])
	}
	outlets := make([]string, 50)
	for i := range outlets {
		outlets[i] = fmt.Sprintf("Outlet %d Times", i)
	}
	channels := []claimtrail.Channel{"", "Twitter", "interview", "press conference", "statement"}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

	const batchSize = 500
	batch := make([]*claimtrail.Article, 0, batchSize)
	flush := func() {
		if len(batch) == 0 {
			return
		}
		res, err := st.PutBatch(ctx, claimtrail.Batch{Articles: batch})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
		batch = batch[:0]
	}
	for i := range nArticles {
		var text strings.Builder
		a := &claimtrail.Article{
			URL:       fmt.Sprintf("https://load.example/%d", i),
			Outlet:    outlets[rng.IntN(len(outlets))],
			Published: start.Add(time.Duration(rng.IntN(365*24)) * time.Hour),
			Title:     fmt.Sprintf("Synthetic article %d", i),
		}
		a.Source = a.URL
		pos := 0 // code points written so far
		write := func(s string) claimtrail.Span {
			text.WriteString(s)
			sp := claimtrail.Span{Start: pos, End: pos + utf8.RuneCountInString(s), Text: s}
			pos = sp.End
			return sp
		}
		for range perArticle {
			words := make([]string, 6+rng.IntN(10))
			for k := range words {
				words[k] = vocab[rng.IntN(len(vocab))]
			}
			write("“")
			content := write(strings.Join(words, " "))
			write(",” ")
			cue := write("said")
			write(" ")
			spk := speakers[rng.IntN(len(speakers))]
			source := write(spk)
			write(". ")
			at := claimtrail.Attribution{
				Kind: claimtrail.KindDirect, Source: &source, Cue: &cue, Content: []claimtrail.Span{content},
				Speaker: claimtrail.Speaker{Name: spk, Kind: claimtrail.SpeakerPerson},
				Channel: channels[rng.IntN(len(channels))], Confidence: 0.9,
			}
			a.Attributions = append(a.Attributions, at)
		}
		a.Text = text.String()
		batch = append(batch, a)
		if len(batch) == batchSize {
			flush()
		}
	}
	flush()
	return st
}

// percentile returns the p-th percentile (0..100) of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p / 100)
	return sorted[i]
}

// TestLoad drives a burst of 1,000 concurrent API and page requests, then
// a steady load from 16 clients, against a SQLite store of 100,000
// attributions and reports latency percentiles. It asserts only that every request succeeds: timings
// depend on the machine. Skipped with -short; CLAIMTRAIL_LOAD_ARTICLES
// changes the store's size (10 attributions an article).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load check skipped in -short mode")
	}
	nArticles := 10_000
	if s := os.Getenv("CLAIMTRAIL_LOAD_ARTICLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CLAIMTRAIL_LOAD_ARTICLES=%q", s)
		}
		nArticles = n
	}
	const perArticle, concurrent = 10, 1000
	began := time.Now()
	st := syntheticStore(t, nArticles, perArticle)
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store: %d articles, %d attributions, %d speakers, %.1f MB, built in %s",
		stats.Articles, stats.Attributions, stats.Speakers, float64(stats.Bytes)/1e6, time.Since(began).Round(time.Millisecond))
	if stats.Attributions < nArticles*perArticle {
		t.Fatalf("store has %d attributions, want %d", stats.Attributions, nArticles*perArticle)
	}
	speakers, err := st.Speakers(context.Background(), "", 50)
	if err != nil || len(speakers) == 0 {
		t.Fatalf("speakers: %v", err)
	}
	// A word that occurs in many quotes, for search.
	sample, _, err := st.Attributions(context.Background(), claimtrail.AttributionFilter{Limit: 1})
	if err != nil || len(sample) == 0 {
		t.Fatalf("sample attribution: %v", err)
	}
	word := strings.Fields(sample[0].ContentText())[0]

	s := New(st, st)
	s.Logger = discardLogger()
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: concurrent, MaxIdleConnsPerHost: concurrent}, Timeout: time.Minute}
	defer client.CloseIdleConnections()

	// The mix a busy UI and API see: listings with filters, single items,
	// search and pages.
	kinds := []struct {
		name string
		url  func(i int) string
	}{
		{"attributions?speaker", func(i int) string {
			return "/api/attributions?limit=50&speaker=" + strings.ReplaceAll(speakers[i%len(speakers)].Name, " ", "+")
		}},
		{"attributions?outlet&since", func(i int) string {
			return fmt.Sprintf("/api/attributions?limit=50&outlet=Outlet+%d+Times&since=2025-06-01", i%50)
		}},
		{"articles/{id}", func(i int) string { return fmt.Sprintf("/api/articles/%d", 1+(i*7919)%nArticles) }},
		{"speakers/{id}", func(i int) string { return fmt.Sprintf("/api/speakers/%d", speakers[i%len(speakers)].ID) }},
		{"search", func(i int) string { return "/api/search?limit=20&q=" + word }},
		{"page /articles/{id}", func(i int) string { return fmt.Sprintf("/articles/%d", 1+(i*104729)%nArticles) }},
		{"page /speakers/{id}", func(i int) string { return fmt.Sprintf("/speakers/%d", speakers[(i*31)%len(speakers)].ID) }},
		{"page / (overview)", func(i int) string { return "/" }},
	}
	// One request at a time first: the cost of each kind without queueing.
	for k, kind := range kinds {
		var ds []time.Duration
		for i := range 20 {
			t0 := time.Now()
			resp, err := client.Get(srv.URL + kind.url(i))
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", kind.url(i), resp.StatusCode)
			}
			ds = append(ds, time.Since(t0))
		}
		slices.Sort(ds)
		t.Logf("sequential %-28s p50=%6.1fms max=%6.1fms", kinds[k].name, ms(percentile(ds, 50)), ms(ds[len(ds)-1]))
	}

	type sampleT struct {
		kind int
		d    time.Duration
	}
	get := func(k, i int) (sampleT, error) {
		url := srv.URL + kinds[k].url(i)
		t0 := time.Now()
		resp, err := client.Get(url)
		if err == nil {
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err == nil && resp.StatusCode == http.StatusServiceUnavailable {
				err = errBusy
			} else if err == nil && resp.StatusCode != http.StatusOK {
				err = fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
			}
		}
		return sampleT{k, time.Since(t0)}, err
	}
	report := func(phase string, samples []sampleT, wall time.Duration) {
		t.Logf("%s: %d requests, %.0f requests/s", phase, len(samples), float64(len(samples))/wall.Seconds())
		line := func(name string, ds []time.Duration) {
			slices.Sort(ds)
			t.Logf("  %-28s n=%5d  p50=%7.1fms  p90=%7.1fms  p99=%7.1fms  max=%7.1fms", name, len(ds),
				ms(percentile(ds, 50)), ms(percentile(ds, 90)), ms(percentile(ds, 99)), ms(ds[len(ds)-1]))
		}
		total := make([]time.Duration, len(samples))
		byKind := make([][]time.Duration, len(kinds))
		for i, s := range samples {
			total[i] = s.d
			byKind[s.kind] = append(byKind[s.kind], s.d)
		}
		line("all", total)
		for k, ds := range byKind {
			if len(ds) > 0 {
				line(kinds[k].name, ds)
			}
		}
	}

	// A burst: 1,000 requests released at the same instant, so latency is
	// mostly time spent queueing behind the others.
	burst := make([]sampleT, concurrent)
	errs := make(chan error, concurrent)
	var ready, done sync.WaitGroup
	gate := make(chan struct{})
	for i := range concurrent {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-gate
			var err error
			burst[i], err = get(i%len(kinds), i)
			if err != nil {
				errs <- err
			}
		}()
	}
	ready.Wait()
	t0 := time.Now()
	close(gate)
	done.Wait()
	report(fmt.Sprintf("burst of %d concurrent requests", concurrent), burst, time.Since(t0))
	close(errs)
	checkErrs(t, errs)

	// Steady load: a fixed number of clients, each sending its next
	// request when the last one answered, as a busy site sees.
	const clients, steadyTotal = 16, 3000
	steady := make([]sampleT, steadyTotal)
	errs = make(chan error, steadyTotal)
	var next sync.Mutex
	n := 0
	t0 = time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for {
				next.Lock()
				i := n
				n++
				next.Unlock()
				if i >= steadyTotal {
					return
				}
				var err error
				steady[i], err = get(i%len(kinds), i+concurrent)
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	report(fmt.Sprintf("steady, %d clients", clients), steady, time.Since(t0))
	close(errs)
	checkErrs(t, errs)
}

// errBusy is a 503: the server shed a request it could not start within
// its queue time. On an idle machine the mix above never sheds; on a
// loaded one (other processes on the cores) it may, which is the server
// protecting itself as designed, so it is reported, not failed: timings
// are measured here, not asserted (benchmarks and notes carry them).
var errBusy = errors.New("503 busy")

// checkErrs fails on any error but load shedding, and logs how much was shed.
func checkErrs(t *testing.T, errs <-chan error) {
	t.Helper()
	busy := 0
	for err := range errs {
		if errors.Is(err, errBusy) {
			busy++
			continue
		}
		t.Fatal(err)
	}
	if busy > 0 {
		t.Logf("%d requests shed with 503 (the machine was busy: compare the sequential timings above with an idle run)", busy)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
