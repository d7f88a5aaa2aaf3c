package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// collect walks sources and returns every item, failing on a Walk error.
func collect(t *testing.T, opt Options, sources ...string) []Item {
	t.Helper()
	var items []Item
	err := Walk(context.Background(), sources, opt, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk(%v): %v", sources, err)
	}
	return items
}

// bySource indexes items by source, failing on duplicates.
func bySource(t *testing.T, items []Item) map[string]Item {
	t.Helper()
	m := map[string]Item{}
	for _, it := range items {
		if _, dup := m[it.Source]; dup {
			t.Errorf("source %q reported twice", it.Source)
		}
		m[it.Source] = it
	}
	return m
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// want describes the article expected from one fixture.
type want struct {
	title, author, outlet, url string
	published                  time.Time
	contains                   []string // in Text
	absent                     []string // not in Text
}

func checkArticle(t *testing.T, it Item, w want) {
	t.Helper()
	if it.Err != nil {
		t.Fatalf("%s: unexpected error %v", it.Source, it.Err)
	}
	a := it.Article
	if a == nil {
		t.Fatalf("%s: nil article", it.Source)
	}
	if a.Source != it.Source {
		t.Errorf("Article.Source = %q, want %q", a.Source, it.Source)
	}
	for _, f := range []struct{ name, got, want string }{
		{"Title", a.Title, w.title}, {"Author", a.Author, w.author},
		{"Outlet", a.Outlet, w.outlet}, {"URL", a.URL, w.url},
	} {
		if f.got != f.want {
			t.Errorf("%s: %s = %q, want %q", it.Source, f.name, f.got, f.want)
		}
	}
	if !a.Published.Equal(w.published) || a.Published.Location() != time.UTC {
		t.Errorf("%s: Published = %v, want %v in UTC", it.Source, a.Published, w.published)
	}
	for _, s := range w.contains {
		if !strings.Contains(a.Text, s) {
			t.Errorf("%s: text lacks %q; text:\n%s", it.Source, s, a.Text)
		}
	}
	for _, s := range w.absent {
		if strings.Contains(a.Text, s) {
			t.Errorf("%s: text holds boilerplate %q", it.Source, s)
		}
	}
	if a.Hash == "" || len(a.Hash) != 64 {
		t.Errorf("%s: Hash = %q, want hex SHA-256", it.Source, a.Hash)
	}
}

func TestWalkHTML(t *testing.T) {
	tests := []struct {
		file string
		want want
	}{
		{"news-jsonld.html", want{
			title: "Harbour board approves new ferry terminal", author: "Mira Solberg, Tom Achebe",
			outlet: "The Coastal Ledger", url: "https://www.coastalledger.example/news/2024/03/harbour-ferry-terminal",
			published: mustTime("2024-03-14T08:30:00Z"),
			contains: []string{
				"The harbour board voted on Thursday",
				"waterfront.\n\n“This is the biggest investment",
			},
			absent: []string{"All rights reserved", "Weather", "Privacy"},
		}},
		{"news-opengraph.html", want{
			title: "Council delays vote on cycle lanes", author: "Dana Whitfield", outlet: "Valley Herald",
			url: "https://valleyherald.example/local/council-cycle-lanes", published: mustTime("2023-11-02T17:45:00Z"),
			contains: []string{`said the delay was "a disappointment but not a defeat"`},
		}},
		{"news-boilerplate.html", want{
			title: "Mountain rescue team praised after storm", author: "Alasdair Grant", outlet: "Highland Daily",
			published: mustTime("2022-03-03T00:00:00Z"),
			contains: []string{
				"“They went out in conditions that would have turned most people back,” said Inspector Fiona Reid.",
				"call-out.",
			},
			absent: []string{"Subscribe", "Most read", "cookies", "Heroes", "Copyright", "Careers", "By Alasdair Grant"},
		}},
		// An HTML page saved with a .txt name is still read as HTML.
		{"page-saved-as.txt", want{
			title:    "Library extends opening hours",
			contains: []string{"The central library will open", "Monday.\n\nA council spokesperson"},
			absent:   []string{"<p>", "<h1>", "</article>"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := filepath.Join("testdata", tt.file)
			items := collect(t, Options{}, src)
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			if items[0].Source != src {
				t.Errorf("Source = %q, want %q", items[0].Source, src)
			}
			checkArticle(t, items[0], tt.want)
		})
	}
}

func TestWalkText(t *testing.T) {
	tests := []struct {
		file string
		want want
		text string
	}{
		{"article.txt", want{title: "Town fair returns after three years"},
			"Town fair returns after three years\n\nThe town fair will return this summer, organisers said, promising \"the best show since 2019\".\n\nThe mayor said she was proud of the volunteers.\n"},
		{"latin1.txt", want{title: "Café owner wins £5,000 prize"},
			"Café owner wins £5,000 prize\n\nThe owner of a small café in the old town has won a £5,000 prize for her crème brûlée, judges said on Friday.\n\n“It is a dream,” she said.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			items := collect(t, Options{}, filepath.Join("testdata", tt.file))
			if len(items) != 1 {
				t.Fatalf("got %d items", len(items))
			}
			checkArticle(t, items[0], tt.want)
			if got := items[0].Article.Text; got != tt.text {
				t.Errorf("Text = %q, want the decoded file exactly: %q", got, tt.text)
			}
		})
	}
}

func TestWalkTextKeepsCRLF(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crlf.txt")
	text := "Headline here\r\n\r\nFirst paragraph, he said.\r\n"
	if err := os.WriteFile(path, []byte("\xEF\xBB\xBF"+text), 0o644); err != nil {
		t.Fatal(err)
	}
	items := collect(t, Options{}, path)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	if got := items[0].Article.Text; got != text {
		t.Errorf("Text = %q, want %q (BOM dropped, CRLF kept)", got, text)
	}
	if got := items[0].Article.Title; got != "Headline here" {
		t.Errorf("Title = %q", got)
	}
}

func TestWalkFeeds(t *testing.T) {
	rss := filepath.Join("testdata", "feed-rss.xml")
	atom := filepath.Join("testdata", "feed-atom.xml")
	items := collect(t, Options{}, rss, atom)
	wantSources := []string{
		rss + "#rg-1001",
		rss + "#https://riverside.example/news/school-library",
		rss + "#https://riverside.example/news/empty",
		atom + "#tag:northernwire.example,2024:port-strike",
		atom + "#tag:northernwire.example,2024:snow-pass",
	}
	if len(items) != len(wantSources) {
		t.Fatalf("got %d items, want %d", len(items), len(wantSources))
	}
	for i, it := range items {
		if it.Source != wantSources[i] {
			t.Errorf("item %d Source = %q, want %q", i, it.Source, wantSources[i])
		}
	}
	checkArticle(t, items[0], want{
		title: "Bridge repairs to finish early", author: "Lena Marsh", outlet: "Riverside Gazette",
		url: "https://riverside.example/news/bridge-repairs", published: mustTime("2023-09-05T07:15:00Z"),
		contains: []string{"Repairs to the old bridge will finish two weeks early, the county engineer said on Monday.\n\n“The weather has been kind to us,” said engineer Sam Patel."},
		absent:   []string{"Short summary", "<p>"},
	})
	if items[0].ID != "rg-1001" {
		t.Errorf("ID = %q, want the GUID", items[0].ID)
	}
	checkArticle(t, items[1], want{
		title: "School & library share new building", outlet: "Riverside Gazette",
		url: "https://riverside.example/news/school-library", published: mustTime("2023-09-04T17:00:00Z"),
		contains: []string{"the council said.\n\nParents welcomed the plan."},
		absent:   []string{"<p>", "&lt;"},
	})
	if items[2].Err == nil || !strings.Contains(items[2].Err.Error(), "no content") {
		t.Errorf("empty item: Err = %v, want a no-content error", items[2].Err)
	}
	checkArticle(t, items[3], want{
		title: "Port strike called off", author: "Oskar Lind", outlet: "Northern Wire",
		url: "https://northernwire.example/2024/01/port-strike", published: mustTime("2024-01-10T15:00:00Z"),
		contains: []string{"“We have a deal our members can accept,” said union secretary Maria Costa."},
	})
	checkArticle(t, items[4], want{
		title: "Snow closes mountain pass", outlet: "Northern Wire",
		url: "https://northernwire.example/2024/01/snow-pass", published: mustTime("2024-01-09T07:30:00Z"),
		contains: []string{"Heavy snow has closed the mountain pass"},
	})
}

func TestWalkMalformedFeed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "broken.xml")
	os.WriteFile(path, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>A</ti`), 0o644)
	items := collect(t, Options{}, path)
	if len(items) != 1 || items[0].Err == nil {
		t.Fatalf("items = %+v, want one error", items)
	}
	if !strings.Contains(items[0].Err.Error(), path) || !strings.Contains(items[0].Err.Error(), "feed") {
		t.Errorf("Err = %v, want it to name the file and the feed", items[0].Err)
	}
}

func TestWalkJSONL(t *testing.T) {
	src := filepath.Join("testdata", "corpus.jsonl")
	items := collect(t, Options{}, src)
	m := bySource(t, items)
	line := func(n int) Item {
		t.Helper()
		it, ok := m[fmt.Sprintf("%s:%d", src, n)]
		if !ok {
			t.Fatalf("no item for line %d; have %v", n, keys(m))
		}
		return it
	}
	checkArticle(t, line(1), want{
		title: "Minister defends budget", author: "Kim Lee", outlet: "Daily Example",
		url: "https://www.dailyexample.com/politics/budget", published: mustTime("2021-05-04T10:00:00Z"),
		contains: []string{"defended the budget on Tuesday.\n\n\"It is fair,\" she said."},
	})
	checkArticle(t, line(2), want{
		title: "Leaders meet at summit", author: "Ana Ruiz, Ben Cole", outlet: "news.example.org",
		url: "https://news.example.org/world/summit", published: mustTime("2020-02-01T09:30:00Z"),
		contains: []string{"Leaders met at the summit"},
	})
	checkArticle(t, line(3), want{
		author: "Jo Park", outlet: "Example Wire", url: "https://wire.example.net/a/77",
		published: mustTime("2019-03-03T00:00:00Z"), contains: []string{"profits rose"},
	})
	if err := line(4).Err; err == nil || !strings.Contains(err.Error(), "ingest "+src+":4: not JSON: ") {
		t.Errorf("line 4: Err = %v, want %q", err, src+":4: ... not JSON")
	}
	if err := line(5).Err; err == nil || !strings.Contains(err.Error(), "no text") {
		t.Errorf("line 5: Err = %v, want no text", err)
	}
	checkArticle(t, line(6), want{
		outlet: "Caps Times", url: "https://caps.example/x", published: mustTime("2002-10-02T13:00:00Z"),
		contains: []string{"Keys in capitals"},
	})
	if _, ok := m[fmt.Sprintf("%s:7", src)]; ok {
		t.Error("blank line 7 gave an item")
	}
	checkArticle(t, line(8), want{
		title: "HTML in JSONL", outlet: "Embedded News", published: time.Unix(1600000000, 0).UTC(),
		contains: []string{"The text comes from the html field, the parser said.\n\nIt has two paragraphs."},
	})
	if err := line(9).Err; err == nil || !strings.Contains(err.Error(), "not a JSON object") {
		t.Errorf("line 9: Err = %v", err)
	}
	wantIDs := map[int]string{1: "a1", 2: "64b7f0c2a1", 3: "77", 5: "a4", 6: "a5", 8: "a6"}
	for n, id := range wantIDs {
		if got := line(n).ID; got != id {
			t.Errorf("line %d: ID = %q, want %q", n, got, id)
		}
	}
}

func keys(m map[string]Item) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestWalkJSONDocument(t *testing.T) {
	dir := t.TempDir()
	arr := filepath.Join(dir, "array.json")
	os.WriteFile(arr, []byte("[\n  {\"title\": \"One\", \"text\": \"First text.\"},\n  {\"title\": \"Two\", \"body\": \"Second text.\"}\n]\n"), 0o644)
	pretty := filepath.Join(dir, "pretty.json")
	os.WriteFile(pretty, []byte("{\n  \"title\": \"Three\",\n  \"text\": \"Third text.\"\n}\n"), 0o644)
	items := collect(t, Options{}, arr, pretty)
	var got []string
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Source, it.Err)
		}
		got = append(got, it.Source+"="+it.Article.Title)
	}
	wantList := []string{arr + "#1=One", arr + "#2=Two", pretty + "#1=Three"}
	if strings.Join(got, "|") != strings.Join(wantList, "|") {
		t.Errorf("got %v, want %v", got, wantList)
	}
}

func TestWalkGzippedJSONL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "corpus.jsonl.gz")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"text": "Compressed, the reader said.", "url": "https://z.example/1"}` + "\n"))
	zw.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
	items := collect(t, Options{}, path)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	checkArticle(t, items[0], want{url: "https://z.example/1", outlet: "z.example", contains: []string{"Compressed"}})
	if items[0].Source != path+":1" {
		t.Errorf("Source = %q", items[0].Source)
	}
}

func TestWalkWARC(t *testing.T) {
	dir := t.TempDir()
	records := crawlRecords(t)
	plain := writeWARC(t, dir, "crawl.warc", false, records)
	gz := writeWARC(t, dir, "crawl.warc.gz", true, records)
	committed := filepath.Join("testdata", "crawl.warc.gz")
	for _, file := range []string{plain, gz, committed} {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			items := collect(t, Options{}, file)
			if len(items) != 2 {
				for _, it := range items {
					t.Logf("%s err=%v", it.Source, it.Err)
				}
				t.Fatalf("got %d items, want the 2 HTML responses", len(items))
			}
			if want := file + "#urn:uuid:11111111-1111-4111-8111-111111111111"; items[0].Source != want {
				t.Errorf("Source = %q, want %q", items[0].Source, want)
			}
			if items[0].ID != "urn:uuid:11111111-1111-4111-8111-111111111111" {
				t.Errorf("ID = %q", items[0].ID)
			}
			checkArticle(t, items[0], want{
				title: "Harbour board approves new ferry terminal", author: "Mira Solberg, Tom Achebe",
				outlet: "The Coastal Ledger", url: "https://www.coastalledger.example/news/2024/03/harbour-ferry-terminal",
				published: mustTime("2024-03-14T08:30:00Z"), contains: []string{"The harbour board voted"},
			})
			checkArticle(t, items[1], want{
				title: "Council delays vote on cycle lanes", author: "Dana Whitfield", outlet: "Valley Herald",
				url: "https://valleyherald.example/local/council-cycle-lanes", published: mustTime("2023-11-02T17:45:00Z"),
				contains: []string{"protected cycle lanes"},
			})
		})
	}
}

// TestWalkWARCTargetURI: without a canonical URL in the page, the
// record's target URI is the article's URL and gives the outlet.
func TestWalkWARCTargetURI(t *testing.T) {
	body := "<html><body><article><p>A short page without metadata, the test said.</p></article></body></html>"
	file := writeWARC(t, t.TempDir(), "one.warc", false, []warcRecordSpec{
		{URI: "https://www.target.example/a/1", ContentType: "text/html", Body: body},
		{Type: 4 /* resource */, URI: "https://www.target.example/a/2", ContentType: "text/html", Body: body, ID: "not-a-uri"},
	})
	items := collect(t, Options{}, file)
	if len(items) != 2 {
		t.Fatalf("got %d items", len(items))
	}
	if items[1].Source != file+"#not-a-uri" && items[1].Source != file+"#record-2" {
		t.Errorf("Source of a record with a bad id = %q, want the id or its number", items[1].Source)
	}
	for i, it := range items {
		checkArticle(t, it, want{url: fmt.Sprintf("https://www.target.example/a/%d", i+1), outlet: "target.example",
			contains: []string{"A short page without metadata"}})
	}
}

func TestWalkTruncatedWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			full := buildWARC(t, gz, crawlRecords(t))
			// Cut the file in the middle of the last record (the second
			// article), after the first article is complete.
			first := bytes.Index(full, []byte("valleyherald"))
			if gz {
				first = len(buildWARC(t, gz, crawlRecords(t)[:5]))
			}
			cut := first + (len(full)-first)/2
			path := filepath.Join(t.TempDir(), "cut.warc")
			os.WriteFile(path, full[:cut], 0o644)
			items := collect(t, Options{}, path)
			var ok, failed []Item
			for _, it := range items {
				if it.Err != nil {
					failed = append(failed, it)
				} else {
					ok = append(ok, it)
				}
			}
			if len(ok) != 1 || !strings.Contains(ok[0].Article.Text, "harbour board") {
				t.Errorf("got %d articles, want the 1 before the cut", len(ok))
			}
			if len(failed) != 1 {
				t.Fatalf("got %d errors, want 1", len(failed))
			}
			msg := failed[0].Err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, "truncated") {
				t.Errorf("Err = %q, want it to name the file and say truncated", msg)
			}
		})
	}
}

func TestWalkSizeCap(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("word "), 400), 0o644) // 2000 bytes
	small := filepath.Join(dir, "small.txt")
	os.WriteFile(small, []byte("Small one, she said."), 0o644)
	jsonl := filepath.Join(dir, "lines.jsonl")
	os.WriteFile(jsonl, []byte(`{"text": "short"}`+"\n"+`{"text": "`+strings.Repeat("x", 3000)+`"}`+"\n"+`{"text": "after"}`+"\n"), 0o644)
	html := filepath.Join(dir, "big.html")
	os.WriteFile(html, []byte("<html><body><p>"+strings.Repeat("long ", 500)+"</p></body></html>"), 0o644)

	warc := writeWARC(t, dir, "crawl.warc", false, []warcRecordSpec{
		{URI: "https://w.example/big", ID: "urn:uuid:00000000-0000-4000-8000-0000000000b1", ContentType: "text/html", Body: "<html><body><p>" + strings.Repeat("long ", 500) + "</p></body></html>"},
		{URI: "https://w.example/small", ID: "urn:uuid:00000000-0000-4000-8000-0000000000a1", ContentType: "text/html", Body: "<html><body><p>Small page, it said.</p></body></html>"},
	})

	items := collect(t, Options{MaxBytes: 1000}, dir)
	m := bySource(t, items)
	for _, src := range []string{big, html, jsonl + ":2", warc + "#urn:uuid:00000000-0000-4000-8000-0000000000b1"} {
		it := m[src]
		if it.Err == nil {
			t.Errorf("%s: no error for an item above the cap", src)
			continue
		}
		if code := claimtrail.ErrorCode(it.Err); code != claimtrail.ETOOLARGE {
			t.Errorf("%s: code %q, want ETOOLARGE (%v)", src, code, it.Err)
		}
		if !strings.Contains(it.Err.Error(), src) || !strings.Contains(it.Err.Error(), "1000 bytes") {
			t.Errorf("%s: Err %q does not name the item and the limit", src, it.Err)
		}
	}
	for _, src := range []string{small, jsonl + ":1", jsonl + ":3", warc + "#urn:uuid:00000000-0000-4000-8000-0000000000a1"} {
		if it := m[src]; it.Err != nil || it.Article == nil {
			t.Errorf("%s: %v, want an article", src, it.Err)
		}
	}
}

func TestWalkBadInputs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a-binary.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	os.WriteFile(filepath.Join(dir, "b-empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "c-blank.txt"), []byte(" \n\n\t\n"), 0o644)
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "d-dangling.txt"))
	os.WriteFile(filepath.Join(dir, "e-good.txt"), []byte("Fine text, he said."), 0o644)
	os.WriteFile(filepath.Join(dir, "f-nohtmltext.html"), []byte("<html><head><title>x</title></head><body></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("Should be skipped."), 0o644)
	os.WriteFile(filepath.Join(dir, "README.TXT"), []byte("About this corpus."), 0o644)
	os.WriteFile(filepath.Join(dir, "g-notes.ann"), []byte("T1\tSource 0 5\tTrump"), 0o644)
	os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte("\xff\xd8\xff\xe0"), 0o644)
	missing := filepath.Join(dir, "missing.txt")

	items := collect(t, Options{}, dir, missing)
	wantErr := map[string]string{
		"a-binary.txt":      "binary",
		"b-empty.txt":       "empty",
		"c-blank.txt":       "empty",
		"d-dangling.txt":    "no such file",
		"f-nohtmltext.html": "no article text",
		"missing.txt":       "no such file",
	}
	var names []string
	for _, it := range items {
		name := filepath.Base(it.Source)
		names = append(names, name)
		reason, bad := wantErr[name]
		switch {
		case bad && it.Err == nil:
			t.Errorf("%s: no error, want %q", name, reason)
		case bad && !(strings.Contains(it.Err.Error(), reason) && strings.Contains(it.Err.Error(), it.Source)):
			t.Errorf("%s: Err = %q, want the source and %q", name, it.Err, reason)
		case !bad && it.Err != nil:
			t.Errorf("%s: %v", name, it.Err)
		case it.Err != nil && it.Article != nil:
			t.Errorf("%s: both Err and Article", name)
		}
	}
	wantNames := "a-binary.txt b-empty.txt c-blank.txt d-dangling.txt e-good.txt f-nohtmltext.html missing.txt"
	if got := strings.Join(names, " "); got != wantNames {
		t.Errorf("items %q, want %q (lexical; hidden, README and non-article extensions skipped)", got, wantNames)
	}
}

func TestWalkPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads everything")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "secret.txt")
	os.WriteFile(path, []byte("secret"), 0o000)
	items := collect(t, Options{}, path)
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "permission denied") {
		t.Fatalf("items = %+v, want a permission error", items)
	}
}

func TestWalkDeterministicOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"z.txt", "b/2.txt", "a.txt", "b/10.txt", "b/c/x.txt", "m.jsonl"}
	for _, n := range names {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		content := "Text of " + n + ", a test said."
		if strings.HasSuffix(n, ".jsonl") {
			content = `{"text": "one"}` + "\n" + `{"text": "two"}`
		}
		os.WriteFile(p, []byte(content), 0o644)
	}
	order := func() string {
		var got []string
		for _, it := range collect(t, Options{}, dir, filepath.Join(dir, "a.txt")) {
			rel, _ := filepath.Rel(dir, it.Source)
			got = append(got, rel)
		}
		return strings.Join(got, " ")
	}
	want := "a.txt b/10.txt b/2.txt b/c/x.txt m.jsonl:1 m.jsonl:2 z.txt a.txt"
	for i := range 3 {
		if got := order(); got != want {
			t.Fatalf("run %d: order %q, want %q", i, got, want)
		}
	}
}

func TestWalkContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen int
	err := Walk(ctx, []string{"testdata"}, Options{}, func(it Item) error {
		seen++
		if seen == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Walk = %v, want context.Canceled", err)
	}
	if seen != 2 {
		t.Errorf("fn called %d times, want 2 (no item after cancel)", seen)
	}

	// A context cancelled before the walk reads nothing.
	seen = 0
	err = Walk(ctx, []string{"testdata"}, Options{}, func(Item) error { seen++; return nil })
	if !errors.Is(err, context.Canceled) || seen != 0 {
		t.Errorf("Walk on a cancelled context = %v after %d items", err, seen)
	}
}

func TestItemError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.txt")
	os.WriteFile(path, bytes.Repeat([]byte("a"), 2048), 0o644)
	items := collect(t, Options{MaxBytes: 1024}, path)
	var ie *ItemError
	if len(items) != 1 || !errors.As(items[0].Err, &ie) {
		t.Fatalf("items = %+v, want one *ItemError", items)
	}
	if ie.Source != path || ie.Reason() != "2 KB is larger than the limit of 1 KB" {
		t.Errorf("Source %q Reason %q", ie.Source, ie.Reason())
	}
	if got, want := items[0].Err.Error(), "ingest "+path+": 2 KB is larger than the limit of 1 KB"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if claimtrail.ErrorCode(items[0].Err) != claimtrail.ETOOLARGE {
		t.Errorf("code %q", claimtrail.ErrorCode(items[0].Err))
	}
}

func TestWalkFnError(t *testing.T) {
	stop := errors.New("stop here")
	var seen int
	err := Walk(context.Background(), []string{filepath.Join("testdata", "corpus.jsonl")}, Options{}, func(Item) error {
		seen++
		return stop
	})
	if !errors.Is(err, stop) || seen != 1 {
		t.Errorf("Walk = %v after %d items, want fn's error after 1", err, seen)
	}
}

// newNewsServer serves the fixtures as a small news site with a feed.
func newNewsServer(t *testing.T) *httptest.Server {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Site</title>
<item><title>Ferry item</title><link>%[1]s/ferry</link><guid>f1</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Teaser about the ferry, it said.</description></item>
<item><title>Gone item</title><link>%[1]s/gone</link><guid>f2</guid><description>Teaser about a page that is gone, it said.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/ferry", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(read("news-jsonld.html"))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(read("news-boilerplate.html"))
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(read("article.txt"))
	})
	mux.HandleFunc("/gone", http.NotFound)
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestWalkFeedURL(t *testing.T) {
	srv := newNewsServer(t)
	opt := Options{HTTPClient: srv.Client()}

	items := collect(t, opt, srv.URL+"/feed")
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	checkArticle(t, items[0], want{
		title: "Ferry item", outlet: "Test Site", url: srv.URL + "/ferry",
		published: mustTime("2024-01-01T10:00:00Z"), contains: []string{"Teaser about the ferry"},
	})
	if items[0].Source != srv.URL+"/feed#f1" {
		t.Errorf("Source = %q", items[0].Source)
	}

	opt.Fetch = true
	items = collect(t, opt, srv.URL+"/feed")
	if len(items) != 2 {
		t.Fatalf("fetch: got %d items, want 2", len(items))
	}
	checkArticle(t, items[0], want{
		title: "Harbour board approves new ferry terminal", author: "Mira Solberg, Tom Achebe",
		outlet: "The Coastal Ledger", url: "https://www.coastalledger.example/news/2024/03/harbour-ferry-terminal",
		published: mustTime("2024-03-14T08:30:00Z"), contains: []string{"The harbour board voted"},
		absent: []string{"Teaser"},
	})
	if items[0].Source != srv.URL+"/ferry" || items[0].ID != "f1" {
		t.Errorf("fetched item Source = %q ID = %q, want the link and the GUID", items[0].Source, items[0].ID)
	}
	if err := items[1].Err; err == nil || claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND || !strings.Contains(err.Error(), srv.URL+"/gone") {
		t.Errorf("gone page: Err = %v, want ENOTFOUND naming the link", err)
	}
}

func TestWalkPageURLs(t *testing.T) {
	srv := newNewsServer(t)
	items := collect(t, Options{HTTPClient: srv.Client()}, srv.URL+"/page", srv.URL+"/plain", srv.URL+"/gone")
	if len(items) != 3 {
		t.Fatalf("got %d items", len(items))
	}
	host := "127.0.0.1" // the outlet is the host name, without the port
	checkArticle(t, items[0], want{
		title: "Mountain rescue team praised after storm", author: "Alasdair Grant", outlet: host,
		url: srv.URL + "/page", published: mustTime("2022-03-03T00:00:00Z"),
		contains: []string{"Volunteers from the mountain rescue team"},
	})
	checkArticle(t, items[1], want{
		title: "Town fair returns after three years", url: srv.URL + "/plain", outlet: host,
		contains: []string{"The town fair will return"},
	})
	if items[2].Err == nil || !strings.Contains(items[2].Err.Error(), "404") {
		t.Errorf("404: Err = %v", items[2].Err)
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu.", "Chelsea sack Mutu"},
		{"Is this the end?\nMore text.", "Is this the end?"},
		{"Trade deal signed in the U.S.\n\nBody.", "Trade deal signed in the U.S."},
		{"\n\n  Leading blank lines  \r\nBody.", "Leading blank lines"},
		{"“Quoted headline” says mayor\nBody.", "“Quoted headline” says mayor"},
		{"The minister said on Tuesday that the budget was fair.\nMore.", ""},
		{"Only one line", ""},
		{"Headline followed by nothing\n\n  \n", ""},
		{"Ends with a colon:\nBody", ""},
		{"- a list item\nBody", ""},
		{"Assange Never Met Manafort.\n\nBody.", "Assange Never Met Manafort."},
		{"No One Knows What’s in the Mueller Report.\nBody.", "No One Knows What’s in the Mueller Report."},
		{"$1m payoff for former Shell boss\n\nBody.", "$1m payoff for former Shell boss"},
		{"Consists of 2225 documents from the BBC news website.\nMore.", ""},
		{strings.Repeat("word ", 60) + "\nBody", ""},
	}
	for _, tt := range tests {
		if got := Headline(tt.text); got != tt.want {
			t.Errorf("Headline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestWalkWARCCutAnywhere cuts a WARC at many points (from byte 6: a
// shorter start is not recognisable as a WARC): the walk must give
// the articles wholly before the cut and exactly one error, unless the cut
// falls on a record boundary, where the file is merely shorter.
func TestWalkWARCCutAnywhere(t *testing.T) {
	records := crawlRecords(t)
	for _, gz := range []bool{false, true} {
		full := buildWARC(t, gz, records)
		boundaries := map[int]int{} // offset → articles before it
		articles := 0
		for i := range records {
			end := len(buildWARC(t, gz, records[:i+1]))
			if i == 2 || i == 5 {
				articles++
			}
			boundaries[end] = articles
		}
		dir := t.TempDir()
		for cut := 6; cut < len(full); cut += 53 {
			path := filepath.Join(dir, fmt.Sprintf("cut-%d.warc", cut))
			os.WriteFile(path, full[:cut], 0o644)
			var ok, failed int
			for _, it := range collect(t, Options{}, path) {
				if it.Err != nil {
					failed++
				} else {
					ok++
				}
			}
			if before, onBoundary := boundaries[cut]; onBoundary {
				if failed != 0 || ok != before {
					t.Errorf("gzip=%v cut at boundary %d: %d articles, %d errors; want %d, 0", gz, cut, ok, failed, before)
				}
				continue
			}
			if failed != 1 || ok > 2 {
				t.Errorf("gzip=%v cut at %d of %d: %d articles, %d errors; want one error", gz, cut, len(full), ok, failed)
			}
		}
	}
}

func TestWalkURLIdleTimeout(t *testing.T) {
	old := idleTimeout
	idleTimeout = 100 * time.Millisecond
	defer func() { idleTimeout = old }()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Stalled headline\n\nThe first bytes arrive, then"))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	start := time.Now()
	items := collect(t, Options{HTTPClient: srv.Client()}, srv.URL+"/slow")
	if len(items) != 1 || items[0].Err == nil {
		t.Fatalf("items = %+v, want one error", items)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %v to give up on an idle server", time.Since(start))
	}
	if msg := items[0].Err.Error(); !strings.Contains(msg, srv.URL+"/slow") || !strings.Contains(msg, "sent nothing") {
		t.Errorf("Err = %v, want it to name the URL", items[0].Err)
	}
}

// TestWalkReadError: a file that opens but cannot be read (/proc/self/mem
// at offset 0 gives EIO, even to root, so this runs where the permission
// test is skipped) is one item with an error.
func TestWalkReadError(t *testing.T) {
	const path = "/proc/self/mem"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no /proc/self/mem here")
	}
	items := collect(t, Options{}, path, filepath.Join("testdata", "article.txt"))
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	if items[0].Err == nil || !strings.Contains(items[0].Err.Error(), path+": read: ") {
		t.Errorf("Err = %v, want a read error naming %s", items[0].Err, path)
	}
	if items[1].Err != nil {
		t.Errorf("the next file failed too: %v", items[1].Err)
	}
}

func TestWalkJSONFeed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feed.json")
	os.WriteFile(path, []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Times",
  "items": [{"id": "j1", "url": "https://jsontimes.example/1", "title": "Dam opens",
    "content_html": "<p>The dam opened on Friday, the operator said.</p>", "date_published": "2024-02-02T10:00:00+02:00",
    "authors": [{"name": "Rui Costa"}]}]}`), 0o644)
	items := collect(t, Options{}, path)
	if len(items) != 1 {
		t.Fatalf("got %d items", len(items))
	}
	checkArticle(t, items[0], want{
		title: "Dam opens", author: "Rui Costa", outlet: "JSON Times", url: "https://jsontimes.example/1",
		published: mustTime("2024-02-02T08:00:00Z"), contains: []string{"The dam opened on Friday, the operator said."},
	})
}

// TestWalkWARCEncodedPayloads: crawlers such as Heritrix keep the chunked
// transfer encoding and gzip content encoding of a response as received.
func TestWalkWARCEncodedPayloads(t *testing.T) {
	page := "<html><body><article><p>An encoded page, the crawler said.</p></article></body></html>"
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(page))
	zw.Close()
	chunked := func(b []byte) string {
		var sb strings.Builder
		for len(b) > 0 {
			n := min(len(b), 40)
			fmt.Fprintf(&sb, "%x\r\n%s\r\n", n, b[:n])
			b = b[n:]
		}
		sb.WriteString("0\r\n\r\n")
		return sb.String()
	}
	file := writeWARC(t, t.TempDir(), "enc.warc", false, []warcRecordSpec{
		{URI: "https://enc.example/gzip", ContentType: "text/html", Headers: fmt.Sprintf("Content-Encoding: gzip\r\nContent-Length: %d\r\n", zipped.Len()), Body: zipped.String()},
		{URI: "https://enc.example/chunked", ContentType: "text/html", Headers: "Transfer-Encoding: chunked\r\n", Body: chunked([]byte(page))},
		{URI: "https://enc.example/both", ContentType: "text/html", Headers: "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", Body: chunked(zipped.Bytes())},
		{URI: "https://enc.example/claims-gzip", ContentType: "text/html", Headers: fmt.Sprintf("Content-Encoding: gzip\r\nContent-Length: %d\r\n", len(page)), Body: page},
	})
	items := collect(t, Options{}, file)
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4", len(items))
	}
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Source, it.Err)
			continue
		}
		if it.Article.Text != "An encoded page, the crawler said." {
			t.Errorf("%s (%s): text %q", it.Source, it.Article.URL, it.Article.Text)
		}
	}
}

func TestWalkUTF16(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, r := range s { // BMP only in this test
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.txt")
	os.WriteFile(txt, utf16le("Café reopens\r\n\r\n“We are back,” the owner said.\r\n"), 0o644)
	page := filepath.Join(dir, "b.htm")
	os.WriteFile(page, utf16le("<html><head><meta charset=\"utf-16\"><title>Café page</title></head><body><p>“Saved by an old browser,” she said.</p></body></html>"), 0o644)
	items := collect(t, Options{}, txt, page)
	if len(items) != 2 {
		t.Fatalf("got %d items", len(items))
	}
	checkArticle(t, items[0], want{title: "Café reopens", contains: []string{"Café reopens\r\n\r\n“We are back,” the owner said.\r\n"}})
	checkArticle(t, items[1], want{title: "Café page", contains: []string{"“Saved by an old browser,” she said."}, absent: []string{"<p>"}})
}

func TestWalkStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		w.Write([]byte(`{"text": "From a pipe, the shell said."}` + "\n" + `{"text": "Second line."}` + "\n"))
		w.Close()
	}()
	items := collect(t, Options{}, "-")
	if len(items) != 2 || items[0].Source != "-:1" || items[1].Source != "-:2" {
		t.Fatalf("items = %+v", items)
	}
	checkArticle(t, items[0], want{contains: []string{"From a pipe"}})
}

// A folder with no file claimtrail reads is one failed item naming the
// folder, not a silent success; a folder whose files all fail is not.
func TestWalkNothingReadable(t *testing.T) {
	empty := t.TempDir()
	pics := t.TempDir()
	os.WriteFile(filepath.Join(pics, "photo.jpg"), []byte("\xff\xd8\xff\xe0"), 0o644)
	os.WriteFile(filepath.Join(pics, ".notes.txt"), []byte("hidden"), 0o644)
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "empty.txt"), nil, 0o644)
	for _, tc := range []struct {
		name    string
		dir     string
		wantErr string
	}{
		{"empty folder", empty, "no readable articles"},
		{"only pictures and hidden files", pics, "no readable articles"},
		{"a file that fails", bad, "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := collect(t, Options{}, tc.dir)
			if len(items) != 1 {
				t.Fatalf("%d items, want 1", len(items))
			}
			if it := items[0]; it.Err == nil || !strings.Contains(it.Err.Error(), tc.wantErr) {
				t.Errorf("Err = %v, want %q", it.Err, tc.wantErr)
			}
			if tc.wantErr == "no readable articles" && claimtrail.ErrorCode(items[0].Err) != claimtrail.EINVALID {
				t.Errorf("code %q, want %q", claimtrail.ErrorCode(items[0].Err), claimtrail.EINVALID)
			}
		})
	}
}
