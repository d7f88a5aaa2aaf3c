package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/kong"

	"github.com/claimtrail/claimtrail/sqlite"
)

// runCLI runs the claimtrail command line in-process with the given
// arguments and returns what it printed. Commands write through the
// package's stdout and stderr, which it captures; tests using it must not
// run in parallel.
func runCLI(t *testing.T, args ...string) (out, errOut string, err error) {
	t.Helper()
	return runCLIContext(t, context.Background(), args...)
}

func runCLIContext(t *testing.T, ctx context.Context, args ...string) (out, errOut string, err error) {
	t.Helper()
	var o, e bytes.Buffer
	savedOut, savedErr := stdout, stderr
	stdout, stderr = &o, &e
	defer func() { stdout, stderr = savedOut, savedErr }()
	var c cli
	parser, err := kong.New(&c,
		kong.Name("claimtrail"),
		kong.BindTo(ctx, (*context.Context)(nil)),
		kong.Bind(&c.Globals),
		kong.Writers(&o, &e),
		kong.Exit(func(int) {}),
	)
	if err != nil {
		t.Fatal(err)
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		return o.String(), e.String(), err
	}
	err = kctx.Run()
	return o.String(), e.String(), err
}

// openDB opens a store a test wrote through the CLI.
func openDB(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// warcPage is one HTML page to put in a test WARC.
type warcPage struct {
	url, html string
}

// writeWARC writes pages as WARC response records (preceded by a warcinfo
// record) to path, gzipped per record when gz; truncate cuts the file
// short by that many bytes, as an interrupted download would.
func writeWARC(t *testing.T, path string, pages []warcPage, gz bool, truncate int) {
	t.Helper()
	var file bytes.Buffer
	record := func(header string, body string) {
		var rec bytes.Buffer
		fmt.Fprintf(&rec, "WARC/1.0\r\n%sContent-Length: %d\r\n\r\n%s\r\n\r\n", header, len(body), body)
		if !gz {
			file.Write(rec.Bytes())
			return
		}
		zw := gzip.NewWriter(&file)
		zw.Write(rec.Bytes())
		zw.Close()
	}
	info := "software: claimtrail test\r\nformat: WARC File Format 1.0\r\n"
	record("WARC-Type: warcinfo\r\nWARC-Date: 2024-03-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nContent-Type: application/warc-fields\r\n", info)
	for i, p := range pages {
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(p.html), p.html)
		record(fmt.Sprintf("WARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-0%dT10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\nContent-Type: application/http; msgtype=response\r\n", p.url, i+1, i+1), http)
	}
	b := file.Bytes()
	if truncate > 0 {
		b = b[:len(b)-truncate]
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// newsPage is an HTML news page long enough for readability to keep.
func newsPage(title, outlet, published string, paragraphs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>
<meta property="og:site_name" content="%s"><meta property="article:published_time" content="%s"></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h1>%s</h1>`, title, outlet, published, title)
	for _, p := range paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><footer>Copyright</footer></body></html>`)
	return b.String()
}

// copyFixtures copies testdata/sources/NAMES into a new folder.
func copyFixtures(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", "sources", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// newTestParser is the CLI's parser writing help to out and recording an
// exit instead of exiting.
func newTestParser(c *cli, out *bytes.Buffer, exited *bool) (*kong.Kong, error) {
	return kong.New(c,
		kong.Name("claimtrail"),
		kong.Bind(&c.Globals),
		kong.Writers(out, out),
		kong.Exit(func(int) { *exited = true }),
	)
}
