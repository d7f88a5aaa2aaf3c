package postgres

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/pgtest"
)

// TestSearchTerms: attribution_terms (migration 0005) holds exactly the
// lexemes of every quote's vector, and attribution_bigrams (0006) its
// adjacent pairs, after bulk loads, batches, a replaced article and a
// speaker's vector rewritten (as a merge does), and a search of one word
// or prefix read from the first (gatherTerms) or of a phrase from the
// second (gatherPhrase) gives the same page, order, total and
// cursor as through the GIN index.
func TestSearchTerms(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, pgtest.DB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	arts := genArticles(t, 40)
	if err := s.BulkLoad(ctx, arts[:20]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts[20:]}); err != nil {
		t.Fatal(err)
	}
	// a replaced article: its old quotes' rows go, the new ones come
	again := genArticles(t, 40)[25]
	again.Text += " The ferry was late."
	if res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{again}}); err != nil || res[0].Outcome != claimtrail.PutUpdated {
		t.Fatalf("replace: %+v %v", res, err)
	}
	// a speaker's words rewritten, as a rename or merge does
	if _, err := s.pool.Exec(ctx, `UPDATE attributions SET search_speaker = setweight(to_tsvector('claimtrail', 'Zelda Quixby'), 'B')
		WHERE speaker_id = (SELECT min(speaker_id) FROM attributions)`); err != nil {
		t.Fatal(err)
	}
	var missing, extra, rows int
	err = s.pool.QueryRow(ctx, `WITH want AS (SELECT t.term, a.id FROM attributions a, unnest(tsvector_to_array(a.search)) t(term))
		SELECT (SELECT count(*) FROM (SELECT term, id FROM want EXCEPT SELECT term, id FROM attribution_terms) x),
			(SELECT count(*) FROM (SELECT term, id FROM attribution_terms EXCEPT SELECT term, id FROM want) x),
			(SELECT count(*) FROM attribution_terms)`).Scan(&missing, &extra, &rows)
	if err != nil {
		t.Fatal(err)
	}
	if missing != 0 || extra != 0 || rows == 0 {
		t.Fatalf("attribution_terms: %d rows, %d missing, %d extra", rows, missing, extra)
	}
	err = s.pool.QueryRow(ctx, `WITH want AS (SELECT b.first, b.second, a.id FROM attributions a, tsvector_bigrams(a.search) b)
		SELECT (SELECT count(*) FROM (SELECT * FROM want EXCEPT SELECT first, second, id FROM attribution_bigrams) x),
			(SELECT count(*) FROM (SELECT first, second, id FROM attribution_bigrams EXCEPT SELECT * FROM want) x),
			(SELECT count(*) FROM attribution_bigrams)`).Scan(&missing, &extra, &rows)
	if err != nil {
		t.Fatal(err)
	}
	if missing != 0 || extra != 0 || rows == 0 {
		t.Fatalf("attribution_bigrams: %d rows, %d missing, %d extra", rows, missing, extra)
	}
	// the pairs are what <-> reads: a hyphenated word's parts, words
	// repeated, and no pair across a gap
	var pairs []string
	err = s.pool.QueryRow(ctx, `SELECT array_agg(first || ' ' || second ORDER BY first, second)
		FROM tsvector_bigrams(to_tsvector('claimtrail', 'a well-known bridge, the bridge said') || to_tsvector('claimtrail', 'Zelda'))`).Scan(&pairs)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a well-known|bridg said|bridg the|known bridg|said zelda|the bridg|well known|well-known well"; strings.Join(pairs, "|") != want {
		t.Errorf("tsvector_bigrams: %q, want %q", strings.Join(pairs, "|"), want)
	}

	// prefixRows 1: a prefix of two words in every quote (tha*) reads
	// its rows twice
	savedCap, savedCandidates, savedWindow, savedMax, savedRows := totalCap, rankCandidates, probeWindow, maxProbeWindow, prefixRows
	totalCap, rankCandidates, probeWindow, maxProbeWindow, prefixRows = 30, 12, 4, 16, 1
	defer func() {
		totalCap, rankCandidates, probeWindow, maxProbeWindow, prefixRows = savedCap, savedCandidates, savedWindow, savedMax, savedRows
	}()
	page := func(q string, f claimtrail.AttributionFilter) string {
		t.Helper()
		var out []byte
		for {
			r, err := s.SearchPage(ctx, q, f)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			b, _ := json.Marshal(r)
			out = append(out, b...)
			if r.Next == "" {
				return string(out)
			}
			f.After = r.Next
		}
	}
	for _, q := range []string{"bridge", "council", "counc*", "bri*", "Berg", "berg*", "Sjöberg", "sjöb*", "Zelda", "quix*",
		"ferry", "harbour", "expected", "number", "day", "zzz*", "nothing", "4", "Dahl", "dah*",
		`"the bridge"`, `"bridge plan"`, `"harbour vote"`, `"was delayed"`, `"the council"`, `"more than"`, `"ferry was"`,
		`"was late"`, `"plan number"`, `"day 4"`, `"anna berg"`, `"zelda quixby"`, `"Sjöberg told"`, `"expected zelda"`,
		`"the the"`, `"bridge council"`, `"bridge plan number"`, `"told the council that the bridge"`, `"that the council"`, `"the bridge plan number 1"`,
		`"harbour vote was delayed again"`, `"council the bridge"`, `"expected zelda quixby"`, `"a b c d e f g h i"`, `"bridge pl*"`, `"number 1"`, "tha*", "cou*", "the*", "wou*",
		// a word too long for PostgreSQL to index (2,100 bytes) is no
		// lexeme: both read the GIN index
		strings.Repeat("日", 700), `"bridge ` + strings.Repeat("日", 700) + `"`} {
		for _, limit := range []int{7, 50} {
			f := claimtrail.AttributionFilter{Limit: limit}
			withTerms := page(q, f)
			disableTerms = true
			withGIN := page(q, f)
			disableTerms = false
			if withTerms != withGIN {
				t.Errorf("%s limit %d: from attribution_terms\n%s\nfrom the GIN index\n%s", q, limit, withTerms, withGIN)
			}
		}
	}
	if termSearches.Load() == 0 {
		t.Error("no search read attribution_terms")
	}
	if phraseSearches.Load() == 0 {
		t.Error("no search read attribution_bigrams")
	}
}
