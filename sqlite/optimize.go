package sqlite

import (
	"context"
	"fmt"
)

// OptimizeSearch merges the segments of the full-text indexes (FTS5's
// 'optimize') into one b-tree each. Every batch a write adds leaves a
// new segment; FTS5 merges them only a few at a time, so after a bulk
// load of a million attributions a search reads many segments' doclists
// per term: merging took 10 s on such a store and gave 1.4-2x the
// search requests at the same 16 clients (session 17, README). The CLI
// runs it after large ingests and gen-store; it is safe at any time (it
// takes the write lock for its duration).
func (s *Store) OptimizeSearch(ctx context.Context) error {
	for _, table := range []string{"quotes_fts", "articles_fts"} {
		if _, err := s.rw.ExecContext(ctx, "INSERT INTO "+table+" ("+table+") VALUES ('optimize')"); err != nil {
			return fmt.Errorf("optimize %s: %w", table, err)
		}
	}
	return nil
}
