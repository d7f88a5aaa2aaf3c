// Package ingest reads anything newsy into claimtrail.Articles: plain-text
// files, HTML pages, RSS and Atom feeds, WARC crawls and JSON Lines corpora,
// from files, folders (recursively) and http(s) URLs.
//
// # Detection
//
// The kind of a source is decided by its content, the extension serving
// only to break ties (see Detect): a page saved as .txt is still HTML, and
// a gzip file is looked into (a .warc.gz is read as WARC, any other gzip
// file is decompressed and its content detected again, so corpus.jsonl.gz
// works).
//
//   - Plain text: the decoded file (package decode) is the article text,
//     untouched. Its first line is the title when it looks like a headline
//     (see Headline).
//   - HTML: the main text is extracted with go-readability (boilerplate,
//     navigation and footers removed), one paragraph per block separated by
//     a blank line. Title, byline, outlet (site name, else the URL's host),
//     publication date and canonical URL come from JSON-LD, OpenGraph,
//     Dublin Core and other meta tags where present.
//   - RSS 2.0, RSS 1.0 and Atom feeds (and JSON Feed, which gofeed reads
//     too): every item is an article, its text from content:encoded (or
//     Atom content), else the description, with HTML stripped; the feed
//     title is the outlet. Items are named "FEED#GUID" (else "FEED#LINK",
//     else "FEED#N"). With Options.Fetch the item's linked page is fetched
//     and read as HTML instead, the item's own metadata filling what the
//     page lacks; such an item is named by its link. A feed cut short
//     yields its complete items plus one Item with Err; entities declared
//     in a DOCTYPE's internal subset are expanded (one level, bounded).
//   - WARC and WARC.gz: every response (or resource) record with a 2xx
//     status and an HTML payload is read as an HTML page, named
//     "FILE#RECORD-ID"; its URL is the page's canonical URL when it declares
//     one, else the record's WARC-Target-URI. A truncated or corrupt file
//     yields the records read before the damage plus one Item with Err.
//   - JSON Lines: one article per line, described below. A line that is not
//     JSON is one Item with Err ("file.jsonl:LINE: not JSON: ...") and the
//     rest of the file goes on; blank lines are skipped. A JSON file that is
//     not JSON Lines (an array of article objects, or pretty-printed objects
//     one after another) is read the same way, items named "FILE#N".
//
// The source "-" is standard input, read like a file ("-", "-:LINE").
// An http(s) URL is fetched and its body detected like a file's, the
// Content-Type header helping when the content does not speak for itself:
// a page, a feed, a JSONL or a WARC file. Connecting and the response
// headers time out; a body may take as long as it keeps flowing.
//
// # Size cap
//
// Options.MaxBytes (default 5 MB) caps each article: a text or HTML file, a
// fetched page, a WARC record's payload, a JSONL line. A feed or JSON
// document, which holds many articles, may be 10 times as large (and at
// least 64 MB). A bigger item is refused with a claimtrail ETOOLARGE error
// without being read whole; JSONL and WARC files of any size, gzipped or
// not, are streamed.
//
// # JSON Lines fields
//
// Keys are matched without regard to case; for each field the first key
// present with a non-empty value wins, in this order:
//
//	text       text, content, body, maintext, article, article_text,
//	           full_text, fulltext, story
//	html       html, raw_html, content_html, body_html (used when no text;
//	           a text field that holds an HTML page or fragment is read as
//	           HTML too)
//	url        url, link, canonical_url, article_url, source_url
//	title      title, headline
//	outlet     outlet, source, source_domain, site_name, sitename,
//	           publisher, source_name, domain, media, newspaper
//	           (an object such as {"name": "Reuters"} gives its "name")
//	published  published, date, date_publish, pubdate, published_at,
//	           publish_date, publishedat, date_published,
//	           publication_date, datetime, timestamp, created_at
//	           (a string in any format ParseDate knows, or Unix seconds or
//	           milliseconds as a number)
//	author     author, authors, byline, creator (a list is joined with
//	           ", "; objects give their "name")
//	id         id, _id, uuid, article_id, doc_id (becomes Item.ID)
//
// When the outlet is missing it is the host of the URL.
//
// # Guarantees
//
// Walk never panics on any input and never stops for a bad item: every
// failure (unreadable file, permission denied, binary or empty content, a
// size above Options.MaxBytes, a malformed feed, a truncated WARC, a line
// that is not JSON, an HTTP error) is one Item whose Err names the item and
// the reason, and the walk goes on. The order of items is deterministic:
// sources in the order given, folder entries in lexical order, items in
// their order within a file.
//
// Inside folders, hidden files and folders (name starting with "."), files
// whose extension is not one articles come in (anything but none, .txt,
// .text, .story, .md, .htm, .html, .xhtml, .shtml, .xml, .rss, .atom,
// .rdf, .json, .jsonl, .ndjson, .warc, .gz) and a corpus's README,
// LICENSE, COPYING and CHANGELOG files are skipped silently, so that a
// folder with annotation files or images beside the texts reads cleanly. A
// file named explicitly is always read. Symbolic links to files are
// followed, links to folders are not (no cycles).
//
// Article.Language is the text's language as package extract/lang
// detects it (ISO 639-1, "" when unsure).
//
// Article.Text is exactly the text all offsets refer to (plain text: the
// decoded file, CRLF kept; HTML and feeds: the extracted text);
// Article.Hash is the hex SHA-256 of Text (empty with Options.NoHash);
// Article.Published is UTC or zero when unknown.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
	"github.com/claimtrail/claimtrail/extract/lang"
)

// DefaultMaxBytes is the per-article size cap when Options.MaxBytes is 0.
const DefaultMaxBytes = 5 << 20

// Item is one article read from a source, or the error for one item.
type Item struct {
	Source  string              // path, URL, "file.warc.gz#<record-id>", "file.jsonl:LINE"
	Article *claimtrail.Article // nil when Err != nil; Article.Source == Source
	Err     error               // specific: names the item and the reason; an *ItemError
	// ID is the item's own identifier inside its source when it has one:
	// the JSONL "id" field, the feed item's GUID, the WARC record id.
	ID string
}

// Options tune Walk. The zero value is ready to use.
type Options struct {
	MaxBytes   int64        // per article; default 5 MB; bigger → Err with code ETOOLARGE
	Fetch      bool         // for feeds: fetch each item's linked page
	HTTPClient *http.Client // for URLs and Fetch; default with timeouts
	// NoHash leaves Article.Hash empty, for a caller that never reads it:
	// `claimtrail extract` prints no hash, and the SHA-256 of every text
	// was 1.3% of its instructions over BBC articles.
	NoHash bool
}

// maxBytes is the per-article cap in effect.
func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// containerMaxBytes caps a whole feed document, which holds many articles
// and so may be larger than one; WARC and JSONL files are streamed and
// need no cap of their own.
func (o Options) containerMaxBytes() int64 {
	return max(10*o.maxBytes(), 64<<20)
}

// defaultHTTPClient has timeouts for connecting and for the response
// headers; a body may take as long as it keeps flowing (a large WARC or
// JSONL over HTTP), since request stops one that idles (see idleTimeout).
var defaultHTTPClient = &http.Client{
	Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   4,
	},
}

func (o Options) client() *http.Client {
	if o.HTTPClient != nil {
		return o.HTTPClient
	}
	return defaultHTTPClient
}

// errStop carries fn's error (or the context's) out of the readers so
// that Walk can tell it from an item's error.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }
func (e errStop) Unwrap() error { return e.err }

// walker holds one Walk's state.
type walker struct {
	ctx context.Context
	opt Options
	fn  func(Item) error
	// emitted counts the items handed to fn, so that a folder that gave
	// none can say so.
	emitted int
}

// emit hands an item to fn after checking the context; the error it
// returns, when not nil, must stop the walk.
func (w *walker) emit(it Item) error {
	if err := w.ctx.Err(); err != nil {
		return errStop{err}
	}
	if it.Article != nil && it.Err == nil {
		it.Article.Source = it.Source
		finish(it.Article, !w.opt.NoHash)
	}
	w.emitted++
	if err := w.fn(it); err != nil {
		return errStop{err}
	}
	return nil
}

// ItemError is the error of a failed Item: it names the item and the
// reason, and unwraps to the cause, so that claimtrail.ErrorCode gives
// EINVALID, ETOOLARGE, ENOTFOUND (HTTP 404/410) or EINTERNAL (I/O).
type ItemError struct {
	Source string
	Err    error
}

// Error reads "ingest SOURCE: REASON".
func (e *ItemError) Error() string { return "ingest " + e.Source + ": " + e.Reason() }

// Unwrap gives the cause.
func (e *ItemError) Unwrap() error { return e.Err }

// Reason is the error without the item's name, for a store's reason
// column: "not JSON: invalid character ...", "larger than the limit of 5
// MB". The code prefix of a *claimtrail.Error ("invalid: ") is left out;
// ErrorCode still finds the code.
func (e *ItemError) Reason() string {
	msg := e.Err.Error()
	var ce *claimtrail.Error
	if errors.As(e.Err, &ce) {
		msg = strings.Replace(msg, ce.Error(), ce.Message, 1)
	}
	return msg
}

// fail emits an Item with an error that names the source.
func (w *walker) fail(source string, err error) error {
	return w.emit(Item{Source: source, Err: &ItemError{Source: source, Err: err}})
}

// failID is fail for an item that has its own identifier.
func (w *walker) failID(source, id string, err error) error {
	return w.emit(Item{Source: source, ID: id, Err: &ItemError{Source: source, Err: err}})
}

// finish fills the fields every article gets the same way; the hash only
// when hash is true (see Options.NoHash).
func finish(a *claimtrail.Article, hash bool) {
	// A NUL is never text; JSON ("\u0000") and feeds can carry one past
	// decode's binary check, and it cuts search snippets in the store.
	a.Text = strings.ReplaceAll(a.Text, "\x00", "")
	if a.Language == "" {
		a.Language = lang.Detect(a.Text)
	}
	if hash {
		a.Hash = claimtrail.HashText(a.Text)
	}
	if !a.Published.IsZero() {
		a.Published = a.Published.UTC()
	}
	if a.Outlet == "" {
		a.Outlet = hostOutlet(a.URL)
	}
	a.Title = oneLine(a.Title)
	a.Author = oneLine(a.Author)
	a.Outlet = oneLine(a.Outlet)
}

// Walk reads every source (files, folders recursively, URLs) and calls fn
// for each item in a deterministic order; a bad item is reported as an Item
// with Err and the walk goes on; Walk returns only ctx errors or fn's error.
func Walk(ctx context.Context, sources []string, opt Options, fn func(Item) error) error {
	w := &walker{ctx: ctx, opt: opt, fn: fn}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case src == "-":
			err = w.stream(src, "", os.Stdin, -1, false)
		case isURL(src):
			err = w.url(src)
		default:
			err = w.path(src)
		}
		if err := w.settle(src, err); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// settle turns what reading one source returned into what Walk returns:
// nil to go on to the next source, else fn's error (or the context's)
// that ends the walk.
func (w *walker) settle(src string, err error) error {
	if err == nil {
		return nil
	}
	var stop errStop
	if errors.As(err, &stop) {
		return stop.err
	}
	// A reader returned an error that is not the walk's end; report it
	// as the source's failure and go on.
	if err := w.fail(src, err); err != nil {
		return err.(errStop).err
	}
	return nil
}

// isURL reports whether a source names a web resource rather than a path.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// path reads a file or, recursively, a folder.
func (w *walker) path(root string) error {
	fi, err := os.Stat(root)
	if err != nil {
		return w.fail(root, describeFSError(err))
	}
	if !fi.IsDir() {
		return w.file(root, fi)
	}
	before := w.emitted
	err = w.walkDir(root)
	if err == nil && w.emitted == before {
		// Only a folder can give no item: say so rather than succeed
		// having done nothing.
		return w.fail(root, ErrNothingReadable)
	}
	return err
}

// ErrNothingReadable is the error of a folder that holds no file
// claimtrail reads.
var ErrNothingReadable = claimtrail.Errorf(claimtrail.EINVALID,
	"no readable articles in this folder (looked for text, HTML, feed, WARC, JSON(L) and .gz files; hidden files are skipped)")

// walkDir reads the article files under root, recursively.
func (w *walker) walkDir(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return w.fail(path, describeFSError(err))
			}
			// An unreadable folder: report it and skip it.
			if ferr := w.fail(path, describeFSError(err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !articleFileName(d.Name()) {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil // sockets, devices, pipes
		}
		fi, err := os.Stat(path) // follows symlinks
		if err != nil {
			return w.fail(path, describeFSError(err))
		}
		if fi.IsDir() {
			return nil // a symlink to a folder is not followed: no cycles
		}
		return w.file(path, fi)
	})
}

// articleExtensions are the file name endings read inside folders; other
// files there (images, PDFs, brat .ann, .conllu, .tsv annotation files
// beside a corpus) are skipped. A file named explicitly is always read.
var articleExtensions = map[string]bool{
	"": true, ".txt": true, ".text": true, ".story": true, ".md": true,
	".htm": true, ".html": true, ".xhtml": true, ".shtml": true,
	".xml": true, ".rss": true, ".atom": true, ".rdf": true,
	".json": true, ".jsonl": true, ".ndjson": true, ".warc": true, ".gz": true,
}

// articleFileName reports whether a file found in a folder may hold
// articles: a known extension, and not a corpus's README, LICENSE,
// COPYING or CHANGELOG.
func articleFileName(name string) bool {
	upper := strings.ToUpper(name)
	for _, doc := range []string{"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG"} {
		if strings.HasPrefix(upper, doc) {
			return false
		}
	}
	return articleExtensions[strings.ToLower(filepath.Ext(name))]
}

// describeFSError strips the path that os errors repeat, since the item
// already names it, keeping the reason ("permission denied").
func describeFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// file reads one file of any kind.
func (w *walker) file(path string, fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return w.fail(path, fmt.Errorf("not a regular file (%s)", fi.Mode().Type()))
	}
	f, err := os.Open(path)
	if err != nil {
		return w.fail(path, describeFSError(err))
	}
	defer f.Close()
	return w.stream(path, "", f, fi.Size(), false)
}

// stream detects what r holds and reads it. size is the total size when
// known, -1 otherwise; contentType is the HTTP media type for URLs;
// gunzipped is set for content already unwrapped (from gzip or UTF-16),
// which is not unwrapped a second time.
func (w *walker) stream(source, contentType string, r io.Reader, size int64, gunzipped bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return w.fail(source, fmt.Errorf("read: %w", describeFSError(err)))
	}
	if !gunzipped && (bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})) {
		// UTF-16 (Windows "Unicode" files): decode first, then detect and
		// read the UTF-8 like any file, without the charset label that
		// no longer applies.
		b, err := readAll(br, size, w.opt.containerMaxBytes())
		if err != nil {
			return w.fail(source, err)
		}
		text, err := decode.Text(b)
		if err != nil {
			return w.fail(source, err)
		}
		return w.stream(source, "", strings.NewReader(text), int64(len(text)), true)
	}
	kind := detect(source, contentType, head)
	switch kind {
	case KindWARC:
		return w.warc(source, br)
	case KindGzip:
		if gunzipped {
			return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID, "gzip inside gzip is not read"))
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID, "gzip: %v", err))
		}
		defer zr.Close()
		return w.stream(source, "", zr, -1, true)
	case KindJSONL:
		return w.jsonl(source, br)
	case KindJSON:
		b, err := readAll(br, size, w.opt.containerMaxBytes())
		if err != nil {
			return w.fail(source, err)
		}
		return w.jsonDocument(source, b)
	case KindFeed:
		b, err := readAll(br, size, w.opt.containerMaxBytes())
		if err != nil {
			return w.fail(source, err)
		}
		return w.feed(source, b)
	case KindHTML:
		b, err := readAll(br, size, w.opt.maxBytes())
		if err != nil {
			return w.fail(source, err)
		}
		pageURL := ""
		if isURL(source) {
			pageURL = source
		}
		a, err := htmlArticle(b, contentType, pageURL)
		if err != nil {
			return w.fail(source, err)
		}
		return w.emit(Item{Source: source, Article: a})
	default:
		b, err := readAll(br, size, w.opt.maxBytes())
		if err != nil {
			return w.fail(source, err)
		}
		a, err := textArticle(b)
		if err != nil {
			return w.fail(source, err)
		}
		if isURL(source) {
			a.URL = source
		}
		return w.emit(Item{Source: source, Article: a})
	}
}

// readAll reads r whole unless it is (or turns out to be) above limit,
// in which case it returns an ETOOLARGE error without reading the rest.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, tooLarge(size, limit)
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", describeFSError(err))
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(-1, limit)
	}
	return b, nil
}

// tooLarge is the error for an article above the cap; size < 0 means the
// size is only known to be above it.
func tooLarge(size, limit int64) error {
	if size < 0 {
		return claimtrail.Errorf(claimtrail.ETOOLARGE, "larger than the limit of %s", decode.FormatBytes(limit))
	}
	return claimtrail.Errorf(claimtrail.ETOOLARGE, "%s is larger than the limit of %s",
		decode.FormatBytes(size), decode.FormatBytes(limit))
}

// oneLine collapses runs of whitespace (newlines included) to one space,
// for metadata fields that are shown on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
