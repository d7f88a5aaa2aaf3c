package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/claimtrail/claimtrail"
)

// maxRanked is the most matches Search ranks by relevance; more are
// ordered newest first, undated last (Rank 0), as in package sqlite. A
// variable so that tests can lower it.
var maxRanked = 10000

// rankWeights weigh the tsvector labels {D, C, B, A}: content (A) counts
// twice the speaker's name (B), as bm25(quotes_fts, 1.0, 0.5) in sqlite;
// for articles the title (A) twice the text (B).
const rankWeights = `'{0.1, 0.2, 0.5, 1.0}'`

// headlineOptions make ts_headline snippets like sqlite's snippet(): the
// matches in [ and ], about 24 words around them.
const headlineOptions = `StartSel=[, StopSel=], MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`

const quoteVector = `(a.search_content || a.search_speaker)`

// Search implements claimtrail.Store with the query language of the
// sqlite store: words (all must match), "quoted phrases", word* prefixes,
// OR, NOT, -word and parentheses; other punctuation separates words.
// Hits are ordered by ts_rank, best first (Rank is minus ts_rank, so that
// as with BM25 lower is better), then id.
func (s *Store) Search(ctx context.Context, query string, f claimtrail.AttributionFilter) ([]claimtrail.SearchHit, error) {
	tsq, err := tsQuery(query)
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
	a := args{tsq}
	c, err := buildConditions(f, &a)
	if err != nil {
		return nil, err
	}
	if f.InArticles {
		return s.searchArticles(ctx, query, a, c, limit)
	}
	var matches int
	err = s.each(ctx, `SELECT count(*) FROM (SELECT 1 FROM attributions a WHERE `+quoteVector+` @@ to_tsquery('claimtrail', $1) LIMIT `+fmt.Sprint(maxRanked+1)+`) m`,
		args{tsq}, func(row pgx.Row) error { return row.Scan(&matches) })
	if err != nil {
		return nil, searchError(query, err)
	}
	where := append([]string{quoteVector + ` @@ q`}, append(c.article, c.attribution...)...)
	joinArticles := ""
	if len(c.article) > 0 {
		joinArticles = ` JOIN articles ar ON ar.id = a.article_id`
	}
	from := ` FROM attributions a` + joinArticles + ` CROSS JOIN to_tsquery('claimtrail', $1) q WHERE ` + strings.Join(where, " AND ")
	lim := a.add(limit)
	var q string
	if matches > maxRanked {
		q = `(SELECT a.id, 0::real` + from + ` AND a.sort_key < '` + unknownTime + `' ORDER BY a.sort_key DESC, a.id DESC LIMIT ` + lim + `)
			UNION ALL
			(SELECT a.id, 0::real` + from + ` AND a.sort_key = '` + unknownTime + `' ORDER BY a.id DESC LIMIT ` + lim + `)`
	} else {
		q = `SELECT a.id, ts_rank(` + rankWeights + `, ` + quoteVector + `, q) AS rank` + from + ` ORDER BY rank DESC, a.id LIMIT ` + lim
	}
	ids, ranks, err := s.rank(ctx, q, a)
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
	byID := map[int64]claimtrail.AttributionRow{}
	snippets := map[int64]string{}
	err = s.each(ctx, `SELECT `+attributionColumns+`, ts_headline('claimtrail', a.content, to_tsquery('claimtrail', $2), '`+headlineOptions+`')`+
		attributionFrom+` WHERE a.id = ANY($1)`, args{ids, tsq}, func(row pgx.Row) error {
		var snip string
		r, _, err := scanRow(extraScan{row, []any{&snip}})
		byID[r.ID] = r
		snippets[r.ID] = snip
		return err
	})
	if err != nil {
		return nil, searchError(query, err)
	}
	rows := make([]claimtrail.AttributionRow, 0, len(ids))
	var rowRanks []float64
	for i, id := range ids {
		if r, ok := byID[id]; ok {
			rows = append(rows, r)
			rowRanks = append(rowRanks, ranks[i])
		}
	}
	if err := s.fillDetails(ctx, rows); err != nil {
		return nil, err
	}
	for i, r := range rows {
		hits = append(hits, claimtrail.SearchHit{AttributionRow: r, Snippet: snippets[r.ID], Rank: rowRanks[i]})
	}
	return hits, nil
}

// extraScan appends destinations to a row's Scan.
type extraScan struct {
	pgx.Row
	extra []any
}

func (e extraScan) Scan(dest ...any) error { return e.Row.Scan(append(dest, e.extra...)...) }

// rank runs a ranking query of (id, rank) rows; ranks are negated.
func (s *Store) rank(ctx context.Context, q string, a args) ([]int64, []float64, error) {
	var (
		ids   []int64
		ranks []float64
	)
	err := s.each(ctx, q, a, func(row pgx.Row) error {
		var id int64
		var r float32
		if err := row.Scan(&id, &r); err != nil {
			return err
		}
		ids = append(ids, id)
		ranks = append(ranks, -float64(r))
		return nil
	})
	return ids, ranks, err
}

func (s *Store) searchArticles(ctx context.Context, query string, a args, c conditions, limit int) ([]claimtrail.SearchHit, error) {
	var matches int
	err := s.each(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles ar WHERE ar.search @@ to_tsquery('claimtrail', $1) LIMIT `+fmt.Sprint(maxRanked+1)+`) m`,
		args{a[0]}, func(row pgx.Row) error { return row.Scan(&matches) })
	if err != nil {
		return nil, searchError(query, err)
	}
	where := append([]string{`ar.search @@ q`}, c.article...)
	if len(c.attribution) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM attributions a LEFT JOIN speakers sp ON sp.id = a.speaker_id WHERE a.article_id = ar.id AND `+strings.Join(c.attribution, " AND ")+`)`)
	}
	from := ` FROM articles ar CROSS JOIN to_tsquery('claimtrail', $1) q WHERE ` + strings.Join(where, " AND ")
	lim := a.add(limit)
	var q string
	if matches > maxRanked {
		q = `(SELECT ar.id, 0::real` + from + ` AND ar.published IS NOT NULL ORDER BY ar.published DESC, ar.id DESC LIMIT ` + lim + `)
			UNION ALL
			(SELECT ar.id, 0::real` + from + ` AND ar.published IS NULL ORDER BY ar.id DESC LIMIT ` + lim + `)`
	} else {
		q = `SELECT ar.id, ts_rank(` + rankWeights + `, ar.search, q) AS rank` + from + ` ORDER BY rank DESC, ar.id LIMIT ` + lim
	}
	ids, ranks, err := s.rank(ctx, q, a)
	if err != nil {
		return nil, searchError(query, err)
	}
	if len(ids) > limit {
		ids, ranks = ids[:limit], ranks[:limit]
	}
	hits := []claimtrail.SearchHit{}
	if len(ids) == 0 {
		return hits, nil
	}
	byID := map[int64]claimtrail.SearchHit{}
	err = s.each(ctx, `SELECT ar.id, ar.source, ar.url, ar.outlet, ar.published, ar.title,
			ts_headline('claimtrail', ar.text, to_tsquery('claimtrail', $2), '`+headlineOptions+`')
		FROM articles ar WHERE ar.id = ANY($1)`, args{ids, a[0]}, func(row pgx.Row) error {
		var h claimtrail.SearchHit
		var url *string
		var pub *time.Time
		if err := row.Scan(&h.ArticleID, &h.ArticleSource, &url, &h.Outlet, &pub, &h.Title, &h.Snippet); err != nil {
			return err
		}
		h.URL = derefS(url)
		if pub != nil {
			h.Published = pub.UTC()
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
		h.Rank = ranks[i]
		hits = append(hits, h)
	}
	return hits, nil
}

// searchError turns a malformed tsquery into EINVALID.
func searchError(query string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "42601" || strings.Contains(pe.Message, "tsquery")) {
		return claimtrail.Errorf(claimtrail.EINVALID, "bad search query %q: %s", query, pe.Message)
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// tsQuery turns what a user types into to_tsquery text with the sqlite
// store's language: every word is folded as the index is (fold) and
// quoted, so nothing a user pastes is syntax; "phrases" become <->
// chains; a trailing * makes a prefix; AND, OR, NOT and parentheses stay
// operators (NOT binds tightest, then AND, then OR, as in FTS5); -word
// excludes a word; adjacent terms are ANDed. Operators at the ends,
// doubled or next to a parenthesis are dropped rather than failing.
func tsQuery(input string) (string, error) {
	type tok struct {
		s   string // a term, "(", ")", "&", "|", "!" (NOT) or "-" (exclude the next term)
		pos bool   // a term that must match (not excluded)
	}
	var (
		toks  []tok
		depth int
		rs    = []rune(input)
	)
	term := func(ws []string, prefix bool) string {
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = "'" + strings.ToLower(w) + "'"
		}
		if prefix {
			parts[len(parts)-1] += ":*"
		}
		if len(parts) == 1 {
			return parts[0]
		}
		return "(" + strings.Join(parts, " <-> ") + ")"
	}
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
			ws := words(string(rs[i+1 : min(j, len(rs))]))
			i = j + 1
			prefix := i < len(rs) && rs[i] == '*'
			if prefix {
				i++
			}
			if len(ws) > 0 {
				toks = append(toks, tok{s: term(ws, prefix), pos: true})
			}
		case r == '(':
			depth++
			toks = append(toks, tok{s: "("})
			i++
		case r == ')':
			if depth > 0 {
				depth--
				toks = append(toks, tok{s: ")"})
			}
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' && rs[j] != '(' && rs[j] != ')' {
				j++
			}
			word := string(rs[i:j])
			i = j
			switch word {
			case "AND":
				toks = append(toks, tok{s: "&"})
				continue
			case "OR":
				toks = append(toks, tok{s: "|"})
				continue
			case "NOT":
				toks = append(toks, tok{s: "!"})
				continue
			}
			neg := strings.HasPrefix(word, "-") && len(word) > 1
			ws := words(word)
			if len(ws) == 0 {
				continue
			}
			t := term(ws, strings.HasSuffix(word, "*"))
			if neg {
				toks = append(toks, tok{s: "-"}, tok{s: t})
			} else {
				toks = append(toks, tok{s: t, pos: true})
			}
		}
	}
	for ; depth > 0; depth-- {
		toks = append(toks, tok{s: ")"})
	}
	isBin := func(s string) bool { return s == "&" || s == "|" || s == "!" }
	isOperand := func(s string) bool { return s != "" && s != "(" && s != ")" && !isBin(s) && s != "-" }
	// Drop binary operators with no operand on either side.
	var clean []tok
	for i, t := range toks {
		if isBin(t.s) {
			prev := ""
			if len(clean) > 0 {
				prev = clean[len(clean)-1].s
			}
			if prev == "" || isBin(prev) || prev == "(" || prev == "-" || i == len(toks)-1 || toks[i+1].s == ")" || isBin(toks[i+1].s) {
				continue
			}
		}
		clean = append(clean, t)
	}
	// Drop empty parentheses "( )" left by the cleaning.
	for changed := true; changed; {
		changed = false
		for i := 0; i+1 < len(clean); i++ {
			if clean[i].s == "(" && clean[i+1].s == ")" {
				clean = append(clean[:i], clean[i+2:]...)
				changed = true
				break
			}
		}
	}
	var (
		b        strings.Builder
		positive bool
		prev     string
	)
	for _, t := range clean {
		if t.pos {
			positive = true
		}
		// An operand or group after an operand or group: implicit AND.
		startsOperand := isOperand(t.s) || t.s == "(" || t.s == "-"
		endsOperand := isOperand(prev) || prev == ")"
		if startsOperand && endsOperand {
			b.WriteString(" & ")
		}
		switch t.s {
		case "&":
			b.WriteString(" & ")
		case "|":
			b.WriteString(" | ")
		case "!":
			b.WriteString(" & !")
		case "-":
			b.WriteString("!")
		default:
			b.WriteString(t.s)
		}
		prev = t.s
	}
	if !positive {
		return "", claimtrail.Errorf(claimtrail.EINVALID, "search query %q has no words to match", input)
	}
	return b.String(), nil
}
