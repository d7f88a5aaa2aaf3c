package postgres

import (
	"context"
	"fmt"
	"math"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail/trail"
)

// An update reads the store a page at a time (as the sqlite store's
// does), so that its memory is the index's (see trail/members.go) and
// not that of every quote or member row at once.

// quotePage is how many articles' quotes placeStoredQuotes reads at
// once; memberPage how many members eachMemberRange compares at once.
// 250 as in the sqlite store, where 1,000 articles' quotes held 25 MB
// live while placed (see its cluster_pages.go).
const (
	quotePage  = 250
	memberPage = 5000
	// summaryPage is how many clusters' summaries UpdateClusters
	// makes at once.
	summaryPage = 500
)

// placeStoredQuotes places every direct and mixed quote of the store in
// r, a page of articles at a time (an article's quotes together, for
// trail.JoinUtterances), and returns how many there were.
func placeStoredQuotes(ctx context.Context, tx pgx.Tx, r *trail.Restorer) (int, error) {
	n := 0
	lo := int64(math.MinInt64)
	for {
		var hi *int64
		err := tx.QueryRow(ctx, `SELECT max(id) FROM (SELECT id FROM articles WHERE id > $1 ORDER BY id LIMIT $2) p`, lo, quotePage).Scan(&hi)
		if err != nil {
			return n, fmt.Errorf("page articles: %w", err)
		}
		if hi == nil {
			return n, nil
		}
		quotes, err := loadQuotesWhere(ctx, tx, fmt.Sprintf(`a.article_id > %d AND a.article_id <= %d`, lo, *hi))
		if err != nil {
			return n, err
		}
		r.Place(quotes)
		n += len(quotes)
		lo = *hi
	}
}

// eachMemberRange walks the stored members and the index's member keys
// (in order, trail.Index.KeyRanges) together, a range of attributions
// at a time: fn gets the keys in the range (valid during the call) and
// the stored cluster of each member stored in it. Every stored member
// is in one range.
func eachMemberRange(ctx context.Context, tx pgx.Tx, ix *trail.Index, fn func(keys []int64, stored map[int64]int64) error) error {
	return ix.KeyRanges(memberPage, func(lo, hi int64, keys []int64) error {
		stored := map[int64]int64{}
		err := eachTx(ctx, tx, `SELECT attribution_id, piece, cluster_id FROM cluster_members
			WHERE attribution_id > $1 AND attribution_id <= $2`, []any{lo, hi}, func(row pgx.Row) error {
			var id, c int64
			var piece int32
			if err := row.Scan(&id, &piece, &c); err != nil {
				return err
			}
			stored[trail.MemberKey(id, int(piece))] = c
			return nil
		})
		if err != nil {
			return fmt.Errorf("load cluster members: %w", err)
		}
		return fn(keys, stored)
	})
}
