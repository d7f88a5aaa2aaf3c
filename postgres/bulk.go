package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// VacuumAnalyze vacuums and analyses the tables a bulk load fills: it
// sets the visibility map (index-only reads skip the table), moves the
// GIN indexes' pending entries into the index proper and gathers the
// planner's statistics, which autovacuum would otherwise do some time
// after the load. It cannot run inside a transaction.
func (s *Store) VacuumAnalyze(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `VACUUM (ANALYZE) articles, attributions, content_spans, markers, according_to,
		speakers, speaker_articles, speaker_outlets, speaker_channels, attribution_terms, attribution_bigrams`); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	return nil
}

// BulkLoad stores new articles with their attributions in one
// transaction through COPY, many times faster than PutBatch: for filling
// a store for a load test (claimtrail gen-store). Unlike PutBatch it does
// not look for stored copies: an article whose URL (or, without one,
// text hash) is already stored fails the whole load, and speakers are
// found by name only (not among aliases). The articles' IDs and their
// attributions' IDs are set.
func (s *Store) BulkLoad(ctx context.Context, articles []*claimtrail.Article) error {
	for _, a := range articles {
		a.Hash = claimtrail.HashText(a.Text)
		if err := a.Validate(); err != nil {
			return fmt.Errorf("bulk load %s: %w", a.Source, err)
		}
	}
	if len(articles) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, writeLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		w := &txWriter{ctx: ctx, tx: tx, now: time.Now().UTC()}
		if err := w.bulkSpeakers(articles); err != nil {
			return err
		}
		nAttr := 0
		for _, a := range articles {
			nAttr += len(a.Attributions)
		}
		articleIDs, err := nextIDs(ctx, tx, "articles", len(articles))
		if err != nil {
			return err
		}
		attrIDs, err := nextIDs(ctx, tx, "attributions", nAttr)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `CREATE TEMP TABLE bulk_articles (id bigint, source text, url text, outlet text, published timestamptz,
				sort_key text, title text, author text, text text, hash text, xver text, language text, fa text, fb text) ON COMMIT DROP;
			CREATE TEMP TABLE bulk_attributions (id bigint, article_id bigint, ord integer, kind text,
				source_start integer, source_end integer, source_text text, cue_start integer, cue_end integer, cue_text text,
				content text, speaker_id bigint, channel text, confidence double precision, flags text, sort_key text,
				fc text, fs text) ON COMMIT DROP`)
		if err != nil {
			return fmt.Errorf("bulk load: staging tables: %w", err)
		}
		var arows, trows, crows, mrows, rrows [][]any
		k := 0
		for i, a := range articles {
			a.ID = articleIDs[i]
			key := sortKey(a.Published)
			arows = append(arows, []any{a.ID, a.Source, nullString(a.URL), a.Outlet, nullTime(a.Published), key, a.Title, a.Author,
				a.Text, a.Hash, a.ExtractorVersion, a.Language, fold(a.Title), fold(a.Text)})
			for j := range a.Attributions {
				at := &a.Attributions[j]
				at.ID, at.ArticleID = attrIDs[k], a.ID
				k++
				var speakerID any
				speakerName := ""
				if name := strings.TrimSpace(at.Speaker.Name); name != "" && at.Speaker.Kind != claimtrail.SpeakerDescription {
					row := w.speakers[strings.ToLower(name)]
					at.Speaker.ID = row.id
					speakerID, speakerName = row.id, row.name
				}
				flags, err := json.Marshal(nonNil(claimtrail.FlagsWithDescription(at.Flags, at.Speaker)))
				if err != nil {
					return err
				}
				var srcStart, srcEnd, srcText, cueStart, cueEnd, cueText any
				if at.Source != nil {
					srcStart, srcEnd, srcText = at.Source.Start, at.Source.End, at.Source.Text
				}
				if at.Cue != nil {
					cueStart, cueEnd, cueText = at.Cue.Start, at.Cue.End, at.Cue.Text
				}
				kind := at.Kind
				if kind == "" {
					kind = claimtrail.KindIndirect
				}
				content := at.ContentText()
				trows = append(trows, []any{at.ID, a.ID, j, string(kind), srcStart, srcEnd, srcText, cueStart, cueEnd, cueText,
					content, speakerID, string(at.Channel), at.Confidence, string(flags), key, fold(content), fold(speakerName)})
				for o, c := range at.Content {
					crows = append(crows, []any{at.ID, o, c.Start, c.End, c.Text})
				}
				for _, m := range at.Markers {
					mrows = append(mrows, []any{a.ID, at.ID, string(m.Type), m.Start, m.End, m.Text})
				}
				for o, r := range at.AccordingTo {
					rrows = append(rrows, []any{at.ID, o, r})
				}
			}
			for _, m := range a.Markers {
				mrows = append(mrows, []any{a.ID, nil, string(m.Type), m.Start, m.End, m.Text})
			}
		}
		copies := []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"bulk_articles", []string{"id", "source", "url", "outlet", "published", "sort_key", "title", "author", "text", "hash", "xver", "language", "fa", "fb"}, arows},
			{"bulk_attributions", []string{"id", "article_id", "ord", "kind", "source_start", "source_end", "source_text", "cue_start", "cue_end", "cue_text",
				"content", "speaker_id", "channel", "confidence", "flags", "sort_key", "fc", "fs"}, trows},
		}
		for _, c := range copies {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
				return fmt.Errorf("bulk load: copy %s: %w", c.table, err)
			}
		}
		_, err = tx.Exec(ctx, `INSERT INTO articles (id, source, url, outlet, published, sort_key, title, author, text, hash, extractor_version, ingested_at, updated_at, search, language)
			SELECT id, source, url, outlet, published, sort_key, title, author, text, hash, xver, $1, $1,
				setweight(to_tsvector('claimtrail', fa), 'A') || setweight(to_tsvector('claimtrail', fb), 'B'), language
			FROM bulk_articles`, w.now)
		if err != nil {
			return fmt.Errorf("bulk load: articles: %w", err)
		}
		_, err = tx.Exec(ctx, `INSERT INTO attributions (id, article_id, ord, kind, source_start, source_end, source_text, cue_start, cue_end, cue_text,
				content, speaker_id, channel, confidence, flags, sort_key, search_content, search_speaker)
			SELECT id, article_id, ord, kind, source_start, source_end, source_text, cue_start, cue_end, cue_text,
				content, speaker_id, channel, confidence, flags::jsonb, sort_key,
				setweight(to_tsvector('claimtrail', fc), 'A'), setweight(to_tsvector('claimtrail', fs), 'B')
			FROM bulk_attributions`)
		if err != nil {
			return fmt.Errorf("bulk load: attributions: %w", err)
		}
		direct := []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"content_spans", []string{"attribution_id", "ord", "span_start", "span_end", "text"}, crows},
			{"markers", []string{"article_id", "attribution_id", "type", "span_start", "span_end", "text"}, mrows},
			{"according_to", []string{"attribution_id", "ord", "relay"}, rrows},
		}
		for _, c := range direct {
			if len(c.rows) == 0 {
				continue
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
				return fmt.Errorf("bulk load: copy %s: %w", c.table, err)
			}
		}
		return w.markPending([]claimtrail.PutResult{{Outcome: claimtrail.PutInserted}})
	})
}

// nextIDs draws n ids from the identity sequence of table's id column.
func nextIDs(ctx context.Context, tx pgx.Tx, table string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2) ORDER BY 1`, table, n)
	if err != nil {
		return nil, fmt.Errorf("bulk load: ids of %s: %w", table, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("bulk load: ids of %s: %w", table, err)
	}
	return ids, nil
}

// bulkSpeakers finds or creates the speakers the articles name with two
// statements, whatever their number (prepareSpeakers takes several per
// speaker).
func (w *txWriter) bulkSpeakers(articles []*claimtrail.Article) error {
	type want struct{ name, kind string }
	wants := map[string]*want{}
	for _, a := range articles {
		for i := range a.Attributions {
			sp := a.Attributions[i].Speaker
			name := strings.TrimSpace(sp.Name)
			if name == "" || sp.Kind == claimtrail.SpeakerDescription {
				continue
			}
			key := strings.ToLower(name)
			kind := string(sp.Kind)
			if kind == "" {
				kind = string(claimtrail.SpeakerUnknown)
			}
			wt := wants[key]
			if wt == nil {
				wants[key] = &want{name, kind}
				continue
			}
			wt.name = trail.PreferredCase(wt.name, name)
			if kind != string(claimtrail.SpeakerUnknown) && (wt.kind == string(claimtrail.SpeakerUnknown) || kind < wt.kind) {
				wt.kind = kind
			}
		}
	}
	keys := make([]string, 0, len(wants))
	for k := range wants {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	names, kinds := make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		names[i], kinds[i] = wants[k].name, wants[k].kind
	}
	w.speakers = make(map[string]speakerRow, len(keys))
	if len(keys) == 0 {
		return nil
	}
	_, err := w.tx.Exec(w.ctx, `INSERT INTO speakers (name, kind) SELECT * FROM unnest($1::text[], $2::text[])
		ON CONFLICT (name_key) DO NOTHING`, names, kinds)
	if err != nil {
		return fmt.Errorf("bulk load: speakers: %w", err)
	}
	rows, err := w.tx.Query(w.ctx, `SELECT n, sp.id, sp.name FROM unnest($1::text[]) n JOIN speakers sp ON sp.name_key = lower(n)`, names)
	if err != nil {
		return fmt.Errorf("bulk load: speakers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		var r speakerRow
		if err := rows.Scan(&n, &r.id, &r.name); err != nil {
			return fmt.Errorf("bulk load: speakers: %w", err)
		}
		w.speakers[strings.ToLower(n)] = r
	}
	return rows.Err()
}
