package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// SearchCap and SearchCandidates are the search limits a store's test
// sets before Run (its total cap, normally 1,000, and how many matches
// it ranks, normally 500), so that the suite reaches past both with a
// handful of articles. Stores whose search does not page
// (claimtrail.PagedSearcher) skip the search cases.
const (
	SearchCap        = 2
	SearchCandidates = 2
)

// pagedSearcher returns s's PagedSearcher, or skips the test.
func pagedSearcher(t *testing.T, s Store) claimtrail.PagedSearcher {
	ps, ok := s.(claimtrail.PagedSearcher)
	if !ok {
		t.Skip("the store's search does not page")
	}
	return ps
}

// harbor is an article quoting speaker about the harbor, published on
// day of March 2026 (undated when day is 0).
func harbor(t *testing.T, n, day int, outlet, speaker string) *claimtrail.Article {
	text := fmt.Sprintf(`%s said "the harbor will reopen in week %d" on the quay.`, speaker, n)
	published := ""
	if day > 0 {
		published = fmt.Sprintf("2026-03-%02dT10:00:00Z", day)
	}
	return Article(t, fmt.Sprintf("https://h.example/%d", n), outlet, published, text,
		Quote{Speaker: speaker, Source: speaker, Cue: "said", Content: fmt.Sprintf(`"the harbor will reopen in week %d"`, n), Channel: []string{"", "radio", "interview"}[n%3]})
}

// testSearchLanguage: the query language selects the same quotes on
// every store, and Total is capped at SearchCap.
func testSearchLanguage(t *testing.T, s Store) {
	ps := pagedSearcher(t, s)
	for _, a := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, a)
	}
	// Each quote by a word of it.
	keys := []string{"bridge", "funds", "cargo", "taxes", "pledge"}
	tests := []struct {
		query string
		want  []string
	}{
		{"bridge spring", []string{"bridge"}},
		{`"will be rebuilt"`, []string{"bridge"}},
		{`"rebuilt will"`, nil},
		{"rebu*", []string{"bridge"}},
		{"volu*", []string{"cargo"}},
		{"governor", []string{"taxes", "pledge"}}, // the speaker's name counts
		{"governor -taxes", []string{"pledge"}},
		{"governor NOT taxes", []string{"pledge"}},
		{"NOT governor", []string{"bridge", "funds", "cargo"}},
		{"-governor", []string{"bridge", "funds", "cargo"}},
		{"(taxes OR pledge) governor", []string{"taxes", "pledge"}},
		{"taxes OR cargo OR bridge", []string{"taxes", "cargo", "bridge"}},
		{"NEAR(cargo high)", []string{"cargo"}},
		{"volumes", []string{"cargo"}}, // by stem
		{"zebra", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ps.SearchPage(context.Background(), tt.query, claimtrail.AttributionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				text := h.ContentText()
				for _, k := range keys {
					if strings.Contains(text, k) {
						got = append(got, k)
					}
				}
			}
			want := slices.Clone(tt.want)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("hits %q, want %q", got, want)
			}
			if res.Total != min(len(want), SearchCap) || res.TotalIsLowerBound != (len(want) > SearchCap) {
				t.Errorf("total %d (lower bound %v), want %d of %d matches counted up to %d",
					res.Total, res.TotalIsLowerBound, min(len(want), SearchCap), len(want), SearchCap)
			}
		})
	}
}

// testSearchPagingCapped: a cursor pages through every match exactly
// once, past the ranked candidates, with and without filters, while
// Total stays capped.
func testSearchPagingCapped(t *testing.T, s Store) {
	ps := pagedSearcher(t, s)
	for n := range 7 {
		put(t, s, harbor(t, n, n+1, []string{"North Gazette", "South Ledger"}[n%2], "Harbor Master"))
	}
	for _, tc := range []struct {
		query string
		f     claimtrail.AttributionFilter
		want  int
	}{
		{"harbor", claimtrail.AttributionFilter{Limit: 2}, 7},
		{"reop*", claimtrail.AttributionFilter{Limit: 3}, 7},
		{`"harbor will"`, claimtrail.AttributionFilter{Limit: 1, Outlet: "North Gazette"}, 4},
		{"harbor", claimtrail.AttributionFilter{Limit: 2, InArticles: true}, 7},
		{"NOT zebra", claimtrail.AttributionFilter{Limit: 2}, 7},
	} {
		f := tc.f
		seen := map[int64]bool{}
		var ranks []float64
		for page := 0; ; page++ {
			res, err := ps.SearchPage(context.Background(), tc.query, f)
			if err != nil {
				t.Fatalf("%q %+v: %v", tc.query, f, err)
			}
			if res.Total != min(tc.want, SearchCap) || res.TotalIsLowerBound != (tc.want > SearchCap) {
				t.Errorf("%q %+v: total %d (lower bound %v), want %d matches counted up to %d", tc.query, f, res.Total, res.TotalIsLowerBound, tc.want, SearchCap)
			}
			for _, h := range res.Hits {
				id := h.ID
				if tc.f.InArticles {
					id = h.ArticleID
				}
				if seen[id] {
					t.Errorf("%q: %d seen twice", tc.query, id)
				}
				seen[id] = true
				ranks = append(ranks, h.Rank)
			}
			if res.Next == "" {
				break
			}
			if page > 20 {
				t.Fatal("search paging does not end")
			}
			f.After = res.Next
		}
		if len(seen) != tc.want {
			t.Errorf("%q %+v: paged %d hits, want %d", tc.query, tc.f, len(seen), tc.want)
		}
		if !tc.f.InArticles && tc.query != "NOT zebra" {
			// Ranked candidates (negative ranks, best first) come
			// before the older matches (rank 0).
			for i := 1; i < len(ranks); i++ {
				if ranks[i] < ranks[i-1] {
					t.Errorf("%q: ranks %v not best first", tc.query, ranks)
					break
				}
			}
			if len(ranks) > SearchCandidates && (ranks[0] >= 0 || ranks[len(ranks)-1] != 0) {
				t.Errorf("%q: ranks %v: want the %d candidates ranked, then the rest at 0", tc.query, ranks, SearchCandidates)
			}
		}
	}
}

// testSpeakerSummary: a speaker's figures, top outlets and channels
// agree with its attributions after inserts, replacements (with another
// outlet and date) and a reindex.
func testSpeakerSummary(t *testing.T, s Store) {
	ctx := context.Background()
	check := func(stage string) {
		t.Helper()
		list, err := s.Speakers(ctx, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 0 {
			t.Fatalf("%s: no speakers", stage)
		}
		for _, sp := range list {
			got, err := s.Speaker(ctx, sp.ID)
			if err != nil {
				t.Fatalf("%s: speaker %d: %v", stage, sp.ID, err)
			}
			want := summarize(allRows(t, s, claimtrail.AttributionFilter{SpeakerID: sp.ID}))
			if got.Attributions != want.Attributions || got.Articles != want.Articles || got.Outlets != want.Outlets ||
				!got.FirstSeen.Equal(want.FirstSeen) || !got.LastSeen.Equal(want.LastSeen) ||
				!slices.Equal(got.TopOutlets, want.TopOutlets) || !slices.Equal(got.Channels, want.Channels) {
				t.Errorf("%s: speaker %q:\n got %d attributions, %d articles, %d outlets, %v–%v, outlets %v, channels %v\nwant %d attributions, %d articles, %d outlets, %v–%v, outlets %v, channels %v",
					stage, sp.Name, got.Attributions, got.Articles, got.Outlets, got.FirstSeen, got.LastSeen, got.TopOutlets, got.Channels,
					want.Attributions, want.Articles, want.Outlets, want.FirstSeen, want.LastSeen, want.TopOutlets, want.Channels)
			}
			if sp.Attributions != want.Attributions {
				t.Errorf("%s: listed speaker %q has %d attributions, want %d", stage, sp.Name, sp.Attributions, want.Attributions)
			}
		}
	}
	for _, a := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, a)
	}
	outlets := []string{"North Gazette", "South Ledger", "East Wire", "West Post", "Mid Herald", "Low Times", "North Gazette"}
	for n, o := range outlets {
		put(t, s, harbor(t, n, n+1, o, "Harbor Master"))
	}
	// A second quote in one article: two attributions, one article.
	two := Article(t, "https://h.example/two", "South Ledger", "2026-02-20T10:00:00Z",
		`Harbor Master said "the harbor is open" and Harbor Master added "the quay is not".`,
		Quote{Speaker: "Harbor Master", Source: "Harbor Master", Cue: "said", Content: `"the harbor is open"`, Channel: "radio"},
		Quote{Speaker: "Harbor Master", Source: "Harbor Master", Cue: "added", Content: `"the quay is not"`, Channel: "radio"})
	put(t, s, two)
	check("inserted")
	// Replaced with another outlet and date, and a quote fewer.
	moved := harbor(t, 3, 25, "Far Courier", "Harbor Master")
	moved.ExtractorVersion = "v2"
	put(t, s, moved)
	again := Article(t, "https://h.example/two", "East Wire", "2026-03-28T10:00:00Z",
		`Harbor Master said "the harbor is open" and Harbor Master added "the quay is not".`,
		Quote{Speaker: "Harbor Master", Source: "Harbor Master", Cue: "said", Content: `"the harbor is open"`, Channel: "press release"})
	again.ExtractorVersion = "v2"
	put(t, s, again)
	check("replaced")
	// Reindexed by id with the speaker changed: the old speaker loses
	// the quote, the new one gains it.
	re := harbor(t, 3, 6, "Low Times", "Quay Keeper")
	re.ID = moved.ID
	put(t, s, re)
	check("reindexed")
}

// summarize computes a speaker's figures from its attribution rows, as
// Store.Speaker must report them.
func summarize(rows []claimtrail.AttributionRow) claimtrail.SpeakerStat {
	var st claimtrail.SpeakerStat
	articles, outlets, channels := map[int64]bool{}, map[string]int{}, map[string]int{}
	for _, r := range rows {
		st.Attributions++
		articles[r.ArticleID] = true
		if r.Outlet != "" {
			outlets[r.Outlet]++
		}
		if r.Channel != "" {
			channels[string(r.Channel)]++
		}
		if !r.Published.IsZero() {
			if st.FirstSeen.IsZero() || r.Published.Before(st.FirstSeen) {
				st.FirstSeen = r.Published
			}
			if r.Published.After(st.LastSeen) {
				st.LastSeen = r.Published
			}
		}
	}
	st.Articles, st.Outlets = len(articles), len(outlets)
	st.TopOutlets, st.Channels = claimtrail.TopNameCounts(outlets, claimtrail.TopOutlets), claimtrail.TopNameCounts(channels, len(channels))
	return st
}

// testSpeakerKeyset: a speaker's attributions page by a keyset cursor
// ((date, id) in sqlite and postgres): a quote stored between two pages,
// dated before the cursor, neither repeats nor hides a row of the later
// pages (paging by offset would repeat one).
func testSpeakerKeyset(t *testing.T, s Store) {
	ctx := context.Background()
	for n := range 6 {
		put(t, s, harbor(t, n, 10+n, "North Gazette", "Harbor Master"))
	}
	rows, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{Speaker: "Harbor Master", Limit: 1})
	if err != nil || len(rows) != 1 {
		t.Fatalf("first page: %v %v", rows, err)
	}
	spID := rows[0].Speaker.ID
	f := claimtrail.AttributionFilter{SpeakerID: spID, Limit: 2}
	first, next, err := s.Attributions(ctx, f)
	if err != nil || len(first) != 2 || next == "" {
		t.Fatalf("first page: %d rows, next %q, %v", len(first), next, err)
	}
	put(t, s, harbor(t, 40, 1, "North Gazette", "Harbor Master")) // dated before every other
	f.After = next
	rest := allRows(t, s, f)
	seen := map[int64]int{}
	for _, r := range append(first, rest...) {
		seen[r.ID]++
		if seen[r.ID] > 1 {
			t.Errorf("attribution %d listed twice", r.ID)
		}
	}
	for n := range 6 {
		rows := allRows(t, s, claimtrail.AttributionFilter{ArticleID: mustArticle(t, s, fmt.Sprintf("https://h.example/%d", n))})
		if len(rows) != 1 || seen[rows[0].ID] != 1 {
			t.Errorf("the quote of article %d is not listed once across the pages", n)
		}
	}
	for _, r := range rest {
		if r.Speaker.ID != spID {
			t.Errorf("row %d of speaker %d in speaker %d's pages", r.ID, r.Speaker.ID, spID)
		}
	}
}

// mustArticle returns the id of the article stored under url.
func mustArticle(t *testing.T, s Store, url string) int64 {
	t.Helper()
	st, err := s.LookupArticle(context.Background(), url, "")
	if err != nil {
		t.Fatalf("look up %s: %v", url, err)
	}
	return st.ID
}
