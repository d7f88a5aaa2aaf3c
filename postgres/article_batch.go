package postgres

import (
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
)

// putNew writes a batch whose valid articles are all new or unchanged in
// a fixed number of round trips whatever its size: one lookup of every
// article's stored copy, one draw of the ids of the new articles and
// their attributions, and one pipelined batch of every insert. Writing
// article by article (putArticle) costs four or five round trips per
// article, and a worker's batch spends more time waiting on them than
// PostgreSQL spends writing.
//
// It reports false, having written nothing, when the batch needs the
// article-by-article path, whose outcome it must equal: an article to
// update (its old attributions are replaced), one with an ID (a forced
// update), or two articles of the batch with one identity (the second
// finds the first).
func (w *txWriter) putNew(b claimtrail.Batch, invalid []error, results []claimtrail.PutResult) (bool, error) {
	var (
		idx     []int // indexes of the valid articles written, copies aside
		urls    []string
		hashes  []string
		seenURL = map[string]bool{}
		// byHash groups the valid articles by text hash; first[h] is
		// the first of a group, the one written.
		byHash = map[string][]int{}
		// copyOf maps a later article without URL to the first with the
		// same text (and no URL either), which it finds stored.
		copyOf = map[int]int{}
	)
	for i, a := range b.Articles {
		if invalid[i] != nil {
			continue
		}
		if a.ID != 0 {
			return false, nil
		}
		a.Hash = claimtrail.HashText(a.Text)
		if a.URL != "" {
			if seenURL[a.URL] {
				return false, nil
			}
			seenURL[a.URL] = true
		}
		byHash[a.Hash] = append(byHash[a.Hash], i)
	}
	for i, a := range b.Articles {
		if invalid[i] != nil {
			continue
		}
		group := byHash[a.Hash]
		if len(group) > 1 {
			// Identical texts in one batch: the article by article path
			// would store the first and find it for each later copy
			// without URL. Written so here when every copy has no URL
			// and the same extractor version (it is then unchanged);
			// any other mix (an article without URL finds one with a
			// URL by its hash) goes article by article.
			first := b.Articles[group[0]]
			for _, j := range group {
				c := b.Articles[j]
				if c.URL != "" || c.ExtractorVersion != first.ExtractorVersion {
					return false, nil
				}
			}
			if i != group[0] {
				copyOf[i] = group[0]
				continue
			}
		}
		idx = append(idx, i)
		urls = append(urls, a.URL)
		hashes = append(hashes, a.Hash)
	}
	if len(idx) == 0 {
		return true, nil
	}
	// leastSource is the source the stored copy of b.Articles[i] ends up
	// with after its later copies in the batch, starting from src: the
	// least one, as putArticle keeps.
	leastSource := func(i int, src string) string {
		for _, j := range byHash[b.Articles[i].Hash][1:] {
			if c := b.Articles[j].Source; c != "" && c < src {
				src = c
			}
		}
		return src
	}

	type stored struct {
		id                 int64
		hash, xver, source string
	}
	found := make([]*stored, len(idx))
	rows, err := w.tx.Query(w.ctx, lookupManyQuery, urls, hashes)
	if err != nil {
		return false, fmt.Errorf("look up %d articles: %w", len(idx), err)
	}
	for rows.Next() {
		var ord int64
		var st stored
		if err := rows.Scan(&ord, &st.id, &st.hash, &st.xver, &st.source); err != nil {
			rows.Close()
			return false, fmt.Errorf("look up %d articles: %w", len(idx), err)
		}
		found[ord-1] = &st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("look up %d articles: %w", len(idx), err)
	}

	var newArticles, newAttrs int
	for k, i := range idx {
		a := b.Articles[i]
		if st := found[k]; st != nil {
			if st.hash != a.Hash || st.xver != a.ExtractorVersion {
				return false, nil // an update: article by article
			}
			continue
		}
		newArticles++
		newAttrs += len(a.Attributions)
	}
	nAttrTotal := newAttrs

	var articleIDs, attrIDs []int64
	if newArticles > 0 {
		err := w.tx.QueryRow(w.ctx, `SELECT
			ARRAY(SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, $1) ORDER BY 1),
			ARRAY(SELECT nextval(pg_get_serial_sequence('attributions', 'id')) FROM generate_series(1, $2) ORDER BY 1)`,
			newArticles, nAttrTotal).Scan(&articleIDs, &attrIDs)
		if err != nil {
			return false, fmt.Errorf("draw ids for %d articles: %w", newArticles, err)
		}
		if len(articleIDs) != newArticles || len(attrIDs) != nAttrTotal {
			return false, fmt.Errorf("draw ids for %d articles: got %d and %d", newArticles, len(articleIDs), len(attrIDs))
		}
	}

	var batch pgx.Batch
	var multi attrRows
	var clear []string
	for k, i := range idx {
		a := b.Articles[i]
		clear = append(clear, a.Source)
		if st := found[k]; st != nil {
			a.ID = st.id
			results[i] = claimtrail.PutResult{ID: st.id, Outcome: claimtrail.PutUnchanged}
			if src := st.source; a.URL == "" {
				// As in putArticle: the least source of identical texts.
				if a.Source != "" && a.Source < src {
					src = a.Source
				}
				if src = leastSource(i, src); src != st.source {
					batch.Queue(`UPDATE articles SET source = $1 WHERE id = $2`, src, st.id)
				}
			}
			continue
		}
		a.ID, articleIDs = articleIDs[0], articleIDs[1:]
		key := sortKey(a.Published)
		source := a.Source
		if a.URL == "" {
			source = leastSource(i, source)
		}
		batch.Queue(`INSERT INTO articles (id, source, url, outlet, published, sort_key, title, author, text, hash, extractor_version, ingested_at, updated_at, search, language)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, `+searchExpr(13, 14)+`, $15)`,
			a.ID, source, nullString(a.URL), a.Outlet, nullTime(a.Published), key, a.Title, a.Author, a.Text, a.Hash, a.ExtractorVersion, w.now,
			fold(a.Title), fold(a.Text), a.Language)
		n := len(a.Attributions)
		if err := w.queueAttributions(&batch, &multi, a, key, attrIDs[:n]); err != nil {
			return false, err
		}
		attrIDs = attrIDs[n:]
		results[i] = claimtrail.PutResult{ID: a.ID, Outcome: claimtrail.PutInserted}
	}
	multi.queue(&batch)
	for i, first := range copyOf {
		c := b.Articles[i]
		c.ID = b.Articles[first].ID
		results[i] = claimtrail.PutResult{ID: c.ID, Outcome: claimtrail.PutUnchanged}
		clear = append(clear, c.Source)
	}
	batch.Queue(`DELETE FROM ingest_errors WHERE source = ANY($1)`, clear)
	if err := w.tx.SendBatch(w.ctx, &batch).Close(); err != nil {
		if retryable(err) || w.ctx.Err() != nil {
			return false, err
		}
		// Which article failed is not known here: the caller writes the
		// batch again article by article, each under a savepoint.
		return false, fmt.Errorf("%w: %w", errArticleFailed, err)
	}
	return true, nil
}

// attrRows collects a batch's attributions for one INSERT ... SELECT
// FROM unnest: one statement, so that the statement trigger keeping the
// per-speaker summaries (migration 0003) runs once per batch, not once
// per attribution, and takes its row locks on the summaries in one
// sorted sweep (migration 0050) just before the batch commits: two
// workers whose batches name the same speaker then wait for each other
// for moments, in one order, instead of deadlocking (PostgreSQL takes a
// second to detect each deadlock) or holding the locks for a batch.
type attrRows struct {
	id, articleID, speakerID, clusterID []*int64
	ord, srcStart, srcEnd, cueStart     []*int32
	cueEnd                              []*int32
	kind, content, channel, flags       []string
	sortKey, foldContent, foldSpeaker   []string
	srcText, cueText                    []*string
	confidence                          []float64
	// children are the inserts of content spans, markers and relays,
	// which reference the attributions.
	children pgx.Batch
}

func (r *attrRows) add(at *claimtrail.Attribution, articleID int64, ord int, kind, content string, speakerID any, flags, key, fc, fs string) {
	i64 := func(v int64) *int64 { return &v }
	i32 := func(v int) *int32 { x := int32(v); return &x }
	str := func(v string) *string { return &v }
	r.id = append(r.id, i64(at.ID))
	r.articleID = append(r.articleID, i64(articleID))
	r.ord = append(r.ord, i32(ord))
	r.kind = append(r.kind, kind)
	var ss, se, cs, ce *int32
	var st, ct *string
	if at.Source != nil {
		ss, se, st = i32(at.Source.Start), i32(at.Source.End), str(at.Source.Text)
	}
	if at.Cue != nil {
		cs, ce, ct = i32(at.Cue.Start), i32(at.Cue.End), str(at.Cue.Text)
	}
	r.srcStart, r.srcEnd, r.srcText = append(r.srcStart, ss), append(r.srcEnd, se), append(r.srcText, st)
	r.cueStart, r.cueEnd, r.cueText = append(r.cueStart, cs), append(r.cueEnd, ce), append(r.cueText, ct)
	r.content = append(r.content, content)
	var sp *int64
	if id, ok := speakerID.(int64); ok {
		sp = i64(id)
	}
	r.speakerID = append(r.speakerID, sp)
	r.channel = append(r.channel, string(at.Channel))
	r.confidence = append(r.confidence, at.Confidence)
	r.flags = append(r.flags, flags)
	r.sortKey = append(r.sortKey, key)
	var cl *int64
	if at.ClusterID != 0 {
		cl = i64(at.ClusterID)
	}
	r.clusterID = append(r.clusterID, cl)
	r.foldContent, r.foldSpeaker = append(r.foldContent, fc), append(r.foldSpeaker, fs)
}

// queue queues the one INSERT of the collected attributions, then their
// children.
func (r *attrRows) queue(b *pgx.Batch) {
	if len(r.id) > 0 {
		b.Queue(`INSERT INTO attributions (id, article_id, ord, kind, source_start, source_end, source_text, cue_start, cue_end, cue_text,
				content, speaker_id, channel, confidence, flags, sort_key, cluster_id, search_content, search_speaker)
			SELECT id, aid, ord, kind, ss, se, st, cs, ce, ct, content, sp, ch, conf, flags::jsonb, sk, cl,
				setweight(to_tsvector('claimtrail', fc), 'A'), setweight(to_tsvector('claimtrail', fs), 'B')
			FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::int[], $10::text[],
				$11::text[], $12::bigint[], $13::text[], $14::float8[], $15::text[], $16::text[], $17::bigint[], $18::text[], $19::text[])
				AS u(id, aid, ord, kind, ss, se, st, cs, ce, ct, content, sp, ch, conf, flags, sk, cl, fc, fs)
			ORDER BY id`,
			r.id, r.articleID, r.ord, r.kind, r.srcStart, r.srcEnd, r.srcText, r.cueStart, r.cueEnd, r.cueText,
			r.content, r.speakerID, r.channel, r.confidence, r.flags, r.sortKey, r.clusterID, r.foldContent, r.foldSpeaker)
	}
	for _, q := range r.children.QueuedQueries {
		b.Queue(q.SQL, q.Arguments...)
	}
}
