package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

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

// PutBatch implements claimtrail.IngestStore: one transaction, retried
// whole when it loses a race with another writer (see Store.tx). An
// article the store refuses is recorded as an ingest error and the rest
// commits. Should an article fail inside the transaction for another
// reason, the batch is written again with a savepoint per article so
// that only that article is lost.
func (s *Store) PutBatch(ctx context.Context, b claimtrail.Batch) ([]claimtrail.PutResult, error) {
	ids := make([]int64, len(b.Articles))
	for i, a := range b.Articles {
		ids[i] = a.ID
	}
	reset := func() {
		for i, a := range b.Articles {
			a.ID = ids[i]
		}
	}
	// The batch's speakers are created (and their names and kinds
	// updated) first, in a short transaction of their own: a speaker row
	// inserted or updated in the batch's transaction stays locked until
	// that commits, so two workers whose batches name the same new
	// speaker would take turns for the whole batch. Those created here
	// and left without an attribution by a failed batch are pruned by
	// the batch's transaction (or remain if that never commits, which
	// costs nothing but a row: the next batch naming them reuses them).
	var created []int64
	var valid []*claimtrail.Article
	for _, a := range b.Articles {
		if a.Validate() == nil {
			valid = append(valid, a)
		}
	}
	if len(valid) > 0 {
		err := s.tx(ctx, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, writeLock); err != nil {
				return fmt.Errorf("lock: %w", err)
			}
			w := &txWriter{ctx: ctx, tx: tx, now: time.Now().UTC()}
			err := w.prepareSpeakers(valid)
			created = w.created
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("store speakers of a batch of %d articles: %w", len(b.Articles), err)
		}
	}
	var results []claimtrail.PutResult
	run := func(savepoints bool) error {
		return s.tx(ctx, func(tx pgx.Tx) error {
			reset()
			var err error
			results, err = putBatch(ctx, tx, b, savepoints, created)
			return err
		})
	}
	err := run(false)
	if err != nil && ctx.Err() == nil && errors.Is(err, errArticleFailed) {
		err = run(true)
	}
	if err != nil {
		reset()
		return nil, fmt.Errorf("store batch of %d articles: %w", len(b.Articles), err)
	}
	return results, nil
}

// identityLockClass is the first key of the advisory locks that
// identityLocks lists ("art").
const identityLockClass int32 = 0x617274

// maxIdentityLocks bounds the locks one batch takes (the shared lock
// table holds max_locks_per_transaction for each connection); a larger
// batch, which the queue's chunks of 32 never are, takes none.
const maxIdentityLocks = 512

// identityLocks lists the advisory locks a batch takes before it looks
// its articles up (pg_advisory_xact_lock(identityLockClass, key)):
// one per text hash and per URL, hashed to 32 bits, sorted so that two
// batches take theirs in one order. Why: two workers storing the same
// text at once (BBC holds 98 copies) both found no stored copy, and the
// second failed on the unique text-hash index when the first committed,
// and ran its whole batch again (7-17 times a two-worker run, about 4%
// of the workers' time). With the lock the second waits before its
// lookup, then finds the first's copy. A key shared by two different
// texts only makes one batch wait.
func identityLocks(arts []*claimtrail.Article) []int32 {
	if len(arts) == 0 || 2*len(arts) > maxIdentityLocks {
		return nil
	}
	keys := make([]int32, 0, 2*len(arts))
	key := func(kind byte, s string) int32 {
		h := fnv.New32a()
		h.Write([]byte{kind})
		h.Write([]byte(s))
		return int32(h.Sum32())
	}
	for _, a := range arts {
		keys = append(keys, key('h', claimtrail.HashText(a.Text)))
		if a.URL != "" {
			keys = append(keys, key('u', a.URL))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// errArticleFailed marks a batch that failed because of one article.
var errArticleFailed = errors.New("an article failed")

// putBatch writes b in tx; created are the speakers made for it
// beforehand, deleted at the end when no attribution names them.
func putBatch(ctx context.Context, tx pgx.Tx, b claimtrail.Batch, savepoints bool, created []int64) ([]claimtrail.PutResult, error) {
	results := make([]claimtrail.PutResult, len(b.Articles))
	now := time.Now().UTC()
	invalid := make([]error, len(b.Articles))
	for i, a := range b.Articles {
		invalid[i] = a.Validate()
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, writeLock); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	w := &txWriter{ctx: ctx, tx: tx, now: now}
	var valid []*claimtrail.Article
	for i, a := range b.Articles {
		if invalid[i] == nil {
			valid = append(valid, a)
		}
	}
	if keys := identityLocks(valid); len(keys) > 0 {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, k) FROM unnest($2::int[]) k`, identityLockClass, keys); err != nil {
			return nil, fmt.Errorf("lock articles: %w", err)
		}
	}
	if err := w.prepareSpeakers(valid); err != nil {
		return nil, err
	}
	w.orphans = append(w.orphans, created...)
	fast := false
	if !savepoints {
		var err error
		if fast, err = w.putNew(b, invalid, results); err != nil {
			return nil, err
		}
	}
	for i, a := range b.Articles {
		err := invalid[i]
		if fast && err == nil {
			continue // written by putNew
		}
		if err == nil {
			if savepoints {
				err = w.putWithSavepoint(a, &results[i])
				if err != nil && retryable(err) {
					return nil, err
				}
			} else {
				results[i].Outcome, err = w.putArticle(a)
				if err != nil {
					if retryable(err) || ctx.Err() != nil {
						return nil, err
					}
					return nil, fmt.Errorf("%w: %s: %w", errArticleFailed, a.Source, err)
				}
			}
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			results[i] = claimtrail.PutResult{Err: err}
			if err := w.recordError(claimtrail.IngestError{Source: a.Source, Reason: errorReason(err), Time: now}); err != nil {
				return nil, err
			}
			continue
		}
		results[i].ID = a.ID
		if err := w.clearError(a.Source); err != nil {
			return nil, err
		}
	}
	if err := w.pruneSpeakers(); err != nil {
		return nil, err
	}
	if err := w.markPending(results); err != nil {
		return nil, err
	}
	for _, src := range b.Unchanged {
		if err := w.clearError(src); err != nil {
			return nil, err
		}
	}
	for _, e := range b.Errors {
		if e.Time.IsZero() {
			e.Time = now
		}
		if err := w.recordError(e); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// errorReason is the message of err for the ingest_errors table.
func errorReason(err error) string {
	var e *claimtrail.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// txWriter writes one batch inside its transaction.
type txWriter struct {
	ctx context.Context
	tx  pgx.Tx
	now time.Time
	// speakers maps a lower-cased name to its stored row, filled by
	// prepareSpeakers.
	speakers map[string]speakerRow
	// orphans are speakers whose attributions this batch replaced.
	orphans []int64
	// created are the speakers prepareSpeakers inserted.
	created []int64
}

type speakerRow struct {
	id   int64
	name string
}

// putWithSavepoint writes a under a savepoint and rolls back only a when
// it fails; the error is returned for the caller to record.
func (w *txWriter) putWithSavepoint(a *claimtrail.Article, res *claimtrail.PutResult) error {
	sp, err := w.tx.Begin(w.ctx)
	if err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	inner := *w
	inner.tx = sp
	id := a.ID
	nOrphans := len(w.orphans)
	outcome, err := inner.putArticle(a)
	if err != nil {
		a.ID = id
		if rerr := sp.Rollback(w.ctx); rerr != nil {
			return fmt.Errorf("rollback article %s: %w", a.Source, rerr)
		}
		w.orphans = w.orphans[:nOrphans]
		return err
	}
	if err := sp.Commit(w.ctx); err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	w.orphans = inner.orphans
	res.Outcome = outcome
	return nil
}

// speakerWant is what a batch says about one speaker, in the order the
// sqlite store would apply it: created with the first mention's name and
// kind, then the first known kind, the first external id and every alias.
type speakerWant struct {
	name, kind, knownKind, externalID string
	// least is the preferred casing of the name (trail.PreferredCase):
	// the one the speaker keeps, whatever order articles come in.
	least   string
	aliases []string
}

// prepareSpeakers finds or creates every speaker the batch's attributions
// name, in order of their lower-cased names, so that concurrent batches
// take speaker locks in one order.
func (w *txWriter) prepareSpeakers(articles []*claimtrail.Article) error {
	want := map[string]*speakerWant{}
	var keys []string
	for _, a := range articles {
		for i := range a.Attributions {
			sp := a.Attributions[i].Speaker
			name := strings.TrimSpace(sp.Name)
			if name == "" || sp.Kind == claimtrail.SpeakerDescription {
				continue // a description has no speaker row (as in sqlite)
			}
			key := strings.ToLower(name)
			sw := want[key]
			if sw == nil {
				kind := string(sp.Kind)
				if kind == "" {
					kind = string(claimtrail.SpeakerUnknown)
				}
				sw = &speakerWant{name: name, kind: kind, least: name}
				want[key] = sw
				keys = append(keys, key)
			}
			sw.least = trail.PreferredCase(sw.least, name)
			if k := string(sp.Kind); k != "" && sp.Kind != claimtrail.SpeakerUnknown && (sw.knownKind == "" || k < sw.knownKind) {
				sw.knownKind = k // of two known kinds the least wins, whatever the order
			}
			if sw.externalID == "" && sp.ExternalID != "" {
				sw.externalID = sp.ExternalID
			}
			for _, al := range sp.Aliases {
				if al = strings.TrimSpace(al); al != "" && !strings.EqualFold(al, name) {
					sw.aliases = append(sw.aliases, al)
				}
			}
		}
	}
	slices.Sort(keys)
	w.speakers = make(map[string]speakerRow, len(keys))
	for _, key := range keys {
		if len(want[key].aliases) > 0 {
			// An alias added for one key may be how a later key finds
			// its speaker: resolve them in turn.
			for _, key := range keys {
				if err := w.resolveSpeakers([]string{key}, want); err != nil {
					return err
				}
			}
			return nil
		}
	}
	if len(keys) == 0 {
		return nil
	}
	return w.resolveSpeakers(keys, want)
}

// speakerState is a stored speaker as resolveSpeakers sees it, updated
// in memory as it queues changes, so that a change already made (by
// this batch or an earlier one) is not sent again.
type speakerState struct {
	id                     int64
	name, kind, externalID string
}

// resolveSpeakers finds the stored speaker each key names (by canonical
// name, else by an alias exactly one speaker has), creates the missing
// ones, and fills in a kind, external id, preferred casing or alias they
// lack, with the same outcome as doing so key by key in key order but in
// at most four round trips whatever the number of speakers: one lookup,
// one insert of the missing ones (ON CONFLICT DO NOTHING, so that a
// concurrent batch creating the same name does not fail this one), a
// second lookup for those it lost to such a batch, and one pipelined
// batch of the updates actually needed. Rows are changed in key order,
// so concurrent batches lock them in one order.
func (w *txWriter) resolveSpeakers(keys []string, want map[string]*speakerWant) error {
	found, err := w.lookupSpeakers(keys, want)
	if err != nil {
		return err
	}
	var missing []string
	for _, key := range keys {
		if found[key] == nil {
			missing = append(missing, key)
		}
	}
	if len(missing) > 0 {
		names, kinds, ext := make([]string, len(missing)), make([]string, len(missing)), make([]string, len(missing))
		byName := make(map[string]string, len(missing))
		for i, key := range missing {
			sw := want[key]
			names[i], kinds[i], ext[i] = sw.least, sw.kind, sw.externalID
			byName[sw.least] = key
		}
		rows, err := w.tx.Query(w.ctx, `INSERT INTO speakers (name, kind, external_id)
			SELECT n, k, e FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(n, k, e, ord) ORDER BY ord
			ON CONFLICT (name_key) DO NOTHING RETURNING id, name, kind, external_id`, names, kinds, ext)
		if err != nil {
			return fmt.Errorf("insert %d speakers: %w", len(missing), err)
		}
		for rows.Next() {
			st := &speakerState{}
			if err := rows.Scan(&st.id, &st.name, &st.kind, &st.externalID); err != nil {
				rows.Close()
				return fmt.Errorf("insert %d speakers: %w", len(missing), err)
			}
			if key, ok := byName[st.name]; ok {
				found[key] = st
				w.created = append(w.created, st.id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("insert %d speakers: %w", len(missing), err)
		}
		var lost []string
		for _, key := range missing {
			if found[key] == nil {
				lost = append(lost, key)
			}
		}
		if len(lost) > 0 {
			// Created meanwhile by a concurrent batch that has committed.
			again, err := w.lookupSpeakers(lost, want)
			if err != nil {
				return err
			}
			for _, key := range lost {
				if again[key] == nil {
					return fmt.Errorf("insert speaker %q: neither inserted nor found", want[key].name)
				}
				found[key] = again[key]
			}
		}
	}
	// One state per row, so that two keys naming one speaker (a name
	// and an alias) see each other's changes, as when applied in turn.
	byID := map[int64]*speakerState{}
	var b pgx.Batch
	for _, key := range keys {
		sw := want[key]
		st := found[key]
		if prev := byID[st.id]; prev != nil {
			st = prev
		} else {
			byID[st.id] = st
		}
		if strings.EqualFold(st.name, sw.least) && trail.PreferredCase(st.name, sw.least) != st.name {
			b.Queue(`UPDATE speakers SET name = $1 WHERE id = $2`, sw.least, st.id)
			st.name = sw.least
		}
		if sw.knownKind != "" && (st.kind == string(claimtrail.SpeakerUnknown) || st.kind > sw.knownKind) {
			b.Queue(`UPDATE speakers SET kind = $1 WHERE id = $2 AND (kind = 'unknown' OR kind > $1)`, sw.knownKind, st.id)
			st.kind = sw.knownKind
		}
		if sw.externalID != "" && st.externalID == "" {
			b.Queue(`UPDATE speakers SET external_id = $1 WHERE id = $2 AND external_id = ''`, sw.externalID, st.id)
			st.externalID = sw.externalID
		}
		for _, al := range sw.aliases {
			b.Queue(`INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING`, st.id, al)
		}
		w.speakers[key] = speakerRow{id: st.id}
	}
	for key, row := range w.speakers {
		row.name = byID[row.id].name
		w.speakers[key] = row
	}
	if b.Len() > 0 {
		if err := w.tx.SendBatch(w.ctx, &b).Close(); err != nil {
			return fmt.Errorf("update %d speakers: %w", len(keys), err)
		}
	}
	return nil
}

// lookupSpeakers finds the stored speakers that keys name, in one
// statement: by canonical name, else by an alias exactly one speaker
// has. A key not found is absent from the map.
func (w *txWriter) lookupSpeakers(keys []string, want map[string]*speakerWant) (map[string]*speakerState, error) {
	names := make([]string, len(keys))
	for i, key := range keys {
		names[i] = want[key].name
	}
	rows, err := w.tx.Query(w.ctx, `WITH u AS (SELECT n, ord FROM unnest($1::text[]) WITH ORDINALITY AS u(n, ord)),
		direct AS (SELECT u.ord, s.id FROM u JOIN speakers s ON s.name_key = lower(u.n)),
		byalias AS (SELECT u.ord, min(sa.speaker_id) AS id FROM u JOIN speaker_aliases sa ON sa.alias_key = lower(u.n)
			WHERE u.ord NOT IN (SELECT ord FROM direct) GROUP BY u.ord HAVING count(DISTINCT sa.speaker_id) = 1)
		SELECT m.ord, s.id, s.name, s.kind, s.external_id
		FROM (SELECT ord, id FROM direct UNION ALL SELECT ord, id FROM byalias) m JOIN speakers s ON s.id = m.id`, names)
	if err != nil {
		return nil, fmt.Errorf("find %d speakers: %w", len(keys), err)
	}
	defer rows.Close()
	found := make(map[string]*speakerState, len(keys))
	for rows.Next() {
		var ord int64
		st := &speakerState{}
		if err := rows.Scan(&ord, &st.id, &st.name, &st.kind, &st.externalID); err != nil {
			return nil, fmt.Errorf("find %d speakers: %w", len(keys), err)
		}
		found[keys[ord-1]] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find %d speakers: %w", len(keys), err)
	}
	return found, nil
}

// pruneSpeakers deletes the speakers whose attributions this batch
// replaced (or that it created and did not use) and that no attribution
// names any more, unless they carry aliases (as the sqlite store does).
// The rows are locked first, so a concurrent batch about to reference
// one either holds it locked (and it stays) or fails its foreign key
// check and is retried.
func (w *txWriter) pruneSpeakers() error {
	if len(w.orphans) == 0 {
		return nil
	}
	slices.Sort(w.orphans)
	w.orphans = slices.Compact(w.orphans)
	// A row another batch holds locked is skipped: that batch is
	// inserting attributions that name it, so it is no orphan.
	_, err := w.tx.Exec(w.ctx, `DELETE FROM speakers WHERE id IN (SELECT id FROM speakers WHERE id = ANY($1) ORDER BY id FOR UPDATE SKIP LOCKED)
		AND NOT EXISTS (SELECT 1 FROM attributions a WHERE a.speaker_id = speakers.id)
		AND NOT EXISTS (SELECT 1 FROM speaker_aliases sa WHERE sa.speaker_id = speakers.id)`, w.orphans)
	if err != nil {
		return fmt.Errorf("prune speakers: %w", err)
	}
	w.orphans = w.orphans[:0]
	return nil
}

func (w *txWriter) recordError(e claimtrail.IngestError) error {
	if e.Source == "" {
		e.Source = "(unknown)"
	}
	_, err := w.tx.Exec(w.ctx, `INSERT INTO ingest_errors (source, reason, time) VALUES ($1, $2, $3)
		ON CONFLICT (source) DO UPDATE SET reason = excluded.reason, time = excluded.time`,
		e.Source, e.Reason, e.Time.UTC())
	if err != nil {
		return fmt.Errorf("record error for %s: %w", e.Source, err)
	}
	return nil
}

func (w *txWriter) clearError(source string) error {
	if _, err := w.tx.Exec(w.ctx, `DELETE FROM ingest_errors WHERE source = $1`, source); err != nil {
		return fmt.Errorf("clear error for %s: %w", source, err)
	}
	return nil
}

// lookupQuery finds an article's identity: by URL when it has one, else
// by text hash, preferring an article without URL.
func lookupQuery(url, hash string) (string, []any) {
	if url != "" {
		return `SELECT id, hash, extractor_version, source FROM articles WHERE url = $1`, []any{url}
	}
	return `SELECT id, hash, extractor_version, source FROM articles WHERE hash = $1 ORDER BY url IS NOT NULL, id LIMIT 1`, []any{hash}
}

// LookupArticle implements claimtrail.IngestStore.
func (s *Store) LookupArticle(ctx context.Context, url, hash string) (claimtrail.ArticleState, error) {
	var st claimtrail.ArticleState
	q, args := lookupQuery(url, hash)
	err := s.retry(ctx, func() error {
		var source string
		err := s.pool.QueryRow(ctx, q, args...).Scan(&st.ID, &st.Hash, &st.ExtractorVersion, &source)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return st, fmt.Errorf("lookup article: %w", err)
	}
	if st.ID == 0 {
		return st, claimtrail.Errorf(claimtrail.ENOTFOUND, "no stored article with url %q or hash %q", url, hash)
	}
	return st, nil
}

// lookupManyQuery finds the stored copy of each of a list of articles
// ($1 their URLs, ” for none; $2 their text hashes) as lookupQuery
// does for one; each row starts with the 1-based place in the list.
const lookupManyQuery = `SELECT u.ord, f.id, f.hash, f.extractor_version, f.source
	FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(url, hash, ord),
	LATERAL (
		SELECT id, hash, extractor_version, source FROM articles WHERE u.url <> '' AND url = u.url
		UNION ALL
		(SELECT id, hash, extractor_version, source FROM articles WHERE u.url = '' AND hash = u.hash ORDER BY url IS NOT NULL, id LIMIT 1)
	) f`

// LookupArticles is LookupArticle for many articles in one query (a
// queue worker's job): urls[i] ("" for none) and hashes[i] identify the
// i-th; found[i] reports whether it is stored, states[i] its state.
func (s *Store) LookupArticles(ctx context.Context, urls, hashes []string) (states []claimtrail.ArticleState, found []bool, err error) {
	if len(urls) != len(hashes) {
		return nil, nil, fmt.Errorf("lookup articles: %d URLs for %d hashes", len(urls), len(hashes))
	}
	if len(urls) == 0 {
		return nil, nil, nil
	}
	err = s.retry(ctx, func() error {
		states, found = make([]claimtrail.ArticleState, len(urls)), make([]bool, len(urls))
		rows, err := s.pool.Query(ctx, lookupManyQuery, urls, hashes)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var ord int64
			var st claimtrail.ArticleState
			var source string
			if err := rows.Scan(&ord, &st.ID, &st.Hash, &st.ExtractorVersion, &source); err != nil {
				return err
			}
			states[ord-1], found[ord-1] = st, true
		}
		return rows.Err()
	})
	if err != nil {
		return nil, nil, fmt.Errorf("lookup %d articles: %w", len(urls), err)
	}
	return states, found, nil
}

// sortKey is the listing key of an article's published time.
func sortKey(t time.Time) string {
	if t.IsZero() {
		return unknownTime
	}
	return t.UTC().Format(timeLayout)
}

// unknownTime sorts after every stored time, so undated items come last.
const unknownTime = "~"

const articleSearch = `setweight(to_tsvector('claimtrail', $A), 'A') || setweight(to_tsvector('claimtrail', $B), 'B')`

// searchExpr is articleSearch with the given parameter numbers.
func searchExpr(a, b int) string {
	return strings.NewReplacer("$A", "$"+strconv.Itoa(a), "$B", "$"+strconv.Itoa(b)).Replace(articleSearch)
}

// putArticle writes one article; see claimtrail.Store.PutArticle. The
// caller has validated a.
func (w *txWriter) putArticle(a *claimtrail.Article) (claimtrail.PutOutcome, error) {
	ctx, tx := w.ctx, w.tx
	a.Hash = claimtrail.HashText(a.Text)
	var (
		id                 int64
		hash, xver, source string
		err                error
		forceUpdate        = a.ID != 0
	)
	if forceUpdate {
		err = tx.QueryRow(ctx, `SELECT id, hash, extractor_version, source FROM articles WHERE id = $1`, a.ID).Scan(&id, &hash, &xver, &source)
		if errors.Is(err, pgx.ErrNoRows) {
			return "", claimtrail.Errorf(claimtrail.ENOTFOUND, "article %d not found", a.ID)
		}
	} else {
		q, args := lookupQuery(a.URL, a.Hash)
		err = tx.QueryRow(ctx, q, args...).Scan(&id, &hash, &xver, &source)
		if errors.Is(err, pgx.ErrNoRows) {
			err, id = nil, 0
		}
	}
	if err != nil {
		return "", fmt.Errorf("look up %s: %w", a.Source, err)
	}
	if id != 0 && !forceUpdate && hash == a.Hash && xver == a.ExtractorVersion {
		a.ID = id
		if a.URL == "" && a.Source != "" && a.Source < source {
			// Of identical texts with no URL, the article keeps the least
			// source, whichever worker stored it first: a one-process
			// ingest of a sorted walk keeps the first it meets.
			if _, err := tx.Exec(ctx, `UPDATE articles SET source = $1 WHERE id = $2`, a.Source, id); err != nil {
				return "", fmt.Errorf("update source of %s: %w", a.Source, err)
			}
		}
		return claimtrail.PutUnchanged, nil
	}
	outcome := claimtrail.PutInserted
	key := sortKey(a.Published)
	if id == 0 {
		// A concurrent batch inserting the same article makes this wait
		// and then fail on the unique index; the batch is retried and
		// finds the article stored.
		err := tx.QueryRow(ctx, `INSERT INTO articles (source, url, outlet, published, sort_key, title, author, text, hash, extractor_version, ingested_at, updated_at, search, language)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, `+searchExpr(12, 13)+`, $14) RETURNING id`,
			a.Source, nullString(a.URL), a.Outlet, nullTime(a.Published), key, a.Title, a.Author, a.Text, a.Hash, a.ExtractorVersion, w.now,
			fold(a.Title), fold(a.Text), a.Language).Scan(&id)
		if err != nil {
			return "", fmt.Errorf("insert article %s: %w", a.Source, err)
		}
	} else {
		outcome = claimtrail.PutUpdated
		if hash == a.Hash {
			_, err = tx.Exec(ctx, `UPDATE articles SET source = $1, url = $2, outlet = $3, published = $4, sort_key = $5, author = $6, extractor_version = $7, updated_at = $8, language = $13,
				title = $9, search = CASE WHEN title = $9 THEN search ELSE `+searchExpr(10, 11)+` END
				WHERE id = $12`,
				a.Source, nullString(a.URL), a.Outlet, nullTime(a.Published), key, a.Author, a.ExtractorVersion, w.now,
				a.Title, fold(a.Title), fold(a.Text), id, a.Language)
		} else {
			_, err = tx.Exec(ctx, `UPDATE articles SET source = $1, url = $2, outlet = $3, published = $4, sort_key = $5, author = $6, extractor_version = $7, updated_at = $8, language = $15,
				title = $9, text = $10, hash = $11, search = `+searchExpr(12, 13)+`
				WHERE id = $14`,
				a.Source, nullString(a.URL), a.Outlet, nullTime(a.Published), key, a.Author, a.ExtractorVersion, w.now,
				a.Title, a.Text, a.Hash, fold(a.Title), fold(a.Text), id, a.Language)
		}
		if err != nil {
			return "", fmt.Errorf("update article %s: %w", a.Source, err)
		}
		rows, err := tx.Query(ctx, `SELECT DISTINCT speaker_id FROM attributions WHERE article_id = $1 AND speaker_id IS NOT NULL`, id)
		if err != nil {
			return "", fmt.Errorf("replace attributions of %s: %w", a.Source, err)
		}
		old, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return "", fmt.Errorf("replace attributions of %s: %w", a.Source, err)
		}
		w.orphans = append(w.orphans, old...)
		if _, err := tx.Exec(ctx, `DELETE FROM attributions WHERE article_id = $1`, id); err != nil {
			return "", fmt.Errorf("replace attributions of %s: %w", a.Source, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM markers WHERE article_id = $1`, id); err != nil {
			return "", fmt.Errorf("replace markers of %s: %w", a.Source, err)
		}
	}
	a.ID = id
	if err := w.putAttributions(a, key); err != nil {
		return "", err
	}
	return outcome, nil
}

// putAttributions inserts an article's attributions and markers in one
// round trip: ids are drawn from the sequence first, then every row is
// sent as one pipelined batch.
func (w *txWriter) putAttributions(a *claimtrail.Article, key string) error {
	ctx, tx := w.ctx, w.tx
	var ids []int64
	if n := len(a.Attributions); n > 0 {
		rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('attributions', 'id')) FROM generate_series(1, $1)`, n)
		if err != nil {
			return fmt.Errorf("store attributions of %s: %w", a.Source, err)
		}
		if ids, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
			return fmt.Errorf("store attributions of %s: %w", a.Source, err)
		}
		slices.Sort(ids)
	}
	var b pgx.Batch
	if err := w.queueAttributions(&b, nil, a, key, ids); err != nil {
		return err
	}
	if b.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return fmt.Errorf("store attributions of %s: %w", a.Source, err)
	}
	return nil
}

// queueAttributions queues the inserts of an article's attributions
// (ids drawn beforehand, one per attribution, ascending) and markers.
//
// With multi set, the attributions are added to it instead, to be
// inserted by one statement (attrRows.queue), and their children wait
// in it until then.
func (w *txWriter) queueAttributions(b *pgx.Batch, multi *attrRows, a *claimtrail.Article, key string, ids []int64) error {
	if multi != nil {
		b = &multi.children
	}
	for i := range a.Attributions {
		at := &a.Attributions[i]
		at.ArticleID = a.ID
		at.ID = ids[i]
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
		var cluster any
		if at.ClusterID != 0 {
			cluster = at.ClusterID
		}
		kind := at.Kind
		if kind == "" {
			kind = claimtrail.KindIndirect
		}
		content := at.ContentText()
		if multi != nil {
			multi.add(at, a.ID, i, string(kind), content, speakerID, string(flags), key, fold(content), fold(speakerName))
		} else {
			b.Queue(`INSERT INTO attributions (id, article_id, ord, kind, source_start, source_end, source_text, cue_start, cue_end, cue_text, content, speaker_id, channel, confidence, flags, sort_key, cluster_id, search_content, search_speaker)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, setweight(to_tsvector('claimtrail', $18), 'A'), setweight(to_tsvector('claimtrail', $19), 'B'))`,
				at.ID, a.ID, i, string(kind), srcStart, srcEnd, srcText, cueStart, cueEnd, cueText, content,
				speakerID, string(at.Channel), at.Confidence, string(flags), key, cluster, fold(content), fold(speakerName))
		}
		for j, c := range at.Content {
			b.Queue(`INSERT INTO content_spans (attribution_id, ord, span_start, span_end, text) VALUES ($1, $2, $3, $4, $5)`,
				at.ID, j, c.Start, c.End, c.Text)
		}
		for _, m := range at.Markers {
			b.Queue(`INSERT INTO markers (article_id, attribution_id, type, span_start, span_end, text) VALUES ($1, $2, $3, $4, $5, $6)`,
				a.ID, at.ID, string(m.Type), m.Start, m.End, m.Text)
		}
		for j, r := range at.AccordingTo {
			b.Queue(`INSERT INTO according_to (attribution_id, ord, relay) VALUES ($1, $2, $3)`, at.ID, j, r)
		}
	}
	for _, m := range a.Markers {
		b.Queue(`INSERT INTO markers (article_id, attribution_id, type, span_start, span_end, text) VALUES ($1, NULL, $2, $3, $4, $5)`,
			a.ID, string(m.Type), m.Start, m.End, m.Text)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
