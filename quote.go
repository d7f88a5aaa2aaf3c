package claimtrail

import (
	"strings"
	"sync/atomic"
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
			// an apostrophe ending a word ("the voters’") stays, and so
			// does a single mark closing a quote opened inside the piece
			if q, _ := utf8.DecodeLastRuneInString(t[from : to-n]); unicode.IsLetter(q) || opensSingle(t[from:to-n]) {
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

// opensSingle reports whether s holds a single mark that opens a quote
// (after a space, before a letter).
func opensSingle(s string) bool {
	prev := ' '
	for i, r := range s {
		if (r == '\'' || r == '‘') && unicode.IsSpace(prev) {
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsLetter(next) {
				return true
			}
		}
		prev = r
	}
	return false
}

// appendDirectPieces adds a direct quote's text without its marks; a mark
// that reopens the quote starts a new piece: at the start of a new
// paragraph (multi-paragraph quotes open each paragraph and close only
// the last), or after a sentence's end where a corpus ran those
// paragraphs together ("... back. "What I think ...").
func appendDirectPieces(out []Span, c Span) []Span {
	p := &pieceBuilder{c: c}
	t := c.Text
	from := 0
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if i > from && IsQuoteMark(r) && isDoubleMark(r) && reopens(t, i, n) {
			if s, ok := p.span(from, i); ok {
				out = append(out, s)
			}
			from = i
		}
		i += n
	}
	if s, ok := p.span(from, len(t)); ok {
		out = append(out, s)
	}
	return out
}

// reopens reports whether the mark at t[i:i+n] reopens a quote already
// open rather than closing it: it stands after a paragraph break, or
// after a sentence's final punctuation and a space, and a word follows.
func reopens(t string, i, n int) bool {
	next, _ := utf8.DecodeRuneInString(t[i+n:])
	if !unicode.IsLetter(next) && !unicode.IsDigit(next) && next != '‘' && next != '\'' && next != '…' && next != '[' {
		return false
	}
	j := i
	spaces := 0
	for j > 0 {
		q, m := utf8.DecodeLastRuneInString(t[:j])
		if q == '\n' {
			return true
		}
		if !unicode.IsSpace(q) {
			break
		}
		spaces++
		j -= m
	}
	if spaces == 0 || j == 0 {
		return false
	}
	q, m := utf8.DecodeLastRuneInString(t[:j])
	if (q == '\'' || q == '’') && j > m {
		// a single quote closing with the sentence: say 'wow.' "My ...
		q, _ = utf8.DecodeLastRuneInString(t[:j-m])
	}
	return q == '.' || q == '?' || q == '!' || q == '…'
}

// appendMarkedPieces adds the phrases inside quote marks of a paraphrase.
// A double mark opens where no letter or digit stands before it and closes
// at the next double mark that does not reopen the quote (see reopens); a
// single mark opens likewise and closes at a single mark not followed by
// a letter (so that "don't" is no close). A piece split from its quote by
// the cue ("“It's very ambitious", said X, "and new.”") is quoted from the
// mark that starts it to its end, or from its start to the mark that ends
// it. Quoted titles in title case inside a sentence that is not are names
// of works, not words spoken, and are left out.
func appendMarkedPieces(out []Span, c Span) []Span { return markedPieces(out, c, false) }

// HasMarkedQuote reports whether content holds words in quote marks, as
// len(VerbatimQuotes(KindMixed, content)) > 0 does, but stops at the first
// piece and keeps none: the extractor's rules ask this of every
// attribution several times.
//
// The answer depends only on the contents' texts, and the rules ask it of
// the same few contents over and over (about nine times each), so it is
// remembered: a hit costs a hash and a compare of the texts, where a
// search cost a walk of them with a title-case test of each piece.
func HasMarkedQuote(content []Span) bool {
	total := 0
	for _, c := range content {
		total += len(c.Text)
	}
	if total > maxMarkedMemo || len(content) > len(markedMemoEntry{}.texts) {
		return hasMarkedQuote(content)
	}
	slot := &markedMemo[markedSlot(content)]
	if e := slot.Load(); e != nil && e.same(content) {
		return e.marked
	}
	e := &markedMemoEntry{n: len(content), marked: hasMarkedQuote(content)}
	for i, c := range content {
		e.texts[i] = strings.Clone(c.Text)
	}
	slot.Store(e)
	return e.marked
}

func hasMarkedQuote(content []Span) bool {
	var buf [1]Span
	for _, c := range content {
		if len(markedPieces(buf[:0], c, true)) > 0 {
			return true
		}
	}
	return false
}

// The memo of HasMarkedQuote: a direct-mapped table of immutable entries,
// read and replaced atomically, so that concurrent extractions share it
// without a lock. An entry keeps copies of the texts (not the caller's
// strings, which would keep whole articles alive); contents longer than
// maxMarkedMemo bytes in all are not remembered.
const maxMarkedMemo = 4096

var markedMemo [2048]atomic.Pointer[markedMemoEntry]

type markedMemoEntry struct {
	n      int
	texts  [3]string
	marked bool
}

func (e *markedMemoEntry) same(content []Span) bool {
	if e.n != len(content) {
		return false
	}
	for i, c := range content {
		if e.texts[i] != c.Text {
			return false
		}
	}
	return true
}

// coinedName reports whether a phrase in title case between the texts
// before and after its quote marks is a name someone coined, not the
// title of a work: it follows "a" or "an" and no noun follows it
// ("waging a "War on Religion,"", "an "Axis of Evil" is misplaced", "a
// “Leviathan Church” and not"). A work's title goes with "the", a
// possessive or none ("his book “The Art of the Deal”"), or modifies a
// noun after it ("a “Harry Potter” novel", "a “60 Minutes”
// appearance").
func coinedName(before, after string) bool {
	before = strings.TrimRight(before, " ")
	i := strings.LastIndexByte(before, ' ')
	switch before[i+1:] {
	case "a", "an", "A", "An":
	default:
		return false
	}
	after = strings.TrimLeftFunc(after, func(r rune) bool { return IsQuoteMark(r) || r == ' ' })
	if after == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsLetter(r) {
		return true // punctuation: "a “Grand Solar Minimum”, which"
	}
	w := after
	if k := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		w = after[:k]
	}
	return coinedFollowers[w]
}

// coinedFollowers are the words a coined name may be followed by: verbs,
// conjunctions and prepositions, none of them a noun it would modify.
var coinedFollowers = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`is was are were will would could can may might must should has had have
	and or but that which who than as of in on at by for from to with against into over under about
	driven led run aimed designed meant`) {
		coinedFollowers[w] = true
	}
}

// markedPieces is appendMarkedPieces; with one set it returns as soon as
// one piece is added.
func markedPieces(out []Span, c Span, one bool) []Span {
	n0 := len(out)
	p := &pieceBuilder{c: c}
	t := c.Text
	titleCase, titleKnown := false, false // isTitleCase(t), worked out at the first piece in title case: most texts have none
	add := func(from, to int, single bool) {
		s, ok := p.span(from, to)
		if !ok || single && !strings.ContainsAny(s.Text, " ") {
			return
		}
		if strings.ContainsAny(s.Text, " ") && isTitleCase(s.Text) && strings.IndexFunc(s.Text, unicode.IsUpper) >= 0 && !coinedName(t[:from], t[to:]) {
			// (a title has a capital: “1 in 3” has none and is a quote)
			// the whole text only read when a piece is in title case
			if !titleKnown {
				titleCase, titleKnown = isTitleCase(t), true
			}
			if !titleCase {
				return
			}
		}
		out = append(out, s)
	}
	prev := rune(' ')
	none := true              // no quote found yet in this piece
	noClose := [2]int{-1, -1} // per mark kind (double, single): a search from here on finds no close
	for i := 0; i < len(t); {
		if one && len(out) > n0 {
			return out
		}
		if !maybeQuote[t[i]] {
			// a run of ASCII bytes that are no quote mark, as the rest
			// of the loop would treat them
			j := i + 1
			for j < len(t) && !maybeQuote[t[j]] {
				j++
			}
			prev = rune(t[j-1])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if none && (r == '”' || r == '"' || r == '»') && strings.TrimSpace(t[i+n:]) == "" && !strings.ContainsAny(t[:i], "“\"«„") {
			// the end of a quote its cue split: “..., said X, ...”
			add(0, i+n, false)
			break
		}
		opens := IsQuoteMark(r) && r != '”' && r != '»' && r != '’' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
		if !opens {
			prev = r
			i += n
			continue
		}
		single := !isDoubleMark(r)
		if !single && doubledMark(t, i+n) {
			// a doubled opening mark (""We have learned ...,"): the
			// second one opens the quote
			prev = r
			i += n
			continue
		}
		end := -1
		kind := 0
		if single {
			kind = 1
		}
		from := i
		start := i + n
		if noClose[kind] >= 0 && start >= noClose[kind] {
			start = len(t) // an earlier search found no close from before here
		}
		for j := start; j < len(t); {
			if !maybeQuote[t[j]] {
				j++
				continue
			}
			q, m := utf8.DecodeRuneInString(t[j:])
			if IsQuoteMark(q) && isDoubleMark(q) != single {
				if !single && reopens(t, j, m) {
					add(from, j, false)
					if one && len(out) > n0 {
						return out
					}
					from = j
					j += m
					continue
				}
				next, _ := utf8.DecodeRuneInString(t[j+m:])
				if !single || j+m >= len(t) || !unicode.IsLetter(next) {
					end = j
					break
				}
			}
			j += m
		}
		if end < 0 {
			if !single && blankBefore(t[:i]) {
				// the start of a quote its cue split
				add(from, len(t), false)
				break
			}
			if start < len(t) {
				noClose[kind] = start
			}
			prev = r
			i += n
			continue
		}
		none = false
		_, m := utf8.DecodeRuneInString(t[end:])
		add(from, end+m, single)
		i = end + m
		prev = ' '
	}
	return out
}

// doubledMark reports whether a second double opening mark stands at
// byte k of t, right after a first one, with a letter after it: a typo
// that doubles the mark opening a quote (""We have learned"), not an
// empty quote ("" is written for nothing).
func doubledMark(t string, k int) bool {
	r, n := utf8.DecodeRuneInString(t[k:])
	if n == 0 || !isDoubleMark(r) || r == '”' || r == '»' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(t[k+n:])
	return unicode.IsLetter(next)
}

// blankBefore reports whether the text before an opening mark is white
// space, or the first of a doubled mark (doubledMark).
func blankBefore(before string) bool {
	before = strings.TrimSpace(before)
	return before == "" || len(before) == 1 && before[0] == '"' || before == "“"
}

// maybeQuote holds the bytes that may start a quote mark: the ASCII
// marks and every byte of a multi-byte rune.
var maybeQuote = func() (m [256]bool) {
	for c := range m {
		m[c] = c >= utf8.RuneSelf || c == '"' || c == '\'' || c == '`'
	}
	return m
}()

// isTitleCase reports whether most of the words of s (seven in ten, not
// counting the short words titles leave in lower case) start with a
// capital letter, as titles and headlines are written.
func isTitleCase(s string) bool {
	words, caps := 0, 0
	// the fields of strings.Fields, read in place: it allocated a slice
	// of them, 10% of the bytes extraction allocated
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[j:])
			}
			if isSpace(r) {
				break
			}
			j += n
		}
		w := s[i:j]
		i = j
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || titleSmallWord(w) {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7
}

// isSpace is unicode.IsSpace, ASCII answered inline.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// titleSmallWord reports the short words titles leave in lower case
// ("Face the Nation"), with trailing ",.:;!?" trimmed.
func titleSmallWord(w string) bool {
	for len(w) > 0 {
		switch w[len(w)-1] {
		case ',', '.', ':', ';', '!', '?':
			w = w[:len(w)-1]
			continue
		}
		break
	}
	switch w {
	case "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from":
		return true
	}
	return false
}
