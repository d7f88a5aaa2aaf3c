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

// asciiClass classifies bytes below 0x80 for the tokenizer.
var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			t[c] = clsWord
		case c >= 'A' && c <= 'Z':
			t[c] = clsWord | clsUpper
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clsSpace
		case c == '\n':
			t[c] = clsNewline
		case c == '\'' || c == '-' || c == '.' || c == '&':
			t[c] = clsJoiner
		}
	}
	return
}()

// byteClass is asciiClass for every byte value (0 past ASCII), so that a
// byte indexes it without a test or a bounds check.
var byteClass = func() (t [256]uint8) {
	copy(t[:], asciiClass[:])
	return t
}()

const (
	clsPunct   = 0
	clsWord    = 1
	clsUpper   = 2
	clsSpace   = 4
	clsNewline = 8
	clsJoiner  = 16
)

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clsWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordRuneAt reports whether a word character starts at text[i].
func wordRuneAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return asciiClass[c]&clsWord != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// tokenize appends the tokens of text to toks. Inside a word it keeps
// apostrophes (' ’), hyphens, ampersands and full stops that sit between
// word characters ("doesn’t", "U.S.-Russia", "AT&T", "e-mail"), so a
// full stop ending "U.S." is a separate token the sentence splitter can
// judge.
//
// low must be a copy of text; tokenize lower-cases the ASCII capitals of
// its words in place, which is all the lower-casing matching needs.
func tokenize(text string, low []byte, toks []token) []token {
	var nl int
	cp := 0
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			cls := asciiClass[c]
			switch {
			case cls&clsSpace != 0:
				i++
				cp++
				continue
			case cls&clsNewline != 0:
				nl++
				i++
				cp++
				continue
			case cls&clsWord != 0:
				toks, i, cp = scanWord(text, low, i, cp, cls&clsUpper != 0, nl, toks)
				nl = 0
				continue
			}
			toks = append(toks, token{
				bStart: int32(i), bEnd: int32(i + 1), cStart: int32(cp), cEnd: int32(cp + 1),
				kind: tokPunct, nl: uint8(min(nl, 255)), punct: rune(c),
			})
			nl = 0
			i++
			cp++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\u2029' || r == '\u2028' || r == '\u0085':
			nl++
			i += size
			cp++
		case unicode.IsSpace(r):
			i += size
			cp++
		case isWordRune(r):
			toks, i, cp = scanWord(text, low, i, cp, unicode.IsUpper(r), nl, toks)
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

// scanWord reads the word starting at text[i] (code point cp) and appends
// its token; it returns toks and the byte and code-point offsets after the
// word.
func scanWord(text string, low []byte, i, cp int, upper bool, nl int, toks []token) ([]token, int, int) {
	start, cstart := i, cp
	for i < len(text) {
		// a run of ASCII letters and digits, a byte a code point, in a
		// loop of its own: most of a text's bytes are read here, at 13
		// instructions a byte where the loop below, with its tests for
		// every byte, took 24
		j := i
		for j < len(text) {
			c := text[j]
			cls := byteClass[c]
			if cls&clsWord == 0 {
				break
			}
			if cls&clsUpper != 0 {
				low[j] = c + ('a' - 'A')
			}
			j++
		}
		cp += j - i
		i = j
		if i >= len(text) {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clsJoiner != 0 && wordRuneAt(text, i+1) {
				i++
				cp++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) || (r == '’' && wordRuneAt(text, i+size)) {
			i += size
			cp++
			continue
		}
		break
	}
	toks = append(toks, token{
		bStart: int32(start), bEnd: int32(i), cStart: int32(cstart), cEnd: int32(cp),
		kind: tokWord, nl: uint8(min(nl, 255)), upper: upper || (text[start] >= '0' && text[start] <= '9'),
	})
	return toks, i, cp
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
	first := 0 // the current sentence's first token
	for i := range toks {
		if i > 0 {
			if t := &toks[i]; t.para != toks[i-1].para {
				sent++
				first = i
			} else if (t.kind == tokWord && t.upper || t.kind == tokPunct && isOpener(t.punct)) && sentenceBreakBefore(text, toks, i) {
				sent++ // (the test is sentenceBreakBefore's first, inlined)
				first = i
			} else if i-first >= maxSentence {
				sent++
				first = i
			}
		}
		toks[i].sent = sent
	}
}

// maxSentence is the most tokens a sentence may hold; longer runs (text
// without full stops, lists) are cut so that the attributions and
// qualifiers one sentence holds stay few and their pairing stays linear.
const maxSentence = 250

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
