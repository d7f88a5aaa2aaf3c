package postgres

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/query"
)

// TestContentWordsAsFold: contentWords finds the words fold makes, one
// for one, so that a stored vector's position i is contentWords' word i.
func TestContentWordsAsFold(t *testing.T) {
	for _, s := range []string{
		"",
		"  ",
		`"We will not rebuild the bridge," the mayor said.`,
		"The U.S. economy, e-mail and don't",
		"Café naïve Zürich résumé",
		"cafe\u0301 e\u0301clair \u0301leading mark",
		"9/11 at 4.4% — 1990s co2",
		"東京 и Москва, ελληνικά",
		"emoji 🙂 between ✓ words",
		"bad \xff byte\xfeinside",
		"Hangul 한국어 text",
		"ﬁne ligature ½ and ²",
	} {
		want := strings.Fields(fold(s))
		var got []string
		for _, w := range contentWords(s) {
			got = append(got, fold(s[w.byteStart:w.byteEnd]))
			if rs := []rune(s); string(rs[w.start:w.end]) != s[w.byteStart:w.byteEnd] {
				t.Errorf("%q: code points %d-%d are %q, bytes %q", s, w.start, w.end, string(rs[w.start:w.end]), s[w.byteStart:w.byteEnd])
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("contentWords(%q) = %q, fold's words %q", s, got, want)
		}
	}
}

func TestQueryOperands(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []tsOperand
	}{
		{"'bridg'", []tsOperand{{"bridg", false}}},
		{"'econom':*", []tsOperand{{"econom", true}}},
		{"'act' <-> 'of' <-> 'god'", []tsOperand{{"act", false}, {"of", false}, {"god", false}}},
		{"'blair' & !'toni'", []tsOperand{{"blair", false}}},
		{"!( 'a' <-> 'b' ) & 'c'", []tsOperand{{"c", false}}},
		{"!!'a' | 'b' <2> 'c'", []tsOperand{{"a", false}, {"b", false}, {"c", false}}},
		{"( 'a' | !( 'b' & !'c' ) ) & 'd':*AB", []tsOperand{{"a", false}, {"c", false}, {"d", true}}},
		{"'o''brien' & 'back\\\\slash'", []tsOperand{{"o'brien", false}, {`back\slash`, false}}},
		{"", nil},
	} {
		got, err := queryOperands(tc.in)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("queryOperands(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"'open", "( 'a'", "'a' )", "'a' <1 'b'", "a"} {
		if got, err := queryOperands(bad); err == nil && strings.Count(bad, "(") == strings.Count(bad, ")") && bad != "( 'a'" {
			t.Errorf("queryOperands(%q) = %v, want an error", bad, got)
		}
	}
}

func TestMatchedPositions(t *testing.T) {
	ops := []tsOperand{{"bridg", false}, {"econom", true}}
	for _, tc := range []struct {
		vec  string
		want []int
	}{
		{"'bridg':2A,5A 'the':1A,4A 'old':3A", []int{-1, 0, -1, -1, 0}},
		{"'econom':2 'economi':3A 'an':1", []int{-1, 1, 1}},
		{"'x':1A", []int{-1}},
		{"", []int{}},
		{"'it''s':1A 'bridg':2B", []int{-1, 0}},
	} {
		got, err := matchedPositions(tc.vec, ops)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("matchedPositions(%q) = %v, %v; want %v", tc.vec, got, err, tc.want)
		}
	}
	for _, bad := range []string{"bridg:1", "'bridg':x", "'open"} {
		if _, err := matchedPositions(bad, ops); err == nil {
			t.Errorf("matchedPositions(%q): want an error", bad)
		}
	}
}

// TestMarkWords: the marks fall on the matched words as written, and a
// long text's snippet is a window of snippetWords words around its
// matches, with "…" where it cuts the text.
func TestMarkWords(t *testing.T) {
	long := strings.Fields("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty")
	longText := "“" + strings.Join(long, " ") + " bridge " + strings.Join(long, " ") + ".”"
	for _, tc := range []struct {
		name, text  string
		match       []string // words to mark
		wantSnippet string
		wantFull    string
	}{
		{"short", `"We will not rebuild the bridge," the mayor said.`, []string{"bridge"},
			`"We will not rebuild the [bridge]," the mayor said.`, `"We will not rebuild the [bridge]," the mayor said.`},
		{"as written", "The U.S. economy and Café", []string{"U", "S", "Café"},
			"The [U].[S]. economy and [Café]", "The [U].[S]. economy and [Café]"},
		{"middle", longText, []string{"bridge"},
			"…ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty [bridge] one two three four five six seven eight nine ten eleven twelve…", ""},
		{"both of a word", longText, []string{"twenty"},
			"…eighteen nineteen [twenty] bridge one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen [twenty].”", ""},
		{"start", longText, []string{"one"},
			"“[one] two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty bridge [one] two three…", ""},
		{"distinct words first", longText, []string{"three", "bridge", "four"},
			"…[three] [four] five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty [bridge] one two [three] [four] five…", ""},
		{"to the end", strings.Join(long, " ") + " and then the final bridge.”", []string{"bridge"},
			"…two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty and then the final [bridge].”", ""},
	} {
		words := contentWords(tc.text)
		ops := make([]int, len(words))
		for i, w := range words {
			ops[i] = slices.Index(tc.match, tc.text[w.byteStart:w.byteEnd])
		}
		snippet, full := markWords(tc.text, words, ops)
		show := func(s string) string { return strings.NewReplacer(matchOpen, "[", matchClose, "]").Replace(s) }
		if show(snippet) != tc.wantSnippet {
			t.Errorf("%s: snippet\n%s\nwant\n%s", tc.name, show(snippet), tc.wantSnippet)
		}
		if got := show(full); tc.wantFull != "" && got != tc.wantFull {
			t.Errorf("%s: full\n%s\nwant\n%s", tc.name, got, tc.wantFull)
		}
		if tc.wantFull == "" && strings.ReplaceAll(strings.ReplaceAll(full, matchOpen, ""), matchClose, "") != tc.text {
			t.Errorf("%s: full %q is not the text marked", tc.name, full)
		}
	}
}

// TestMarkHitAsHeadline stores quotes and searches them: each hit is
// marked from its stored vector (no ts_headline fallback), on the same
// words ts_headline marks where PostgreSQL's parser splits the text as
// fold does, and on the words search matched where it does not ("U.S.").
func TestMarkHitAsHeadline(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, b := range corpus(t) {
		if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: clone(t, b)}); err != nil {
			t.Fatal(err)
		}
	}
	articleText := map[int64][]rune{}
	rows, err := s.pool.Query(ctx, `SELECT id, text FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		articleText[id] = []rune(text)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	before := headlineFallbacks.Load()
	hits := 0
	for _, q := range []string{"bridge", `"act of God"`, "inspect*", "bridge -storm", "mayor OR board", "harbour", "rebuil*", "the", "said"} {
		res, err := s.SearchPage(ctx, q, claimtrail.AttributionFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		match, _ := tsQuery(mustParse(t, q))
		for _, h := range res.Hits {
			hits++
			var headline string
			if err := s.pool.QueryRow(ctx, `SELECT ts_headline('claimtrail', content, to_tsquery('claimtrail', $2), '`+fullOptions+`') FROM attributions WHERE id = $1`,
				h.ID, match).Scan(&headline); err != nil {
				t.Fatal(err)
			}
			_, want := query.SplitMarks(headline)
			want = contentSpans(h.Content, want)
			if strings.Contains(q, "-") {
				want = slices.DeleteFunc(want, func(sp claimtrail.Span) bool { return strings.EqualFold(sp.Text, "storm") })
			}
			// ts_headline's marks, and more only where PostgreSQL's
			// parser joins a word to what is beside it (“The, U.S.)
			// and so missed a word that search matched.
			for _, w := range want {
				if !slices.Contains(h.ContentMatches, w) {
					t.Errorf("search %q, hit %d %q: content matches %v lack ts_headline's %v", q, h.ID, h.ContentText(), h.ContentMatches, w)
				}
			}
			for _, m := range h.ContentMatches {
				if !slices.Contains(want, m) && !joined(articleText[h.ArticleID], m) {
					t.Errorf("search %q, hit %d %q: content match %v not ts_headline's %v", q, h.ID, h.ContentText(), m, want)
				}
			}
			if len(h.ContentMatches) > 0 && len(h.Matches) == 0 {
				t.Errorf("search %q, hit %d: no match in snippet %q", q, h.ID, h.Snippet)
			}
			for _, m := range h.Matches {
				if got := string([]rune(h.Snippet)[m.Start:m.End]); got != m.Text {
					t.Errorf("search %q: snippet match %+v reads %q in %q", q, m, got, h.Snippet)
				}
			}
		}
	}
	if hits < 20 {
		t.Errorf("only %d hits: the corpus does not exercise marking", hits)
	}
	if n := headlineFallbacks.Load() - before; n != 0 {
		t.Errorf("%d hits fell back to ts_headline", n)
	}

	// A vector whose positions are not the content's words (here one
	// too many) is marked by ts_headline instead.
	var id int64
	if err := s.pool.QueryRow(ctx, `UPDATE attributions SET search_content = search_content || 'zzzq:999A'::tsvector
		WHERE id = (SELECT min(id) FROM attributions WHERE search_content @@ 'bridg'::tsquery) RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	before = headlineFallbacks.Load()
	res, err := s.SearchPage(ctx, "bridge", claimtrail.AttributionFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if n := headlineFallbacks.Load() - before; n != 1 {
		t.Errorf("%d hits fell back to ts_headline, want 1", n)
	}
	found := false
	for _, h := range res.Hits {
		if h.ID == id {
			found = true
			if len(h.Matches) == 0 || len(h.ContentMatches) == 0 {
				t.Errorf("hit %d marked by ts_headline: matches %v, content matches %v", id, h.Matches, h.ContentMatches)
			}
		}
	}
	if !found {
		t.Errorf("hit %d not found", id)
	}
}

// joined says whether PostgreSQL's parser reads the word at m in text
// as part of a longer token: a character beside it that is neither a
// space nor ASCII punctuation it splits at (C locale: any non-ASCII
// character is a letter to it), or a dot (U.S.).
func joined(text []rune, m claimtrail.Span) bool {
	for _, i := range []int{m.Start - 1, m.End} {
		if i < 0 || i >= len(text) {
			continue
		}
		if r := text[i]; r > 127 || r == '.' {
			return true
		}
	}
	return false
}

func mustParse(t *testing.T, s string) *query.Query {
	t.Helper()
	q, err := query.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
