package postgres

// Relations between statements (corrects, contradicts, reverses): the
// algorithm and the filter are trail's (trail.SelectRelations), as on
// the sqlite store; this file reads the statements they need.

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

var _ claimtrail.RelationStore = (*Store)(nil)

// Statements reads every attribution as a trail.Statement (content,
// cue, verbatim quotes, markers, speaker, cluster, article facts), in
// attribution order.
func (s *Store) Statements(ctx context.Context) ([]trail.Statement, error) {
	var out []trail.Statement
	byID := map[int64]int{}
	err := s.each(ctx, `SELECT a.id, a.article_id, ar.source, ar.published, a.kind, coalesce(sp.name, ''),
			coalesce(sp.kind, 'unknown'), a.cue_start, a.cue_end, a.cue_text, coalesce(a.cluster_id, 0)
		FROM attributions a JOIN articles ar ON ar.id = a.article_id
		LEFT JOIN speakers sp ON sp.id = a.speaker_id ORDER BY a.id`, nil, func(row pgx.Row) error {
		var st trail.Statement
		var published *time.Time
		var cueStart, cueEnd *int32
		var cueText *string
		var kind, spKind string
		if err := row.Scan(&st.AttributionID, &st.ArticleID, &st.ArticleSource, &published, &kind, &st.Speaker,
			&spKind, &cueStart, &cueEnd, &cueText, &st.Cluster); err != nil {
			return err
		}
		if published != nil {
			st.Published = published.UTC()
		}
		st.Kind, st.SpeakerKind = claimtrail.Kind(kind), claimtrail.SpeakerKind(spKind)
		if cueStart != nil && cueEnd != nil {
			st.Cue = &claimtrail.Span{Start: int(*cueStart), End: int(*cueEnd)}
			if cueText != nil {
				st.Cue.Text = *cueText
			}
		}
		byID[st.AttributionID] = len(out)
		out = append(out, st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load statements: %w", err)
	}
	err = s.each(ctx, `SELECT attribution_id, span_start, span_end, text FROM content_spans ORDER BY attribution_id, ord`, nil, func(row pgx.Row) error {
		var id int64
		var start, end int32
		var text string
		if err := row.Scan(&id, &start, &end, &text); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			out[i].Content = append(out[i].Content, claimtrail.Span{Start: int(start), End: int(end), Text: text})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load statement content: %w", err)
	}
	err = s.each(ctx, `SELECT attribution_id, type, span_start, span_end, text FROM markers WHERE attribution_id IS NOT NULL ORDER BY attribution_id, id`, nil, func(row pgx.Row) error {
		var id int64
		var typ, text string
		var start, end int32
		if err := row.Scan(&id, &typ, &start, &end, &text); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			out[i].Markers = append(out[i].Markers, claimtrail.Marker{Type: claimtrail.MarkerType(typ), Span: claimtrail.Span{Start: int(start), End: int(end), Text: text}})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load statement markers: %w", err)
	}
	for i := range out {
		out[i].Quotes = claimtrail.VerbatimQuotes(out[i].Kind, out[i].Content)
	}
	return out, nil
}

// Relations finds the relations between the stored statements and keeps
// those the filter chooses (trail.SelectRelations).
func (s *Store) Relations(ctx context.Context, f claimtrail.RelationFilter) ([]claimtrail.Relation, error) {
	if _, err := trail.SelectRelations(nil, claimtrail.RelationFilter{Type: f.Type}); err != nil {
		return nil, err // an unknown type, before reading everything
	}
	stmts, err := s.Statements(ctx)
	if err != nil {
		return nil, err
	}
	return trail.SelectRelations(stmts, f)
}
