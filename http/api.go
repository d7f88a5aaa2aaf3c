package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	searchquery "github.com/claimtrail/claimtrail/query"
)

// maxLimit caps a page so that one request cannot ask for the whole store.
const maxLimit = 500

func (s *Server) registerAPI() {
	s.handle("GET", "/api/{$}", s.apiIndex)
	s.handle("GET", "/api/openapi.json", s.apiOpenAPI)
	s.handle("GET", "/api/stats", s.apiStats)
	s.handle("GET", "/api/articles", s.apiArticles)
	s.handle("GET", "/api/articles/{id}", s.apiArticle)
	s.handle("GET", "/api/attributions", s.apiAttributions)
	s.handle("GET", "/api/speakers", s.apiSpeakers)
	s.handle("GET", "/api/speakers/{id}", s.apiSpeaker)
	s.handle("GET", "/api/clusters", s.apiClusters)
	s.handle("GET", "/api/clusters/{id}", s.apiCluster)
	s.handle("GET", "/api/relations", s.apiRelations)
	s.handle("GET", "/api/search", s.apiSearch)
	s.handle("POST", "/api/ingest", s.apiIngest)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if s.methodNotAllowed(w, r) {
			return
		}
		s.writeError(w, r, claimtrail.Errorf(claimtrail.ENOTFOUND, "no API endpoint %s %s; see /api/openapi.json", r.Method, r.URL.Path))
	})
}

// methodError is a request for a path that exists with another method.
type methodError struct {
	method, path string
	allow        []string
}

func (e *methodError) Error() string {
	return fmt.Sprintf("%s is not allowed on %s; use %s", e.method, e.path, strings.Join(e.allow, " or "))
}

// methodNotAllowed answers 405 with an Allow header when the request's
// path is served under other methods, and reports whether it did. The
// catch-all handlers call it, since they match every method.
func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) bool {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
		if m == r.Method {
			continue
		}
		r2 := *r
		r2.Method = m
		if _, pattern := s.mux.Handler(&r2); strings.HasPrefix(pattern, m+" ") || (m == http.MethodHead && strings.HasPrefix(pattern, "GET ")) {
			allow = append(allow, m)
		}
	}
	if len(allow) == 0 {
		return false
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	s.writeError(w, r, &methodError{r.Method, r.URL.Path, allow})
	return true
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away; nothing left to tell it
}

// apiError is the body of every API error response.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with the error's status: JSON under /api/, an HTML
// page elsewhere. Internal errors are logged and not shown in detail.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	code, msg := claimtrail.ErrorCode(err), claimtrail.ErrorMessage(err)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		code, msg = claimtrail.ETOOLARGE, fmt.Sprintf("request body larger than %d bytes", mbe.Limit)
	case status == http.StatusMethodNotAllowed:
		code, msg = "method_not_allowed", err.Error()
	case status == http.StatusServiceUnavailable:
		code, msg = "timeout", "the request took too long"
	case status == http.StatusInternalServerError:
		s.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		var body apiError
		body.Error.Code, body.Error.Message = code, msg
		writeJSON(w, status, body)
		return
	}
	s.renderError(w, r, status, msg)
}

// page is a list response; Next is the cursor of the next page, null at
// the end.
type page[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"`
}

func newPage[T any](items []T, next string) page[T] {
	if items == nil {
		items = []T{}
	}
	p := page[T]{Items: items}
	if next != "" {
		p.Next = &next
	}
	return p
}

// query reads and validates query parameters, collecting the first
// problem so that handlers check once. Unknown parameters are refused, so
// that a typo ("speeker=") is not silently ignored.
type query struct {
	v   url.Values
	err error
}

func newQuery(r *http.Request, allowed ...string) *query {
	q := &query{v: r.URL.Query()}
	for _, k := range slices.Sorted(maps.Keys(q.v)) {
		if !slices.Contains(allowed, k) {
			if len(allowed) == 0 {
				q.fail("unknown parameter %q; this endpoint takes no parameters", k)
				break
			}
			sorted := slices.Sorted(slices.Values(allowed))
			q.fail("unknown parameter %q; this endpoint accepts: %s", k, strings.Join(sorted, ", "))
			break
		}
	}
	return q
}

// pageQuery reads a web page's parameters: unlike the API, a page ignores
// parameters it does not know (browsers and links add their own, such as
// utm_source), and reads the ones it does know as the API does.
func pageQuery(r *http.Request) *query { return &query{v: r.URL.Query()} }

func (q *query) fail(format string, args ...any) {
	if q.err == nil {
		q.err = claimtrail.Errorf(claimtrail.EINVALID, format, args...)
	}
}

func (q *query) str(name string) string { return strings.TrimSpace(q.v.Get(name)) }

func (q *query) int64(name string) int64 {
	s := q.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		q.fail("%s must be a positive integer, got %q", name, s)
	}
	return n
}

func (q *query) limit(def int) int {
	s := q.str("limit")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		q.fail("limit must be an integer from 1 to %d, got %q", maxLimit, s)
	}
	return n
}

// date parses an RFC 3339 time or a YYYY-MM-DD date (UTC); endOfDay
// makes a bare date include that whole day, for "until".
func (q *query) date(name string, endOfDay bool) time.Time {
	s := q.str(name)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC()
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		q.fail("%s must be a date (YYYY-MM-DD) or an RFC 3339 time, got %q", name, s)
		return time.Time{}
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return t
}

var (
	kinds   = claimtrail.Strings(claimtrail.Kinds)
	markers = claimtrail.Strings(claimtrail.MarkerTypes)
)

func (q *query) enum(name string, allowed []string) string {
	s := strings.ToLower(q.str(name))
	if s != "" && !slices.Contains(allowed, s) {
		q.fail("%s must be one of %s, got %q", name, strings.Join(allowed, ", "), s)
	}
	return s
}

// attributionParams are the filters of `claimtrail quotes`.
var attributionParams = []string{"speaker", "speaker_id", "outlet", "since", "until", "kind", "marker", "channel", "cluster", "article", "after", "limit"}

func (q *query) attributionFilter() claimtrail.AttributionFilter {
	f := claimtrail.AttributionFilter{
		Speaker:   q.str("speaker"),
		SpeakerID: q.int64("speaker_id"),
		Outlet:    q.str("outlet"),
		Since:     q.date("since", false),
		Until:     q.date("until", true),
		Kind:      claimtrail.Kind(q.enum("kind", kinds)),
		Marker:    claimtrail.MarkerType(q.enum("marker", markers)),
		Channel:   q.str("channel"),
		ClusterID: q.int64("cluster"),
		ArticleID: q.int64("article"),
		After:     q.str("after"),
		Limit:     q.limit(50),
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		q.fail("until (%s) is before since (%s)", f.Until.Format(time.DateOnly), f.Since.Format(time.DateOnly))
	}
	return f
}

// clusterParams are the filters of the statements (clusters) listing.
var clusterParams = []string{"min_articles", "speaker", "q", "outlet", "since", "until", "marker", "speaker_kind", "after", "limit"}

func (q *query) clusterFilter() claimtrail.ClusterFilter {
	f := claimtrail.ClusterFilter{
		MinArticles: int(q.int64("min_articles")), Speaker: q.str("speaker"), Query: q.str("q"),
		Outlet: q.str("outlet"), Since: q.date("since", false), Until: q.date("until", true),
		Marker: claimtrail.MarkerType(q.enum("marker", markers)), SpeakerKind: claimtrail.SpeakerKind(q.enum("speaker_kind", speakerKinds)),
		After: q.str("after"), Limit: q.limit(50),
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		q.fail("until (%s) is before since (%s)", f.Until.Format(time.DateOnly), f.Since.Format(time.DateOnly))
	}
	return f
}

func pathID(r *http.Request, what string) (int64, error) {
	s := r.PathValue("id")
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		return 0, claimtrail.Errorf(claimtrail.EINVALID, "%s id must be a positive integer, got %q", what, s)
	}
	return n, nil
}

func (s *Server) apiIndex(w http.ResponseWriter, r *http.Request) {
	endpoints := []string{}
	for _, rt := range s.routes {
		if strings.HasPrefix(rt.Pattern, "/api/") && rt.Pattern != "/api/{$}" {
			endpoints = append(endpoints, rt.Method+" "+rt.Pattern)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"openapi": "/api/openapi.json", "endpoints": endpoints})
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := assetsFS.ReadFile("assets/openapi.json")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	if q := newQuery(r); q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	st, err := s.stats.get(r.Context(), s.Store.Stats)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, "outlet", "since", "until", "after", "limit")
	f := claimtrail.ArticleFilter{Outlet: q.str("outlet"), Since: q.date("since", false), Until: q.date("until", true), After: q.str("after"), Limit: q.limit(50)}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	arts, next, err := s.Store.Articles(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newPage(arts, next))
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "article")
	if err == nil {
		err = newQuery(r).err
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	a, err := s.Store.Article(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if a.Attributions == nil {
		a.Attributions = []claimtrail.Attribution{}
	}
	// omitempty would drop an empty list; clients expect the key.
	writeJSON(w, http.StatusOK, struct {
		*claimtrail.Article
		Attributions []claimtrail.Attribution `json:"attributions"`
	}{a, a.Attributions})
}

func (s *Server) apiAttributions(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, attributionParams...)
	f := q.attributionFilter()
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	rows, next, err := s.Store.Attributions(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newPage(rows, next))
}

func (s *Server) apiSpeakers(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, "name", "kind", "after", "limit")
	f := claimtrail.SpeakerFilter{Name: q.str("name"), Kind: claimtrail.SpeakerKind(q.enum("kind", speakerKinds)), After: q.str("after"), Limit: q.limit(50)}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	if lister, ok := s.Store.(claimtrail.SpeakerLister); ok {
		sp, next, err := lister.SpeakerPage(r.Context(), f)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, newPage(sp, next))
		return
	}
	if f.After != "" || f.Kind != "" {
		s.writeError(w, r, claimtrail.Errorf(claimtrail.EINVALID, "this store does not page or filter speakers by kind"))
		return
	}
	sp, err := s.Store.Speakers(r.Context(), f.Name, f.Limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newPage(sp, ""))
}

func (s *Server) apiSpeaker(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "speaker")
	if err == nil {
		err = newQuery(r).err
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	sp, err := s.Store.Speaker(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sp)
}

func (s *Server) apiClusters(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, clusterParams...)
	f := q.clusterFilter()
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	cs, next, err := s.Clusters.Clusters(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newPage(cs, next))
}

func (s *Server) apiCluster(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "cluster")
	if err == nil {
		err = newQuery(r).err
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	c, err := s.Clusters.Cluster(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r, append([]string{"q", "in"}, attributionParams...)...)
	text := q.str("q")
	f := q.attributionFilter()
	f.InArticles = q.enum("in", []string{"quotes", "articles"}) == "articles"
	if text == "" {
		q.fail("q is required: the words to search for (see /api/openapi.json for the query language)")
	}
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	res, err := s.search(r.Context(), text, f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var next *string
	if res.Next != "" {
		next = &res.Next
	}
	if f.InArticles {
		items := make([]claimtrail.ArticleHit, len(res.Hits))
		for i, h := range res.Hits {
			items[i] = h.ArticleHit()
		}
		writeJSON(w, http.StatusOK, searchPage[claimtrail.ArticleHit]{items, next, res.Total, res.TotalIsLowerBound})
		return
	}
	writeJSON(w, http.StatusOK, searchPage[claimtrail.SearchHit]{res.Hits, next, res.Total, res.TotalIsLowerBound})
}

// searchPage is a page of search hits with the count of all matches.
type searchPage[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"`
	Total int     `json:"total"`
	// TotalIsLowerBound: the store stopped counting at Total (1,000);
	// more match.
	TotalIsLowerBound bool `json:"total_is_lower_bound"`
}

// search runs one page of a search, through the store's PagedSearcher
// when it has one. The query is parsed here first, so that every store
// refuses a bad query with the same message.
func (s *Server) search(ctx context.Context, text string, f claimtrail.AttributionFilter) (claimtrail.SearchResult, error) {
	if _, err := searchquery.Parse(text); err != nil {
		return claimtrail.SearchResult{}, claimtrail.Errorf(claimtrail.EINVALID, "bad search query: %v", err)
	}
	if ps, ok := s.Store.(claimtrail.PagedSearcher); ok {
		return ps.SearchPage(ctx, text, f)
	}
	if f.After != "" {
		return claimtrail.SearchResult{}, claimtrail.Errorf(claimtrail.EINVALID, "this store does not page search results; raise limit instead")
	}
	hits, err := s.Store.Search(ctx, text, f)
	if hits == nil {
		hits = []claimtrail.SearchHit{}
	}
	return claimtrail.SearchResult{Hits: hits, Total: len(hits)}, err
}
