package ingest

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/claimtrail/claimtrail"
)

// warc reads a WARC or WARC.gz stream: every HTML response or resource
// record becomes an article; other records are skipped silently. A read
// error ends the file with one Item naming how far it got.
func (w *walker) warc(source string, r io.Reader) error {
	counted := &countingReader{r: r}
	wr, err := gowarc.NewWarcFileReaderFromStream(counted, 0,
		gowarc.WithBufferMaxMemBytes(w.opt.maxBytes()+64<<10))
	if err != nil {
		return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID, "WARC: %v", err))
	}
	defer wr.Close()
	records := 0
	var end int64 // where the last whole record ends
	for {
		if err := w.ctx.Err(); err != nil {
			return errStop{err}
		}
		rec, err := nextRecord(wr)
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			// gowarc reports the end of the file and a record cut short
			// alike; what is left after the last whole record tells them
			// apart. A stray line end or two may follow the last record.
			io.Copy(io.Discard, counted)
			if left := counted.n - end; left <= int64(len(counted.tail)) &&
				len(bytes.Trim(counted.tail[len(counted.tail)-int(left):], "\r\n")) == 0 {
				return nil
			}
			err = fmt.Errorf("%d bytes after the last whole record do not form a record (%v)", counted.n-end, err)
		}
		if err == nil {
			err = truncation(rec.Validation)
		}
		if err != nil {
			rec.Close()
			return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID,
				"truncated or corrupt WARC: record %d at byte %d: %v", records+1, end, err))
		}
		records++
		end = rec.Offset + rec.Size
		err = w.warcRecord(source, rec.WarcRecord, records)
		rec.Close()
		if err != nil {
			return err
		}
	}
}

// countingReader counts the bytes read through it and keeps the last few.
type countingReader struct {
	r    io.Reader
	n    int64
	tail []byte // the last up to 8 bytes read
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.tail = append(c.tail, p[max(0, n-8):n]...)
	if len(c.tail) > 8 {
		c.tail = append(c.tail[:0], c.tail[len(c.tail)-8:]...)
	}
	return n, err
}

// truncation picks, from a record's non-fatal findings, the ones that mean
// the record was cut short, which must be reported rather than read.
func truncation(validation []error) error {
	for _, v := range validation {
		msg := v.Error()
		if strings.Contains(msg, "end of record") || strings.Contains(msg, "too few bytes") ||
			strings.Contains(msg, "content length") || strings.Contains(msg, "unexpected EOF") {
			return v
		}
	}
	return nil
}

// warcRecord emits one record when it holds an HTML page.
// n is the record's number in the file, which names it when it has no
// WARC-Record-ID.
func (w *walker) warcRecord(file string, rec gowarc.WarcRecord, n int) error {
	if rec == nil || (rec.Type() != gowarc.Response && rec.Type() != gowarc.Resource) {
		return nil
	}
	h := rec.WarcHeader()
	id := strings.Trim(h.Get(gowarc.WarcRecordID), "<>")
	target := strings.Trim(h.Get(gowarc.WarcTargetURI), "<> ")
	source := file + "#" + id
	if id == "" {
		source = fmt.Sprintf("%s#record-%d", file, n)
	}

	var contentType, transferEncoding, contentEncoding string
	var payload io.Reader
	var err error
	switch b := rec.Block().(type) {
	case gowarc.HttpResponseBlock:
		if code := b.HttpStatusCode(); code < 200 || code > 299 {
			return nil // redirects, errors: not an article
		}
		if hh := b.HttpHeader(); hh != nil {
			contentType = hh.Get("Content-Type")
			contentEncoding = strings.ToLower(strings.TrimSpace(hh.Get("Content-Encoding")))
		}
		// gowarc's parsed header drops Transfer-Encoding, as net/http does.
		transferEncoding = rawHeader(b.ProtocolHeaderBytes(), "transfer-encoding")
		payload, err = b.PayloadBytes()
	case gowarc.PayloadBlock:
		if strings.HasPrefix(h.Get(gowarc.ContentType), "application/http") {
			return nil // an HTTP block gowarc could not parse
		}
		contentType = h.Get(gowarc.ContentType)
		payload, err = b.PayloadBytes()
	case gowarc.Block:
		if rec.Type() != gowarc.Resource {
			return nil
		}
		contentType = h.Get(gowarc.ContentType)
		payload, err = b.RawBytes()
	default:
		return nil
	}
	if err != nil {
		return w.failID(source, id, fmt.Errorf("WARC payload: %w", err))
	}
	media, _, _ := mime.ParseMediaType(contentType)
	switch media {
	case "text/html", "application/xhtml+xml":
	case "":
		// No type given: let the content say.
	default:
		return nil
	}
	body, err := readAll(payload, -1, w.opt.maxBytes())
	if err == nil {
		body, err = undoHTTPEncodings(body, transferEncoding, contentEncoding, w.opt.maxBytes())
	}
	if err != nil {
		return w.failID(source, id, err)
	}
	if media == "" && detect(target, "", body[:min(len(body), sniffLen)]) != KindHTML {
		return nil
	}
	a, err := htmlArticle(body, contentType, target)
	if err != nil {
		return w.failID(source, id, err)
	}
	return w.emit(Item{Source: source, ID: id, Article: a})
}

// nextRecord runs gowarc's reader, a panic included among its failures.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.Record, err error) {
	defer recoverParser("WARC", &err)
	return wr.Next()
}

// undoHTTPEncodings removes the chunked transfer encoding and a gzip or
// deflate content encoding that crawlers such as Heritrix keep in the
// payload as received. When the payload does not decode as its headers
// claim (some tools decode it but keep the headers) it is used as it is.
func undoHTTPEncodings(body []byte, transferEncoding, contentEncoding string, limit int64) ([]byte, error) {
	if strings.Contains(transferEncoding, "chunked") {
		if b, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(body))); err == nil {
			body = b
		}
	}
	var zr io.ReadCloser
	var err error
	switch contentEncoding {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		zr, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		zr, err = zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			zr, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		if len(body) > 0 && detect("", "", body[:min(len(body), sniffLen)]) == KindHTML {
			return body, nil
		}
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "payload in the %q content encoding, which is not supported", contentEncoding)
	}
	if err != nil {
		return body, nil
	}
	defer zr.Close()
	decoded, err := readAll(zr, -1, limit)
	if claimtrail.ErrorCode(err) == claimtrail.ETOOLARGE {
		return nil, err
	}
	if err != nil {
		return body, nil
	}
	return decoded, nil
}

// rawHeader finds a header's value, lower-cased, in raw HTTP header bytes.
func rawHeader(raw []byte, name string) string {
	for _, line := range strings.Split(string(raw), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.ToLower(strings.TrimSpace(v))
		}
	}
	return ""
}
