package postgres

// Quote clusters and cross-article speaker merging, as in package
// sqlite (see sqlite/cluster.go for the model): trail computes, this
// file keeps the result.
//
// With many writers the cluster step must still give one answer: it runs
// in one transaction holding the exclusive advisory lock that every
// batch takes shared (writeLock), so it reads a store no batch is
// half-way through writing, and two cluster steps never interleave.
// trail's clustering of a set of quotes does not depend on the order the
// quotes came in, so whichever worker runs the step, and however the
// articles were spread over workers, the clusters equal a single
// process's.

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// ClustersStale reports whether UpdateClusters has work to do (see the
// sqlite store's method of the same name).
func (s *Store) ClustersStale(ctx context.Context) (bool, error) {
	var unclustered, mismatched, foreign, clusters int
	var version *string
	err := s.each(ctx, `SELECT
		(SELECT count(*) FROM attributions WHERE cluster_id IS NULL AND kind IN ('direct', 'mixed')),
		(SELECT count(*) FROM clusters c WHERE c.quotes <> (SELECT count(*) FROM cluster_members m WHERE m.cluster_id = c.id)),
		(SELECT count(*) FROM attributions a WHERE a.cluster_id IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = a.cluster_id)),
		(SELECT count(*) FROM clusters),
		(SELECT value FROM cluster_meta WHERE key = 'version')`, nil, func(row pgx.Row) error {
		return row.Scan(&unclustered, &mismatched, &foreign, &clusters, &version)
	})
	if err != nil {
		return false, fmt.Errorf("check clusters: %w", err)
	}
	outdated := clusters > 0 && (version == nil || *version != trail.Version)
	return unclustered > 0 || mismatched > 0 || foreign > 0 || outdated, nil
}

// UpdateClusters merges speakers across articles (MergeSpeakers) and
// brings the quote clusters up to date, in one transaction under the
// exclusive write lock.
func (s *Store) UpdateClusters(ctx context.Context, aliases *trail.Aliases) (claimtrail.ClusterUpdate, error) {
	s.cc.mu.Lock()
	defer s.cc.mu.Unlock()
	return s.updateClustersLocked(ctx, aliases, true)
}

// updateClustersLocked is UpdateClusters; the caller holds s.cc.mu. The
// index it builds is kept for ClusterNewQuotes (unless made with
// aliases, which later batches do not use).
// Without merge it leaves speakers as they are (the caller merged them
// in this step already: a second pass can merge more, since each merge
// makes other names less ambiguous, and one step merges once, as a
// one-process ingest does).
func (s *Store) updateClustersLocked(ctx context.Context, aliases *trail.Aliases, merge bool) (claimtrail.ClusterUpdate, error) {
	s.cc.ix = nil
	var (
		u       claimtrail.ClusterUpdate
		ix      *trail.Index
		gen     int64
		removed int64
	)
	err := s.tx(ctx, func(tx pgx.Tx) error {
		u = claimtrail.ClusterUpdate{}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		if merge {
			merged, err := mergeSpeakers(ctx, tx, aliases)
			if err != nil {
				return err
			}
			u.SpeakersMerged = merged
		}
		// Before the quotes: see readRemoved.
		var err error
		if removed, err = readRemoved(ctx, tx); err != nil {
			return err
		}
		staleLinks, err := linksStale(ctx, tx)
		if err != nil {
			return err
		}
		// The quotes a page of articles at a time, and the members a
		// range of attributions at a time, as in the sqlite store: no
		// step holds every quote, member row or summary text.
		// The members' details go to cluster_pieces as they are placed
		// (see cluster_details.go), written afresh.
		if _, err := tx.Exec(ctx, `DELETE FROM cluster_pieces`); err != nil {
			return fmt.Errorf("clear cluster pieces: %w", err)
		}
		details := newPieceDetails(ctx, tx)
		r := trail.NewRestorer(aliases)
		r.SetDetails(details)
		// Room for the members stored and a few new ones (see
		// trail.Restorer.Reserve).
		var members int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM cluster_members`).Scan(&members); err != nil {
			return fmt.Errorf("count cluster members: %w", err)
		}
		r.Reserve(members + members/32)
		if u.Quotes, err = placeStoredQuotes(ctx, tx, r); err != nil {
			return err
		}
		if err := details.flush(); err != nil {
			return err
		}
		// The saved graph is streamed into the index, never held (see
		// the sqlite store).
		var linkRows int
		ix, err = r.FinishFrom(func(saved func(trail.Link)) error {
			if staleLinks {
				return nil // everything is matched again
			}
			linkRows, err = eachSavedLink(ctx, tx, saved)
			return err
		})
		if err != nil {
			return err
		}
		if s.cc.released {
			// A one-shot run's update: its index is not kept and
			// nothing below changes it (see the sqlite store).
			ix.ReleaseSearch()
		}
		// The live clusters by id, each with a member (its newest),
		// from the index's trees: two slices, not a map of every
		// cluster (see the sqlite store); nothing below changes the
		// index.
		ids, summaryKeys := trail.UniqueClusters(ix.ClusterNewest())
		u.Clusters = len(ids)
		votes := trail.Votes{} // old cluster -> new cluster -> quotes
		err = eachMemberRange(ctx, tx, ix, func(ks []int64, stored map[int64]int64) error {
			// Moved quotes are written with one statement per cluster.
			var b pgx.Batch
			moved := map[int64][]int64{}
			for _, k := range ks {
				c, _ := ix.ClusterOf(k)
				was := stored[k]
				delete(stored, k)
				if was == int64(c) {
					continue
				}
				votes.Add(was, int64(c))
				moved[int64(c)] = append(moved[int64(c)], k)
				u.Moved++
			}
			targets := make([]int64, 0, len(moved))
			for c := range moved {
				targets = append(targets, c)
			}
			slices.Sort(targets)
			for _, c := range targets {
				queueMembers(&b, c, moved[c]) // in key order
			}
			gonePieces := make([]int64, 0, len(stored))
			for k := range stored {
				gonePieces = append(gonePieces, k)
			}
			slices.Sort(gonePieces)
			for _, k := range gonePieces {
				id, piece := trail.SplitKey(k)
				b.Queue(`DELETE FROM cluster_members WHERE attribution_id = $1 AND piece = $2`, id, piece)
			}
			if b.Len() == 0 {
				return nil
			}
			if err := tx.SendBatch(ctx, &b).Close(); err != nil {
				return fmt.Errorf("write cluster members: %w", err)
			}
			return nil
		})
		if err != nil {
			return err
		}
		var b pgx.Batch
		// The summaries of summaryPage clusters at a time, their
		// members' details read at once (trail.Index.EachSummary).
		// The stored summaries are read a page at a time as they are
		// reached (ids holds the pages' cluster ids), as in the sqlite
		// store, not held whole through the update (a fingerprint and
		// a map entry a cluster: about 40 MB at 1M quotes).
		var old map[int64][16]byte
		next := 0 // place in ids of the next summary
		err = ix.EachSummary(summaryKeys, summaryPage, func(c *claimtrail.Cluster) error {
			if next%summaryPage == 0 {
				var err error
				if old, err = loadSummaries(ctx, tx, ids[next:min(next+summaryPage, len(ids))]); err != nil {
					return err
				}
			}
			next++
			row := summaryRow(c)
			if f, ok := old[c.ID]; ok && f == row.fingerprint() {
				return nil
			}
			b.Queue(`INSERT INTO clusters (id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
				ON CONFLICT (id) DO UPDATE SET text = excluded.text, speakers = excluded.speakers, first_seen = excluded.first_seen,
					first_outlet = excluded.first_outlet, articles = excluded.articles, outlets = excluded.outlets, quotes = excluded.quotes,
					possible_misattribution = excluded.possible_misattribution, marker_counts = excluded.marker_counts`,
				c.ID, row.text, row.speakers, row.firstSeen, row.firstOutlet, row.articles, row.outlets, row.quotes, row.misattributed, row.markers)
			u.Written++
			if b.Len() >= 1000 {
				if err := tx.SendBatch(ctx, &b).Close(); err != nil {
					return fmt.Errorf("write clusters: %w", err)
				}
				b = pgx.Batch{}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if details.err != nil {
			return details.err
		}
		old = nil
		successor := votes.Successors()
		// The stored clusters that are not live are gone: their ids
		// read from the table (every live one was written or kept
		// above; the writes still queued in b are of live ones).
		var gone []int64
		err = eachTx(ctx, tx, `SELECT id FROM clusters`, nil, func(row pgx.Row) error {
			var id int64
			if err := row.Scan(&id); err != nil {
				return err
			}
			if _, live := slices.BinarySearch(ids, id); !live {
				gone = append(gone, id)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("list gone clusters: %w", err)
		}
		slices.Sort(gone)
		for _, id := range gone {
			b.Queue(`DELETE FROM clusters WHERE id = $1`, id)
			u.Deleted++
			if to, ok := successor[id]; ok {
				b.Queue(`INSERT INTO cluster_redirects (id, target) VALUES ($1, $2)
					ON CONFLICT (id) DO UPDATE SET target = excluded.target`, id, to)
			}
		}
		// The links last, as in the sqlite store.
		queueLinks(&b, ix, linkRows, staleLinks)
		b.Queue(`INSERT INTO cluster_meta (key, value) VALUES ('version', $1)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, trail.Version)
		if err := tx.SendBatch(ctx, &b).Close(); err != nil {
			return fmt.Errorf("write clusters: %w", err)
		}
		gen, err = bumpGeneration(ctx, tx)
		return err
	})
	if err != nil {
		return u, fmt.Errorf("update clusters: %w", err)
	}
	if aliases == nil && !s.cc.released {
		ix.Moved()
		ix.ForgetChangedLinks() // written above
		s.cc.ix, s.cc.gen, s.cc.removed = ix, gen, removed
	}
	return u, nil
}

// queueMembers queues the writes that put members (by key) in cluster c:
// their cluster_members rows (with the place and text of their pieces,
// cluster_pieces), and cluster_id of the attributions whose first piece
// moved.
func queueMembers(b *pgx.Batch, c int64, keys []int64) {
	var ids, firsts []int64
	var pieces []int32
	for _, k := range keys {
		id, piece := trail.SplitKey(k)
		ids, pieces = append(ids, id), append(pieces, int32(piece))
		if piece == 0 {
			firsts = append(firsts, id)
		}
	}
	b.Queue(`INSERT INTO cluster_members (attribution_id, piece, cluster_id, span_start, span_end, text)
		SELECT p.attribution_id, p.piece, $1, p.span_start, p.span_end, p.text
		FROM unnest($2::bigint[], $3::int[]) AS u(a, pc) JOIN cluster_pieces p ON p.attribution_id = u.a AND p.piece = u.pc
		ON CONFLICT (attribution_id, piece) DO UPDATE SET cluster_id = excluded.cluster_id,
			span_start = excluded.span_start, span_end = excluded.span_end, text = excluded.text`, c, ids, pieces)
	if len(firsts) > 0 {
		b.Queue(`UPDATE attributions SET cluster_id = $1 WHERE id = ANY($2)`, c, firsts)
	}
}

// eachTx runs a query in tx and calls fn for every row.
func eachTx(ctx context.Context, tx pgx.Tx, q string, a []any, fn func(pgx.Row) error) error {
	rows, err := tx.Query(ctx, q, a...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// linksStale reports whether the stored phrase graph was made by
// another version of trail: then it is of no use, and every form is
// matched again and the table replaced.
func linksStale(ctx context.Context, tx pgx.Tx) (bool, error) {
	var version string
	err := tx.QueryRow(ctx, `SELECT value FROM cluster_meta WHERE key = 'version'`).Scan(&version)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return false, fmt.Errorf("cluster version: %w", err)
	}
	return version != trail.Version, nil
}

// eachSavedLink reads the stored phrase graph (each form's last row in
// cluster_links, unless that row removes it) and calls saved with each
// live link, in form order, as it is read (saved must not use tx); it
// returns the rows read.
func eachSavedLink(ctx context.Context, tx pgx.Tx, saved func(trail.Link)) (rows int, err error) {
	log := trail.LinkLog{Emit: saved}
	err = eachTx(ctx, tx, `SELECT form, parent, sim FROM cluster_links ORDER BY form, seq`, nil, func(row pgx.Row) error {
		var l trail.Link
		var form, parent []byte
		if err := row.Scan(&form, &parent, &l.Sim); err != nil {
			return err
		}
		rows++
		l.Form, l.Parent = string(form), string(parent)
		log.Add(l, parent == nil)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("load cluster links: %w", err)
	}
	log.Links() // the last form's
	return rows, nil
}

// linkRows is about the number of rows in cluster_links, read from the
// ends of its key (rows are only appended, or all deleted; a rolled back
// insert leaves a gap, which counts).
func linkRows(ctx context.Context, tx pgx.Tx) (int, error) {
	var n int
	if err := tx.QueryRow(ctx, `SELECT coalesce((SELECT max(seq) FROM cluster_links) - (SELECT min(seq) FROM cluster_links) + 1, 0)`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count cluster links: %w", err)
	}
	return n, nil
}

// compactLinks says when cluster_links is rewritten from the live graph:
// when its rows would be more than twice the live forms (and 10,000).
// Each rewrite writes the live forms once, after at least as many rows
// were appended, so its cost per appended row stays flat.
func compactLinks(rows, live int) bool { return rows > 2*live+10_000 }

// queueAppendLinks queues appending links, and removals (rows without a
// parent) of removed forms, to cluster_links.
func queueAppendLinks(b *pgx.Batch, links []trail.Link, removed []string) {
	if len(links) > 0 {
		forms, parents, sims := make([][]byte, len(links)), make([][]byte, len(links)), make([]float64, len(links))
		for i, l := range links {
			forms[i], parents[i], sims[i] = []byte(l.Form), []byte(l.Parent), l.Sim
		}
		b.Queue(`INSERT INTO cluster_links (form, parent, sim) SELECT * FROM unnest($1::bytea[], $2::bytea[], $3::float8[])`, forms, parents, sims)
	}
	if len(removed) > 0 {
		del := make([][]byte, len(removed))
		for i, f := range removed {
			del[i] = []byte(f)
		}
		b.Queue(`INSERT INTO cluster_links (form, parent) SELECT f, NULL FROM unnest($1::bytea[]) f`, del)
	}
}

// queueRewriteLinks queues replacing cluster_links with links.
func queueRewriteLinks(b *pgx.Batch, links []trail.Link) {
	b.Queue(`DELETE FROM cluster_links`)
	queueAppendLinks(b, links, nil)
}

// queueLinks queues the writes of a full update's phrase graph: the
// links the index reports changed (Index.ChangedLinks) appended, or a
// rewrite when the table was stale; rows is how many rows it holds.
func queueLinks(b *pgx.Batch, ix *trail.Index, rows int, stale bool) {
	if stale {
		ix.ForgetChangedLinks()
		queueRewriteLinks(b, ix.Links())
		return
	}
	links, removed := ix.ChangedLinks()
	queueStoreLinks(b, links, removed, rows, ix.Forms(), ix.Links)
}

// queueStoreLinks queues appending the changed links and the removals
// of a graph of live forms to a table of rows rows, or a rewrite with
// all() when compactLinks says so.
func queueStoreLinks(b *pgx.Batch, links []trail.Link, removed []string, rows, live int, all func() []trail.Link) {
	if compactLinks(rows+len(links)+len(removed), live) {
		queueRewriteLinks(b, all())
		return
	}
	queueAppendLinks(b, links, removed)
}

// loadQuotesWhere reads the quotes that also meet where (a condition on
// attributions a), without their stored clusters.
func loadQuotesWhere(ctx context.Context, tx pgx.Tx, where string) ([]trail.Quote, error) {
	markers := map[int64][]claimtrail.Marker{}
	err := eachTx(ctx, tx, `SELECT m.attribution_id, m.type, m.span_start, m.span_end, m.text
		FROM markers m JOIN attributions a ON a.id = m.attribution_id
		WHERE a.kind IN ('direct', 'mixed') AND `+where+` ORDER BY m.attribution_id, m.id`, nil, func(row pgx.Row) error {
		var id int64
		m, err := scanMarker(row, &id)
		markers[id] = append(markers[id], m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load quote markers: %w", err)
	}
	var quotes []trail.Quote
	byID := map[int64]int{}
	err = eachTx(ctx, tx, `SELECT a.id, a.article_id, ar.source, ar.outlet, ar.published, a.content,
			coalesce(sp.name, ''), coalesce(sp.kind, 'unknown'), cs.first, cs.last,
			a.source_start IS NULL, coalesce(a.cue_text, ''), coalesce(a.cue_start, 0), coalesce(a.cue_end, 0)
		FROM attributions a
		JOIN articles ar ON ar.id = a.article_id
		LEFT JOIN speakers sp ON sp.id = a.speaker_id
		LEFT JOIN LATERAL (SELECT min(span_start) AS first, max(span_end) AS last FROM content_spans WHERE attribution_id = a.id) cs ON true
		WHERE a.kind IN ('direct', 'mixed') AND `+where+`
		ORDER BY a.id`, nil, func(row pgx.Row) error {
		var q trail.Quote
		var published *time.Time
		var kind, cue string
		var start, end *int32
		var noSource bool
		var cueStart, cueEnd int32
		if err := row.Scan(&q.ID, &q.ArticleID, &q.Source, &q.Outlet, &published, &q.Text,
			&q.Speaker, &kind, &start, &end, &noSource, &cue, &cueStart, &cueEnd); err != nil {
			return err
		}
		q.SetCue(noSource, cue, int(cueStart), int(cueEnd))
		q.Published, q.SpeakerKind = fromNull(published), claimtrail.SpeakerKind(kind)
		q.Start, q.End = int(deref(start)), int(deref(end))
		q.Markers = markers[q.ID]
		byID[q.ID] = len(quotes)
		quotes = append(quotes, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load quotes: %w", err)
	}
	// The verbatim pieces of each quote (trail.Quote.Pieces), as sqlite.
	kinds := map[int64]claimtrail.Kind{}
	content := map[int64][]claimtrail.Span{}
	err = eachTx(ctx, tx, `SELECT c.attribution_id, a.kind, c.span_start, c.span_end, c.text
		FROM content_spans c JOIN attributions a ON a.id = c.attribution_id
		WHERE a.kind IN ('direct', 'mixed') AND `+where+` ORDER BY c.attribution_id, c.ord`, nil, func(row pgx.Row) error {
		var id int64
		var kind, text string
		var start, end int32
		if err := row.Scan(&id, &kind, &start, &end, &text); err != nil {
			return err
		}
		kinds[id] = claimtrail.Kind(kind)
		content[id] = append(content[id], claimtrail.Span{Start: int(start), End: int(end), Text: text})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load quote pieces: %w", err)
	}
	for id, spans := range content {
		if i, ok := byID[id]; ok {
			quotes[i].SetPieces(kinds[id], spans)
		}
	}
	// Every quote of an article meets where or none does (where is true
	// or "not yet clustered", and an article's quotes are stored together).
	// The words between two pieces tell a cue from the reporter's
	// account, so the articles' text is read.
	texts := map[int64]string{}
	if ids := trail.ArticleIDs(quotes); len(ids) > 0 {
		err = eachTx(ctx, tx, `SELECT id, text FROM articles WHERE id = ANY($1)`, []any{ids}, func(row pgx.Row) error {
			var id int64
			var text string
			if err := row.Scan(&id, &text); err != nil {
				return err
			}
			texts[id] = text
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load article texts: %w", err)
		}
	}
	trail.JoinUtterancesIn(quotes, trail.ArticleRunes(func(q *trail.Quote) string { return texts[q.ArticleID] }))
	return quotes, nil
}

// clusterRow is a cluster summary in its stored form.
type clusterRow struct {
	text, speakers, firstOutlet, markers string
	firstSeen                            *time.Time
	articles, outlets, quotes            int
	misattributed                        bool
}

func summaryRow(c *claimtrail.Cluster) clusterRow {
	speakers := c.StoredSpeakers()
	markers := []byte("{}")
	if len(c.MarkerCounts) > 0 {
		markers, _ = json.Marshal(c.MarkerCounts)
	}
	r := clusterRow{
		text: c.Text, speakers: speakers, firstOutlet: c.FirstOutlet, markers: string(markers),
		articles: c.Articles, outlets: c.Outlets, quotes: c.Quotes, misattributed: c.PossibleMisattrib,
	}
	if !c.FirstSeen.IsZero() {
		t := c.FirstSeen.UTC().Truncate(time.Microsecond)
		r.firstSeen = &t
	}
	return r
}

// fingerprint identifies a row's content, to skip rewriting equal rows:
// a hash (128 bits of SHA-256), so that the stored clusters' fingerprints
// an update holds do not hold every cluster's text.
func (r clusterRow) fingerprint() [16]byte {
	fs := ""
	if r.firstSeen != nil {
		fs = r.firstSeen.UTC().Format(timeLayout)
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{r.text, r.speakers, fs, r.firstOutlet, strconv.Itoa(r.articles),
		strconv.Itoa(r.outlets), strconv.Itoa(r.quotes), strconv.FormatBool(r.misattributed), r.markers}, "\x00")))
	return [16]byte(sum[:16])
}

// loadSummaries reads the fingerprints of those of the given clusters
// that are stored, by id.
func loadSummaries(ctx context.Context, tx pgx.Tx, ids []int64) (map[int64][16]byte, error) {
	out := make(map[int64][16]byte, len(ids))
	err := eachTx(ctx, tx, `SELECT id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts FROM clusters WHERE id = ANY($1)`, []any{ids}, func(row pgx.Row) error {
		var id int64
		var r clusterRow
		var a, o, q int32
		if err := row.Scan(&id, &r.text, &r.speakers, &r.firstSeen, &r.firstOutlet, &a, &o, &q, &r.misattributed, &r.markers); err != nil {
			return err
		}
		r.articles, r.outlets, r.quotes = int(a), int(o), int(q)
		out[id] = r.fingerprint()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load cluster summaries: %w", err)
	}
	return out, nil
}

// MergeSpeakers merges speaker rows that name the same person across
// articles (see the sqlite store's method), under the exclusive write
// lock. It returns how many rows were merged away.
func (s *Store) MergeSpeakers(ctx context.Context, aliases *trail.Aliases) (int, error) {
	var merged int
	err := s.tx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		var err error
		merged, err = mergeSpeakers(ctx, tx, aliases)
		if err == nil && merged > 0 {
			// The quotes of merged speakers changed names: an index kept
			// for ClusterNewQuotes no longer matches the store.
			_, err = bumpGeneration(ctx, tx)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	return merged, nil
}

func mergeSpeakers(ctx context.Context, tx pgx.Tx, aliases *trail.Aliases) (int, error) {
	type row struct {
		id         int64
		name, kind string
		externalID string
		attributed int
	}
	var rows []row
	err := eachTx(ctx, tx, `SELECT sp.id, sp.name, sp.kind, sp.external_id,
			(SELECT count(*) FROM attributions a WHERE a.speaker_id = sp.id)
		FROM speakers sp ORDER BY sp.name_key, sp.id`, nil, func(pr pgx.Row) error { // by name: the same merges whatever order articles came in
		var r row
		if err := pr.Scan(&r.id, &r.name, &r.kind, &r.externalID, &r.attributed); err != nil {
			return err
		}
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("merge speakers: load speakers: %w", err)
	}
	names := trail.NewNames(aliases)
	for _, r := range rows {
		names.AddN(r.name, claimtrail.SpeakerKind(r.kind), max(1, r.attributed))
	}
	merged := 0
	exec := func(what, q string, a ...any) error {
		if _, err := tx.Exec(ctx, q, a...); err != nil {
			return fmt.Errorf("merge speakers: %s: %w", what, err)
		}
		return nil
	}
	for _, r := range rows {
		kind := claimtrail.SpeakerKind(r.kind)
		if !trail.Known(r.name, kind) {
			continue
		}
		sp := names.Resolve(r.name, kind)
		if sp.ExternalID != "" && sp.ExternalID != r.externalID && strings.EqualFold(sp.Name, r.name) {
			if err := exec("set external id of "+r.name, `UPDATE speakers SET external_id = $1 WHERE id = $2`, sp.ExternalID, r.id); err != nil {
				return 0, err
			}
		}
		if strings.EqualFold(sp.Name, r.name) {
			continue
		}
		var target int64
		err := tx.QueryRow(ctx, `SELECT id FROM speakers WHERE name_key = lower($1::text COLLATE "C")`, sp.Name).Scan(&target)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			// The canonical name has no row yet: this one becomes it,
			// and its quotes are searchable by the new name.
			if err := exec("rename "+r.name, `UPDATE speakers SET name = $1, external_id = CASE WHEN $2 <> '' THEN $2 ELSE external_id END WHERE id = $3`,
				sp.Name, sp.ExternalID, r.id); err != nil {
				return 0, err
			}
			if err := exec("reindex "+r.name, `UPDATE attributions SET search_speaker = setweight(to_tsvector('claimtrail', $1), 'B') WHERE speaker_id = $2`,
				fold(sp.Name), r.id); err != nil {
				return 0, err
			}
			target = r.id
		case err != nil:
			return 0, fmt.Errorf("merge speakers: find %q: %w", sp.Name, err)
		default:
			if err := exec("move "+r.name, `UPDATE attributions SET speaker_id = $1, search_speaker = setweight(to_tsvector('claimtrail', $2), 'B') WHERE speaker_id = $3`,
				target, fold(sp.Name), r.id); err != nil {
				return 0, err
			}
			if err := exec("aliases of "+r.name, `INSERT INTO speaker_aliases (speaker_id, alias)
				SELECT $1, alias FROM speaker_aliases WHERE speaker_id = $2 ORDER BY alias_key ON CONFLICT DO NOTHING`, target, r.id); err != nil {
				return 0, err
			}
			if err := exec("delete "+r.name, `DELETE FROM speakers WHERE id = $1`, r.id); err != nil {
				return 0, err
			}
			if sp.ExternalID != "" {
				if err := exec("external id", `UPDATE speakers SET external_id = $1 WHERE id = $2`, sp.ExternalID, target); err != nil {
					return 0, err
				}
			}
			if r.kind != string(claimtrail.SpeakerUnknown) {
				if err := exec("kind", `UPDATE speakers SET kind = $1 WHERE id = $2 AND kind = 'unknown'`, r.kind, target); err != nil {
					return 0, err
				}
			}
			merged++
		}
		if err := exec("alias "+r.name, `INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING`, target, r.name); err != nil {
			return 0, err
		}
	}
	return merged, nil
}

// Clusters implements claimtrail.ClusterStore: a page of summaries
// ordered by article count (most first), then, among clusters of two
// articles or more, by first seen (newest first, undated last), then
// id (migration 150), as package sqlite lists them.
func (s *Store) Clusters(ctx context.Context, f claimtrail.ClusterFilter) ([]claimtrail.Cluster, string, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, "", err
	}
	if f.MinArticles < 0 {
		return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "min articles must not be negative (got %d)", f.MinArticles)
	}
	var where []string
	var a args
	if f.MinArticles > 0 {
		where = append(where, `c.articles >= `+a.add(f.MinArticles))
	}
	if f.Speaker != "" {
		p := a.add(f.Speaker)
		// Elements are speaker objects, or bare names stored before.
		where = append(where, `EXISTS (SELECT 1 FROM jsonb_array_elements(c.speakers::jsonb) e(x),
			LATERAL (SELECT CASE jsonb_typeof(e.x) WHEN 'object' THEN e.x->>'name' ELSE e.x#>>'{}' END) j(v)
			WHERE lower(j.v COLLATE "C") = lower(`+p+`::text COLLATE "C")
			OR j.v IN (SELECT sp.name FROM speakers sp JOIN speaker_aliases al ON al.speaker_id = sp.id WHERE al.alias_key = lower(`+p+`::text COLLATE "C")))`)
	}
	for _, w := range strings.Fields(f.Query) {
		where = append(where, `lower(c.text COLLATE "C") LIKE `+a.add("%"+escapeLike(strings.ToLower(w))+"%"))
	}
	if f.After != "" {
		cur, err := claimtrail.DecodeClusterCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		pn := a.add(cur.Articles)
		if !cur.Dated {
			where = append(where, `(c.articles < `+pn+` OR (c.articles = `+pn+` AND `+clusterFirstSeen+` IS NULL AND c.id > `+a.add(cur.ID)+`))`)
		} else {
			pf := a.add(time.Unix(cur.FirstSeen, 0).UTC().Format("2006-01-02 15:04:05")) + `::timestamp`
			where = append(where, `(c.articles < `+pn+` OR (c.articles = `+pn+` AND (`+clusterFirstSeen+` IS NULL OR `+clusterFirstSeen+` < `+pf+
				` OR (`+clusterFirstSeen+` = `+pf+` AND c.id > `+a.add(cur.ID)+`))))`)
		}
	}
	q := `SELECT ` + clusterColumns + ` FROM clusters c`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY c.articles DESC, ` + clusterFirstSeen + ` DESC NULLS LAST, c.id LIMIT ` + a.add(limit+1)
	var out []claimtrail.Cluster
	err = s.each(ctx, q, a, func(row pgx.Row) error {
		c, err := scanCluster(row)
		if err != nil {
			return err
		}
		out = append(out, *c)
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("list clusters: %w", err)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = claimtrail.EncodeClusterCursor(last)
	}
	if err := s.setSpeakerIDs(ctx, out); err != nil {
		return nil, "", err
	}
	return out, next, nil
}

// clusterFirstSeen is the listing's second key, as in clusters_order
// (migration 150): the first seen of a cluster of two articles or more
// to the second (UTC, so that the expression is immutable), NULL for
// those of one (listed by id, as in package sqlite).
const clusterFirstSeen = `(CASE WHEN c.articles > 1 THEN date_trunc('second', c.first_seen AT TIME ZONE 'UTC') END)`

const clusterColumns = `c.id, c.text, c.speakers, c.first_seen, c.first_outlet, c.articles, c.outlets, c.quotes,
	c.possible_misattribution, c.marker_counts`

func scanCluster(row pgx.Row) (*claimtrail.Cluster, error) {
	var c claimtrail.Cluster
	var speakers, markers string
	var firstSeen *time.Time
	var a, o, q int32
	if err := row.Scan(&c.ID, &c.Text, &speakers, &firstSeen, &c.FirstOutlet, &a, &o, &q, &c.PossibleMisattrib, &markers); err != nil {
		return nil, err
	}
	c.Articles, c.Outlets, c.Quotes = int(a), int(o), int(q)
	if err := c.ReadStoredSpeakers([]byte(speakers)); err != nil {
		return nil, err
	}
	if markers != "" && markers != "{}" {
		if err := json.Unmarshal([]byte(markers), &c.MarkerCounts); err != nil {
			return nil, fmt.Errorf("cluster %d markers: %w", c.ID, err)
		}
	}
	c.FirstSeen = fromNull(firstSeen)
	return &c, nil
}

// redirect follows an old cluster id to the live cluster that took its
// quotes, through at most a few hops.
func (s *Store) redirect(ctx context.Context, id int64) (int64, bool, error) {
	seen := map[int64]bool{id: true}
	for range 16 {
		var to int64
		var live bool
		err := s.each(ctx, `SELECT r.target, EXISTS (SELECT 1 FROM clusters c WHERE c.id = r.target) FROM cluster_redirects r WHERE r.id = $1`, args{id},
			func(row pgx.Row) error { return row.Scan(&to, &live) })
		if err != nil {
			return 0, false, fmt.Errorf("cluster redirect %d: %w", id, err)
		}
		if to == 0 {
			return 0, false, nil
		}
		if live {
			return to, true, nil
		}
		if seen[to] {
			return 0, false, nil
		}
		seen[to], id = true, to
	}
	return 0, false, nil
}

// Cluster implements claimtrail.ClusterStore: the summary with every
// member ordered by time, and each member's word differences from the
// canonical text; an old id redirects.
func (s *Store) Cluster(ctx context.Context, id int64) (*claimtrail.Cluster, error) {
	var c *claimtrail.Cluster
	err := s.each(ctx, `SELECT `+clusterColumns+` FROM clusters c WHERE c.id = $1`, args{id}, func(row pgx.Row) error {
		var err error
		c, err = scanCluster(row)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("cluster %d: %w", id, err)
	}
	if c == nil {
		if to, ok, err := s.redirect(ctx, id); err != nil {
			return nil, err
		} else if ok {
			return s.Cluster(ctx, to)
		}
		return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "cluster %d not found", id)
	}
	byID := map[int64][]int{}
	err = s.each(ctx, `SELECT a.id, cm.piece, a.article_id, ar.source, ar.outlet, ar.published, cm.text, coalesce(sp.name, ''),
			coalesce(sp.kind, 'unknown'), coalesce(sp.id, 0), cm.span_start, cm.span_end
		FROM cluster_members cm
		JOIN attributions a ON a.id = cm.attribution_id
		JOIN articles ar ON ar.id = a.article_id
		LEFT JOIN speakers sp ON sp.id = a.speaker_id
		WHERE cm.cluster_id = $1
		ORDER BY ar.sort_key, ar.outlet, ar.source, cm.span_start, a.id, cm.piece`, args{id}, func(row pgx.Row) error {
		var m claimtrail.ClusterMember
		var published *time.Time
		var kind string
		var piece int32
		var start, end *int32
		if err := row.Scan(&m.AttributionID, &piece, &m.ArticleID, &m.Source, &m.Outlet, &published, &m.Text, &m.Speaker, &kind, &m.SpeakerID, &start, &end); err != nil {
			return err
		}
		m.Piece = int(piece)
		m.SpeakerKind = claimtrail.SpeakerKind(kind)
		if !trail.Known(m.Speaker, m.SpeakerKind) {
			m.Speaker, m.SpeakerID, m.SpeakerKind = "", 0, ""
		}
		m.Published, m.Start, m.End = fromNull(published), int(deref(start)), int(deref(end))
		byID[m.AttributionID] = append(byID[m.AttributionID], len(c.Members))
		c.Members = append(c.Members, m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cluster %d members: %w", id, err)
	}
	err = s.each(ctx, `SELECT m.attribution_id, m.type, m.span_start, m.span_end, m.text
		FROM markers m WHERE m.attribution_id IN (SELECT attribution_id FROM cluster_members WHERE cluster_id = $1)
		ORDER BY m.attribution_id, m.id`, args{id}, func(row pgx.Row) error {
		var aid int64
		mk, err := scanMarker(row, &aid)
		if err != nil {
			return err
		}
		for _, i := range byID[aid] {
			c.Members[i].Markers = append(c.Members[i].Markers, mk)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cluster %d markers: %w", id, err)
	}
	one := []claimtrail.Cluster{*c}
	if err := s.setSpeakerIDs(ctx, one); err != nil {
		return nil, err
	}
	c.Speaker, c.Speakers = one[0].Speaker, one[0].Speakers
	canon := trail.Tokenize(c.Text)
	for i := range c.Members {
		c.Members[i].Diff = trail.Diff(canon, trail.Tokenize(c.Members[i].Text))
	}
	return c, nil
}

// setSpeakerIDs gives the speakers of clusters the ids of the speaker
// rows of their names (as the sqlite store).
func (s *Store) setSpeakerIDs(ctx context.Context, cs []claimtrail.Cluster) error {
	var names []string
	for _, c := range cs {
		for _, sp := range c.Speakers {
			names = append(names, strings.ToLower(sp.Name))
		}
	}
	if len(names) == 0 {
		return nil
	}
	ids := map[string]int64{}
	err := s.each(ctx, `SELECT id, name_key FROM speakers WHERE name_key = ANY($1) ORDER BY id`, args{names}, func(row pgx.Row) error {
		var id int64
		var key string
		if err := row.Scan(&id, &key); err != nil {
			return err
		}
		if _, ok := ids[key]; !ok {
			ids[key] = id
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("cluster speakers: %w", err)
	}
	for i := range cs {
		byName := make(map[string]int64, len(cs[i].Speakers))
		for _, sp := range cs[i].Speakers {
			byName[sp.Name] = ids[strings.ToLower(sp.Name)]
		}
		cs[i].SetSpeakerIDs(byName)
	}
	return nil
}
