package http

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// spanOf finds needle in text as a code-point span.
func spanOf(t *testing.T, text, needle string) claimtrail.Span {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in %q", needle, text)
	}
	start := len([]rune(text[:i]))
	return claimtrail.Span{Start: start, End: start + len([]rune(needle)), Text: needle}
}

// quirkyStore holds articles with what broke pages before: a reporter
// marker inside a content span, a quote with no source span credited from
// context, a pronoun speaker, a refusal to comment, a cluster whose
// members have no known speaker.
func quirkyStore(t *testing.T) (*sqlite.Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// The two quotes of Lind are two utterances (a new occasion between
	// them), so two clusters.
	text1 := `Mayor Ana Lind said "the claim was wrong and she had misspoken" on Monday. At the harbour meeting the next morning, "We will rebuild," she added. He said the tolls would rise. Lind declined to comment on the budget.`
	src := spanOf(t, text1, "Mayor Ana Lind")
	cue := spanOf(t, text1, "said")
	he := spanOf(t, text1, "He")
	heCue := spanOf(t, text1, "said the")
	heCue = claimtrail.Span{Start: heCue.Start, End: heCue.Start + 4, Text: "said"}
	lind := spanOf(t, text1, "Lind declined")
	lind = claimtrail.Span{Start: lind.Start, End: lind.Start + 4, Text: "Lind"}
	declined := spanOf(t, text1, "declined to comment")
	person := claimtrail.Speaker{Name: "Ana Lind", Kind: claimtrail.SpeakerPerson}
	a1 := &claimtrail.Article{Source: "quirk-1", URL: "https://q.example/1", Outlet: "Quirk Daily", Title: "Lind misspoke", Text: text1, ExtractorVersion: "test",
		Attributions: []claimtrail.Attribution{
			{Kind: claimtrail.KindDirect, Source: &src, Cue: &cue, Content: []claimtrail.Span{spanOf(t, text1, `"the claim was wrong and she had misspoken"`)},
				Speaker: person, Confidence: 0.9,
				Markers: []claimtrail.Marker{{Type: claimtrail.MarkerRetracted, Span: spanOf(t, text1, "misspoken")}}},
			{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{spanOf(t, text1, `"We will rebuild,"`)}, Speaker: person, Confidence: 0.6,
				Flags: []string{"speaker-from-context"}},
			{Kind: claimtrail.KindIndirect, Source: &he, Cue: &heCue, Content: []claimtrail.Span{spanOf(t, text1, "the tolls would rise")},
				Speaker: claimtrail.Speaker{Name: "he", Kind: claimtrail.SpeakerUnknown}, Confidence: 0.3},
			{Kind: claimtrail.KindIndirect, Source: &lind, Cue: &declined, Content: []claimtrail.Span{spanOf(t, text1, "on the budget")},
				Speaker: person, Confidence: 0.5},
		}}
	text2 := `"We will rebuild," a spokesperson said.`
	a2 := &claimtrail.Article{Source: "quirk-2", URL: "https://r.example/2", Outlet: "Other Post", Text: text2, ExtractorVersion: "test",
		Attributions: []claimtrail.Attribution{
			{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{spanOf(t, text2, `"We will rebuild,"`)}, Speaker: claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}, Confidence: 0.4},
		}}
	ids := map[string]int64{}
	for _, a := range []*claimtrail.Article{a1, a2} {
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids[a.Source] = a.ID
	}
	if _, err := st.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	sps, err := st.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range sps {
		ids["speaker:"+sp.Name] = sp.ID
	}
	return st, ids
}

func fetch(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// rawMarkup returns the first piece of page text or accessible label that
// shows HTML source to a reader ("<mark", `">`, "class="), or "".
func rawMarkup(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	// Our own markup leaking into text: tags, attribute ends, classes.
	// (Entities such as "&#163;" may be in an article's text as written.)
	bad := func(s string) bool {
		for _, m := range []string{"<mark", "</", "<a ", `">`, "class=", "href="} {
			if strings.Contains(s, m) {
				return true
			}
		}
		return false
	}
	var found string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode && bad(n.Data) {
			found = n.Data
			return
		}
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if (a.Key == "aria-label" || a.Key == "title") && bad(a.Val) {
					found = a.Key + "=" + a.Val
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

// TestArticlePageMarkerInsideContent: a reporter marker inside a content
// span used to put rendered <mark> HTML into an aria-label, showing raw
// markup on the page.
func TestArticlePageMarkerInsideContent(t *testing.T) {
	st, ids := quirkyStore(t)
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	code, _, page := fetch(t, srv.URL+"/articles/"+strconv.FormatInt(ids["quirk-1"], 10))
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	if raw := rawMarkup(t, page); raw != "" {
		t.Errorf("article page shows raw markup: %q", raw)
	}
	if !strings.Contains(page, `<mark class="marker"`) {
		t.Error("the marker is not underlined")
	}
	// The quote without a source says who it is credited to and why.
	if !strings.Contains(page, "credited to Ana Lind (speaker from context)") || !strings.Contains(page, `class="muted credit">(speaker from context)`) {
		t.Error("a quote without a source does not say it is credited from context")
	}
	// The pronoun speaker has no page and no link.
	if strings.Contains(page, "/speakers/"+strconv.FormatInt(ids["speaker:he"], 10)+`"`) {
		t.Error("the article links to the page of the speaker 'he'")
	}
}

// TestSpeakerPages: statements only; no page for a pronoun.
func TestSpeakerPages(t *testing.T) {
	st, ids := quirkyStore(t)
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	if ids["speaker:he"] == 0 {
		t.Fatal("the store has no speaker 'he'")
	}
	code, _, page := fetch(t, srv.URL+"/speakers/"+strconv.FormatInt(ids["speaker:he"], 10))
	if code != 404 || !strings.Contains(page, "not a resolved speaker") {
		t.Errorf("speaker 'he': %d", code)
	}
	code, _, page = fetch(t, srv.URL+"/speakers/"+strconv.FormatInt(ids["speaker:Ana Lind"], 10))
	if code != 200 {
		t.Fatalf("speaker page %d", code)
	}
	if strings.Contains(page, "on the budget") {
		t.Error("the speaker page lists 'declined to comment' as a statement")
	}
	if !strings.Contains(page, "misspoken") || !strings.Contains(page, "Not listed: 1 attribution") {
		t.Error("the speaker page lost a statement or does not say what it left out")
	}
	code, _, page = fetch(t, srv.URL+"/speakers")
	if code != 200 || !strings.Contains(page, "Ana Lind") || strings.Contains(page, ">he</a>") {
		t.Errorf("/speakers %d lists %q", code, page)
	}
}

// TestSearchPageQuotes: hits show the exact words once inside <q> (no
// doubled closing mark), say how many matched, and page with "More".
func TestSearchPageQuotes(t *testing.T) {
	st, _ := quirkyStore(t)
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	code, _, page := fetch(t, srv.URL+"/search?q=rebuild")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	if strings.Contains(page, `,”</q>`) || strings.Contains(page, `"</q>`) || strings.Contains(page, `”</q>`) || strings.Contains(page, `,</q>`) {
		t.Errorf("a quote keeps its own closing mark inside <q>")
	}
	if !strings.Contains(page, "<q>We will <mark>rebuild</mark></q>") {
		t.Errorf("the hit does not show the quote with its match marked")
	}
	if !strings.Contains(page, "2 quotes matched") {
		t.Errorf("the page does not say how many matched")
	}
	if raw := rawMarkup(t, page); raw != "" {
		t.Errorf("search page shows raw markup: %q", raw)
	}
	code, _, page = fetch(t, srv.URL+"/search?q=rebuild&limit=1")
	_ = page
	if code != 200 {
		t.Errorf("an unknown parameter on a page: %d, want it ignored", code)
	}
	code, _, page = fetch(t, srv.URL+"/search?q=tax+(rise")
	if code != 400 || !strings.Contains(page, "unclosed (") || strings.Contains(page, "fts5") {
		t.Errorf("bad query: %d", code)
	}
	code, _, page = fetch(t, srv.URL+"/search?q=NOT+rebuild")
	if code != 200 || !strings.Contains(page, "3 quotes matched") || strings.Contains(page, "<mark>rebuild") {
		t.Errorf("NOT rebuild: %d", code)
	}
	if !strings.Contains(page, `id="query-help"`) || !strings.Contains(page, "NEAR(") {
		t.Error("the search page does not explain the query language")
	}
}

// TestBrowsePagesPage: /articles, /speakers and /statements list
// everything, 50 a page, with a More link that reaches the end.
func TestBrowsePagesPage(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var arts []*claimtrail.Article
	for i := range 120 {
		name := "Speaker " + strings.Repeat(string(rune('A'+i%26)), 1+i/26)
		text := name + ` said "number ` + strconv.Itoa(i) + ` is here".`
		a := &claimtrail.Article{Source: "b-" + strconv.Itoa(i), Outlet: "Outlet " + strconv.Itoa(i%3), Text: text, Title: "Article " + strconv.Itoa(i), ExtractorVersion: "test",
			Attributions: []claimtrail.Attribution{{Kind: claimtrail.KindDirect, Source: ptr(spanOf(t, text, name)), Cue: ptr(spanOf(t, text, "said")),
				Content: []claimtrail.Span{spanOf(t, text, `"number `+strconv.Itoa(i)+` is here"`)}, Speaker: claimtrail.Speaker{Name: name, Kind: claimtrail.SpeakerPerson}, Confidence: 0.9}}}
		arts = append(arts, a)
	}
	if _, err := st.PutBatch(ctx, claimtrail.Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	count := func(path, item string) int {
		n := 0
		for url := srv.URL + path; url != ""; {
			code, _, page := fetch(t, url)
			if code != 200 {
				t.Fatalf("GET %s: %d", url, code)
			}
			n += strings.Count(page, item)
			url = ""
			if i := strings.Index(page, `class="button more" href="`); i >= 0 {
				rest := page[i+len(`class="button more" href="`):]
				url = srv.URL + html.UnescapeString(rest[:strings.IndexByte(rest, '"')])
			}
		}
		return n
	}
	if n := count("/articles", `<li class="card"><a href="/articles/`); n != 120 {
		t.Errorf("/articles paged through %d articles, want 120", n)
	}
	if n := count("/articles?outlet=Outlet+1", `<li class="card"><a href="/articles/`); n != 40 {
		t.Errorf("/articles?outlet= paged through %d articles, want 40", n)
	}
	if n := count("/speakers", `<li class="card"><a href="/speakers/`); n != 120 {
		t.Errorf("/speakers paged through %d speakers, want 120", n)
	}
	if n := count("/search?outlet=Outlet+2", `class="card quote-card"`); n != 40 {
		t.Errorf("statements of one outlet: %d, want 40", n)
	}
	if n := count("/search?q=number", `hit-quote`); n != 120 {
		t.Errorf("search paged through %d hits, want 120", n)
	}
	n, after := 0, ""
	for range 10 {
		var p struct {
			Items []claimtrail.SpeakerStat `json:"items"`
			Next  *string                  `json:"next"`
		}
		_, _, body := fetch(t, srv.URL+"/api/speakers?kind=person&limit=50&after="+after)
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(body)
		}
		n += len(p.Items)
		if p.Next == nil {
			break
		}
		after = *p.Next
	}
	if n != 120 {
		t.Errorf("/api/speakers paged through %d speakers, want 120", n)
	}
	code, _, _ := fetch(t, srv.URL+"/statements")
	if code != 200 {
		t.Errorf("/statements: %d", code)
	}
	_, _, page := fetch(t, srv.URL+"/")
	for _, link := range []string{`href="/articles"`, `href="/speakers"`, `href="/statements"`} {
		if !strings.Contains(page, link) {
			t.Errorf("the overview does not link to %s", link)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestClusterCardWithoutSpeaker: a card whose quotes have no known
// speaker says so instead of starting with "· 1 article".
func TestClusterCardWithoutSpeaker(t *testing.T) {
	var b strings.Builder
	tpl := mustParsePages()["clusters"]
	err := tpl.ExecuteTemplate(&b, "cluster-card", claimtrail.Cluster{ID: 1, Text: "We will rebuild", Speakers: []claimtrail.Speaker{}, Articles: 1, Outlets: 1})
	if err != nil {
		t.Fatal(err)
	}
	meta := b.String()[strings.Index(b.String(), `<p class="meta">`):]
	meta = strings.TrimSpace(strings.TrimPrefix(meta, `<p class="meta">`))
	if strings.HasPrefix(meta, "·") || !strings.HasPrefix(meta, "unknown speaker") {
		t.Errorf("card meta starts %q", meta[:min(40, len(meta))])
	}
}

// TestMethodsAndParameters: a wrong method is 405 with Allow; unknown
// parameters are refused by the API naming what it accepts; /assets/ does
// not list its directory.
func TestMethodsAndParameters(t *testing.T) {
	m := demoStore(t)
	s := New(m, m)
	s.Token, s.Ingest = "t", func(context.Context, io.Reader, func(IngestResult)) error { return nil }
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	for _, tt := range []struct{ method, path, allow string }{
		{"GET", "/api/ingest", "POST"},
		{"POST", "/api/stats", "GET, HEAD"},
		{"DELETE", "/api/articles/1", "GET, HEAD"},
		{"POST", "/search", "GET, HEAD"},
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 405 || resp.Header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: %d Allow %q, want 405 Allow %q (%s)", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Allow"), tt.allow, body)
		}
		if strings.HasPrefix(tt.path, "/api/") {
			var e apiError
			if json.Unmarshal(body, &e) != nil || e.Error.Code != "method_not_allowed" {
				t.Errorf("%s %s: body %s", tt.method, tt.path, body)
			}
		}
	}
	code, _, body := fetch(t, srv.URL+"/api/stats?x=1")
	if code != 400 || !strings.Contains(body, "takes no parameters") {
		t.Errorf("/api/stats?x=1: %d %s", code, body)
	}
	code, _, body = fetch(t, srv.URL+"/api/articles?bogus=1")
	if code != 400 || !strings.Contains(body, "accepts: after, limit, outlet, since, until") {
		t.Errorf("/api/articles?bogus=1: %d %s", code, body)
	}
	code, _, body = fetch(t, srv.URL+"/assets/")
	if code != 404 || strings.Contains(body, `href="style.css"`) {
		t.Errorf("/assets/: %d, lists the directory: %v", code, strings.Contains(body, `href="style.css"`))
	}
	if code, _, _ := fetch(t, srv.URL+"/assets/style.css"); code != 200 {
		t.Errorf("/assets/style.css: %d", code)
	}
	if code, _, _ := fetch(t, srv.URL+"/nowhere"); code != 404 {
		t.Errorf("/nowhere: %d", code)
	}
}

// TestAPISearchPaging: the API pages search hits with a cursor, counts
// them, and gives structured match offsets.
func TestAPISearchPaging(t *testing.T) {
	st, _ := quirkyStore(t)
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	var seen []int64
	url := srv.URL + "/api/search?q=rebuild&limit=1"
	for range 5 {
		var p struct {
			Items []claimtrail.SearchHit `json:"items"`
			Next  *string                `json:"next"`
			Total int                    `json:"total"`
		}
		code, _, body := fetch(t, url)
		if code != 200 || json.Unmarshal([]byte(body), &p) != nil {
			t.Fatalf("%s: %d %s", url, code, body)
		}
		if p.Total != 2 {
			t.Errorf("total %d, want 2", p.Total)
		}
		for _, h := range p.Items {
			seen = append(seen, h.ID)
			if len(h.Matches) != 1 || h.Matches[0].Text != "rebuild" || strings.ContainsAny(h.Snippet, "[]") {
				t.Errorf("hit snippet %q matches %+v", h.Snippet, h.Matches)
			}
		}
		if p.Next == nil {
			break
		}
		url = srv.URL + "/api/search?q=rebuild&limit=1&after=" + *p.Next
	}
	if len(seen) != 2 || seen[0] == seen[1] {
		t.Errorf("paged hits %v", seen)
	}
	for _, q := range []string{"tax+(rise", "NEAR(Blair)", "a*+OR+b*"} {
		code, _, body := fetch(t, srv.URL+"/api/search?q="+q)
		if code != 400 || strings.Contains(body, "fts5") || strings.Contains(body, "SQL") {
			t.Errorf("q=%s: %d %s", q, code, body)
		}
	}
}

// TestBrowsePagesEscape: what an article or a user puts in a field is
// shown as text on every new page (XSS), and a query full of SQL and FTS
// syntax is data (parameterised SQL, our own query language).
func TestBrowsePagesEscape(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const evil = `<script>alert(1)</script>`
	name := `Eve <img src=x onerror=alert(1)> Script`
	text := name + ` said "` + evil + ` rules" today.`
	a := &claimtrail.Article{Source: "x-1", Outlet: evil, Title: evil, Text: text, ExtractorVersion: "test",
		Attributions: []claimtrail.Attribution{{Kind: claimtrail.KindDirect, Source: ptr(spanOf(t, text, name)), Cue: ptr(spanOf(t, text, "said")),
			Content: []claimtrail.Span{spanOf(t, text, `"`+evil+` rules"`)}, Speaker: claimtrail.Speaker{Name: name, Kind: claimtrail.SpeakerPerson}, Confidence: 0.9}}}
	if _, err := st.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	sps, _ := st.Speakers(ctx, "", 1)
	for _, p := range []string{"/", "/articles", "/speakers", "/statements", "/search?q=rules", "/search?q=rules&in=articles",
		"/articles?outlet=" + evil, "/speakers?name=" + evil, "/search?q=" + evil, "/search?channel=" + evil,
		"/articles/" + strconv.FormatInt(a.ID, 10), "/speakers/" + strconv.FormatInt(sps[0].ID, 10)} {
		code, h, body := fetch(t, srv.URL+strings.ReplaceAll(strings.ReplaceAll(p, "<", "%3C"), ">", "%3E"))
		if code >= 500 {
			t.Errorf("%s: %d", p, code)
		}
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: unescaped markup from the data", p)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: no CSP", p)
		}
	}
	for _, q := range []string{`'; DROP TABLE articles; --`, `rules" OR 1=1 --`, `content:rules`, `{rules}`, `rules^`, `NEAR/3`, `"rules`} {
		code, _, body := fetch(t, srv.URL+"/api/search?q="+strings.ReplaceAll(strings.ReplaceAll(q, " ", "+"), "#", "%23"))
		if code != 200 && code != 400 || strings.Contains(body, "fts5") || strings.Contains(body, "SQL") {
			t.Errorf("q=%s: %d %s", q, code, body)
		}
	}
	if st2, err := st.Stats(ctx); err != nil || st2.Articles != 1 {
		t.Errorf("store after hostile queries: %+v %v", st2, err)
	}
}

// TestStoreArticlePagesClean renders every article page of an existing
// store (CLAIMTRAIL_UI_DB, say BBC + PTC ingested) and counts the pages
// that show raw markup; skipped without it.
func TestStoreArticlePagesClean(t *testing.T) {
	db := os.Getenv("CLAIMTRAIL_UI_DB")
	if db == "" {
		t.Skip("set CLAIMTRAIL_UI_DB to a store to check every article page")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	pages, bad := 0, 0
	for f := (claimtrail.ArticleFilter{Limit: 500}); ; {
		arts, next, err := st.Articles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			code, _, page := fetch(t, srv.URL+"/articles/"+strconv.FormatInt(a.ID, 10))
			pages++
			if code != 200 {
				t.Errorf("article %d: %d", a.ID, code)
				continue
			}
			if raw := rawMarkup(t, page); raw != "" {
				bad++
				if bad <= 3 {
					t.Errorf("article %d shows raw markup: %q", a.ID, raw)
				}
			}
		}
		if next == "" {
			break
		}
		f.After = next
	}
	t.Logf("%d article pages, %d with raw markup", pages, bad)
	if bad > 0 {
		t.Errorf("%d of %d article pages show raw markup", bad, pages)
	}
}

// TestStatementsFilters: /statements and /api/clusters filter by outlet,
// date, marker and speaker kind.
func TestStatementsFilters(t *testing.T) {
	st, _ := quirkyStore(t)
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	count := func(path string) int {
		var p struct {
			Items []claimtrail.Cluster `json:"items"`
		}
		code, _, body := fetch(t, srv.URL+path)
		if code != 200 || json.Unmarshal([]byte(body), &p) != nil {
			t.Fatalf("%s: %d %s", path, code, body)
		}
		return len(p.Items)
	}
	all := count("/api/clusters")
	if all == 0 {
		t.Fatal("no clusters")
	}
	for path, want := range map[string]int{
		"/api/clusters?outlet=Other+Post":            1,
		"/api/clusters?outlet=Nowhere":               0,
		"/api/clusters?marker=retracted":             1,
		"/api/clusters?speaker_kind=person":          2,
		"/api/clusters?speaker_kind=group":           0,
		"/api/clusters?until=1999-01-01":             0,
		"/api/clusters?q=rebuild&outlet=quirk+daily": 1,
	} {
		if got := count(path); got != want {
			t.Errorf("%s: %d clusters, want %d", path, got, want)
		}
	}
	if code, _, _ := fetch(t, srv.URL+"/api/clusters?marker=bogus"); code != 400 {
		t.Errorf("bad marker: %d", code)
	}
	code, _, page := fetch(t, srv.URL+"/statements?outlet=Nowhere")
	if code != 200 || !strings.Contains(page, "No statements yet") && !strings.Contains(page, "empty") {
		t.Errorf("/statements?outlet=Nowhere: %d", code)
	}
}
