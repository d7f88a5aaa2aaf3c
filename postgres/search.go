package postgres

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/query"
)

// SearchTimeout bounds the database work of one search, as in package
// sqlite; a variable so that tests can lower it.
var SearchTimeout = 3 * time.Second

// rankCandidates is how many matches a search ranks by relevance: the
// most recently stored ones (highest ids), as in package sqlite; further
// matches follow most recently stored first (Rank 0). ts_rank reads each
// ranked row's vector, so ranking every match of a common word among
// millions costs more than the page is worth. A variable so that tests
// can lower it.
var rankCandidates = 500

// totalCap is where counting matches stops (TotalIsLowerBound), as in
// package sqlite; a variable so that tests can lower it.
var totalCap = 1000

// maxSearchOffset bounds how deep a search pages.
const maxSearchOffset = 10000

// rankWeights weigh the tsvector labels {D, C, B, A}: content (A) counts
// twice the speaker's name (B), as bm25(quotes_fts, 1.0, 0.5) in sqlite;
// for articles the title (A) twice the text (B).
const rankWeights = `'{0.1, 0.2, 0.5, 1.0}'`

// Match delimiters in ts_headline output, as the sqlite store uses.
const (
	matchOpen  = query.MatchOpen
	matchClose = query.MatchClose
)

// headline options: a snippet of about 24 words, and the whole text.
const (
	snippetOptions = "StartSel=\x01, StopSel=\x02, MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\" … \""
	fullOptions    = "StartSel=\x01, StopSel=\x02, HighlightAll=true"
)

// quoteVector is the stored quote vector, search_content ||
// search_speaker (migration 0003), which the GIN index covers.
const quoteVector = `a.search`

// Search implements claimtrail.Store: the hits of SearchPage.
func (s *Store) Search(ctx context.Context, q string, f claimtrail.AttributionFilter) ([]claimtrail.SearchHit, error) {
	r, err := s.SearchPage(ctx, q, f)
	return r.Hits, err
}

// SearchPage implements claimtrail.PagedSearcher with the language of
// package query translated to a tsquery (tsQuery): quotes (content and
// speaker's name) or, with f.InArticles, article titles and texts. The
// order is the sqlite store's: the rankCandidates most recently stored
// matches best first by ts_rank (Rank is minus ts_rank, so that lower is
// better as with BM25), then by id, then older matches most recently
// stored first; a query that is only a negation newest first by date.
// Total is counted up to totalCap. f.After pages on from a previous Next.
//
// Why a candidate set and not ts_rank over every match: the GIN index
// finds the matches but cannot order them, so ranking all of them reads
// every matching row (30,000 for a common word in 1M quotes); the
// candidates are read newest first and the planner stops at the LIMIT.
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
	match, negated := tsQuery(q)
	a := args{match}
	c, err := buildConditions(f, &a)
	if err != nil {
		return res, err
	}
	sctx, cancel := context.WithTimeout(ctx, SearchTimeout)
	defer cancel()
	se := &pgSearch{s: s, match: match, negated: negated, a: a, c: c, limit: limit, offset: offset}
	if !f.InArticles && len(c.article) == 0 && len(c.attribution) == 0 {
		switch m := q.Match.(type) {
		case *query.Term:
			se.term = m
		case *query.Phrase:
			se.phrase = m
		}
	}
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
		return res, searchError(input, err)
	}
	res.Hits, res.Total, res.TotalIsLowerBound = se.hits, se.total, se.lowerBound
	if se.more {
		res.Next = claimtrail.Cursor{Key: "search", ID: int64(offset + limit + 1)}.Encode()
	}
	return res, nil
}

// pgSearch is one SearchPage call's state; a[0] is the tsquery text.
type pgSearch struct {
	s             *Store
	match         string
	negated       bool // match is what to leave out
	a             args
	c             conditions
	limit, offset int

	// term is the query's one word (or prefix) when the matches can be
	// read from attribution_terms (gatherTerms): a quote search of a
	// single Term without filters; nil otherwise.
	term *query.Term
	// phrase is the query's phrase when its matches can be read from
	// attribution_terms (gatherPhrase), under the same conditions as
	// term; nil otherwise.
	phrase *query.Phrase

	hits       []claimtrail.SearchHit
	total      int
	lowerBound bool
	counted    bool // total is set
	more       bool
}

// ranked lists the page of a positive match in SearchPage's order: from
// and where are the query's tables and conditions, vector the tsvector
// to rank, alias the table whose id orders and table its name.
//
// The newest matches are gathered by probing windows of ids downwards
// from the newest (gather), enough of them both to rank
// (rankCandidates) and to settle the total (totalCap + 1), so one pass
// does what ranking and counting did apart. Only the candidates are
// then ranked (rank), by id; those past them are ranked 0.
func (se *pgSearch) ranked(ctx context.Context, from, alias, table, vector, where string) ([]int64, []float64, error) {
	want := max(rankCandidates, totalCap+1)
	ids, ok, err := se.gatherTerms(ctx, table, want)
	if err == nil && !ok {
		ids, ok, err = se.gatherPhrase(ctx, table, want)
	}
	if err == nil && !ok {
		ids, err = se.gather(ctx, from, alias, table, where, want)
	}
	if err != nil {
		return nil, nil, err
	}
	se.total, se.lowerBound, se.counted = min(len(ids), totalCap), len(ids) > totalCap, true
	n := min(len(ids), rankCandidates)
	ranks, err := se.rank(ctx, table, vector, ids[:n])
	if err != nil {
		return nil, nil, err
	}
	outIDs, outRanks := query.SortRanked(ids[:n], ranks)
	for i := n; i < len(ids); i++ {
		outIDs, outRanks = append(outIDs, ids[i]), append(outRanks, 0)
	}
	older := func(before int64, limit, skip int) ([]int64, []float64, error) {
		a := append(args{}, se.a...)
		q := `SELECT ` + alias + `.id, 0::real FROM ` + from + ` WHERE ` + where + ` AND ` + alias + `.id < ` + a.add(before) +
			` ORDER BY ` + alias + `.id DESC LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(skip)
		return se.scan(ctx, q, a)
	}
	var oldest int64
	if len(ids) > 0 {
		oldest = ids[len(ids)-1]
	}
	return query.PageRanked(outIDs, outRanks, oldest, len(ids) == want, se.offset, se.limit, older)
}

// rank returns the ts_rank of the rows of table with ids (negated, as
// scan's), in the order of ids. It reads the candidates alone: ranking
// reads and unpacks each row's vector, which for a common word cost
// more than finding the matches did when every gathered match was
// ranked (1,001 of them, and all of a word's matches once gather read
// them from the index whole).
func (se *pgSearch) rank(ctx context.Context, table, vector string, ids []int64) ([]float64, error) {
	ranks := make([]float64, len(ids))
	if len(ids) == 0 {
		return ranks, nil
	}
	alias := strings.SplitN(vector, ".", 2)[0]
	got, r, err := se.scan(ctx, `SELECT `+alias+`.id, ts_rank(`+rankWeights+`, `+vector+`, to_tsquery('claimtrail', $1)) FROM `+table+` `+alias+
		` WHERE `+alias+`.id = ANY($2)`, args{se.match, ids})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]float64, len(got))
	for i, id := range got {
		byID[id] = r[i]
	}
	for i, id := range ids {
		ranks[i] = byID[id]
	}
	return ranks, nil
}

// probeWindow is how many of the newest ids gather's first probe
// covers, and maxProbeWindow the widest window it probes before reading
// all the older ids at once; variables so that tests can lower them.
var (
	probeWindow    int64 = 4096
	maxProbeWindow int64 = 1 << 16
)

// maxSparseWindows is how many windows too wide to walk gather reads
// through the indexes' bitmaps before it reads all the older ids at
// once: each reads the word's whole GIN posting list, and a window sized
// from a few matches may fall short.
const maxSparseWindows = 2

// gather returns the ids of up to want of the newest matches (highest
// first; rank reads the candidates' ranks apart), and fewer only when
// there are no more. It probes the newest probeWindow ids first; when
// the matches there are dense enough that the rest of want fits in a
// window of at most maxProbeWindow ids (sized from that density, and a
// quarter more), it walks that window next, and so on. A wider window
// is read through the indexes' bitmaps instead (up to maxSparseWindows
// of them); after those, or when the first window held no match, it
// reads all the older ids at once.
//
// Why windows: the GIN index finds matches but not the newest ones
// first, so "the newest matches" over all ids is either a bitmap scan
// that reads every match and sorts them (35,000 rows for a common word
// in 1M quotes, and the count needed as many again) or a walk down the
// ids filtering each row, which for a word or phrase rarer than the
// planner guessed reads most of the table (past the search timeout).
// A window bounds the walk for common words. A word of a few thousand
// matches, too sparse to walk, is read in a window ANDed from the GIN
// bitmap and the id BRIN index's (rows are stored in about id order),
// so that only the matches in the window are read, not all of them; a
// rare one is read from the index whole, a thousand rows at most. The
// probes run unprepared (QueryExecModeExec), so each is planned for its
// words and window rather than by a generic plan that knows neither.
func (se *pgSearch) gather(ctx context.Context, from, alias, table, where string, want int) ([]int64, error) {
	top, err := se.s.maxID(ctx, table)
	if err != nil {
		return nil, err
	}
	var ids []int64
	hi := int64(-1) // the window's newest id; -1: none (the first window is open above)
	span := probeWindow
	sparse := false // the matches found so far are too few to walk another window
	sparseWindows := 0
	if span <= 0 {
		span = top
	}
	for {
		lo := top - span // the window holds ids above lo; none when lo <= 0
		a := append(args{}, se.a...)
		cond := where
		if lo > 0 {
			cond += ` AND ` + alias + `.id > ` + a.add(lo)
		}
		if hi >= 0 {
			cond += ` AND ` + alias + `.id <= ` + a.add(hi)
		}
		sel := `SELECT ` + alias + `.id, 0::real FROM ` + from + ` WHERE ` + cond
		var q string
		if sparse {
			// Found rare so far: read the rest from the index and sort
			// it (OFFSET 0 keeps the planner from walking the ids instead,
			// as it does when it guesses a phrase of common words
			// common).
			q = `SELECT id, 0::real FROM (SELECT ` + alias + `.id FROM ` + from + ` WHERE ` + cond + ` OFFSET 0) x ORDER BY id DESC LIMIT ` + a.add(want-len(ids))
		} else {
			q = sel + ` ORDER BY ` + alias + `.id DESC LIMIT ` + a.add(want-len(ids))
		}
		got, _, err := se.scan(ctx, q, append(args{pgx.QueryExecModeExec}, a...))
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
		if len(ids) >= want || lo <= 0 {
			return ids, nil
		}
		next := top // the rest
		sparse = true
		if len(ids) > 0 {
			w := int64(float64(want-len(ids)) * float64(span) / float64(len(ids)) * 1.25)
			switch {
			case w <= maxProbeWindow:
				next, sparse = w, false
			case sparseWindows < maxSparseWindows:
				// Too sparse to walk but too many to read whole: a
				// window read through the bitmaps of the GIN index and
				// the id BRIN index (migration 0004) reads only the
				// matches inside it.
				next = w
				sparseWindows++
			}
		}
		hi, span = lo, span+next
	}
}

// gatherTerms returns what gather would, the ids of up to want of the
// newest matches, highest first, for a search of one word or prefix
// (se.term), read from attribution_terms (migration 0005): a word's rows
// there are its matches in id order, so the newest are the last entries
// of its range in the index; a prefix's are the ranges of every word it
// starts, merged. ok is false when the search is not of that kind, or
// the word is not one lexeme to PostgreSQL (it splits, as "4.4" may, or
// is dropped): gather reads the GIN index then.
//
// Why: the GIN index cannot list matches newest first, so gather walked
// some 30,000 rows of 1M quotes to find a common word's 1,001 newest
// (about 35 ms of CPU), where this reads a few index pages.
func (se *pgSearch) gatherTerms(ctx context.Context, table string, want int) ([]int64, bool, error) {
	if se.term == nil || se.negated || table != "attributions" || disableTerms {
		return nil, false, nil
	}
	ws := words(se.term.Text)
	if len(ws) != 1 {
		return nil, false, nil
	}
	word := strings.ToLower(ws[0])
	if !se.term.Prefix {
		// The word as to_tsquery reads a quoted operand (the same parser
		// and dictionaries as to_tsvector) and its rows in one statement;
		// a word that is not one lexeme gives the one id 0.
		ids, _, err := se.scan(ctx, `WITH l AS (SELECT tsvector_to_array(to_tsvector('claimtrail', $1)) v)
			SELECT x.id, 0::real FROM l, LATERAL (SELECT id FROM attribution_terms WHERE term = l.v[1] ORDER BY id DESC LIMIT $2) x
			WHERE cardinality(l.v) = 1
			UNION ALL SELECT 0, 0::real FROM l WHERE cardinality(l.v) <> 1
			ORDER BY 1 DESC`, args{word, want})
		if err != nil || (len(ids) == 1 && ids[0] == 0) {
			return nil, false, err
		}
		termSearches.Add(1)
		return ids, true, nil
	}
	var lexemes []string
	err := se.s.each(ctx, `SELECT coalesce(array_agg(lexeme), '{}') FROM unnest(to_tsvector('claimtrail', $1))`,
		args{word}, func(row pgx.Row) error { return row.Scan(&lexemes) })
	if err != nil || len(lexemes) != 1 {
		return nil, false, err
	}
	lex := lexemes[0]
	hi, ok := prefixEnd(lex)
	if !ok {
		return nil, false, nil
	}
	// Each word of the prefix (found by skipping through the index, one
	// probe per word) gives its newest want ids, and the newest want of
	// those are the prefix's: reading all of a common prefix's rows
	// (39,000 for stat* in 1M quotes) to sort them cost 30 ms.
	ids, err := se.prefixNewest(ctx, lex, hi, want)
	if err != nil {
		return nil, false, err
	}
	termSearches.Add(1)
	return ids, true, nil
}

// prefixRows is how many rows per wanted id prefixNewest's first read
// takes: enough for the quotes holding two or more of a prefix's words;
// a variable so that tests can lower it.
var prefixRows int64 = 2

// prefixNewest returns the newest want distinct ids of the quotes holding
// a word in [lo, hi) of attribution_terms, highest first. A quote with
// several of the words has a row for each: it reads the newest
// want*prefixRows rows of the words' newest want each (a top-N sort) and
// drops repeated ids; when those rows were cut and held fewer than want
// ids, it reads every word's newest want. DISTINCT in the query hashed
// every word's want rows (18,000 for cont* in 1M quotes), which cost more
// than reading them.
func (se *pgSearch) prefixNewest(ctx context.Context, lo, hi string, want int) ([]int64, error) {
	q := `WITH RECURSIVE w(term) AS (
			SELECT min(term) FROM attribution_terms WHERE term >= $1 AND term < $2
			UNION ALL
			SELECT (SELECT min(term) FROM attribution_terms WHERE term > w.term AND term < $2) FROM w WHERE w.term IS NOT NULL)
		SELECT x.id, 0::real FROM w, LATERAL (SELECT id FROM attribution_terms WHERE term = w.term ORDER BY id DESC LIMIT $3) x
		WHERE w.term IS NOT NULL ORDER BY x.id DESC LIMIT $4`
	rows := int64(want) * prefixRows
	for {
		got, _, err := se.scan(ctx, q, args{lo, hi, want, rows})
		if err != nil {
			return nil, err
		}
		ids := make([]int64, 0, min(len(got), want))
		for i, id := range got {
			if i == 0 || id != got[i-1] {
				ids = append(ids, id)
				if len(ids) == want {
					break
				}
			}
		}
		if len(ids) == want || int64(len(got)) < rows || rows == math.MaxInt64 {
			return ids, nil
		}
		rows = math.MaxInt64
	}
}

// gatherPhrase returns what gather would, the ids of up to want of the
// newest matches, highest first, for a search of a phrase of two words
// (se.phrase, not a prefix) read from attribution_bigrams (migration
// 0006): the pair's rows there are its matches in id order, so the
// newest are the last entries of its range in the index, as a word's
// are in attribution_terms. ok is false when the search is not of that
// kind, or a word is not one lexeme to PostgreSQL (as gatherTerms):
// gather reads the GIN index then. A longer phrase is gatherLongPhrase's.
//
// Why: the GIN index finds the quotes that hold both words, and then
// each one's vector is read from the table to check that the words are
// adjacent; for two common words seldom adjacent that was thousands of
// rows read for a page (a phrase's p99 was twice a word's).
func (se *pgSearch) gatherPhrase(ctx context.Context, table string, want int) ([]int64, bool, error) {
	if se.phrase == nil || se.phrase.Prefix || se.negated || table != "attributions" || disableTerms {
		return nil, false, nil
	}
	var ws []string
	for _, w := range se.phrase.Words {
		x := words(w)
		if len(x) == 0 {
			return nil, false, nil
		}
		for _, y := range x {
			ws = append(ws, strings.ToLower(y))
		}
	}
	if len(ws) > 2 {
		return se.gatherLongPhrase(ctx, ws, want)
	}
	if len(ws) != 2 {
		return nil, false, nil
	}
	// Each word as to_tsquery reads a quoted operand (gatherTerms) and
	// the pair's rows in one statement; a word that is not one lexeme
	// gives the one id 0.
	ids, _, err := se.scan(ctx, `WITH l AS (SELECT tsvector_to_array(to_tsvector('claimtrail', $1)) v1, tsvector_to_array(to_tsvector('claimtrail', $2)) v2)
		SELECT x.id, 0::real FROM l, LATERAL (SELECT id FROM attribution_bigrams WHERE first = l.v1[1] AND second = l.v2[1] ORDER BY id DESC LIMIT $3) x
		WHERE cardinality(l.v1) = 1 AND cardinality(l.v2) = 1
		UNION ALL SELECT 0, 0::real FROM l WHERE cardinality(l.v1) <> 1 OR cardinality(l.v2) <> 1
		ORDER BY 1 DESC`, args{ws[0], ws[1], want})
	if err != nil || (len(ids) == 1 && ids[0] == 0) {
		return nil, false, err
	}
	phraseSearches.Add(1)
	return ids, true, nil
}

// maxPhraseWords is the longest phrase gatherLongPhrase reads from
// attribution_bigrams; a longer one is read from the GIN index.
const maxPhraseWords = 8

// pairCountCap is where gatherLongPhrase stops counting a pair's rows.
const pairCountCap = 10000

// gatherLongPhrase is gatherPhrase for a phrase of three or more words
// ws: the quotes holding its two rarest pairs of neighbouring words
// adjacent (the pairs' ranges of attribution_bigrams joined on the id,
// newest first) are the candidates, and the newest want of them whose
// vector matches the phrase are its newest matches (each pair adjacent
// is not enough: "a b" and "b c" may be apart, and the other pairs are
// not read). A pair with no rows means no match. The pairs' rows are
// counted up to pairCountCap to find the rarest: joining every pair's
// range cost 20 ms of planning for six words and probes into the common
// pairs ("of the").
func (se *pgSearch) gatherLongPhrase(ctx context.Context, ws []string, want int) ([]int64, bool, error) {
	if len(ws) > maxPhraseWords {
		return nil, false, nil
	}
	var lexemes []string
	err := se.s.each(ctx, `SELECT cardinality(v), coalesce(v[1], '') FROM unnest($1::text[]) WITH ORDINALITY u(w, o),
			LATERAL (SELECT tsvector_to_array(to_tsvector('claimtrail', u.w)) v) l ORDER BY o`,
		args{ws}, func(row pgx.Row) error {
			var n int
			var lex string
			if err := row.Scan(&n, &lex); err != nil {
				return err
			}
			if n != 1 {
				lex = ""
			}
			lexemes = append(lexemes, lex)
			return nil
		})
	if err != nil || len(lexemes) != len(ws) || slices.Contains(lexemes, "") {
		return nil, false, err
	}
	type pair struct {
		first, second string
		n             int
	}
	pairs := make([]pair, len(lexemes)-1)
	firsts, seconds := make([]string, len(pairs)), make([]string, len(pairs))
	for i := range pairs {
		pairs[i] = pair{lexemes[i], lexemes[i+1], 0}
		firsts[i], seconds[i] = lexemes[i], lexemes[i+1]
	}
	i := 0
	err = se.s.each(ctx, `SELECT (SELECT count(*) FROM (SELECT 1 FROM attribution_bigrams WHERE first = p.f AND second = p.s LIMIT $3) x)
			FROM unnest($1::text[], $2::text[]) WITH ORDINALITY p(f, s, o) ORDER BY o`,
		args{firsts, seconds, pairCountCap}, func(row pgx.Row) error {
			if i >= len(pairs) {
				return fmt.Errorf("more pair counts than pairs")
			}
			err := row.Scan(&pairs[i].n)
			i++
			return err
		})
	if err != nil || i != len(pairs) {
		return nil, false, err
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return a.n - b.n })
	phraseSearches.Add(1)
	if pairs[0].n == 0 {
		return nil, true, nil
	}
	ids, _, err := se.scan(ctx, `SELECT b0.id, 0::real FROM attribution_bigrams b0
			JOIN attribution_bigrams b1 ON b1.first = $4 AND b1.second = $5 AND b1.id = b0.id
			JOIN attributions a ON a.id = b0.id
		WHERE b0.first = $2 AND b0.second = $3 AND a.search @@ to_tsquery('claimtrail', $1)
		ORDER BY b0.id DESC LIMIT $6`,
		args{pgx.QueryExecModeExec, se.match, pairs[0].first, pairs[0].second, pairs[1].first, pairs[1].second, want})
	if err != nil {
		return nil, false, err
	}
	return ids, true, nil
}

// disableTerms makes gatherTerms and gatherPhrase decline (tests compare
// both ways); termSearches and phraseSearches count the searches each
// served.
var (
	disableTerms   bool
	termSearches   atomic.Int64
	phraseSearches atomic.Int64
)

// prefixEnd is the least string above every string that starts with p
// in code point (and so UTF-8 byte, COLLATE "C") order: p with its last
// character's successor. ok is false when there is none to make.
func prefixEnd(p string) (string, bool) {
	rs := []rune(p)
	for len(rs) > 0 {
		last := rs[len(rs)-1]
		next := last + 1
		if next == 0xD800 { // skip the surrogates, not valid UTF-8
			next = 0xE000
		}
		if next <= utf8.MaxRune {
			rs[len(rs)-1] = next
			return string(rs), true
		}
		rs = rs[:len(rs)-1]
	}
	return "", false
}

// maxID is the highest id of table, read at most once a second: gather's
// first window is open above, so rows stored since are searched too.
func (s *Store) maxID(ctx context.Context, table string) (int64, error) {
	s.maxIDs.Lock()
	m, ok := s.maxIDs.m[table]
	s.maxIDs.Unlock()
	if ok && time.Since(m.at) < time.Second {
		return m.id, nil
	}
	var id int64
	err := s.each(ctx, `SELECT coalesce(max(id), 0) FROM `+table, nil, func(row pgx.Row) error { return row.Scan(&id) })
	if err != nil {
		return 0, err
	}
	s.maxIDs.Lock()
	if s.maxIDs.m == nil {
		s.maxIDs.m = map[string]maxID{}
	}
	s.maxIDs.m[table] = maxID{id, time.Now()}
	s.maxIDs.Unlock()
	return id, nil
}

// maxID is a table's highest id and when it was read.
type maxID struct {
	id int64
	at time.Time
}

// scan runs a query of (id, ts_rank) rows; ranks are negated so that
// lower is better, as with BM25.
func (se *pgSearch) scan(ctx context.Context, q string, a args) ([]int64, []float64, error) {
	var ids []int64
	var ranks []float64
	err := se.s.each(ctx, q, a, func(row pgx.Row) error {
		var id int64
		var r float32
		if err := row.Scan(&id, &r); err != nil {
			return err
		}
		rank := 0.0 // not -0: unranked rows print as 0, as in sqlite
		if r != 0 {
			rank = -float64(r)
		}
		ids, ranks = append(ids, id), append(ranks, rank)
		return nil
	})
	return ids, ranks, err
}

// cut cuts ids (the rows from offset on) to the page.
func (se *pgSearch) cut(ids []int64, ranks []float64) ([]int64, []float64) {
	if len(ids) > se.limit {
		se.more = true
		ids, ranks = ids[:se.limit], ranks[:se.limit]
	}
	return ids, ranks
}

// rows runs a ranking query of (id, rank) and cuts it to the page.
func (se *pgSearch) rows(ctx context.Context, q string, a args) ([]int64, []float64, error) {
	ids, ranks, err := se.scan(ctx, q, a)
	if err != nil {
		return nil, nil, err
	}
	ids, ranks = se.cut(ids, ranks)
	return ids, ranks, nil
}

// newest lists the page of ids newest first (sortCol, with unknownTime
// last): the order of a query that is only a negation.
func (se *pgSearch) newest(ctx context.Context, from, alias, sortCol string, cond []string) ([]int64, []float64, error) {
	a := append(args{}, se.a...)
	where := strings.Join(cond, " AND ")
	n := a.add(se.offset + se.limit + 1)
	q := `SELECT id, 0::real FROM ((SELECT ` + alias + `.id, 0 AS part, ` + sortCol + ` AS k FROM ` + from + ` WHERE ` + where + ` AND ` + sortCol + ` < '` + unknownTime + `'
			ORDER BY ` + sortCol + ` DESC, ` + alias + `.id DESC LIMIT ` + n + `)
		UNION ALL
		(SELECT ` + alias + `.id, 1, '' FROM ` + from + ` WHERE ` + where + ` AND ` + sortCol + ` = '` + unknownTime + `'
			ORDER BY ` + alias + `.id DESC LIMIT ` + n + `)) u
		ORDER BY part, k DESC, id DESC LIMIT ` + a.add(se.limit+1) + ` OFFSET ` + a.add(se.offset)
	return se.rows(ctx, q, a)
}

// count counts the rows of q (a SELECT) up to totalCap.
func (se *pgSearch) count(ctx context.Context, q string, a args) error {
	var n int
	a = append(args{}, a...)
	err := se.s.each(ctx, `SELECT count(*) FROM (`+q+` LIMIT `+a.add(totalCap+1)+`) x`, a, func(row pgx.Row) error { return row.Scan(&n) })
	se.total, se.lowerBound, se.counted = min(n, totalCap), n > totalCap, true
	return err
}

// list lists the page of ids: ranked candidates for a positive match,
// newest first by date for a negation.
func (se *pgSearch) list(ctx context.Context, from, alias, table, sortCol, vector string, cond []string) ([]int64, []float64, error) {
	where := strings.Join(cond, " AND ")
	if se.negated {
		if err := se.count(ctx, `SELECT 1 FROM `+from+` WHERE `+where, se.a); err != nil {
			return nil, nil, err
		}
		return se.newest(ctx, from, alias, sortCol, cond)
	}
	ids, ranks, err := se.ranked(ctx, from, alias, table, vector, where)
	if err != nil {
		return nil, nil, err
	}
	ids, ranks = se.cut(ids, ranks)
	return ids, ranks, nil
}

func (se *pgSearch) quotes(ctx context.Context) error {
	s, c := se.s, se.c
	from := `attributions a`
	if len(c.article) > 0 {
		from += ` JOIN articles ar ON ar.id = a.article_id`
	}
	filters := append(append([]string{}, c.article...), c.attribution...)
	cond := append([]string{quoteVector + ` @@ to_tsquery('claimtrail', $1)`}, filters...)
	if se.negated {
		cond[0] = `NOT (` + cond[0] + `)`
	}
	ids, ranks, err := se.list(ctx, from, "a", "attributions", "a.sort_key", quoteVector, cond)
	if err != nil || len(ids) == 0 {
		return err
	}
	type marked struct{ snippet, full string }
	texts := map[int64]marked{}
	byID := map[int64]claimtrail.AttributionRow{}
	var redo []int64 // hits to mark with ts_headline (markHit could not)
	err = s.each(ctx, `SELECT `+attributionColumns+`, a.search_content::text, to_tsquery('claimtrail', $2)::text`+
		attributionFrom+` WHERE a.id = ANY($1)`, args{ids, se.match}, func(row pgx.Row) error {
		var vec, tsq string
		r, _, err := scanRow(extraScan{row, []any{&vec, &tsq}})
		if err != nil {
			return err
		}
		byID[r.ID] = r
		if se.negated {
			return nil
		}
		if snippet, full, ok := markHit(r.Content[0].Text, vec, tsq); ok {
			texts[r.ID] = marked{snippet, full}
		} else {
			redo = append(redo, r.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(redo) > 0 {
		headlineFallbacks.Add(int64(len(redo)))
		err = s.each(ctx, `SELECT a.id,
				ts_headline('claimtrail', a.content, to_tsquery('claimtrail', $2), '`+snippetOptions+`'),
				ts_headline('claimtrail', a.content, to_tsquery('claimtrail', $2), '`+fullOptions+`')
			FROM attributions a WHERE a.id = ANY($1)`, args{redo, se.match}, func(row pgx.Row) error {
			var id int64
			var m marked
			err := row.Scan(&id, &m.snippet, &m.full)
			texts[id] = m
			return err
		})
		if err != nil {
			return fmt.Errorf("search headlines: %w", err)
		}
	}
	rows := make([]claimtrail.AttributionRow, 0, len(ids))
	rowRanks := make([]float64, 0, len(ids))
	for i, id := range ids {
		if r, ok := byID[id]; ok {
			rows, rowRanks = append(rows, r), append(rowRanks, ranks[i])
		}
	}
	if err := s.fillDetails(ctx, rows); err != nil {
		return err
	}
	for i, r := range rows {
		h := claimtrail.SearchHit{AttributionRow: r, Rank: rowRanks[i], Matches: []claimtrail.Span{}}
		m := texts[r.ID]
		if !se.negated && strings.Contains(m.full, matchOpen) {
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

func (se *pgSearch) articles(ctx context.Context) error {
	s, c := se.s, se.c
	cond := append([]string{`ar.search @@ to_tsquery('claimtrail', $1)`}, c.article...)
	if se.negated {
		cond[0] = `NOT (` + cond[0] + `)`
	}
	if len(c.attribution) > 0 {
		cond = append(cond, `EXISTS (SELECT 1 FROM attributions a LEFT JOIN speakers sp ON sp.id = a.speaker_id WHERE a.article_id = ar.id AND `+strings.Join(c.attribution, " AND ")+`)`)
	}
	ids, ranks, err := se.list(ctx, "articles ar", "ar", "articles", "ar.sort_key", "ar.search", cond)
	if err != nil || len(ids) == 0 {
		return err
	}
	byID := map[int64]claimtrail.SearchHit{}
	err = s.each(ctx, `SELECT ar.id, ar.source, ar.url, ar.outlet, ar.published, ar.title, ar.text,
			ts_headline('claimtrail', ar.text, to_tsquery('claimtrail', $2), '`+snippetOptions+`')
		FROM articles ar WHERE ar.id = ANY($1)`, args{ids, se.match}, func(row pgx.Row) error {
		var h claimtrail.SearchHit
		var url *string
		var pub *time.Time
		var text, snip string
		if err := row.Scan(&h.ArticleID, &h.ArticleSource, &url, &h.Outlet, &pub, &h.Title, &text, &snip); err != nil {
			return err
		}
		h.URL, h.Published = derefS(url), fromNull(pub)
		if !se.negated && strings.Contains(snip, matchOpen) {
			h.Snippet, h.Matches = query.SplitMarks(snip)
		} else {
			h.Snippet, h.Matches = leadSnippet(text, 24), []claimtrail.Span{}
		}
		h.Content = []claimtrail.Span{}
		h.AccordingTo = []string{}
		h.Markers = []claimtrail.Marker{}
		h.Speaker.Kind = claimtrail.SpeakerUnknown
		byID[h.ArticleID] = h
		return nil
	})
	if err != nil {
		return fmt.Errorf("search articles: %w", err)
	}
	for i, id := range ids {
		if h, ok := byID[id]; ok {
			h.Rank = ranks[i]
			se.hits = append(se.hits, h)
		}
	}
	return nil
}

// extraScan appends destinations to a row's Scan.
type extraScan struct {
	pgx.Row
	extra []any
}

func (e extraScan) Scan(dest ...any) error { return e.Row.Scan(append(dest, e.extra...)...) }

// searchError turns a malformed tsquery into EINVALID.
func searchError(input string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "42601" || strings.Contains(pe.Message, "tsquery")) {
		return claimtrail.Errorf(claimtrail.EINVALID, "bad search query %q: %s", input, pe.Message)
	}
	return fmt.Errorf("search %q: %w", input, err)
}

// tsQuery translates a parsed query into to_tsquery text: each word
// folded as the index is (fold) and quoted, so nothing is syntax; a
// phrase is a <-> chain; a prefix is :*; And, Or and Not become &, | and
// !; NEAR(a b, n) is a within n words of b either way (with more than two
// parts, all of them anywhere). negated is set for a query that is only
// a negation: the text is then what to leave out.
func tsQuery(q *query.Query) (text string, negated bool) {
	if q.Match == nil {
		return tsNode(q.Exclude), true
	}
	return tsNode(q.Match), false
}

func tsWord(w string, prefix bool) string {
	ws := words(w)
	if len(ws) == 0 {
		ws = []string{strings.ToLower(w)}
	}
	parts := make([]string, len(ws))
	for i, x := range ws {
		parts[i] = "'" + strings.ReplaceAll(strings.ToLower(x), "'", "''") + "'"
	}
	if prefix {
		parts[len(parts)-1] += ":*"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " <-> ") + ")"
}

func tsNode(n query.Node) string {
	switch n := n.(type) {
	case *query.Term:
		return tsWord(n.Text, n.Prefix)
	case *query.Phrase:
		parts := make([]string, len(n.Words))
		for i, w := range n.Words {
			parts[i] = tsWord(w, n.Prefix && i == len(n.Words)-1)
		}
		return "(" + strings.Join(parts, " <-> ") + ")"
	case *query.And:
		return "(" + joinTS(n.Nodes, " & ") + ")"
	case *query.Or:
		return "(" + joinTS(n.Nodes, " | ") + ")"
	case *query.Not:
		return "!" + tsNode(n.Node)
	case *query.Near:
		if len(n.Nodes) != 2 || n.Distance < 1 {
			return "(" + joinTS(n.Nodes, " & ") + ")"
		}
		a, b := tsNode(n.Nodes[0]), tsNode(n.Nodes[1])
		var alts []string
		for d := 1; d <= min(n.Distance+1, 30); d++ {
			op := " <" + strconv.Itoa(d) + "> "
			alts = append(alts, a+op+b, b+op+a)
		}
		return "(" + strings.Join(alts, " | ") + ")"
	}
	return "''"
}

func joinTS(ns []query.Node, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = tsNode(n)
	}
	return strings.Join(parts, sep)
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
