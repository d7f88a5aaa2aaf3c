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
		if err := w.queueAttributions(&batch, a, key, attrIDs[:n]); err != nil {
			return false, err
		}
		attrIDs = attrIDs[n:]
		results[i] = claimtrail.PutResult{ID: a.ID, Outcome: claimtrail.PutInserted}
	}
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
