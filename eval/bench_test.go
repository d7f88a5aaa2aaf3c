package eval

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/claimtrail/claimtrail/decode"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/internal/shareddata"
)

func TestBench(t *testing.T) {
	var (
		mu    sync.Mutex
		texts []string
	)
	collect := func(_ context.Context, text string) error {
		mu.Lock()
		defer mu.Unlock()
		texts = append(texts, text)
		return nil
	}
	res, err := Bench(context.Background(), "collect", BenchOptions{
		Paths: []string{"testdata/corpus"}, Workers: 2, Runs: 3, Decode: decode.Text,
	}, collect)
	if err != nil {
		t.Fatal(err)
	}
	// a.txt and sub/latin1.txt; README, hidden files skipped; the binary
	// file fails to decode.
	if res.Articles != 2 || res.Failures != 1 || !strings.Contains(res.FirstFailure, "binary.dat") {
		t.Errorf("articles %d failures %d (%s), want 2 and 1 (binary.dat)", res.Articles, res.Failures, res.FirstFailure)
	}
	if len(texts) != 6 || len(res.RunSeconds) != 3 {
		t.Fatalf("work saw %d texts over %d runs, want 6 over 3", len(texts), len(res.RunSeconds))
	}
	if !slices.Contains(texts, "Café owner said no.\n") {
		t.Errorf("Latin-1 file not decoded: %q", texts)
	}
	if res.Bytes != 27+20 || res.ArticlesPerSec <= 0 || res.BestArticlesPerSec < res.ArticlesPerSec || res.PeakHeapBytes == 0 {
		t.Errorf("measurements %+v", res)
	}
	var b strings.Builder
	if err := WriteBenchText(&b, []*BenchResult{res, res}); err != nil || !strings.Contains(b.String(), "collect takes 1.0x") {
		t.Errorf("bench text (%v):\n%s", err, b.String())
	}

	if _, err := Bench(context.Background(), "x", BenchOptions{Paths: []string{"testdata/nowhere"}, Decode: decode.Text}, collect); err == nil {
		t.Error("want an error for a missing directory")
	}
}

// TestBenchReadsOnce: the files are read before the first run, not in
// the timed runs: removing them once the work has begun changes nothing
// (read in the runs, the later files and every later run would fail).
func TestBenchReadsOnce(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name+" said so.\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var texts []string
	work := func(_ context.Context, text string) error {
		if len(texts) == 0 {
			for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					return err
				}
			}
		}
		texts = append(texts, text)
		return nil
	}
	res, err := Bench(context.Background(), "once", BenchOptions{Paths: []string{dir}, Runs: 3, Decode: decode.Text}, work)
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 3 || res.Failures != 0 || len(texts) != 9 || texts[8] != "c.txt said so.\n" {
		t.Errorf("articles %d failures %d (%s), texts %q; want 3, 0 and each text three times", res.Articles, res.Failures, res.FirstFailure, texts)
	}
}

// BenchmarkExtractBBC runs the extractor over the BBC corpus, one article
// per iteration, and reports articles/s (the speed bar is 1,000 on
// one core: run with -cpu 1). The texts are loaded before timing starts.
func BenchmarkExtractBBC(b *testing.B) {
	dir := shareddata.Dir(b, "bbc")
	var texts []string
	var total int64
	err := walkFiles(context.Background(), []string{dir}, func(p string) error {
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text, err := decode.Text(raw)
		if err != nil {
			return nil // not an article
		}
		texts = append(texts, text)
		total += int64(len(raw))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(texts) == 0 {
		b.Skip("no articles")
	}
	ex, err := newBenchExtractor()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(total / int64(len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := ex.Extract(ctx, texts[i%len(texts)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// newBenchExtractor is the extractor BenchmarkExtractBBC measures: the
// fast one when CLAIMTRAIL_FAST is set, as for the command line.
func newBenchExtractor() (*extract.Extractor, error) {
	if os.Getenv("CLAIMTRAIL_FAST") != "" {
		return extract.NewFast()
	}
	return extract.New()
}
