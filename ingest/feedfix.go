package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
)

// Feed documents as they really come: with a DOCTYPE whose internal
// subset declares entities (which the XML parser under gofeed neither
// skips cleanly nor expands), and cut short by an interrupted download
// (which made the whole feed fail, its complete items with it).

// doctypeSubset matches a DOCTYPE declaration with an internal subset.
var doctypeSubset = regexp.MustCompile(`(?s)<!DOCTYPE[^\[>]*\[(.*?)\]\s*>`)

// entityDecl matches an internal general entity declaration with a
// literal value; parameter entities (%) and external ones (SYSTEM,
// PUBLIC) do not match and are left alone.
var entityDecl = regexp.MustCompile(`<!ENTITY\s+([A-Za-z_][\w.\-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>`)

// maxEntityValue bounds one entity's replacement text; expansion is one
// pass (an entity's value is not expanded again), so the output grows at
// most by this much per reference, and never past maxExpansion times the
// input: no "billion laughs".
const (
	maxEntityValue = 4 << 10
	maxExpansion   = 4
)

// expandDoctypeEntities removes a DOCTYPE's internal subset, replacing
// references to the entities it declares with their values; a document
// without one is returned as it is.
func expandDoctypeEntities(b []byte) []byte {
	loc := doctypeSubset.FindSubmatchIndex(b)
	if loc == nil {
		return b
	}
	entities := map[string][]byte{}
	for _, m := range entityDecl.FindAllSubmatch(b[loc[2]:loc[3]], -1) {
		name, val := string(m[1]), m[2]
		if m[3] != nil {
			val = m[3]
		}
		if _, predefined := xmlPredefined[name]; predefined || len(val) > maxEntityValue {
			continue
		}
		if _, seen := entities[name]; !seen { // the first declaration binds
			entities[name] = val
		}
	}
	body := b[loc[1]:]
	out := make([]byte, 0, len(b))
	out = append(out, b[:loc[0]]...)
	limit := maxExpansion*len(b) + (1 << 20)
	for len(body) > 0 {
		amp := bytes.IndexByte(body, '&')
		if amp < 0 {
			out = append(out, body...)
			break
		}
		out = append(out, body[:amp]...)
		body = body[amp:]
		semi := bytes.IndexByte(body, ';')
		if semi > 1 && semi < 64 {
			if val, ok := entities[string(body[1:semi])]; ok && len(out)+len(val) < limit {
				out = append(out, val...)
				body = body[semi+1:]
				continue
			}
		}
		out = append(out, '&')
		body = body[1:]
	}
	return out
}

var xmlPredefined = map[string]bool{"lt": true, "gt": true, "amp": true, "apos": true, "quot": true}

// itemEnd matches the end tag of a feed item (RSS item, Atom entry, with
// or without a namespace prefix).
var itemEnd = regexp.MustCompile(`</(?:[A-Za-z_][\w.\-]*:)?(?:item|entry)\s*>`)

// closeTruncatedFeed cuts a feed that breaks off after its last complete
// item and closes the elements still open there (channel, rss, feed), so
// that the complete items can be read; ok is false when there is no
// complete item or the part before it is not well-formed either.
func closeTruncatedFeed(b []byte) (fixed []byte, items int, ok bool) {
	ends := itemEnd.FindAllIndex(b, -1)
	if len(ends) == 0 {
		return nil, 0, false
	}
	cut := ends[len(ends)-1][1]
	prefix := b[:cut]
	d := xml.NewDecoder(bytes.NewReader(prefix))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var open []string
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, rawName(t.Name))
		case xml.EndElement:
			if n := len(open); n > 0 && open[n-1] == rawName(t.Name) {
				open = open[:n-1]
			}
		}
	}
	fixed = append([]byte{}, prefix...)
	for i := len(open) - 1; i >= 0; i-- {
		fixed = append(fixed, "</"+open[i]+">"...)
	}
	return fixed, len(ends), true
}

func rawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
