package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/internal/shareddata"
	"github.com/claimtrail/claimtrail/sqlite"
)

// nopExtractor finds nothing; it isolates the cost of reading and storing.
type nopExtractor struct{}

func (nopExtractor) Version() string { return "nop" }
func (nopExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	return &claimtrail.Extraction{}, nil
}

// BenchmarkIngestShared ingests the BBC and PTC corpora into a fresh store
// with 2 workers, with the real extractor and without one, and reports
// articles per second (issue 3's bar is 400/s end to end).
func BenchmarkIngestShared(b *testing.B) {
	bbc := shareddata.Dir(b, "bbc")
	ptc := shareddata.Dir(b, "ptc")
	real, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ext  claimtrail.Extractor
	}{{"extract", real}, {"nop", nopExtractor{}}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				sum, err := ingestJob{Store: st, Extractor: tc.ext, Sources: []string{bbc, ptc}, Options: ingest.Options{}, Workers: 2}.run(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(sum.Total())/sum.Elapsed.Seconds(), "articles/s")
				st.Close()
			}
		})
	}
}
