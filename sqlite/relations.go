package sqlite

// Relations between statements (corrects, contradicts, reverses): the
// algorithm is trail.Relations; this file reads the statements it needs.

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// RelationFilter is claimtrail.RelationFilter.
type RelationFilter = claimtrail.RelationFilter

var _ claimtrail.RelationStore = (*Store)(nil)

// Statements reads every attribution as a trail.Statement (content,
// cue, verbatim quotes, markers, speaker, cluster, article facts).
func (s *Store) Statements(ctx context.Context) ([]trail.Statement, error) {
	var out []trail.Statement
	byID := map[int64]int{}
	err := s.each(ctx, `SELECT a.id, a.article_id, ar.source, ar.published, a.kind, coalesce(sp.name, ''),
			coalesce(sp.kind, 'unknown'), a.cue_start, a.cue_end, a.cue_text, coalesce(a.cluster_id, 0)
		FROM attributions a JOIN articles ar ON ar.id = a.article_id
		LEFT JOIN speakers sp ON sp.id = a.speaker_id ORDER BY a.id`, nil, func(sc scanner) error {
		var st trail.Statement
		var published, cueText sql.NullString
		var cueStart, cueEnd sql.NullInt64
		var kind, spKind string
		if err := sc.Scan(&st.AttributionID, &st.ArticleID, &st.ArticleSource, &published, &kind, &st.Speaker,
			&spKind, &cueStart, &cueEnd, &cueText, &st.Cluster); err != nil {
			return err
		}
		t, err := parseTime(published)
		if err != nil {
			return err
		}
		st.Published, st.Kind, st.SpeakerKind = t, claimtrail.Kind(kind), claimtrail.SpeakerKind(spKind)
		if cueStart.Valid {
			st.Cue = &claimtrail.Span{Start: int(cueStart.Int64), End: int(cueEnd.Int64), Text: cueText.String}
		}
		byID[st.AttributionID] = len(out)
		out = append(out, st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load statements: %w", err)
	}
	err = s.each(ctx, `SELECT attribution_id, span_start, span_end, text FROM content_spans ORDER BY attribution_id, ord`, nil, func(sc scanner) error {
		var id int64
		var sp claimtrail.Span
		if err := sc.Scan(&id, &sp.Start, &sp.End, &sp.Text); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			out[i].Content = append(out[i].Content, sp)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load statement content: %w", err)
	}
	err = s.each(ctx, `SELECT attribution_id, type, span_start, span_end, text FROM markers WHERE attribution_id IS NOT NULL ORDER BY attribution_id, id`, nil, func(sc scanner) error {
		var id int64
		var m claimtrail.Marker
		if err := sc.Scan(&id, &m.Type, &m.Start, &m.End, &m.Text); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			out[i].Markers = append(out[i].Markers, m)
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

// Relations finds the relations between the stored statements (see
// trail.Relations) and keeps those the filter chooses.
func (s *Store) Relations(ctx context.Context, f RelationFilter) ([]claimtrail.Relation, error) {
	if _, err := trail.SelectRelations(nil, claimtrail.RelationFilter{Type: f.Type}); err != nil {
		return nil, err // an unknown type, before reading everything
	}
	stmts, err := s.Statements(ctx)
	if err != nil {
		return nil, err
	}
	return trail.SelectRelations(stmts, f)
}
