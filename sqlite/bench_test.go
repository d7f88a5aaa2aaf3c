package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

var benchWords = strings.Fields(`bridge harbor council budget minister election tax school hospital ferry
tram airport museum library strike union wage port toll storm fleet policy court ruling inquiry
report evidence vote plan funding repair delay contract police crime energy price market growth`)

// synthArticle builds article i with n direct quotes by a few speakers.
func synthArticle(i, n int) *claimtrail.Article {
	var b strings.Builder
	fmt.Fprintf(&b, "Article %d about the %s\n\n", i, benchWords[i%len(benchWords)])
	var ats []claimtrail.Attribution
	for q := range n {
		speaker := fmt.Sprintf("Speaker %d", (i*7+q)%300)
		b.WriteString(speaker + " said ")
		start := len([]rune(b.String()))
		quote := fmt.Sprintf("\"the %s and the %s will need %d more weeks of work\"",
			benchWords[(i+q)%len(benchWords)], benchWords[(i*3+q*5)%len(benchWords)], q+i%17)
		b.WriteString(quote)
		b.WriteString(" on Monday. ")
		ats = append(ats, claimtrail.Attribution{
			Kind:       claimtrail.KindDirect,
			Content:    []claimtrail.Span{{Start: start, End: start + len([]rune(quote)), Text: quote}},
			Speaker:    claimtrail.Speaker{Name: speaker, Kind: claimtrail.SpeakerPerson},
			Confidence: 0.9,
		})
	}
	return &claimtrail.Article{
		Source: fmt.Sprintf("synth/%d.txt", i), URL: fmt.Sprintf("https://synth.example/%d", i),
		Outlet: fmt.Sprintf("Outlet %d", i%12), Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
		Text: b.String(), ExtractorVersion: "bench", Attributions: ats,
	}
}

// BenchmarkPutBatch stores batches of 200 articles with 10 quotes each,
// as ingest's writer does.
func BenchmarkPutBatch(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	next := 0
	for b.Loop() {
		arts := make([]*claimtrail.Article, 200)
		for i := range arts {
			arts[i] = synthArticle(next, 10)
			next++
		}
		if _, err := s.PutBatch(context.Background(), claimtrail.Batch{Articles: arts}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*200)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkQueries measures search and listings on a store of 5,000
// articles and 50,000 quotes.
func BenchmarkQueries(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for batch := range 25 {
		arts := make([]*claimtrail.Article, 200)
		for i := range arts {
			arts[i] = synthArticle(batch*200+i, 10)
		}
		if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts}); err != nil {
			b.Fatal(err)
		}
	}
	cases := []struct {
		name string
		run  func() error
	}{
		{"search-common-word", func() error {
			_, err := s.Search(ctx, "weeks", claimtrail.AttributionFilter{Limit: 20})
			return err
		}},
		{"search-two-words", func() error {
			_, err := s.Search(ctx, "bridge budget", claimtrail.AttributionFilter{Limit: 20})
			return err
		}},
		{"search-articles", func() error {
			_, err := s.Search(ctx, "monday", claimtrail.AttributionFilter{Limit: 20, InArticles: true})
			return err
		}},
		{"quotes-page", func() error {
			_, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{Limit: 50})
			return err
		}},
		{"quotes-by-speaker", func() error {
			_, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{Speaker: "Speaker 42", Limit: 50})
			return err
		}},
		{"quotes-by-outlet", func() error {
			_, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{Outlet: "Outlet 3", Limit: 50})
			return err
		}},
		{"speakers", func() error {
			_, err := s.Speakers(ctx, "", 50)
			return err
		}},
		{"stats", func() error {
			_, err := s.Stats(ctx)
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
