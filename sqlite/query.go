package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

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

// unknownTime sorts after every stored time, so undated items come last.
const unknownTime = "~"

// sortKey is the listing key of an article's published time.
func sortKey(t time.Time) string {
	if t.IsZero() {
		return unknownTime
	}
	return t.UTC().Format(timeLayout)
}

// sortKeyArticle is sortKey in SQL, over the articles alias ar.
const sortKeyArticle = `coalesce(ar.published, '~')`

// conditions are WHERE clauses built from a filter: those on the article
// (alias ar) and those on the attribution (alias a, speakers sp).
type conditions struct {
	article, attribution         []string
	articleArgs, attributionArgs []any
}

func (c *conditions) onArticle(clause string, args ...any) {
	c.article = append(c.article, clause)
	c.articleArgs = append(c.articleArgs, args...)
}

func (c *conditions) onAttribution(clause string, args ...any) {
	c.attribution = append(c.attribution, clause)
	c.attributionArgs = append(c.attributionArgs, args...)
}

func buildConditions(f claimtrail.AttributionFilter) (conditions, error) {
	var c conditions
	if f.ArticleID < 0 || f.SpeakerID < 0 || f.ClusterID < 0 {
		return c, claimtrail.Errorf(claimtrail.EINVALID, "ids must be positive")
	}
	if f.ArticleID != 0 {
		c.onArticle(`ar.id = ?`, f.ArticleID)
	}
	if f.Outlet != "" {
		c.onArticle(`ar.outlet = ? COLLATE NOCASE`, f.Outlet)
	}
	if !f.Since.IsZero() {
		c.onArticle(`ar.published >= ?`, formatTime(f.Since))
	}
	if !f.Until.IsZero() {
		c.onArticle(`ar.published < ?`, formatTime(f.Until))
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Until.After(f.Since) {
		return c, claimtrail.Errorf(claimtrail.EINVALID, "until (%s) must be after since (%s)", f.Until.Format(time.RFC3339), f.Since.Format(time.RFC3339))
	}
	if f.Speaker != "" {
		c.onAttribution(`a.speaker_id IN (SELECT id FROM speakers WHERE name = ? UNION SELECT speaker_id FROM speaker_aliases WHERE alias = ?)`,
			strings.TrimSpace(f.Speaker), strings.TrimSpace(f.Speaker))
	}
	if f.SpeakerID != 0 {
		c.onAttribution(`a.speaker_id = ?`, f.SpeakerID)
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return c, claimtrail.Errorf(claimtrail.EINVALID, "unknown kind %q (want one of %s)", f.Kind, strings.Join(claimtrail.Strings(claimtrail.Kinds), ", "))
		}
		c.onAttribution(`a.kind = ?`, string(f.Kind))
	}
	if f.Marker != "" {
		if !f.Marker.Valid() {
			return c, claimtrail.Errorf(claimtrail.EINVALID, "unknown marker %q (want one of %s)", f.Marker, strings.Join(claimtrail.Strings(claimtrail.MarkerTypes), ", "))
		}
		c.onAttribution(`EXISTS (SELECT 1 FROM markers m WHERE m.attribution_id = a.id AND m.type = ?)`, string(f.Marker))
	}
	if f.Channel != "" {
		c.onAttribution(`a.channel = ? COLLATE NOCASE`, f.Channel)
	}
	if f.ClusterID != 0 {
		// Any of the attribution's pieces may be in the cluster (its
		// cluster_id, the first piece's cluster, is not indexed).
		c.onAttribution(`a.id IN (SELECT attribution_id FROM cluster_members WHERE cluster_seq IN `+clusterSeqOf+`)`, f.ClusterID, f.ClusterID)
	}
	return c, nil
}

// attributionColumns are read by scanRow, in order.
const attributionColumns = `a.id, a.article_id, a.kind, a.source_start, a.source_end, a.source_text,
	a.cue_start, a.cue_end, a.cue_text, a.content, a.speaker_id, coalesce(sp.name, ''), coalesce(sp.kind, ''),
	coalesce(sp.external_id, ''), a.channel, a.confidence, a.flags, a.cluster_id, a.sort_key,
	ar.source, ar.url, ar.outlet, ar.published, ar.title`

const attributionFrom = ` FROM attributions a JOIN articles ar ON ar.id = a.article_id LEFT JOIN speakers sp ON sp.id = a.speaker_id`

func scanRow(sc scanner, extra ...any) (claimtrail.AttributionRow, string, error) {
	var (
		r                        claimtrail.AttributionRow
		srcStart, srcEnd         sql.NullInt64
		cueStart, cueEnd         sql.NullInt64
		srcText, cueText, url    sql.NullString
		speakerID, clusterID     sql.NullInt64
		content, flags, key      string
		published                sql.NullString
		speakerKind, speakerName string
	)
	dest := []any{&r.ID, &r.ArticleID, &r.Kind, &srcStart, &srcEnd, &srcText,
		&cueStart, &cueEnd, &cueText, &content, &speakerID, &speakerName, &speakerKind,
		&r.Speaker.ExternalID, &r.Channel, &r.Confidence, &flags, &clusterID, &key,
		&r.ArticleSource, &url, &r.Outlet, &published, &r.Title}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return r, "", err
	}
	if srcStart.Valid {
		r.Source = &claimtrail.Span{Start: int(srcStart.Int64), End: int(srcEnd.Int64), Text: srcText.String}
	}
	if cueStart.Valid {
		r.Cue = &claimtrail.Span{Start: int(cueStart.Int64), End: int(cueEnd.Int64), Text: cueText.String}
	}
	r.Speaker.ID = speakerID.Int64
	r.Speaker.Name = speakerName
	r.Speaker.Kind = claimtrail.SpeakerKind(speakerKind)
	if r.Speaker.Kind == "" {
		r.Speaker.Kind = claimtrail.SpeakerUnknown
	}
	r.ClusterID = clusterID.Int64
	r.URL = url.String
	if err := json.Unmarshal([]byte(flags), &r.Flags); err != nil {
		return r, "", fmt.Errorf("attribution %d flags %q: %w", r.ID, flags, err)
	}
	r.Flags = claimtrail.TakeDescription(r.Flags, &r.Speaker)
	if len(r.Flags) == 0 {
		r.Flags = nil
	}
	var err error
	if r.Published, err = parseTime(published); err != nil {
		return r, "", err
	}
	// Content pieces are filled by fillDetails; until then the joined text
	// stands in, so a row is never shown empty.
	r.Content = []claimtrail.Span{{Text: content}}
	r.AccordingTo = []string{}
	r.Markers = []claimtrail.Marker{}
	return r, key, nil
}

// Attributions implements claimtrail.Store. Rows are ordered by their
// article's published time (unknown last), then id (extraction order
// within an article).
func (s *Store) Attributions(ctx context.Context, f claimtrail.AttributionFilter) ([]claimtrail.AttributionRow, string, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, "", err
	}
	return s.attributions(ctx, f, limit)
}

// attributions lists a page of at most limit rows (all when limit < 0).
func (s *Store) attributions(ctx context.Context, f claimtrail.AttributionFilter, limit int) ([]claimtrail.AttributionRow, string, error) {
	c, err := buildConditions(f)
	if err != nil {
		return nil, "", err
	}
	where := append(append([]string{}, c.article...), c.attribution...)
	args := append(append([]any{}, c.articleArgs...), c.attributionArgs...)
	if f.After != "" {
		cur, err := claimtrail.DecodeCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		where = append(where, `(a.sort_key, a.id) > (?, ?)`)
		args = append(args, cur.Key, cur.ID)
	}
	q := `SELECT ` + attributionColumns + attributionFrom
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY a.sort_key, a.id`
	if limit >= 0 {
		q += ` LIMIT ?`
		args = append(args, limit+1)
	}
	rows, err := s.ro.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, "", fmt.Errorf("list attributions: %w", err)
	}
	defer rows.Close()
	var (
		out  []claimtrail.AttributionRow
		keys []string
	)
	for rows.Next() {
		r, key, err := scanRow(rows)
		if err != nil {
			return nil, "", fmt.Errorf("list attributions: %w", err)
		}
		out = append(out, r)
		keys = append(keys, key)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list attributions: %w", err)
	}
	rows.Close()
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

// fillDetails reads the content pieces, markers, relays and speaker
// aliases of rows, a few queries per page rather than per row.
func (s *Store) fillDetails(ctx context.Context, rows []claimtrail.AttributionRow) error {
	if len(rows) == 0 {
		return nil
	}
	byID := make(map[int64]*claimtrail.AttributionRow, len(rows))
	ids := make([]any, 0, len(rows))
	speakerIDs := []any{}
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
	in := placeholders(len(ids))
	contents := map[int64][]claimtrail.Span{}
	err := s.each(ctx, `SELECT attribution_id, span_start, span_end, text FROM content_spans WHERE attribution_id IN (`+in+`) ORDER BY attribution_id, ord`, ids,
		func(sc scanner) error {
			var id int64
			var sp claimtrail.Span
			if err := sc.Scan(&id, &sp.Start, &sp.End, &sp.Text); err != nil {
				return err
			}
			contents[id] = append(contents[id], sp)
			return nil
		})
	if err != nil {
		return fmt.Errorf("content spans: %w", err)
	}
	for id, c := range contents {
		byID[id].Content = c
	}
	for _, r := range byID {
		r.Quotes = claimtrail.VerbatimQuotes(r.Kind, r.Content)
	}
	err = s.each(ctx, `SELECT attribution_id, type, span_start, span_end, text FROM markers WHERE attribution_id IN (`+in+`) ORDER BY attribution_id, span_start, id`, ids,
		func(sc scanner) error {
			var id int64
			var m claimtrail.Marker
			if err := sc.Scan(&id, &m.Type, &m.Start, &m.End, &m.Text); err != nil {
				return err
			}
			byID[id].Markers = append(byID[id].Markers, m)
			return nil
		})
	if err != nil {
		return fmt.Errorf("markers: %w", err)
	}
	err = s.each(ctx, `SELECT attribution_id, relay FROM according_to WHERE attribution_id IN (`+in+`) ORDER BY attribution_id, ord`, ids,
		func(sc scanner) error {
			var id int64
			var relay string
			if err := sc.Scan(&id, &relay); err != nil {
				return err
			}
			byID[id].AccordingTo = append(byID[id].AccordingTo, relay)
			return nil
		})
	if err != nil {
		return fmt.Errorf("according to: %w", err)
	}
	if len(speakerIDs) == 0 {
		return nil
	}
	aliases, err := s.aliases(ctx, speakerIDs)
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].Speaker.Aliases = aliases[rows[i].Speaker.ID]
	}
	return nil
}

func (s *Store) aliases(ctx context.Context, speakerIDs []any) (map[int64][]string, error) {
	out := map[int64][]string{}
	err := s.each(ctx, `SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN (`+placeholders(len(speakerIDs))+`) ORDER BY speaker_id, alias`, speakerIDs,
		func(sc scanner) error {
			var id int64
			var alias string
			if err := sc.Scan(&id, &alias); err != nil {
				return err
			}
			out[id] = append(out[id], alias)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("speaker aliases: %w", err)
	}
	return out, nil
}

// each runs a read query and calls fn for every row.
func (s *Store) each(ctx context.Context, q string, args []any, fn func(scanner) error) error {
	rows, err := s.ro.QueryContext(ctx, q, args...)
	return eachRow(rows, err, fn)
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

// Speakers implements claimtrail.Store: speakers whose name or an alias
// contains name (case-insensitive; all when empty), most quoted first,
// then by name. The page is chosen by counting alone (an index count per
// speaker), and the other figures are computed for the page only.
func (s *Store) Speakers(ctx context.Context, name string, limit int) ([]claimtrail.SpeakerStat, error) {
	limit, err := pageLimit(limit)
	if err != nil {
		return nil, err
	}
	q := `SELECT sp.id FROM speakers sp`
	args := []any{}
	if name = strings.TrimSpace(name); name != "" {
		like := "%" + escapeLike(strings.ToLower(name)) + "%"
		q += ` WHERE lower(sp.name) LIKE ? ESCAPE '\' OR sp.id IN (SELECT speaker_id FROM speaker_aliases WHERE lower(alias) LIKE ? ESCAPE '\')`
		args = append(args, like, like)
	}
	q += ` ORDER BY coalesce((SELECT sum(x.attributions) FROM speaker_channels x WHERE x.speaker_id = sp.id), 0) DESC, sp.name, sp.id LIMIT ?`
	args = append(args, limit)
	var ids []int64
	err = s.each(ctx, q, args, func(sc scanner) error {
		var id int64
		ids = append(ids, id)
		return sc.Scan(&ids[len(ids)-1])
	})
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	if len(ids) == 0 {
		return []claimtrail.SpeakerStat{}, nil
	}
	js, _ := json.Marshal(ids)
	stats, err := s.speakerStats(ctx, speakerStatQuery+` WHERE sp.id IN (SELECT value FROM json_each(?))`+speakerStatGroup, []any{string(js)})
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
// top outlets and channels, read from the speaker summary tables (see
// scale.go).
func (s *Store) Speaker(ctx context.Context, id int64) (*claimtrail.SpeakerStat, error) {
	stats, err := s.speakerStats(ctx, speakerStatQuery+` WHERE sp.id = ?`+speakerStatGroup, []any{id})
	if err != nil {
		return nil, err
	}
	if len(stats) == 0 {
		return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "speaker %d not found", id)
	}
	st := &stats[0]
	counts := func(q string, dst *[]claimtrail.NameCount) error {
		*dst = []claimtrail.NameCount{}
		return s.each(ctx, q, []any{id}, func(sc scanner) error {
			var nc claimtrail.NameCount
			if err := sc.Scan(&nc.Name, &nc.Attributions); err != nil {
				return err
			}
			*dst = append(*dst, nc)
			return nil
		})
	}
	if err := counts(`SELECT outlet, attributions FROM speaker_outlets WHERE speaker_id = ? AND outlet <> ''
		ORDER BY attributions DESC, outlet LIMIT `+strconv.Itoa(claimtrail.TopOutlets), &st.TopOutlets); err != nil {
		return nil, fmt.Errorf("speaker %d outlets: %w", id, err)
	}
	if err := counts(`SELECT channel, attributions FROM speaker_channels WHERE speaker_id = ? AND channel <> ''
		ORDER BY attributions DESC, channel`, &st.Channels); err != nil {
		return nil, fmt.Errorf("speaker %d channels: %w", id, err)
	}
	return st, nil
}

// speakerStatQuery reads speakers' figures from the summary tables kept
// on write (scale.go): a few index reads per speaker however many
// attributions it has. Callers add WHERE clauses on sp, then
// speakerStatGroup. The attributions are summed over
// speaker_channels (the same attributions as speaker_articles, a row per
// channel: a few per speaker, where speaker_articles has a row per
// article, thousands for the most quoted); listings order by it too.
const speakerStatQuery = `SELECT sp.id, sp.name, sp.kind, sp.external_id,
	coalesce((SELECT sum(x.attributions) FROM speaker_channels x WHERE x.speaker_id = sp.id), 0),
	(SELECT count(*) FROM speaker_articles x WHERE x.speaker_id = sp.id),
	(SELECT count(*) FROM speaker_outlets x WHERE x.speaker_id = sp.id AND x.outlet <> ''),
	(SELECT min(x.published) FROM speaker_articles x WHERE x.speaker_id = sp.id AND x.published IS NOT NULL),
	(SELECT max(x.published) FROM speaker_articles x WHERE x.speaker_id = sp.id AND x.published IS NOT NULL)
	FROM speakers sp`

const speakerStatGroup = ``

func (s *Store) speakerStats(ctx context.Context, q string, args []any) ([]claimtrail.SpeakerStat, error) {
	out := []claimtrail.SpeakerStat{}
	err := s.each(ctx, q, args, func(sc scanner) error {
		var st claimtrail.SpeakerStat
		var first, last sql.NullString
		if err := sc.Scan(&st.ID, &st.Name, &st.Kind, &st.ExternalID, &st.Attributions, &st.Articles, &st.Outlets, &first, &last); err != nil {
			return err
		}
		var err error
		if st.FirstSeen, err = parseTime(first); err != nil {
			return err
		}
		if st.LastSeen, err = parseTime(last); err != nil {
			return err
		}
		out = append(out, st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]any, len(out))
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
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// RecordError implements claimtrail.Store: the source's earlier error, if
// any, is replaced.
func (s *Store) RecordError(ctx context.Context, e claimtrail.IngestError) error {
	_, err := s.PutBatch(ctx, claimtrail.Batch{Errors: []claimtrail.IngestError{e}})
	return err
}

// Errors implements claimtrail.Store: the most recent first.
func (s *Store) Errors(ctx context.Context, limit int) ([]claimtrail.IngestError, error) {
	if limit == 0 {
		limit = -1
	} else if limit < 0 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "limit must not be negative (got %d)", limit)
	}
	out := []claimtrail.IngestError{}
	err := s.each(ctx, `SELECT id, source, reason, time FROM ingest_errors ORDER BY time DESC, id LIMIT ?`, []any{limit},
		func(sc scanner) error {
			var e claimtrail.IngestError
			var t sql.NullString
			if err := sc.Scan(&e.ID, &e.Source, &e.Reason, &t); err != nil {
				return err
			}
			var err error
			e.Time, err = parseTime(t)
			out = append(out, e)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("ingest errors: %w", err)
	}
	return out, nil
}

// Stats implements claimtrail.Store. Clusters counts distinct cluster ids
// on attributions, so it is right before and after the cluster tables
// exist.
func (s *Store) Stats(ctx context.Context) (claimtrail.Stats, error) {
	var st claimtrail.Stats
	err := s.ro.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM attributions),
		(SELECT count(*) FROM speakers),
		(SELECT count(*) FROM ingest_errors),
		(SELECT count(DISTINCT cluster_seq) FROM cluster_members WHERE piece = 0),
		(SELECT count(DISTINCT outlet COLLATE NOCASE) FROM articles WHERE outlet <> '')`).
		Scan(&st.Articles, &st.Attributions, &st.Speakers, &st.Errors, &st.Clusters, &st.Outlets)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Bytes = s.fileSize()
	return st, nil
}
