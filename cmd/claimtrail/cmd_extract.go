package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/ingest"
)

// ExtractCmd prints the attributions found in articles, one JSON object
// per article per line, in the order the sources were given. Sources are
// read exactly as claimtrail ingest reads them (package ingest): the kind
// is detected from the content, so HTML pages, feeds, WARC, JSONL and
// gzipped files work, and a failed item reads the same in both commands.
type ExtractCmd struct {
	Files    []string `arg:"" name:"source" help:"Files or folders (read recursively): plain text, HTML, RSS/Atom, WARC(.gz), JSONL, .gz; '-' for stdin."`
	Pretty   bool     `help:"Indent the JSON for humans."`
	Workers  int      `help:"Articles extracted at once (default: one per core)." default:"0"`
	MaxBytes byteSize `name:"max-bytes" default:"5MB" help:"Refuse articles larger than this (e.g. 5MB, 512KB), as claimtrail ingest does." placeholder:"SIZE"`
}

func (c *ExtractCmd) Help() string {
	return `Each line of output is {"file", "title", "language", "attributions": [...],
"markers": [...]}; offsets are Unicode code points into the article's text
(for HTML pages and feeds, the text claimtrail ingest stores: the headline
first, then the cleaned body), end exclusive. "file" is the item's source
as ingest names it (a path, "feed.xml#GUID", "corpus.jsonl:LINE").

An item that cannot be read (empty, binary, too large, malformed) gets
{"file", "error", "code"} and a line "claimtrail: SOURCE: reason" on
stderr, as in claimtrail ingest; the others go on, and the exit status is 1.
A folder with nothing readable in it is reported the same way.

Example:
  claimtrail extract --pretty article.txt page.html
  cat article.txt | claimtrail extract -`
}

// extractResult is one output line.
type extractResult struct {
	File string `json:"file"`
	*claimtrail.Extraction
	Error string `json:"error,omitempty"`
	Code  string `json:"code,omitempty"`
}

func (c *ExtractCmd) Run(ctx context.Context) error {
	ex, err := newExtractor()
	if err != nil {
		return err
	}
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if c.Pretty {
		enc.SetIndent("", "  ")
	}
	// Results are written in input order: each item gets a slot channel.
	type job struct {
		item ingest.Item
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
				j.res <- extractItem(ctx, ex, j.item)
			}
		}()
	}
	walkCtx, stopWalk := context.WithCancel(ctx)
	defer stopWalk()
	// the output holds no hash: NoHash spares computing it
	opt := ingest.Options{MaxBytes: int64(c.MaxBytes), NoHash: true}
	go func() {
		defer close(jobs)
		defer close(order)
		send := func(it ingest.Item) error {
			j := job{item: it, res: make(chan extractResult, 1)}
			select {
			case order <- j:
			case <-walkCtx.Done():
				return walkCtx.Err()
			}
			jobs <- j
			return nil
		}
		for _, src := range c.Files {
			if ingest.Walk(walkCtx, []string{src}, opt, send) != nil {
				return
			}
		}
	}()
	failed, total := 0, 0
	var writeErr error
	for j := range order {
		r := <-j.res
		total++
		if r.Error != "" {
			failed++
			fmt.Fprintf(stderr, "claimtrail: %s: %s\n", r.File, r.Error)
		}
		if writeErr == nil {
			if err := enc.Encode(r); err != nil {
				writeErr = fmt.Errorf("write output: %w", err)
				stopWalk()
			}
		}
	}
	wg.Wait()
	if writeErr != nil {
		return writeErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d items failed", failed, total)
	}
	return nil
}

// extractItem extracts one ingested item, or turns its error into the
// output line, worded as claimtrail ingest words it.
func extractItem(ctx context.Context, ex *extract.Extractor, it ingest.Item) extractResult {
	r := extractResult{File: it.Source}
	fail := func(err error) extractResult {
		r.Error, r.Code = ingest.Reason(it.Source, err), claimtrail.ErrorCode(err)
		return r
	}
	if it.Err != nil {
		return fail(it.Err)
	}
	// Walk detected the language (ingest.Article.Language): not again.
	x, err := ex.ExtractDetected(ctx, it.Article.Text, it.Article.Language)
	if err != nil {
		return fail(err)
	}
	if x.Title == "" {
		x.Title = it.Article.Title
	}
	r.Extraction = x
	return r
}
