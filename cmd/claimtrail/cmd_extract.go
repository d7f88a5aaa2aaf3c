package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
	"github.com/claimtrail/claimtrail/extract"
)

// ExtractCmd prints attributions found in plain-text articles, one JSON
// object per article per line, in the order the files were given.
type ExtractCmd struct {
	Files    []string `arg:"" name:"file" help:"Plain-text articles ('-' for stdin); a folder stands for the .txt files in it, recursively."`
	Pretty   bool     `help:"Indent the JSON for humans."`
	Workers  int      `help:"Articles extracted at once (default: one per core)." default:"0"`
	MaxBytes int64    `help:"Refuse articles larger than this many bytes (news articles are rarely over 1 MB)." default:"10485760"`
}

func (c *ExtractCmd) Help() string {
	return `Each line of output is {"file", "title", "attributions": [...], "markers": [...]};
offsets are Unicode code points into the decoded text, end exclusive.
A file that cannot be read or decoded gets {"file", "error"} and a message
on stderr; the others go on, and the exit status is 1.

Example:
  claimtrail extract --pretty article.txt
  cat article.txt | claimtrail extract -`
}

// extractResult is one output line.
type extractResult struct {
	File string `json:"file"`
	*claimtrail.Extraction
	Error string `json:"error,omitempty"`
}

func (c *ExtractCmd) Run(ctx context.Context) error {
	ex, err := newExtractor()
	if err != nil {
		return err
	}
	c.Files = expandFolders(c.Files)
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if c.Pretty {
		enc.SetIndent("", "  ")
	}
	// results are written in input order: each file gets a slot channel
	type job struct {
		file string
		res  chan extractResult
	}
	jobs := make(chan job, workers)
	order := make(chan job, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res <- c.extractOne(ctx, ex, j.file)
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(order)
		for _, f := range c.Files {
			j := job{file: f, res: make(chan extractResult, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			jobs <- j
		}
	}()
	failed := 0
	for j := range order {
		r := <-j.res
		if r.Error != "" {
			failed++
			fmt.Fprintf(os.Stderr, "claimtrail: %s: %s\n", r.File, r.Error)
		}
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, len(c.Files))
	}
	return nil
}

func (c *ExtractCmd) extractOne(ctx context.Context, ex *extract.Extractor, file string) extractResult {
	r := extractResult{File: file}
	var in io.Reader
	if file == "-" {
		in = os.Stdin
	} else {
		f, err := os.Open(file)
		if err != nil {
			r.Error = err.Error()
			return r
		}
		defer f.Close()
		in = f
	}
	text, err := decode.Reader(in, c.MaxBytes)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	x, err := ex.Extract(ctx, text)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Extraction = x
	return r
}

// expandFolders replaces each folder argument by the plain-text files below
// it (.txt, .text or no extension), in name order, skipping hidden files
// and folders; other arguments stay as given (and fail later with their
// own message if unreadable). Other formats go through claimtrail ingest.
func expandFolders(args []string) []string {
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if a == "-" || err != nil || !fi.IsDir() {
			out = append(out, a)
			continue
		}
		filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, path) // reported when read
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && path != a {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(path)); d.Type().IsRegular() && (ext == ".txt" || ext == ".text" || ext == "") {
				out = append(out, path)
			}
			return nil
		})
	}
	return out
}
