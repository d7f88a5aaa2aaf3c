package ingest

// The ingest service: the one path from a walked item to a stored
// article, used by `claimtrail ingest`, `claimtrail demo`, `claimtrail
// reindex`, POST /api/ingest and the queue workers, so that they share one
// set of rules:
//
//   - an item is skipped without extraction when the store holds the same
//     text (claimtrail.HashText) from the same extractor version;
//   - a link that is not http(s) is dropped, the text is capped at
//     Options.MaxBytes, an article without text fails, and the store
//     checks the rest (claimtrail.Article.Validate);
//   - an extractor panic fails that item only, and extraction stops
//     waiting at once when the context ends (the item is left for the
//     next run, not failed);
//   - results are written in batches, committed atomically, and a crash
//     loses at most the batch being built;
//   - the cross-article step (speaker merging, clustering) runs at the
//     end whenever the store says it is pending, also when this run
//     stored nothing (a killed run is completed by the next).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
)

// Outcome is what the service did with one item.
type Outcome string

const (
	OutcomeInserted  Outcome = Outcome(claimtrail.PutInserted)
	OutcomeUpdated   Outcome = Outcome(claimtrail.PutUpdated)
	OutcomeUnchanged Outcome = Outcome(claimtrail.PutUnchanged)
	OutcomeFailed    Outcome = "failed"
)

// Result is one item's fate, reported once its batch is committed.
type Result struct {
	// Index counts the items of the run from 0, in walk order for a
	// single worker (with several, in the order they finished).
	Index int
	// Source names the item: the stored article's source, else the
	// walked item's name.
	Source  string
	ID      int64
	Outcome Outcome
	// Err is set for OutcomeFailed.
	Err error
}

// Summary counts what a run did.
type Summary struct {
	Ingested, Unchanged, Updated, Failed int
	// Duplicates counts items whose text an earlier item of the same run
	// had already stored (a corpus holding one article twice); they are
	// not in Unchanged, which means "stored by an earlier run".
	Duplicates int
	// Elapsed is the time to read, extract and store; Finish the time of
	// the cross-article step (zero when it did not run).
	Elapsed, Finish time.Duration
	// Finished reports whether the cross-article step ran.
	Finished bool
}

// Total is how many items the run saw.
func (s Summary) Total() int { return s.Ingested + s.Unchanged + s.Duplicates + s.Updated + s.Failed }

// String is the one-line summary the CLI prints.
func (s Summary) String() string {
	out := fmt.Sprintf("ingested %d, unchanged %d, updated %d, failed %d", s.Ingested, s.Unchanged, s.Updated, s.Failed)
	if s.Duplicates > 0 {
		out += fmt.Sprintf(", duplicates within this run %d", s.Duplicates)
	}
	if n := s.Total(); n > 0 && s.Elapsed > 0 {
		out += fmt.Sprintf(" (%d items in %s, %.0f/s)", n, s.Elapsed.Round(time.Millisecond), float64(n)/s.Elapsed.Seconds())
	}
	if s.Finished {
		out += fmt.Sprintf("; speakers merged and quotes clustered in %s", s.Finish.Round(time.Millisecond))
	}
	return out
}

// Service ingests items into a store. Set the fields before the first
// call; a Service may then be used by several goroutines at once (an
// HTTP server runs one per request), sharing its extraction slots.
type Service struct {
	Store     claimtrail.IngestStore
	Extractor claimtrail.Extractor
	Options   Options
	// Workers extract in parallel within a run, and bound the
	// extractions running at once across all runs of this Service
	// (including ones abandoned by a cancelled run); 0 means
	// runtime.NumCPU().
	Workers int
	// BatchSize and BatchDelay bound a write transaction: it commits when
	// it holds BatchSize articles or is BatchDelay old (defaults 200 and
	// 100 ms), so that the store is never the bottleneck and a crash
	// loses little.
	BatchSize  int
	BatchDelay time.Duration
	// NoFinish skips the cross-article step at the end of Ingest and
	// Reindex (the caller runs Finish itself, or in the background).
	NoFinish bool
	// FinishStep, when set, replaces the store's RefreshClusters as the
	// cross-article step (e.g. with a speaker aliases file).
	FinishStep func(ctx context.Context) (claimtrail.ClusterUpdate, error)
	// NoErrorRecords keeps failed items out of the store's errors table
	// (the HTTP API reports them to the client instead).
	NoErrorRecords bool
	// ReleaseExtractor drops the service's Extractor before the
	// cross-article step at the end of Ingest or Reindex, so that its
	// models (37 MB live for the default extractor, twice that in heap)
	// can be collected while the clustering, which grows with the store,
	// runs; and asks the store to give back the memory its caches hold
	// (the SQLite store's page caches: SQLite's memory, 32 MiB a
	// connection, and about 80 MB the writer's during the step). Only for a Service that does one run (the CLI's ingest and
	// reindex): the Service cannot extract afterwards.
	ReleaseExtractor bool
	// FinishGC, when positive, is the collector's GOGC percentage while
	// the cross-article step runs (restored after it; never raised): at
	// the default 100 the heap grows to twice what is live before each
	// collection, and what is live in the step (the clustering index)
	// grows with the store, where extraction's peak does not. Only for a
	// Service that does one run (the setting is the process's).
	FinishGC int

	// OnDiscover is called by the walker with the number of items found
	// so far; OnResult for each item once its batch is committed (both
	// from one goroutine at a time); OnExtract after each extraction with
	// its duration (from the workers). Any may be nil.
	OnDiscover func(n int64)
	OnResult   func(Result)
	OnExtract  func(d time.Duration, err error)

	once  sync.Once
	slots chan struct{}
}

func (s *Service) init() {
	s.once.Do(func() {
		if s.Workers <= 0 {
			s.Workers = runtime.NumCPU()
		}
		if s.BatchSize <= 0 {
			s.BatchSize = 200
		}
		if s.BatchDelay <= 0 {
			s.BatchDelay = 100 * time.Millisecond
		}
		s.slots = make(chan struct{}, s.Workers)
	})
}

// Ingest walks the sources (files, folders, URLs; see Walk) and stores
// every item, then runs the cross-article step when it is pending.
// Cancelling ctx commits what was extracted and returns an error saying
// so; running the same sources again finishes the job.
func (s *Service) Ingest(ctx context.Context, sources []string) (Summary, error) {
	if len(sources) == 0 {
		return Summary{}, claimtrail.Errorf(claimtrail.EINVALID, "no sources given")
	}
	sum, err := s.run(ctx, nil, func(ctx context.Context, emit func(Item) error) error {
		return Walk(ctx, sources, s.Options, emit)
	})
	if err != nil {
		return sum, err
	}
	return s.finish(ctx, sum)
}

// IngestReader stores the articles of one stream (an HTTP request body)
// read as a file named name would be: JSON Lines, a JSON array or
// object, a feed, ... Items are named "name:LINE" (or "name#N") while
// read; an article is stored under its URL, else its own id
// ("name:id:ID"), else its text hash ("name:sha256:..."), so that two
// requests do not overwrite each other's sources. contentType helps
// detection like an HTTP response's; report, when not nil, gets each
// item's result besides OnResult. The cross-article step runs at the
// end as for Ingest unless NoFinish is set (a server runs it in the
// background instead).
func (s *Service) IngestReader(ctx context.Context, name, contentType string, r io.Reader, report func(Result)) (Summary, error) {
	sum, err := s.run(ctx, report, func(ctx context.Context, emit func(Item) error) error {
		w := &walker{ctx: ctx, opt: s.Options, fn: func(it Item) error {
			if it.Article != nil {
				it.Article.Source = streamArticleName(name, it)
			}
			return emit(it)
		}}
		err := w.stream(name, contentType, r, -1, false)
		var stop errStop
		if errors.As(err, &stop) {
			return stop.err
		}
		if err != nil {
			if err := w.fail(name, err); err != nil {
				return err.(errStop).err
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return sum, err
	}
	return s.finish(ctx, sum)
}

// streamArticleName is the stored source of an article read from a
// stream: its URL, else its record id, else its text hash.
func streamArticleName(name string, it Item) string {
	switch {
	case it.Article.URL != "":
		return it.Article.URL
	case it.ID != "":
		return name + ":id:" + it.ID
	}
	return name + ":sha256:" + claimtrail.HashText(it.Article.Text)[:16]
}

// processed is what a worker hands the writer for one item.
type processed struct {
	source    string
	article   *claimtrail.Article // to store; nil when unchanged or failed
	hash      string              // of the text, when it was read
	unchanged bool
	err       error
}

// run is the pipeline: walk feeds items, Workers goroutines prepare them
// (skip or extract), and the calling goroutine writes batches.
func (s *Service) run(ctx context.Context, report func(Result), walk func(ctx context.Context, emit func(Item) error) error) (Summary, error) {
	s.init()
	start := time.Now()
	// work is cancelled by the caller or when the store fails.
	work, stop := context.WithCancel(ctx)
	defer stop()
	items := make(chan Item, s.Workers*4)
	results := make(chan processed, s.Workers*16)
	var (
		walkErr    error
		discovered atomic.Int64
	)
	go func() {
		defer close(items)
		walkErr = walk(work, func(it Item) error {
			n := discovered.Add(1)
			if s.OnDiscover != nil {
				s.OnDiscover(n)
			}
			select {
			case items <- it:
				return nil
			case <-work.Done():
				return work.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range s.Workers {
		wg.Go(func() {
			for it := range items {
				if work.Err() != nil {
					continue // drain: the walker stops soon
				}
				results <- s.process(work, it)
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	b := batcher{s: s, ctx: ctx, report: report}
	ticker := time.NewTicker(s.BatchDelay)
	defer ticker.Stop()
	for done := false; !done; {
		select {
		case r, ok := <-results:
			if !ok {
				done = true
				break
			}
			if r.err != nil && work.Err() != nil && errors.Is(r.err, work.Err()) {
				continue // interrupted, not failed: the next run does it
			}
			b.pending = append(b.pending, r)
			if len(b.pending) >= s.BatchSize {
				if b.flush() != nil {
					stop() // nothing more can be stored: stop reading and extracting
				}
			}
		case <-ticker.C:
			if b.flush() != nil {
				stop()
			}
		}
	}
	b.flush()
	b.sum.Elapsed = time.Since(start)
	switch {
	case b.err != nil:
		return b.sum, b.err
	case ctx.Err() != nil:
		return b.sum, fmt.Errorf("interrupted: the %d items done are committed; run the same command again to finish: %w", b.sum.Total(), ctx.Err())
	case walkErr != nil:
		return b.sum, fmt.Errorf("ingest: %w", walkErr)
	}
	return b.sum, nil
}

// batcher collects processed items and writes them in one transaction.
type batcher struct {
	s       *Service
	ctx     context.Context
	pending []processed
	report  func(Result) // besides OnResult; may be nil
	sum     Summary
	// stored holds the text hashes this run inserted or updated, to tell
	// a duplicate within the run from an article an earlier run stored:
	// their first 64 bits (hashKey). Measured with a million hashes: 38
	// MB of heap where the hex strings took 120 (1 and 0.3 MB at ten
	// thousand); the one structure on the ingest path that grows with
	// the number of articles.
	stored map[uint64]struct{}
	n      int // results reported so far
	err    error
}

// flush commits the pending items even after ctx is cancelled: what was
// extracted is kept (Ctrl-C commits what is done).
func (b *batcher) flush() error {
	defer func() { b.pending = b.pending[:0] }()
	if len(b.pending) == 0 || b.err != nil {
		return b.err
	}
	var batch claimtrail.Batch
	now := time.Now().UTC()
	for _, r := range b.pending {
		switch {
		case r.err != nil:
			if !b.s.NoErrorRecords {
				batch.Errors = append(batch.Errors, claimtrail.IngestError{Source: r.source, Reason: Reason(r.source, r.err), Time: now})
			}
		case r.unchanged && r.article == nil:
			batch.Unchanged = append(batch.Unchanged, r.source)
		default:
			batch.Articles = append(batch.Articles, r.article)
		}
	}
	res, err := b.s.Store.PutBatch(context.WithoutCancel(b.ctx), batch)
	if err != nil {
		b.err = err
		return err
	}
	if b.stored == nil {
		b.stored = map[uint64]struct{}{}
	}
	emit := func(r Result, hash string) {
		r.Index = b.n
		b.n++
		switch r.Outcome {
		case OutcomeInserted:
			b.sum.Ingested++
			b.stored[hashKey(hash)] = struct{}{}
		case OutcomeUpdated:
			b.sum.Updated++
			b.stored[hashKey(hash)] = struct{}{}
		case OutcomeUnchanged:
			if _, dup := b.stored[hashKey(hash)]; hash != "" && dup {
				b.sum.Duplicates++
			} else {
				b.sum.Unchanged++
			}
		default:
			b.sum.Failed++
		}
		if b.s.OnResult != nil {
			b.s.OnResult(r)
		}
		if b.report != nil {
			b.report(r)
		}
	}
	k := 0
	for _, r := range b.pending {
		switch {
		case r.err != nil:
			emit(Result{Source: r.source, Outcome: OutcomeFailed, Err: r.err}, "")
		case r.unchanged && r.article == nil:
			emit(Result{Source: r.source, Outcome: OutcomeUnchanged}, r.hash)
		default:
			pr := res[k]
			k++
			if pr.Err != nil {
				emit(Result{Source: r.source, Outcome: OutcomeFailed, Err: pr.Err}, "")
			} else {
				emit(Result{Source: r.source, ID: pr.ID, Outcome: Outcome(pr.Outcome)}, r.hash)
			}
		}
	}
	return nil
}

// hashKey is the first 64 bits of a text hash (claimtrail.HashText, hex
// SHA-256): two texts share one with a chance of about 1 in 30 million in a
// run of a million articles, which would count a new article as a
// duplicate in the summary, nothing more. A hash that is not hex (none
// is) falls back to FNV-1a over the whole string.
func hashKey(h string) uint64 {
	if len(h) >= 16 {
		if k, err := strconv.ParseUint(h[:16], 16, 64); err == nil {
			return k
		}
	}
	k := uint64(14695981039346656037)
	for i := 0; i < len(h); i++ {
		k = (k ^ uint64(h[i])) * 1099511628211
	}
	return k
}

// process turns one walked item into a result: skipped when the store has
// the same text from the same extractor, else extracted.
func (s *Service) process(ctx context.Context, it Item) processed {
	res := processed{source: it.Source}
	if it.Err != nil {
		res.err = it.Err
		return res
	}
	a := it.Article
	if a == nil {
		res.err = fmt.Errorf("no article and no error")
		return res
	}
	if a.Source == "" {
		a.Source = it.Source
	}
	res.source = a.Source
	unchanged, err := s.Prepare(ctx, a)
	res.unchanged, res.err, res.hash = unchanged, err, a.Hash
	switch {
	case err == nil && !unchanged:
		res.article = a
	case err == nil && a.URL == "":
		// Identified by its text: sent to the store as unchanged, which
		// keeps the least source of identical texts, so that which copy
		// names the article does not depend on which one the parallel
		// extraction finished first (nor on the number of queue
		// workers: the PostgreSQL store keeps the least too).
		a.ExtractorVersion = s.Extractor.Version()
		res.article = a
	}
	return res
}

// Prepare applies the service's rules to one article and extracts it in
// place: it normalises a (hash, web URL only), refuses it when too large
// or empty, reports unchanged when the store holds the same text from
// the same extractor version, and otherwise fills its attributions,
// markers, title (when missing) and extractor version. The article is
// not stored; the queue workers and tests use this directly.
func (s *Service) Prepare(ctx context.Context, a *claimtrail.Article) (unchanged bool, err error) {
	if err := s.Check(a); err != nil {
		return false, err
	}
	st, err := s.Store.LookupArticle(ctx, a.URL, a.Hash)
	if err != nil && claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		return false, err
	}
	return s.PrepareStored(ctx, a, st, err == nil)
}

// Check is Prepare's first half: it normalises a (hash, web URL only)
// and refuses it when too large or empty. A caller that looks up many
// articles' stored copies at once (the queue worker, one query per job)
// then calls PrepareStored for each.
func (s *Service) Check(a *claimtrail.Article) error {
	if a.URL != "" && !claimtrail.WebURL(a.URL) {
		a.URL = "" // "javascript:", "mailto:", relative links: never stored
	}
	if max := s.Options.maxBytes(); int64(len(a.Text)) > max {
		return claimtrail.Errorf(claimtrail.ETOOLARGE, "text of %s is larger than the limit of %s", decode.FormatBytes(int64(len(a.Text))), decode.FormatBytes(max))
	}
	if strings.TrimSpace(a.Text) == "" {
		return claimtrail.Errorf(claimtrail.EINVALID, "no text")
	}
	a.Hash = claimtrail.HashText(a.Text)
	return nil
}

// PrepareStored is Prepare's second half, for an article Check passed
// whose stored copy is st (stored false when there is none): unchanged
// when that copy has the same text from the same extractor version,
// else extracted in place.
func (s *Service) PrepareStored(ctx context.Context, a *claimtrail.Article, st claimtrail.ArticleState, stored bool) (unchanged bool, err error) {
	s.init()
	version := s.Extractor.Version()
	if stored && st.Hash == a.Hash && st.ExtractorVersion == version {
		return true, nil
	}
	return false, s.extract(ctx, a, version)
}

// extract fills a's extraction. It holds one of the service's slots for
// as long as the extractor runs, but returns as soon as ctx ends: an
// extraction that ignores cancellation then finishes in the background,
// still holding its slot, so that abandoned work cannot pile up beyond
// Workers extractions.
func (s *Service) extract(ctx context.Context, a *claimtrail.Article, version string) error {
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	type outcome struct {
		x   *claimtrail.Extraction
		err error
	}
	done := make(chan outcome, 1)
	text := a.Text
	go func() {
		defer func() { <-s.slots }()
		start := time.Now()
		var o outcome
		func() {
			// The extractor must never panic; if it does, the item fails
			// and the batch goes on.
			defer func() {
				if p := recover(); p != nil {
					o = outcome{err: fmt.Errorf("extractor panicked: %v", p)}
				}
			}()
			o.x, o.err = s.Extractor.Extract(ctx, text)
		}()
		if s.OnExtract != nil {
			s.OnExtract(time.Since(start), o.err)
		}
		done <- o
	}()
	var o outcome
	select {
	case o = <-done:
	case <-ctx.Done():
		return ctx.Err()
	}
	if o.err != nil {
		if ctx.Err() != nil && errors.Is(o.err, ctx.Err()) {
			return ctx.Err()
		}
		return fmt.Errorf("extract: %w", o.err)
	}
	if a.Title == "" {
		a.Title = o.x.Title
	}
	a.Attributions = o.x.Attributions
	a.Markers = o.x.Markers
	if o.x.Language != "" {
		a.Language = o.x.Language
	}
	a.ExtractorVersion = version
	return nil
}

// cacheReleaser is a store that can give back memory it keeps for
// speed (the SQLite store's page caches).
type cacheReleaser interface {
	ReleaseCaches(ctx context.Context) error
}

// finish runs the cross-article step at the end of a run unless NoFinish.
func (s *Service) finish(ctx context.Context, sum Summary) (Summary, error) {
	if s.ReleaseExtractor {
		s.Extractor = nil
		if r, ok := s.Store.(cacheReleaser); ok && !s.NoFinish {
			if err := r.ReleaseCaches(ctx); err != nil {
				return sum, err
			}
		}
	}
	if s.NoFinish {
		return sum, nil
	}
	if s.FinishGC > 0 {
		defer lowerGC(s.FinishGC)()
	}
	start := time.Now()
	ran, _, err := s.Finish(ctx)
	if ran {
		sum.Finished, sum.Finish = true, time.Since(start)
	}
	return sum, err
}

// lowerGC sets the collector's GOGC percentage to percent unless it is
// lower already (or off), and returns what restores the one before.
func lowerGC(percent int) (restore func()) {
	prev := debug.SetGCPercent(percent)
	if prev < 0 || prev <= percent {
		debug.SetGCPercent(prev)
		return func() {}
	}
	return func() { debug.SetGCPercent(prev) }
}

// Finish runs the cross-article step when the store says it is pending
// (FinishStep instead of the store's RefreshClusters when set) and
// reports whether it ran. A store that is not a
// claimtrail.ClusterMaintainer has no such step.
func (s *Service) Finish(ctx context.Context) (bool, claimtrail.ClusterUpdate, error) {
	m, ok := s.Store.(claimtrail.ClusterMaintainer)
	if !ok {
		return false, claimtrail.ClusterUpdate{}, nil
	}
	pending, err := m.ClustersPending(ctx)
	if err != nil {
		return false, claimtrail.ClusterUpdate{}, fmt.Errorf("check pending clustering: %w", err)
	}
	if !pending && s.FinishStep == nil {
		return false, claimtrail.ClusterUpdate{}, nil
	}
	step := m.RefreshClusters
	if s.FinishStep != nil {
		step = s.FinishStep
	}
	u, err := step(ctx)
	if err != nil {
		return true, u, fmt.Errorf("merge speakers and cluster quotes: %w", err)
	}
	return true, u, nil
}

// Reindex re-extracts stored articles whose extractor version is not the
// current one (every article with all), page by page: each page is
// extracted in parallel and written in one transaction, so an
// interrupted reindex keeps what is done and the next run continues.
// OnResult is called for each article; OnDiscover once with the total.
func (s *Service) Reindex(ctx context.Context, all bool) (Summary, error) {
	s.init()
	start := time.Now()
	var sum Summary
	version := s.Extractor.Version()
	stale := version
	if all {
		stale = ""
	}
	total, err := s.Store.CountStale(ctx, stale)
	if err != nil {
		return sum, err
	}
	if s.OnDiscover != nil {
		s.OnDiscover(int64(total))
	}
	b := batcher{s: s, ctx: ctx}
	var afterID int64
	for ctx.Err() == nil {
		page, err := s.Store.StaleArticles(ctx, stale, afterID, s.BatchSize)
		if err != nil {
			return b.sum, err
		}
		if len(page) == 0 {
			break
		}
		afterID = page[len(page)-1].ID
		errs := make([]error, len(page))
		var wg sync.WaitGroup
		next := make(chan int)
		for range s.Workers {
			wg.Go(func() {
				for i := range next {
					errs[i] = s.extract(ctx, page[i], version)
				}
			})
		}
		for i := range page {
			next <- i
		}
		close(next)
		wg.Wait()
		for i, a := range page {
			switch {
			case errs[i] == nil:
				// a keeps its id, so the store replaces that article
				// whatever its text.
				b.pending = append(b.pending, processed{source: a.Source, article: a})
			case ctx.Err() != nil && errors.Is(errs[i], ctx.Err()):
				// interrupted: left stale for the next run
			default:
				b.pending = append(b.pending, processed{source: a.Source, err: fmt.Errorf("reindex: %w", errs[i])})
			}
		}
		if err := b.flush(); err != nil {
			return b.sum, err
		}
	}
	sum = b.sum
	sum.Elapsed = time.Since(start)
	if ctx.Err() != nil {
		return sum, fmt.Errorf("interrupted: %d articles re-extracted and committed; run reindex again to finish: %w", sum.Updated, ctx.Err())
	}
	return s.finish(ctx, sum)
}

// Reason is an item's error as one line without the source it names (the
// caller prints the source) or the error code prefixes of wrapped
// claimtrail errors: what the errors table and the CLI show.
func Reason(source string, err error) string {
	s := err.Error()
	for _, p := range []string{"ingest " + source + ": ", source + ": "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, code := range []string{claimtrail.EINVALID, claimtrail.ETOOLARGE, claimtrail.ENOTFOUND, claimtrail.ECONFLICT, claimtrail.EINTERNAL} {
		s = strings.TrimPrefix(s, code+": ")
	}
	return strings.Join(strings.Fields(s), " ")
}
