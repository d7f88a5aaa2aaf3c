package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// span finds needle in text and returns its code-point span.
func span(t *testing.T, text, needle string) *claimtrail.Span {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in text", needle)
	}
	start := len([]rune(text[:i]))
	return &claimtrail.Span{Start: start, End: start + len([]rune(needle)), Text: needle}
}

// quote is a test attribution: speaker says content with cue.
type quote struct {
	speaker, source, cue, content string
	kind                          claimtrail.Kind
	channel                       string
	marker                        claimtrail.MarkerType
	markerText                    string
	aliases                       []string
}

func article(t *testing.T, url, outlet, published, text string, quotes ...quote) *claimtrail.Article {
	t.Helper()
	a := &claimtrail.Article{
		Source:           "test/" + strings.ReplaceAll(text[:min(10, len(text))], " ", "_"),
		URL:              url,
		Outlet:           outlet,
		Title:            "Title of " + outlet,
		Text:             text,
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
		a.Published = p
	}
	for _, q := range quotes {
		at := claimtrail.Attribution{
			Kind:        q.kind,
			Source:      span(t, text, q.source),
			Cue:         span(t, text, q.cue),
			Content:     []claimtrail.Span{*span(t, text, q.content)},
			Speaker:     claimtrail.Speaker{Name: q.speaker, Kind: claimtrail.SpeakerPerson, Aliases: q.aliases},
			Channel:     claimtrail.Channel(q.channel),
			AccordingTo: []string{},
			Confidence:  0.9,
			Flags:       []string{"test-flag"},
		}
		if at.Kind == "" {
			at.Kind = claimtrail.KindDirect
		}
		if q.marker != "" {
			at.Markers = []claimtrail.Marker{{Type: q.marker, Span: *span(t, text, q.markerText)}}
		}
		a.Attributions = append(a.Attributions, at)
	}
	return a
}

const (
	textBridge = `The mayor said "the bridge will be rebuilt by spring" on Tuesday. Critics said without evidence that funds were missing.`
	textPort   = `Port officials told reporters that "cargo volumes are at a record high", according to a statement. Reportedly, the port will expand.`
	textRiver  = `"We will not raise taxes," the governor wrote on Twitter. The governor later walked back "the pledge".`
)

func TestOpenMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, m := range migrations {
		want = max(want, m.Version)
	}
	if v != want {
		t.Errorf("schema version %d, want %d", v, want)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopening applies nothing twice (a second CREATE TABLE would fail).
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	var mode string
	if err := s.rw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
	var fk int
	if err := s.ro.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign keys %d (%v), want 1", fk, err)
	}
	s.Close()
}

func TestRegisterMigrationDuplicatePanics(t *testing.T) {
	saved := slices.Clone(migrations)
	defer func() { migrations = saved }()
	defer func() {
		if recover() == nil {
			t.Error("duplicate migration version did not panic")
		}
	}()
	registerMigration(migration{Version: 1, Name: "again"})
}

func TestPutArticleIdempotentAndUpdate(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		first  func(t *testing.T) *claimtrail.Article
		second func(t *testing.T) *claimtrail.Article
		want   claimtrail.PutOutcome
		// wantArticles is the article count after both puts.
		wantArticles int
	}{
		{"same url same text", func(t *testing.T) *claimtrail.Article {
			return article(t, "https://a.example/1", "A", "", textBridge)
		}, func(t *testing.T) *claimtrail.Article {
			return article(t, "https://a.example/1", "A", "", textBridge)
		}, claimtrail.PutUnchanged, 1},
		{"no url same text", func(t *testing.T) *claimtrail.Article {
			return article(t, "", "A", "", textBridge)
		}, func(t *testing.T) *claimtrail.Article {
			a := article(t, "", "A", "", textBridge)
			a.Source = "elsewhere/copy.txt"
			return a
		}, claimtrail.PutUnchanged, 1},
		{"same url changed text", func(t *testing.T) *claimtrail.Article {
			return article(t, "https://a.example/1", "A", "", textBridge)
		}, func(t *testing.T) *claimtrail.Article {
			return article(t, "https://a.example/1", "A", "", textPort)
		}, claimtrail.PutUpdated, 1},
		{"same text new extractor", func(t *testing.T) *claimtrail.Article {
			return article(t, "https://a.example/1", "A", "", textBridge)
		}, func(t *testing.T) *claimtrail.Article {
			a := article(t, "https://a.example/1", "A", "", textBridge)
			a.ExtractorVersion = "v2"
			return a
		}, claimtrail.PutUpdated, 1},
		{"same text two urls", func(t *testing.T) *claimtrail.Article {
			return article(t, "https://a.example/1", "A", "", textBridge)
		}, func(t *testing.T) *claimtrail.Article {
			return article(t, "https://b.example/1", "B", "", textBridge)
		}, claimtrail.PutInserted, 2},
		{"no url changed text", func(t *testing.T) *claimtrail.Article {
			return article(t, "", "A", "", textBridge)
		}, func(t *testing.T) *claimtrail.Article {
			return article(t, "", "A", "", textPort)
		}, claimtrail.PutInserted, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			first := tt.first(t)
			if got, err := s.PutArticle(ctx, first); err != nil || got != claimtrail.PutInserted {
				t.Fatalf("first put: %v, %v", got, err)
			}
			second := tt.second(t)
			got, err := s.PutArticle(ctx, second)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("second put: %s, want %s", got, tt.want)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != tt.wantArticles {
				t.Errorf("%d articles, want %d", st.Articles, tt.wantArticles)
			}
			if tt.want != claimtrail.PutInserted && second.ID != first.ID {
				t.Errorf("second put got id %d, want the first's %d", second.ID, first.ID)
			}
		})
	}
}

func TestUpdateReplacesAttributions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := article(t, "https://a.example/1", "A", "2024-03-01T10:00:00Z", textBridge,
		quote{speaker: "Jane Doe", source: "The mayor", cue: "said", content: "the bridge will be rebuilt by spring"},
		quote{speaker: "Critics", source: "Critics", cue: "said", content: "funds were missing", kind: claimtrail.KindIndirect,
			marker: claimtrail.MarkerUnsupported, markerText: "without evidence"})
	a.Markers = []claimtrail.Marker{{Type: claimtrail.MarkerHedged, Span: *span(t, textBridge, "on Tuesday")}}
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Attributions) != 2 || len(got.Markers) != 1 {
		t.Fatalf("stored %d attributions, %d markers; want 2, 1", len(got.Attributions), len(got.Markers))
	}
	if c := got.Attributions[0].Content[0]; c != a.Attributions[0].Content[0] {
		t.Errorf("content %+v, want %+v", c, a.Attributions[0].Content[0])
	}
	if m := got.Attributions[1].Markers; len(m) != 1 || m[0].Type != claimtrail.MarkerUnsupported || m[0].Text != "without evidence" {
		t.Errorf("markers %+v", m)
	}
	if !got.Published.Equal(a.Published) || got.Published.Location() != time.UTC {
		t.Errorf("published %v, want %v in UTC", got.Published, a.Published)
	}

	b := article(t, "https://a.example/1", "A", "2024-03-02T10:00:00Z", textPort,
		quote{speaker: "Port officials", source: "Port officials", cue: "told reporters", content: "cargo volumes are at a record high"})
	if out, err := s.PutArticle(ctx, b); err != nil || out != claimtrail.PutUpdated {
		t.Fatalf("update: %v %v", out, err)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Attributions != 1 || st.Speakers != 1 {
		t.Errorf("after update: %d articles, %d attributions, %d speakers; want 1, 1, 1 (the replaced speakers pruned)", st.Articles, st.Attributions, st.Speakers)
	}
	var markers, spans, fts int
	s.ro.QueryRow(`SELECT count(*) FROM markers`).Scan(&markers)
	s.ro.QueryRow(`SELECT count(*) FROM content_spans`).Scan(&spans)
	s.ro.QueryRow(`SELECT count(*) FROM quotes_fts`).Scan(&fts)
	if markers != 0 || spans != 1 || fts != 1 {
		t.Errorf("after update: %d markers, %d spans, %d indexed quotes; want 0, 1, 1", markers, spans, fts)
	}
	hits, err := s.Search(ctx, "bridge", claimtrail.AttributionFilter{})
	if err != nil || len(hits) != 0 {
		t.Errorf("old quote still found: %d hits, %v", len(hits), err)
	}
	hits, err = s.Search(ctx, "bridge", claimtrail.AttributionFilter{InArticles: true})
	if err != nil || len(hits) != 0 {
		t.Errorf("old text still found: %d hits, %v", len(hits), err)
	}
}

func TestPutBatchRefusesBadArticleAlone(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	good := article(t, "https://a.example/good", "A", "", textBridge,
		quote{speaker: "Jane Doe", source: "The mayor", cue: "said", content: "the bridge will be rebuilt by spring"})
	bad := article(t, "https://a.example/bad", "A", "", textPort,
		quote{speaker: "New Speaker", source: "Port officials", cue: "told reporters", content: "cargo volumes are at a record high"})
	bad.Attributions[0].Content[0].End += 1000
	empty := &claimtrail.Article{Source: "empty.txt", Text: "  \n"}
	res, err := s.PutBatch(ctx, claimtrail.Batch{
		Articles: []*claimtrail.Article{bad, good, empty},
		Errors:   []claimtrail.IngestError{{Source: "broken.warc", Reason: "truncated WARC"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err == nil || claimtrail.ErrorCode(res[0].Err) != claimtrail.EINVALID {
		t.Errorf("bad article: %v, want EINVALID", res[0].Err)
	}
	if res[1].Err != nil || res[1].Outcome != claimtrail.PutInserted {
		t.Errorf("good article: %+v", res[1])
	}
	if res[2].Err == nil {
		t.Errorf("empty article accepted")
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Speakers != 1 || st.Errors != 3 {
		t.Errorf("stats %+v, want 1 article, 1 speaker, 3 errors", st)
	}
	errs, err := s.Errors(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, e := range errs {
		sources = append(sources, e.Source)
		if e.Reason == "" || e.Time.IsZero() {
			t.Errorf("error without reason or time: %+v", e)
		}
	}
	slices.Sort(sources)
	if want := []string{"broken.warc", "empty.txt", "https://a.example/bad"}; !slices.Equal(sources, want) {
		t.Errorf("error sources %v, want %v", sources, want)
	}
	// Recording again replaces; fixing the article clears it.
	if err := s.RecordError(ctx, claimtrail.IngestError{Source: "broken.warc", Reason: "still truncated"}); err != nil {
		t.Fatal(err)
	}
	bad.Attributions[0].Content[0].End -= 1000
	if _, err := s.PutArticle(ctx, bad); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, claimtrail.Batch{Unchanged: []string{"empty.txt"}}); err != nil {
		t.Fatal(err)
	}
	errs, _ = s.Errors(ctx, 10)
	if len(errs) != 1 || errs[0].Reason != "still truncated" {
		t.Errorf("errors after fixes: %+v, want only broken.warc, still truncated", errs)
	}
}

func TestLookupArticle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := article(t, "https://a.example/1", "A", "", textBridge)
	b := article(t, "", "B", "", textPort)
	for _, x := range []*claimtrail.Article{a, b} {
		if _, err := s.PutArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		url, hash string
		wantID    int64
	}{
		{"https://a.example/1", "whatever", a.ID},
		{"https://a.example/2", HashText(textBridge), 0},
		{"", HashText(textPort), b.ID},
		{"", HashText(textBridge), a.ID},
		{"", HashText("nope"), 0},
	}
	for _, tt := range tests {
		st, err := s.LookupArticle(ctx, tt.url, tt.hash)
		if tt.wantID == 0 {
			if claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
				t.Errorf("lookup(%q, %.8s): %+v %v, want not found", tt.url, tt.hash, st, err)
			}
			continue
		}
		if err != nil || st.ID != tt.wantID || st.ExtractorVersion != "v1" {
			t.Errorf("lookup(%q, %.8s): %+v %v, want id %d", tt.url, tt.hash, st, err, tt.wantID)
		}
	}
}

// fixtureStore holds three articles over three days from two outlets.
func fixtureStore(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	arts := []*claimtrail.Article{
		article(t, "https://ledger.example/bridge", "Lakeside Ledger", "2024-03-01T10:00:00Z", textBridge,
			quote{speaker: "Jane Doe", source: "The mayor", cue: "said", content: "the bridge will be rebuilt by spring", aliases: []string{"Mayor Doe"}},
			quote{speaker: "Critics", source: "Critics", cue: "said", content: "funds were missing", kind: claimtrail.KindIndirect,
				marker: claimtrail.MarkerUnsupported, markerText: "without evidence"}),
		article(t, "https://harbor.example/port", "Harbor Daily", "2024-03-03T08:00:00+02:00", textPort,
			quote{speaker: "Port officials", source: "Port officials", cue: "told reporters", content: "cargo volumes are at a record high", channel: "press conference"}),
		article(t, "", "Harbor Daily", "", textRiver,
			quote{speaker: "Jane Doe", source: "the governor", cue: "wrote", content: "We will not raise taxes,", channel: "Twitter"},
			quote{speaker: "Jane Doe", source: "The governor", cue: "walked back", content: "the pledge", kind: claimtrail.KindMixed,
				marker: claimtrail.MarkerRetracted, markerText: "walked back"}),
	}
	if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAttributionFilters(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	day := func(d string) time.Time { t2, _ := time.Parse("2006-01-02", d); return t2 }
	tests := []struct {
		name string
		f    claimtrail.AttributionFilter
		want []string // contents, in listing order
	}{
		{"all, dated first then undated", claimtrail.AttributionFilter{},
			[]string{"the bridge will be rebuilt by spring", "funds were missing", "cargo volumes are at a record high", "We will not raise taxes,", "the pledge"}},
		{"speaker by name, any case", claimtrail.AttributionFilter{Speaker: "jane doe"},
			[]string{"the bridge will be rebuilt by spring", "We will not raise taxes,", "the pledge"}},
		{"speaker by alias", claimtrail.AttributionFilter{Speaker: "Mayor Doe"},
			[]string{"the bridge will be rebuilt by spring", "We will not raise taxes,", "the pledge"}},
		{"outlet", claimtrail.AttributionFilter{Outlet: "harbor daily"},
			[]string{"cargo volumes are at a record high", "We will not raise taxes,", "the pledge"}},
		{"since", claimtrail.AttributionFilter{Since: day("2024-03-02")}, []string{"cargo volumes are at a record high"}},
		{"until", claimtrail.AttributionFilter{Until: day("2024-03-02")}, []string{"the bridge will be rebuilt by spring", "funds were missing"}},
		{"kind", claimtrail.AttributionFilter{Kind: claimtrail.KindIndirect}, []string{"funds were missing"}},
		{"marker", claimtrail.AttributionFilter{Marker: claimtrail.MarkerRetracted}, []string{"the pledge"}},
		{"channel", claimtrail.AttributionFilter{Channel: "twitter"}, []string{"We will not raise taxes,"}},
		{"combined", claimtrail.AttributionFilter{Speaker: "Jane Doe", Outlet: "Lakeside Ledger"}, []string{"the bridge will be rebuilt by spring"}},
		{"nobody", claimtrail.AttributionFilter{Speaker: "Nobody"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, next, err := s.Attributions(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.ContentText())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if next != "" {
				t.Errorf("next cursor %q on a single page", next)
			}
		})
	}
}

func TestAttributionRowDetails(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	rows, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{Channel: "press conference"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	r := rows[0]
	if r.Outlet != "Harbor Daily" || r.URL != "https://harbor.example/port" || r.Title == "" || r.ArticleSource == "" {
		t.Errorf("article facts missing: %+v", r)
	}
	if want := time.Date(2024, 3, 3, 6, 0, 0, 0, time.UTC); !r.Published.Equal(want) {
		t.Errorf("published %v, want %v", r.Published, want)
	}
	if r.Speaker.Name != "Port officials" || r.Speaker.Kind != claimtrail.SpeakerPerson || r.Speaker.ID == 0 {
		t.Errorf("speaker %+v", r.Speaker)
	}
	if r.Cue == nil || r.Cue.Text != "told reporters" || r.Source == nil || r.Source.Text != "Port officials" {
		t.Errorf("cue %+v source %+v", r.Cue, r.Source)
	}
	if !slices.Equal(r.Flags, []string{"test-flag"}) || r.Confidence != 0.9 {
		t.Errorf("flags %v confidence %v", r.Flags, r.Confidence)
	}
}

func TestAttributionBadFilters(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	for _, f := range []claimtrail.AttributionFilter{
		{Kind: "shouted"},
		{Marker: "sarcastic"},
		{Limit: -1},
		{Limit: maxLimit + 1},
		{After: "not a cursor"},
		{Since: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if _, _, err := s.Attributions(ctx, f); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			t.Errorf("%+v: %v, want EINVALID", f, err)
		}
	}
}

func TestAttributionPagination(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	all, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 2, 4} {
		var got []int64
		after := ""
		for pages := 0; ; pages++ {
			if pages > len(all) {
				t.Fatalf("page size %d: pagination does not end", size)
			}
			rows, next, err := s.Attributions(ctx, claimtrail.AttributionFilter{Limit: size, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) > size {
				t.Fatalf("page of %d rows, limit %d", len(rows), size)
			}
			for _, r := range rows {
				got = append(got, r.ID)
			}
			if next == "" {
				break
			}
			after = next
		}
		var want []int64
		for _, r := range all {
			want = append(want, r.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("page size %d: ids %v, want %v", size, got, want)
		}
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	tests := []struct {
		query       string
		f           claimtrail.AttributionFilter
		wantContent []string
		wantSnippet string
	}{
		{"bridge", claimtrail.AttributionFilter{}, []string{"the bridge will be rebuilt by spring"}, "[bridge]"},
		{"rebuilding", claimtrail.AttributionFilter{}, nil, ""}, // porter: rebuilding → rebuild, rebuilt stays
		{"volume", claimtrail.AttributionFilter{}, []string{"cargo volumes are at a record high"}, "[volumes]"},
		{`"record high"`, claimtrail.AttributionFilter{}, []string{"cargo volumes are at a record high"}, "[record high]"},
		{"jane", claimtrail.AttributionFilter{}, []string{"the bridge will be rebuilt by spring", "We will not raise taxes,", "the pledge"}, ""},
		{"jane taxes", claimtrail.AttributionFilter{}, []string{"We will not raise taxes,"}, "[taxes]"},
		{"jane", claimtrail.AttributionFilter{Outlet: "Lakeside Ledger"}, []string{"the bridge will be rebuilt by spring"}, ""},
		{"bridge OR pledge", claimtrail.AttributionFilter{}, []string{"the bridge will be rebuilt by spring", "the pledge"}, ""},
		{"won't it's U.S.", claimtrail.AttributionFilter{}, nil, ""},
		{"reb*", claimtrail.AttributionFilter{}, []string{"the bridge will be rebuilt by spring"}, "[rebuilt]"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ContentText())
				if h.Speaker.Name == "" {
					t.Errorf("hit without speaker: %+v", h)
				}
			}
			slices.Sort(got)
			want := slices.Clone(tt.wantContent)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("hits %q, want %q", got, want)
			}
			if tt.wantSnippet != "" && (len(hits) == 0 || !strings.Contains(hits[0].MarkedSnippet("[", "]"), tt.wantSnippet)) {
				t.Errorf("snippet of first hit does not contain %q: %+v", tt.wantSnippet, hits)
			}
		})
	}
	for _, q := range []string{"", "   ", "OR", "!!!"} {
		if _, err := s.Search(ctx, q, claimtrail.AttributionFilter{}); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			t.Errorf("search %q: %v, want EINVALID", q, err)
		}
	}
}

func TestSearchArticles(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	hits, err := s.Search(ctx, "port expand", claimtrail.AttributionFilter{InArticles: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].URL != "https://harbor.example/port" || !strings.Contains(hits[0].MarkedSnippet("[", "]"), "[expand]") || hits[0].ID != 0 {
		t.Errorf("hits %+v", hits)
	}
	hits, err = s.Search(ctx, "governor", claimtrail.AttributionFilter{InArticles: true, Speaker: "Port officials"})
	if err != nil || len(hits) != 0 {
		t.Errorf("speaker filter on article search: %d hits, %v", len(hits), err)
	}
}

func TestSpeakers(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	all, err := s.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, sp := range all {
		names = append(names, sp.Name)
	}
	if want := []string{"Jane Doe", "Critics", "Port officials"}; !slices.Equal(names, want) {
		t.Errorf("speakers %v, want %v (most quoted first, then name)", names, want)
	}
	jane := all[0]
	if jane.Attributions != 3 || jane.Articles != 2 || jane.Outlets != 2 || !slices.Equal(jane.Aliases, []string{"Mayor Doe"}) {
		t.Errorf("Jane Doe: %+v", jane)
	}
	if jane.FirstSeen.IsZero() || !jane.FirstSeen.Equal(jane.LastSeen) {
		t.Errorf("Jane Doe seen %v..%v; want the one dated article", jane.FirstSeen, jane.LastSeen)
	}
	found, err := s.Speakers(ctx, "mayor", 10)
	if err != nil || len(found) != 1 || found[0].ID != jane.ID {
		t.Errorf("speakers matching alias 'mayor': %+v %v", found, err)
	}
	one, err := s.Speaker(ctx, jane.ID)
	if err != nil || one.Name != "Jane Doe" {
		t.Errorf("speaker %d: %+v %v", jane.ID, one, err)
	}
	if _, err := s.Speaker(ctx, 9999); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("missing speaker: %v", err)
	}
}

func TestSpeakerResolvedThroughAlias(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	// As trail would merge: the alias now names Jane Doe in a new article.
	a := article(t, "https://x.example/1", "X", "", textBridge,
		quote{speaker: "Mayor Doe", source: "The mayor", cue: "said", content: "the bridge will be rebuilt by spring"})
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	rows, _, _ := s.Attributions(ctx, claimtrail.AttributionFilter{ArticleID: a.ID})
	if len(rows) != 1 || rows[0].Speaker.Name != "Jane Doe" {
		t.Errorf("speaker %+v, want Jane Doe through her alias", rows)
	}
}

func TestArticleBySource(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	arts, next, err := s.Articles(ctx, claimtrail.ArticleFilter{})
	if err != nil || len(arts) != 3 || next != "" {
		t.Fatalf("articles: %d %q %v", len(arts), next, err)
	}
	noURL := arts[2]
	for _, ref := range []string{"https://ledger.example/bridge", noURL.Source, "1"} {
		a, err := s.ArticleBySource(ctx, ref)
		if err != nil {
			t.Errorf("%q: %v", ref, err)
			continue
		}
		if len(a.Attributions) == 0 || a.Text == "" {
			t.Errorf("%q: article without text or attributions", ref)
		}
	}
	if _, err := s.ArticleBySource(ctx, "nope"); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("missing article: %v", err)
	}
	page, next, err := s.Articles(ctx, claimtrail.ArticleFilter{Limit: 2})
	if err != nil || len(page) != 2 || next == "" {
		t.Fatalf("page 1: %d %q %v", len(page), next, err)
	}
	page2, next2, err := s.Articles(ctx, claimtrail.ArticleFilter{Limit: 2, After: next})
	if err != nil || len(page2) != 1 || next2 != "" || page2[0].ID != noURL.ID {
		t.Errorf("page 2: %+v %q %v", page2, next2, err)
	}
}

func TestReindexReplacesByID(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	stale, err := s.StaleArticles(ctx, "v2", 0, 10)
	if err != nil || len(stale) != 3 {
		t.Fatalf("stale: %d %v", len(stale), err)
	}
	if n, _ := s.CountStale(ctx, "v1"); n != 0 {
		t.Errorf("%d stale for the current version", n)
	}
	a := stale[0]
	a.ExtractorVersion = "v2"
	if out, err := s.PutArticle(ctx, a); err != nil || out != claimtrail.PutUpdated {
		t.Fatalf("reindex put: %v %v", out, err)
	}
	if n, _ := s.CountStale(ctx, "v2"); n != 2 {
		t.Errorf("%d stale after one reindexed, want 2", n)
	}
	// Critics was quoted only there and is gone; Jane Doe is still quoted
	// elsewhere.
	sps, _ := s.Speakers(ctx, "", 0)
	var names []string
	for _, sp := range sps {
		names = append(names, sp.Name)
	}
	if want := []string{"Jane Doe", "Port officials"}; !slices.Equal(names, want) {
		t.Errorf("speakers after reindex %v, want %v", names, want)
	}
	got, _ := s.Article(ctx, a.ID)
	if len(got.Attributions) != 0 || got.ExtractorVersion != "v2" {
		t.Errorf("reindexed article: %d attributions, version %q", len(got.Attributions), got.ExtractorVersion)
	}
	if rest, _ := s.StaleArticles(ctx, "v2", a.ID, 10); len(rest) != 2 {
		t.Errorf("stale after id %d: %d", a.ID, len(rest))
	}
}

// TestPutBatchArticleFailingInSQL: an article that passes validation but
// fails inside the transaction (here a trigger refuses it) is rolled back
// alone; the others are stored and indexed.
func TestPutBatchArticleFailingInSQL(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.rw.Exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON attributions
		WHEN new.content = 'funds were missing' BEGIN SELECT RAISE(ABORT, 'boom refused'); END`); err != nil {
		t.Fatal(err)
	}
	good1 := article(t, "https://a.example/1", "A", "", textPort,
		quote{speaker: "Port officials", source: "Port officials", cue: "told reporters", content: "cargo volumes are at a record high"})
	boom := article(t, "https://a.example/boom", "A", "", textBridge,
		quote{speaker: "Jane Doe", source: "The mayor", cue: "said", content: "the bridge will be rebuilt by spring"},
		quote{speaker: "Critics", source: "Critics", cue: "said", content: "funds were missing"})
	good2 := article(t, "https://a.example/2", "A", "", textRiver,
		quote{speaker: "Jane Doe", source: "the governor", cue: "wrote", content: "We will not raise taxes,"})
	res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{good1, boom, good2}})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[2].Err != nil || res[1].Err == nil {
		t.Fatalf("results %+v: want only the middle article refused", res)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 2 || st.Attributions != 2 || st.Errors != 1 {
		t.Errorf("stats %+v, want 2 articles, 2 attributions, 1 error", st)
	}
	errs, _ := s.Errors(ctx, 0)
	if len(errs) != 1 || !strings.Contains(errs[0].Reason, "boom refused") {
		t.Errorf("errors %+v, want the trigger's reason", errs)
	}
	for q, want := range map[string]int{"taxes": 1, "cargo": 1, "bridge": 0} {
		hits, err := s.Search(ctx, q, claimtrail.AttributionFilter{})
		if err != nil || len(hits) != want {
			t.Errorf("search %q: %d hits, %v; want %d", q, len(hits), err, want)
		}
	}
	var fts int
	s.ro.QueryRow(`SELECT count(*) FROM quotes_fts`).Scan(&fts)
	if fts != 2 {
		t.Errorf("%d indexed quotes, want 2", fts)
	}
}

// TestSearchCandidatesThenOlder: only the rankCandidates most recently
// stored matches are ranked; the page goes on with older matches, most
// recently stored first.
func TestSearchCandidatesThenOlder(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t)
	saved := rankCandidates
	rankCandidates = 1
	defer func() { rankCandidates = saved }()
	hits, err := s.Search(ctx, "jane", claimtrail.AttributionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.ContentText())
		if h.Snippet == "" {
			t.Errorf("hit without snippet: %+v", h)
		}
	}
	want := []string{"the pledge", "We will not raise taxes,", "the bridge will be rebuilt by spring"}
	if !slices.Equal(got, want) {
		t.Errorf("hits %q, want %q (the newest stored match, then older ones)", got, want)
	}
	if hits[0].Rank >= 0 || hits[1].Rank != 0 {
		t.Errorf("ranks %v, %v: want the candidate's BM25 (negative), then 0", hits[0].Rank, hits[1].Rank)
	}
	hits, err = s.Search(ctx, "jane", claimtrail.AttributionFilter{Limit: 1, Outlet: "Lakeside Ledger"})
	if err != nil || len(hits) != 1 || hits[0].ContentText() != "the bridge will be rebuilt by spring" {
		t.Errorf("limited, filtered: %+v %v", hits, err)
	}
	hits, err = s.Search(ctx, "the", claimtrail.AttributionFilter{InArticles: true})
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, h := range hits {
		urls = append(urls, h.URL)
	}
	if want := []string{"", "https://harbor.example/port", "https://ledger.example/bridge"}; !slices.Equal(urls, want) {
		t.Errorf("article hits %q, want %q (most recently stored first)", urls, want)
	}
}

// Descriptions ("Critics") are local to their article: two articles'
// critics are no one speaker, and each attribution keeps its words.
func TestDescriptionSpeakersStayInTheirArticle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var ids []int64
	for i, url := range []string{"https://a.example/1", "https://b.example/2"} {
		a := article(t, url, "Outlet"+url[8:9], "", textBridge,
			quote{speaker: "Critics", source: "Critics", cue: "said", content: "funds were missing"})
		a.Attributions[0].Speaker.Kind = claimtrail.SpeakerDescription
		if i == 1 {
			a.Attributions[0].Speaker.Name = "critics"
		}
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	if _, err := s.MergeSpeakers(ctx, nil); err != nil {
		t.Fatal(err)
	}
	all, err := s.Speakers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 0 {
		t.Errorf("speakers %+v, want none: descriptions get no speaker row", all)
	}
	for i, id := range ids {
		rows, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{ArticleID: id})
		if err != nil || len(rows) != 1 {
			t.Fatalf("article %d: %+v %v", id, rows, err)
		}
		sp := rows[0].Speaker
		want := []string{"Critics", "critics"}[i]
		if sp.Name != want || sp.Kind != claimtrail.SpeakerDescription || sp.ID != 0 || !slices.Equal(rows[0].Flags, []string{"test-flag"}) {
			t.Errorf("article %d: speaker %+v flags %v, want the description %q kept locally", id, sp, rows[0].Flags, want)
		}
	}
}

// The spelling a speaker row keeps does not depend on ingest order.
func TestSpeakerCaseIndependentOfOrder(t *testing.T) {
	ctx := context.Background()
	for _, order := range [][]string{{"Many", "many"}, {"many", "Many"}} {
		s := openTest(t)
		for i, name := range order {
			a := article(t, "https://x.example/"+name+string(rune('0'+i)), "X", "", textBridge,
				quote{speaker: name, source: "The mayor", cue: "said", content: "the bridge will be rebuilt by spring"})
			if _, err := s.PutArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		all, err := s.Speakers(ctx, "", 0)
		if err != nil || len(all) != 1 || all[0].Name != "many" {
			t.Errorf("order %v: speakers %+v %v, want one spelt \"many\"", order, all, err)
		}
	}
}

// TestLookupReadsIndexOnly: an ingest's look-up of a stored article
// (by URL, or by hash for an article without one) reads a covering
// index, never the table, whose rows hold the text before the hash
// (migration 111); and it finds what it found before.
func TestLookupReadsIndexOnly(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	long := strings.Repeat("Ana said the bridge would open next year. ", 200) // past a page: overflow
	for _, a := range []*claimtrail.Article{
		{Source: "a", URL: "https://example.com/a", Text: long, ExtractorVersion: "v1"},
		{Source: "b", Text: long + " Twice.", ExtractorVersion: "v2"},
	} {
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, url, hash, version string
	}{
		{"by url", "https://example.com/a", HashText(long), "v1"},
		{"by hash", "", HashText(long + " Twice."), "v2"},
	} {
		q, args := lookupQuery(tc.url, tc.hash)
		if p := queryPlan(t, s, q, args...); !strings.Contains(p, "COVERING INDEX") {
			t.Errorf("%s: plan %q, want a covering index", tc.name, p)
		}
		st, err := s.LookupArticle(ctx, tc.url, tc.hash)
		if err != nil || st.Hash != tc.hash || st.ExtractorVersion != tc.version || st.ID == 0 {
			t.Errorf("%s: %+v %v, want hash %s version %s", tc.name, st, err, tc.hash, tc.version)
		}
	}
}

// TestWriterCheckpointPages checks that the writer's connection runs
// with walCheckpointPages (a DSN pragma: a connection opened again, after
// an error or a pool change, must get it too) and the readers with
// SQLite's default.
func TestWriterCheckpointPages(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		db   *sql.DB
		want int
	}{{"writer", s.rw, walCheckpointPages}, {"reader", s.ro, 1000}} {
		var got int
		if err := c.db.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s: wal_autocheckpoint %d, want %d", c.name, got, c.want)
		}
	}
}
