package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/query"
)

// SearchTimeout bounds the database work of one search: a query the
// language accepts may still match most of a large store, and it must
// not hold a read connection for the whole request timeout. A variable
// so that tests can lower it.
var SearchTimeout = 3 * time.Second

// rankCandidates is how many matches a search ranks by relevance: the
// most recently stored ones (highest ids). Ranking every match of a
// common word among millions of quotes (BM25 over 30,000 matches takes
// about 0.1 s) costs more than the first page is worth; ranking a
// bounded candidate set keeps a search within milliseconds whatever the
// word (measured on 1M quotes: 1,000 candidates cost about twice 200;
// BM25's fixed cost, a pass over the matches for their document
// frequency, stays). A variable so that tests can lower it.
var rankCandidates = 500

// totalCap is where counting matches stops: Total is then a lower bound
// (SearchResult.TotalIsLowerBound, shown as "1,000+"). The same in both
// stores, so that they answer alike: FTS5 counts 10,000 matches in under
// a millisecond from its doclists, but PostgreSQL visits a table page
// per match (the GIN index cannot count), 77 ms for 10,000 on 1M quotes.
// A variable so that tests can lower it.
var totalCap = 1000

// maxSearchOffset bounds how deep a search pages: pages further than this
// are better reached by narrowing the query.
const maxSearchOffset = 10000

// Match delimiters in FTS5 snippet() and highlight() output.
const (
	matchOpen  = query.MatchOpen
	matchClose = query.MatchClose
)

// Search implements claimtrail.Store: the hits of SearchPage.
func (s *Store) Search(ctx context.Context, q string, f claimtrail.AttributionFilter) ([]claimtrail.SearchHit, error) {
	r, err := s.SearchPage(ctx, q, f)
	return r.Hits, err
}

// SearchPage implements claimtrail.PagedSearcher: a full-text search over
// quotes (the content and the speaker's name), or over article titles
// and texts with f.InArticles, in the language of package query. The
// other filter fields narrow the hits; for article hits they select
// articles having at least one such attribution. f.After pages on from a
// previous result's Next.
//
// Order: the rankCandidates (500) most recently stored matches, best
// first (BM25), then by id; then any further matches most recently
// stored first (Rank 0). A query that is only a negation ("NOT Blair")
// is ordered newest first by date, undated last (Rank 0). Total counts
// the matches up to totalCap (1,000) and says when there are more
// (TotalIsLowerBound). Neither ranking nor counting reads every match,
// so a search costs about the same whether a word matches ten quotes or
// a million. A search running longer than SearchTimeout is stopped and
// refused as too costly.
func (s *Store) SearchPage(ctx context.Context, input string, f claimtrail.AttributionFilter) (claimtrail.SearchResult, error) {
	res := claimtrail.SearchResult{Hits: []claimtrail.SearchHit{}}
	q, err := query.Parse(input)
	if err != nil {
		return res, claimtrail.Errorf(claimtrail.EINVALID, "bad search query: %v", err)
	}
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return res, err
	}
	offset := 0
	if f.After != "" {
		cur, err := claimtrail.DecodeCursor(f.After)
		if err != nil || cur.Key != "search" {
			return res, claimtrail.Errorf(claimtrail.EINVALID, "invalid search cursor %q: pass the next value of a previous page", f.After)
		}
		offset = int(cur.ID) - 1
		if offset > maxSearchOffset {
			return res, claimtrail.Errorf(claimtrail.EINVALID, "search pages end after %d hits; narrow the query or add filters", maxSearchOffset)
		}
	}
	c, err := buildConditions(f)
	if err != nil {
		return res, err
	}
	sctx, cancel := context.WithTimeout(ctx, SearchTimeout)
	defer cancel()
	se := &search{s: s, q: q, c: c, limit: limit, offset: offset}
	if f.InArticles {
		err = se.articles(sctx)
	} else {
		err = se.quotes(sctx)
	}
	if err != nil {
		if ctx.Err() == nil && sctx.Err() != nil {
			return res, claimtrail.Errorf(claimtrail.EINVALID,
				"search query %q is too costly: it ran longer than %s; use fewer prefix* or OR terms, or add filters", input, SearchTimeout)
		}
		return res, fmt.Errorf("search %q: %w", input, err)
	}
	res.Hits, res.Total, res.TotalIsLowerBound = se.hits, se.total, se.lowerBound
	if se.more {
		res.Next = claimtrail.Cursor{Key: "search", ID: int64(offset + limit + 1)}.Encode()
	}
	return res, nil
}

// search is one SearchPage call's state.
type search struct {
	s             *Store
	q             *query.Query
	c             conditions
	limit, offset int

	hits       []claimtrail.SearchHit
	total      int
	lowerBound bool
	counted    bool // total is set
	more       bool
}

// count counts the rows of q (a SELECT), stopping past totalCap.
func (se *search) count(ctx context.Context, q string, args []any) error {
	var n int
	if err := se.s.ro.QueryRowContext(ctx, `SELECT count(*) FROM (`+q+` LIMIT ?)`, append(append([]any{}, args...), totalCap+1)...).Scan(&n); err != nil {
		return err
	}
	se.total, se.lowerBound = min(n, totalCap), n > totalCap
	return nil
}

// ranked lists the page of a full-text match in SearchPage's order.
// fts is the FTS5 table, from and where the query's tables and
// conditions (the table's MATCH first), rank its BM25 call. The
// candidates are read newest first straight from the index (FTS5 walks
// a doclist in either rowid order and stops at the LIMIT), ranked here,
// and followed by older matches only when the page reaches past them.
func (se *search) ranked(ctx context.Context, fts, from, where, rank string, args []any) ([]int64, []float64, error) {
	q := `SELECT ` + fts + `.rowid, ` + rank + ` FROM ` + from + ` WHERE ` + where + ` ORDER BY ` + fts + `.rowid DESC LIMIT ?`
	ids, ranks, err := se.s.rank(ctx, q, append(append([]any{}, args...), rankCandidates))
	if err != nil {
		return nil, nil, err
	}
	if len(ids) < rankCandidates {
		// Every match is a candidate: that is the total.
		se.total, se.lowerBound, se.counted = min(len(ids), totalCap), len(ids) > totalCap, true
	}
	outIDs, outRanks := query.SortRanked(ids, ranks)
	older := func(before int64, limit, skip int) ([]int64, []float64, error) {
		q := `SELECT ` + fts + `.rowid, 0 FROM ` + from + ` WHERE ` + where + ` AND ` + fts + `.rowid < ? ORDER BY ` + fts + `.rowid DESC LIMIT ? OFFSET ?`
		return se.s.rank(ctx, q, append(append([]any{}, args...), before, limit, skip))
	}
	var oldest int64
	if len(ids) > 0 {
		oldest = ids[len(ids)-1]
	}
	return query.PageRanked(outIDs, outRanks, oldest, len(ids) == rankCandidates, se.offset, se.limit, older)
}

// page cuts ids (the rows from offset on, at most limit+1) to the page.
func (se *search) page(ids []int64, ranks []float64) ([]int64, []float64) {
	if len(ids) > se.limit {
		se.more = true
		ids, ranks = ids[:se.limit], ranks[:se.limit]
	}
	return ids, ranks
}

func (se *search) quotes(ctx context.Context) error {
	s, c := se.s, se.c
	joinArticles := ""
	if len(c.article) > 0 {
		joinArticles = ` JOIN articles ar ON ar.id = a.article_id`
	}
	filters := append(append([]string{}, c.article...), c.attribution...)
	fargs := append(append([]any{}, c.articleArgs...), c.attributionArgs...)
	var (
		match string
		ids   []int64
		ranks []float64
		err   error
	)
	if se.q.Match == nil {
		// Only a negation: every quote but the matches, newest first.
		match = ftsMatch(se.q.Exclude)
		cond := append([]string{`+a.id NOT IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`}, filters...)
		args := append([]any{match}, fargs...)
		if err := se.count(ctx, `SELECT 1 FROM attributions a`+joinArticles+` WHERE `+strings.Join(cond, " AND "), args); err != nil {
			return err
		}
		ids, ranks, err = se.newest(ctx, `attributions a`+joinArticles, `a`, `a.sort_key`, cond, args)
		if err != nil {
			return err
		}
		match = ""
	} else {
		match = ftsMatch(se.q.Match)
		from, where := `quotes_fts`, append([]string{`quotes_fts MATCH ?`}, filters...)
		if len(filters) > 0 {
			from += ` JOIN attributions a ON a.id = quotes_fts.rowid` + joinArticles
		}
		args := append([]any{match}, fargs...)
		ids, ranks, err = se.ranked(ctx, `quotes_fts`, from, strings.Join(where, " AND "), `bm25(quotes_fts, 1.0, 0.5)`, args)
		if err == nil && !se.counted {
			err = se.count(ctx, `SELECT 1 FROM `+from+` WHERE `+strings.Join(where, " AND "), args)
		}
		if err != nil {
			return err
		}
	}
	ids, ranks = se.page(ids, ranks)
	if len(ids) == 0 {
		return nil
	}
	js, _ := json.Marshal(ids)
	type marked struct{ snippet, full string }
	texts := map[int64]marked{}
	if match != "" {
		err = s.each(ctx, `SELECT rowid, snippet(quotes_fts, 0, '`+matchOpen+`', '`+matchClose+`', '…', 24),
				highlight(quotes_fts, 0, '`+matchOpen+`', '`+matchClose+`')
			FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`, []any{match, string(js)},
			func(sc scanner) error {
				var id int64
				var m marked
				if err := sc.Scan(&id, &m.snippet, &m.full); err != nil {
					return err
				}
				texts[id] = m
				return nil
			})
		if err != nil {
			return err
		}
	}
	byID := map[int64]claimtrail.AttributionRow{}
	err = s.each(ctx, `SELECT `+attributionColumns+attributionFrom+` WHERE a.id IN (SELECT value FROM json_each(?))`, []any{string(js)},
		func(sc scanner) error {
			row, _, err := scanRow(sc)
			byID[row.ID] = row
			return err
		})
	if err != nil {
		return err
	}
	rows := make([]claimtrail.AttributionRow, 0, len(ids))
	rowRanks := make([]float64, 0, len(ids))
	for i, id := range ids {
		if r, ok := byID[id]; ok {
			rows = append(rows, r)
			rowRanks = append(rowRanks, ranks[i])
		}
	}
	if err := s.fillDetails(ctx, rows); err != nil {
		return err
	}
	for i, r := range rows {
		h := claimtrail.SearchHit{AttributionRow: r, Rank: rowRanks[i], Matches: []claimtrail.Span{}}
		if m, ok := texts[r.ID]; ok {
			h.Snippet, h.Matches = query.SplitMarks(m.snippet)
			_, inContent := query.SplitMarks(m.full)
			h.ContentMatches = contentSpans(r.Content, inContent)
		} else {
			h.Snippet = leadSnippet(r.ContentText(), 24)
		}
		se.hits = append(se.hits, h)
	}
	return nil
}

// newest lists ids from table (alias t) matching cond, dated rows first,
// newest first, then undated ones, from offset on (limit+1 of them).
// sortCol is the listing column (unknownTime for undated rows).
func (se *search) newest(ctx context.Context, table, alias, sortCol string, cond []string, args []any) ([]int64, []float64, error) {
	where := strings.Join(cond, " AND ")
	n := se.offset + se.limit + 1
	q := `SELECT id, 0 FROM (SELECT ` + alias + `.id FROM ` + table + ` WHERE ` + where + ` AND ` + sortCol + ` < '` + unknownTime + `'
			ORDER BY ` + sortCol + ` DESC, ` + alias + `.id DESC LIMIT ?)
		UNION ALL
		SELECT id, 0 FROM (SELECT ` + alias + `.id FROM ` + table + ` WHERE ` + where + ` AND ` + sortCol + ` = '` + unknownTime + `'
			ORDER BY ` + alias + `.id DESC LIMIT ?)`
	all := append(append(append(append([]any{}, args...), n), args...), n)
	ids, ranks, err := se.s.rank(ctx, q, all)
	if err != nil {
		return nil, nil, err
	}
	if se.offset >= len(ids) {
		return nil, nil, nil
	}
	ids, ranks = ids[se.offset:], ranks[se.offset:]
	return ids, ranks, nil
}

func (se *search) articles(ctx context.Context) error {
	s, c := se.s, se.c
	filters := append([]string{}, c.article...)
	fargs := append([]any{}, c.articleArgs...)
	if len(c.attribution) > 0 {
		filters = append(filters, `EXISTS (SELECT 1 FROM attributions a LEFT JOIN speakers sp ON sp.id = a.speaker_id WHERE a.article_id = ar.id AND `+strings.Join(c.attribution, " AND ")+`)`)
		fargs = append(fargs, c.attributionArgs...)
	}
	const sortCol = `coalesce(ar.published, '` + unknownTime + `')`
	var (
		match string
		ids   []int64
		ranks []float64
		err   error
	)
	if se.q.Match == nil {
		match = ftsMatch(se.q.Exclude)
		cond := append([]string{`+ar.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`}, filters...)
		args := append([]any{match}, fargs...)
		if err := se.count(ctx, `SELECT 1 FROM articles ar WHERE `+strings.Join(cond, " AND "), args); err != nil {
			return err
		}
		ids, ranks, err = se.newest(ctx, `articles ar`, `ar`, sortCol, cond, args)
		match = ""
	} else {
		match = ftsMatch(se.q.Match)
		from, where := `articles_fts`, append([]string{`articles_fts MATCH ?`}, filters...)
		if len(filters) > 0 {
			from += ` JOIN articles ar ON ar.id = articles_fts.rowid`
		}
		args := append([]any{match}, fargs...)
		ids, ranks, err = se.ranked(ctx, `articles_fts`, from, strings.Join(where, " AND "), `bm25(articles_fts, 2.0, 1.0)`, args)
		if err == nil && !se.counted {
			err = se.count(ctx, `SELECT 1 FROM `+from+` WHERE `+strings.Join(where, " AND "), args)
		}
	}
	if err != nil {
		return err
	}
	ids, ranks = se.page(ids, ranks)
	if len(ids) == 0 {
		return nil
	}
	js, _ := json.Marshal(ids)
	snippets := map[int64]string{}
	if match != "" {
		err = s.each(ctx, `SELECT rowid, snippet(articles_fts, 1, '`+matchOpen+`', '`+matchClose+`', '…', 24) FROM articles_fts
			WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`, []any{match, string(js)}, func(sc scanner) error {
			var id int64
			var snip string
			if err := sc.Scan(&id, &snip); err != nil {
				return err
			}
			snippets[id] = snip
			return nil
		})
		if err != nil {
			return err
		}
	}
	byID := map[int64]claimtrail.SearchHit{}
	err = s.each(ctx, `SELECT ar.id, ar.source, ar.url, ar.outlet, ar.published, ar.title, substr(ar.text, 1, 400) FROM articles ar
		WHERE ar.id IN (SELECT value FROM json_each(?))`, []any{string(js)}, func(sc scanner) error {
		var h claimtrail.SearchHit
		var url, published sql.NullString
		var lead string
		if err := sc.Scan(&h.ArticleID, &h.ArticleSource, &url, &h.Outlet, &published, &h.Title, &lead); err != nil {
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
		if snip, ok := snippets[h.ArticleID]; ok {
			h.Snippet, h.Matches = query.SplitMarks(snip)
		} else {
			h.Snippet, h.Matches = leadSnippet(lead, 24), []claimtrail.Span{}
		}
		byID[h.ArticleID] = h
		return nil
	})
	if err != nil {
		return err
	}
	for i, id := range ids {
		if h, ok := byID[id]; ok {
			h.Rank = ranks[i]
			se.hits = append(se.hits, h)
		}
	}
	return nil
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

// ftsMatch translates a query tree into an FTS5 query. Every word is
// written as an FTS5 string, so nothing the user typed is FTS5 syntax;
// the operators are the tree's.
func ftsMatch(n query.Node) string {
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	switch n := n.(type) {
	case *query.Term:
		s := quote(n.Text)
		if n.Prefix {
			s += "*"
		}
		return s
	case *query.Phrase:
		s := quote(strings.Join(n.Words, " "))
		if n.Prefix {
			s += "*"
		}
		return s
	case *query.And:
		var pos, neg []string
		for _, c := range n.Nodes {
			if nt, ok := c.(*query.Not); ok {
				neg = append(neg, ftsMatch(nt.Node))
			} else {
				pos = append(pos, ftsMatch(c))
			}
		}
		s := "(" + strings.Join(pos, " AND ") + ")"
		for _, x := range neg {
			s = "(" + s + " NOT " + x + ")"
		}
		return s
	case *query.Or:
		parts := make([]string, len(n.Nodes))
		for i, c := range n.Nodes {
			parts[i] = ftsMatch(c)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	case *query.Near:
		parts := make([]string, len(n.Nodes))
		for i, c := range n.Nodes {
			parts[i] = ftsMatch(c)
		}
		return "NEAR(" + strings.Join(parts, " ") + ", " + strconv.Itoa(n.Distance) + ")"
	case *query.Not:
		// Only reached for a malformed tree; query.Parse never makes one.
		return ftsMatch(n.Node)
	}
	return `""`
}

// contentSpans maps spans of the content text (the pieces joined with a
// space, as stored) to spans of the article text.
func contentSpans(content []claimtrail.Span, in []claimtrail.Span) []claimtrail.Span {
	out := []claimtrail.Span{}
	off := 0
	for _, piece := range content {
		n := utf8.RuneCountInString(piece.Text)
		rs := []rune(piece.Text)
		for _, m := range in {
			if m.Start >= off && m.End <= off+n {
				out = append(out, claimtrail.Span{Start: piece.Start + m.Start - off, End: piece.Start + m.End - off, Text: string(rs[m.Start-off : m.End-off])})
			}
		}
		off += n + 1
	}
	return out
}

// leadSnippet is the first words of a text, for hits without matches.
func leadSnippet(s string, words int) string {
	f := strings.Fields(s)
	if len(f) <= words {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:words], " ") + "…"
}
