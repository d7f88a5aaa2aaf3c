package claimtrail

import (
	"context"
	"strings"
	"time"
)

// SearchResult is one page of a search: the hits, the cursor of the next
// page ("" at the end) and how many items matched in all.
type SearchResult struct {
	Hits []SearchHit `json:"items"`
	Next string      `json:"next,omitempty"`
	// Total counts the items matching the query and the filters, up to
	// a cap (1,000 in the stores): past it, Total is the cap and
	// TotalIsLowerBound is set ("1,000+"), since counting every match
	// of a common word among millions costs more than the number is
	// worth.
	Total             int  `json:"total"`
	TotalIsLowerBound bool `json:"total_is_lower_bound"`
}

// PagedSearcher is a store whose search pages with a cursor (f.After)
// and counts the matches. Store.Search is its first page's hits.
type PagedSearcher interface {
	SearchPage(ctx context.Context, query string, f AttributionFilter) (SearchResult, error)
}

// ArticleHit is a search hit on an article (AttributionFilter.InArticles):
// the article's facts, with no attribution.
type ArticleHit struct {
	ID        int64     `json:"id"`
	Source    string    `json:"source"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Title     string    `json:"title,omitempty"`
	Snippet   string    `json:"snippet"`
	Matches   []Span    `json:"matches"`
	Rank      float64   `json:"rank"`
}

// ArticleHit returns an article hit in its own shape.
func (h SearchHit) ArticleHit() ArticleHit {
	m := h.Matches
	if m == nil {
		m = []Span{}
	}
	return ArticleHit{ID: h.ArticleID, Source: h.ArticleSource, URL: h.URL, Outlet: h.Outlet,
		Published: h.Published, Title: h.Title, Snippet: h.Snippet, Matches: m, Rank: h.Rank}
}

// MarkedSnippet returns the snippet with every match wrapped in open and
// closing (for a terminal, "[" and "]" or colour codes).
func (h SearchHit) MarkedSnippet(open, closing string) string {
	if len(h.Matches) == 0 {
		return h.Snippet
	}
	rs := []rune(h.Snippet)
	var b strings.Builder
	at := 0
	for _, m := range h.Matches {
		if m.Start < at || m.End > len(rs) || m.Start >= m.End {
			continue
		}
		b.WriteString(string(rs[at:m.Start]))
		b.WriteString(open)
		b.WriteString(string(rs[m.Start:m.End]))
		b.WriteString(closing)
		at = m.End
	}
	b.WriteString(string(rs[at:]))
	return b.String()
}
