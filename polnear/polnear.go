// Package polnear reads the PolNeAR corpus of attributions in US political
// news (Newell, Margolin & Ruths, LREC 2018) as shipped: a split directory
// holding text/NAME.txt and attributions/NAME_ANNOTATOR.ann in brat
// standoff format.
//
// # Offsets
//
// PolNeAR's brat offsets count Unicode code points of the UTF-8 text (brat
// is Python and indexes str). Checked over all 93,215 text-bound
// annotations of train and dev: every one matches the text when counted in
// code points; about half (those after any non-ASCII character such as a
// curly quote) do not when counted in bytes. UTF-16 units would match too
// but only because the corpus holds no character outside the Basic
// Multilingual Plane, so the two cannot be told apart on this data; we
// count code points, as brat does. Every span here carries both the
// code-point offsets (as in the .ann, for scorers and JSON) and byte
// offsets into Document.Text (for Go code slicing strings).
//
// # Split quotes
//
// A quote split by its cue ("“...,” said Caddell, “...”") is annotated as
// ONE discontinuous content span ("315 448;463 553"): 3,846 content spans
// of train+dev are discontinuous, against 67 relations with a second
// content argument ("Content2", a further quote far from the first). A
// Span therefore keeps its fragments and also exposes their envelope,
// which is what scoring compares.
package polnear

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Document is one PolNeAR article with its gold attributions.
type Document struct {
	// Name is the file stem shared by text/NAME.txt and the .ann files.
	Name string
	// Publisher is the name's prefix: breitbart, huff-post, nyt, politico,
	// usa-today, wash-post or west-journal (it agrees with metadata.tsv).
	Publisher string
	// Annotator is the suffix of the .ann file read ("4e07"); with several
	// annotators' files, the first by file name.
	Annotator string
	Text      string
	// Attributions are in the order of their "E" lines.
	Attributions []Attribution
}

// Attribution is one PolNeAR attribution relation.
type Attribution struct {
	// ID is the brat event id ("E3").
	ID string
	// NoSource is set for "Attribution-no-source" relations, which have
	// no Source (a handful still carry one; it is kept).
	NoSource bool
	// Source, Cue and Content are nil when the relation lacks the role.
	Source  *Span
	Cue     *Span
	Content *Span
	// ExtraContent holds further content arguments ("Content2"), a second
	// quote of the same relation far from the first. Rare (67 in
	// train+dev).
	ExtraContent []*Span
}

// Span is an annotated stretch of Document.Text. Its offsets are the
// envelope of its fragments: from the start of the first to the end of the
// last.
type Span struct {
	// Start and End are code-point offsets, End exclusive, as in the .ann.
	Start, End int
	// ByteStart and ByteEnd are byte offsets into Document.Text.
	ByteStart, ByteEnd int
	// Text is Document.Text[ByteStart:ByteEnd], the envelope's text.
	Text string
	// Fragments are the brat ranges in text order (the .ann file sometimes
	// lists them otherwise); one for a continuous span.
	Fragments []Fragment
}

// Fragment is one continuous range of a Span.
type Fragment struct {
	Start, End         int // code points
	ByteStart, ByteEnd int // bytes
	Text               string
}

// Discontinuous reports whether the span has more than one fragment.
func (s *Span) Discontinuous() bool { return len(s.Fragments) > 1 }

// ParseDocument ties a parsed .ann to its text: it resolves every
// attribution event to spans, converting code-point offsets to byte
// offsets. It fails when an offset lies beyond the text.
func ParseDocument(name, text string, ann *Ann) (*Document, error) {
	doc := &Document{Name: name, Publisher: publisherOf(name), Text: text}
	idx := newOffsetIndex(text)
	spanOf := func(id string) (*Span, error) {
		tb, ok := ann.TextBounds[id]
		if !ok {
			return nil, fmt.Errorf("%s is not defined", id)
		}
		return idx.span(text, tb)
	}
	for _, ev := range ann.Events {
		if ev.Type != "Attribution" && ev.Type != "Attribution-no-source" {
			continue
		}
		a := Attribution{ID: ev.ID, NoSource: ev.Type == "Attribution-no-source"}
		for _, arg := range ev.Args {
			sp, err := spanOf(arg.ID)
			if err != nil {
				return nil, fmt.Errorf("%s: event %s: %w", name, ev.ID, err)
			}
			switch role := strings.TrimRight(arg.Role, "0123456789"); {
			case role == "Source" && a.Source == nil:
				a.Source = sp
			case role == "Cue" && a.Cue == nil:
				a.Cue = sp
			case role == "Content" && a.Content == nil:
				a.Content = sp
			case role == "Content":
				a.ExtraContent = append(a.ExtraContent, sp)
			}
		}
		doc.Attributions = append(doc.Attributions, a)
	}
	return doc, nil
}

// offsetIndex maps code-point offsets to byte offsets in one text.
type offsetIndex struct {
	// byteAt[i] is the byte offset of code point i; byteAt[n] = len(text).
	byteAt []int
}

func newOffsetIndex(text string) offsetIndex {
	byteAt := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	return offsetIndex{byteAt: append(byteAt, len(text))}
}

func (x offsetIndex) span(text string, tb TextBound) (*Span, error) {
	n := len(x.byteAt) - 1
	if len(tb.Ranges) == 0 {
		return nil, fmt.Errorf("%s has no range", tb.ID)
	}
	sp := &Span{Fragments: make([]Fragment, 0, len(tb.Ranges))}
	for _, r := range tb.Ranges {
		if r[0] < 0 || r[1] < r[0] || r[1] > n {
			return nil, fmt.Errorf("%s: range %d-%d outside the text's %d code points", tb.ID, r[0], r[1], n)
		}
		bs, be := x.byteAt[r[0]], x.byteAt[r[1]]
		sp.Fragments = append(sp.Fragments, Fragment{Start: r[0], End: r[1], ByteStart: bs, ByteEnd: be, Text: text[bs:be]})
	}
	// PolNeAR's .ann files list fragments in the order the annotator
	// selected them, which is sometimes not text order ("were paid ...
	// These employees"); keep them in text order.
	slices.SortStableFunc(sp.Fragments, func(a, b Fragment) int { return cmp.Compare(a.Start, b.Start) })
	first, last := sp.Fragments[0], sp.Fragments[0]
	for _, f := range sp.Fragments {
		if f.End > last.End {
			last = f
		}
	}
	sp.Start, sp.End = first.Start, last.End
	sp.ByteStart, sp.ByteEnd = first.ByteStart, last.ByteEnd
	sp.Text = text[sp.ByteStart:sp.ByteEnd]
	return sp, nil
}

// publisherOf returns the publisher prefix of a PolNeAR file name
// ("wash-post_2016-09-22_..." → "wash-post").
func publisherOf(name string) string {
	p, _, _ := strings.Cut(name, "_")
	return p
}

// Names lists the documents of a split directory: the stems of
// DIR/text/*.txt, sorted.
func Names(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "text"))
	if err != nil {
		return nil, fmt.Errorf("polnear: list %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".txt"); ok && !e.IsDir() {
			names = append(names, n)
		}
	}
	return names, nil
}

// annFile returns the first annotator's .ann file for name (sorted by file
// name) and the annotator id, or "" when there is none.
func annFile(dir, name string) (path, annotator string, err error) {
	matches, err := filepath.Glob(filepath.Join(dir, "attributions", globEscape(name)+"_*.ann"))
	if err != nil {
		return "", "", err
	}
	// NAME_ANNOTATOR.ann, where ANNOTATOR has no underscore: this excludes
	// another document whose name merely extends this one.
	matches = slices.DeleteFunc(matches, func(p string) bool {
		rest := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), name+"_"), ".ann")
		return strings.Contains(rest, "_")
	})
	if len(matches) == 0 {
		return "", "", nil
	}
	slices.Sort(matches)
	p := matches[0]
	return p, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), name+"_"), ".ann"), nil
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}

// ReadDocument reads one document of a split directory. A document with no
// .ann file has no attributions.
func ReadDocument(dir, name string) (*Document, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("polnear: %s: text is not valid UTF-8", name)
	}
	text := string(raw)
	path, annotator, err := annFile(dir, name)
	if err != nil {
		return nil, fmt.Errorf("polnear: %s: %w", name, err)
	}
	if path == "" {
		return &Document{Name: name, Publisher: publisherOf(name), Text: text}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	defer f.Close()
	ann, err := ParseAnn(f)
	if err != nil {
		return nil, fmt.Errorf("polnear: %s: %w", path, err)
	}
	doc, err := ParseDocument(name, text, ann)
	if err != nil {
		return nil, fmt.Errorf("polnear: %s: %w", path, err)
	}
	doc.Annotator = annotator
	return doc, nil
}

// Documents streams a split directory's documents in name order, reading
// each only when asked for, so memory holds one document at a time. The
// sequence stops at the first error, which it yields, or when ctx is done.
func Documents(ctx context.Context, dir string) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		names, err := Names(dir)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, n := range names {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			doc, err := ReadDocument(dir, n)
			if !yield(doc, err) || err != nil {
				return
			}
		}
	}
}

// ReadDir reads every document of a split directory (DIR/text,
// DIR/attributions) into memory; PolNeAR is small (train is ~5 MB of
// text). Use Documents to stream.
func ReadDir(dir string) ([]Document, error) {
	var docs []Document
	for doc, err := range Documents(context.Background(), dir) {
		if err != nil {
			return nil, err
		}
		docs = append(docs, *doc)
	}
	return docs, nil
}
