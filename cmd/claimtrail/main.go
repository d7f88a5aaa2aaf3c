// Command claimtrail finds who said what in news articles, stores it, and
// follows statements across outlets. This file only wires commands; each
// command lives in its own cmd_*.go file and calls into the packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/alecthomas/kong"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
)

// Globals are flags every command accepts.
type Globals struct {
	DB       string `help:"SQLite database file, or a PostgreSQL DSN (postgres://user@host/db)." default:"claimtrail.db" env:"CLAIMTRAIL_DB"`
	Fast     bool   `help:"Use the fast extractor: no part-of-speech tagging, about twice the throughput, a point or two less accurate." env:"CLAIMTRAIL_FAST" xor:"mode"`
	Accurate bool   `help:"Use the accurate extractor: also parses sentences, the best scores at about a third of the throughput." env:"CLAIMTRAIL_ACCURATE" xor:"mode"`
	Stances  bool   `help:"Also report what PolNeAR annotates beyond statements and thoughts: wishes, plans, stances and actions of a source (\"wants\", \"hopes\", \"opposed\", \"the study showed\")." env:"CLAIMTRAIL_STANCES"`
}

// extractionMode is set from --fast or --accurate, and extractionStances
// from --stances, before any command runs.
var (
	extractionMode    extract.Mode
	extractionStances bool
)

// newExtractor returns the extractor the global flags ask for.
func newExtractor() (*extract.Extractor, error) {
	e, err := extract.NewMode(extractionMode)
	if err != nil {
		return nil, err
	}
	return e.WithStances(extractionStances), nil
}

type cli struct {
	Globals

	Extract  ExtractCmd  `cmd:"" help:"Find attributions in articles (text, HTML, feeds, WARC, JSONL) and print them as JSONL."`
	Eval     EvalCmd     `cmd:"" help:"Score the extractor on PolNeAR or a reference answer."`
	Train    TrainCmd    `cmd:"" help:"Train the extractor's models from PolNeAR train (deterministic)."`
	Bench    BenchCmd    `cmd:"" help:"Measure extraction speed and memory over a corpus."`
	BenchAPI BenchAPICmd `cmd:"" name:"bench-api" help:"Measure search and speaker API latency under concurrent clients."`
	GenStore GenStoreCmd `cmd:"" name:"gen-store" help:"Fill a store with synthetic articles from real corpora, for load tests."`

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

	Worker WorkerCmd `cmd:"" help:"Work the job queue of a PostgreSQL store (ingest --queue, watch)."`
	Queue  QueueCmd  `cmd:"" help:"Show the job queue of a PostgreSQL store: queued, running, done, failed."`
	Watch  WatchCmd  `cmd:"" help:"Poll RSS/Atom feeds and ingest their new items."`

	Serve ServeCmd `cmd:"" help:"Serve the JSON API and web UI."`
	Demo  DemoCmd  `cmd:"" help:"Ingest bundled sample articles into a temporary store and serve the UI."`
}

// Exit statuses, documented in --help and the README.
const (
	exitOK      = 0
	exitFailure = 1 // something failed: a store, a file, a network fetch
	exitUsage   = 2 // the command line or its input is wrong: an unknown flag, a bad date or query
)

const exitHelp = `Exit status: 0 on success; 1 when something failed (a store, a file, a
fetch, or some items of a batch: see claimtrail errors); 2 when the command
line or its input is wrong (an unknown command or flag, a bad date, a bad
search query). Errors go to standard error, one line each.`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// after the first signal the default handling comes back, so that a
	// second Ctrl-C ends a process that is slow to wind down
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Exit)
	stop()
	os.Exit(code)
}

// run parses args and runs the command, returning the exit status. exit
// is what kong calls after --help (os.Exit in main).
func run(ctx context.Context, args []string, exit func(int)) int {
	var c cli
	parser, err := kong.New(&c,
		kong.Name("claimtrail"),
		kong.Description("Who said what, through which channel, relayed by whom, and qualified how.\n\n"+exitHelp),
		kong.BindTo(ctx, (*context.Context)(nil)),
		kong.Bind(&c.Globals),
		kong.Writers(stdout, stderr),
		kong.Exit(exit),
	)
	if err != nil {
		fmt.Fprintf(stderr, "claimtrail: %v\n", err)
		return exitFailure
	}
	k, err := parser.Parse(args)
	if err != nil {
		// One line and a hint, not the whole help: the error is what the
		// user needs, and the help is a command away.
		fmt.Fprintf(stderr, "claimtrail: %v\n", err)
		hint := "claimtrail --help"
		var pe *kong.ParseError
		if errors.As(err, &pe) && pe.Context != nil {
			if cmd := commandName(pe.Context); cmd != "" {
				hint = "claimtrail " + cmd + " --help"
			}
		}
		fmt.Fprintf(stderr, "see '%s' for usage\n", hint)
		return exitUsage
	}
	switch {
	case c.Globals.Fast:
		extractionMode = extract.ModeFast
	case c.Globals.Accurate:
		extractionMode = extract.ModeAccurate
	}
	extractionStances = c.Globals.Stances
	if err := k.Run(); err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) && !strings.HasPrefix(err.Error(), "interrupted") {
			// a signal (SIGINT, SIGTERM) stopped the command: say so
			// rather than "context canceled"
			err = fmt.Errorf("interrupted: %w", err)
		}
		fmt.Fprintf(stderr, "claimtrail: %v\n", err)
		if claimtrail.ErrorCode(err) == claimtrail.EINVALID {
			return exitUsage
		}
		return exitFailure
	}
	return exitOK
}

// commandName is the subcommand words of a parse (without arguments).
func commandName(k *kong.Context) string {
	var words []string
	for _, p := range k.Path {
		if p.Command != nil {
			words = append(words, p.Command.Name)
		}
	}
	return strings.Join(words, " ")
}
