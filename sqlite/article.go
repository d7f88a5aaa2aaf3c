package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// HashText is the hex SHA-256 of an article's text (claimtrail.HashText).
func HashText(text string) string { return claimtrail.HashText(text) }

// PutArticle implements claimtrail.Store.
func (s *Store) PutArticle(ctx context.Context, a *claimtrail.Article) (claimtrail.PutOutcome, error) {
	res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{a}})
	if err != nil {
		return "", err
	}
	if res[0].Err != nil {
		return "", res[0].Err
	}
	return res[0].Outcome, nil
}

// PutBatch implements claimtrail.IngestStore. An article the store
// refuses (see claimtrail.Article.Validate) is recorded as an ingest error and the rest of the
// batch commits; only a failure of the transaction itself (disk full, ctx
// cancelled) returns an error, and then nothing of the batch is stored.
//
// Articles are checked before the transaction and written without
// savepoints: a savepoint makes FTS5 flush its pending index to disk, which
// per article costs more than extracting it. Should an article still fail
// inside the transaction (a constraint), the batch is rolled back and
// written again with one savepoint per article, so that only that article
// is lost.
func (s *Store) PutBatch(ctx context.Context, b claimtrail.Batch) ([]claimtrail.PutResult, error) {
	// A failed attempt has set ids it rolled back; the retry starts over
	// from the caller's.
	ids := make([]int64, len(b.Articles))
	for i, a := range b.Articles {
		ids[i] = a.ID
	}
	results, err := s.putBatch(ctx, b, false)
	if err != nil && ctx.Err() == nil && errors.Is(err, errArticleFailed) {
		for i, a := range b.Articles {
			a.ID = ids[i]
		}
		results, err = s.putBatch(ctx, b, true)
	}
	if err != nil {
		for i, a := range b.Articles {
			a.ID = ids[i]
		}
		return nil, fmt.Errorf("store batch of %d articles: %w", len(b.Articles), err)
	}
	return results, nil
}

// errArticleFailed marks a batch that failed because of one article.
var errArticleFailed = errors.New("an article failed")

func (s *Store) putBatch(ctx context.Context, b claimtrail.Batch, savepoints bool) ([]claimtrail.PutResult, error) {
	results := make([]claimtrail.PutResult, len(b.Articles))
	now := time.Now().UTC()
	invalid := make([]error, len(b.Articles))
	for i, a := range b.Articles {
		invalid[i] = a.Validate()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		w := newTxWriter(ctx, tx, now)
		defer w.close()
		for i, a := range b.Articles {
			err := invalid[i]
			if err == nil {
				if savepoints {
					err = w.putWithSavepoint(a, &results[i])
				} else {
					results[i].Outcome, err = w.putArticle(a)
					if err != nil {
						return fmt.Errorf("%w: %s: %w", errArticleFailed, a.Source, err)
					}
				}
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				results[i] = claimtrail.PutResult{Err: err}
				if err := w.recordError(claimtrail.IngestError{Source: a.Source, Reason: errorReason(err), Time: now}); err != nil {
					return err
				}
				continue
			}
			results[i].ID = a.ID
			if err := w.clearError(a.Source); err != nil {
				return err
			}
		}
		if err := w.pruneSpeakers(); err != nil {
			return err
		}
		if err := w.markPending(results); err != nil {
			return err
		}
		if err := w.indexNew(); err != nil {
			return err
		}
		for _, src := range b.Unchanged {
			if err := w.clearError(src); err != nil {
				return err
			}
		}
		for _, e := range b.Errors {
			if e.Time.IsZero() {
				e.Time = now
			}
			if err := w.recordError(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// errorReason is the message of err for the ingest_errors table: the
// message of a *claimtrail.Error, else the whole error text.
func errorReason(err error) string {
	var e *claimtrail.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// putWithSavepoint writes a under a savepoint and rolls back only a when
// it fails; the error is returned for the caller to record.
func (w *txWriter) putWithSavepoint(a *claimtrail.Article, res *claimtrail.PutResult) error {
	if _, err := w.tx.ExecContext(w.ctx, "SAVEPOINT article"); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	nArticles, nAttributions, nOrphans, nStatted := len(w.newArticles), len(w.newAttributions), len(w.orphans), w.statted
	id := a.ID
	outcome, err := w.putArticle(a)
	if err != nil {
		a.ID = id
		w.newArticles, w.newAttributions, w.orphans = w.newArticles[:nArticles], w.newAttributions[:nAttributions], w.orphans[:nOrphans]
		w.statted = nStatted
		if _, rerr := w.tx.ExecContext(w.ctx, "ROLLBACK TO article"); rerr != nil {
			return fmt.Errorf("rollback article %s: %w", a.Source, rerr)
		}
		// Speakers created under the savepoint are gone.
		clear(w.speakers)
		clear(w.seen)
	}
	if _, rerr := w.tx.ExecContext(w.ctx, "RELEASE article"); rerr != nil {
		return fmt.Errorf("release savepoint: %w", rerr)
	}
	res.Outcome = outcome
	return err
}

// txWriter holds the prepared statements of one write transaction and a
// cache of speaker ids, so that a batch of hundreds of articles compiles
// each statement once.
type txWriter struct {
	// newArticles and newAttributions are the rows inserted by this
	// transaction, indexed for search by indexNew before it commits.
	newArticles, newAttributions []int64
	// statted counts the newAttributions already added to the speaker
	// summaries (see addSpeakerStats).
	statted int
	// orphans are speakers whose attributions this transaction replaced;
	// pruneSpeakers deletes those left with none.
	orphans []int64

	ctx context.Context
	tx  *sql.Tx
	now string
	// speakers caches, by lower-cased name, the speaker rows this
	// transaction has looked up, and seen the facts already written for
	// them, so that a batch issues each speaker update once.
	speakers map[string]int64
	seen     map[string]bool
	stmts    map[string]*sql.Stmt
}

func newTxWriter(ctx context.Context, tx *sql.Tx, now time.Time) *txWriter {
	return &txWriter{
		ctx:      ctx,
		tx:       tx,
		now:      now.Format(timeLayout),
		speakers: map[string]int64{},
		seen:     map[string]bool{},
		stmts:    map[string]*sql.Stmt{},
	}
}

func (w *txWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// exec runs a statement, preparing it on first use.
func (w *txWriter) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

func (w *txWriter) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", firstLine(query), err)
	}
	w.stmts[query] = st
	return st, nil
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i >= 0 {
		return q[:i]
	}
	return q
}

// noteSpeakersOf remembers the speakers of an article's attributions
// before they are replaced.
func (w *txWriter) noteSpeakersOf(articleID int64) error {
	st, err := w.stmt(`SELECT DISTINCT speaker_id FROM attributions WHERE article_id = ? AND speaker_id IS NOT NULL`)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(w.ctx, articleID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		w.orphans = append(w.orphans, id)
	}
	return rows.Err()
}

// pruneSpeakers deletes the speakers noted by noteSpeakersOf that no
// attribution names any more, unless they carry aliases (which record a
// merge that later articles should still follow), so that re-extraction
// does not leave the old extractor's speakers behind in listings.
func (w *txWriter) pruneSpeakers() error {
	if len(w.orphans) == 0 {
		return nil
	}
	ids, _ := json.Marshal(w.orphans)
	_, err := w.tx.ExecContext(w.ctx, `DELETE FROM speakers WHERE id IN (SELECT value FROM json_each(?))
		AND NOT EXISTS (SELECT 1 FROM attributions a WHERE a.speaker_id = speakers.id)
		AND NOT EXISTS (SELECT 1 FROM speaker_aliases sa WHERE sa.speaker_id = speakers.id)`, string(ids))
	if err != nil {
		return fmt.Errorf("prune speakers: %w", err)
	}
	w.orphans = w.orphans[:0]
	clear(w.speakers)
	clear(w.seen)
	return nil
}

// indexNew adds the rows inserted by this transaction to the full-text
// indexes, one statement per index (see the schema's note on triggers).
func (w *txWriter) indexNew() error {
	if err := w.addSpeakerStats(); err != nil {
		return err
	}
	if len(w.newAttributions) > 0 {
		ids, _ := json.Marshal(w.newAttributions)
		if _, err := w.tx.ExecContext(w.ctx, `INSERT OR REPLACE INTO quotes_fts (rowid, content, speaker)
			SELECT a.id, a.content, coalesce(sp.name, '') FROM attributions a LEFT JOIN speakers sp ON sp.id = a.speaker_id
			WHERE a.id IN (SELECT value FROM json_each(?))`, string(ids)); err != nil {
			return fmt.Errorf("index quotes: %w", err)
		}
	}
	if len(w.newArticles) > 0 {
		ids, _ := json.Marshal(w.newArticles)
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO articles_fts (rowid, title, text)
			SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(ids)); err != nil {
			return fmt.Errorf("index articles: %w", err)
		}
	}
	w.newArticles, w.newAttributions, w.statted = w.newArticles[:0], w.newAttributions[:0], 0
	return nil
}

func (w *txWriter) recordError(e claimtrail.IngestError) error {
	if e.Source == "" {
		e.Source = "(unknown)"
	}
	_, err := w.exec(`INSERT INTO ingest_errors (source, reason, time) VALUES (?, ?, ?)
		ON CONFLICT (source) DO UPDATE SET reason = excluded.reason, time = excluded.time`,
		e.Source, e.Reason, e.Time.UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("record error for %s: %w", e.Source, err)
	}
	return nil
}

func (w *txWriter) clearError(source string) error {
	if _, err := w.exec(`DELETE FROM ingest_errors WHERE source = ?`, source); err != nil {
		return fmt.Errorf("clear error for %s: %w", source, err)
	}
	return nil
}

// The state an ingest compares before extracting (claimtrail.ArticleState:
// id, text hash, extractor version) is read from an index, by URL or by
// hash. In the row, hash and extractor_version follow the text, so
// reading them from the table walked the text's overflow pages: a
// re-run over stored articles read every text through the readers'
// page caches, which filled to their cap (40k generated articles, every
// one unchanged: peak RSS 283 MB for a Go heap of 40 MB, above the 244
// MB of the ingest that stored them). With the columns in the indexes
// the look-ups never read the table.
func init() {
	registerMigration(migration{Version: 111, Name: "article state in the look-up indexes", SQL: `
		CREATE INDEX articles_url_state ON articles(url, hash, extractor_version) WHERE url IS NOT NULL;
		DROP INDEX articles_hash;
		CREATE INDEX articles_hash ON articles(hash, url, extractor_version);
	`})
}

// lookupQuery finds an article's identity: by URL when it has one, else
// by text hash, preferring an article without URL (the same text at two
// URLs is two articles: a syndicated copy is still a separate report).
// Both read an index only (migration 111).
func lookupQuery(url, hash string) (string, []any) {
	if url != "" {
		return `SELECT id, hash, extractor_version FROM articles INDEXED BY articles_url_state WHERE url = ?`, []any{url}
	}
	return `SELECT id, hash, extractor_version FROM articles WHERE hash = ? ORDER BY url IS NOT NULL, id LIMIT 1`, []any{hash}
}

// LookupArticle implements claimtrail.IngestStore.
func (s *Store) LookupArticle(ctx context.Context, url, hash string) (claimtrail.ArticleState, error) {
	var st claimtrail.ArticleState
	q, args := lookupQuery(url, hash)
	err := s.ro.QueryRowContext(ctx, q, args...).Scan(&st.ID, &st.Hash, &st.ExtractorVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return st, claimtrail.Errorf(claimtrail.ENOTFOUND, "no stored article with url %q or hash %q", url, hash)
	} else if err != nil {
		return st, fmt.Errorf("lookup article: %w", err)
	}
	return st, nil
}

// putArticle writes one article; see claimtrail.Store.PutArticle.
// The caller has validated a.
func (w *txWriter) putArticle(a *claimtrail.Article) (claimtrail.PutOutcome, error) {
	a.Hash = HashText(a.Text)
	var (
		id          int64
		hash, xver  string
		err         error
		forceUpdate = a.ID != 0
	)
	if forceUpdate {
		st, qerr := w.stmt(`SELECT id, hash, extractor_version FROM articles WHERE id = ?`)
		if qerr != nil {
			return "", qerr
		}
		err = st.QueryRowContext(w.ctx, a.ID).Scan(&id, &hash, &xver)
		if errors.Is(err, sql.ErrNoRows) {
			return "", claimtrail.Errorf(claimtrail.ENOTFOUND, "article %d not found", a.ID)
		}
	} else {
		q, args := lookupQuery(a.URL, a.Hash)
		st, qerr := w.stmt(q)
		if qerr != nil {
			return "", qerr
		}
		err = st.QueryRowContext(w.ctx, args...).Scan(&id, &hash, &xver)
		if errors.Is(err, sql.ErrNoRows) {
			err, id = nil, 0
		}
	}
	if err != nil {
		return "", fmt.Errorf("look up %s: %w", a.Source, err)
	}
	if id != 0 && !forceUpdate && hash == a.Hash && xver == a.ExtractorVersion {
		a.ID = id
		if a.URL == "" && a.Source != "" {
			// Of identical texts without URL the least source names the
			// article, whatever order they came in (as in postgres).
			if _, err := w.exec(`UPDATE articles SET source = ? WHERE id = ? AND source > ?`, a.Source, id, a.Source); err != nil {
				return "", fmt.Errorf("update source of %s: %w", a.Source, err)
			}
		}
		return claimtrail.PutUnchanged, nil
	}
	outcome := claimtrail.PutInserted
	if id == 0 {
		res, err := w.exec(`INSERT INTO articles (source, url, outlet, published, title, author, text, hash, extractor_version, ingested_at, updated_at, language)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Source, nullString(a.URL), a.Outlet, formatTime(a.Published), a.Title, a.Author, a.Text, a.Hash, a.ExtractorVersion, w.now, w.now, a.Language)
		if err != nil {
			return "", fmt.Errorf("insert article %s: %w", a.Source, err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return "", fmt.Errorf("insert article %s: %w", a.Source, err)
		}
		w.newArticles = append(w.newArticles, id)
	} else {
		outcome = claimtrail.PutUpdated
		// Setting title or text fires the article index's update trigger
		// (and a flush); a reindex, which changes neither, does not.
		var sameText bool
		if hash == a.Hash {
			st, err := w.stmt(`SELECT title = ? FROM articles WHERE id = ?`)
			if err != nil {
				return "", err
			}
			if err := st.QueryRowContext(w.ctx, a.Title, id).Scan(&sameText); err != nil {
				return "", fmt.Errorf("update article %s: %w", a.Source, err)
			}
		}
		if sameText {
			_, err = w.exec(`UPDATE articles SET source = ?, url = ?, outlet = ?, published = ?, author = ?, extractor_version = ?, updated_at = ?, language = ?
				WHERE id = ?`,
				a.Source, nullString(a.URL), a.Outlet, formatTime(a.Published), a.Author, a.ExtractorVersion, w.now, a.Language, id)
		} else {
			_, err = w.exec(`UPDATE articles SET source = ?, url = ?, outlet = ?, published = ?, title = ?, author = ?, text = ?, hash = ?, extractor_version = ?, updated_at = ?, language = ?
				WHERE id = ?`,
				a.Source, nullString(a.URL), a.Outlet, formatTime(a.Published), a.Title, a.Author, a.Text, a.Hash, a.ExtractorVersion, w.now, a.Language, id)
		}
		if err != nil {
			return "", fmt.Errorf("update article %s: %w", a.Source, err)
		}
		// The replaced attributions' speakers may be left with none.
		if err := w.noteSpeakersOf(id); err != nil {
			return "", fmt.Errorf("replace attributions of %s: %w", a.Source, err)
		}
		// Count this batch's attributions before any are deleted.
		if err := w.addSpeakerStats(); err != nil {
			return "", err
		}
		// Cascades to spans, markers, relays, the quote index and the
		// speaker summaries.
		if _, err := w.exec(`DELETE FROM attributions WHERE article_id = ?`, id); err != nil {
			return "", fmt.Errorf("replace attributions of %s: %w", a.Source, err)
		}
		if _, err := w.exec(`DELETE FROM markers WHERE article_id = ?`, id); err != nil {
			return "", fmt.Errorf("replace markers of %s: %w", a.Source, err)
		}
	}
	a.ID = id
	for i := range a.Attributions {
		at := &a.Attributions[i]
		at.ArticleID = id
		if err := w.putAttribution(at, i, sortKey(a.Published)); err != nil {
			return "", fmt.Errorf("store attribution %d of %s: %w", i, a.Source, err)
		}
	}
	for _, m := range a.Markers {
		if _, err := w.exec(`INSERT INTO markers (article_id, attribution_id, type, span_start, span_end, text) VALUES (?, NULL, ?, ?, ?, ?)`,
			id, string(m.Type), m.Start, m.End, m.Text); err != nil {
			return "", fmt.Errorf("store marker of %s: %w", a.Source, err)
		}
	}
	return outcome, nil
}

func (w *txWriter) putAttribution(at *claimtrail.Attribution, ord int, sortKey string) error {
	speakerID, err := w.speaker(at.Speaker)
	if err != nil {
		return err
	}
	if speakerID != 0 {
		at.Speaker.ID = speakerID
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
	var cluster any
	if at.ClusterID != 0 {
		cluster = at.ClusterID
	}
	kind := at.Kind
	if kind == "" {
		kind = claimtrail.KindIndirect
	}
	res, err := w.exec(`INSERT INTO attributions (article_id, ord, kind, source_start, source_end, source_text, cue_start, cue_end, cue_text, content, speaker_id, channel, confidence, flags, sort_key, cluster_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		at.ArticleID, ord, string(kind), srcStart, srcEnd, srcText, cueStart, cueEnd, cueText, at.ContentText(),
		nullID(speakerID), string(at.Channel), at.Confidence, string(flags), sortKey, cluster)
	if err != nil {
		return err
	}
	if at.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	w.newAttributions = append(w.newAttributions, at.ID)
	for i, c := range at.Content {
		if _, err := w.exec(`INSERT INTO content_spans (attribution_id, ord, span_start, span_end, text) VALUES (?, ?, ?, ?, ?)`,
			at.ID, i, c.Start, c.End, c.Text); err != nil {
			return err
		}
	}
	for _, m := range at.Markers {
		if _, err := w.exec(`INSERT INTO markers (article_id, attribution_id, type, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)`,
			at.ArticleID, at.ID, string(m.Type), m.Start, m.End, m.Text); err != nil {
			return err
		}
	}
	for i, r := range at.AccordingTo {
		if _, err := w.exec(`INSERT INTO according_to (attribution_id, ord, relay) VALUES (?, ?, ?)`, at.ID, i, r); err != nil {
			return err
		}
	}
	return nil
}

// speaker returns the id of the stored speaker sp names, creating it when
// needed; 0 for an attribution without a named speaker. A name is matched
// case-insensitively against canonical names first, then against aliases
// when exactly one speaker has it (so a merge made by trail sticks for new
// articles); a kind or external id the stored speaker lacks is filled in,
// and sp's aliases are added to it.
func (w *txWriter) speaker(sp claimtrail.Speaker) (int64, error) {
	name := strings.TrimSpace(sp.Name)
	if name == "" || sp.Kind == claimtrail.SpeakerDescription {
		// a description ("analysts") is local to its article: no speaker
		// row, so that two articles' analysts never become one speaker
		return 0, nil
	}
	key := strings.ToLower(name)
	id, cached := w.speakers[key]
	if !cached {
		st, err := w.stmt(`SELECT id, name FROM speakers WHERE name = ?`)
		if err != nil {
			return 0, err
		}
		var stored string
		err = st.QueryRowContext(w.ctx, name).Scan(&id, &stored)
		if err == nil && trail.PreferredCase(stored, name) != stored {
			// the spelling kept does not depend on which article came
			// first ("many" and "Many" are one row, always "many")
			if _, err := w.exec(`UPDATE speakers SET name = ? WHERE id = ?`, name, id); err != nil {
				return 0, fmt.Errorf("respell speaker %q: %w", name, err)
			}
		}
		if errors.Is(err, sql.ErrNoRows) {
			st, err = w.stmt(`SELECT min(speaker_id), count(DISTINCT speaker_id) FROM speaker_aliases WHERE alias = ?`)
			if err != nil {
				return 0, err
			}
			var aliasID sql.NullInt64
			var n int
			if err = st.QueryRowContext(w.ctx, name).Scan(&aliasID, &n); err == nil && n == 1 {
				id = aliasID.Int64
			}
		}
		if err != nil {
			return 0, fmt.Errorf("find speaker %q: %w", name, err)
		}
		if id == 0 {
			kind := sp.Kind
			if kind == "" {
				kind = claimtrail.SpeakerUnknown
			}
			res, err := w.exec(`INSERT INTO speakers (name, kind, external_id) VALUES (?, ?, ?)`, name, string(kind), sp.ExternalID)
			if err != nil {
				return 0, fmt.Errorf("insert speaker %q: %w", name, err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return 0, err
			}
		}
		w.speakers[key] = id
		w.seen[strconv.FormatInt(id, 10)+"\x00spell "+name] = true
	} else if k := strconv.FormatInt(id, 10) + "\x00spell " + name; !w.seen[k] {
		// Another spelling of a name this batch met before: it may be
		// the preferred one, whichever the batch met first.
		w.seen[k] = true
		var stored string
		if err := w.tx.QueryRowContext(w.ctx, `SELECT name FROM speakers WHERE id = ?`, id).Scan(&stored); err != nil {
			return 0, fmt.Errorf("find speaker %q: %w", name, err)
		}
		if strings.EqualFold(stored, name) && trail.PreferredCase(stored, name) != stored {
			if _, err := w.exec(`UPDATE speakers SET name = ? WHERE id = ?`, name, id); err != nil {
				return 0, fmt.Errorf("respell speaker %q: %w", name, err)
			}
		}
	}
	idKey := strconv.FormatInt(id, 10)
	once := func(fact string) bool {
		k := idKey + "\x00" + fact
		if w.seen[k] {
			return false
		}
		w.seen[k] = true
		return true
	}
	if sp.Kind != "" && sp.Kind != claimtrail.SpeakerUnknown && once("kind "+string(sp.Kind)) {
		// Of two known kinds the least in byte order wins, whatever order
		// the articles came in.
		if _, err := w.exec(`UPDATE speakers SET kind = ? WHERE id = ? AND (kind = 'unknown' OR kind > ?)`, string(sp.Kind), id, string(sp.Kind)); err != nil {
			return 0, err
		}
	}
	if sp.ExternalID != "" && once("external id") {
		if _, err := w.exec(`UPDATE speakers SET external_id = ? WHERE id = ? AND external_id = ''`, sp.ExternalID, id); err != nil {
			return 0, err
		}
	}
	for _, alias := range sp.Aliases {
		alias = strings.TrimSpace(alias)
		if alias == "" || strings.EqualFold(alias, name) || !once("alias "+strings.ToLower(alias)) {
			continue
		}
		if _, err := w.exec(`INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)`, id, alias); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// articleColumns are read by scanArticle, in order.
const articleColumns = `ar.id, ar.source, ar.url, ar.outlet, ar.published, ar.title, ar.author, ar.text, ar.hash, ar.extractor_version, ar.language`

type scanner interface{ Scan(dest ...any) error }

func scanArticle(sc scanner) (*claimtrail.Article, error) {
	var (
		a         claimtrail.Article
		url       sql.NullString
		published sql.NullString
	)
	if err := sc.Scan(&a.ID, &a.Source, &url, &a.Outlet, &published, &a.Title, &a.Author, &a.Text, &a.Hash, &a.ExtractorVersion, &a.Language); err != nil {
		return nil, err
	}
	a.URL = url.String
	var err error
	if a.Published, err = parseTime(published); err != nil {
		return nil, err
	}
	return &a, nil
}

// Article implements claimtrail.Store: the article with its attributions
// (in extraction order) and article-level markers.
func (s *Store) Article(ctx context.Context, id int64) (*claimtrail.Article, error) {
	a, err := scanArticle(s.ro.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles ar WHERE ar.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "article %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	rows, _, err := s.attributions(ctx, claimtrail.AttributionFilter{ArticleID: id}, -1)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	a.Attributions = make([]claimtrail.Attribution, len(rows))
	for i := range rows {
		a.Attributions[i] = rows[i].Attribution
	}
	a.Markers = []claimtrail.Marker{}
	mrows, err := s.ro.QueryContext(ctx, `SELECT type, span_start, span_end, text FROM markers WHERE article_id = ? AND attribution_id IS NULL ORDER BY span_start, id`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d markers: %w", id, err)
	}
	defer mrows.Close()
	for mrows.Next() {
		var m claimtrail.Marker
		if err := mrows.Scan(&m.Type, &m.Start, &m.End, &m.Text); err != nil {
			return nil, fmt.Errorf("article %d markers: %w", id, err)
		}
		a.Markers = append(a.Markers, m)
	}
	if err := mrows.Err(); err != nil {
		return nil, fmt.Errorf("article %d markers: %w", id, err)
	}
	return a, nil
}

// ArticleBySource implements claimtrail.Store: ref is an id, a URL or a
// source as given to ingest (a path is also tried as written, since
// sources are stored as the user typed them).
func (s *Store) ArticleBySource(ctx context.Context, ref string) (*claimtrail.Article, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "empty article reference")
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil && id > 0 {
		a, err := s.Article(ctx, id)
		if claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
			return a, err
		}
	}
	var id int64
	err := s.ro.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ?1
		UNION ALL SELECT id FROM (SELECT id FROM articles WHERE source IN (?1, ?2) ORDER BY id LIMIT 1)
		LIMIT 1`, ref, filepath.Clean(ref)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "no article with id, url or source %q", ref)
	} else if err != nil {
		return nil, fmt.Errorf("find article %q: %w", ref, err)
	}
	return s.Article(ctx, id)
}

// Articles implements claimtrail.Store: articles by published time
// (unknown last), then id; Text is filled, Attributions are not.
func (s *Store) Articles(ctx context.Context, f claimtrail.ArticleFilter) ([]*claimtrail.Article, string, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, "", err
	}
	var (
		where []string
		args  []any
	)
	if f.Outlet != "" {
		where = append(where, `ar.outlet = ? COLLATE NOCASE`)
		args = append(args, f.Outlet)
	}
	if !f.Since.IsZero() {
		where = append(where, `ar.published >= ?`)
		args = append(args, formatTime(f.Since))
	}
	if !f.Until.IsZero() {
		where = append(where, `ar.published < ?`)
		args = append(args, formatTime(f.Until))
	}
	if f.After != "" {
		c, err := claimtrail.DecodeCursor(f.After)
		if err != nil {
			return nil, "", err
		}
		where = append(where, `(`+sortKeyArticle+`, ar.id) > (?, ?)`)
		args = append(args, c.Key, c.ID)
	}
	q := `SELECT ` + articleColumns + `, ` + sortKeyArticle + ` FROM articles ar`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY ` + sortKeyArticle + `, ar.id LIMIT ?`
	args = append(args, limit+1)
	rows, err := s.ro.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, "", fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var (
		out  []*claimtrail.Article
		keys []string
	)
	for rows.Next() {
		var key string
		a, err := scanArticle(scanFunc(func(dest ...any) error { return rows.Scan(append(dest, &key)...) }))
		if err != nil {
			return nil, "", fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
		keys = append(keys, key)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list articles: %w", err)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = claimtrail.Cursor{Key: keys[limit-1], ID: out[limit-1].ID}.Encode()
	}
	return out, next, nil
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// StaleArticles implements claimtrail.IngestStore.
func (s *Store) StaleArticles(ctx context.Context, version string, afterID int64, limit int) ([]*claimtrail.Article, error) {
	if limit <= 0 {
		limit = defaultLimit
	}
	q := `SELECT ` + articleColumns + ` FROM articles ar WHERE ar.id > ?`
	args := []any{afterID}
	if version != "" {
		q += ` AND ar.extractor_version <> ?`
		args = append(args, version)
	}
	q += ` ORDER BY ar.id LIMIT ?`
	args = append(args, limit)
	rows, err := s.ro.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("stale articles: %w", err)
	}
	defer rows.Close()
	var out []*claimtrail.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("stale articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stale articles: %w", err)
	}
	return out, nil
}

// CountStale is how many articles StaleArticles would return in all.
func (s *Store) CountStale(ctx context.Context, version string) (int, error) {
	q, args := `SELECT count(*) FROM articles`, []any{}
	if version != "" {
		q += ` WHERE extractor_version <> ?`
		args = append(args, version)
	}
	var n int
	if err := s.ro.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count stale articles: %w", err)
	}
	return n, nil
}
