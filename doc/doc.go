// Package doc holds the one in-memory representation of an article that
// every extraction stage reads and annotates, in the spirit of spaCy's Doc:
// one text, and tokens, sentences, paragraphs and quote regions as byte
// offsets into it. Code points are computed once, at the edge (Runes).
package doc

import (
	"strings"
	"unicode/utf8"
)

// Token is one word or punctuation mark.
type Token struct {
	Start, End int    // byte offsets into Doc.Text
	Text       string // Doc.Text[Start:End]
	POS        string // Penn tag, filled by the syntax stage
	Head       int    // index of the syntactic head in Doc.Tokens, -1 for a root
	Dep        string // basic dependency label to the head
	Ent        string // BIO entity tag: "B-PER", "I-ORG", "O", ...
	Sent       int    // index into Doc.Sents
	// Quote is the index+1 into Doc.Quotes of the innermost quote region
	// the token lies in (0: outside quotes); quote marks themselves count
	// as inside.
	Quote int
}

// Sentence is a run of tokens [First, Last) within one paragraph.
type Sentence struct {
	First, Last int
	Para        int
}

// Paragraph is a run of sentences [First, Last) and its byte span.
type Paragraph struct {
	First, Last int
	Start, End  int
}

// Quote is a region between quote marks, marks included, in bytes. A
// multi-paragraph quote is one region; Unclosed says no closing mark was
// found and the region was ended at its paragraph's end.
type Quote struct {
	Start, End int
	Depth      int // 0 for outermost
	Unclosed   bool
}

// Doc is one article as the pipeline sees it.
type Doc struct {
	Text   string
	Tokens []Token
	Sents  []Sentence
	Paras  []Paragraph
	Quotes []Quote
}

// Runes maps byte offsets to code-point offsets for one text. Building it
// costs one pass; lookups are O(1).
type Runes struct {
	// ascii is the length of the text's ASCII prefix, where byte b is
	// code point b: the table starts after it (speed_runes.go)
	ascii int
	total int     // code points in the text
	index []int32 // index[b-ascii] = code points before byte b, ascii <= b < len(text)
}

// NewRunes builds the byte→code point table for text.
func NewRunes(text string) *Runes {
	a := asciiPrefix(text)
	n := int32(a)
	var idx []int32
	if a < len(text) {
		idx = make([]int32, len(text)-a)
	}
	for i := a; i < len(text); {
		if text[i] < utf8.RuneSelf {
			// ASCII, most of most texts: one byte, one code point
			idx[i-a] = n
			i++
			n++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			idx[i-a+k] = n
		}
		i += size
		n++
	}
	return &Runes{ascii: a, total: int(n), index: idx}
}

// At returns the code-point offset of byte offset b (clamped to the text).
func (r *Runes) At(b int) int {
	if b < 0 {
		return 0
	}
	if b < r.ascii {
		return b
	}
	if b-r.ascii >= len(r.index) {
		return r.total
	}
	return int(r.index[b-r.ascii])
}

// ByteOffsets returns, for a text, the byte offset of each code point and
// one past the end, so that code-point offsets from outside (brat files,
// JSON) can be mapped back to bytes.
func ByteOffsets(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// LineBreakBefore reports whether a line ends between tokens i-1 and i
// (true at either end of the token list): layout rules and name finders
// must not join words across lines.
func (d *Doc) LineBreakBefore(i int) bool {
	if i <= 0 || i >= len(d.Tokens) {
		return true
	}
	return strings.IndexByte(d.Text[d.Tokens[i-1].End:d.Tokens[i].Start], '\n') >= 0
}

// IsQuoteToken reports whether a token is a quotation mark of any style,
// including the PTB spellings “ and ”.
func IsQuoteToken(t string) bool {
	switch t {
	case "\"", "“", "”", "„", "«", "»", "'", "‘", "’", "``", "''", "‹", "›":
		return true
	}
	return false
}
