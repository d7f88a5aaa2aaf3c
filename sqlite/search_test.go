package sqlite

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/query"
)

// TestSearchOperators: the query language's operators select the right
// quotes of the fixture store (five quotes, three by Jane Doe).
func TestSearchOperators(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"NOT jane", []string{"funds were missing", "cargo volumes are at a record high"}},
		{"-jane", []string{"funds were missing", "cargo volumes are at a record high"}},
		{"jane -taxes", []string{"the bridge will be rebuilt by spring", "the pledge"}},
		{"jane NOT taxes NOT pledge", []string{"the bridge will be rebuilt by spring"}},
		{"NEAR(cargo high)", []string{"cargo volumes are at a record high"}},
		{"NEAR(cargo high, 2)", nil},
		{"cargo NEAR high", []string{"cargo volumes are at a record high"}},
		{"taxes (raise)", []string{"We will not raise taxes,"}},
		{"(taxes OR pledge) jane", []string{"We will not raise taxes,", "the pledge"}},
		{"Doe (R-Texas) said", nil},
		{`"will be rebuilt"`, []string{"the bridge will be rebuilt by spring"}},
		{`"rebuilt will"`, nil},
		{"rebu*", []string{"the bridge will be rebuilt by spring"}},
		{"or", nil}, // lower case: a word, not an operator
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := s.SearchPage(ctx, tt.query, claimtrail.AttributionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ContentText())
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("hits %q, want %q", got, want)
			}
			if res.Total != len(tt.want) {
				t.Errorf("total %d, want %d", res.Total, len(tt.want))
			}
		})
	}
}

// TestSearchBadQueries: a malformed or too costly query is EINVALID with
// a message naming the problem, never the database's own error.
func TestSearchBadQueries(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	tests := []struct{ query, want string }{
		{"tax (rise", "unclosed ("},
		{"tax rise)", "unmatched )"},
		{"NEAR(Blair)", "NEAR needs at least two"},
		{`"act of`, "unclosed quote"},
		{"a* OR b* OR c*", "too short"},
		{"abc* OR bcd* OR cde* OR def* OR efg*", "at most 4"},
		{strings.Repeat("said ", 4000), "too long"},
	}
	for _, tt := range tests {
		for _, in := range []bool{false, true} {
			start := time.Now()
			_, err := s.SearchPage(ctx, tt.query, claimtrail.AttributionFilter{InArticles: in})
			if claimtrail.ErrorCode(err) != claimtrail.EINVALID {
				t.Errorf("%q: %v, want EINVALID", tt.query, err)
				continue
			}
			msg := claimtrail.ErrorMessage(err)
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, "fts5") || strings.Contains(msg, "SQL") {
				t.Errorf("%q: message %q, want it to name %q and no database internals", tt.query, msg, tt.want)
			}
			if d := time.Since(start); d > 200*time.Millisecond {
				t.Errorf("%q took %v to refuse", tt.query, d)
			}
		}
	}
}

// TestSearchTimeout: a search running past SearchTimeout is stopped and
// refused as too costly.
func TestSearchTimeout(t *testing.T) {
	s := fixtureStore(t)
	saved := SearchTimeout
	SearchTimeout = time.Nanosecond
	defer func() { SearchTimeout = saved }()
	_, err := s.SearchPage(context.Background(), "jane", claimtrail.AttributionFilter{})
	if claimtrail.ErrorCode(err) != claimtrail.EINVALID || !strings.Contains(err.Error(), "too costly") {
		t.Errorf("err = %v, want EINVALID too costly", err)
	}
}

// TestSearchPaging: a cursor pages through every hit exactly once, with
// all matches ranked and with only some (the rest follow), and Total is
// capped at totalCap.
func TestSearchPaging(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	savedC, savedT := rankCandidates, totalCap
	defer func() { rankCandidates, totalCap = savedC, savedT }()
	for _, tc := range []struct{ candidates, cap int }{{1000, 10000}, {1, 10000}, {2, 3}, {1, 2}} {
		rankCandidates, totalCap = tc.candidates, tc.cap
		for _, q := range []string{"jane", "NOT port", "jan*"} {
			want := map[string]int{"jane": 3, "NOT port": 4, "jan*": 3}[q]
			var seen []int64
			f := claimtrail.AttributionFilter{Limit: 1}
			for page := 0; ; page++ {
				res, err := s.SearchPage(ctx, q, f)
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != min(want, tc.cap) || res.TotalIsLowerBound != (want > tc.cap) {
					t.Errorf("%+v %q: total %d (lower bound %v), want %d of %d", tc, q, res.Total, res.TotalIsLowerBound, min(want, tc.cap), want)
				}
				for _, h := range res.Hits {
					seen = append(seen, h.ID)
				}
				if res.Next == "" {
					break
				}
				if page > 10 {
					t.Fatal("paging does not end")
				}
				f.After = res.Next
			}
			slices.Sort(seen)
			if len(slices.Compact(seen)) != want || len(seen) != want {
				t.Errorf("%+v, %q: paged ids %v, want %d distinct", tc, q, seen, want)
			}
		}
	}
	if _, err := s.SearchPage(ctx, "jane", claimtrail.AttributionFilter{After: "bogus"}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("bad cursor: %v", err)
	}
}

// TestSearchMatchOffsets: matches are structured offsets, so literal
// brackets in a quote are not mistaken for matches.
func TestSearchMatchOffsets(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	text := `The mayor said "the [old] bridge will be rebuilt" on Tuesday.`
	a := article(t, "https://a.example/b", "A", "", text,
		quote{speaker: "Jane Doe", source: "The mayor", cue: "said", content: `"the [old] bridge will be rebuilt"`})
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	res, err := s.SearchPage(ctx, "bridge", claimtrail.AttributionFilter{})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("hits %+v, %v", res.Hits, err)
	}
	h := res.Hits[0]
	if strings.ContainsAny(h.Snippet, "\x01\x02") || !strings.Contains(h.Snippet, "[old]") {
		t.Errorf("snippet %q: want the text as written, without delimiters", h.Snippet)
	}
	if len(h.Matches) != 1 || h.Matches[0].Text != "bridge" || string([]rune(h.Snippet)[h.Matches[0].Start:h.Matches[0].End]) != "bridge" {
		t.Errorf("matches %+v in %q", h.Matches, h.Snippet)
	}
	want := span(t, text, "bridge")
	if len(h.ContentMatches) != 1 || h.ContentMatches[0] != *want {
		t.Errorf("content matches %+v, want %+v", h.ContentMatches, *want)
	}
	if got := h.MarkedSnippet("<", ">"); !strings.Contains(got, "[old] <bridge>") {
		t.Errorf("marked snippet %q", got)
	}
	ar, err := s.SearchPage(ctx, "rebuilt", claimtrail.AttributionFilter{InArticles: true})
	if err != nil || len(ar.Hits) != 1 || len(ar.Hits[0].Matches) != 1 || ar.Hits[0].Matches[0].Text != "rebuilt" {
		t.Errorf("article hits %+v, %v", ar.Hits, err)
	}
}

func TestFtsMatch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bridge", `"bridge"`},
		{"don't panic", `("don t" AND "panic")`},
		{"reb*", `"reb"*`},
		{"a OR b", `("a" OR "b")`},
		{"a -b -c", `((("a") NOT "b") NOT "c")`},
		{"NEAR(a \"b c\", 3)", `NEAR("a" "b c", 3)`},
		{`"AND" OR "NOT"`, `("AND" OR "NOT")`},
	}
	for _, tt := range tests {
		q, err := query.Parse(tt.in)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if got := ftsMatch(q.Match); got != tt.want {
			t.Errorf("ftsMatch(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
