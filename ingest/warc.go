package ingest

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/claimtrail/claimtrail"
)

// warc reads a WARC or WARC.gz stream: every HTML response or resource
// record becomes an article; other records are skipped silently. A read
// error ends the file with one Item naming how far it got.
func (w *walker) warc(source string, r io.Reader) error {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithBufferMaxMemBytes(w.opt.maxBytes()+64<<10))
	if err != nil {
		return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID, "WARC: %v", err))
	}
	defer wr.Close()
	records := 0
	for {
		if err := w.ctx.Err(); err != nil {
			return errStop{err}
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			return nil
		}
		if err == nil {
			err = truncation(rec.Validation)
		}
		if err != nil {
			rec.Close()
			return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID,
				"truncated or corrupt WARC: record %d at byte %d: %v", records+1, rec.Offset, err))
		}
		records++
		err = w.warcRecord(source, rec.WarcRecord)
		rec.Close()
		if err != nil {
			return err
		}
	}
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
func (w *walker) warcRecord(file string, rec gowarc.WarcRecord) error {
	if rec == nil || (rec.Type() != gowarc.Response && rec.Type() != gowarc.Resource) {
		return nil
	}
	h := rec.WarcHeader()
	id := strings.Trim(h.Get(gowarc.WarcRecordID), "<>")
	target := strings.Trim(h.Get(gowarc.WarcTargetURI), "<> ")
	source := file + "#" + id

	var contentType string
	var payload io.Reader
	var err error
	switch b := rec.Block().(type) {
	case gowarc.HttpResponseBlock:
		if code := b.HttpStatusCode(); code < 200 || code > 299 {
			return nil // redirects, errors: not an article
		}
		if hh := b.HttpHeader(); hh != nil {
			contentType = hh.Get("Content-Type")
		}
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
	body, err := w.readAll(source, payload, -1, w.opt.maxBytes())
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
