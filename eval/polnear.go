package eval

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/polnear"
)

// Report is the outcome of scoring an extractor on a PolNeAR split.
type Report struct {
	Dir              string `json:"dir"`
	ExtractorVersion string `json:"extractor_version"`
	Documents        int    `json:"documents"`
	// GoldAttributions and PredictedAttributions count relations before
	// they are split into role spans.
	GoldAttributions      int        `json:"gold_attributions"`
	PredictedAttributions int        `json:"predicted_attributions"`
	Total                 RoleCounts `json:"total"`
	// Publishers holds per-publisher tallies, in name order.
	Publishers []PublisherCounts `json:"publishers"`
	// Failures lists documents the extractor returned an error for; their
	// gold spans still count, as misses.
	Failures []Failure    `json:"failures,omitempty"`
	Workers  int          `json:"workers"`
	Elapsed  JSONDuration `json:"elapsed"`
	// Bytes is the size of the texts extracted, in bytes.
	Bytes int64 `json:"bytes"`
}

// PublisherCounts are one publisher's tallies.
type PublisherCounts struct {
	Publisher string     `json:"publisher"`
	Documents int        `json:"documents"`
	Counts    RoleCounts `json:"counts"`
}

// Failure is a document the extractor failed on.
type Failure struct {
	Document string `json:"document"`
	Error    string `json:"error"`
}

// JSONDuration writes a duration as seconds in JSON.
type JSONDuration time.Duration

// MarshalJSON writes seconds as a number.
func (d JSONDuration) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "%.3f", time.Duration(d).Seconds()), nil
}

// docResult is what a worker hands back for one document.
type docResult struct {
	publisher   string
	gold, pred  int
	counts      RoleCounts
	bytes       int64
	failure     *Failure
	readFailure error
}

// PolNeAR runs ex over every document of a PolNeAR split directory with
// workers goroutines (≤ 0: one per available core) and scores it.
// Documents stream from disk: each worker reads, extracts and scores one
// document at a time. A document that cannot be read stops the run; an
// extractor error on one document is recorded and the run goes on.
func PolNeAR(ctx context.Context, dir string, ex claimtrail.Extractor, workers int) (*Report, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	names, err := polnear.Names(dir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "%s holds no text/*.txt: not a PolNeAR split directory", dir)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()

	jobs := make(chan string)
	results := make(chan docResult, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for name := range jobs {
				results <- scoreOne(ctx, dir, name, ex)
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, n := range names {
			select {
			case jobs <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	rep := &Report{Dir: dir, ExtractorVersion: ex.Version(), Workers: workers}
	byPub := map[string]*PublisherCounts{}
	var firstErr error
	for res := range results {
		if res.readFailure != nil {
			if firstErr == nil {
				firstErr = res.readFailure
				cancel()
			}
			continue
		}
		rep.Documents++
		rep.GoldAttributions += res.gold
		rep.PredictedAttributions += res.pred
		rep.Bytes += res.bytes
		rep.Total.Add(res.counts)
		pc := byPub[res.publisher]
		if pc == nil {
			pc = &PublisherCounts{Publisher: res.publisher}
			byPub[res.publisher] = pc
		}
		pc.Documents++
		pc.Counts.Add(res.counts)
		if res.failure != nil {
			rep.Failures = append(rep.Failures, *res.failure)
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, p := range slices.Sorted(maps.Keys(byPub)) {
		rep.Publishers = append(rep.Publishers, *byPub[p])
	}
	slices.SortFunc(rep.Failures, func(a, b Failure) int { return strings.Compare(a.Document, b.Document) })
	rep.Elapsed = JSONDuration(time.Since(start))
	return rep, nil
}

// scoreOne reads, extracts and scores one document.
func scoreOne(ctx context.Context, dir, name string, ex claimtrail.Extractor) (res docResult) {
	if err := ctx.Err(); err != nil {
		return docResult{readFailure: err}
	}
	doc, err := polnear.ReadDocument(dir, name)
	if err != nil {
		return docResult{readFailure: err}
	}
	res.publisher = doc.Publisher
	res.gold = len(doc.Attributions)
	res.bytes = int64(len(doc.Text))
	gold := GoldSpans(doc)
	var attrs []claimtrail.Attribution
	out, err := safeExtract(ctx, ex, doc.Text)
	if err != nil {
		res.failure = &Failure{Document: name, Error: err.Error()}
	} else {
		attrs = out.Attributions
	}
	res.pred = len(attrs)
	res.counts = ScoreDocument(gold, PredictedSpans(doc.Text, attrs))
	return res
}

// safeExtract calls the extractor and turns a panic into an error, so that
// one bad document is reported rather than killing an evaluation run (the
// Extractor contract says it must never panic; eval is where we find out).
func safeExtract(ctx context.Context, ex claimtrail.Extractor, text string) (out *claimtrail.Extraction, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("extractor panicked: %v", p)
		}
	}()
	out, err = ex.Extract(ctx, text)
	if err == nil && out == nil {
		err = fmt.Errorf("extractor returned no result")
	}
	return out, err
}
