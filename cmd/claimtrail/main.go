// Command claimtrail finds who said what in news articles, stores it, and
// follows statements across outlets. This file only wires commands; each
// command lives in its own cmd_*.go file and calls into the packages.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
)

// Globals are flags every command accepts.
type Globals struct {
	DB       string `help:"SQLite database file." default:"claimtrail.db" env:"CLAIMTRAIL_DB" type:"path"`
	Fast     bool   `help:"Use the fast extractor: no part-of-speech tagging, about twice the throughput, a point or two less accurate." env:"CLAIMTRAIL_FAST" xor:"mode"`
	Accurate bool   `help:"Use the accurate extractor: also parses sentences, the best scores at about a third of the throughput." env:"CLAIMTRAIL_ACCURATE" xor:"mode"`
}

// extractionMode is set from --fast or --accurate before any command runs.
var extractionMode extract.Mode

// newExtractor returns the extractor the global flags ask for.
func newExtractor() (*extract.Extractor, error) { return extract.NewMode(extractionMode) }

type cli struct {
	Globals

	Extract ExtractCmd `cmd:"" help:"Find attributions in plain-text articles and print them as JSONL."`
	Eval    EvalCmd    `cmd:"" help:"Score the extractor on PolNeAR or a reference answer."`
	Train   TrainCmd   `cmd:"" help:"Train the extractor's models from PolNeAR train (deterministic)."`
	Bench   BenchCmd   `cmd:"" help:"Measure extraction speed and memory over a corpus."`

	Ingest   IngestCmd   `cmd:"" help:"Ingest articles (text, HTML, feeds, WARC, JSONL) into the store."`
	Reindex  ReindexCmd  `cmd:"" help:"Re-extract stored articles after the extractor changed."`
	Quotes   QuotesCmd   `cmd:"" help:"List stored attributions."`
	Search   SearchCmd   `cmd:"" help:"Full-text search over quotes."`
	Speakers SpeakersCmd `cmd:"" help:"List speakers with counts and aliases."`
	Show     ShowCmd     `cmd:"" help:"Show one article with its attributions."`
	Stats    StatsCmd    `cmd:"" help:"Print the store's totals."`
	Errors   ErrorsCmd   `cmd:"" help:"List items that failed to ingest."`
	Export   ExportCmd   `cmd:"" help:"Export attributions as JSONL or CSV."`

	Clusters  ClustersCmd  `cmd:"" help:"List quote clusters across articles."`
	Trail     TrailCmd     `cmd:"" help:"Print the timeline of one quote across outlets."`
	Relations RelationsCmd `cmd:"" help:"List corrections, contradictions and reversals between statements."`

	Serve ServeCmd `cmd:"" help:"Serve the JSON API and web UI."`
	Demo  DemoCmd  `cmd:"" help:"Ingest bundled sample articles into a temporary store and serve the UI."`
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var c cli
	k := kong.Parse(&c,
		kong.Name("claimtrail"),
		kong.Description("Who said what, through which channel, relayed by whom, and qualified how."),
		kong.UsageOnError(),
		kong.BindTo(ctx, (*context.Context)(nil)),
		kong.Bind(&c.Globals),
	)
	switch {
	case c.Globals.Fast:
		extractionMode = extract.ModeFast
	case c.Globals.Accurate:
		extractionMode = extract.ModeAccurate
	}
	if err := k.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "claimtrail: %v\n", err)
		if claimtrail.ErrorCode(err) == claimtrail.EINVALID {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
