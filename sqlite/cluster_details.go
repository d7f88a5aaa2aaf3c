package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

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
// Writes are gathered (the last of each key) and sent putRows rows to
// a statement before anything reads the table (flush).
type pieceDetails struct {
	ctx               context.Context
	tx                *sql.Tx
	put, putOne, drop *sql.Stmt
	get               *sql.Stmt
	pending           trail.PendingDetails
	err               error
}

// putRows is how many rows one statement of pieceDetails writes.
const putRows = 64

const putPiece = `INSERT INTO cluster_pieces (attribution_id, piece, span_start, span_end, text, match_text) VALUES %s
	ON CONFLICT (attribution_id, piece) DO UPDATE SET span_start = excluded.span_start,
		span_end = excluded.span_end, text = excluded.text, match_text = excluded.match_text`

func newPieceDetails(ctx context.Context, tx *sql.Tx) (*pieceDetails, error) {
	d := &pieceDetails{ctx: ctx, tx: tx}
	row := "(?, ?, ?, ?, ?, ?)"
	var err error
	if d.put, err = tx.PrepareContext(ctx, fmt.Sprintf(putPiece, row+strings.Repeat(", "+row, putRows-1))); err != nil {
		return nil, err
	}
	if d.putOne, err = tx.PrepareContext(ctx, fmt.Sprintf(putPiece, row)); err != nil {
		d.Close()
		return nil, err
	}
	if d.drop, err = tx.PrepareContext(ctx, `DELETE FROM cluster_pieces WHERE attribution_id = ? AND piece = ?`); err != nil {
		d.Close()
		return nil, err
	}
	// The pieces of the attributions asked (a JSON array of ids), with
	// their articles' source and outlet and their markers, a row each.
	if d.get, err = tx.PrepareContext(ctx, `SELECT p.attribution_id, p.piece, p.span_start, p.span_end, p.text, p.match_text,
			ar.source, ar.outlet, m.id, m.type, m.span_start, m.span_end, m.text
		FROM json_each(?) j
		JOIN cluster_pieces p ON p.attribution_id = j.value
		JOIN attributions a ON a.id = p.attribution_id
		JOIN articles ar ON ar.id = a.article_id
		LEFT JOIN markers m ON m.attribution_id = p.attribution_id`); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

func (d *pieceDetails) Close() {
	for _, st := range []*sql.Stmt{d.put, d.putOne, d.drop, d.get} {
		if st != nil {
			st.Close()
		}
	}
}

func (d *pieceDetails) Put(x *trail.Detail) {
	if d.err != nil {
		return
	}
	if d.pending.Put(x) >= 16*putRows {
		d.flush()
	}
}

func (d *pieceDetails) Drop(key int64) {
	if d.err != nil {
		return
	}
	if d.pending.Drop(key) >= 16*putRows {
		d.flush()
	}
}

// flush writes the pending writes: removals, then the rows put.
func (d *pieceDetails) flush() error {
	if d.err != nil || d.pending.Len() == 0 {
		return d.err
	}
	keys, pending := d.pending.Take()
	args := make([]any, 0, 6*putRows)
	for _, k := range keys {
		id, piece := trail.SplitKey(k)
		x := pending(k)
		if x == nil {
			if _, err := d.drop.ExecContext(d.ctx, id, piece); err != nil {
				d.err = fmt.Errorf("remove piece %d of attribution %d: %w", piece, id, err)
				return d.err
			}
			continue
		}
		var match any
		if x.Match != x.Text {
			match = x.Match
		}
		args = append(args, id, piece, x.Start, x.End, x.Text, match)
		if len(args) == cap(args) {
			if _, err := d.put.ExecContext(d.ctx, args...); err != nil {
				d.err = fmt.Errorf("store cluster pieces: %w", err)
				return d.err
			}
			args = args[:0]
		}
	}
	for i := 0; i < len(args); i += 6 {
		if _, err := d.putOne.ExecContext(d.ctx, args[i:i+6]...); err != nil {
			d.err = fmt.Errorf("store cluster pieces: %w", err)
			return d.err
		}
	}
	return nil
}

func (d *pieceDetails) Get(keys []int64) map[int64]*trail.Detail {
	out := make(map[int64]*trail.Detail, len(keys))
	if d.flush() != nil || len(keys) == 0 {
		return out
	}
	var ids strings.Builder
	ids.WriteByte('[')
	last := int64(-1)
	for i, k := range keys {
		id, _ := trail.SplitKey(k)
		if id == last {
			continue
		}
		if i > 0 {
			ids.WriteByte(',')
		}
		ids.WriteString(strconv.FormatInt(id, 10))
		last = id
	}
	ids.WriteByte(']')
	// Markers in the order they were stored (id), as the quotes read
	// them: the rows come in no particular order (a sort would hold
	// them all).
	markerIDs := map[int64][]int64{}
	err := eachStmt(d.ctx, d.get, []any{ids.String()}, func(sc scanner) error {
		var x trail.Detail
		var id int64
		var piece int
		var match, mtype, mtext sql.NullString
		var mid, mstart, mend sql.NullInt64
		if err := sc.Scan(&id, &piece, &x.Start, &x.End, &x.Text, &match, &x.Source, &x.Outlet, &mid, &mtype, &mstart, &mend, &mtext); err != nil {
			return err
		}
		k := trail.MemberKey(id, piece)
		if _, found := slices.BinarySearch(keys, k); !found {
			return nil
		}
		have := out[k]
		if have == nil {
			x.Key = k
			x.Match = x.Text
			if match.Valid {
				x.Match = match.String
			}
			have = &x
			out[k] = have
		}
		if mtype.Valid {
			have.Markers = append(have.Markers, claimtrail.Marker{Type: claimtrail.MarkerType(mtype.String),
				Span: claimtrail.Span{Start: int(mstart.Int64), End: int(mend.Int64), Text: mtext.String}})
			markerIDs[k] = append(markerIDs[k], mid.Int64)
		}
		return nil
	})
	for k, mids := range markerIDs {
		ms := out[k].Markers
		idx := make([]int, len(ms))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(mids[a], mids[b]) })
		sorted := make([]claimtrail.Marker, len(ms))
		for i, j := range idx {
			sorted[i] = ms[j]
		}
		out[k].Markers = sorted
	}
	if err != nil {
		d.err = fmt.Errorf("read cluster pieces: %w", err)
	}
	return out
}

// eachStmt runs a prepared query and calls fn for every row.
func eachStmt(ctx context.Context, st *sql.Stmt, args []any, fn func(scanner) error) error {
	rows, err := st.QueryContext(ctx, args...)
	return eachRow(rows, err, fn)
}

// eachRow calls fn for every row of a query's result (err: the query's),
// and closes the rows.
func eachRow(rows *sql.Rows, err error, fn func(scanner) error) error {
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
