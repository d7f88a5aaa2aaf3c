package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/internal/shareddata"
	"github.com/claimtrail/claimtrail/sqlite"
)

// nopExtractor finds nothing; it isolates the cost of reading and storing.
type nopExtractor struct{}

func (nopExtractor) Version() string { return "nop" }
func (nopExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	return &claimtrail.Extraction{}, nil
}

// BenchmarkIngestShared measures issue 3's bars on the BBC and PTC
// corpora with 2 workers: articles/s of a first ingest into a fresh store
// (bar: ≥ 400), the time of a re-run as a fraction of the first (bar:
// < 0.10), the database size, the speaker merge and clustering step that
// follows an ingest, and search latency (bar: < 50 ms). The nop variant
// stores without extracting, to show what the store itself costs.
//
//	go test ./cmd/claimtrail -run XXX -bench IngestShared -benchtime 1x
func BenchmarkIngestShared(b *testing.B) {
	bbc := shareddata.Dir(b, "bbc")
	ptc := shareddata.Dir(b, "ptc")
	real, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		ext  claimtrail.Extractor
	}{{"extract", real}, {"nop", nopExtractor{}}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				path := filepath.Join(b.TempDir(), "bench.db")
				st, err := sqlite.Open(ctx, path)
				if err != nil {
					b.Fatal(err)
				}
				job := ingestJob{Store: st, Extractor: tc.ext, Sources: []string{bbc, ptc}, Workers: 2}
				first, err := job.run(ctx)
				if err != nil {
					b.Fatal(err)
				}
				again, err := job.run(ctx)
				if err != nil {
					b.Fatal(err)
				}
				if again.Ingested+again.Updated != 0 {
					b.Fatalf("re-run stored again: %+v", again)
				}
				stats, err := st.Stats(ctx)
				if err != nil {
					b.Fatal(err)
				}
				queries := []string{"said", "prime minister", "economy growth", `"told reporters"`, "film award", "government plans", "election", "chelsea"}
				start := time.Now()
				const rounds = 5
				for range rounds {
					for _, q := range queries {
						if _, err := st.Search(ctx, q, claimtrail.AttributionFilter{Limit: 20}); err != nil {
							b.Fatal(err)
						}
						if _, err := st.Search(ctx, q, claimtrail.AttributionFilter{Limit: 20, InArticles: true}); err != nil {
							b.Fatal(err)
						}
					}
				}
				search := time.Since(start) / time.Duration(rounds*len(queries)*2)
				b.ReportMetric(float64(first.Total())/first.Elapsed.Seconds(), "articles/s")
				b.ReportMetric(again.Elapsed.Seconds()/first.Elapsed.Seconds(), "rerun-ratio")
				b.ReportMetric(first.Finish.Seconds(), "cluster-s")
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				fi, err := os.Stat(path) // checkpointed by Close
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(fi.Size())/(1<<20), "db-MB")
				b.ReportMetric(float64(search.Microseconds())/1000, "search-ms")
				b.Logf("%s: first %s; re-run %s; %d attributions", tc.name, first, again, stats.Attributions)
			}
		})
	}
}
