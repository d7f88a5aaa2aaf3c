package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// The members' details (trail.Detail) live in cluster_pieces (migration
// 0140), not in the index, as in the sqlite store (see its
// cluster_details.go): the index keeps of each member only what
// matching reads. Writes are gathered and sent a few thousand rows at a
// time, before anything reads the table.

// detailFlush is how many pending writes pieceDetails gathers.
const detailFlush = 5000

// pieceDetails is the trail.Details of an index in a transaction; it
// keeps its first error (err).
type pieceDetails struct {
	ctx context.Context
	tx  pgx.Tx
	// pending holds the last write of each key not yet sent.
	pending trail.PendingDetails
	err     error
}

func newPieceDetails(ctx context.Context, tx pgx.Tx) *pieceDetails {
	return &pieceDetails{ctx: ctx, tx: tx}
}

func (d *pieceDetails) Put(x *trail.Detail) {
	if d.err != nil {
		return
	}
	if d.pending.Put(x) >= detailFlush {
		d.flush()
	}
}

func (d *pieceDetails) Drop(key int64) {
	if d.err != nil {
		return
	}
	if d.pending.Drop(key) >= detailFlush {
		d.flush()
	}
}

// flush sends the pending writes: removals, then upserts.
func (d *pieceDetails) flush() error {
	if d.err != nil || d.pending.Len() == 0 {
		return d.err
	}
	keys, pending := d.pending.Take()
	var delIDs, ids []int64
	var delPieces, pieces, starts, ends []int32
	var texts []string
	var matches []*string
	for _, k := range keys {
		id, piece := trail.SplitKey(k)
		x := pending(k)
		if x == nil {
			delIDs, delPieces = append(delIDs, id), append(delPieces, int32(piece))
			continue
		}
		ids, pieces = append(ids, id), append(pieces, int32(piece))
		starts, ends, texts = append(starts, int32(x.Start)), append(ends, int32(x.End)), append(texts, x.Text)
		var m *string
		if x.Match != x.Text {
			m = &x.Match
		}
		matches = append(matches, m)
	}
	var b pgx.Batch
	if len(delIDs) > 0 {
		b.Queue(`DELETE FROM cluster_pieces p USING unnest($1::bigint[], $2::int[]) AS u(a, pc)
			WHERE p.attribution_id = u.a AND p.piece = u.pc`, delIDs, delPieces)
	}
	if len(ids) > 0 {
		b.Queue(`INSERT INTO cluster_pieces (attribution_id, piece, span_start, span_end, text, match_text)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[])
			ON CONFLICT (attribution_id, piece) DO UPDATE SET span_start = excluded.span_start, span_end = excluded.span_end,
				text = excluded.text, match_text = excluded.match_text`, ids, pieces, starts, ends, texts, matches)
	}
	if err := d.tx.SendBatch(d.ctx, &b).Close(); err != nil {
		d.err = fmt.Errorf("store cluster pieces: %w", err)
	}
	return d.err
}

func (d *pieceDetails) Get(keys []int64) map[int64]*trail.Detail {
	out := make(map[int64]*trail.Detail, len(keys))
	if d.flush() != nil || len(keys) == 0 {
		return out
	}
	ids := make([]int64, 0, len(keys))
	for _, k := range keys {
		id, _ := trail.SplitKey(k)
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	err := eachTx(d.ctx, d.tx, `SELECT p.attribution_id, p.piece, p.span_start, p.span_end, p.text, p.match_text, ar.source, ar.outlet
		FROM cluster_pieces p JOIN attributions a ON a.id = p.attribution_id JOIN articles ar ON ar.id = a.article_id
		WHERE p.attribution_id = ANY($1)`, []any{ids}, func(row pgx.Row) error {
		var x trail.Detail
		var id int64
		var piece, start, end int32
		var match *string
		if err := row.Scan(&id, &piece, &start, &end, &x.Text, &match, &x.Source, &x.Outlet); err != nil {
			return err
		}
		x.Key, x.Start, x.End = trail.MemberKey(id, int(piece)), int(start), int(end)
		x.Match = x.Text
		if match != nil {
			x.Match = *match
		}
		if _, found := slices.BinarySearch(keys, x.Key); found {
			out[x.Key] = &x
		}
		return nil
	})
	if err == nil {
		markers := map[int64][]claimtrail.Marker{}
		err = eachTx(d.ctx, d.tx, `SELECT attribution_id, type, span_start, span_end, text FROM markers
			WHERE attribution_id = ANY($1) ORDER BY attribution_id, id`, []any{ids}, func(row pgx.Row) error {
			var id int64
			var m claimtrail.Marker
			if err := row.Scan(&id, &m.Type, &m.Start, &m.End, &m.Text); err != nil {
				return err
			}
			markers[id] = append(markers[id], m)
			return nil
		})
		for k, x := range out {
			id, _ := trail.SplitKey(k)
			x.Markers = markers[id]
		}
	}
	if err != nil {
		d.err = fmt.Errorf("read cluster pieces: %w", err)
	}
	return out
}
