package claimtrail

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// VerbatimQuotes returns the verbatim quoted pieces of an attribution's
// content, without their quote marks and with surrounding white space
// trimmed: the exact words a speaker is quoted with, which search, trails
// and highlighting compare across outlets.
//
// A direct quote gives its whole content without the marks (a quote split
// by its cue, or running over several paragraphs, gives one piece per
// part); a mixed one gives only the phrases inside marks; an indirect one
// gives none. It reads only the content's own text, so a store can
// recompute it from what it kept; the extractor, which knows where its
// quote regions are, may fill Attribution.Quotes more precisely.
func VerbatimQuotes(kind Kind, content []Span) []Span {
	out := []Span{}
	if kind == KindIndirect {
		return out
	}
	for _, c := range content {
		if kind == KindDirect {
			out = appendDirectPieces(out, c)
		} else {
			out = appendMarkedPieces(out, c)
		}
	}
	return out
}

// IsQuoteMark reports whether r is a quotation mark of any style that news
// text uses: straight, curly, guillemets, low-9 and the prime-like marks
// some pages type instead.
func IsQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '‟', '‛', '″', '＂', '`':
		return true
	}
	return false
}

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„', '‟', '″', '＂':
		return true
	}
	return false
}

// pieceBuilder turns byte ranges of one content span into Spans with code
// point offsets, trimming white space and quote marks at both ends.
type pieceBuilder struct {
	c Span
	// at, runesAt: a byte offset already counted and its code points, so
	// that pieces taken in order cost their own length, not the content's
	at, runesAt int
}

func (p *pieceBuilder) span(from, to int) (Span, bool) {
	t := p.c.Text
	single := false // the piece opens with a single mark, so may close with one
	for from < to {
		r, n := utf8.DecodeRuneInString(t[from:])
		if !unicode.IsSpace(r) && !IsQuoteMark(r) {
			break
		}
		single = single || (IsQuoteMark(r) && !isDoubleMark(r))
		from += n
	}
	for to > from {
		r, n := utf8.DecodeLastRuneInString(t[from:to])
		if !unicode.IsSpace(r) && !IsQuoteMark(r) {
			break
		}
		if IsQuoteMark(r) && !isDoubleMark(r) && !single {
			// an apostrophe ending a word ("the voters’") stays
			if q, _ := utf8.DecodeLastRuneInString(t[from : to-n]); unicode.IsLetter(q) {
				break
			}
		}
		to -= n
	}
	if from >= to {
		return Span{}, false
	}
	if from < p.at {
		p.at, p.runesAt = 0, 0
	}
	p.runesAt += utf8.RuneCountInString(t[p.at:from])
	p.at = from
	start := p.c.Start + p.runesAt
	return Span{Start: start, End: start + utf8.RuneCountInString(t[from:to]), Text: t[from:to]}, true
}

// appendDirectPieces adds a direct quote's text without its marks; a new
// paragraph that opens with a mark starts a new piece (multi-paragraph
// quotes open each paragraph and close only the last).
func appendDirectPieces(out []Span, c Span) []Span {
	p := &pieceBuilder{c: c}
	t := c.Text
	from := 0
	for i := 0; i < len(t); i++ {
		if t[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(t) && (t[j] == '\n' || t[j] == ' ' || t[j] == '\t' || t[j] == '\r') {
			j++
		}
		if r, _ := utf8.DecodeRuneInString(t[j:]); j < len(t) && IsQuoteMark(r) {
			if s, ok := p.span(from, i); ok {
				out = append(out, s)
			}
			from = j
			i = j - 1
		}
	}
	if s, ok := p.span(from, len(t)); ok {
		out = append(out, s)
	}
	return out
}

// appendMarkedPieces adds the phrases inside quote marks of a paraphrase.
// A double mark opens where no letter or digit stands before it and closes
// at the next double mark; a single mark opens likewise and closes at a
// single mark not followed by a letter (so that "don't" is no close).
func appendMarkedPieces(out []Span, c Span) []Span {
	p := &pieceBuilder{c: c}
	t := c.Text
	prev := rune(' ')
	noClose := [2]int{-1, -1} // per mark kind (double, single): no close after here
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		opens := IsQuoteMark(r) && r != '”' && r != '»' && r != '’' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
		if !opens {
			prev = r
			i += n
			continue
		}
		single := !isDoubleMark(r)
		end := -1
		kind := 0
		if single {
			kind = 1
		}
		from := i + n
		if noClose[kind] >= 0 && from >= noClose[kind] {
			from = len(t) // an earlier search found no close from before here
		}
		for j := from; j < len(t); {
			q, m := utf8.DecodeRuneInString(t[j:])
			if IsQuoteMark(q) && isDoubleMark(q) != single {
				next, _ := utf8.DecodeRuneInString(t[j+m:])
				if !single || j+m >= len(t) || !unicode.IsLetter(next) {
					end = j
					break
				}
			}
			j += m
		}
		if end < 0 {
			if from < len(t) {
				noClose[kind] = from
			}
			prev = r
			i += n
			continue
		}
		_, m := utf8.DecodeRuneInString(t[end:])
		if s, ok := p.span(i, end+m); ok && (!single || strings.ContainsAny(s.Text, " ")) {
			out = append(out, s)
		}
		i = end + m
		prev = ' '
	}
	return out
}
