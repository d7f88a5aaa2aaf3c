package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync/atomic"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
	"github.com/claimtrail/claimtrail/eval"
	"github.com/claimtrail/claimtrail/internal/cputime"
)

// BenchCmd measures extraction speed and memory over a corpus, against a
// bare tokenisation pass over the same files measured in the same command
// so that the two can be compared on whatever machine runs it.
type BenchCmd struct {
	Dirs    []string `arg:"" optional:"" type:"path" help:"Files or directories of plain-text articles (default: ../shared/data/bbc)."`
	Runs    int      `help:"Passes over the corpus; the median is reported." default:"1"`
	Workers int      `help:"Articles processed at once (the speed bar is for one)." default:"1"`
	Output  string   `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
	// CPUProfile and MemProfile cover the extract pass only, so that the
	// profile shows the extractor and not the tokenise baseline.
	CPUProfile string `name:"cpuprofile" type:"path" help:"Write a CPU profile of the extract pass to this file (go tool pprof)."`
	MemProfile string `name:"memprofile" type:"path" help:"Write an allocation profile of the extract pass to this file (go tool pprof -sample_index=alloc_space)."`
	// BlockProfile and MutexProfile show what keeps workers waiting
	// (with --workers 2 and up): every blocking event and every contended
	// lock of the extract pass is recorded.
	BlockProfile string `name:"blockprofile" type:"path" help:"Write a profile of where goroutines of the extract pass blocked (channels, locks, select) to this file (go tool pprof)."`
	MutexProfile string `name:"mutexprofile" type:"path" help:"Write a profile of contended locks of the extract pass to this file (go tool pprof)."`
}

// defaultBenchDir is the BBC corpus beside the repository.
const defaultBenchDir = "../shared/data/bbc"

// Run passes the corpus through a tokenisation pass and then through the
// extractor, and prints both. Each pass reads the files before its clock
// starts (eval.Bench): the rates are of decoding and the work.
func (c *BenchCmd) Run(ctx context.Context) error {
	dirs := c.Dirs
	if len(dirs) == 0 {
		if _, err := os.Stat(defaultBenchDir); err != nil {
			return claimtrail.Errorf(claimtrail.EINVALID, "no corpus given and %s is absent: pass a directory of plain-text articles", defaultBenchDir)
		}
		dirs = []string{defaultBenchDir}
	}
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	opts := eval.BenchOptions{Paths: dirs, Workers: c.Workers, Runs: c.Runs, Decode: decode.Text}

	// The baseline runs first: max RSS never decreases, so the extractor's
	// figure then includes the baseline's, not the other way round.
	var tokens atomic.Int64 // kept so that the pass is not optimised away
	tokenise := func(_ context.Context, text string) error {
		tokens.Add(int64(len(strings.Fields(text))))
		return nil
	}
	base, err := eval.Bench(ctx, "tokenise", opts, tokenise)
	if err != nil {
		return err
	}
	stopProfiles, err := startProfiles(c.CPUProfile, c.MemProfile)
	if err != nil {
		return err
	}
	stopWaits := startWaitProfiles(c.BlockProfile, c.MutexProfile)
	cpu0 := cputime.Now()
	full, err := eval.Bench(ctx, "extract", opts, func(ctx context.Context, text string) error {
		_, err := ex.Extract(ctx, text)
		return err
	})
	cpu := cputime.Now() - cpu0
	if perr := stopProfiles(); err == nil {
		err = perr
	}
	if perr := stopWaits(); err == nil {
		err = perr
	}
	if err != nil {
		return err
	}
	passes := []*eval.BenchResult{base, full}
	// Articles per CPU-second of the whole process (every thread, the
	// garbage collector's included) over all runs: on a machine shared
	// with other jobs it moves far less with the load than wall time.
	var cpuRate float64
	if cpu > 0 {
		cpuRate = float64(full.Articles*full.Runs) / cpu.Seconds()
	}
	report := map[string]any{"corpus": absPaths(dirs), "passes": passes, "extract_articles_per_cpu_sec": cpuRate}
	return writeReport(stdout, c.Output, report,
		func(w io.Writer) error {
			fmt.Fprintf(w, "corpus: %s (extractor %s)\n", strings.Join(dirs, ", "), ex.Version())
			if err := eval.WriteBenchText(w, passes); err != nil {
				return err
			}
			if cputime.Precise {
				_, err := fmt.Fprintf(w, "extract: %.0f articles per CPU-second (all threads, all runs)\n", cpuRate)
				return err
			}
			return nil
		})
}

// startProfiles starts a CPU profile into cpuPath and arranges for an
// allocation profile into memPath (either may be empty); the returned stop
// function ends the CPU profile and writes the allocation profile. The
// allocation rate is sampled from here on, so the memory profile counts
// what the profiled pass allocated (plus what came before at the default
// rate).
func startProfiles(cpuPath, memPath string) (stop func() error, err error) {
	var cpu *os.File
	if cpuPath != "" {
		if cpu, err = os.Create(cpuPath); err != nil {
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("cpu profile %s: %w", cpuPath, err)
		}
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return fmt.Errorf("cpu profile %s: %w", cpuPath, err)
			}
		}
		if memPath == "" {
			return nil
		}
		f, err := os.Create(memPath)
		if err != nil {
			return fmt.Errorf("memory profile: %w", err)
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			f.Close()
			return fmt.Errorf("memory profile %s: %w", memPath, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("memory profile %s: %w", memPath, err)
		}
		return nil
	}, nil
}

// startWaitProfiles records every blocking event when blockPath is set
// and every contended lock when mutexPath is set; the returned stop
// function stops recording and writes the profiles.
func startWaitProfiles(blockPath, mutexPath string) (stop func() error) {
	if blockPath != "" {
		runtime.SetBlockProfileRate(1)
	}
	if mutexPath != "" {
		runtime.SetMutexProfileFraction(1)
	}
	return func() error {
		var err error
		if blockPath != "" {
			runtime.SetBlockProfileRate(0)
			err = writeProfile("block", blockPath)
		}
		if mutexPath != "" {
			runtime.SetMutexProfileFraction(0)
			if merr := writeProfile("mutex", mutexPath); err == nil {
				err = merr
			}
		}
		return err
	}
}

// writeProfile writes the named runtime profile to path.
func writeProfile(name, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("%s profile: %w", name, err)
	}
	if err := pprof.Lookup(name).WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("%s profile %s: %w", name, path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s profile %s: %w", name, path, err)
	}
	return nil
}

func absPaths(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
		out[i] = p
	}
	return out
}
