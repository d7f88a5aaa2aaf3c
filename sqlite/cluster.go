package sqlite

// Quote clusters (trails) and cross-article speaker merging; the
// algorithm is in package trail, this file keeps its results.
//
// The clustering of a set of quotes does not depend on the order they
// came in (see trail), so the store keeps only its result: cluster_id on
// each direct or mixed attribution and one summary row per cluster.
// UpdateClusters rebuilds the in-memory index from the stored quotes,
// adds the new ones, and writes only what changed: the cluster_id of
// quotes that moved and the summary rows that differ.

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

func init() {
	registerMigration(migration{Version: 100, Name: "clusters", SQL: `
-- One row per quote cluster; id is trail's cluster id (a hash of the
-- cluster's root form), members are the attributions with that
-- cluster_id. The summary is kept so that listings need no grouping.
CREATE TABLE clusters (
	id INTEGER PRIMARY KEY,
	text TEXT NOT NULL,
	-- JSON array of canonical speaker names
	speakers TEXT NOT NULL DEFAULT '[]',
	first_seen TEXT,
	first_outlet TEXT NOT NULL DEFAULT '',
	articles INTEGER NOT NULL,
	outlets INTEGER NOT NULL,
	quotes INTEGER NOT NULL,
	possible_misattribution INTEGER NOT NULL DEFAULT 0,
	-- JSON object: marker type → number of outlets
	marker_counts TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX clusters_order ON clusters(articles DESC, id);
`})
	registerMigration(migration{Version: 101, Name: "cluster meta", SQL: `
-- Facts about the clustering as a whole; 'version' is the trail.Version
-- the clusters were computed with.
CREATE TABLE cluster_meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
`})
	registerMigration(migration{Version: 102, Name: "cluster forms", SQL: `
-- The phrase graph (trail.Link): every normalised quote form with the
-- longer form it hangs under ('' for a cluster's root). With it the
-- next update restores the index and matches only new forms.
CREATE TABLE cluster_forms (
	form TEXT PRIMARY KEY,
	parent TEXT NOT NULL DEFAULT '',
	sim REAL NOT NULL DEFAULT 0
) WITHOUT ROWID;
`})
	registerMigration(migration{Version: 104, Name: "cluster members", SQL: `
-- A cluster's members are verbatim pieces of attributions (trail.Split):
-- an attribution quoting two remarks has a row per piece, each in its
-- own cluster. attributions.cluster_id is the cluster of its first piece
-- (for links and filters); this table is the membership. start, end and
-- text locate the piece (code points into the article's text).
CREATE TABLE cluster_members (
	attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
	piece INTEGER NOT NULL,
	cluster_id INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (attribution_id, piece)
) WITHOUT ROWID;
CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);
`})
	registerMigration(migration{Version: 105, Name: "unclustered quotes", SQL: `
-- The quotes ClusterNewQuotes reads: without it a batch scanned every
-- attribution, and its cost grew with the store.
CREATE INDEX attributions_unclustered ON attributions(id) WHERE cluster_id IS NULL AND kind IN ('direct', 'mixed');
`})
	registerMigration(migration{Version: 106, Name: "cluster counts", SQL: `
-- ClusterNewQuotes needs two facts per batch that a count(*) would read
-- the whole store for (a cost growing with it): whether a clustered
-- quote was removed since its index was built (an article replaced or
-- deleted: the index is stale), and the number of clusters. A removed
-- member bumps the generation, as another process's update does; the
-- cluster count is kept in 'clusters'.
CREATE TRIGGER cluster_members_removed AFTER DELETE ON cluster_members BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation';
END;
INSERT INTO cluster_meta (key, value) VALUES ('clusters', (SELECT count(*) FROM clusters))
	ON CONFLICT (key) DO UPDATE SET value = excluded.value;
CREATE TRIGGER clusters_added AFTER INSERT ON clusters BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'clusters';
END;
CREATE TRIGGER clusters_removed AFTER DELETE ON clusters BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) - 1 AS TEXT) WHERE key = 'clusters';
END;
`})
	registerMigration(migration{Version: 107, Name: "cluster sequence", SQL: `
-- Clusters get an internal id, seq, given in the order clusters are
-- made (AUTOINCREMENT: never reused), and the table and its members are
-- keyed by it; the public id (the hash of the root form) stays a column
-- with a unique index. Keyed by the hash, every batch of new quotes
-- wrote its clusters, members and their index entries at random places
-- in trees that grow with the store (a batch of 1,000 quotes wrote
-- ~4,000 pages at 100k quotes); keyed by seq, new clusters go to the end
-- and the clusters new quotes join are mostly recent ones, near it.
-- Existing clusters are numbered by their newest member.
CREATE TABLE clusters_seq (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	id INTEGER NOT NULL UNIQUE,
	text TEXT NOT NULL,
	speakers TEXT NOT NULL DEFAULT '[]',
	first_seen TEXT,
	first_outlet TEXT NOT NULL DEFAULT '',
	articles INTEGER NOT NULL,
	outlets INTEGER NOT NULL,
	quotes INTEGER NOT NULL,
	possible_misattribution INTEGER NOT NULL DEFAULT 0,
	marker_counts TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO clusters_seq (id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts)
	SELECT c.id, c.text, c.speakers, c.first_seen, c.first_outlet, c.articles, c.outlets, c.quotes, c.possible_misattribution, c.marker_counts
	FROM clusters c LEFT JOIN (SELECT cluster_id, max(attribution_id) AS newest FROM cluster_members GROUP BY cluster_id) m ON m.cluster_id = c.id
	ORDER BY coalesce(m.newest, 0), c.id;
DROP TABLE clusters;
ALTER TABLE clusters_seq RENAME TO clusters;
CREATE INDEX clusters_order ON clusters(articles DESC, id);
CREATE TRIGGER clusters_added AFTER INSERT ON clusters BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'clusters';
END;
CREATE TRIGGER clusters_removed AFTER DELETE ON clusters BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) - 1 AS TEXT) WHERE key = 'clusters';
END;
-- Members name their cluster by seq (cluster_seq); a member whose
-- cluster row is missing is dropped, and the next update clusters its
-- quote again.
CREATE TABLE cluster_members_seq (
	attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
	piece INTEGER NOT NULL,
	cluster_seq INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (attribution_id, piece)
) WITHOUT ROWID;
INSERT INTO cluster_members_seq (attribution_id, piece, cluster_seq, span_start, span_end, text)
	SELECT m.attribution_id, m.piece, c.seq, m.span_start, m.span_end, m.text
	FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id
	ORDER BY m.attribution_id, m.piece;
DROP TABLE cluster_members;
ALTER TABLE cluster_members_seq RENAME TO cluster_members;
CREATE INDEX cluster_members_cluster ON cluster_members(cluster_seq);
CREATE TRIGGER cluster_members_removed AFTER DELETE ON cluster_members BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation';
END;
-- attributions.cluster_id (the public id of the first piece's cluster)
-- is read with its row, never searched by: the cluster filter and the
-- count of clusters read cluster_members.
DROP INDEX attributions_cluster;
UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation';
`})
	registerMigration(migration{Version: 108, Name: "cluster links", SQL: `
-- The phrase graph as a log: cluster_forms was keyed by the form, and
-- each batch's new forms went to random places in a tree that grows with
-- the store (1,172 of the 2,398 pages a batch of 1,000 quotes wrote at
-- 100k). Rows are appended in seq order; a form's link is its last row,
-- and a row without a parent removes the form. The table is rewritten
-- from the live graph in form order when it was made by another
-- trail.Version, or when it holds more than twice the live forms (see
-- compactLinks).
CREATE TABLE cluster_links (
	seq INTEGER PRIMARY KEY,
	form TEXT NOT NULL,
	parent TEXT,
	sim REAL NOT NULL DEFAULT 0
);
INSERT INTO cluster_links (form, parent, sim) SELECT form, parent, sim FROM cluster_forms ORDER BY form;
DROP TABLE cluster_forms;
`})
	registerMigration(migration{Version: 110, Name: "cluster order without single articles", SQL: `
-- The listing order (articles DESC, id) indexed for the clusters of two
-- articles or more only. The public id is a hash: every new cluster
-- (one article, most of a batch's new ones) and every cluster whose
-- article count changed put an entry at a random place in an index of
-- every cluster, so a batch of 1,000 quotes wrote 1,171 of its 2,981
-- pages at 1M quotes (of 2,608 pages the batch wrote; 39 at 10k). The
-- clusters of one article are listed in id order from the unique index
-- on id (see Store.Clusters).
DROP INDEX clusters_order;
CREATE INDEX clusters_order ON clusters(articles DESC, id) WHERE articles > 1;
`})
	registerMigration(migration{Version: 112, Name: "cluster ids in two parts", SQL: `
-- The public id is a hash of the cluster's root: every new cluster put
-- an entry at a random place in the unique index on id, and a batch of
-- 1,000 quotes at 1M quotes wrote 593 of its 1,903 pages there (600
-- random inserts into 2,744 pages; 43 pages at 10k). The index is now
-- in two parts, split by settled: the ids of the clusters made since
-- the last merge (settled = 0, a small index whose pages stay few) and
-- the rest (settled = 1), in stores of 100,000 clusters or more
-- (recentFrom). A merge (settleClusterIDs) moves the recent part into
-- the settled one when it holds more than a 32nd of the clusters, so
-- that each page of the big part is written once per many
-- batches instead of once per batch or two. A look-up by id reads both
-- parts (clusterSeqOf); the listing of clusters of one article merges
-- the two in id order.
CREATE TABLE clusters_split (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	id INTEGER NOT NULL,
	text TEXT NOT NULL,
	speakers TEXT NOT NULL DEFAULT '[]',
	first_seen TEXT,
	first_outlet TEXT NOT NULL DEFAULT '',
	articles INTEGER NOT NULL,
	outlets INTEGER NOT NULL,
	quotes INTEGER NOT NULL,
	possible_misattribution INTEGER NOT NULL DEFAULT 0,
	marker_counts TEXT NOT NULL DEFAULT '{}',
	settled INTEGER NOT NULL DEFAULT 0
);
INSERT INTO clusters_split (seq, id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts, settled)
	SELECT seq, id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts, 1
	FROM clusters ORDER BY seq;
-- Seqs are never reused: the counter goes on from the old table's.
INSERT INTO sqlite_sequence (name, seq) SELECT 'clusters_split', seq FROM sqlite_sequence WHERE name = 'clusters'
	AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'clusters_split');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'clusters')) WHERE name = 'clusters_split';
DROP TABLE clusters;
ALTER TABLE clusters_split RENAME TO clusters;
CREATE UNIQUE INDEX clusters_id ON clusters(id) WHERE settled = 1;
CREATE UNIQUE INDEX clusters_id_recent ON clusters(id) WHERE settled = 0;
CREATE INDEX clusters_order ON clusters(articles DESC, id) WHERE articles > 1;
CREATE TRIGGER clusters_added AFTER INSERT ON clusters BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'clusters';
END;
CREATE TRIGGER clusters_removed AFTER DELETE ON clusters BEGIN
	UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) - 1 AS TEXT) WHERE key = 'clusters';
END;
`})
	registerMigration(migration{Version: 113, Name: "cluster order by first seen", SQL: `
-- The listing order among clusters of two articles or more with the
-- same article count is now newest first seen first (to the second,
-- undated last), then id; it was id alone. The id is a hash: a cluster
-- whose article count changed moved to a random page of the index, and
-- a batch of 1,000 quotes at 1M quotes wrote about 490 of its 1,390
-- pages here. The clusters that gain articles are mostly the recent
-- ones, whose entries now sit together near the top of their count's
-- group. first_seen is a fact of the cluster's members (their earliest
-- date), so the order is the same whatever order the quotes came in,
-- and the same as the PostgreSQL store's (its migration 150). The key
-- is the second as an integer (unixepoch: 4 bytes) rather than the
-- stored text (30 bytes), which made the index 2.4 times as large and
-- its pages written a batch as many. Clusters of one article stay
-- listed by id (the unique index on id, migration 112).
DROP INDEX clusters_order;
CREATE INDEX clusters_order ON clusters(articles DESC, unixepoch(first_seen) DESC, id) WHERE articles > 1;
`})
	registerMigration(migration{Version: 103, Name: "cluster redirects", SQL: `
-- A cluster's id is a hash of its root form and changes when a longer
-- form of the quote arrives; the old id redirects to the new one.
CREATE TABLE cluster_redirects (
	id INTEGER PRIMARY KEY,
	target INTEGER NOT NULL
);
`})
}

var _ claimtrail.ClusterStore = (*Store)(nil)

// ClusterUpdate says what UpdateClusters did.
type ClusterUpdate = claimtrail.ClusterUpdate

// ClustersStale reports whether UpdateClusters has work to do: a direct
// or mixed quote without a cluster, a cluster whose stored quote count no
// longer matches its members (an article was replaced), a cluster id set
// by whoever stored the article rather than by clustering, or clusters
// made by another version of the algorithm.
func (s *Store) ClustersStale(ctx context.Context) (bool, error) {
	var unclustered, mismatched, foreign, clusters int
	var version sql.NullString
	err := s.ro.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM attributions WHERE cluster_id IS NULL AND kind IN ('direct', 'mixed')),
		(SELECT count(*) FROM clusters c WHERE c.quotes != (SELECT count(*) FROM cluster_members m WHERE m.cluster_seq = c.seq)),
		(SELECT count(*) FROM attributions a WHERE a.cluster_id IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = a.cluster_id AND c.settled = 1)
			AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = a.cluster_id AND c.settled = 0)),
		(SELECT count(*) FROM clusters),
		(SELECT value FROM cluster_meta WHERE key = 'version')`).
		Scan(&unclustered, &mismatched, &foreign, &clusters, &version)
	if err != nil {
		return false, fmt.Errorf("check clusters: %w", err)
	}
	outdated := clusters > 0 && version.String != trail.Version
	return unclustered > 0 || mismatched > 0 || foreign > 0 || outdated, nil
}

// UpdateClusters merges speakers across articles (see MergeSpeakers) and
// brings the quote clusters up to date with the stored attributions.
// Call it after an ingest or reindex; it is cheap when nothing changed.
//
// It reads every direct and mixed quote (a page of articles at a time,
// see cluster_pages.go) but matches only the forms that are new since
// the last update, restoring the rest of the phrase graph from
// cluster_links (trail.Restore); when the stored graph was made by
// another trail.Version, everything is matched again.
//
// The index it builds is kept for ClusterNewQuotes, which clusters later
// batches without reading the whole store again.
func (s *Store) UpdateClusters(ctx context.Context, aliases *trail.Aliases) (ClusterUpdate, error) {
	cache := s.clusterCache()
	cache.mu.Lock()
	defer cache.mu.Unlock()
	return s.updateClustersCached(ctx, cache, aliases)
}

// updateClusters does UpdateClusters' work and returns the index it
// built and the generation it stored.
func (s *Store) updateClusters(ctx context.Context, aliases *trail.Aliases) (u ClusterUpdate, ix *trail.Index, gen int64, err error) {
	merged, err := s.MergeSpeakers(ctx, aliases)
	if err != nil {
		return u, nil, 0, err
	}
	u.SpeakersMerged = merged
	// Read, compute and write under one write lock: two updates at once
	// (an ingest over HTTP and one from the command line) would otherwise
	// store a phrase graph that misses the other's forms.
	err = s.write(ctx, func(tx *sql.Tx) error {
		staleLinks, err := linksStale(ctx, tx)
		if err != nil {
			return err
		}
		// The quotes are read a page of articles at a time and placed
		// (trail.Restorer): the index keeps a small member of each, and
		// no step holds every quote read (see trail/members.go).
		// The members' details go to cluster_pieces as they are placed
		// (see cluster_details.go), written afresh.
		if _, err := tx.ExecContext(ctx, `DELETE FROM cluster_pieces`); err != nil {
			return fmt.Errorf("clear cluster pieces: %w", err)
		}
		details, err := newPieceDetails(ctx, tx)
		if err != nil {
			return err
		}
		defer details.Close()
		r := trail.NewRestorer(aliases)
		r.SetDetails(details)
		// Room for the members stored and a few new ones (see
		// trail.Restorer.Reserve).
		var members int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cluster_members`).Scan(&members); err != nil {
			return fmt.Errorf("count cluster members: %w", err)
		}
		r.Reserve(members + members/32)
		if u.Quotes, err = placeStoredQuotes(ctx, tx, r); err != nil {
			return err
		}
		if err := details.flush(); err != nil {
			return err
		}
		// The saved graph is streamed into the index, never held (a
		// million links of two strings each at 1M quotes).
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
		if s.released.Load() {
			// A one-shot run's last update: its index is not kept
			// (updateClustersCached) and nothing below changes it, so
			// the posting lists go before the summaries are written.
			ix.ReleaseSearch()
		}
		// Summaries first: a member names its cluster by the seq the
		// cluster's row has, or gets when it is new.
		// New clusters go to the settled part of the id index: the
		// update writes every cluster's summary anyway.
		cw, err := prepareClusterWriter(ctx, tx, true)
		if err != nil {
			return err
		}
		defer cw.Close()
		// New clusters are numbered in the order of their newest member
		// (as migration 107 numbered the clusters of a store), so that
		// the clusters later quotes join, mostly recent ones, are near
		// the end of the tables.
		// The index walks each cluster's tree for its newest member (no
		// map of every cluster: about 20 MB at 1M quotes, at the peak
		// of a one-shot update); nothing below changes the index.
		order, newestKeys := ix.ClusterNewest()
		order, newestKeys = sortClusterOrder(order, newestKeys)
		u.Clusters = len(order)
		// The seq of each live cluster, parallel to order while the
		// summaries are written, then by cluster id (liveSeqs): 16
		// bytes a cluster where a map of them took about 35 (20 MB
		// live at the peak of an update of 1M quotes). The summaries
		// of summaryPage clusters at a time, their members' details
		// read at once (trail.Index.EachSummary), in order of
		// newestKeys.
		seqOf := make([]int64, len(order))
		// The stored summaries are read a page at a time as they are
		// reached (order holds the pages' cluster ids), not all at
		// once: 40 MB at 1M quotes, held through the update.
		var old map[int64]storedSummary
		next := 0 // place in order of the next summary
		err = ix.EachSummary(newestKeys, summaryPage, func(c *claimtrail.Cluster) error {
			if next%summaryPage == 0 {
				var err error
				if old, err = loadSummaries(ctx, tx, order[next:min(next+summaryPage, len(order))]); err != nil {
					return err
				}
			}
			i := next
			next++
			if c.ID != order[i] {
				return fmt.Errorf("summary %d is of cluster %d, want %d", i, c.ID, order[i])
			}
			row := summaryRow(c)
			if o, ok := old[c.ID]; ok && o.fingerprint == row.fingerprint() {
				seqOf[i] = o.seq
				return nil
			}
			seq, err := cw.write(ctx, c.ID, old[c.ID].seq, row)
			if err != nil {
				return err
			}
			seqOf[i] = seq
			u.Written++
			return nil
		})
		if err != nil {
			return err
		}
		if details.err != nil {
			return details.err
		}
		seqs := newLiveSeqs(order, seqOf)
		order, newestKeys, old, seqOf = nil, nil, nil, nil
		set, err := prepareSetMember(ctx, tx)
		if err != nil {
			return err
		}
		defer set.Close()
		// The members, compared with the stored ones a range of
		// attributions at a time (both in key order).
		votes := trail.Votes{} // old cluster -> new cluster -> quotes
		err = eachMemberRange(ctx, tx, ix, func(ks []int64, stored map[int64]int64) error {
			for _, k := range ks {
				c, _ := ix.ClusterOf(k)
				was := stored[k]
				delete(stored, k)
				if was == int64(c) {
					continue
				}
				votes.Add(was, int64(c))
				seq, ok := seqs.of(int64(c))
				if !ok {
					return fmt.Errorf("cluster %d of attribution %d has no summary", c, k)
				}
				if err := set.exec(ctx, k, int64(c), seq); err != nil {
					return err
				}
				u.Moved++
			}
			gone := make([]int64, 0, len(stored))
			for k := range stored {
				gone = append(gone, k)
			}
			slices.Sort(gone)
			for _, k := range gone {
				if err := set.remove(ctx, k); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		del, err := tx.PrepareContext(ctx, `DELETE FROM clusters WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer del.Close()
		// A cluster that is gone usually grew: a longer form became its
		// root and the id changed. Links to the old id (bookmarks, the
		// web UI) follow a redirect to where most of its quotes went.
		successor := votes.Successors()
		// The stored clusters that are not live are gone: their ids
		// read from the table (every live one was written or kept
		// above), not from a copy of it held through the update.
		var gone, goneSeqs []int64
		err = eachIn(ctx, tx, `SELECT id, seq FROM clusters`, nil, func(sc scanner) error {
			var id, seq int64
			if err := sc.Scan(&id, &seq); err != nil {
				return err
			}
			if _, live := seqs.of(id); !live {
				gone, goneSeqs = append(gone, id), append(goneSeqs, seq)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("list gone clusters: %w", err)
		}
		for i, id := range gone {
			if _, err := del.ExecContext(ctx, goneSeqs[i]); err != nil {
				return fmt.Errorf("delete cluster %d: %w", id, err)
			}
			u.Deleted++
			if to, ok := successor[id]; ok {
				if _, err := tx.ExecContext(ctx, `INSERT INTO cluster_redirects (id, target) VALUES (?, ?)
					ON CONFLICT (id) DO UPDATE SET target = excluded.target`, id, to); err != nil {
					return fmt.Errorf("redirect cluster %d: %w", id, err)
				}
			}
		}
		// The links last: what changed, as the index recorded it (no
		// copy of the saved graph to compare with).
		if err := writeLinks(ctx, tx, ix, linkRows, staleLinks); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO cluster_meta (key, value) VALUES ('version', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, trail.Version)
		if err != nil {
			return err
		}
		gen, err = bumpGeneration(ctx, tx)
		return err
	})
	if err != nil {
		return u, nil, 0, fmt.Errorf("update clusters: %w", err)
	}
	return u, ix, gen, nil
}

// liveSeqs holds the seq of each live cluster, sorted by public id.
type liveSeqs []struct{ id, seq int64 }

// newLiveSeqs pairs clusters (public ids) with their seqs, parallel.
func newLiveSeqs(ids, seqs []int64) liveSeqs {
	out := make(liveSeqs, len(ids))
	for i, id := range ids {
		out[i].id, out[i].seq = id, seqs[i]
	}
	slices.SortFunc(out, func(a, b struct{ id, seq int64 }) int { return cmp.Compare(a.id, b.id) })
	return out
}

// of returns the seq of cluster id; ok is false for a cluster not live.
func (l liveSeqs) of(id int64) (seq int64, ok bool) {
	i, ok := slices.BinarySearchFunc(l, id, func(e struct{ id, seq int64 }, id int64) int { return cmp.Compare(e.id, id) })
	if !ok {
		return 0, false
	}
	return l[i].seq, true
}

// clusterWriter writes cluster summaries: an update of a stored cluster
// by its seq (the table's key), an insert of a new one, which gets the
// next seq, its id in the settled part of the id index or the recent
// one (settled; see migration 112).
type clusterWriter struct {
	update, insert *sql.Stmt
	settled        int
}

func prepareClusterWriter(ctx context.Context, tx *sql.Tx, settled bool) (*clusterWriter, error) {
	var w clusterWriter
	if settled {
		w.settled = 1
	}
	var err error
	if w.update, err = tx.PrepareContext(ctx, `UPDATE clusters SET text = ?, speakers = ?, first_seen = ?, first_outlet = ?,
		articles = ?, outlets = ?, quotes = ?, possible_misattribution = ?, marker_counts = ? WHERE seq = ?`); err != nil {
		return nil, err
	}
	if w.insert, err = tx.PrepareContext(ctx, `INSERT INTO clusters (text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts, id, settled)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.update.Close()
		return nil, err
	}
	return &w, nil
}

// write stores the summary of cluster id, stored with seq (0: new), and
// returns its seq.
func (w *clusterWriter) write(ctx context.Context, id, seq int64, row clusterRow) (int64, error) {
	args := []any{row.text, row.speakers, row.firstSeen, row.firstOutlet, row.articles, row.outlets, row.quotes, row.misattributed, row.markers}
	if seq != 0 {
		if _, err := w.update.ExecContext(ctx, append(args, seq)...); err != nil {
			return 0, fmt.Errorf("write cluster %d: %w", id, err)
		}
		return seq, nil
	}
	res, err := w.insert.ExecContext(ctx, append(args, id, w.settled)...)
	if err != nil {
		return 0, fmt.Errorf("write cluster %d: %w", id, err)
	}
	return res.LastInsertId()
}

func (w *clusterWriter) Close() {
	w.update.Close()
	w.insert.Close()
}

// inChunks runs query once per chunk of at most 500 of args, with the
// chunk's placeholders ("?, ?, ...") in place of %s.
func inChunks(ctx context.Context, qr queryer, query string, args []int64, fn func(scanner) error) error {
	for start := 0; start < len(args); start += 500 {
		part := args[start:min(start+500, len(args))]
		vals := make([]any, len(part))
		for i, a := range part {
			vals[i] = a
		}
		q := fmt.Sprintf(query, "?"+strings.Repeat(", ?", len(part)-1))
		if err := eachIn(ctx, qr, q, vals, fn); err != nil {
			return err
		}
	}
	return nil
}

// clusterSeqOf is a subquery of the seq of the cluster whose public id
// is the argument, passed twice: the unique index on id is in two parts
// (migration 112), and a condition on id alone uses neither (a scan of
// every cluster).
const clusterSeqOf = `(SELECT seq FROM clusters WHERE id = ? AND settled = 1
	UNION ALL SELECT seq FROM clusters WHERE id = ? AND settled = 0)`

// inClusterIDs reads columns of the stored clusters among ids (public
// ids), from each part of the id index in turn (migration 112).
func inClusterIDs(ctx context.Context, qr queryer, columns string, ids []int64, fn func(scanner) error) error {
	for _, part := range []string{`settled = 1`, `settled = 0`} {
		if err := inChunks(ctx, qr, `SELECT `+columns+` FROM clusters WHERE id IN (%s) AND `+part, ids, fn); err != nil {
			return err
		}
	}
	return nil
}

// settleClusterIDs merges the recent part of the cluster id index into
// the settled one (migration 112) when it holds more than a 32nd of
// the clusters (and more than settleMin). Then it costs about the
// settled part's pages once, where each new cluster cost a page of it:
// at 1M quotes (625k clusters, 2,744 pages) a merge of 20,000 ids
// about every 33 batches of 1,000 quotes. It returns how many ids
// moved.
func settleClusterIDs(ctx context.Context, tx *sql.Tx, clusters int) (int64, error) {
	var recent int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM clusters WHERE settled = 0`).Scan(&recent); err != nil {
		return 0, fmt.Errorf("count recent clusters: %w", err)
	}
	if recent <= max(settleMin, clusters/32) {
		return 0, nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE clusters SET settled = 1 WHERE settled = 0`)
	if err != nil {
		return 0, fmt.Errorf("settle cluster ids: %w", err)
	}
	return res.RowsAffected()
}

// settleMin is the fewest recent cluster ids settleClusterIDs merges: in
// a small store a merge every few batches would cost more than the
// pages it saves. A var so that tests can merge small stores.
var settleMin = 2048

// recentFrom is the number of clusters from which ClusterNewQuotes puts
// new ids in the recent part of the id index; below it, in the settled
// part directly. A merge rewrites the rows it moves (about 7 µs an id
// at 1M, 2 ms a batch of 1,000 quotes at 10k), which pays where a
// batch's 600 or so new ids would each write a page of a big settled
// part (2,744 pages at 1M), not where that part is a few hundred pages
// a batch writes most of anyway (135 at 10k: 31,000 clusters). A var
// so that tests can use the recent part in small stores.
var recentFrom = 100_000

// clusterSeqs reads the seqs of those of the given clusters (public ids)
// that are stored.
func clusterSeqs(ctx context.Context, qr queryer, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	err := inClusterIDs(ctx, qr, `id, seq`, ids, func(sc scanner) error {
		var id, seq int64
		if err := sc.Scan(&id, &seq); err != nil {
			return err
		}
		out[id] = seq
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cluster seqs: %w", err)
	}
	return out, nil
}

// queryer is what the loaders read through: the write transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// eachIn is Store.each on a given queryer.
func eachIn(ctx context.Context, qr queryer, q string, args []any, fn func(scanner) error) error {
	rows, err := qr.QueryContext(ctx, q, args...)
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
// another version of trail: then it is of no use, and the caller
// matches every form again and replaces the table.
func linksStale(ctx context.Context, qr queryer) (bool, error) {
	var version sql.NullString
	err := qr.QueryRowContext(ctx, `SELECT value FROM cluster_meta WHERE key = 'version'`).Scan(&version)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("cluster version: %w", err)
	}
	return version.String != trail.Version, nil
}

// eachSavedLink reads the stored phrase graph (each form's last row in
// cluster_links, unless that row removes it) and calls saved with each
// live link, in form order, as it is read; it returns the rows read.
func eachSavedLink(ctx context.Context, qr queryer, saved func(trail.Link)) (rows int, err error) {
	log := trail.LinkLog{Emit: saved}
	err = eachIn(ctx, qr, `SELECT form, parent, sim FROM cluster_links ORDER BY form, seq`, nil, func(sc scanner) error {
		var l trail.Link
		var parent sql.NullString
		if err := sc.Scan(&l.Form, &parent, &l.Sim); err != nil {
			return err
		}
		rows++
		l.Parent = parent.String
		log.Add(l, !parent.Valid)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("load cluster links: %w", err)
	}
	log.Links() // the last form's
	return rows, nil
}

// linkRows is the number of rows in cluster_links, read from the ends of
// its key (rows are only appended, or all deleted).
func linkRows(ctx context.Context, qr queryer) (int, error) {
	var n int
	// Two subqueries: min and max in one select would scan the table.
	if err := qr.QueryRowContext(ctx, `SELECT coalesce((SELECT max(seq) FROM cluster_links) - (SELECT min(seq) FROM cluster_links) + 1, 0)`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count cluster links: %w", err)
	}
	return n, nil
}

// compactLinks says when cluster_links is rewritten from the live graph:
// when its rows would be more than twice the live forms (and 10,000).
// Each rewrite writes the live forms once, after at least as many rows
// were appended, so its cost per appended row stays flat.
func compactLinks(rows, live int) bool { return rows > 2*live+10_000 }

// appendLinks appends links, and removals (rows without a parent) for
// removed forms, to cluster_links.
func appendLinks(ctx context.Context, tx *sql.Tx, links []trail.Link, removed []string) error {
	ins, err := tx.PrepareContext(ctx, `INSERT INTO cluster_links (form, parent, sim) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, l := range links {
		if _, err := ins.ExecContext(ctx, l.Form, l.Parent, l.Sim); err != nil {
			return fmt.Errorf("write cluster link: %w", err)
		}
	}
	for _, f := range removed {
		if _, err := ins.ExecContext(ctx, f, nil, 0); err != nil {
			return fmt.Errorf("remove cluster link: %w", err)
		}
	}
	return nil
}

// rewriteLinks replaces cluster_links with the given graph (in form
// order).
func rewriteLinks(ctx context.Context, tx *sql.Tx, links []trail.Link) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM cluster_links`); err != nil {
		return fmt.Errorf("clear cluster links: %w", err)
	}
	return appendLinks(ctx, tx, links, nil)
}

// writeLinks stores the new phrase graph of a full update: the links
// the index reports changed (Index.ChangedLinks), or the whole graph
// when the table was stale (made by another trail.Version); rows is
// how many rows the table holds.
func writeLinks(ctx context.Context, tx *sql.Tx, ix *trail.Index, rows int, stale bool) error {
	if stale {
		ix.ForgetChangedLinks()
		return rewriteLinks(ctx, tx, ix.Links())
	}
	links, removed := ix.ChangedLinks()
	return storeLinks(ctx, tx, links, removed, rows, ix.Forms(), ix.Links)
}

// storeLinks appends the changed links and the removals of a graph of
// live forms to a table of rows rows, or rewrites the table with all()
// when compactLinks says so.
func storeLinks(ctx context.Context, tx *sql.Tx, links []trail.Link, removed []string, rows, live int, all func() []trail.Link) error {
	if compactLinks(rows+len(links)+len(removed), live) {
		return rewriteLinks(ctx, tx, all())
	}
	return appendLinks(ctx, tx, links, removed)
}

// setMember writes a member's cluster: its cluster_members row (by the
// cluster's seq), and the attribution's cluster_id (the public id) for
// its first piece.
type setMember struct{ member, attribution, del *sql.Stmt }

func prepareSetMember(ctx context.Context, tx *sql.Tx) (*setMember, error) {
	var s setMember
	var err error
	// A member's place and text are its piece's (cluster_pieces).
	if s.member, err = tx.PrepareContext(ctx, `INSERT INTO cluster_members (attribution_id, piece, cluster_seq, span_start, span_end, text)
		SELECT attribution_id, piece, ?, span_start, span_end, text FROM cluster_pieces WHERE attribution_id = ? AND piece = ?
		ON CONFLICT (attribution_id, piece) DO UPDATE SET cluster_seq = excluded.cluster_seq,
			span_start = excluded.span_start, span_end = excluded.span_end, text = excluded.text`); err != nil {
		return nil, err
	}
	if s.attribution, err = tx.PrepareContext(ctx, `UPDATE attributions SET cluster_id = ? WHERE id = ?`); err != nil {
		s.member.Close()
		return nil, err
	}
	if s.del, err = tx.PrepareContext(ctx, `DELETE FROM cluster_members WHERE attribution_id = ? AND piece = ?`); err != nil {
		s.member.Close()
		s.attribution.Close()
		return nil, err
	}
	return &s, nil
}

func (s *setMember) exec(ctx context.Context, key, cluster, seq int64) error {
	id, piece := trail.SplitKey(key)
	res, err := s.member.ExecContext(ctx, seq, id, piece)
	if err != nil {
		return fmt.Errorf("set cluster of attribution %d piece %d: %w", id, piece, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("set cluster of attribution %d piece %d: no stored piece", id, piece)
	}
	if piece == 0 {
		if _, err := s.attribution.ExecContext(ctx, cluster, id); err != nil {
			return fmt.Errorf("set cluster of attribution %d: %w", id, err)
		}
	}
	return nil
}

// remove deletes the row of a member the index no longer holds.
func (s *setMember) remove(ctx context.Context, key int64) error {
	id, piece := trail.SplitKey(key)
	if _, err := s.del.ExecContext(ctx, id, piece); err != nil {
		return fmt.Errorf("remove attribution %d piece %d from its cluster: %w", id, piece, err)
	}
	return nil
}

func (s *setMember) Close() {
	s.member.Close()
	s.attribution.Close()
	s.del.Close()
}

// clusterRow is a cluster summary in its stored form.
type clusterRow struct {
	text, speakers, firstOutlet, markers string
	firstSeen                            any
	articles, outlets, quotes            int
	misattributed                        bool
}

func summaryRow(c *claimtrail.Cluster) clusterRow {
	speakers := c.StoredSpeakers()
	markers := []byte("{}")
	if len(c.MarkerCounts) > 0 {
		markers, _ = json.Marshal(c.MarkerCounts) // map keys are sorted
	}
	return clusterRow{
		text: c.Text, speakers: speakers, firstOutlet: c.FirstOutlet, markers: string(markers),
		firstSeen: formatTime(c.FirstSeen), articles: c.Articles, outlets: c.Outlets, quotes: c.Quotes,
		misattributed: c.PossibleMisattrib,
	}
}

// fingerprint identifies a row's content, to skip rewriting equal rows:
// a hash (128 bits of SHA-256), so that the stored clusters' fingerprints
// UpdateClusters holds do not hold every cluster's text.
func (r clusterRow) fingerprint() [16]byte {
	fs, _ := r.firstSeen.(string)
	sum := sha256.Sum256([]byte(strings.Join([]string{r.text, r.speakers, fs, r.firstOutlet, strconv.Itoa(r.articles),
		strconv.Itoa(r.outlets), strconv.Itoa(r.quotes), strconv.FormatBool(r.misattributed), r.markers}, "\x00")))
	return [16]byte(sum[:16])
}

// storedSummary is a stored cluster's internal id and the fingerprint of
// its summary.
type storedSummary struct {
	seq         int64
	fingerprint [16]byte
}

// loadSummaries reads those of the given clusters (public ids) that are
// stored, by public id.
func loadSummaries(ctx context.Context, qr queryer, ids []int64) (map[int64]storedSummary, error) {
	out := make(map[int64]storedSummary, len(ids))
	err := inClusterIDs(ctx, qr, `seq, id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts`, ids, func(sc scanner) error {
		var seq, id int64
		var r clusterRow
		var fs sql.NullString
		if err := sc.Scan(&seq, &id, &r.text, &r.speakers, &fs, &r.firstOutlet, &r.articles, &r.outlets, &r.quotes, &r.misattributed, &r.markers); err != nil {
			return err
		}
		if fs.Valid {
			r.firstSeen = fs.String
		}
		out[id] = storedSummary{seq, r.fingerprint()}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load cluster summaries: %w", err)
	}
	return out, nil
}

// MergeSpeakers merges speaker rows that name the same person across
// articles (trail.Names: "Trump", "Mr. Trump" and "Donald J. Trump" into
// "Donald Trump"; the aliases file forces, forbids and gives external
// ids). A merged row's attributions move to the surviving speaker, its
// name becomes an alias of it (so later ingests resolve it there) and the
// row is deleted. Merges are not undone when later evidence would have
// kept two names apart; a forbid rule in the aliases file plus a fresh
// store does. It returns how many rows were merged away.
func (s *Store) MergeSpeakers(ctx context.Context, aliases *trail.Aliases) (int, error) {
	type row struct {
		id         int64
		name, kind string
		externalID string
		attributed int
	}
	merged := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		var rows []row
		err := eachIn(ctx, tx, `SELECT sp.id, sp.name, sp.kind, sp.external_id,
				(SELECT count(*) FROM attributions a WHERE a.speaker_id = sp.id)
			FROM speakers sp ORDER BY sp.name, sp.id`, nil, func(sc scanner) error { // by name: the same merges whatever order articles came in
			var r row
			if err := sc.Scan(&r.id, &r.name, &r.kind, &r.externalID, &r.attributed); err != nil {
				return err
			}
			rows = append(rows, r)
			return nil
		})
		if err != nil {
			return fmt.Errorf("load speakers: %w", err)
		}
		names := trail.NewNames(aliases)
		for _, r := range rows {
			names.AddN(r.name, claimtrail.SpeakerKind(r.kind), max(1, r.attributed))
		}
		for _, r := range rows {
			kind := claimtrail.SpeakerKind(r.kind)
			if !trail.Known(r.name, kind) {
				continue
			}
			sp := names.Resolve(r.name, kind)
			if sp.ExternalID != "" && sp.ExternalID != r.externalID && strings.EqualFold(sp.Name, r.name) {
				if _, err := tx.ExecContext(ctx, `UPDATE speakers SET external_id = ? WHERE id = ?`, sp.ExternalID, r.id); err != nil {
					return fmt.Errorf("set external id of %q: %w", r.name, err)
				}
			}
			if strings.EqualFold(sp.Name, r.name) {
				continue
			}
			var target int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM speakers WHERE name = ?`, sp.Name).Scan(&target)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				// The canonical name has no row yet: this one becomes it.
				if _, err := tx.ExecContext(ctx, `UPDATE speakers SET name = ?, external_id = CASE WHEN ? != '' THEN ? ELSE external_id END WHERE id = ?`,
					sp.Name, sp.ExternalID, sp.ExternalID, r.id); err != nil {
					return fmt.Errorf("rename speaker %q to %q: %w", r.name, sp.Name, err)
				}
				target = r.id
			case err != nil:
				return fmt.Errorf("find speaker %q: %w", sp.Name, err)
			default:
				if _, err := tx.ExecContext(ctx, `UPDATE attributions SET speaker_id = ? WHERE speaker_id = ?`, target, r.id); err != nil {
					return fmt.Errorf("merge speaker %q into %q: %w", r.name, sp.Name, err)
				}
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias)
					SELECT ?, alias FROM speaker_aliases WHERE speaker_id = ?`, target, r.id); err != nil {
					return fmt.Errorf("merge aliases of %q: %w", r.name, err)
				}
				if _, err := tx.ExecContext(ctx, `DELETE FROM speakers WHERE id = ?`, r.id); err != nil {
					return fmt.Errorf("delete merged speaker %q: %w", r.name, err)
				}
				if sp.ExternalID != "" {
					if _, err := tx.ExecContext(ctx, `UPDATE speakers SET external_id = ? WHERE id = ?`, sp.ExternalID, target); err != nil {
						return err
					}
				}
				if r.kind != string(claimtrail.SpeakerUnknown) {
					if _, err := tx.ExecContext(ctx, `UPDATE speakers SET kind = ? WHERE id = ? AND kind = 'unknown'`, r.kind, target); err != nil {
						return err
					}
				}
				merged++
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)`, target, r.name); err != nil {
				return fmt.Errorf("record alias %q: %w", r.name, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("merge speakers: %w", err)
	}
	return merged, nil
}

// Clusters implements claimtrail.ClusterStore: a page of summaries
// ordered by article count (most first), then, among clusters of two
// articles or more, by first seen (newest first, undated last), then
// id (migration 113).
func (s *Store) Clusters(ctx context.Context, f claimtrail.ClusterFilter) ([]claimtrail.Cluster, string, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, "", err
	}
	if f.MinArticles < 0 {
		return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "min articles must not be negative (got %d)", f.MinArticles)
	}
	var where []string
	var args []any
	if f.MinArticles > 0 {
		where, args = append(where, `c.articles >= ?`), append(args, f.MinArticles)
	}
	if f.Speaker != "" {
		// Each element is a speaker object ({"name", "kind"}), or a bare
		// name in clusters stored before speakers had one shape.
		name := `(CASE j.type WHEN 'object' THEN json_extract(j.value, '$.name') ELSE j.value END)`
		where = append(where, `EXISTS (SELECT 1 FROM json_each(c.speakers) j WHERE `+name+` = ? COLLATE NOCASE
			OR `+name+` IN (SELECT sp.name FROM speakers sp JOIN speaker_aliases al ON al.speaker_id = sp.id WHERE al.alias = ?))`)
		args = append(args, f.Speaker, f.Speaker)
	}
	where, args = clusterMemberFilters(f, where, args)
	for _, w := range strings.Fields(f.Query) {
		where = append(where, `c.text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscape(w)+"%")
	}
	// Two parts in the listing order: the clusters of two articles or
	// more (clusters_order, partial), then those of one, by id from the
	// two parts of the unique index on id. A cluster has at least one
	// article (a summary is of its members, and a cluster without
	// members is deleted), so "articles <= 1" is those of one.
	multi, single := true, true
	var cur claimtrail.ClusterCursor
	if f.After != "" {
		var err error
		if cur, err = claimtrail.DecodeClusterCursor(f.After); err != nil {
			return nil, "", err
		}
		multi = cur.Articles > 1
	}
	if f.MinArticles > 1 {
		single = false
	}
	var out []claimtrail.Cluster
	list := func(q string, args []any, out []claimtrail.Cluster, n int) ([]claimtrail.Cluster, error) {
		err := s.each(ctx, q, append(args, n), func(sc scanner) error {
			c, err := scanCluster(sc)
			if err != nil {
				return err
			}
			out = append(out, *c)
			return nil
		})
		return out, err
	}
	if multi {
		w, a := where, slices.Clone(args)
		if f.After != "" && cur.Dated {
			w = append(slices.Clone(w), `(c.articles < ? OR (c.articles = ? AND (unixepoch(c.first_seen) IS NULL OR unixepoch(c.first_seen) < ?
				OR (unixepoch(c.first_seen) = ? AND c.id > ?))))`)
			a = append(a, cur.Articles, cur.Articles, cur.FirstSeen, cur.FirstSeen, cur.ID)
		} else if f.After != "" {
			w = append(slices.Clone(w), `(c.articles < ? OR (c.articles = ? AND unixepoch(c.first_seen) IS NULL AND c.id > ?))`)
			a = append(a, cur.Articles, cur.Articles, cur.ID)
		}
		var err error
		if out, err = list(clusterListSQL(w, ``), a, out, limit+1); err != nil {
			return nil, "", fmt.Errorf("list clusters: %w", err)
		}
	}
	if single && len(out) <= limit {
		w, a := where, slices.Clone(args)
		if f.After != "" && !multi {
			w = append(slices.Clone(w), `c.id > ?`)
			a = append(a, cur.ID)
		}
		// Each part of the id index in id order, merged (migration 112).
		n := limit + 1 - len(out)
		var parts []claimtrail.Cluster
		for _, part := range []string{`c.settled = 1`, `c.settled = 0`} {
			var err error
			if parts, err = list(clusterListSQL(w, part), a, parts, n); err != nil {
				return nil, "", fmt.Errorf("list clusters: %w", err)
			}
		}
		slices.SortFunc(parts, func(a, b claimtrail.Cluster) int { return cmp.Compare(a.ID, b.ID) })
		out = append(out, parts[:min(n, len(parts))]...)
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

// clusterListSQL is a part of the listing of Clusters, with the
// conditions where (on clusters c) and the limit as its last argument:
// the clusters of two articles or more in the listing order (idPart
// empty), from the partial index clusters_order ("c.articles > 1"
// written out so that the planner may use it), or those of one by id,
// from the part of the unique index on id that idPart names
// (migration 112).
func clusterListSQL(where []string, idPart string) string {
	q := `SELECT c.id, c.text, c.speakers, c.first_seen, c.first_outlet, c.articles, c.outlets, c.quotes,
		c.possible_misattribution, c.marker_counts FROM clusters c WHERE `
	if idPart == `` {
		return q + strings.Join(append(slices.Clone(where), `c.articles > 1`), ` AND `) + ` ORDER BY c.articles DESC, unixepoch(c.first_seen) DESC, c.id LIMIT ?`
	}
	return q + strings.Join(append(slices.Clone(where), `c.articles <= 1`, idPart), ` AND `) + ` ORDER BY c.id LIMIT ?`
}

// setSpeakerIDs gives the speakers of clusters the ids of the speaker
// rows of their names (the summary keeps names: a merge changes ids).
func (s *Store) setSpeakerIDs(ctx context.Context, cs []claimtrail.Cluster) error {
	var names []any
	seen := map[string]bool{}
	for _, c := range cs {
		for _, sp := range c.Speakers {
			if k := strings.ToLower(sp.Name); !seen[k] {
				seen[k] = true
				names = append(names, sp.Name)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	ids := map[string]int64{}
	for start := 0; start < len(names); start += 500 {
		part := names[start:min(start+500, len(names))]
		err := s.each(ctx, `SELECT id, name FROM speakers WHERE name IN (?`+strings.Repeat(`, ?`, len(part)-1)+`)`, part, func(sc scanner) error {
			var id int64
			var name string
			if err := sc.Scan(&id, &name); err != nil {
				return err
			}
			ids[strings.ToLower(name)] = id
			return nil
		})
		if err != nil {
			return fmt.Errorf("cluster speakers: %w", err)
		}
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

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// scanCluster reads a summary's columns and then any extra ones (the
// seq).
func scanCluster(sc scanner, extra ...any) (*claimtrail.Cluster, error) {
	var c claimtrail.Cluster
	var speakers, markers string
	var firstSeen sql.NullString
	if err := sc.Scan(append([]any{&c.ID, &c.Text, &speakers, &firstSeen, &c.FirstOutlet, &c.Articles, &c.Outlets, &c.Quotes,
		&c.PossibleMisattrib, &markers}, extra...)...); err != nil {
		return nil, err
	}
	if err := c.ReadStoredSpeakers([]byte(speakers)); err != nil {
		return nil, err
	}
	if markers != "" && markers != "{}" {
		if err := json.Unmarshal([]byte(markers), &c.MarkerCounts); err != nil {
			return nil, fmt.Errorf("cluster %d markers: %w", c.ID, err)
		}
	}
	t, err := parseTime(firstSeen)
	if err != nil {
		return nil, err
	}
	c.FirstSeen = t
	return &c, nil
}

// redirect follows an old cluster id to the live cluster that took its
// quotes, through at most a few hops.
func (s *Store) redirect(ctx context.Context, id int64) (int64, bool, error) {
	seen := map[int64]bool{id: true}
	for range 16 {
		var to int64
		err := s.ro.QueryRowContext(ctx, `SELECT target FROM cluster_redirects WHERE id = ?`, id).Scan(&to)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, false, nil
		} else if err != nil {
			return 0, false, fmt.Errorf("cluster redirect %d: %w", id, err)
		}
		var live int
		if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM clusters WHERE seq IN `+clusterSeqOf, to, to).Scan(&live); err != nil {
			return 0, false, fmt.Errorf("cluster %d: %w", to, err)
		}
		if live > 0 {
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
// member (an old id, replaced when the cluster grew a longer root,
// redirects to the cluster now holding its quotes), members ordered by
// time, and each member's word differences from the canonical text.
func (s *Store) Cluster(ctx context.Context, id int64) (*claimtrail.Cluster, error) {
	var c *claimtrail.Cluster
	var seq int64
	err := s.each(ctx, `SELECT id, text, speakers, first_seen, first_outlet, articles, outlets, quotes,
		possible_misattribution, marker_counts, seq FROM clusters WHERE seq IN `+clusterSeqOf, []any{id, id}, func(sc scanner) error {
		var err error
		c, err = scanCluster(sc, &seq)
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
	err = s.each(ctx, `SELECT a.id, m.piece, a.article_id, ar.source, ar.outlet, ar.published, m.text, coalesce(sp.name, ''),
			coalesce(sp.kind, 'unknown'), coalesce(sp.id, 0), m.span_start, m.span_end
		FROM cluster_members m
		JOIN attributions a ON a.id = m.attribution_id
		JOIN articles ar ON ar.id = a.article_id
		LEFT JOIN speakers sp ON sp.id = a.speaker_id
		WHERE m.cluster_seq = ?
		ORDER BY coalesce(ar.published, '~'), ar.outlet, ar.source, m.span_start, a.id, m.piece`, []any{seq}, func(sc scanner) error {
		var m claimtrail.ClusterMember
		var published sql.NullString
		var kind string
		var start, end sql.NullInt64
		if err := sc.Scan(&m.AttributionID, &m.Piece, &m.ArticleID, &m.Source, &m.Outlet, &published, &m.Text, &m.Speaker, &kind, &m.SpeakerID, &start, &end); err != nil {
			return err
		}
		t, err := parseTime(published)
		if err != nil {
			return err
		}
		m.SpeakerKind = claimtrail.SpeakerKind(kind)
		if !trail.Known(m.Speaker, m.SpeakerKind) {
			m.Speaker, m.SpeakerID, m.SpeakerKind = "", 0, ""
		}
		m.Published, m.Start, m.End = t, int(start.Int64), int(end.Int64)
		byID[m.AttributionID] = append(byID[m.AttributionID], len(c.Members))
		c.Members = append(c.Members, m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cluster %d members: %w", id, err)
	}
	err = s.each(ctx, `SELECT m.attribution_id, m.type, m.span_start, m.span_end, m.text
		FROM markers m WHERE m.attribution_id IN (SELECT attribution_id FROM cluster_members WHERE cluster_seq = ?)
		ORDER BY m.attribution_id, m.id`, []any{seq}, func(sc scanner) error {
		var aid int64
		var mk claimtrail.Marker
		if err := sc.Scan(&aid, &mk.Type, &mk.Start, &mk.End, &mk.Text); err != nil {
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

// sortClusterOrder orders the clusters by their newest member, then id
// (the order new clusters are numbered in), in place, and keeps one
// entry per id (two roots whose ids collide are one cluster to the
// store, with the newer member): ids and newest are cut to the same
// length.
func sortClusterOrder(ids, newest []int64) ([]int64, []int64) {
	ids, newest = trail.UniqueClusters(ids, newest)
	trail.SortPairs(newest, ids) // by newest member, then id
	return ids, newest
}
