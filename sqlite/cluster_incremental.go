package sqlite

// Incremental clustering: a long-running process (the server) keeps the
// phrase graph in memory between ingests, so that clustering a batch
// costs what the batch touches, not what the store holds. A generation
// number in cluster_meta, bumped by every update, tells the process when
// another one (a CLI ingest) changed the clusters under it; it then
// rebuilds from the store once (UpdateClusters) and goes on.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// clusterCache is the in-memory index of a Store and the generation of
// the stored clusters it matches.
type clusterCache struct {
	mu  sync.Mutex
	ix  *trail.Index
	gen int64
}

var caches sync.Map // *Store -> *clusterCache

func (s *Store) clusterCache() *clusterCache {
	c, _ := caches.LoadOrStore(s, &clusterCache{})
	return c.(*clusterCache)
}

func readGeneration(ctx context.Context, qr queryer) (int64, error) {
	var v sql.NullString
	err := qr.QueryRowContext(ctx, `SELECT value FROM cluster_meta WHERE key = 'generation'`).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("cluster generation: %w", err)
	}
	n, _ := strconv.ParseInt(v.String, 10, 64)
	return n, nil
}

func bumpGeneration(ctx context.Context, tx *sql.Tx) (int64, error) {
	gen, err := readGeneration(ctx, tx)
	if err != nil {
		return 0, err
	}
	gen++
	_, err = tx.ExecContext(ctx, `INSERT INTO cluster_meta (key, value) VALUES ('generation', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.FormatInt(gen, 10))
	if err != nil {
		return 0, fmt.Errorf("bump cluster generation: %w", err)
	}
	return gen, nil
}

// ClusterNewQuotes clusters the direct and mixed quotes stored since the
// last update (those without a cluster), for a process that ingests in
// small batches: it adds them to the phrase graph it keeps in memory and
// writes only the quotes that moved, the summaries of the clusters they
// left or joined, and the changed links. Its cost is flat in the size of
// the store once the graph is loaded. It falls back to UpdateClusters
// (which also merges speakers) on first use, when another process
// updated the clusters since, when a quote was removed or replaced, or
// when the stored clusters were made by another trail.Version.
func (s *Store) ClusterNewQuotes(ctx context.Context) (ClusterUpdate, error) {
	cache := s.clusterCache()
	cache.mu.Lock()
	defer cache.mu.Unlock()
	var u ClusterUpdate
	fallback := false
	err := s.write(ctx, func(tx *sql.Tx) error {
		gen, err := readGeneration(ctx, tx)
		if err != nil {
			return err
		}
		var version sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT value FROM cluster_meta WHERE key = 'version'`).Scan(&version); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("cluster version: %w", err)
		}
		if cache.ix == nil || cache.gen != gen || version.String != trail.Version {
			fallback = true
			return nil
		}
		fresh, err := loadNewQuotes(ctx, tx)
		if err != nil {
			return err
		}
		// Every quote the index holds is still stored with a cluster: a
		// replaced or deleted article that took some away bumped the
		// generation (trigger cluster_members_removed).
		ix := cache.ix
		details, err := newPieceDetails(ctx, tx)
		if err != nil {
			return err
		}
		defer details.Close()
		ix.SetDetails(details)
		for _, q := range fresh {
			ix.Add(q)
		}
		if err := details.flush(); err != nil {
			return err
		}
		moved := ix.Moved()
		u.Quotes = ix.Len()
		stored, err := storedClusters(ctx, tx, moved)
		if err != nil {
			return err
		}
		touched := map[int64]int64{} // live cluster id -> a quote in it
		left := map[int64]bool{}     // old cluster ids quotes left
		assigned := map[int64]trail.ClusterID{}
		var change []int64 // members to write, in moved order
		for _, id := range moved {
			c, ok := ix.ClusterOf(id)
			if !ok {
				continue
			}
			assigned[id] = c
			if _, seen := touched[int64(c)]; !seen {
				touched[int64(c)] = id
			}
			if old := stored[id]; old != int64(c) {
				if old != 0 {
					left[old] = true
				}
				change = append(change, id)
			}
		}
		// New clusters' ids go to the recent part of the id index only
		// in a store whose settled part is big (see recentFrom).
		var clusters int
		if err := tx.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM cluster_meta WHERE key = 'clusters'`).Scan(&clusters); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("count clusters: %w", err)
		}
		cw, err := prepareClusterWriter(ctx, tx, clusters < recentFrom)
		if err != nil {
			return err
		}
		defer cw.Close()
		// The summaries of the clusters quotes are in first: a member
		// names its cluster by seq, which a new cluster gets here.
		seqs := make(map[int64]int64, len(touched)) // public id -> seq
		writeSummaries := func(touched map[int64]int64) error {
			ids := make([]int64, 0, len(touched))
			for id := range touched {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			known, err := clusterSeqs(ctx, tx, ids)
			if err != nil {
				return err
			}
			keys := make([]int64, len(ids))
			for i, id := range ids {
				keys[i] = touched[id]
			}
			summaries, oks := ix.SummariesOf(keys)
			for i, id := range ids {
				c, ok := summaries[i], oks[i]
				if !ok || c.ID != id {
					continue
				}
				seq, err := cw.write(ctx, c.ID, known[id], summaryRow(&c))
				if err != nil {
					return err
				}
				seqs[id] = seq
				u.Written++
			}
			return nil
		}
		if err := writeSummaries(touched); err != nil {
			return err
		}
		set, err := prepareSetMember(ctx, tx)
		if err != nil {
			return err
		}
		defer set.Close()
		for _, id := range change {
			c := int64(assigned[id])
			seq, ok := seqs[c]
			if !ok {
				return fmt.Errorf("cluster %d of attribution %d has no summary", c, id)
			}
			if err := set.exec(ctx, id, c, seq); err != nil {
				return err
			}
			u.Moved++
		}
		// The clusters some quotes left: rewrite the summary of those
		// that live on, through any quote still in them.
		lives := map[int64]int64{}
		for old := range left {
			if _, ok := touched[old]; ok {
				continue
			}
			var q int64
			var piece int
			err := tx.QueryRowContext(ctx, `SELECT attribution_id, piece FROM cluster_members
				WHERE cluster_seq IN `+clusterSeqOf+` LIMIT 1`, old, old).Scan(&q, &piece)
			if err == nil {
				lives[old] = trail.MemberKey(q, piece)
			} else if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("cluster %d: %w", old, err)
			}
		}
		if err := writeSummaries(lives); err != nil {
			return err
		}
		if details.err != nil {
			return details.err
		}
		successor := trail.SuccessorsOf(stored, assigned)
		for old := range left {
			if _, live := touched[old]; live {
				continue
			}
			if _, live := lives[old]; live {
				continue
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM clusters WHERE seq IN `+clusterSeqOf, old, old); err != nil {
				return fmt.Errorf("delete cluster %d: %w", old, err)
			}
			u.Deleted++
			if to, ok := successor[old]; ok {
				if _, err := tx.ExecContext(ctx, `INSERT INTO cluster_redirects (id, target) VALUES (?, ?)
					ON CONFLICT (id) DO UPDATE SET target = excluded.target`, old, to); err != nil {
					return fmt.Errorf("redirect cluster %d: %w", old, err)
				}
			}
		}
		links, removed := ix.ChangedLinks()
		if err := writeChangedLinks(ctx, tx, ix, links, removed); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM cluster_meta WHERE key = 'clusters'`).Scan(&u.Clusters); err != nil {
			return fmt.Errorf("count clusters: %w", err)
		}
		if _, err := settleClusterIDs(ctx, tx, u.Clusters); err != nil {
			return err
		}
		u.Incremental = true
		cache.gen, err = bumpGeneration(ctx, tx)
		return err
	})
	if err != nil {
		cache.ix = nil // the store did not take the change: rebuild next time
		return u, fmt.Errorf("cluster new quotes: %w", err)
	}
	if !fallback {
		return u, nil
	}
	return s.updateClustersCached(ctx, cache, nil)
}

// updateClustersCached is UpdateClusters keeping its index for the next
// ClusterNewQuotes; the caller holds cache.mu.
func (s *Store) updateClustersCached(ctx context.Context, cache *clusterCache, aliases *trail.Aliases) (ClusterUpdate, error) {
	cache.ix = nil
	u, ix, gen, err := s.updateClusters(ctx, aliases)
	if err != nil {
		return u, err
	}
	if aliases == nil && !s.released.Load() {
		// An index built with an aliases file names speakers its way;
		// later batches (with none) would not, so it is not kept; nor
		// after ReleaseCaches (a one-shot run's last update).
		ix.ForgetChangedLinks() // already written
		cache.ix, cache.gen = ix, gen
	}
	return u, nil
}

// drop forgets the index (the next batch rebuilds it from the store).
func (c *clusterCache) drop() {
	c.mu.Lock()
	c.ix = nil
	c.mu.Unlock()
}

// loadNewQuotes reads the direct and mixed quotes without a cluster.
func loadNewQuotes(ctx context.Context, qr queryer) ([]trail.Quote, error) {
	// An article's quotes are stored together, so they are new together.
	return loadQuotesWhere(ctx, qr, `a.cluster_id IS NULL AND a.kind IN ('direct', 'mixed')`)
}

// loadQuotesWhere reads the quotes of the attributions chosen by where
// (on attributions a), with their verbatim pieces, markers and
// utterances (trail.JoinUtterances: where must choose every quote of an
// article or none).
func loadQuotesWhere(ctx context.Context, qr queryer, where string) ([]trail.Quote, error) {
	var quotes []trail.Quote
	byID := map[int64]int{}
	err := eachIn(ctx, qr, `SELECT a.id, a.article_id, ar.source, ar.outlet, ar.published, a.content, a.kind,
			coalesce(sp.name, ''), coalesce(sp.kind, 'unknown'),
			(SELECT min(span_start) FROM content_spans WHERE attribution_id = a.id),
			(SELECT max(span_end) FROM content_spans WHERE attribution_id = a.id),
			a.source_start IS NULL, coalesce(a.cue_text, ''), coalesce(a.cue_start, 0), coalesce(a.cue_end, 0)
		FROM attributions a
		JOIN articles ar ON ar.id = a.article_id
		LEFT JOIN speakers sp ON sp.id = a.speaker_id
		WHERE `+where+`
		ORDER BY a.id`, nil, func(sc scanner) error {
		var q trail.Quote
		var published sql.NullString
		var kind, akind, cue string
		var start, end sql.NullInt64
		var noSource bool
		var cueStart, cueEnd int
		if err := sc.Scan(&q.ID, &q.ArticleID, &q.Source, &q.Outlet, &published, &q.Text, &akind,
			&q.Speaker, &kind, &start, &end, &noSource, &cue, &cueStart, &cueEnd); err != nil {
			return err
		}
		q.SetCue(noSource, cue, cueStart, cueEnd)
		t, err := parseTime(published)
		if err != nil {
			return err
		}
		q.Published, q.SpeakerKind = t, claimtrail.SpeakerKind(kind)
		q.Start, q.End = int(start.Int64), int(end.Int64)
		byID[q.ID] = len(quotes)
		quotes = append(quotes, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load quotes: %w", err)
	}
	if len(quotes) == 0 {
		return nil, nil
	}
	if err := fillVerbatim(ctx, qr, quotes, byID, where); err != nil {
		return nil, err
	}
	if err := fillMarkers(ctx, qr, quotes, byID, where); err != nil {
		return nil, err
	}
	if err := joinUtterances(ctx, qr, quotes); err != nil {
		return nil, err
	}
	return quotes, nil
}

// joinUtterances joins the pieces of one act of speech in each article
// (trail.JoinUtterancesIn), reading the text of the quotes' articles:
// the words between two pieces tell a cue from the reporter's account.
func joinUtterances(ctx context.Context, qr queryer, quotes []trail.Quote) error {
	texts := map[int64]string{}
	var ids []any
	for _, id := range trail.ArticleIDs(quotes) {
		ids = append(ids, id)
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		err := eachIn(ctx, qr, `SELECT id, text FROM articles WHERE id IN (?`+strings.Repeat(",?", n-1)+`)`, ids[:n], func(sc scanner) error {
			var id int64
			var text string
			if err := sc.Scan(&id, &text); err != nil {
				return err
			}
			texts[id] = text
			return nil
		})
		if err != nil {
			return fmt.Errorf("load article texts: %w", err)
		}
		ids = ids[n:]
	}
	trail.JoinUtterancesIn(quotes, trail.ArticleRunes(func(q *trail.Quote) string { return texts[q.ArticleID] }))
	return nil
}

// fillVerbatim reads the content spans of the quotes chosen by where
// (on attributions a) and sets their verbatim pieces.
func fillVerbatim(ctx context.Context, qr queryer, quotes []trail.Quote, byID map[int64]int, where string) error {
	kinds := map[int64]claimtrail.Kind{}
	content := map[int64][]claimtrail.Span{}
	// CROSS JOIN keeps attributions the outer loop: the planner would
	// otherwise scan every content span of the store to find the few of
	// a new batch (a cost that grows with the store).
	err := eachIn(ctx, qr, `SELECT c.attribution_id, a.kind, c.span_start, c.span_end, c.text
		FROM attributions a CROSS JOIN content_spans c ON c.attribution_id = a.id
		WHERE `+where+` ORDER BY a.id, c.ord`, nil, func(sc scanner) error {
		var id int64
		var kind string
		var sp claimtrail.Span
		if err := sc.Scan(&id, &kind, &sp.Start, &sp.End, &sp.Text); err != nil {
			return err
		}
		kinds[id] = claimtrail.Kind(kind)
		content[id] = append(content[id], sp)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load quote pieces: %w", err)
	}
	for id, spans := range content {
		if i, ok := byID[id]; ok {
			quotes[i].SetPieces(kinds[id], spans)
		}
	}
	return nil
}

// fillMarkers reads the markers of the quotes chosen by where.
func fillMarkers(ctx context.Context, qr queryer, quotes []trail.Quote, byID map[int64]int, where string) error {
	// Attributions first, as in fillVerbatim.
	err := eachIn(ctx, qr, `SELECT m.attribution_id, m.type, m.span_start, m.span_end, m.text
		FROM attributions a CROSS JOIN markers m ON m.attribution_id = a.id
		WHERE `+where+` ORDER BY a.id, m.id`, nil, func(sc scanner) error {
		var id int64
		var m claimtrail.Marker
		if err := sc.Scan(&id, &m.Type, &m.Start, &m.End, &m.Text); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			quotes[i].Markers = append(quotes[i].Markers, m)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load quote markers: %w", err)
	}
	return nil
}

// storedClusters reads the stored cluster id of the given members (by
// member key).
func storedClusters(ctx context.Context, qr queryer, keys []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(keys))
	ids := make([]int64, 0, len(keys))
	for _, k := range keys {
		id, _ := trail.SplitKey(k)
		ids = append(ids, id)
		out[k] = 0
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	err := inChunks(ctx, qr, `SELECT m.attribution_id, m.piece, c.id FROM cluster_members m JOIN clusters c ON c.seq = m.cluster_seq
		WHERE m.attribution_id IN (%s)`, ids, func(sc scanner) error {
		var id, c int64
		var piece int
		if err := sc.Scan(&id, &piece, &c); err != nil {
			return err
		}
		if k := trail.MemberKey(id, piece); out[k] == 0 {
			if _, asked := out[k]; asked {
				out[k] = c
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stored clusters: %w", err)
	}
	return out, nil
}

// writeChangedLinks stores the links ChangedLinks reported: appended to
// cluster_links, or the whole graph when compactLinks says so.
func writeChangedLinks(ctx context.Context, tx *sql.Tx, ix *trail.Index, links []trail.Link, removed []string) error {
	rows, err := linkRows(ctx, tx)
	if err != nil {
		return err
	}
	return storeLinks(ctx, tx, links, removed, rows, ix.Forms(), ix.Links)
}
