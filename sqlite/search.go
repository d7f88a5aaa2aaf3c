package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// Search implements claimtrail.Store: a full-text search over quotes (the
// content and the speaker's name), or over article titles and texts with
// f.InArticles, best match first (BM25), then id. The other filter fields
// narrow the hits; for article hits they select articles having at least
// one such attribution. Snippets wrap matches in [ and ].
//
// A query matching more than 10,000 quotes (or articles) is ordered
// newest first, undated last, instead of by relevance (Rank is then 0):
// ranking that many costs more than the answer is worth.
//
// The query is words, "quoted phrases", word* prefixes, OR, NOT and
// parentheses; every word must match unless OR is used. Other
// punctuation is treated as a word separator, so any text a user pastes
// is a valid query.
func (s *Store) Search(ctx context.Context, query string, f claimtrail.AttributionFilter) ([]claimtrail.SearchHit, error) {
	match, err := ftsQuery(query)
	if err != nil {
		return nil, err
	}
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, err
	}
	if f.After != "" {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "search results are not paged; raise the limit instead")
	}
	c, err := buildConditions(f)
	if err != nil {
		return nil, err
	}
	if f.InArticles {
		return s.searchArticles(ctx, match, c, limit)
	}
	// Rank first without snippets: snippet() in the ranking query would be
	// computed for every match before the sort, which on a common word
	// costs a second; then make snippets and read rows for the page only.
	// BM25 itself costs about a microsecond a match, so a query matching
	// more than maxRanked quotes is ordered newest first instead (read
	// from the listing index, stopping at the page).
	where := append([]string{`quotes_fts MATCH ?`}, append(c.article, c.attribution...)...)
	args := append([]any{match}, append(c.articleArgs, c.attributionArgs...)...)
	joinArticles := ""
	if len(c.article) > 0 {
		joinArticles = ` JOIN articles ar ON ar.id = a.article_id`
	}
	q := `SELECT a.id, bm25(quotes_fts, 1.0, 0.5) AS rank
		FROM quotes_fts JOIN attributions a ON a.id = quotes_fts.rowid` + joinArticles + `
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY rank, a.id LIMIT ?`
	var matches int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?`, match).Scan(&matches); err != nil {
		return nil, searchError(query, err)
	}
	if matches > maxRanked {
		// "+a.id" keeps the planner from driving the query by the match
		// list, so it walks the listing index and stops at the page;
		// dated quotes come first, newest first, then undated ones.
		where[0] = `+a.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`
		cond := strings.Join(where, " AND ")
		q = `SELECT id, 0 FROM (SELECT a.id FROM attributions a` + joinArticles + ` WHERE ` + cond + ` AND a.sort_key < '` + unknownTime + `'
				ORDER BY a.sort_key DESC, a.id DESC LIMIT ?)
			UNION ALL
			SELECT id, 0 FROM (SELECT a.id FROM attributions a` + joinArticles + ` WHERE ` + cond + ` AND a.sort_key = '` + unknownTime + `'
				ORDER BY a.id DESC LIMIT ?)`
		args = append(append(append([]any{}, args...), limit), args...)
	}
	ids, ranks, err := s.rank(ctx, q, append(args, limit))
	if err != nil {
		return nil, searchError(query, err)
	}
	if len(ids) > limit {
		ids, ranks = ids[:limit], ranks[:limit]
	}
	hits := make([]claimtrail.SearchHit, 0, len(ids))
	if len(ids) == 0 {
		return hits, nil
	}
	snippets, err := s.snippets(ctx, `SELECT rowid, snippet(quotes_fts, 0, '[', ']', '…', 24) FROM quotes_fts
		WHERE quotes_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`, match, ids)
	if err != nil {
		return nil, searchError(query, err)
	}
	js, _ := json.Marshal(ids)
	byID := map[int64]claimtrail.AttributionRow{}
	err = s.each(ctx, `SELECT `+attributionColumns+attributionFrom+` WHERE a.id IN (SELECT value FROM json_each(?))`, []any{string(js)},
		func(sc scanner) error {
			row, _, err := scanRow(sc)
			byID[row.ID] = row
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	rows := make([]claimtrail.AttributionRow, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			rows = append(rows, r)
		}
	}
	if err := s.fillDetails(ctx, rows); err != nil {
		return nil, err
	}
	for i, r := range rows {
		hits = append(hits, claimtrail.SearchHit{AttributionRow: r, Snippet: snippets[r.ID], Rank: ranks[i]})
	}
	return hits, nil
}

// rank runs a ranking query of (id, rank) rows.
func (s *Store) rank(ctx context.Context, q string, args []any) ([]int64, []float64, error) {
	var (
		ids   []int64
		ranks []float64
	)
	err := s.each(ctx, q, args, func(sc scanner) error {
		var id int64
		var r float64
		if err := sc.Scan(&id, &r); err != nil {
			return err
		}
		ids = append(ids, id)
		ranks = append(ranks, r)
		return nil
	})
	return ids, ranks, err
}

// snippets runs a snippet query over the given rowids.
func (s *Store) snippets(ctx context.Context, q, match string, ids []int64) (map[int64]string, error) {
	js, _ := json.Marshal(ids)
	out := make(map[int64]string, len(ids))
	err := s.each(ctx, q, []any{match, string(js)}, func(sc scanner) error {
		var id int64
		var snip string
		if err := sc.Scan(&id, &snip); err != nil {
			return err
		}
		out[id] = snip
		return nil
	})
	return out, err
}

func (s *Store) searchArticles(ctx context.Context, match string, c conditions, limit int) ([]claimtrail.SearchHit, error) {
	where := append([]string{`articles_fts MATCH ?`}, c.article...)
	args := append([]any{match}, c.articleArgs...)
	if len(c.attribution) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM attributions a LEFT JOIN speakers sp ON sp.id = a.speaker_id WHERE a.article_id = ar.id AND `+strings.Join(c.attribution, " AND ")+`)`)
		args = append(args, c.attributionArgs...)
	}
	q := `SELECT ar.id, bm25(articles_fts, 2.0, 1.0) AS rank
		FROM articles_fts JOIN articles ar ON ar.id = articles_fts.rowid
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY rank, ar.id LIMIT ?`
	var matches int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, match).Scan(&matches); err != nil {
		return nil, searchError(match, err)
	}
	if matches > maxRanked {
		// As for quotes: newest first, undated last, from the index.
		where[0] = `+ar.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`
		cond := strings.Join(where, " AND ")
		q = `SELECT id, 0 FROM (SELECT ar.id FROM articles ar WHERE ` + cond + ` AND ar.published IS NOT NULL
				ORDER BY ar.published DESC, ar.id DESC LIMIT ?)
			UNION ALL
			SELECT id, 0 FROM (SELECT ar.id FROM articles ar WHERE ` + cond + ` AND ar.published IS NULL
				ORDER BY ar.id DESC LIMIT ?)`
		args = append(append(append([]any{}, args...), limit), args...)
	}
	ids, ranks, err := s.rank(ctx, q, append(args, limit))
	if err != nil {
		return nil, searchError(match, err)
	}
	if len(ids) > limit {
		ids, ranks = ids[:limit], ranks[:limit]
	}
	hits := []claimtrail.SearchHit{}
	if len(ids) == 0 {
		return hits, nil
	}
	snippets, err := s.snippets(ctx, `SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 24) FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`, match, ids)
	if err != nil {
		return nil, searchError(match, err)
	}
	js, _ := json.Marshal(ids)
	byID := map[int64]claimtrail.SearchHit{}
	err = s.each(ctx, `SELECT ar.id, ar.source, ar.url, ar.outlet, ar.published, ar.title FROM articles ar
		WHERE ar.id IN (SELECT value FROM json_each(?))`, []any{string(js)}, func(sc scanner) error {
		var h claimtrail.SearchHit
		var url, published sql.NullString
		if err := sc.Scan(&h.ArticleID, &h.ArticleSource, &url, &h.Outlet, &published, &h.Title); err != nil {
			return err
		}
		h.URL = url.String
		var err error
		if h.Published, err = parseTime(published); err != nil {
			return err
		}
		h.Content = []claimtrail.Span{}
		h.AccordingTo = []string{}
		h.Markers = []claimtrail.Marker{}
		h.Speaker.Kind = claimtrail.SpeakerUnknown
		byID[h.ArticleID] = h
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search articles: %w", err)
	}
	for i, id := range ids {
		h, ok := byID[id]
		if !ok {
			continue
		}
		h.Snippet, h.Rank = snippets[id], ranks[i]
		hits = append(hits, h)
	}
	return hits, nil
}

// maxRanked is the most matches Search ranks by relevance (see Search);
// a variable so that tests can lower it.
var maxRanked = 10000

// searchError turns FTS5 syntax errors, which only a malformed query
// causes, into EINVALID.
func searchError(query string, err error) error {
	if strings.Contains(err.Error(), "fts5") {
		return claimtrail.Errorf(claimtrail.EINVALID, "bad search query %q: %v", query, err)
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// ftsQuery turns what a user types into an FTS5 query: every word is
// quoted (so that "don't", "U.S." or "9/11" are literal, not syntax),
// "phrases" stay phrases, a trailing * makes a prefix, and AND, OR, NOT
// and parentheses stay operators.
func ftsQuery(input string) (string, error) {
	var (
		out    []string
		depth  int
		rs     = []rune(input)
		hasArg bool
	)
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			phrase := strings.TrimSpace(string(rs[i+1 : min(j, len(rs))]))
			i = j + 1
			words := tokenize(phrase)
			if len(words) > 0 {
				out = append(out, quote(strings.Join(words, " ")))
				hasArg = true
			}
		case r == '(':
			depth++
			out = append(out, "(")
			i++
		case r == ')':
			if depth > 0 {
				depth--
				out = append(out, ")")
			}
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' && rs[j] != '(' && rs[j] != ')' {
				j++
			}
			word := string(rs[i:j])
			i = j
			if word == "AND" || word == "OR" || word == "NOT" {
				out = append(out, word)
				continue
			}
			prefix := strings.HasSuffix(word, "*")
			words := tokenize(word)
			if len(words) == 0 {
				continue
			}
			term := quote(strings.Join(words, " "))
			if prefix {
				term += "*"
			}
			out = append(out, term)
			hasArg = true
		}
	}
	for ; depth > 0; depth-- {
		out = append(out, ")")
	}
	if !hasArg {
		return "", claimtrail.Errorf(claimtrail.EINVALID, "search query %q has no words", input)
	}
	// Operators at the ends or doubled are syntax errors in FTS5; drop
	// them rather than fail on a stray "OR".
	var clean []string
	for i, t := range out {
		op := t == "AND" || t == "OR" || t == "NOT"
		if op {
			if len(clean) == 0 || isOp(clean[len(clean)-1]) || clean[len(clean)-1] == "(" || i == len(out)-1 || out[i+1] == ")" {
				continue
			}
		}
		clean = append(clean, t)
	}
	return strings.Join(clean, " "), nil
}

func isOp(t string) bool { return t == "AND" || t == "OR" || t == "NOT" }

// tokenize splits s into the letter-and-digit runs FTS5's unicode61
// tokenizer would index.
func tokenize(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
}
