package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// JSON Lines field names, most specific first; see the package doc.
var (
	textKeys      = []string{"text", "content", "body", "maintext", "article", "article_text", "full_text", "fulltext", "story"}
	htmlKeys      = []string{"html", "raw_html", "content_html", "body_html"}
	urlKeys       = []string{"url", "link", "canonical_url", "article_url", "source_url"}
	titleKeys     = []string{"title", "headline"}
	outletKeys    = []string{"outlet", "source", "source_domain", "site_name", "sitename", "publisher", "source_name", "domain", "media", "newspaper"}
	publishedKeys = []string{"published", "date", "date_publish", "pubdate", "published_at", "publish_date", "publishedat", "date_published", "publication_date", "datetime", "timestamp", "created_at"}
	authorKeys    = []string{"author", "authors", "byline", "creator"}
	idKeys        = []string{"id", "_id", "uuid", "article_id", "doc_id"}
)

// jsonl reads one article per line.
func (w *walker) jsonl(file string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	limit := w.opt.maxBytes()
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(br, limit)
		if err != nil && !errors.Is(err, io.EOF) {
			return w.fail(fmt.Sprintf("%s:%d", file, lineNo), fmt.Errorf("read: %w", describeFSError(err)))
		}
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			source := fmt.Sprintf("%s:%d", file, lineNo)
			var ferr error
			if tooLong {
				ferr = w.fail(source, tooLarge(-1, limit))
			} else {
				ferr = w.jsonRecord(source, line)
			}
			if ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine reads one line without its end; a line longer than limit is
// skipped to its end and reported as tooLong, never held whole.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit+2 { // +2: the line end
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

// jsonRecord emits the article of one JSON object.
func (w *walker) jsonRecord(source string, line []byte) error {
	a, id, err := ParseJSONRecord(line)
	if err != nil {
		return w.failID(source, id, err)
	}
	if a.Text == "" {
		return w.failID(source, id, claimtrail.Errorf(claimtrail.EINVALID, "no text: none of the fields %s holds text",
			strings.Join(append(append([]string{}, textKeys...), htmlKeys...), ", ")))
	}
	return w.emit(Item{Source: source, ID: id, Article: a})
}

// ParseJSONRecord reads one JSON object of a corpus into an article (see
// the package doc for the field names) and the record's own id. The
// article's text is empty when the object has none. Its error says why a
// line is not an article: "not JSON: ..." or "not a JSON object".
func ParseJSONRecord(line []byte) (*claimtrail.Article, string, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "not a JSON object but %s", typeErr.Value)
		}
		return nil, "", claimtrail.Errorf(claimtrail.EINVALID, "not JSON: %v", err)
	}
	fields := make(map[string]any, len(raw))
	for k, v := range raw {
		k = strings.ToLower(k)
		if _, dup := fields[k]; dup {
			continue
		}
		var x any
		if json.Unmarshal(v, &x) == nil && x != nil {
			fields[k] = x
		}
	}
	pick := func(keys []string) any {
		for _, k := range keys {
			if v, ok := fields[k]; ok && !emptyValue(v) {
				return v
			}
		}
		return nil
	}
	id := jsonScalar(pick(idKeys))
	a := &claimtrail.Article{
		URL:    jsonString(pick(urlKeys)),
		Title:  jsonString(pick(titleKeys)),
		Outlet: jsonNames(pick(outletKeys)),
		Author: cleanByline(jsonNames(pick(authorKeys))),
	}
	if !isURL(a.URL) {
		a.URL = ""
	}
	switch v := pick(publishedKeys).(type) {
	case string:
		a.Published, _ = ParseDate(v)
	case float64:
		a.Published, _ = unixNumber(v)
	}
	text := jsonString(pick(textKeys))
	h := jsonString(pick(htmlKeys))
	if strings.TrimSpace(text) != "" && Detect("", []byte(text[:min(len(text), sniffLen)])) == KindHTML {
		// Some corpora keep the page's markup in their text field.
		text, h = "", text
	}
	if strings.TrimSpace(text) != "" {
		a.Text = text
	} else if h != "" {
		ha, err := htmlArticle([]byte(h), "text/html; charset=utf-8", a.URL)
		if err != nil {
			return nil, id, err
		}
		a.Text = ha.Text
		a.URL = firstNonEmpty(a.URL, ha.URL)
		a.Title = firstNonEmpty(a.Title, ha.Title)
		a.Author = firstNonEmpty(a.Author, ha.Author)
		a.Outlet = firstNonEmpty(a.Outlet, ha.Outlet)
		if a.Published.IsZero() {
			a.Published = ha.Published
		}
	}
	return a, id, nil
}

func emptyValue(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return v == nil
}

// jsonString is a string field, or the first string of a list.
func jsonString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				return s
			}
		}
	}
	return ""
}

// jsonScalar is a string or number as text, for ids.
func jsonScalar(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		// MongoDB exports: {"$oid": "..."}
		return jsonScalar(x["$oid"])
	}
	return ""
}

// jsonNames joins a name, a list of names, or objects with a "name".
func jsonNames(v any) string {
	var names []string
	var add func(any, int)
	add = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch x := v.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				names = append(names, s)
			}
		case []any:
			for _, e := range x {
				add(e, depth+1)
			}
		case map[string]any:
			add(x["name"], depth+1)
		}
	}
	add(v, 0)
	return strings.Join(names, ", ")
}

// jsonDocument reads a JSON file that is not JSON Lines: an array of
// article objects, or objects one after the other in any layout. Items are
// named "file.json#N", N counting from 1.
func (w *walker) jsonDocument(file string, b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	n := 0
	next := func() (json.RawMessage, error) {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		return raw, err
	}
	if trimmed := bytes.TrimLeft(b, " \t\r\n\ufeff"); len(trimmed) > 0 && trimmed[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return w.fail(file, claimtrail.Errorf(claimtrail.EINVALID, "not JSON: %v", err))
		}
		next = func() (json.RawMessage, error) {
			if !dec.More() {
				return nil, io.EOF
			}
			var raw json.RawMessage
			err := dec.Decode(&raw)
			return raw, err
		}
	}
	for {
		raw, err := next()
		if errors.Is(err, io.EOF) {
			if n == 0 {
				return w.fail(file, claimtrail.Errorf(claimtrail.EINVALID, "no articles in JSON document"))
			}
			return nil
		}
		n++
		source := fmt.Sprintf("%s#%d", file, n)
		if err != nil {
			// The decoder cannot resynchronise after a syntax error.
			return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID, "not JSON: %v", err))
		}
		if err := w.jsonRecord(source, raw); err != nil {
			return err
		}
	}
}
