package ingest

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

var update = flag.Bool("update", false, "rewrite generated fixtures in testdata")

// warcRecord describes one record for writeWARC.
type warcRecordSpec struct {
	Type        gowarc.RecordType // Response when zero
	URI         string
	ID          string // record id without <>; generated when empty
	Status      int    // HTTP status for responses; 200 when zero
	ContentType string // HTTP Content-Type (response) or record Content-Type (resource)
	Body        string
	// Headers are further HTTP header lines, each ending in CRLF; when
	// set, no Content-Length header is written (chunked bodies).
	Headers string
}

// buildWARC renders records as WARC bytes with gowarc's builder and
// marshaler, each record its own gzip member when gz is set (as crawlers
// write .warc.gz files).
func buildWARC(tb testing.TB, gz bool, records []warcRecordSpec) []byte {
	tb.Helper()
	var out bytes.Buffer
	marshaler := gowarc.NewMarshaler()
	for i, spec := range records {
		typ := spec.Type
		if typ == 0 {
			typ = gowarc.Response
		}
		rb := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true), gowarc.WithAddMissingRecordId(true))
		id := spec.ID
		if id == "" {
			id = fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", i+1)
		}
		rb.AddWarcHeader(gowarc.WarcRecordID, "<"+id+">")
		rb.AddWarcHeader(gowarc.WarcDate, "2024-05-01T12:00:00Z")
		switch typ {
		case gowarc.Warcinfo:
			rb.AddWarcHeader(gowarc.ContentType, "application/warc-fields")
			rb.WriteString(spec.Body)
		case gowarc.Resource:
			rb.AddWarcHeader(gowarc.WarcTargetURI, spec.URI)
			rb.AddWarcHeader(gowarc.ContentType, spec.ContentType)
			rb.WriteString(spec.Body)
		case gowarc.Request:
			rb.AddWarcHeader(gowarc.WarcTargetURI, spec.URI)
			rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
			rb.WriteString("GET / HTTP/1.1\r\nHost: example\r\n\r\n")
		default:
			status := spec.Status
			if status == 0 {
				status = 200
			}
			rb.AddWarcHeader(gowarc.WarcTargetURI, spec.URI)
			rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
			if spec.Headers != "" {
				fmt.Fprintf(rb, "HTTP/1.1 %d Status\r\nContent-Type: %s\r\n%s\r\n%s",
					status, spec.ContentType, spec.Headers, spec.Body)
			} else {
				fmt.Fprintf(rb, "HTTP/1.1 %d Status\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s",
					status, spec.ContentType, len(spec.Body), spec.Body)
			}
		}
		rec, _, err := rb.Build()
		if err != nil {
			tb.Fatalf("build WARC record %d: %v", i, err)
		}
		var w io.Writer = &out
		var zw *gzip.Writer
		if gz {
			zw = gzip.NewWriter(&out)
			w = zw
		}
		if _, _, err := marshaler.Marshal(w, rec, 0); err != nil {
			tb.Fatalf("marshal WARC record %d: %v", i, err)
		}
		if zw != nil {
			if err := zw.Close(); err != nil {
				tb.Fatal(err)
			}
		}
		rec.Close()
	}
	return out.Bytes()
}

// writeWARC writes records into dir/name and returns the path.
func writeWARC(tb testing.TB, dir, name string, gz bool, records []warcRecordSpec) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buildWARC(tb, gz, records), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// crawlRecords is the content of testdata/crawl.warc.gz: two articles
// among records that are not articles.
func crawlRecords(tb testing.TB) []warcRecordSpec {
	tb.Helper()
	page := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			tb.Fatal(err)
		}
		return string(b)
	}
	return []warcRecordSpec{
		{Type: gowarc.Warcinfo, Body: "software: claimtrail test helper\r\nformat: WARC File Format 1.1\r\n"},
		{Type: gowarc.Request, URI: "https://www.coastalledger.example/news/2024/03/harbour-ferry-terminal"},
		{URI: "https://www.coastalledger.example/news/2024/03/harbour-ferry-terminal", ID: "urn:uuid:11111111-1111-4111-8111-111111111111",
			ContentType: "text/html; charset=utf-8", Body: page("news-jsonld.html")},
		{URI: "https://www.coastalledger.example/logo.png", ContentType: "image/png", Body: "\x89PNG\r\n\x1a\n\x00\x00"},
		{URI: "https://www.coastalledger.example/old", Status: 301, ContentType: "text/html", Body: "<html><body>Moved</body></html>"},
		{URI: "https://valleyherald.example/local/council-cycle-lanes?utm=x", ID: "urn:uuid:22222222-2222-4222-8222-222222222222",
			ContentType: "text/html", Body: page("news-opengraph.html")},
	}
}

// TestWriteCrawlFixture regenerates testdata/crawl.warc.gz with -update
// and otherwise checks that the committed file still has the records the
// helper would write.
func TestWriteCrawlFixture(t *testing.T) {
	path := filepath.Join("testdata", "crawl.warc.gz")
	if *update {
		if err := os.WriteFile(path, buildWARC(t, true, crawlRecords(t)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is missing; run go test -run TestWriteCrawlFixture -update", path)
	}
}
