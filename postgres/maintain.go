package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

var _ claimtrail.ClusterMaintainer = (*Store)(nil)

// markPending records, in the batch's transaction, that the cross-article
// step has work to do when the batch inserted or replaced an article.
func (w *txWriter) markPending(results []claimtrail.PutResult) error {
	for _, r := range results {
		if r.Err == nil && (r.Outcome == claimtrail.PutInserted || r.Outcome == claimtrail.PutUpdated) {
			if _, err := w.tx.Exec(w.ctx, `INSERT INTO cluster_pending DEFAULT VALUES`); err != nil {
				return fmt.Errorf("record pending clustering: %w", err)
			}
			return nil
		}
	}
	return nil
}

// pendingMark is the newest pending row, 0 when none.
func (s *Store) pendingMark(ctx context.Context) (int64, error) {
	var mark int64
	err := s.each(ctx, `SELECT coalesce(max(id), 0) FROM cluster_pending`, nil, func(row pgx.Row) error { return row.Scan(&mark) })
	if err != nil {
		return 0, fmt.Errorf("read pending clustering: %w", err)
	}
	return mark, nil
}

// ClustersPending implements claimtrail.ClusterMaintainer.
func (s *Store) ClustersPending(ctx context.Context) (bool, error) {
	mark, err := s.pendingMark(ctx)
	if err != nil || mark != 0 {
		return mark != 0, err
	}
	return s.ClustersStale(ctx)
}

// RefreshClusters implements claimtrail.ClusterMaintainer.
func (s *Store) RefreshClusters(ctx context.Context) (claimtrail.ClusterUpdate, error) {
	return s.RefreshClustersWith(ctx, nil)
}

// RefreshClustersWith runs UpdateClusters with the given aliases and then
// clears the pending rows it started from; rows added meanwhile stay.
func (s *Store) RefreshClustersWith(ctx context.Context, aliases *trail.Aliases) (claimtrail.ClusterUpdate, error) {
	mark, err := s.pendingMark(ctx)
	if err != nil {
		return claimtrail.ClusterUpdate{}, err
	}
	u, err := s.UpdateClusters(ctx, aliases)
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
