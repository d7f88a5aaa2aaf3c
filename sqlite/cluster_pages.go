package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"github.com/claimtrail/claimtrail/trail"
)

// UpdateClusters reads the store a page at a time, so that its memory
// is the index's (see trail/members.go) and not that of every quote or
// member row at once: the quotes of a page of articles are read and
// placed, then dropped; the stored members are compared with the
// index's a range of attributions at a time.

// quotePage is how many articles' quotes placeStoredQuotes reads at
// once; memberPage how many members eachMemberRange compares at once.
// A page's quotes with their words and utterances (JoinUtterances) are
// live while it is placed, and the heap grows to twice what is live: at
// 1,000 articles (8.5k quotes) a page held 25 MB live beside an index of
// 60 MB (40k generated articles), and the cluster step alone peaked at
// 196 to 203 MB RSS on 10k generated articles, 174 to 178 at 250 (same
// time within the machine's noise).
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
func placeStoredQuotes(ctx context.Context, qr queryer, r *trail.Restorer) (int, error) {
	n := 0
	lo := int64(math.MinInt64)
	for {
		var hi sql.NullInt64
		err := qr.QueryRowContext(ctx, `SELECT max(id) FROM (SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?)`, lo, quotePage).Scan(&hi)
		if err != nil {
			return n, fmt.Errorf("page articles: %w", err)
		}
		if !hi.Valid {
			return n, nil
		}
		quotes, err := loadQuotesWhere(ctx, qr, fmt.Sprintf(`a.article_id > %d AND a.article_id <= %d AND a.kind IN ('direct', 'mixed')`, lo, hi.Int64))
		if err != nil {
			return n, err
		}
		r.Place(quotes)
		n += len(quotes)
		lo = hi.Int64
	}
}

// eachMemberRange walks the stored members and the index's member keys
// (in order, trail.Index.KeyRanges) together, a range of attributions
// at a time: fn gets the keys in the range (valid during the call) and
// the stored cluster (public id, 0 when its row is missing) of each
// member stored in it. Every stored member is in one range.
func eachMemberRange(ctx context.Context, qr queryer, ix *trail.Index, fn func(keys []int64, stored map[int64]int64) error) error {
	return ix.KeyRanges(memberPage, func(lo, hi int64, keys []int64) error {
		stored := map[int64]int64{}
		err := eachIn(ctx, qr, `SELECT m.attribution_id, m.piece, coalesce(c.id, 0) FROM cluster_members m
			LEFT JOIN clusters c ON c.seq = m.cluster_seq
			WHERE m.attribution_id > ? AND m.attribution_id <= ?`, []any{lo, hi}, func(sc scanner) error {
			var id, c int64
			var piece int
			if err := sc.Scan(&id, &piece, &c); err != nil {
				return err
			}
			stored[trail.MemberKey(id, piece)] = c
			return nil
		})
		if err != nil {
			return fmt.Errorf("load cluster members: %w", err)
		}
		return fn(keys, stored)
	})
}
