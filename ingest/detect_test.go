package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func gz(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		head []byte
		want Kind
	}{
		{"a.txt", []byte("Plain headline\n\nBody text."), KindText},
		{"a.txt", []byte("<!DOCTYPE html><html><body><p>x</p></body></html>"), KindHTML},
		{"a.txt", []byte("\xEF\xBB\xBF  <html lang=en>"), KindHTML},
		{"a.html", []byte("<!-- saved from url=(0042) -->\n<!doctype html>"), KindHTML},
		{"frag", []byte("<p>Just a paragraph.</p>"), KindHTML},
		{"x", []byte("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"), KindHTML},
		{"junk-before", []byte("garbage\n<HTML>\n<BODY>text"), KindHTML},
		{"rss", []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"), KindFeed},
		{"atom", []byte("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), KindFeed},
		{"rdf", []byte("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"), KindFeed},
		{"jsonfeed.json", []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "x"}`), KindFeed},
		{"c.jsonl", []byte("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), KindJSONL},
		{"c.txt", []byte("{\"text\": \"a\"}\n"), KindJSONL},
		{"c.jsonl", []byte("{\"text\": \"a\n"), KindJSONL},
		{"c.json", []byte("{\n  \"text\": \"a\"\n}\n"), KindJSON},
		{"c.json", []byte("[\n {\"text\": \"a\"}\n]"), KindJSON},
		{"t.txt", []byte("[Updated] Council votes\n\nBody."), KindText},
		{"w.warc", []byte("WARC/1.1\r\nWARC-Type: warcinfo\r\n"), KindWARC},
		{"w.bin", gz("WARC/1.0\r\nWARC-Type: response\r\n"), KindWARC},
		{"c.jsonl.gz", gz("{\"text\": \"a\"}\n"), KindGzip},
		{"t.txt", []byte("Less than <b> is not a tag here? 3 < 4"), KindText},
		{"empty", nil, KindText},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, tt.head); got != tt.want {
			t.Errorf("Detect(%q, %q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

// TestDetectByContentType: the HTTP media type decides when the content
// does not speak for itself.
func TestDetectByContentType(t *testing.T) {
	tests := []struct {
		contentType string
		head        string
		want        Kind
	}{
		{"text/html; charset=utf-8", "<custom-element>Hi</custom-element>", KindHTML},
		{"text/plain", "<custom-element>Hi</custom-element>", KindText},
		{"application/atom+xml", "<?xml version=\"1.0\"?><x:feed>", KindFeed},
		{"application/x-ndjson", "", KindJSONL},
	}
	for _, tt := range tests {
		if got := detect("http://x/y", tt.contentType, []byte(tt.head)); got != tt.want {
			t.Errorf("detect(%q, %q) = %q, want %q", tt.contentType, tt.head, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	utc := func(s string) time.Time { return mustTime(s) }
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2024-03-14T09:30:00+01:00", utc("2024-03-14T08:30:00Z"), true},
		{"2024-03-14T09:30:00.123Z", time.Date(2024, 3, 14, 9, 30, 0, 123e6, time.UTC), true},
		{"2024-03-14T09:30:00", utc("2024-03-14T09:30:00Z"), true},
		{"2024-03-14T09:30:00+0100", utc("2024-03-14T08:30:00Z"), true},
		{"2024-03-14 09:30:00", utc("2024-03-14T09:30:00Z"), true},
		{"2024-03-14", utc("2024-03-14T00:00:00Z"), true},
		{"2024/03/14", utc("2024-03-14T00:00:00Z"), true},
		{"20240314", utc("2024-03-14T00:00:00Z"), true},
		{"Thu, 14 Mar 2024 09:30:00 +0100", utc("2024-03-14T08:30:00Z"), true},
		{"Thu, 14 Mar 2024 09:30:00 GMT", utc("2024-03-14T09:30:00Z"), true},
		{"Thu, 14 Mar 2024 09:30:00 EST", utc("2024-03-14T14:30:00Z"), true},
		{"Thu, 4 Mar 2024 09:30 PDT", utc("2024-03-04T16:30:00Z"), true},
		{"14 March 2024", utc("2024-03-14T00:00:00Z"), true},
		{"4 March 2024", utc("2024-03-04T00:00:00Z"), true},
		{"March 14, 2024", utc("2024-03-14T00:00:00Z"), true},
		{"March 4, 2024 3:04 PM", utc("2024-03-04T15:04:00Z"), true},
		{"Mar 14, 2024", utc("2024-03-14T00:00:00Z"), true},
		{"Thursday, March 14, 2024", utc("2024-03-14T00:00:00Z"), true},
		{"Published: 14 March 2024", utc("2024-03-14T00:00:00Z"), true},
		{"  2024-03-14T09:30:00Z  ", utc("2024-03-14T09:30:00Z"), true},
		{"1710408600", utc("2024-03-14T09:30:00Z"), true},
		{"1710408600000", utc("2024-03-14T09:30:00Z"), true},
		{"", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"not a date at all", time.Time{}, false},
		{"0001-01-01T00:00:00Z", time.Time{}, false},
		{"9999-12-31", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) location %v, want UTC", tt.in, got.Location())
		}
	}
}

func TestParseJSONRecord(t *testing.T) {
	tests := []struct {
		line                     string
		text, title, outlet, url string
		author, id               string
		published                time.Time
		errPart                  string
	}{
		{line: `{"text": "T", "headline": "H", "publisher": "P", "link": "https://l.example/1", "creator": ["A", "B"], "doc_id": 5, "publish_date": "2020-01-02"}`,
			text: "T", title: "H", outlet: "P", url: "https://l.example/1", author: "A, B", id: "5", published: mustTime("2020-01-02T00:00:00Z")},
		{line: `{"article": "T", "authors": [{"name": "A"}, {"name": "B"}], "site_name": "S", "published_at": 1577923200000}`,
			text: "T", outlet: "S", author: "A, B", published: mustTime("2020-01-02T00:00:00Z")},
		{line: `{"body": "", "content": "C", "url": "not a url", "source": "", "source_domain": "d.example"}`,
			text: "C", outlet: "d.example"},
		{line: `{"text": "T", "date": "garbage"}`, text: "T"},
		{line: `{"text": "T"`, errPart: "not JSON"},
		{line: `"just a string"`, errPart: "not a JSON object"},
		{line: `null`, text: ""},
		{line: `{"content": "<p>First paragraph, she said.</p><p>Second.</p>"}`, text: "First paragraph, she said.\n\nSecond."},
	}
	for _, tt := range tests {
		a, id, err := ParseJSONRecord([]byte(tt.line))
		if tt.errPart != "" {
			if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.errPart)) {
				t.Errorf("ParseJSONRecord(%s) err = %v, want %q", tt.line, err, tt.errPart)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseJSONRecord(%s): %v", tt.line, err)
			continue
		}
		got := []string{a.Text, a.Title, a.Outlet, a.URL, a.Author, id}
		wantFields := []string{tt.text, tt.title, tt.outlet, tt.url, tt.author, tt.id}
		for i := range got {
			if got[i] != wantFields[i] {
				t.Errorf("ParseJSONRecord(%s) field %d = %q, want %q", tt.line, i, got[i], wantFields[i])
			}
		}
		if !a.Published.Equal(tt.published) {
			t.Errorf("ParseJSONRecord(%s) Published = %v, want %v", tt.line, a.Published, tt.published)
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, name := range []string{"news-jsonld.html", "feed-rss.xml", "feed-atom.xml", "corpus.jsonl", "latin1.txt", "crawl.warc.gz"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, b[:min(len(b), 600)])
	}
	f.Add("x", []byte("<!"))
	f.Add("x", []byte("<?xml"))
	f.Add("x.gz", []byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		switch k := Detect(name, head); k {
		case KindText, KindHTML, KindFeed, KindWARC, KindJSONL, KindJSON, KindGzip:
		default:
			t.Fatalf("Detect returned unknown kind %q", k)
		}
	})
}

func FuzzJSONLLine(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "corpus.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		f.Add(line)
	}
	f.Add([]byte(`{"html": "<p>x</p>", "date": 1e300, "authors": [[["deep"]]], "_id": {"$oid": 3}}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		a, _, err := ParseJSONRecord(line)
		if err != nil {
			if a != nil {
				t.Fatal("both an article and an error")
			}
			return
		}
		if !json.Valid(line) {
			t.Fatalf("accepted invalid JSON %q", line)
		}
		for _, s := range []string{a.Text, a.Title, a.Author, a.Outlet, a.URL} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
		if !a.Published.IsZero() && a.Published.Location() != time.UTC {
			t.Fatalf("Published not UTC: %v", a.Published)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-14T09:30:00+01:00", "Thu, 14 Mar 2024 09:30:00 EST", "14 March 2024",
		"March 14, 2024", "1710408600", "2024-13-45", "Published: 3/4/2024 10:00 am", "0000-00-00 00:00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		if !ok {
			if !got.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with ok false", s, got)
			}
			return
		}
		if got.Location() != time.UTC || got.Year() < 1800 || got.Year() > 2200 {
			t.Fatalf("ParseDate(%q) = %v", s, got)
		}
	})
}

// walkBytes is Walk over one file named name that holds content, read from
// memory: past os.Stat and os.Open (which do not look at the content) it is
// the same walk, through the same readers and the same per-source error
// handling (TestWalkBytesLikeFile checks).
func walkBytes(ctx context.Context, name string, content []byte, opt Options, fn func(Item) error) error {
	w := &walker{ctx: ctx, opt: opt, fn: fn}
	if err := w.settle(name, w.stream(name, "", bytes.NewReader(content), int64(len(content)), false)); err != nil {
		return err
	}
	return ctx.Err()
}

// walkFileSeeds are FuzzWalkFile's seeds: one small input of each kind.
// They are kept small on purpose. The fuzz engine minimizes every input
// that reaches new code (dropping bytes one at a time, then every range),
// a run of the whole walk costs about a millisecond with coverage
// instrumentation, and no execution counts until minimization ends, so a
// few-KiB seed held fuzzing at 0 execs/sec for a minute (see also
// TestMain). The long-text and whole-fixture cases are unit tests.
func walkFileSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	latin1, err := os.ReadFile(filepath.Join("testdata", "latin1.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	page := `<html><head><title>Port strike ends - Wire</title><meta property="og:site_name" content="Wire">` +
		`<meta name="author" content="Jo Park"></head><body><nav><a href="/">Home</a></nav><article>` +
		`<p>Dock workers ended the strike on Friday, the union said.</p><p>"We won," Ana Ruiz said.</p></article></body></html>`
	// An uncompressed WARC: gzip's checksum makes every byte removal fail,
	// the slowest case to minimize (the gzip path has its own small seed).
	const warcBlock = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>A</title><p>Rates rose, the bank said.</p>"
	return [][]byte{
		latin1,
		[]byte(page),
		[]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><id>t:1</id><title>Strike</title>` +
			`<updated>2024-01-10T10:00:00Z</updated><content type="html">&lt;p&gt;Workers said.&lt;/p&gt;</content></entry></feed>`),
		[]byte(`{"id": "a1", "url": "https://wire.example/a", "title": "Budget", "published": "2021-05-04T10:00:00Z", "text": "She said \"fair\"."}` + "\n" +
			`{"_id": {"$oid": "6"}, "headline": "Summit", "authors": ["Ana Ruiz"], "html": "<p>Leaders met.</p>"}` + "\n"),
		[]byte(`[{"title": "A", "content": "It rose, he said."}]`),
		[]byte(fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://wire.example/a\r\n"+
			"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(warcBlock), warcBlock)),
		gz(`{"text": "x"}` + "\n"),
		[]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n"),
		[]byte(`<rss version="2.0"><channel><item><description>&lt;p&gt;x</description></item></channel></rss>`),
		[]byte(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY o "Courier">]><rss><channel><title>&o;</title><item><description>x &o;</description></item></channel></rss>`),
		[]byte(`<rss version="2.0"><channel><title>T</title><item><guid>1</guid><description>done</description></item><item><description>cut sh`),
	}
}

// FuzzWalkFile runs any bytes through the whole walk as a file: whatever
// it is detected as, the walk must not panic, must not return an error of
// its own, and must give every item either an article or an error.
func FuzzWalkFile(f *testing.F) {
	for _, b := range walkFileSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		err := walkBytes(t.Context(), "input", content, Options{MaxBytes: 1 << 20}, func(it Item) error {
			checkWalkItem(t, it)
			return nil
		})
		if err != nil {
			t.Fatalf("Walk: %v", err)
		}
	})
}

// checkWalkItem fails t unless it is either an article or an error, and
// an article's text is valid UTF-8 without NULs.
func checkWalkItem(t testing.TB, it Item) {
	t.Helper()
	if (it.Err == nil) == (it.Article == nil) {
		t.Fatalf("item %q: Err %v with Article %v", it.Source, it.Err, it.Article != nil)
	}
	if it.Article != nil && strings.ContainsRune(it.Article.Text, 0) {
		t.Fatalf("item %q: NUL in text", it.Source)
	}
	if it.Article != nil && !utf8.ValidString(it.Article.Text) {
		t.Fatalf("item %q: invalid UTF-8 text", it.Source)
	}
}

// TestWalkBytesLikeFile: walkBytes, which FuzzWalkFile fuzzes, gives the
// same items as Walk over a file holding the same bytes, for the fuzz
// seeds and for the larger inputs kept out of the seeds (every fixture,
// and text with NULs past decode's 8 KiB binary check), which must meet
// FuzzWalkFile's checks too.
func TestWalkBytesLikeFile(t *testing.T) {
	inputs := walkFileSeeds(t)
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fixtures {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	inputs = append(inputs, append([]byte(strings.Repeat("Text that runs on. ", 500)), 0, 'x'))
	path := filepath.Join(t.TempDir(), "input")
	for i, content := range inputs {
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		var fromFile, fromBytes []Item
		if err := Walk(t.Context(), []string{path}, Options{MaxBytes: 1 << 20}, func(it Item) error {
			fromFile = append(fromFile, it)
			return nil
		}); err != nil {
			t.Fatalf("input %d: Walk: %v", i, err)
		}
		if err := walkBytes(t.Context(), path, content, Options{MaxBytes: 1 << 20}, func(it Item) error {
			checkWalkItem(t, it)
			fromBytes = append(fromBytes, it)
			return nil
		}); err != nil {
			t.Fatalf("input %d: walkBytes: %v", i, err)
		}
		if len(fromFile) != len(fromBytes) || len(fromFile) == 0 {
			t.Fatalf("input %d (%.40q): %d items from the file, %d from the bytes", i, content, len(fromFile), len(fromBytes))
		}
		for j := range fromFile {
			a, b := fromFile[j], fromBytes[j]
			if a.Source != b.Source || a.ID != b.ID || fmt.Sprint(a.Err) != fmt.Sprint(b.Err) || !reflect.DeepEqual(a.Article, b.Article) {
				t.Errorf("input %d item %d: from the file %+v, from the bytes %+v", i, j, a, b)
			}
		}
	}
}
