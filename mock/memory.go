package mock

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

var (
	_ claimtrail.IngestStore       = (*Memory)(nil)
	_ claimtrail.ClusterStore      = (*Memory)(nil)
	_ claimtrail.ClusterMaintainer = (*Memory)(nil)
)

// defaultLimit is the page size when a filter asks for none, as in the
// real stores.
const defaultLimit = 50

// Memory is an in-memory claimtrail.Store and ClusterStore. Orders are
// stable (articles by published time then id, attributions by id,
// clusters as claimtrail.CompareClusterOrder has them) and cursors are opaque strings, as
// the interfaces promise. Clusters are whatever ClusterID the stored
// attributions carry: Memory does not cluster, it only aggregates. It is
// safe for concurrent use.
type Memory struct {
	mu        sync.RWMutex
	articles  []*claimtrail.Article // by id (index = id-1; nil when replaced)
	byKey     map[string]int64      // URL or text hash → article id
	rows      []claimtrail.AttributionRow
	speakers  map[string]*claimtrail.Speaker // lower-case name → speaker
	errors    []claimtrail.IngestError
	nextAttID int64
	clusters  []claimtrail.Cluster // cache, nil when stale
	pending   bool                 // an article changed since RefreshClusters
	nextErrID int64
}

// NewMemory returns an empty store.
func NewMemory() *Memory {
	return &Memory{byKey: map[string]int64{}, speakers: map[string]*claimtrail.Speaker{}}
}

// PutArticle stores a copy of a, keyed by URL or text hash.
func (m *Memory) PutArticle(ctx context.Context, a *claimtrail.Article) (claimtrail.PutOutcome, error) {
	res, err := m.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{a}})
	if err != nil {
		return "", err
	}
	if res[0].Err != nil {
		return "", res[0].Err
	}
	return res[0].Outcome, nil
}

// PutBatch stores the batch under one lock: articles that fail
// claimtrail.Article.Validate are recorded as errors and the rest stored,
// as the real stores do.
func (m *Memory) PutBatch(ctx context.Context, b claimtrail.Batch) ([]claimtrail.PutResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now().UTC()
	results := make([]claimtrail.PutResult, len(b.Articles))
	for i, a := range b.Articles {
		out, err := m.putLocked(a)
		if err != nil {
			results[i].Err = err
			m.recordLocked(claimtrail.IngestError{Source: a.Source, Reason: claimtrail.ErrorMessage(err), Time: now})
			continue
		}
		results[i] = claimtrail.PutResult{ID: a.ID, Outcome: out}
		m.clearErrorLocked(a.Source)
		if out != claimtrail.PutUnchanged {
			m.pending = true
		}
	}
	for _, src := range b.Unchanged {
		m.clearErrorLocked(src)
	}
	for _, e := range b.Errors {
		if e.Time.IsZero() {
			e.Time = now
		}
		m.recordLocked(e)
	}
	return results, nil
}

func (m *Memory) putLocked(a *claimtrail.Article) (claimtrail.PutOutcome, error) {
	if a == nil {
		return "", claimtrail.Errorf(claimtrail.EINVALID, "no article")
	}
	if err := a.Validate(); err != nil {
		return "", err
	}
	cp := *a
	cp.Hash = claimtrail.HashText(cp.Text)
	cp.Published = cp.Published.UTC()
	key := cp.URL
	if key == "" {
		key = "hash:" + cp.Hash
	}
	outcome := claimtrail.PutInserted
	id, ok := m.byKey[key]
	if a.ID != 0 {
		if a.ID < 1 || a.ID > int64(len(m.articles)) || m.articles[a.ID-1] == nil {
			return "", notFound("article", a.ID)
		}
		id, ok = a.ID, true
	}
	if ok {
		old := m.articles[id-1]
		if a.ID == 0 && old.Hash == cp.Hash && old.ExtractorVersion == cp.ExtractorVersion {
			a.ID, a.Hash = id, cp.Hash
			return claimtrail.PutUnchanged, nil
		}
		outcome = claimtrail.PutUpdated
		cp.ID = id
		m.rows = slices.DeleteFunc(m.rows, func(r claimtrail.AttributionRow) bool { return r.ArticleID == id })
	} else {
		cp.ID = int64(len(m.articles) + 1)
		m.articles = append(m.articles, nil)
		m.byKey[key] = cp.ID
	}
	cp.Attributions = slices.Clone(cp.Attributions)
	for i := range cp.Attributions {
		at := &cp.Attributions[i]
		m.nextAttID++
		at.ID = m.nextAttID
		at.ArticleID = cp.ID
		at.Speaker = m.speaker(at.Speaker)
		m.rows = append(m.rows, claimtrail.AttributionRow{
			Attribution: *at, ArticleSource: cp.Source, URL: cp.URL,
			Outlet: cp.Outlet, Published: cp.Published, Title: cp.Title,
		})
	}
	m.articles[cp.ID-1] = &cp
	m.clusters = nil
	a.ID, a.Hash = cp.ID, cp.Hash
	return outcome, nil
}

// LookupArticle finds the article a URL (or, without one, a text hash)
// names.
func (m *Memory) LookupArticle(ctx context.Context, url, hash string) (claimtrail.ArticleState, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	key := url
	if key == "" {
		key = "hash:" + hash
	}
	id, ok := m.byKey[key]
	if !ok {
		return claimtrail.ArticleState{}, notFound("article with url or hash", cmp.Or(url, hash))
	}
	a := m.articles[id-1]
	return claimtrail.ArticleState{ID: id, Hash: a.Hash, ExtractorVersion: a.ExtractorVersion}, nil
}

// StaleArticles lists articles after afterID whose extractor version
// differs from version (all when version is ""), without attributions.
func (m *Memory) StaleArticles(ctx context.Context, version string, afterID int64, limit int) ([]*claimtrail.Article, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	limit = pageLimit(limit)
	var out []*claimtrail.Article
	for _, a := range m.articles {
		if a == nil || a.ID <= afterID || version != "" && a.ExtractorVersion == version {
			continue
		}
		cp := *a
		cp.Attributions, cp.Markers = nil, nil
		out = append(out, &cp)
		if len(out) == limit {
			break
		}
	}
	return out, nil
}

// CountStale counts what StaleArticles would return in all.
func (m *Memory) CountStale(ctx context.Context, version string) (int, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n := 0
	for _, a := range m.articles {
		if a != nil && (version == "" || a.ExtractorVersion != version) {
			n++
		}
	}
	return n, nil
}

// ClustersPending reports whether an article was stored or replaced since
// the last RefreshClusters.
func (m *Memory) ClustersPending(ctx context.Context) (bool, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.pending, nil
}

// RefreshClusters clears the pending flag; Memory does not cluster (its
// clusters are the ClusterIDs the stored attributions carry).
func (m *Memory) RefreshClusters(ctx context.Context) (claimtrail.ClusterUpdate, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending = false
	m.clusters = nil
	return claimtrail.ClusterUpdate{Clusters: len(m.clusterList())}, nil
}

// speaker returns the stored speaker for sp's name (or an alias),
// creating it on first use; the empty name stays an unresolved speaker.
func (m *Memory) speaker(sp claimtrail.Speaker) claimtrail.Speaker {
	if sp.Name == "" || sp.Kind == claimtrail.SpeakerDescription {
		return sp // a description is local to its article
	}
	key := strings.ToLower(sp.Name)
	if s, ok := m.speakers[key]; ok {
		return *s
	}
	for _, s := range m.speakers {
		for _, al := range s.Aliases {
			if strings.EqualFold(al, sp.Name) {
				return *s
			}
		}
	}
	s := sp
	s.ID = int64(len(m.speakers) + 1)
	if s.Kind == "" {
		s.Kind = claimtrail.SpeakerUnknown
	}
	m.speakers[key] = &s
	return s
}

func notFound(what string, id any) error {
	return claimtrail.Errorf(claimtrail.ENOTFOUND, "%s %v not found", what, id)
}

// Article returns a copy of the article with its attributions.
func (m *Memory) Article(ctx context.Context, id int64) (*claimtrail.Article, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if id < 1 || id > int64(len(m.articles)) || m.articles[id-1] == nil {
		return nil, notFound("article", id)
	}
	cp := *m.articles[id-1]
	cp.Attributions = nil
	for _, r := range m.rows {
		if r.ArticleID == id {
			cp.Attributions = append(cp.Attributions, r.Attribution)
		}
	}
	return &cp, nil
}

// ArticleBySource finds an article by source, URL or id as text.
func (m *Memory) ArticleBySource(ctx context.Context, ref string) (*claimtrail.Article, error) {
	m.mu.RLock()
	var found int64
	for _, a := range m.articles {
		if a != nil && (a.Source == ref || a.URL == ref || strconv.FormatInt(a.ID, 10) == ref) {
			found = a.ID
			break
		}
	}
	m.mu.RUnlock()
	if found == 0 {
		return nil, notFound("article", ref)
	}
	return m.Article(ctx, found)
}

// cursor turns the position after which a page starts into text.
func cursor(id int64) string { return "c" + strconv.FormatInt(id, 10) }

// parseCursor reads a cursor; "" is the start.
func parseCursor(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(s, "c"), 10, 64)
	if err != nil || !strings.HasPrefix(s, "c") || n < 0 {
		return 0, claimtrail.Errorf(claimtrail.EINVALID, "bad cursor %q", s)
	}
	return n, nil
}

func pageLimit(n int) int {
	if n <= 0 {
		return defaultLimit
	}
	return n
}

// Articles lists articles by id (ingest order) after the cursor.
func (m *Memory) Articles(ctx context.Context, f claimtrail.ArticleFilter) ([]*claimtrail.Article, string, error) {
	after, err := parseCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	limit := pageLimit(f.Limit)
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []*claimtrail.Article
	for _, a := range m.articles {
		if a == nil || a.ID <= after {
			continue
		}
		if f.Outlet != "" && !strings.EqualFold(a.Outlet, f.Outlet) ||
			!inRange(a.Published, f.Since, f.Until) {
			continue
		}
		if len(out) == limit {
			return out, cursor(out[len(out)-1].ID), nil
		}
		cp := *a
		cp.Attributions = nil
		out = append(out, &cp)
	}
	return out, "", nil
}

// inRange reports whether t is within [since, until]; an unknown time
// only passes when there are no bounds.
func inRange(t, since, until time.Time) bool {
	if !since.IsZero() && (t.IsZero() || t.Before(since)) {
		return false
	}
	if !until.IsZero() && (t.IsZero() || t.After(until)) {
		return false
	}
	return true
}

func (m *Memory) match(r *claimtrail.AttributionRow, f *claimtrail.AttributionFilter) bool {
	switch {
	case f.ArticleID != 0 && r.ArticleID != f.ArticleID,
		f.SpeakerID != 0 && r.Speaker.ID != f.SpeakerID,
		f.ClusterID != 0 && r.ClusterID != f.ClusterID,
		f.Kind != "" && r.Kind != f.Kind,
		f.Outlet != "" && !strings.EqualFold(r.Outlet, f.Outlet),
		f.Channel != "" && !strings.EqualFold(string(r.Channel), f.Channel),
		!inRange(r.Published, f.Since, f.Until):
		return false
	}
	if f.Speaker != "" && !strings.EqualFold(r.Speaker.Name, f.Speaker) &&
		!slices.ContainsFunc(r.Speaker.Aliases, func(a string) bool { return strings.EqualFold(a, f.Speaker) }) {
		return false
	}
	if f.Marker != "" && !slices.ContainsFunc(r.Markers, func(mk claimtrail.Marker) bool { return mk.Type == f.Marker }) {
		return false
	}
	return true
}

// Attributions lists rows by attribution id after the cursor.
func (m *Memory) Attributions(ctx context.Context, f claimtrail.AttributionFilter) ([]claimtrail.AttributionRow, string, error) {
	after, err := parseCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	limit := pageLimit(f.Limit)
	m.mu.RLock()
	defer m.mu.RUnlock()
	start, _ := slices.BinarySearchFunc(m.rows, after+1, func(r claimtrail.AttributionRow, id int64) int { return cmp.Compare(r.ID, id) })
	out := []claimtrail.AttributionRow{}
	for i := start; i < len(m.rows); i++ {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		r := &m.rows[i]
		if !m.match(r, &f) {
			continue
		}
		if len(out) == limit {
			return out, cursor(out[len(out)-1].ID), nil
		}
		out = append(out, *r)
	}
	return out, "", nil
}

// Search matches every word of q, case-insensitively, in quote content
// (hits with the attribution), or with f.InArticles in article titles and
// text (hits with Attribution.ID 0).
func (m *Memory) Search(ctx context.Context, q string, f claimtrail.AttributionFilter) ([]claimtrail.SearchHit, error) {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "empty search")
	}
	limit := pageLimit(f.Limit)
	m.mu.RLock()
	defer m.mu.RUnlock()
	hits := []claimtrail.SearchHit{}
	if f.InArticles {
		return m.searchArticles(words, f, limit), nil
	}
	for i := range m.rows {
		r := &m.rows[i]
		if !m.match(r, &f) {
			continue
		}
		text := r.ContentText()
		if containsAll(strings.ToLower(text), words) {
			snip, matches := splitSnippet(snippet(text, words))
			hits = append(hits, claimtrail.SearchHit{AttributionRow: *r, Snippet: snip, Matches: matches, Rank: 1})
			if len(hits) == limit {
				return hits, nil
			}
		}
	}
	return hits, nil
}

// searchArticles matches article titles and texts; attribution filters
// keep articles with at least one matching attribution.
func (m *Memory) searchArticles(words []string, f claimtrail.AttributionFilter, limit int) []claimtrail.SearchHit {
	hits := []claimtrail.SearchHit{}
	attFilter := f
	attFilter.Outlet, attFilter.Since, attFilter.Until = "", time.Time{}, time.Time{}
	hasAttFilter := f.Speaker != "" || f.SpeakerID != 0 || f.Kind != "" || f.Marker != "" || f.Channel != "" || f.ClusterID != 0
	for _, a := range m.articles {
		if a == nil || f.Outlet != "" && !strings.EqualFold(a.Outlet, f.Outlet) || !inRange(a.Published, f.Since, f.Until) {
			continue
		}
		if hasAttFilter && !slices.ContainsFunc(m.rows, func(r claimtrail.AttributionRow) bool { return r.ArticleID == a.ID && m.match(&r, &attFilter) }) {
			continue
		}
		if containsAll(strings.ToLower(a.Title+"\n"+a.Text), words) {
			hits = append(hits, claimtrail.SearchHit{
				AttributionRow: claimtrail.AttributionRow{
					Attribution:   claimtrail.Attribution{ArticleID: a.ID},
					ArticleSource: a.Source, URL: a.URL, Outlet: a.Outlet, Published: a.Published, Title: a.Title,
				},
				Rank: 0.5,
			})
			hits[len(hits)-1].Snippet, hits[len(hits)-1].Matches = splitSnippet(snippet(a.Text, words))
			if len(hits) == limit {
				break
			}
		}
	}
	return hits
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// snippet returns up to ~160 code points around the first match with
// every match wrapped in [ and ], as the CLI shows them.
// splitSnippet turns snippet's [ ] marks into plain text and match
// offsets, as stores return them.
func splitSnippet(s string) (string, []claimtrail.Span) {
	var b []rune
	matches := []claimtrail.Span{}
	start := -1
	for _, r := range s {
		switch {
		case r == '[' && start < 0:
			start = len(b)
		case r == ']' && start >= 0:
			matches = append(matches, claimtrail.Span{Start: start, End: len(b), Text: string(b[start:])})
			start = -1
		default:
			b = append(b, r)
		}
	}
	return string(b), matches
}

func snippet(text string, words []string) string {
	lower := strings.ToLower(text)
	if len(lower) != len(text) { // case mapping changed byte lengths: no marks
		return text
	}
	first := strings.Index(lower, words[0])
	from := max(0, first-60)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	to := min(len(text), from+160)
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	seg, lseg := text[from:to], lower[from:to]
	for i := 0; i < len(seg); {
		matched := ""
		for _, w := range words {
			if strings.HasPrefix(lseg[i:], w) && len(w) > len(matched) {
				matched = w
			}
		}
		if matched != "" {
			b.WriteString("[" + seg[i:i+len(matched)] + "]")
			i += len(matched)
			continue
		}
		b.WriteByte(seg[i])
		i++
	}
	if to < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// Speakers lists speakers whose name or alias contains name, by
// attribution count then id.
func (m *Memory) Speakers(ctx context.Context, name string, limit int) ([]claimtrail.SpeakerStat, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	stats := m.speakerStats()
	out := []claimtrail.SpeakerStat{}
	q := strings.ToLower(name)
	for _, s := range stats {
		if q != "" && !strings.Contains(strings.ToLower(s.Name), q) &&
			!slices.ContainsFunc(s.Aliases, func(a string) bool { return strings.Contains(strings.ToLower(a), q) }) {
			continue
		}
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b claimtrail.SpeakerStat) int {
		return cmp.Or(cmp.Compare(b.Attributions, a.Attributions), cmp.Compare(a.ID, b.ID))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Speaker returns one speaker's counts.
func (m *Memory) Speaker(ctx context.Context, id int64) (*claimtrail.SpeakerStat, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if s, ok := m.speakerStats()[id]; ok {
		outlets, channels := map[string]int{}, map[string]int{}
		for i := range m.rows {
			if r := &m.rows[i]; r.Speaker.ID == id {
				if r.Outlet != "" {
					outlets[r.Outlet]++
				}
				if r.Channel != "" {
					channels[string(r.Channel)]++
				}
			}
		}
		s.TopOutlets, s.Channels = claimtrail.TopNameCounts(outlets, claimtrail.TopOutlets), claimtrail.TopNameCounts(channels, len(channels))
		return s, nil
	}
	return nil, notFound("speaker", id)
}

func (m *Memory) speakerStats() map[int64]*claimtrail.SpeakerStat {
	stats := map[int64]*claimtrail.SpeakerStat{}
	for _, s := range m.speakers {
		stats[s.ID] = &claimtrail.SpeakerStat{Speaker: *s}
	}
	arts := map[int64]map[int64]bool{}
	outlets := map[int64]map[string]bool{}
	for i := range m.rows {
		r := &m.rows[i]
		s, ok := stats[r.Speaker.ID]
		if !ok {
			continue
		}
		s.Attributions++
		if arts[s.ID] == nil {
			arts[s.ID], outlets[s.ID] = map[int64]bool{}, map[string]bool{}
		}
		arts[s.ID][r.ArticleID] = true
		if r.Outlet != "" {
			outlets[s.ID][r.Outlet] = true
		}
		if !r.Published.IsZero() {
			if s.FirstSeen.IsZero() || r.Published.Before(s.FirstSeen) {
				s.FirstSeen = r.Published
			}
			if r.Published.After(s.LastSeen) {
				s.LastSeen = r.Published
			}
		}
	}
	for id, s := range stats {
		s.Articles, s.Outlets = len(arts[id]), len(outlets[id])
	}
	return stats
}

// RecordError records an ingest error, replacing the source's earlier one.
func (m *Memory) RecordError(ctx context.Context, e claimtrail.IngestError) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	m.recordLocked(e)
	return nil
}

func (m *Memory) recordLocked(e claimtrail.IngestError) {
	if e.Source == "" {
		e.Source = "(unknown)"
	}
	m.clearErrorLocked(e.Source)
	m.nextErrID++
	e.ID = m.nextErrID
	m.errors = append(m.errors, e)
}

func (m *Memory) clearErrorLocked(source string) {
	m.errors = slices.DeleteFunc(m.errors, func(e claimtrail.IngestError) bool { return e.Source == source })
}

// Errors lists ingest errors, the most recent first.
func (m *Memory) Errors(ctx context.Context, limit int) ([]claimtrail.IngestError, error) {
	if limit < 0 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "limit must not be negative (got %d)", limit)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := slices.Clone(m.errors)
	slices.SortStableFunc(out, func(a, b claimtrail.IngestError) int {
		return cmp.Or(b.Time.Compare(a.Time), cmp.Compare(a.ID, b.ID))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Stats counts what is stored.
func (m *Memory) Stats(ctx context.Context) (claimtrail.Stats, error) {
	m.mu.Lock() // may fill the cluster cache
	defer m.mu.Unlock()
	st := claimtrail.Stats{Attributions: len(m.rows), Speakers: len(m.speakers), Errors: len(m.errors)}
	outlets := map[string]bool{}
	for _, a := range m.articles {
		if a != nil {
			st.Articles++
			if a.Outlet != "" {
				outlets[strings.ToLower(a.Outlet)] = true
			}
		}
	}
	st.Outlets = len(outlets)
	st.Clusters = len(m.clusterList())
	return st, nil
}

// Close does nothing.
func (m *Memory) Close() error { return nil }

// clusterList aggregates the stored ClusterIDs into clusters ordered by
// article count (descending) then id, with members by time. Callers hold
// the write lock.
func (m *Memory) clusterList() []claimtrail.Cluster {
	if m.clusters != nil {
		return m.clusters
	}
	byID := map[int64]*claimtrail.Cluster{}
	for i := range m.rows {
		r := &m.rows[i]
		if r.ClusterID == 0 {
			continue
		}
		c := byID[r.ClusterID]
		if c == nil {
			c = &claimtrail.Cluster{ID: r.ClusterID}
			byID[r.ClusterID] = c
		}
		text := r.ContentText()
		if utf8.RuneCountInString(text) > utf8.RuneCountInString(c.Text) {
			c.Text = text
		}
		mem := claimtrail.ClusterMember{
			AttributionID: r.ID, ArticleID: r.ArticleID, Source: r.ArticleSource,
			Outlet: r.Outlet, Published: r.Published, Text: text, Speaker: r.Speaker.Name, SpeakerID: r.Speaker.ID, SpeakerKind: r.Speaker.Kind, Markers: r.Markers,
		}
		if len(r.Content) > 0 {
			mem.Start, mem.End = r.Content[0].Start, r.Content[len(r.Content)-1].End
		}
		c.Members = append(c.Members, mem)
	}
	out := make([]claimtrail.Cluster, 0, len(byID))
	for _, c := range byID {
		slices.SortStableFunc(c.Members, func(a, b claimtrail.ClusterMember) int {
			return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.Outlet, b.Outlet), cmp.Compare(a.AttributionID, b.AttributionID))
		})
		arts, outlets := map[int64]bool{}, map[string]bool{}
		var votes claimtrail.SpeakerVotes
		markerOutlets := map[claimtrail.MarkerType]map[string]bool{}
		for _, mem := range c.Members {
			arts[mem.ArticleID] = true
			outlets[mem.Outlet] = true
			votes.Add(mem.Speaker, mem.SpeakerKind)
			for _, mk := range mem.Markers {
				if markerOutlets[mk.Type] == nil {
					markerOutlets[mk.Type] = map[string]bool{}
				}
				markerOutlets[mk.Type][mem.Outlet] = true
			}
		}
		c.Articles, c.Outlets = len(arts), len(outlets)
		c.Speakers, c.Speaker = votes.Speakers(), votes.Majority()
		for i := range c.Speakers {
			for _, mem := range c.Members {
				if mem.Speaker == c.Speakers[i].Name && mem.SpeakerID != 0 {
					c.Speakers[i].ID = mem.SpeakerID
				}
			}
			if c.Speakers[i].Name == c.Speaker.Name {
				c.Speaker.ID = c.Speakers[i].ID
			}
		}
		c.PossibleMisattrib = len(c.Speakers) > 1
		if len(c.Members) > 0 {
			c.FirstSeen, c.FirstOutlet = c.Members[0].Published, c.Members[0].Outlet
		}
		if len(markerOutlets) > 0 {
			c.MarkerCounts = map[claimtrail.MarkerType]int{}
			for t, o := range markerOutlets {
				c.MarkerCounts[t] = len(o)
			}
		}
		out = append(out, *c)
	}
	slices.SortFunc(out, claimtrail.CompareClusterOrder)
	m.clusters = out
	return out
}

// Clusters lists clusters without members, after the cursor (a position
// in the ordering).
func (m *Memory) Clusters(ctx context.Context, f claimtrail.ClusterFilter) ([]claimtrail.Cluster, string, error) {
	pos, err := parseCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	limit := pageLimit(f.Limit)
	m.mu.Lock()
	defer m.mu.Unlock()
	words := strings.Fields(strings.ToLower(f.Query))
	out := []claimtrail.Cluster{}
	all := m.clusterList()
	for i := int(pos); i < len(all); i++ {
		c := all[i]
		if c.Articles < f.MinArticles || !containsAll(strings.ToLower(c.Text), words) ||
			f.Speaker != "" && !c.HasSpeaker(f.Speaker) {
			continue
		}
		if len(out) == limit {
			return out, cursor(int64(i)), nil
		}
		c.Members = nil
		out = append(out, c)
	}
	return out, "", nil
}

// Cluster returns one cluster with its members.
func (m *Memory) Cluster(ctx context.Context, id int64) (*claimtrail.Cluster, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, c := range m.clusterList() {
		if c.ID == id {
			c.Members = slices.Clone(c.Members)
			return &c, nil
		}
	}
	return nil, notFound("cluster", id)
}
