package qualify

import (
	"unicode"
	"unicode/utf8"
)

// tokKind tells words from punctuation; whitespace is not tokenised, but
// the newlines before a token are counted because paragraphs matter.
type tokKind uint8

const (
	tokWord tokKind = iota
	tokPunct
)

// token is one word or punctuation mark with both its byte offsets (to
// slice the text) and its code-point offsets (the unit of claimtrail.Span),
// so that no offset conversion is needed after tokenising.
type token struct {
	bStart, bEnd int32
	cStart, cEnd int32
	sent, para   int32
	kind         tokKind
	// nl counts the newlines in the whitespace before the token (capped).
	nl uint8
	// upper: the word starts with an upper-case letter or a digit.
	upper bool
	// quoted: the token is inside quotation marks (marks included).
	quoted bool
	// punct holds the rune of a punctuation token.
	punct rune
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize appends the tokens of text to toks. Inside a word it keeps
// apostrophes (' ’), hyphens, ampersands and full stops that sit between
// word characters ("doesn’t", "U.S.-Russia", "AT&T", "e-mail"), so a
// full stop ending "U.S." is a separate token the sentence splitter can
// judge.
func tokenize(text string, toks []token) []token {
	var nl int
	cp := 0
	i := 0
	for i < len(text) {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\n' || r == '\u2029':
			nl++
			i += size
			cp++
			continue
		case r == ' ' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			i += size
			cp++
			continue
		case isWordRune(r):
			start, cstart := i, cp
			i += size
			cp++
			for i < len(text) {
				c2 := text[i]
				var r2 rune
				s2 := 1
				if c2 < utf8.RuneSelf {
					r2 = rune(c2)
				} else {
					r2, s2 = utf8.DecodeRuneInString(text[i:])
				}
				if isWordRune(r2) {
					i += s2
					cp++
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' {
					// joiner: only between word characters
					if i+s2 < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[i+s2:])
						if isWordRune(r3) {
							i += s2
							cp++
							continue
						}
					}
				}
				break
			}
			first, _ := utf8.DecodeRuneInString(text[start:])
			toks = append(toks, token{
				bStart: int32(start), bEnd: int32(i), cStart: int32(cstart), cEnd: int32(cp),
				kind: tokWord, nl: uint8(min(nl, 255)),
				upper: unicode.IsUpper(first) || unicode.IsDigit(first),
			})
			nl = 0
		default:
			toks = append(toks, token{
				bStart: int32(i), bEnd: int32(i + size), cStart: int32(cp), cEnd: int32(cp + 1),
				kind: tokPunct, nl: uint8(min(nl, 255)), punct: r,
			})
			nl = 0
			i += size
			cp++
		}
	}
	return toks
}

// isTerminal reports whether a punctuation rune can end a sentence or a
// line that ends a paragraph.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', ':', '"', '”', '’', '»', ')', '…':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket after a full stop.
func isCloser(r rune) bool {
	switch r {
	case '"', '”', '’', '»', ')', ']', '\'':
		return true
	}
	return false
}

// abbreviations are words whose following full stop rarely ends a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "reps": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "st": true,
	"jr": true, "sr": true, "prof": true, "rev": true, "hon": true, "pres": true, "sens": true, "atty": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "vs": true, "etc": true, "mt": true, "ft": true, "dept": true,
}

// segment fills para, sent and quoted of every token. Paragraphs end at a
// blank line, or at a single newline after sentence-final punctuation (or
// at every newline when the text has no blank line at all: one sentence a
// line). Quotation marks are paired within a paragraph; an unclosed quote
// runs to the paragraph's end. Sentences end at . ! ? (with any closing
// marks) before a capitalised word, opening mark or digit, not after an
// abbreviation, and not inside a quotation closed in the same paragraph.
func segment(text string, toks []token, hasBlankLine bool) {
	para := int32(0)
	for i := range toks {
		if i > 0 && toks[i].nl > 0 {
			prev := &toks[i-1]
			if toks[i].nl >= 2 || !hasBlankLine || (prev.kind == tokPunct && isTerminal(prev.punct)) {
				para++
			}
		}
		toks[i].para = para
	}
	// Quotes, per paragraph.
	start := 0
	for start < len(toks) {
		end := start
		for end < len(toks) && toks[end].para == toks[start].para {
			end++
		}
		markQuotes(toks[start:end])
		start = end
	}
	// Sentences.
	sent := int32(0)
	for i := range toks {
		if i > 0 {
			if toks[i].para != toks[i-1].para {
				sent++
			} else if sentenceBreakBefore(text, toks, i) {
				sent++
			}
		}
		toks[i].sent = sent
	}
}

// sentenceBreakBefore decides whether a sentence starts at toks[i] within
// a paragraph.
func sentenceBreakBefore(text string, toks []token, i int) bool {
	t := &toks[i]
	if !(t.kind == tokWord && t.upper) && !(t.kind == tokPunct && isOpener(t.punct)) {
		return false
	}
	j := i - 1
	for j >= 0 && toks[j].kind == tokPunct && isCloser(toks[j].punct) {
		j--
	}
	if j < 0 || toks[j].kind != tokPunct {
		return false
	}
	switch toks[j].punct {
	case '!', '?', '…':
	case '.':
		if j > 0 && toks[j-1].kind == tokWord && toks[j-1].bEnd == toks[j].bStart {
			w := text[toks[j-1].bStart:toks[j-1].bEnd]
			if isAbbreviation(w) {
				return false
			}
		}
	default:
		return false
	}
	// Inside a quotation that closes in this paragraph the sentence goes on:
	// the quote and its "he said" belong together.
	if toks[j].quoted && toks[i].quoted && !isOpenerTok(&toks[i]) {
		return false
	}
	return true
}

func isOpenerTok(t *token) bool { return t.kind == tokPunct && isOpener(t.punct) }

func isOpener(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '„', '(':
		return true
	}
	return false
}

// isAbbreviation: single capital letters ("J."), dotted forms ("U.S")
// and the listed titles and month names.
func isAbbreviation(w string) bool {
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c == '.' {
			return true
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

// markQuotes sets quoted on the tokens of one paragraph that lie inside
// quotation marks. Double marks (" “ ” « » „) nest nothing; single marks
// ‘ ’ count only outside double marks and only when ‘ opens them, since ’
// is mostly an apostrophe.
func markQuotes(p []token) {
	open := -1      // index of the opening double mark
	var opener rune // its rune
	single := -1    // index of an opening ‘ outside double marks
	for i := range p {
		t := &p[i]
		if t.kind != tokPunct {
			continue
		}
		switch t.punct {
		case '“':
			if open >= 0 && opener == '„' {
				closeQuote(p, open, i)
				open = -1
			} else if open < 0 {
				open, opener = i, '“'
			}
		case '„', '«':
			if open < 0 {
				open, opener = i, t.punct
			}
		case '”', '»':
			if open >= 0 {
				closeQuote(p, open, i)
				open = -1
			}
		case '"':
			if open >= 0 {
				closeQuote(p, open, i)
				open = -1
			} else {
				open, opener = i, '"'
			}
		case '‘':
			if open < 0 && single < 0 && i+1 < len(p) && p[i+1].kind == tokWord {
				single = i
			}
		case '’':
			if open < 0 && single >= 0 {
				closeQuote(p, single, i)
				single = -1
			}
		}
	}
	if open >= 0 {
		closeQuote(p, open, len(p)-1)
	}
}

func closeQuote(p []token, from, to int) {
	for k := from; k <= to; k++ {
		p[k].quoted = true
	}
}
