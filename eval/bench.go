package eval

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// BenchOptions configure a Bench pass.
type BenchOptions struct {
	// Paths are files or directories, walked recursively.
	Paths []string
	// Workers is the number of goroutines working at once (≤ 0: 1).
	Workers int
	// Runs repeats the pass over the corpus (≤ 0: 1).
	Runs int
	// Decode turns a file's bytes into text (decode.Text in the product).
	// It must not change them: they are decoded again in each run.
	Decode func([]byte) (string, error)
}

// BenchResult is what one Bench pass measured.
type BenchResult struct {
	Name    string `json:"name"`
	Workers int    `json:"workers"`
	Runs    int    `json:"runs"`
	// Articles and Bytes are per run; Bytes counts the files as read.
	Articles int   `json:"articles"`
	Bytes    int64 `json:"bytes"`
	// Failures counts files that could not be read, decoded or worked on
	// in one run; FirstFailure says why for the first of them.
	Failures     int    `json:"failures"`
	FirstFailure string `json:"first_failure,omitempty"`
	// RunSeconds is the wall time of each run.
	RunSeconds []float64 `json:"run_seconds"`
	// ArticlesPerSec and MBPerSec are from the median run (MB = 10^6
	// bytes); Best* from the fastest.
	ArticlesPerSec     float64 `json:"articles_per_sec"`
	MBPerSec           float64 `json:"mb_per_sec"`
	BestArticlesPerSec float64 `json:"best_articles_per_sec"`
	// PeakHeapBytes is the largest live Go heap (objects) sampled during
	// the pass, every few milliseconds.
	PeakHeapBytes uint64 `json:"peak_heap_bytes"`
	// RetainedHeapBytes is the live heap after a garbage collection at
	// the end of the pass: what the pass keeps (the extractor's models),
	// as opposed to the garbage it churns through.
	RetainedHeapBytes uint64 `json:"retained_heap_bytes"`
	// AllocBytesPerArticle is how much the pass allocated per article.
	AllocBytesPerArticle float64 `json:"alloc_bytes_per_article"`
	// MaxRSSBytes is the process's peak resident set size so far
	// (getrusage); it never decreases, so it covers earlier passes too.
	MaxRSSBytes int64 `json:"max_rss_bytes"`
}

// Bench hands the text of every file under opts.Paths to work, opts.Runs
// times, measuring throughput and memory. The files are listed and read
// once, before the first run starts its clock (readCorpus): the runs time
// decoding each file's bytes and the work, not the disk or the page cache,
// whose cost moved with the other jobs on a shared machine. Their bytes
// (5 MB for BBC) are held over the runs, so the peak heap includes them;
// they are dropped before the retained heap is measured. Hidden files and
// README files (corpus documentation, not articles) are skipped.
func Bench(ctx context.Context, name string, opts BenchOptions, work func(ctx context.Context, text string) error) (*BenchResult, error) {
	workers, runs := max(opts.Workers, 1), max(opts.Runs, 1)
	res := &BenchResult{Name: name, Workers: workers, Runs: runs}

	files, err := readCorpus(ctx, opts.Paths)
	if err != nil {
		return nil, err
	}
	var peak atomic.Uint64
	stopSampler := sampleHeap(&peak)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	for run := range runs {
		st, err := benchRun(ctx, opts, files, workers, work)
		if err != nil {
			stopSampler()
			return nil, err
		}
		if run == 0 {
			res.Articles, res.Bytes, res.Failures, res.FirstFailure = st.articles, st.bytes, st.failures, st.firstFailure
		}
		res.RunSeconds = append(res.RunSeconds, st.elapsed.Seconds())
	}
	stopSampler()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)

	if n := res.Articles * runs; n > 0 {
		res.AllocBytesPerArticle = float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
	}
	sorted := slices.Sorted(slices.Values(res.RunSeconds))
	if median := sorted[len(sorted)/2]; median > 0 {
		res.ArticlesPerSec = float64(res.Articles) / median
		res.MBPerSec = float64(res.Bytes) / 1e6 / median
	}
	if best := sorted[0]; best > 0 {
		res.BestArticlesPerSec = float64(res.Articles) / best
	}
	res.PeakHeapBytes = peak.Load()
	files = nil // not what the pass keeps
	runtime.GC()
	runtime.ReadMemStats(&after)
	res.RetainedHeapBytes = after.HeapAlloc
	res.MaxRSSBytes = maxRSS()
	return res, nil
}

type runStats struct {
	articles, failures int
	bytes              int64
	firstFailure       string
	elapsed            time.Duration
}

// corpusFile is a file of the corpus as read before the runs: its bytes,
// or why they could not be read (a failure in every run).
type corpusFile struct {
	path string
	raw  []byte
	err  error
}

// readCorpus lists the files under paths (walkFiles) and reads each.
func readCorpus(ctx context.Context, paths []string) ([]corpusFile, error) {
	var files []corpusFile
	err := walkFiles(ctx, paths, func(p string) error {
		raw, err := os.ReadFile(p)
		files = append(files, corpusFile{path: p, raw: raw, err: err})
		return nil
	})
	return files, err
}

func benchRun(ctx context.Context, opts BenchOptions, files []corpusFile, workers int, work func(context.Context, string) error) (runStats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu sync.Mutex
		st runStats
		wg sync.WaitGroup
	)
	fail := func(path string, err error) {
		mu.Lock()
		defer mu.Unlock()
		if st.failures == 0 {
			st.firstFailure = fmt.Sprintf("%s: %v", path, err)
		}
		st.failures++
	}
	start := time.Now()
	// The workers take the next file from a counter. A walker goroutine
	// feeding them through a channel had to be scheduled between
	// articles, and on a machine whose cores are busy with other jobs the
	// workers waited on it: two workers went slower than one.
	var next atomic.Int64
	for range workers {
		wg.Go(func() {
			var articles int
			var bytes int64
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					break
				}
				f := &files[i]
				if f.err != nil {
					fail(f.path, f.err)
					continue
				}
				text, err := opts.Decode(f.raw)
				if err != nil {
					fail(f.path, err)
					continue
				}
				if err := work(ctx, text); err != nil {
					fail(f.path, err)
					continue
				}
				articles++
				bytes += int64(len(f.raw))
			}
			mu.Lock()
			st.articles += articles
			st.bytes += bytes
			mu.Unlock()
		})
	}
	wg.Wait()
	st.elapsed = time.Since(start)
	return st, ctx.Err()
}

// walkFiles calls fn for every regular file under paths, in lexical order,
// skipping hidden files and directories and README files.
func walkFiles(ctx context.Context, paths []string, fn func(string) error) error {
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			name := d.Name()
			if p != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || strings.HasPrefix(strings.ToUpper(name), "README") {
				return nil
			}
			return fn(p)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// sampleHeap records the largest live heap seen into peak until the
// returned function is called. runtime/metrics is read without stopping
// the world, so sampling does not disturb the measurement.
func sampleHeap(peak *atomic.Uint64) (stop func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			v := sample[0].Value.Uint64()
			for {
				old := peak.Load()
				if v <= old || peak.CompareAndSwap(old, v) {
					break
				}
			}
		}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			read()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		read()
	}
}
