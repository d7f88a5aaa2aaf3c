// Package storetest is the behaviour every claimtrail store promises,
// written once and run against each implementation (mock.Memory, sqlite,
// postgres): identity and idempotence of PutArticle and PutBatch, a bad
// article refused alone, round trips of everything extracted, filters and
// cursors, errors recorded and cleared, stale articles for reindex, and
// the durable pending record of the cross-article step.
//
// A store's test calls Run with a function that opens an empty store,
// with its search limits lowered to SearchCap and SearchCandidates:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
//	}
//
// The suite compares behaviour, not internals: ids are opaque, cursors are
// only handed back, and clustering itself is left to the trail tests (a
// test double need not cluster).
package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// Store is what the suite exercises.
type Store interface {
	claimtrail.IngestStore
	claimtrail.ClusterStore
	claimtrail.ClusterMaintainer
}

// Run runs every check as a subtest, each on a fresh store from open
// (which should register its own cleanup).
func Run(t *testing.T, open func(t *testing.T) Store) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s Store)
	}{
		{"PutArticleIdentity", testPutArticleIdentity},
		{"RoundTrip", testRoundTrip},
		{"BadArticleRefusedAlone", testBadArticleRefusedAlone},
		{"LookupArticle", testLookupArticle},
		{"ArticleBySource", testArticleBySource},
		{"NotFound", testNotFound},
		{"AttributionFilters", testAttributionFilters},
		{"AttributionPaging", testAttributionPaging},
		{"ArticlePaging", testArticlePaging},
		{"Errors", testErrors},
		{"StaleArticles", testStaleArticles},
		{"ReindexByID", testReindexByID},
		{"Stats", testStats},
		{"SpeakersAndAliases", testSpeakers},
		{"ClustersPending", testClustersPending},
		{"ClusterPieces", testClusterPieces},
		{"ClusterUtterance", testClusterUtterance},
		{"ClusterSpeech", testClusterSpeech},
		{"ClusterUtteranceAlone", testClusterUtteranceAlone},
		{"ClusterListOrder", testClusterListOrder},
		{"Search", testSearch},
		{"SearchLanguage", testSearchLanguage},
		{"SearchPagingCapped", testSearchPagingCapped},
		{"SpeakerSummary", testSpeakerSummary},
		{"SpeakerKeyset", testSpeakerKeyset},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

// Texts of made-up articles; every quote is located by its words.
const (
	TextBridge = `The mayor said "the bridge will be rebuilt by spring" on Tuesday. Critics said without evidence that funds were missing.`
	TextPort   = `Port officials told reporters that "cargo volumes are at a record high", according to a statement. Reportedly, the port will expand.`
	TextRiver  = `"We will not raise taxes," the governor wrote on Twitter. The governor later walked back "the pledge".`
)

// ListingQuotes are distinct quotes, each a cluster of its own, for
// tests of the cluster listing: this suite's (ClusterListOrder) and a
// store's own. Tests read it; none may change it.
var ListingQuotes = []string{
	"The new stadium in Cork will open before the election, believe me",
	"Every satellite launched from Busan carries our flag into orbit",
	"Lithium mines in Alberta will double their output within ten years",
	"Our harbour in Gdansk will take the largest ships in the world",
	"No farmer in Kerala will pay a rupee more for water this summer",
	"The tram line to Porto airport opens in March, on time and on budget",
	"Every school in Tartu gets a new library before the winter",
}

// Quote describes one attribution of a test article by its words.
type Quote struct {
	Speaker, Source, Cue, Content string
	Kind                          claimtrail.Kind
	Channel                       string
	Marker                        claimtrail.MarkerType
	MarkerText                    string
	Aliases                       []string
}

// SpanOf finds needle in text and returns its code-point span.
func SpanOf(t testing.TB, text, needle string) claimtrail.Span {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in text", needle)
	}
	start := len([]rune(text[:i]))
	return claimtrail.Span{Start: start, End: start + len([]rune(needle)), Text: needle}
}

// Article builds a test article from its facts and quotes (published in
// RFC 3339 or ""), with extractor version "v1".
func Article(t testing.TB, url, outlet, published, text string, quotes ...Quote) *claimtrail.Article {
	t.Helper()
	a := &claimtrail.Article{
		Source: "test/" + strings.ReplaceAll(text[:min(12, len(text))], " ", "_"),
		URL:    url, Outlet: outlet, Title: "Title of " + outlet, Text: text,
		ExtractorVersion: "v1",
	}
	if url != "" {
		a.Source = url
	}
	if published != "" {
		p, err := time.Parse(time.RFC3339, published)
		if err != nil {
			t.Fatal(err)
		}
		a.Published = p.UTC()
	}
	for _, q := range quotes {
		src, cue := SpanOf(t, text, q.Source), SpanOf(t, text, q.Cue)
		at := claimtrail.Attribution{
			Kind: cmpOr(q.Kind, claimtrail.KindDirect), Source: &src, Cue: &cue,
			Content:     []claimtrail.Span{SpanOf(t, text, q.Content)},
			Speaker:     claimtrail.Speaker{Name: q.Speaker, Kind: claimtrail.SpeakerPerson, Aliases: q.Aliases},
			Channel:     claimtrail.Channel(q.Channel),
			AccordingTo: []string{}, Confidence: 0.9, Flags: []string{"test-flag"},
		}
		if q.Source == "" && q.Cue == "" {
			// A quote standing alone: its speaker from the one before.
			at.Source, at.Cue = nil, nil
		}
		if q.Marker != "" {
			at.Markers = []claimtrail.Marker{{Type: q.Marker, Span: SpanOf(t, text, q.MarkerText)}}
		}
		a.Attributions = append(a.Attributions, at)
	}
	return a
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func bridge(t testing.TB) *claimtrail.Article {
	return Article(t, "https://a.example/bridge", "Daily Example", "2026-03-01T10:00:00Z", TextBridge,
		Quote{Speaker: "Ana Mayor", Source: "The mayor", Cue: "said", Content: `"the bridge will be rebuilt by spring"`, Channel: "interview"},
		Quote{Speaker: "Critics", Source: "Critics", Cue: "said", Content: "that funds were missing", Kind: claimtrail.KindIndirect,
			Marker: claimtrail.MarkerUnsupported, MarkerText: "without evidence"})
}

func port(t testing.TB) *claimtrail.Article {
	a := Article(t, "https://b.example/port", "Harbour Post", "2026-03-02T09:00:00Z", TextPort,
		Quote{Speaker: "Port officials", Source: "Port officials", Cue: "told reporters", Content: `"cargo volumes are at a record high"`, Kind: claimtrail.KindMixed})
	a.Attributions[0].AccordingTo = []string{"a statement"}
	a.Markers = []claimtrail.Marker{{Type: claimtrail.MarkerHedged, Span: SpanOf(t, TextPort, "Reportedly")}}
	return a
}

func river(t testing.TB) *claimtrail.Article {
	return Article(t, "", "River Times", "", TextRiver,
		Quote{Speaker: "Gale Governor", Source: "the governor", Cue: "wrote", Content: `"We will not raise taxes,"`, Channel: "Twitter",
			Aliases: []string{"Governor Gale"}},
		Quote{Speaker: "Gale Governor", Source: "The governor", Cue: "walked back", Content: `"the pledge"`,
			Marker: claimtrail.MarkerRetracted, MarkerText: "walked back"})
}

func put(t testing.TB, s Store, a *claimtrail.Article) claimtrail.PutOutcome {
	t.Helper()
	out, err := s.PutArticle(context.Background(), a)
	if err != nil {
		t.Fatalf("put %s: %v", a.Source, err)
	}
	return out
}

func testPutArticleIdentity(t *testing.T, s Store) {
	a := bridge(t)
	if got := put(t, s, a); got != claimtrail.PutInserted {
		t.Fatalf("first put: %s, want inserted", got)
	}
	if a.ID == 0 || a.Hash != claimtrail.HashText(a.Text) {
		t.Fatalf("put set id %d hash %q, want an id and the text hash", a.ID, a.Hash)
	}
	id := a.ID
	again := bridge(t)
	if got := put(t, s, again); got != claimtrail.PutUnchanged || again.ID != id {
		t.Errorf("same text and version: %s id %d, want unchanged id %d", got, again.ID, id)
	}
	newer := bridge(t)
	newer.ExtractorVersion = "v2"
	if got := put(t, s, newer); got != claimtrail.PutUpdated || newer.ID != id {
		t.Errorf("new extractor version: %s id %d, want updated id %d", got, newer.ID, id)
	}
	edited := bridge(t)
	edited.ExtractorVersion = "v2"
	edited.Text += " Updated."
	if got := put(t, s, edited); got != claimtrail.PutUpdated || edited.ID != id {
		t.Errorf("changed text at the same URL: %s id %d, want updated id %d", got, edited.ID, id)
	}
	// Without a URL the text is the identity: the same text twice is one
	// article, another text another.
	r1, r2 := river(t), river(t)
	put(t, s, r1)
	if got := put(t, s, r2); got != claimtrail.PutUnchanged || r2.ID != r1.ID {
		t.Errorf("same text without URL: %s id %d, want unchanged id %d", got, r2.ID, r1.ID)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 {
		t.Errorf("stats: %d articles, want 2", st.Articles)
	}
}

func testRoundTrip(t *testing.T, s Store) {
	ctx := context.Background()
	for _, want := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, want)
		got, err := s.Article(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Source != want.Source || got.URL != want.URL || got.Outlet != want.Outlet || got.Title != want.Title ||
			got.Text != want.Text || !got.Published.Equal(want.Published) || got.ExtractorVersion != want.ExtractorVersion ||
			got.Hash != claimtrail.HashText(want.Text) {
			t.Errorf("%s: article facts differ:\ngot  %+v\nwant %+v", want.Source, *got, *want)
		}
		if len(got.Attributions) != len(want.Attributions) {
			t.Fatalf("%s: %d attributions, want %d", want.Source, len(got.Attributions), len(want.Attributions))
		}
		for i, w := range want.Attributions {
			g := got.Attributions[i]
			if g.ID == 0 || g.ArticleID != want.ID || g.Kind != w.Kind || *g.Source != *w.Source || *g.Cue != *w.Cue ||
				!slices.Equal(g.Content, w.Content) || g.Speaker.Name != w.Speaker.Name || g.Speaker.Kind != w.Speaker.Kind ||
				g.Channel != w.Channel || !slices.Equal(g.AccordingTo, w.AccordingTo) || !slices.Equal(g.Flags, w.Flags) ||
				!equalMarkers(g.Markers, w.Markers) || g.Confidence != w.Confidence {
				t.Errorf("%s attribution %d differs:\ngot  %+v\nwant %+v", want.Source, i, g, w)
			}
		}
		if !equalMarkers(got.Markers, want.Markers) {
			t.Errorf("%s: article markers %v, want %v", want.Source, got.Markers, want.Markers)
		}
	}
}

func equalMarkers(a, b []claimtrail.Marker) bool {
	return len(a) == len(b) && (len(a) == 0 || slices.Equal(a, b))
}

func testBadArticleRefusedAlone(t *testing.T, s Store) {
	ctx := context.Background()
	good, bad, badURL := bridge(t), port(t), river(t)
	bad.Attributions[0].Content[0].End = len([]rune(bad.Text)) + 5
	badURL.URL = "javascript:alert(1)"
	res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{good, bad, badURL}})
	if err != nil {
		t.Fatalf("a bad article failed the batch: %v", err)
	}
	if len(res) != 3 {
		t.Fatalf("%d results for 3 articles", len(res))
	}
	if res[0].Err != nil || res[0].Outcome != claimtrail.PutInserted || res[0].ID == 0 {
		t.Errorf("good article: %+v", res[0])
	}
	for i := 1; i < 3; i++ {
		if claimtrail.ErrorCode(res[i].Err) != claimtrail.EINVALID {
			t.Errorf("bad article %d: err %v, want EINVALID", i, res[i].Err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Errors != 2 {
		t.Errorf("stats %+v: want 1 article and 2 errors", st)
	}
}

func testLookupArticle(t *testing.T, s Store) {
	ctx := context.Background()
	a, r := bridge(t), river(t)
	put(t, s, a)
	put(t, s, r)
	for _, tc := range []struct {
		name, url, hash string
		want            int64
	}{
		{"by url", a.URL, "whatever", a.ID},
		{"by hash without url", "", claimtrail.HashText(TextRiver), r.ID},
		{"unknown url", "https://c.example/none", claimtrail.HashText(TextRiver), 0},
		{"unknown hash", "", claimtrail.HashText("nope"), 0},
	} {
		st, err := s.LookupArticle(ctx, tc.url, tc.hash)
		if tc.want == 0 {
			if claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
				t.Errorf("%s: err %v, want ENOTFOUND", tc.name, err)
			}
			continue
		}
		if err != nil || st.ID != tc.want || st.ExtractorVersion != "v1" || st.Hash == "" {
			t.Errorf("%s: %+v %v, want id %d version v1", tc.name, st, err, tc.want)
		}
	}
}

func testArticleBySource(t *testing.T, s Store) {
	ctx := context.Background()
	a, r := bridge(t), river(t)
	put(t, s, a)
	put(t, s, r)
	for _, ref := range []string{a.URL, r.Source} {
		got, err := s.ArticleBySource(ctx, ref)
		if err != nil {
			t.Errorf("%q: %v", ref, err)
			continue
		}
		if got.Text == "" || (got.ID != a.ID && got.ID != r.ID) {
			t.Errorf("%q: got article %d", ref, got.ID)
		}
	}
	if _, err := s.ArticleBySource(ctx, "no/such/source"); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("unknown source: err %v, want ENOTFOUND", err)
	}
}

func testNotFound(t *testing.T, s Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, 987654); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("Article: err %v, want ENOTFOUND", err)
	}
	if _, err := s.Speaker(ctx, 987654); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("Speaker: err %v, want ENOTFOUND", err)
	}
	if _, err := s.Cluster(ctx, 987654); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("Cluster: err %v, want ENOTFOUND", err)
	}
}

// allRows pages through Attributions with f and returns every row.
func allRows(t *testing.T, s Store, f claimtrail.AttributionFilter) []claimtrail.AttributionRow {
	t.Helper()
	var out []claimtrail.AttributionRow
	for page := 0; ; page++ {
		rows, next, err := s.Attributions(context.Background(), f)
		if err != nil {
			t.Fatalf("attributions %+v: %v", f, err)
		}
		out = append(out, rows...)
		if next == "" {
			return out
		}
		if page > 100 {
			t.Fatal("cursor does not end")
		}
		f.After = next
	}
}

func testAttributionFilters(t *testing.T, s Store) {
	b, p, r := bridge(t), port(t), river(t)
	for _, a := range []*claimtrail.Article{b, p, r} {
		put(t, s, a)
	}
	since, _ := time.Parse(time.RFC3339, "2026-03-02T00:00:00Z")
	for _, tc := range []struct {
		name string
		f    claimtrail.AttributionFilter
		want []string // contents
	}{
		{"all", claimtrail.AttributionFilter{}, []string{`"the bridge will be rebuilt by spring"`, "that funds were missing", `"cargo volumes are at a record high"`, `"We will not raise taxes,"`, `"the pledge"`}},
		{"article", claimtrail.AttributionFilter{ArticleID: b.ID}, []string{`"the bridge will be rebuilt by spring"`, "that funds were missing"}},
		{"speaker", claimtrail.AttributionFilter{Speaker: "gale governor"}, []string{`"We will not raise taxes,"`, `"the pledge"`}},
		{"speaker alias", claimtrail.AttributionFilter{Speaker: "Governor Gale"}, []string{`"We will not raise taxes,"`, `"the pledge"`}},
		{"outlet", claimtrail.AttributionFilter{Outlet: "harbour post"}, []string{`"cargo volumes are at a record high"`}},
		{"kind", claimtrail.AttributionFilter{Kind: claimtrail.KindIndirect}, []string{"that funds were missing"}},
		{"marker", claimtrail.AttributionFilter{Marker: claimtrail.MarkerRetracted}, []string{`"the pledge"`}},
		{"channel", claimtrail.AttributionFilter{Channel: "twitter"}, []string{`"We will not raise taxes,"`}},
		{"since", claimtrail.AttributionFilter{Since: since}, []string{`"cargo volumes are at a record high"`}},
	} {
		var got []string
		for _, row := range allRows(t, s, tc.f) {
			got = append(got, row.ContentText())
			if row.ArticleSource == "" {
				t.Errorf("%s: row %d has no article source", tc.name, row.ID)
			}
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %q\nwant %q", tc.name, got, want)
		}
	}
	if _, _, err := s.Attributions(context.Background(), claimtrail.AttributionFilter{After: "not-a-cursor"}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("bad cursor: err %v, want EINVALID", err)
	}
}

func testAttributionPaging(t *testing.T, s Store) {
	for _, a := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, a)
	}
	all := allRows(t, s, claimtrail.AttributionFilter{})
	paged := allRows(t, s, claimtrail.AttributionFilter{Limit: 2})
	if len(all) != 5 || len(paged) != len(all) {
		t.Fatalf("%d rows in one page, %d in pages of 2; want 5", len(all), len(paged))
	}
	seen := map[int64]bool{}
	for i := range paged {
		if paged[i].ID != all[i].ID || seen[paged[i].ID] {
			t.Errorf("row %d: id %d paged, %d unpaged (order must be stable, no repeats)", i, paged[i].ID, all[i].ID)
		}
		seen[paged[i].ID] = true
	}
}

func testArticlePaging(t *testing.T, s Store) {
	ctx := context.Background()
	for _, a := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, a)
	}
	var ids []int64
	f := claimtrail.ArticleFilter{Limit: 1}
	for page := 0; ; page++ {
		arts, next, err := s.Articles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			ids = append(ids, a.ID)
		}
		if next == "" || page > 10 {
			break
		}
		f.After = next
	}
	slices.Sort(ids)
	if len(slices.Compact(ids)) != 3 {
		t.Errorf("pages of one gave articles %v, want 3 distinct", ids)
	}
	arts, _, err := s.Articles(ctx, claimtrail.ArticleFilter{Outlet: "Harbour Post"})
	if err != nil || len(arts) != 1 || arts[0].Outlet != "Harbour Post" {
		t.Errorf("outlet filter: %d articles, %v", len(arts), err)
	}
}

func testErrors(t *testing.T, s Store) {
	ctx := context.Background()
	now := time.Now().UTC()
	if err := s.RecordError(ctx, claimtrail.IngestError{Source: "x.txt", Reason: "first", Time: now}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordError(ctx, claimtrail.IngestError{Source: "x.txt", Reason: "second", Time: now.Add(time.Second)}); err != nil {
		t.Fatal(err)
	}
	errs, err := s.Errors(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || errs[0].Reason != "second" {
		t.Errorf("a source's later error replaces the earlier: %+v", errs)
	}
	// A batch records its errors and clears those of unchanged sources and
	// of articles stored.
	a := bridge(t)
	res, err := s.PutBatch(ctx, claimtrail.Batch{
		Errors:    []claimtrail.IngestError{{Source: a.Source, Reason: "fetch failed", Time: now}, {Source: "y.txt", Reason: "binary", Time: now}},
		Unchanged: []string{"x.txt"},
	})
	if err != nil || len(res) != 0 {
		t.Fatalf("errors-only batch: %v %v", res, err)
	}
	errs, _ = s.Errors(ctx, 0)
	if got := sources(errs); !slices.Equal(got, []string{a.Source, "y.txt"}) {
		t.Errorf("after batch: errors of %v, want %s and y.txt", got, a.Source)
	}
	put(t, s, a)
	errs, _ = s.Errors(ctx, 0)
	if got := sources(errs); !slices.Equal(got, []string{"y.txt"}) {
		t.Errorf("after storing %s: errors of %v, want y.txt only", a.Source, got)
	}
	if errs, _ := s.Errors(ctx, 1); len(errs) != 1 {
		t.Errorf("limit 1: %d errors", len(errs))
	}
}

func sources(errs []claimtrail.IngestError) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Source)
	}
	slices.Sort(out)
	return out
}

func testStaleArticles(t *testing.T, s Store) {
	ctx := context.Background()
	b, p, r := bridge(t), port(t), river(t)
	p.ExtractorVersion = "v2"
	for _, a := range []*claimtrail.Article{b, p, r} {
		put(t, s, a)
	}
	n, err := s.CountStale(ctx, "v2")
	if err != nil || n != 2 {
		t.Errorf("CountStale(v2) = %d, %v; want 2", n, err)
	}
	if n, _ := s.CountStale(ctx, ""); n != 3 {
		t.Errorf("CountStale(\"\") = %d, want 3", n)
	}
	var got []int64
	var after int64
	for {
		page, err := s.StaleArticles(ctx, "v2", after, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		if len(page) > 1 || page[0].Text == "" || page[0].ID <= after {
			t.Fatalf("page after %d: %d articles (want 1 with text, ids rising)", after, len(page))
		}
		got = append(got, page[0].ID)
		after = page[0].ID
	}
	want := []int64{b.ID, r.ID}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("stale ids %v, want %v", got, want)
	}
}

func testReindexByID(t *testing.T, s Store) {
	ctx := context.Background()
	a := bridge(t)
	put(t, s, a)
	re, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	re.Attributions = re.Attributions[:1]
	re.Attributions[0].Channel = "radio"
	re.ExtractorVersion = "v9"
	res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{re}})
	if err != nil || res[0].Err != nil || res[0].Outcome != claimtrail.PutUpdated || res[0].ID != a.ID {
		t.Fatalf("reindex put: %+v %v", res, err)
	}
	got, _ := s.Article(ctx, a.ID)
	if len(got.Attributions) != 1 || got.Attributions[0].Channel != "radio" || got.ExtractorVersion != "v9" {
		t.Errorf("after reindex: %d attributions, channel %q, version %q", len(got.Attributions), got.Attributions[0].Channel, got.ExtractorVersion)
	}
	st, _ := s.Stats(ctx)
	if st.Attributions != 1 {
		t.Errorf("stats: %d attributions after replacing 2 by 1", st.Attributions)
	}
}

func testStats(t *testing.T, s Store) {
	ctx := context.Background()
	for _, a := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, a)
	}
	none := river(t)
	none.Text = "No quotes here at all."
	none.Attributions = nil
	none.Outlet = ""
	put(t, s, none)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := claimtrail.Stats{Articles: 4, Attributions: 5, Speakers: 4, Outlets: 3, Bytes: st.Bytes, Clusters: st.Clusters}
	if st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
}

func testSpeakers(t *testing.T, s Store) {
	ctx := context.Background()
	for _, a := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, a)
	}
	list, err := s.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 || list[0].Name != "Gale Governor" || list[0].Attributions != 2 {
		t.Fatalf("speakers: %+v; want 4, the governor first with 2", list)
	}
	one, err := s.Speaker(ctx, list[0].ID)
	if err != nil || one.Name != "Gale Governor" || one.Articles != 1 {
		t.Errorf("speaker %d: %+v %v", list[0].ID, one, err)
	}
	if !slices.ContainsFunc(one.Aliases, func(a string) bool { return strings.EqualFold(a, "Governor Gale") }) {
		t.Errorf("aliases %q lack Governor Gale", one.Aliases)
	}
	found, err := s.Speakers(ctx, "mayor", 0)
	if err != nil || len(found) != 1 || found[0].Name != "Ana Mayor" {
		t.Errorf("speakers matching mayor: %+v %v", found, err)
	}
	// A later article naming a speaker by an alias is credited to it.
	later := Article(t, "https://c.example/later", "Daily Example", "2026-03-05T10:00:00Z", `Governor Gale said "no new taxes" again.`,
		Quote{Speaker: "Governor Gale", Source: "Governor Gale", Cue: "said", Content: `"no new taxes"`})
	put(t, s, later)
	rows := allRows(t, s, claimtrail.AttributionFilter{ArticleID: later.ID})
	if len(rows) != 1 || rows[0].Speaker.ID != list[0].ID {
		t.Errorf("quote by alias credited to speaker %+v, want id %d", rows[0].Speaker, list[0].ID)
	}
}

func testClustersPending(t *testing.T, s Store) {
	ctx := context.Background()
	pending := func(want bool, when string) {
		t.Helper()
		got, err := s.ClustersPending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: pending %v, want %v", when, got, want)
		}
	}
	pending(false, "empty store")
	a := bridge(t)
	put(t, s, a)
	pending(true, "after an insert")
	if _, err := s.RefreshClusters(ctx); err != nil {
		t.Fatal(err)
	}
	pending(false, "after refresh")
	put(t, s, bridge(t))
	pending(false, "after an unchanged put")
	if err := s.RecordError(ctx, claimtrail.IngestError{Source: "z", Reason: "r"}); err != nil {
		t.Fatal(err)
	}
	pending(false, "after recording an error")
	newer := bridge(t)
	newer.ExtractorVersion = "v2"
	put(t, s, newer)
	pending(true, "after an update")
	u, err := s.RefreshClusters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pending(false, "after the second refresh")
	if u.Clusters > 0 {
		// A store that clusters must have clustered the direct quote.
		rows := allRows(t, s, claimtrail.AttributionFilter{ArticleID: a.ID, Kind: claimtrail.KindDirect})
		if len(rows) != 1 || rows[0].ClusterID == 0 {
			t.Errorf("store reports %d clusters but the direct quote has none: %+v", u.Clusters, rows)
		}
	}
}

// testClusterUtterance: two quotes of one speaker next to each other in
// an article (the second a new attribution) are one utterance, so the
// outlets that quote one piece each are in its one trail; each member
// keeps its own words and place.
func testClusterUtterance(t *testing.T, s Store) {
	ctx := context.Background()
	const (
		pieceA = "We will rebuild the old harbour bridge before the spring floods arrive"
		pieceB = "Every family on the river will get a new flood barrier by the autumn"
		textA  = `"` + pieceA + `," the mayor said. "` + pieceB + `," she added.`
		textB  = `The mayor promised that "` + pieceB + `" at a meeting.`
		textC  = `"` + pieceA + `," Ana Mayor told reporters.`
	)
	a := Article(t, "https://a.example/utterance", "Daily Example", "2026-03-01T10:00:00Z", textA,
		Quote{Speaker: "Ana Mayor", Source: "the mayor", Cue: "said", Content: `"` + pieceA + `,"`},
		Quote{Speaker: "Ana Mayor", Source: "she", Cue: "added", Content: `"` + pieceB + `,"`})
	b := Article(t, "https://b.example/utterance", "Harbour Post", "2026-03-02T10:00:00Z", textB,
		Quote{Speaker: "Ana Mayor", Source: "The mayor", Cue: "promised", Kind: claimtrail.KindMixed,
			Content: `that "` + pieceB + `"`})
	c := Article(t, "https://c.example/utterance", "River News", "2026-03-03T10:00:00Z", textC,
		Quote{Speaker: "Ana Mayor", Source: "Ana Mayor", Cue: "told", Content: `"` + pieceA + `,"`})
	list := clusteredAcross(t, s, a, b, c)
	if len(list) != 1 || list[0].Articles != 3 || list[0].Quotes != 4 {
		t.Fatalf("clusters %+v, want one of 4 quotes in 3 articles", list)
	}
	full, err := s.Cluster(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(full.Text, pieceA) || !strings.Contains(full.Text, pieceB) {
		t.Errorf("cluster text %q, want the whole utterance", full.Text)
	}
	for _, m := range full.Members {
		if own := strings.TrimSuffix(m.Text, ","); own != pieceA && own != pieceB {
			t.Errorf("member %d of article %d: text %q, want its own piece", m.AttributionID, m.ArticleID, m.Text)
		}
	}
}

// testClusterUtteranceAlone: a quote standing alone (no source or cue)
// after a piece of its speaker continues it across a long cue, and so
// does a quote whose cue says she went on ("She added"), so the outlets
// that quote one piece each are in one trail.
func testClusterUtteranceAlone(t *testing.T, s Store) {
	const (
		pieceA = "We will rebuild the old harbour bridge before the spring floods arrive"
		pieceB = "Every family on the river will get a new flood barrier by the autumn"
		pieceC = "Nobody on the council has shown me a cheaper way to protect the docks"
		textA  = `"` + pieceA + `," said Ana Mayor, who has led the city council of Port Halden since the election in the spring of last year. "` + pieceB + `."` +
			"\n\n" + `She added, speaking to reporters after the meeting of the council: "` + pieceC + `."`
		textB = `The mayor promised that "` + pieceB + `" at a meeting.`
		textC = `"` + pieceA + `," Ana Mayor told reporters.`
	)
	a := Article(t, "https://a.example/alone", "Daily Example", "2026-03-01T10:00:00Z", textA,
		Quote{Speaker: "Ana Mayor", Source: "Ana Mayor", Cue: "said", Content: `"` + pieceA + `,"`},
		Quote{Speaker: "Ana Mayor", Content: `"` + pieceB + `."`},
		Quote{Speaker: "Ana Mayor", Source: "She", Cue: "added", Content: `"` + pieceC + `."`})
	b := Article(t, "https://b.example/alone", "Harbour Post", "2026-03-02T10:00:00Z", textB,
		Quote{Speaker: "Ana Mayor", Source: "The mayor", Cue: "promised", Kind: claimtrail.KindMixed,
			Content: `that "` + pieceB + `"`})
	c := Article(t, "https://c.example/alone", "River News", "2026-03-03T10:00:00Z", textC,
		Quote{Speaker: "Ana Mayor", Source: "Ana Mayor", Cue: "told", Content: `"` + pieceA + `,"`})
	list := clusteredAcross(t, s, a, b, c)
	if len(list) != 1 || list[0].Articles != 3 || list[0].Quotes != 5 {
		t.Fatalf("clusters %+v, want one of 5 quotes in 3 articles", list)
	}
}

// testClusterListOrder: the listing is in claimtrail.CompareClusterOrder's
// order at every page size, cursors included: clusters of the same
// article count (two) by first seen, newest first, against their id
// order; one of three articles before them, those of one article after.
func testClusterListOrder(t *testing.T, s Store) {
	ctx := context.Background()
	quotes := ListingQuotes[:6]
	copies := []int{2, 2, 3, 2, 1, 2}
	days := []int{3, 9, 1, 5, 2, 7} // the first of each quote's articles
	var arts []*claimtrail.Article
	for i, q := range quotes {
		for k := range copies[i] {
			text := fmt.Sprintf(`Report %d-%d: "%s," Ana Mayor said.`, i, k, q)
			arts = append(arts, Article(t, fmt.Sprintf("https://o%d.example/%d", k, i), fmt.Sprintf("Outlet %d", k),
				fmt.Sprintf("2026-03-%02dT10:00:00Z", days[i]+k), text,
				Quote{Speaker: "Ana Mayor", Source: "Ana Mayor", Cue: "said", Content: `"` + q + `,"`}))
		}
	}
	clusteredAcross(t, s, arts...)
	all, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(quotes) {
		t.Fatalf("%d clusters, want %d", len(all), len(quotes))
	}
	var two []claimtrail.Cluster
	for _, c := range all {
		if c.Articles == 2 {
			two = append(two, c)
		}
	}
	if len(two) != 4 || !slices.IsSortedFunc(two, func(a, b claimtrail.Cluster) int { return b.FirstSeen.Compare(a.FirstSeen) }) {
		t.Errorf("clusters of two articles %+v, want four, newest first seen first", two)
	}
	if slices.IsSortedFunc(two, func(a, b claimtrail.Cluster) int { return cmp.Compare(a.ID, b.ID) }) {
		t.Fatal("the test's clusters of two articles are in id order: choose other quotes or days")
	}
	if !slices.IsSortedFunc(all, claimtrail.CompareClusterOrder) || all[0].Articles != 3 || all[len(all)-1].Articles != 1 {
		t.Errorf("listing %+v, not in CompareClusterOrder's order", all)
	}
	for limit := 1; limit <= len(all); limit++ {
		var got []int64
		f := claimtrail.ClusterFilter{Limit: limit}
		for range len(all) + 1 {
			page, next, err := s.Clusters(ctx, f)
			if err != nil {
				t.Fatalf("limit %d: %v", limit, err)
			}
			for _, c := range page {
				got = append(got, c.ID)
			}
			if next == "" {
				break
			}
			f.After = next
		}
		var want []int64
		for _, c := range all {
			want = append(want, c.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("limit %d: paged %v, want %v", limit, got, want)
		}
	}
}

// testClusterSpeech: two outlets quoting one answer share only a short
// stretch of its words; they are one trail once a quote of each names
// the speaker within a week (trail's speech rule), and the evidence may
// come with a later copy of a stored form, in a later refresh.
func testClusterSpeech(t *testing.T, s Store) {
	ctx := context.Background()
	const (
		long  = "I'm not going to talk about this anymore, I think if I gave a speech to a thousand people I would not answer one heckler"
		short = "You know I'm not going to talk about this anymore."
		textA = `"` + long + `," Anton Weir told reporters.`
		textB = `Asked about the photo, the congressman said: "` + short + `"`
		textC = `"` + short + `" Anton Weir said on Tuesday.`
	)
	a := Article(t, "https://a.example/speech", "Daily Example", "2026-03-01T10:00:00Z", textA,
		Quote{Speaker: "Anton Weir", Source: "Anton Weir", Cue: "told", Content: `"` + long + `,"`})
	b := Article(t, "https://b.example/speech", "Harbour Post", "2026-03-02T10:00:00Z", textB,
		Quote{Source: "the congressman", Cue: "said", Content: `"` + short + `"`})
	if list := clusteredAcross(t, s, a, b); len(list) != 0 {
		t.Fatalf("clusters %+v, want none: no quote of the short form names the speaker", list)
	}
	c := Article(t, "https://c.example/speech", "River News", "2026-03-02T12:00:00Z", textC,
		Quote{Speaker: "Anton Weir", Source: "Anton Weir", Cue: "said", Content: `"` + short + `"`})
	list := clusteredAcross(t, s, c)
	if len(list) != 1 || list[0].Articles != 3 {
		t.Fatalf("clusters %+v, want one of 3 articles", list)
	}
	if _, err := s.Cluster(ctx, list[0].ID); err != nil {
		t.Fatal(err)
	}
}

// testClusterPieces: each verbatim piece of an attribution is a member
// of its own cluster, so a mixed quote citing two remarks joins both of
// their trails (and does not bridge them).
func testClusterPieces(t *testing.T, s Store) {
	ctx := context.Background()
	const (
		textA = `The mayor said the city "will rebuild the old harbour bridge before the spring floods arrive" and, in a long answer about the budget and the council's plans for next year, promised "every family on the river will get a new flood barrier".`
		textB = `"We will rebuild the old harbour bridge before the spring floods arrive," the mayor said.`
		textC = `The mayor told residents that "every family on the river will get a new flood barrier" this year.`
	)
	a := Article(t, "https://a.example/pieces", "Daily Example", "2026-03-01T10:00:00Z", textA,
		Quote{Speaker: "Ana Mayor", Source: "The mayor", Cue: "said", Kind: claimtrail.KindMixed,
			Content: textA[strings.Index(textA, "the city"):strings.LastIndex(textA, ".")]})
	b := Article(t, "https://b.example/pieces", "Harbour Post", "2026-03-02T10:00:00Z", textB,
		Quote{Speaker: "Ana Mayor", Source: "the mayor", Cue: "said", Content: `"We will rebuild the old harbour bridge before the spring floods arrive,"`})
	c := Article(t, "https://c.example/pieces", "River News", "2026-03-03T10:00:00Z", textC,
		Quote{Speaker: "Ana Mayor", Source: "The mayor", Cue: "told residents", Kind: claimtrail.KindMixed,
			Content: `that "every family on the river will get a new flood barrier"`})
	list := clusteredAcross(t, s, a, b, c)
	if len(list) != 2 {
		t.Fatalf("%d clusters with two articles, want 2 (one per piece): %+v", len(list), list)
	}
	pieceOf := map[int]int64{} // piece of a's attribution -> cluster
	for _, sum := range list {
		full, err := s.Cluster(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if full.Quotes != len(full.Members) || full.Articles != 2 {
			t.Errorf("cluster %d: %d quotes, %d members, %d articles; want 2 members in 2 articles", full.ID, full.Quotes, len(full.Members), full.Articles)
		}
		for _, m := range full.Members {
			if m.ArticleID != a.ID {
				continue
			}
			if _, dup := pieceOf[m.Piece]; dup {
				t.Errorf("piece %d in two clusters", m.Piece)
			}
			pieceOf[m.Piece] = full.ID
			want := SpanOf(t, textA, "will rebuild the old harbour bridge before the spring floods arrive")
			if m.Piece == 1 {
				want = SpanOf(t, textA, "every family on the river will get a new flood barrier")
			}
			if m.Start != want.Start || m.End != want.End || m.Text != want.Text {
				t.Errorf("piece %d at %d-%d %q, want %d-%d %q", m.Piece, m.Start, m.End, m.Text, want.Start, want.End, want.Text)
			}
		}
	}
	if len(pieceOf) != 2 || pieceOf[0] == pieceOf[1] {
		t.Fatalf("pieces of the mixed quote in clusters %v, want pieces 0 and 1 in two clusters", pieceOf)
	}
	rows := allRows(t, s, claimtrail.AttributionFilter{ClusterID: pieceOf[1]})
	if !slices.ContainsFunc(rows, func(r claimtrail.AttributionRow) bool { return r.ArticleID == a.ID }) {
		t.Errorf("filter by the second piece's cluster misses the attribution quoting it: %+v", rows)
	}
}

func testSearch(t *testing.T, s Store) {
	ctx := context.Background()
	for _, a := range []*claimtrail.Article{bridge(t), port(t), river(t)} {
		put(t, s, a)
	}
	hits, err := s.Search(ctx, "bridge spring", claimtrail.AttributionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || !strings.Contains(hits[0].ContentText(), "bridge will be rebuilt") || hits[0].Snippet == "" {
		t.Errorf("search bridge spring: %+v", hits)
	}
	hits, err = s.Search(ctx, "taxes", claimtrail.AttributionFilter{Outlet: "Daily Example"})
	if err != nil || len(hits) != 0 {
		t.Errorf("search taxes in another outlet: %d hits, %v", len(hits), err)
	}
	hits, err = s.Search(ctx, "expand", claimtrail.AttributionFilter{InArticles: true})
	if err != nil || len(hits) != 1 || hits[0].ArticleID == 0 {
		t.Errorf("article search expand: %+v %v", hits, err)
	}
	if _, err := s.Search(ctx, "", claimtrail.AttributionFilter{}); err == nil {
		t.Error("empty search: no error")
	} else if code := claimtrail.ErrorCode(err); code != claimtrail.EINVALID {
		t.Errorf("empty search: code %s, want EINVALID", code)
	}
}

// clusteredAcross stores the articles, refreshes the clusters and lists
// those spanning two articles or more; it skips the test for a store that
// does not cluster.
func clusteredAcross(t *testing.T, s Store, arts ...*claimtrail.Article) []claimtrail.Cluster {
	t.Helper()
	for _, art := range arts {
		put(t, s, art)
	}
	ctx := context.Background()
	u, err := s.RefreshClusters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if u.Clusters == 0 {
		t.Skip("store does not cluster")
	}
	list, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{MinArticles: 2})
	if err != nil {
		t.Fatal(err)
	}
	return list
}
