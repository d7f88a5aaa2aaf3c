package http

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	searchquery "github.com/claimtrail/claimtrail/query"
	"github.com/claimtrail/claimtrail/sqlite"
)

// TestHostileSearches measures what six clients looping the costliest
// searches the query language allows (four 3-letter prefixes ORed, and a
// pure negation, 500 hits a page) do to a normal search on loopback, with
// the costly-search slots and without them (every slot open to costly
// searches, as before). It reports p50/p99 of the normal search alone and
// under attack, and asserts that under attack with the reserve every
// normal search succeeds and p99 stays under a bound loose enough for a
// shared machine. Skipped with -short.
func TestHostileSearches(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 30,000-quote store")
	}
	// CLAIMTRAIL_HOSTILE_DB measures on an existing store instead (say
	// BBC + PTC ingested by claimtrail ingest); it is only read.
	ctx := context.Background()
	var st *sqlite.Store
	if db := os.Getenv("CLAIMTRAIL_HOSTILE_DB"); db != "" {
		var err error
		if st, err = sqlite.Open(ctx, db); err != nil {
			t.Fatal(err)
		}
		defer st.Close()
	} else {
		st = syntheticStore(t, 3000, 10)
	}
	rows, _, err := st.Attributions(ctx, claimtrail.AttributionFilter{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	// Normal queries: two words of a quote. Hostile prefixes: the most
	// common 3-letter word starts.
	var normal []string
	starts := map[string]int{}
	for _, r := range rows {
		words := searchquery.Tokenize(r.ContentText())
		if len(words) >= 2 {
			normal = append(normal, words[0]+" "+words[1])
		}
		for _, w := range words {
			if len(w) >= 3 {
				starts[w[:3]]++
			}
		}
	}
	prefixes := slices.SortedFunc(func(yield func(string) bool) {
		for k := range starts {
			if !yield(k) {
				return
			}
		}
	}, func(a, b string) int { return starts[b] - starts[a] })
	hostile := []string{
		prefixes[0] + "* OR " + prefixes[1] + "* OR " + prefixes[2] + "* OR " + prefixes[3] + "*",
		"NOT " + prefixes[0] + "*",
	}
	for _, q := range hostile {
		if _, err := searchquery.Parse(q); err != nil {
			t.Fatalf("hostile query %q is refused: %v", q, err)
		}
	}

	measure := func(t *testing.T, base string, n int) []time.Duration {
		var lat []time.Duration
		for i := range n {
			u := base + "/api/search?limit=20&q=" + url.QueryEscape(normal[i%len(normal)])
			start := time.Now()
			resp, err := http.Get(u)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			lat = append(lat, time.Since(start))
			if resp.StatusCode != 200 {
				t.Errorf("normal search %s: %d", u, resp.StatusCode)
			}
		}
		slices.Sort(lat)
		return lat
	}
	attack := func(base string, stop <-chan struct{}, wg *sync.WaitGroup, done *atomic.Int64, refused *atomic.Int64) {
		for i := range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				q := hostile[i%len(hostile)]
				for {
					select {
					case <-stop:
						return
					default:
					}
					resp, err := http.Get(base + "/api/search?limit=500&q=" + url.QueryEscape(q))
					if err != nil {
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode == 200 {
						done.Add(1)
					} else {
						refused.Add(1)
					}
				}
			}()
		}
	}
	run := func(t *testing.T, name string, s *Server) (alone, attacked []time.Duration) {
		srv := httptest.NewServer(s.Handler())
		defer srv.Close()
		measure(t, srv.URL, 10) // warm the caches
		alone = measure(t, srv.URL, 60)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var done, refused atomic.Int64
		attack(srv.URL, stop, &wg, &done, &refused)
		time.Sleep(500 * time.Millisecond)
		attacked = measure(t, srv.URL, 100)
		close(stop)
		wg.Wait()
		t.Logf("%s: normal search alone p50 %v p99 %v; with 6 hostile clients p50 %v p99 %v max %v (p99 ratio %.1f×); hostile searches answered %d, refused/timed out %d",
			name, percentile(alone, 50).Round(time.Millisecond/10), percentile(alone, 99).Round(time.Millisecond/10),
			percentile(attacked, 50).Round(time.Millisecond/10), percentile(attacked, 99).Round(time.Millisecond/10), attacked[len(attacked)-1].Round(time.Millisecond),
			float64(percentile(attacked, 99))/float64(max(percentile(alone, 99), time.Microsecond)), done.Load(), refused.Load())
		return alone, attacked
	}
	t.Logf("hostile queries: %q", hostile)
	open := New(st, st)
	open.MaxInFlight = 4
	open.MaxCostlyInFlight = 4 // no reserve: costly searches may take every slot
	run(t, "without a reserve for cheap requests", open)
	guarded := New(st, st)
	guarded.MaxInFlight = 4
	_, attacked := run(t, "with the costly-search pool (1 of 4 slots)", guarded)
	if p99 := percentile(attacked, 99); p99 > 2*time.Second {
		t.Errorf("normal search p99 under attack %v, want well under 2 s", p99)
	}
}
