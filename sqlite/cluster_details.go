package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// The members' details (trail.Detail) live in cluster_pieces, not in the
// index: the index keeps of each member only what matching reads, and
// reads the rest per member when it summarises a cluster (see trail's
// package comment). The source, outlet and markers of a member are its
// attribution's, read from articles and markers; a row holds what the
// split into pieces made (place, text, words matched on).

func init() {
	registerMigration(migration{Version: 109, Name: "cluster pieces", SQL: `
-- The details of the index's members (trail.Detail) for the clusters'
-- summaries and member rows, so that the in-memory index holds only what
-- matching reads of a member. One row per piece (trail.Split), written
-- when the piece is placed; match_text is the words it is matched on
-- (trail.Quote.MatchText), NULL when they are its text. A full update
-- rewrites the table.
CREATE TABLE cluster_pieces (
	attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
	piece INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	text TEXT NOT NULL,
	match_text TEXT,
	PRIMARY KEY (attribution_id, piece)
) WITHOUT ROWID;
-- An index kept by a running process has its details in memory: make it
-- rebuild (and fill the table).
UPDATE cluster_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation';
`})
}

// pieceDetails is the trail.Details of an index in a transaction: it
// writes and reads cluster_pieces, and keeps its first error (err).
type pieceDetails struct {
	ctx       context.Context
	tx        *sql.Tx
	put, drop *sql.Stmt
	err       error
}

func newPieceDetails(ctx context.Context, tx *sql.Tx) (*pieceDetails, error) {
	d := &pieceDetails{ctx: ctx, tx: tx}
	var err error
	if d.put, err = tx.PrepareContext(ctx, `INSERT INTO cluster_pieces (attribution_id, piece, span_start, span_end, text, match_text)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (attribution_id, piece) DO UPDATE SET span_start = excluded.span_start,
			span_end = excluded.span_end, text = excluded.text, match_text = excluded.match_text`); err != nil {
		return nil, err
	}
	if d.drop, err = tx.PrepareContext(ctx, `DELETE FROM cluster_pieces WHERE attribution_id = ? AND piece = ?`); err != nil {
		d.put.Close()
		return nil, err
	}
	return d, nil
}

func (d *pieceDetails) Close() {
	d.put.Close()
	d.drop.Close()
}

func (d *pieceDetails) Put(x *trail.Detail) {
	if d.err != nil {
		return
	}
	id, piece := trail.SplitKey(x.Key)
	var match any
	if x.Match != x.Text {
		match = x.Match
	}
	if _, err := d.put.ExecContext(d.ctx, id, piece, x.Start, x.End, x.Text, match); err != nil {
		d.err = fmt.Errorf("store piece %d of attribution %d: %w", piece, id, err)
	}
}

func (d *pieceDetails) Drop(key int64) {
	if d.err != nil {
		return
	}
	id, piece := trail.SplitKey(key)
	if _, err := d.drop.ExecContext(d.ctx, id, piece); err != nil {
		d.err = fmt.Errorf("remove piece %d of attribution %d: %w", piece, id, err)
	}
}

func (d *pieceDetails) Get(keys []int64) map[int64]*trail.Detail {
	out := make(map[int64]*trail.Detail, len(keys))
	if d.err != nil || len(keys) == 0 {
		return out
	}
	ids := make([]int64, 0, len(keys))
	for _, k := range keys {
		id, _ := trail.SplitKey(k)
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	err := inChunks(d.ctx, d.tx, `SELECT p.attribution_id, p.piece, p.span_start, p.span_end, p.text, p.match_text, ar.source, ar.outlet
		FROM cluster_pieces p JOIN attributions a ON a.id = p.attribution_id JOIN articles ar ON ar.id = a.article_id
		WHERE p.attribution_id IN (%s)`, ids, func(sc scanner) error {
		var x trail.Detail
		var id int64
		var piece int
		var match sql.NullString
		if err := sc.Scan(&id, &piece, &x.Start, &x.End, &x.Text, &match, &x.Source, &x.Outlet); err != nil {
			return err
		}
		x.Key = trail.MemberKey(id, piece)
		x.Match = x.Text
		if match.Valid {
			x.Match = match.String
		}
		if _, found := slices.BinarySearch(keys, x.Key); found {
			out[x.Key] = &x
		}
		return nil
	})
	if err == nil {
		markers := map[int64][]claimtrail.Marker{}
		err = inChunks(d.ctx, d.tx, `SELECT attribution_id, type, span_start, span_end, text FROM markers
			WHERE attribution_id IN (%s) ORDER BY attribution_id, id`, ids, func(sc scanner) error {
			var id int64
			var m claimtrail.Marker
			if err := sc.Scan(&id, &m.Type, &m.Start, &m.End, &m.Text); err != nil {
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
