package postgres

// Incremental clustering, as the sqlite store's ClusterNewQuotes: a
// long-running process (a worker, the server) keeps the phrase graph in
// memory between cluster steps, so that a step costs what the new quotes
// touch, not what the store holds. A generation number in cluster_meta,
// bumped by every cluster update and by every speaker merge that merged
// something, tells a process whose graph another process's step made
// stale; it then rebuilds from the store once (UpdateClusters) and goes
// on. The step runs under the exclusive write lock like UpdateClusters,
// and trail's clusters do not depend on the order quotes are added in,
// so an incremental step leaves the store as a full update would.

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// clusterCache is a Store's in-memory phrase graph and the generation of
// the stored clusters it matches; mu serialises this process's cluster
// steps.
type clusterCache struct {
	mu  sync.Mutex
	ix  *trail.Index
	gen int64
	// removed is cluster_meta's members_removed as read before the
	// quotes the index holds (see readRemoved).
	removed int64
	// released is set by ReleaseCaches: a full update keeps no index.
	released bool
}

// ReleaseCaches makes cluster updates keep no phrase graph for later
// batches (ClusterNewQuotes), for the rest of the store's life, as the
// sqlite store's does: a one-shot run (an ingest in one process, a
// command) calls it before its cluster step, which then also frees
// what the index keeps to search for candidates before it writes
// (trail.Index.ReleaseSearch), its peak being that of the index alone.
// The page caches are the server's.
func (s *Store) ReleaseCaches(ctx context.Context) error {
	s.cc.mu.Lock()
	defer s.cc.mu.Unlock()
	s.cc.released, s.cc.ix = true, nil
	return nil
}

// readRemoved reads how many statements removed cluster members (an
// article replaced or deleted took its quotes away), counted by a
// trigger (migration 0130). An index is stale when the count changed
// since it was read, before loading the quotes the index was built
// from: a removal committed after that read is seen as a change even
// if the load saw it, so none is missed.
func readRemoved(ctx context.Context, tx pgx.Tx) (int64, error) {
	var v string
	err := tx.QueryRow(ctx, `SELECT value FROM cluster_meta WHERE key = 'members_removed'`).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("cluster members removed: %w", err)
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return n, nil
}

func readGeneration(ctx context.Context, tx pgx.Tx) (int64, error) {
	var v string
	err := tx.QueryRow(ctx, `SELECT value FROM cluster_meta WHERE key = 'generation'`).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("cluster generation: %w", err)
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return n, nil
}

func bumpGeneration(ctx context.Context, tx pgx.Tx) (int64, error) {
	var n int64
	err := tx.QueryRow(ctx, `INSERT INTO cluster_meta (key, value) VALUES ('generation', '1')
		ON CONFLICT (key) DO UPDATE SET value = (cluster_meta.value::bigint + 1)::text
		RETURNING value::bigint`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("bump cluster generation: %w", err)
	}
	return n, nil
}

// ClusterNewQuotes clusters the direct and mixed quotes stored since the
// last update (those without a cluster): it adds them to the phrase
// graph kept in memory and writes only the quotes that moved, the
// summaries of the clusters they left or joined, and the changed links.
// It falls back to UpdateClusters (which also merges speakers) on first
// use, when another process changed the clusters or merged speakers
// since, when a quote was removed or replaced, or when the stored
// clusters were made by another trail.Version.
func (s *Store) ClusterNewQuotes(ctx context.Context) (claimtrail.ClusterUpdate, error) {
	s.cc.mu.Lock()
	defer s.cc.mu.Unlock()
	return s.clusterNewLocked(ctx, true)
}

// clusterNewLocked is ClusterNewQuotes; the caller holds s.cc.mu. merge
// says whether its fallback merges speakers.
func (s *Store) clusterNewLocked(ctx context.Context, merge bool) (claimtrail.ClusterUpdate, error) {
	cache := &s.cc
	var (
		u        claimtrail.ClusterUpdate
		fallback bool
		newGen   int64
		added    bool // the index took this step's quotes
	)
	err := s.tx(ctx, func(tx pgx.Tx) error {
		u, fallback = claimtrail.ClusterUpdate{}, false
		if added {
			// A retried transaction finds the index ahead of the store.
			cache.ix, fallback = nil, true
			return nil
		}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		gen, err := readGeneration(ctx, tx)
		if err != nil {
			return err
		}
		var version string
		if err := tx.QueryRow(ctx, `SELECT value FROM cluster_meta WHERE key = 'version'`).Scan(&version); err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("cluster version: %w", err)
		}
		if cache.ix == nil || cache.gen != gen || version != trail.Version {
			fallback = true
			return nil
		}
		// Every quote the index holds must still be stored with a
		// cluster: a replaced or deleted article took some away.
		if removed, err := readRemoved(ctx, tx); err != nil {
			return err
		} else if removed != cache.removed {
			fallback = true
			return nil
		}
		fresh, err := loadQuotesWhere(ctx, tx, "a.cluster_id IS NULL")
		if err != nil {
			return err
		}
		ix := cache.ix
		added = true
		details := newPieceDetails(ctx, tx)
		ix.SetDetails(details)
		for _, q := range fresh {
			ix.Add(q)
		}
		if err := details.flush(); err != nil {
			return err
		}
		moved := ix.Moved() // member keys (trail.MemberKey)
		u.Quotes = ix.Len()
		// The stored cluster of each moved member (trail.MemberKey).
		stored := map[int64]int64{}
		movedIDs, movedPieces := make([]int64, len(moved)), make([]int32, len(moved))
		for i, k := range moved {
			id, piece := trail.SplitKey(k)
			movedIDs[i], movedPieces[i] = id, int32(piece)
		}
		err = eachTx(ctx, tx, `SELECT m.attribution_id, m.piece, m.cluster_id FROM cluster_members m
			JOIN unnest($1::bigint[], $2::int[]) AS k(a, p) ON m.attribution_id = k.a AND m.piece = k.p`, []any{movedIDs, movedPieces}, func(row pgx.Row) error {
			var id, c int64
			var piece int32
			err := row.Scan(&id, &piece, &c)
			stored[trail.MemberKey(id, int(piece))] = c
			return err
		})
		if err != nil {
			return fmt.Errorf("stored clusters: %w", err)
		}
		touched := map[int64]int64{} // live cluster id -> a member key in it
		left := map[int64]bool{}     // old cluster ids quotes left
		assigned := map[int64]trail.ClusterID{}
		byCluster := map[int64][]int64{}
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
				byCluster[int64(c)] = append(byCluster[int64(c)], id)
				u.Moved++
			}
		}
		targets := make([]int64, 0, len(byCluster))
		for c := range byCluster {
			targets = append(targets, c)
		}
		slices.Sort(targets)
		var mb pgx.Batch
		for _, c := range targets {
			keys := byCluster[c]
			slices.Sort(keys)
			queueMembers(&mb, c, keys)
		}
		if mb.Len() > 0 {
			if err := tx.SendBatch(ctx, &mb).Close(); err != nil {
				return fmt.Errorf("set clusters: %w", err)
			}
		}
		for old := range left {
			if _, ok := touched[old]; ok {
				continue
			}
			// A cluster some quotes left: rewrite its summary if it lives
			// on, through any quote still in it.
			var q int64
			var piece int32
			err := tx.QueryRow(ctx, `SELECT attribution_id, piece FROM cluster_members WHERE cluster_id = $1 LIMIT 1`, old).Scan(&q, &piece)
			if err == nil {
				touched[old] = trail.MemberKey(q, int(piece))
			} else if !errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("cluster %d: %w", old, err)
			}
		}
		ids := make([]int64, 0, len(touched))
		for id := range touched {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		var b pgx.Batch
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
			row := summaryRow(&c)
			b.Queue(`INSERT INTO clusters (id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
				ON CONFLICT (id) DO UPDATE SET text = excluded.text, speakers = excluded.speakers, first_seen = excluded.first_seen,
					first_outlet = excluded.first_outlet, articles = excluded.articles, outlets = excluded.outlets, quotes = excluded.quotes,
					possible_misattribution = excluded.possible_misattribution, marker_counts = excluded.marker_counts`,
				c.ID, row.text, row.speakers, row.firstSeen, row.firstOutlet, row.articles, row.outlets, row.quotes, row.misattributed, row.markers)
			u.Written++
		}
		if details.err != nil {
			return details.err
		}
		successor := trail.SuccessorsOf(stored, assigned)
		gone := make([]int64, 0, len(left))
		for old := range left {
			if _, live := touched[old]; !live {
				gone = append(gone, old)
			}
		}
		slices.Sort(gone)
		for _, old := range gone {
			b.Queue(`DELETE FROM clusters WHERE id = $1`, old)
			u.Deleted++
			if to, ok := successor[old]; ok {
				b.Queue(`INSERT INTO cluster_redirects (id, target) VALUES ($1, $2)
					ON CONFLICT (id) DO UPDATE SET target = excluded.target`, old, to)
			}
		}
		links, removed := ix.ChangedLinks()
		rows, err := linkRows(ctx, tx)
		if err != nil {
			return err
		}
		queueStoreLinks(&b, links, removed, rows, ix.Forms(), ix.Links)
		if b.Len() > 0 {
			if err := tx.SendBatch(ctx, &b).Close(); err != nil {
				return fmt.Errorf("write clusters: %w", err)
			}
		}
		if err := tx.QueryRow(ctx, `SELECT value::bigint FROM cluster_meta WHERE key = 'clusters'`).Scan(&u.Clusters); err != nil {
			return fmt.Errorf("count clusters: %w", err)
		}
		u.Incremental = true
		newGen, err = bumpGeneration(ctx, tx)
		return err
	})
	if err != nil {
		cache.ix = nil // the store did not take the change: rebuild next time
		return u, fmt.Errorf("cluster new quotes: %w", err)
	}
	if !fallback {
		cache.gen = newGen
		return u, nil
	}
	return s.updateClustersLocked(ctx, nil, merge)
}

// RefreshNewQuotes is RefreshClusters for a process that clusters often
// (a worker after each drained batch of jobs, the server after an HTTP
// ingest): it merges speakers, clusters only the quotes stored since the
// last update (ClusterNewQuotes), then clears the pending rows it
// started from.
func (s *Store) RefreshNewQuotes(ctx context.Context) (claimtrail.ClusterUpdate, error) {
	s.cc.mu.Lock()
	defer s.cc.mu.Unlock()
	mark, err := s.pendingMark(ctx)
	if err != nil {
		return claimtrail.ClusterUpdate{}, err
	}
	// Speakers are merged exactly once per step, as in a one-process
	// ingest's final step: by the full update when there is no graph to
	// go on from, else here, and then not again by a fallback.
	var u claimtrail.ClusterUpdate
	if s.cc.ix == nil {
		u, err = s.updateClustersLocked(ctx, nil, true)
	} else {
		var merged int
		if merged, err = s.MergeSpeakers(ctx, nil); err != nil {
			return u, err
		}
		u, err = s.clusterNewLocked(ctx, false)
		u.SpeakersMerged += merged
	}
	if err != nil {
		return u, err
	}
	if mark != 0 {
		err := s.retry(ctx, func() error {
			_, err := s.pool.Exec(ctx, `DELETE FROM cluster_pending WHERE id <= $1`, mark)
			return err
		})
		if err != nil {
			return u, fmt.Errorf("clear pending clustering: %w", err)
		}
	}
	return u, nil
}
