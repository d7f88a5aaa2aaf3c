package sqlite

// The pending record of the cross-article step (claimtrail.ClusterMaintainer).
//
// Every write transaction that inserts or replaces an article bumps a
// generation counter under cluster_meta's 'pending' key, in the same
// transaction, so that the need to merge speakers and re-cluster survives
// a crash between the write and the step (or during the step). The step
// deletes the key only when the generation is still the one it read
// before it started: a write by another process meanwhile leaves it
// pending for the next run.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

var _ claimtrail.ClusterMaintainer = (*Store)(nil)

// pendingKey is the cluster_meta key of the pending record.
const pendingKey = "pending"

// markPending records that the cross-article step has work to do when
// this batch inserted or replaced an article.
func (w *txWriter) markPending(results []claimtrail.PutResult) error {
	changed := false
	for _, r := range results {
		if r.Err == nil && (r.Outcome == claimtrail.PutInserted || r.Outcome == claimtrail.PutUpdated) {
			changed = true
			break
		}
	}
	if !changed {
		return nil
	}
	if _, err := w.exec(`INSERT INTO cluster_meta (key, value) VALUES (?, '1')
		ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`, pendingKey); err != nil {
		return fmt.Errorf("record pending clustering: %w", err)
	}
	return nil
}

// pendingGeneration returns the pending record's generation, "" when the
// step has nothing recorded.
func (s *Store) pendingGeneration(ctx context.Context) (string, error) {
	var gen string
	err := s.ro.QueryRowContext(ctx, `SELECT value FROM cluster_meta WHERE key = ?`, pendingKey).Scan(&gen)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("read pending clustering: %w", err)
	}
	return gen, nil
}

// ClustersPending implements claimtrail.ClusterMaintainer.
func (s *Store) ClustersPending(ctx context.Context) (bool, error) {
	gen, err := s.pendingGeneration(ctx)
	if err != nil || gen != "" {
		return gen != "", err
	}
	return s.ClustersStale(ctx)
}

// RefreshClusters implements claimtrail.ClusterMaintainer.
func (s *Store) RefreshClusters(ctx context.Context) (claimtrail.ClusterUpdate, error) {
	return s.RefreshClustersWith(ctx, nil)
}

// RefreshClustersWith runs UpdateClusters with the given aliases (nil:
// none) and then clears the pending record it started from.
func (s *Store) RefreshClustersWith(ctx context.Context, aliases *trail.Aliases) (claimtrail.ClusterUpdate, error) {
	gen, err := s.pendingGeneration(ctx)
	if err != nil {
		return claimtrail.ClusterUpdate{}, err
	}
	u, err := s.UpdateClusters(ctx, aliases)
	if err != nil {
		return u, err
	}
	if gen != "" {
		err = s.write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM cluster_meta WHERE key = ? AND value = ?`, pendingKey, gen)
			return err
		})
		if err != nil {
			return u, fmt.Errorf("clear pending clustering: %w", err)
		}
	}
	return u, nil
}

// RefreshNewQuotes is RefreshClusters for a process that ingests in small
// batches, such as HTTP ingest: it merges speakers, clusters only the
// quotes stored since the last update (ClusterNewQuotes, whose cost stays
// flat as the store grows and which falls back to a full update when it
// must), then clears the pending record it started from. The clusters are
// the same a full update would give (TestRefreshNewQuotes).
func (s *Store) RefreshNewQuotes(ctx context.Context) (claimtrail.ClusterUpdate, error) {
	gen, err := s.pendingGeneration(ctx)
	if err != nil {
		return claimtrail.ClusterUpdate{}, err
	}
	merged, err := s.MergeSpeakers(ctx, nil)
	if err != nil {
		return claimtrail.ClusterUpdate{}, err
	}
	u, err := s.ClusterNewQuotes(ctx)
	if err != nil {
		return u, err
	}
	u.SpeakersMerged += merged
	if gen != "" {
		err = s.write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM cluster_meta WHERE key = ? AND value = ?`, pendingKey, gen)
			return err
		})
		if err != nil {
			return u, fmt.Errorf("clear pending clustering: %w", err)
		}
	}
	return u, nil
}
