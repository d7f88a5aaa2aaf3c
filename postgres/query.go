package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
)

const (
	// defaultLimit is the page size when a filter gives none.
	defaultLimit = 50
	// maxLimit caps a page, so that one request cannot read the store.
	maxLimit = 1000
)

func pageLimit(n int) (int, error) {
	switch {
	case n < 0:
		return 0, claimtrail.Errorf(claimtrail.EINVALID, "limit must not be negative (got %d)", n)
	case n == 0:
		return defaultLimit, nil
	case n > maxLimit:
		return 0, claimtrail.Errorf(claimtrail.EINVALID, "limit must be at most %d (got %d)", maxLimit, n)
	}
	return n, nil
}

// args collects query parameters and hands out their placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// conditions are WHERE clauses from a filter: on the article (alias ar)
// and on the attribution (alias a). Placeholders are numbered into a.
type conditions struct {
	article, attribution []string
}

func buildConditions(f claimtrail.AttributionFilter, a *args) (conditions, error) {
	var c conditions
	if f.ArticleID < 0 || f.SpeakerID < 0 || f.ClusterID < 0 {
		return c, claimtrail.Errorf(claimtrail.EINVALID, "ids must be positive")
	}
	if f.ArticleID != 0 {
		c.article = append(c.article, `ar.id = `+a.add(f.ArticleID))
	}
	if f.Outlet != "" {
		c.article = append(c.article, `lower(ar.outlet) = lower(`+a.add(f.Outlet)+`::text COLLATE "C")`)
	}
	if !f.Since.IsZero() {
		c.article = append(c.article, `ar.published >= `+a.add(f.Since.UTC()))
	}
	if !f.Until.IsZero() {
		c.article = append(c.article, `ar.published < `+a.add(f.Until.UTC()))
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Until.After(f.Since) {
		return c, claimtrail.Errorf(claimtrail.EINVALID, "until (%s) must be after since (%s)", f.Until.Format(time.RFC3339), f.Since.Format(time.RFC3339))
	}
	if f.Speaker != "" {
		p := a.add(strings.TrimSpace(f.Speaker))
		c.attribution = append(c.attribution, `a.speaker_id IN (SELECT id FROM speakers WHERE name_key = lower(`+p+`::text COLLATE "C")
			UNION SELECT speaker_id FROM speaker_aliases WHERE alias_key = lower(`+p+`::text COLLATE "C"))`)
	}
	if f.SpeakerID != 0 {
		c.attribution = append(c.attribution, `a.speaker_id = `+a.add(f.SpeakerID))
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return c, claimtrail.Errorf(claimtrail.EINVALID, "unknown kind %q (want one of %s)", f.Kind, strings.Join(claimtrail.Strings(claimtrail.Kinds), ", "))
		}
		c.attribution = append(c.attribution, `a.kind = `+a.add(string(f.Kind)))
	}
	if f.Marker != "" {
		if !f.Marker.Valid() {
			return c, claimtrail.Errorf(claimtrail.EINVALID, "unknown marker %q (want one of %s)", f.Marker, strings.Join(claimtrail.Strings(claimtrail.MarkerTypes), ", "))
		}
		c.attribution = append(c.attribution, `EXISTS (SELECT 1 FROM markers m WHERE m.attribution_id = a.id AND m.type = `+a.add(string(f.Marker))+`)`)
	}
	if f.Channel != "" {
		c.attribution = append(c.attribution, `lower(a.channel) = lower(`+a.add(f.Channel)+`::text COLLATE "C")`)
	}
	if f.ClusterID != 0 {
		// Any of the attribution's pieces may be in the cluster.
		n := a.add(f.ClusterID)
		c.attribution = append(c.attribution, `(a.cluster_id = `+n+` OR a.id IN (SELECT attribution_id FROM cluster_members WHERE cluster_id = `+n+`))`)
	}
	return c, nil
}

// attributionColumns are read by scanRow, in order.
const attributionColumns = `a.id, a.article_id, a.kind, a.source_start, a.source_end, a.source_text,
	a.cue_start, a.cue_end, a.cue_text, a.content, a.speaker_id, coalesce(sp.name, ''), coalesce(sp.kind, ''),
	coalesce(sp.external_id, ''), a.channel, a.confidence, a.flags::text, a.cluster_id, a.sort_key,
	ar.source, ar.url, ar.outlet, ar.published, ar.title`

const attributionFrom = ` FROM attributions a JOIN articles ar ON ar.id = a.article_id LEFT JOIN speakers sp ON sp.id = a.speaker_id`

func scanRow(sc pgx.Row) (claimtrail.AttributionRow, string, error) {
	var (
		r                         claimtrail.AttributionRow
		srcStart, srcEnd          *int32
		cueStart, cueEnd          *int32
		srcText, cueText, url     *string
		speakerID, clusterID      *int64
		content, flags, key       string
		published                 *time.Time
		speakerKind, speakerName  string
		kind, channel, externalID string
	)
	if err := sc.Scan(&r.ID, &r.ArticleID, &kind, &srcStart, &srcEnd, &srcText,
		&cueStart, &cueEnd, &cueText, &content, &speakerID, &speakerName, &speakerKind,
		&externalID, &channel, &r.Confidence, &flags, &clusterID, &key,
		&r.ArticleSource, &url, &r.Outlet, &published, &r.Title); err != nil {
		return r, "", err
	}
	r.Kind, r.Channel, r.Speaker.ExternalID = claimtrail.Kind(kind), claimtrail.Channel(channel), externalID
	if srcStart != nil {
		r.Source = &claimtrail.Span{Start: int(*srcStart), End: int(deref(srcEnd)), Text: derefS(srcText)}
	}
	if cueStart != nil {
		r.Cue = &claimtrail.Span{Start: int(*cueStart), End: int(deref(cueEnd)), Text: derefS(cueText)}
	}
	if speakerID != nil {
		r.Speaker.ID = *speakerID
	}
	r.Speaker.Name = speakerName
	r.Speaker.Kind = claimtrail.SpeakerKind(speakerKind)
	if r.Speaker.Kind == "" {
		r.Speaker.Kind = claimtrail.SpeakerUnknown
	}
	if clusterID != nil {
		r.ClusterID = *clusterID
	}
	r.URL = derefS(url)
	if err := json.Unmarshal([]byte(flags), &r.Flags); err != nil {
		return r, "", fmt.Errorf("attribution %d flags %q: %w", r.ID, flags, err)
	}
	r.Flags = claimtrail.TakeDescription(r.Flags, &r.Speaker)
	if len(r.Flags) == 0 {
		r.Flags = nil
	}
	r.Published = fromNull(published)
	r.Content = []claimtrail.Span{{Text: content}}
	r.AccordingTo = []string{}
	r.Markers = []claimtrail.Marker{}
	return r, key, nil
}

func deref(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}

func derefS(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Attributions implements claimtrail.Store: rows by their article's
// published time (unknown last), then id.
func (s *Store) Attributions(ctx context.Context, f claimtrail.AttributionFilter) ([]claimtrail.AttributionRow, string, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, "", err
	}
	return s.attributions(ctx, f, limit)
}

// attributions lists a page of at most limit rows (all when limit < 0).
func (s *Store) attributions(ctx context.Context, f claimtrail.AttributionFilter, limit int) ([]claimtrail.AttributionRow, string, error) {
	var a args
	c, err := buildConditions(f, &a)
	if err != nil {
		return nil, "", err
	}
	where := append(append([]string{}, c.article...), c.attribution...)
	if f.After != "" {
		cur, err := claimtrail.DecodeCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		where = append(where, `(a.sort_key, a.id) > (`+a.add(cur.Key)+`::text COLLATE "C", `+a.add(cur.ID)+`)`)
	}
	q := `SELECT ` + attributionColumns + attributionFrom
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY a.sort_key, a.id`
	if limit >= 0 {
		q += ` LIMIT ` + a.add(limit+1)
	}
	var (
		out  []claimtrail.AttributionRow
		keys []string
	)
	err = s.each(ctx, q, a, func(row pgx.Row) error {
		r, key, err := scanRow(row)
		if err != nil {
			return err
		}
		out = append(out, r)
		keys = append(keys, key)
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("list attributions: %w", err)
	}
	next := ""
	if limit >= 0 && len(out) > limit {
		out = out[:limit]
		next = claimtrail.Cursor{Key: keys[limit-1], ID: out[limit-1].ID}.Encode()
	}
	if err := s.fillDetails(ctx, out); err != nil {
		return nil, "", err
	}
	if out == nil {
		out = []claimtrail.AttributionRow{}
	}
	return out, next, nil
}

// each runs a read query, retrying it while the server is unreachable,
// and calls fn for every row. fn must tolerate being called again for the
// same rows after a retry, which only happens when the first attempt
// failed before any row was read.
func (s *Store) each(ctx context.Context, q string, a []any, fn func(pgx.Row) error) error {
	return s.retry(ctx, func() error {
		rows, err := s.pool.Query(ctx, q, a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows); err != nil {
				return noRetry{err}
			}
		}
		return rows.Err()
	})
}

// noRetry wraps an error that must not be retried (rows were consumed).
type noRetry struct{ err error }

func (e noRetry) Error() string { return e.err.Error() }
func (e noRetry) Unwrap() error { return e.err }

// fillDetails reads the content pieces, markers, relays and speaker
// aliases of rows, a few queries per page rather than per row.
func (s *Store) fillDetails(ctx context.Context, rows []claimtrail.AttributionRow) error {
	if len(rows) == 0 {
		return nil
	}
	byID := make(map[int64]*claimtrail.AttributionRow, len(rows))
	ids := make([]int64, 0, len(rows))
	var speakerIDs []int64
	seenSpeaker := map[int64]bool{}
	for i := range rows {
		r := &rows[i]
		if r.ID == 0 {
			continue
		}
		byID[r.ID] = r
		ids = append(ids, r.ID)
		if r.Speaker.ID != 0 && !seenSpeaker[r.Speaker.ID] {
			seenSpeaker[r.Speaker.ID] = true
			speakerIDs = append(speakerIDs, r.Speaker.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	// The four reads go in one batch: one round trip, where each apart
	// waited for its turn on a busy server.
	contents := map[int64][]claimtrail.Span{}
	aliases := map[int64][]string{}
	qs := []batchQuery{
		{`SELECT attribution_id, span_start, span_end, text FROM content_spans WHERE attribution_id = ANY($1) ORDER BY attribution_id, ord`, args{ids},
			"content spans", func(sc pgx.Row) error {
				var id int64
				var start, end int32
				var text string
				if err := sc.Scan(&id, &start, &end, &text); err != nil {
					return err
				}
				contents[id] = append(contents[id], claimtrail.Span{Start: int(start), End: int(end), Text: text})
				return nil
			}},
		{`SELECT attribution_id, type, span_start, span_end, text FROM markers WHERE attribution_id = ANY($1) ORDER BY attribution_id, span_start, id`, args{ids},
			"markers", func(sc pgx.Row) error {
				var id int64
				m, err := scanMarker(sc, &id)
				if err != nil {
					return err
				}
				byID[id].Markers = append(byID[id].Markers, m)
				return nil
			}},
		{`SELECT attribution_id, relay FROM according_to WHERE attribution_id = ANY($1) ORDER BY attribution_id, ord`, args{ids},
			"according to", func(sc pgx.Row) error {
				var id int64
				var relay string
				if err := sc.Scan(&id, &relay); err != nil {
					return err
				}
				byID[id].AccordingTo = append(byID[id].AccordingTo, relay)
				return nil
			}},
	}
	if len(speakerIDs) > 0 {
		qs = append(qs, batchQuery{aliasesQuery, args{speakerIDs}, "speaker aliases", aliasScanner(aliases)})
	}
	if err := s.eachBatch(ctx, qs); err != nil {
		return err
	}
	for id, c := range contents {
		byID[id].Content = c
	}
	for _, r := range byID {
		r.Quotes = claimtrail.VerbatimQuotes(r.Kind, r.Content)
	}
	if len(speakerIDs) == 0 {
		return nil
	}
	for i := range rows {
		rows[i].Speaker.Aliases = aliases[rows[i].Speaker.ID]
	}
	return nil
}

// batchQuery is one query of eachBatch: its SQL and arguments, what it
// reads (for errors) and the function called for each row.
type batchQuery struct {
	q    string
	a    args
	what string
	fn   func(pgx.Row) error
}

// eachBatch runs queries in one batch (one round trip), calling each
// one's fn for its rows in order. It is retried as each is only while
// no row was read, so that no fn sees a row twice.
func (s *Store) eachBatch(ctx context.Context, qs []batchQuery) error {
	read := false
	return s.retry(ctx, func() error {
		if read {
			return noRetry{errors.New("batch failed after rows were read")}
		}
		b := &pgx.Batch{}
		for _, q := range qs {
			b.Queue(q.q, q.a...)
		}
		br := s.pool.SendBatch(ctx, b)
		defer br.Close()
		for _, q := range qs {
			rows, err := br.Query()
			if err != nil {
				return wrapRead(read, q.what, err)
			}
			for rows.Next() {
				read = true
				if err := q.fn(rows); err != nil {
					rows.Close()
					return noRetry{fmt.Errorf("%s: %w", q.what, err)}
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return wrapRead(read, q.what, err)
			}
		}
		return wrapRead(read, "batch", br.Close())
	})
}

// wrapRead names what failed, and keeps an error after rows were read
// from being retried.
func wrapRead(read bool, what string, err error) error {
	if err == nil {
		return nil
	}
	err = fmt.Errorf("%s: %w", what, err)
	if read {
		return noRetry{err}
	}
	return err
}

// scanMarker reads (owner id, type, start, end, text).
func scanMarker(sc pgx.Row, owner *int64) (claimtrail.Marker, error) {
	var m claimtrail.Marker
	var typ, text string
	var start, end int32
	if err := sc.Scan(owner, &typ, &start, &end, &text); err != nil {
		return m, err
	}
	m.Type, m.Start, m.End, m.Text = claimtrail.MarkerType(typ), int(start), int(end), text
	return m, nil
}

func (s *Store) aliases(ctx context.Context, speakerIDs []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if err := s.each(ctx, aliasesQuery, args{speakerIDs}, aliasScanner(out)); err != nil {
		return nil, fmt.Errorf("speaker aliases: %w", err)
	}
	return out, nil
}

// aliasesQuery reads the aliases of the speakers $1 (see aliasScanner).
const aliasesQuery = `SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id = ANY($1) ORDER BY speaker_id, alias_key`

// aliasScanner adds a row of aliasesQuery to out.
func aliasScanner(out map[int64][]string) func(pgx.Row) error {
	return func(sc pgx.Row) error {
		var id int64
		var alias string
		if err := sc.Scan(&id, &alias); err != nil {
			return err
		}
		out[id] = append(out[id], alias)
		return nil
	}
}

// articleColumns are read by scanArticle, in order.
const articleColumns = `ar.id, ar.source, ar.url, ar.outlet, ar.published, ar.title, ar.author, ar.text, ar.hash, ar.extractor_version, ar.language`

func scanArticle(sc pgx.Row, extra ...any) (*claimtrail.Article, error) {
	var (
		a         claimtrail.Article
		url       *string
		published *time.Time
	)
	dest := []any{&a.ID, &a.Source, &url, &a.Outlet, &published, &a.Title, &a.Author, &a.Text, &a.Hash, &a.ExtractorVersion, &a.Language}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	a.URL = derefS(url)
	a.Published = fromNull(published)
	return &a, nil
}

// Article implements claimtrail.Store: the article with its attributions
// (in extraction order) and article-level markers.
func (s *Store) Article(ctx context.Context, id int64) (*claimtrail.Article, error) {
	var a *claimtrail.Article
	err := s.each(ctx, `SELECT `+articleColumns+` FROM articles ar WHERE ar.id = $1`, args{id}, func(row pgx.Row) error {
		var err error
		a, err = scanArticle(row)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	if a == nil {
		return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "article %d not found", id)
	}
	rows, _, err := s.attributions(ctx, claimtrail.AttributionFilter{ArticleID: id}, -1)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	a.Attributions = make([]claimtrail.Attribution, len(rows))
	for i := range rows {
		a.Attributions[i] = rows[i].Attribution
	}
	a.Markers = []claimtrail.Marker{}
	err = s.each(ctx, `SELECT 0::bigint, type, span_start, span_end, text FROM markers WHERE article_id = $1 AND attribution_id IS NULL ORDER BY span_start, id`, args{id},
		func(sc pgx.Row) error {
			var owner int64
			m, err := scanMarker(sc, &owner)
			a.Markers = append(a.Markers, m)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("article %d markers: %w", id, err)
	}
	return a, nil
}

// ArticleBySource implements claimtrail.Store: ref is an id, a URL or a
// source as given to ingest.
func (s *Store) ArticleBySource(ctx context.Context, ref string) (*claimtrail.Article, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "empty article reference")
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil && id > 0 {
		a, err := s.Article(ctx, id)
		if claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
			return a, err
		}
	}
	var id int64
	err := s.each(ctx, `SELECT id FROM (SELECT id, 0 AS pri FROM articles WHERE url = $1
		UNION ALL SELECT id, 1 FROM (SELECT id FROM articles WHERE source IN ($1, $2) ORDER BY id LIMIT 1) s) u
		ORDER BY pri LIMIT 1`, args{ref, filepath.Clean(ref)}, func(row pgx.Row) error { return row.Scan(&id) })
	if err != nil {
		return nil, fmt.Errorf("find article %q: %w", ref, err)
	}
	if id == 0 {
		return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "no article with id, url or source %q", ref)
	}
	return s.Article(ctx, id)
}

// Articles implements claimtrail.Store: articles by published time
// (unknown last), then id; Text is filled, Attributions are not.
func (s *Store) Articles(ctx context.Context, f claimtrail.ArticleFilter) ([]*claimtrail.Article, string, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, "", err
	}
	var (
		where []string
		a     args
	)
	if f.Outlet != "" {
		where = append(where, `lower(ar.outlet) = lower(`+a.add(f.Outlet)+`::text COLLATE "C")`)
	}
	if !f.Since.IsZero() {
		where = append(where, `ar.published >= `+a.add(f.Since.UTC()))
	}
	if !f.Until.IsZero() {
		where = append(where, `ar.published < `+a.add(f.Until.UTC()))
	}
	if f.After != "" {
		c, err := claimtrail.DecodeCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		where = append(where, `(ar.sort_key, ar.id) > (`+a.add(c.Key)+`::text COLLATE "C", `+a.add(c.ID)+`)`)
	}
	q := `SELECT ` + articleColumns + `, ar.sort_key FROM articles ar`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY ar.sort_key, ar.id LIMIT ` + a.add(limit+1)
	var (
		out  []*claimtrail.Article
		keys []string
	)
	err = s.each(ctx, q, a, func(row pgx.Row) error {
		var key string
		ar, err := scanArticle(row, &key)
		if err != nil {
			return err
		}
		out = append(out, ar)
		keys = append(keys, key)
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("list articles: %w", err)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = claimtrail.Cursor{Key: keys[limit-1], ID: out[limit-1].ID}.Encode()
	}
	return out, next, nil
}

// StaleArticles implements claimtrail.IngestStore.
func (s *Store) StaleArticles(ctx context.Context, version string, afterID int64, limit int) ([]*claimtrail.Article, error) {
	if limit <= 0 {
		limit = defaultLimit
	}
	a := args{afterID}
	q := `SELECT ` + articleColumns + ` FROM articles ar WHERE ar.id > $1`
	if version != "" {
		q += ` AND ar.extractor_version <> ` + a.add(version)
	}
	q += ` ORDER BY ar.id LIMIT ` + a.add(limit)
	var out []*claimtrail.Article
	err := s.each(ctx, q, a, func(row pgx.Row) error {
		ar, err := scanArticle(row)
		out = append(out, ar)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("stale articles: %w", err)
	}
	return out, nil
}

// CountStale is how many articles StaleArticles would return in all.
func (s *Store) CountStale(ctx context.Context, version string) (int, error) {
	q, a := `SELECT count(*) FROM articles`, args{}
	if version != "" {
		q += ` WHERE extractor_version <> ` + a.add(version)
	}
	var n int
	err := s.each(ctx, q, a, func(row pgx.Row) error { return row.Scan(&n) })
	if err != nil {
		return 0, fmt.Errorf("count stale articles: %w", err)
	}
	return n, nil
}

// Speakers implements claimtrail.Store: speakers whose name or an alias
// contains name (case-insensitive; all when empty), most quoted first,
// then by name.
func (s *Store) Speakers(ctx context.Context, name string, limit int) ([]claimtrail.SpeakerStat, error) {
	limit, err := pageLimit(limit)
	if err != nil {
		return nil, err
	}
	var a args
	q := `SELECT sp.id FROM speakers sp`
	if name = strings.TrimSpace(name); name != "" {
		like := a.add("%" + escapeLike(strings.ToLower(name)) + "%")
		q += ` WHERE sp.name_key LIKE ` + like + ` OR sp.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias_key LIKE ` + like + `)`
	}
	q += ` ORDER BY coalesce((SELECT sum(x.attributions) FROM speaker_channels x WHERE x.speaker_id = sp.id), 0) DESC, sp.name_key, sp.id LIMIT ` + a.add(limit)
	var ids []int64
	err = s.each(ctx, q, a, func(row pgx.Row) error {
		var id int64
		err := row.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	if len(ids) == 0 {
		return []claimtrail.SpeakerStat{}, nil
	}
	stats, err := s.speakerStats(ctx, speakerStatQuery+` WHERE sp.id = ANY($1)`+speakerStatGroup, args{ids})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]claimtrail.SpeakerStat, len(stats))
	for _, st := range stats {
		byID[st.ID] = st
	}
	out := make([]claimtrail.SpeakerStat, 0, len(ids))
	for _, id := range ids {
		if st, ok := byID[id]; ok {
			out = append(out, st)
		}
	}
	return out, nil
}

// Speaker implements claimtrail.Store: the speaker's summary, with its
// top outlets and channels, read from the speaker summary tables kept
// by triggers (migration 0003).
func (s *Store) Speaker(ctx context.Context, id int64) (*claimtrail.SpeakerStat, error) {
	// One statement, one round trip: the figures of speakerStatQuery, the
	// aliases, the top outlets and the channels (four queries, each a
	// wait for a turn on a busy server, when they were apart).
	q := `SELECT x.*,
		ARRAY(SELECT alias FROM speaker_aliases WHERE speaker_id = x.id ORDER BY alias_key),
		ARRAY(SELECT outlet FROM speaker_outlets WHERE speaker_id = x.id AND outlet <> '' ORDER BY attributions DESC, outlet COLLATE "C" LIMIT ` + strconv.Itoa(claimtrail.TopOutlets) + `),
		ARRAY(SELECT attributions FROM speaker_outlets WHERE speaker_id = x.id AND outlet <> '' ORDER BY attributions DESC, outlet COLLATE "C" LIMIT ` + strconv.Itoa(claimtrail.TopOutlets) + `),
		ARRAY(SELECT channel FROM speaker_channels WHERE speaker_id = x.id AND channel <> '' ORDER BY attributions DESC, channel COLLATE "C"),
		ARRAY(SELECT attributions FROM speaker_channels WHERE speaker_id = x.id AND channel <> '' ORDER BY attributions DESC, channel COLLATE "C")
		FROM (` + speakerStatQuery + ` WHERE sp.id = $1` + speakerStatGroup + `) x`
	var st *claimtrail.SpeakerStat
	err := s.each(ctx, q, args{id}, func(row pgx.Row) error {
		var (
			v                     claimtrail.SpeakerStat
			kind                  string
			first, last           *time.Time
			aliases, outlets, chs []string
			outletN, chN          []int
		)
		if err := row.Scan(&v.ID, &v.Name, &kind, &v.ExternalID, &v.Attributions, &v.Articles, &v.Outlets, &first, &last,
			&aliases, &outlets, &outletN, &chs, &chN); err != nil {
			return err
		}
		v.Kind = claimtrail.SpeakerKind(kind)
		v.FirstSeen, v.LastSeen = fromNull(first), fromNull(last)
		if len(aliases) > 0 {
			v.Aliases = aliases
		}
		v.TopOutlets, v.Channels = nameCounts(outlets, outletN), nameCounts(chs, chN)
		st = &v
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("speaker %d: %w", id, err)
	}
	if st == nil {
		return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "speaker %d not found", id)
	}
	return st, nil
}

// nameCounts pairs names with their counts (never nil).
func nameCounts(names []string, counts []int) []claimtrail.NameCount {
	out := make([]claimtrail.NameCount, 0, len(names))
	for i, n := range names {
		out = append(out, claimtrail.NameCount{Name: n, Attributions: counts[i]})
	}
	return out
}

// speakerStatQuery reads speakers' figures from the summary tables
// (migration 0003): a few index reads per speaker however many
// attributions it has. Callers add WHERE clauses on sp, then
// speakerStatGroup. The attributions are summed over
// speaker_channels (the same attributions as speaker_articles, a row per
// channel: a few per speaker, where speaker_articles has a row per
// article, thousands for the most quoted); listings order by it too.
const speakerStatQuery = `SELECT sp.id, sp.name, sp.kind, sp.external_id,
	coalesce((SELECT sum(x.attributions) FROM speaker_channels x WHERE x.speaker_id = sp.id), 0)::bigint,
	(SELECT count(*) FROM speaker_articles x WHERE x.speaker_id = sp.id),
	(SELECT count(*) FROM speaker_outlets x WHERE x.speaker_id = sp.id AND x.outlet <> ''),
	(SELECT min(x.published) FROM speaker_articles x WHERE x.speaker_id = sp.id AND x.published IS NOT NULL),
	(SELECT max(x.published) FROM speaker_articles x WHERE x.speaker_id = sp.id AND x.published IS NOT NULL)
	FROM speakers sp`

const speakerStatGroup = ``

func (s *Store) speakerStats(ctx context.Context, q string, a args) ([]claimtrail.SpeakerStat, error) {
	out := []claimtrail.SpeakerStat{}
	err := s.each(ctx, q, a, func(sc pgx.Row) error {
		var st claimtrail.SpeakerStat
		var kind string
		var first, last *time.Time
		if err := sc.Scan(&st.ID, &st.Name, &kind, &st.ExternalID, &st.Attributions, &st.Articles, &st.Outlets, &first, &last); err != nil {
			return err
		}
		st.Kind = claimtrail.SpeakerKind(kind)
		st.FirstSeen, st.LastSeen = fromNull(first), fromNull(last)
		out = append(out, st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	aliases, err := s.aliases(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Aliases = aliases[out[i].ID]
	}
	return out, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// RecordError implements claimtrail.Store: the source's earlier error, if
// any, is replaced.
func (s *Store) RecordError(ctx context.Context, e claimtrail.IngestError) error {
	_, err := s.PutBatch(ctx, claimtrail.Batch{Errors: []claimtrail.IngestError{e}})
	return err
}

// Errors implements claimtrail.Store: the most recent first.
func (s *Store) Errors(ctx context.Context, limit int) ([]claimtrail.IngestError, error) {
	if limit < 0 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "limit must not be negative (got %d)", limit)
	}
	var lim any
	if limit > 0 {
		lim = limit
	}
	out := []claimtrail.IngestError{}
	err := s.each(ctx, `SELECT id, source, reason, time FROM ingest_errors ORDER BY time DESC, id LIMIT $1`, args{lim},
		func(sc pgx.Row) error {
			var e claimtrail.IngestError
			if err := sc.Scan(&e.ID, &e.Source, &e.Reason, &e.Time); err != nil {
				return err
			}
			e.Time = e.Time.UTC()
			out = append(out, e)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("ingest errors: %w", err)
	}
	return out, nil
}

// Stats implements claimtrail.Store. Bytes is the database's size.
func (s *Store) Stats(ctx context.Context) (claimtrail.Stats, error) {
	var st claimtrail.Stats
	err := s.each(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM attributions),
		(SELECT count(*) FROM speakers),
		(SELECT count(*) FROM ingest_errors),
		(SELECT count(DISTINCT cluster_id) FROM attributions WHERE cluster_id IS NOT NULL),
		(SELECT count(DISTINCT lower(outlet)) FROM articles WHERE outlet <> ''),
		pg_database_size(current_database())`, nil, func(row pgx.Row) error {
		return row.Scan(&st.Articles, &st.Attributions, &st.Speakers, &st.Errors, &st.Clusters, &st.Outlets, &st.Bytes)
	})
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

var _ = errors.Is
