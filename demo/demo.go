// Package demo bundles a dozen short, made-up news articles about one
// made-up event (the collapse of the Gull Street Bridge in Port Halden) in
// which one statement travels across outlets: quoted in full, cut,
// mutated ("perceives" / "perceived"), paraphrased, misattributed to the
// deputy mayor, walked back and called "without evidence". `claimtrail
// demo` ingests them so that a new user sees every feature on real-looking
// text, and tests use them as fixtures.
//
// Everything here was written for this project; none of it is copied from
// real outlets. The URLs use the reserved .example top-level domain.
package demo

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// articlesJSONL holds one article a line with the fields url, outlet,
// published (RFC 3339, UTC), title and text: the JSONL shape `claimtrail
// ingest` accepts, so the demo goes through the ordinary ingest path.
//
//go:embed articles.jsonl
var articlesJSONL []byte

// attributionsJSONL is a hand annotation of the samples: one attribution
// a line, located by the exact strings of its source, cue and content
// (offsets are computed on load so that editing an article cannot leave
// stale numbers behind). "cluster" names the utterance a quote belongs to
// (empty for none), a gold standard for clustering. It covers the
// attributions a reader would mark; it is not guaranteed exhaustive.
//
//go:embed attributions.jsonl
var attributionsJSONL []byte

// JSONL returns the bundled articles in the JSONL ingest format.
func JSONL() []byte { return bytes.Clone(articlesJSONL) }

// sample is one line of articles.jsonl.
type sample struct {
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// Articles returns the bundled articles, oldest first, with Source set to
// the URL and no attributions.
func Articles() ([]claimtrail.Article, error) {
	var out []claimtrail.Article
	sc := bufio.NewScanner(bytes.NewReader(articlesJSONL))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var s sample
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("demo articles line %d: %w", line, err)
		}
		pub, err := time.Parse(time.RFC3339, s.Published)
		if err != nil {
			return nil, fmt.Errorf("demo articles line %d: published: %w", line, err)
		}
		out = append(out, claimtrail.Article{
			Source: s.URL, URL: s.URL, Outlet: s.Outlet, Published: pub.UTC(),
			Title: s.Title, Text: s.Text,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("demo articles: %w", err)
	}
	return out, nil
}

// Annotation is one line of the hand annotation.
type Annotation struct {
	URL     string `json:"url"`
	Kind    string `json:"kind"`
	Speaker string `json:"speaker"`
	Source  string `json:"source"`
	Cue     string `json:"cue"`
	Content string `json:"content"`
	Channel string `json:"channel"`
	Markers []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	} `json:"markers"`
	// Cluster names the utterance across articles ("varga-act-of-god").
	Cluster string `json:"cluster"`
}

// Annotations returns the hand annotation as written.
func Annotations() ([]Annotation, error) {
	var out []Annotation
	sc := bufio.NewScanner(bytes.NewReader(attributionsJSONL))
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var a Annotation
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("demo annotations line %d: %w", line, err)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

// Annotated returns the articles with their hand-annotated attributions
// located in the text (code-point spans), and ClusterID set from the
// annotation's cluster names (1, 2, ... in order of first use). It is a
// gold standard for the extractor and for clustering, and a store fixture
// for UI tests that must not depend on the extractor.
func Annotated() ([]claimtrail.Article, map[int64]string, error) {
	arts, err := Articles()
	if err != nil {
		return nil, nil, err
	}
	anns, err := Annotations()
	if err != nil {
		return nil, nil, err
	}
	byURL := make(map[string]int, len(arts))
	for i, a := range arts {
		byURL[a.URL] = i
	}
	clusterIDs := map[string]int64{}
	labels := map[int64]string{}
	for i, an := range anns {
		ai, ok := byURL[an.URL]
		if !ok {
			return nil, nil, fmt.Errorf("demo annotation %d: no article %s", i+1, an.URL)
		}
		art := &arts[ai]
		at, err := locate(art.Text, an)
		if err != nil {
			return nil, nil, fmt.Errorf("demo annotation %d (%s): %w", i+1, an.URL, err)
		}
		if an.Cluster != "" {
			id, ok := clusterIDs[an.Cluster]
			if !ok {
				id = int64(len(clusterIDs) + 1)
				clusterIDs[an.Cluster] = id
				labels[id] = an.Cluster
			}
			at.ClusterID = id
		}
		art.Attributions = append(art.Attributions, at)
	}
	return arts, labels, nil
}

// locate finds the annotation's strings in text: the content first, then
// the source and cue occurrences nearest to it.
func locate(text string, an Annotation) (claimtrail.Attribution, error) {
	at := claimtrail.Attribution{
		Kind:       claimtrail.Kind(an.Kind),
		Speaker:    claimtrail.Speaker{Name: an.Speaker, Kind: claimtrail.SpeakerPerson},
		Channel:    claimtrail.Channel(an.Channel),
		Confidence: 1,
	}
	ci := strings.Index(text, an.Content)
	if ci < 0 {
		return at, fmt.Errorf("content %q not in text", an.Content)
	}
	at.Content = []claimtrail.Span{span(text, ci, an.Content)}
	for _, part := range []struct {
		s   string
		dst **claimtrail.Span
	}{{an.Source, &at.Source}, {an.Cue, &at.Cue}} {
		if part.s == "" {
			continue
		}
		i := nearest(text, part.s, ci)
		if i < 0 {
			return at, fmt.Errorf("%q not in text", part.s)
		}
		sp := span(text, i, part.s)
		*part.dst = &sp
	}
	for _, m := range an.Markers {
		i := nearest(text, m.Text, ci)
		if i < 0 {
			return at, fmt.Errorf("marker %q not in text", m.Text)
		}
		at.Markers = append(at.Markers, claimtrail.Marker{Type: claimtrail.MarkerType(m.Type), Span: span(text, i, m.Text)})
	}
	return at, nil
}

// nearest returns the byte offset of the whole-word occurrence of s
// closest to the byte offset near, or -1 ("he" must not match in "the").
func nearest(text, s string, near int) int {
	best, bestDist := -1, 0
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return best
		}
		i += from
		if !wordEdge(text, i) || !wordEdge(text, i+len(s)) {
			from = i + 1
			continue
		}
		d := i - near
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
		from = i + 1
	}
}

// wordEdge reports whether byte offset i is not inside a word.
func wordEdge(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	return !(unicode.IsLetter(before) && unicode.IsLetter(after))
}

// span converts a byte offset and the string found there into a
// code-point span.
func span(text string, byteStart int, s string) claimtrail.Span {
	start := utf8.RuneCountInString(text[:byteStart])
	return claimtrail.Span{Start: start, End: start + utf8.RuneCountInString(s), Text: s}
}
