package segment

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/doc"
)

type openMark struct {
	pos    int  // byte offset of the mark
	double bool // double (or guillemet) vs single
	mark   rune
	// odd: a closing-shaped mark standing where a quote opens (”...”,
	// a typing slip real pages make); left open at the paragraph's end,
	// it was no opener and is dropped.
	odd bool
	// below holds, for each kind of mark the closing rules look for, the
	// stack index of the nearest such mark at or below this one (-1: none),
	// so that finding it costs O(1) however deep the stack (a run of
	// unclosed marks must not make segmentation quadratic). The stack only
	// grows at its top and is cut back, so these stay valid.
	below [numMarkKinds]int32
}

// Kinds of open marks the closing rules search the stack for.
const (
	kindCurlyDouble    = iota // double marks other than '"' (“ „ « ‟)
	kindCurlySingle           // single marks other than '\'' (‘ ‹)
	kindStraightDouble        // '"'
	kindStraightSingle        // '\''
	numMarkKinds
)

func (m *openMark) kind() int {
	switch {
	case m.mark == '"':
		return kindStraightDouble
	case m.mark == '\'':
		return kindStraightSingle
	case m.double:
		return kindCurlyDouble
	}
	return kindCurlySingle
}

// push puts m on the stack, recording where the nearest mark of each kind
// lies.
func push(stack []openMark, m openMark) []openMark {
	if n := len(stack); n > 0 {
		m.below = stack[n-1].below
	} else {
		for k := range m.below {
			m.below[k] = -1
		}
	}
	m.below[m.kind()] = int32(len(stack))
	return append(stack, m)
}

// nearest returns the stack index of the topmost mark of kind k, or -1.
func nearest(stack []openMark, k int) int {
	if len(stack) == 0 {
		return -1
	}
	return int(stack[len(stack)-1].below[k])
}

// findQuotes finds quote regions paragraph by paragraph. Straight marks
// are paired by context; curly and angle marks by shape; a quote left open
// at a paragraph's end continues when the next paragraph opens with a
// mark (the multi-paragraph convention), else it ends there, flagged.
func findQuotes(d *doc.Doc, st *stopper) {
	text := d.Text
	var carry *openMark // an open double quote continued from the last paragraph
	var lb lineBreaks   // line breaks, listed when a single mark first needs them
	for pi, p := range d.Paras {
		var stack []openMark
		if carry != nil {
			// the continuation paragraph must open with a mark itself
			r, _ := utf8.DecodeRuneInString(text[p.Start:])
			if r == '"' || r == '“' || r == '„' || r == '«' {
				stack = push(stack, *carry)
			} else {
				d.Quotes = append(d.Quotes, doc.Quote{Start: carry.pos, End: d.Paras[pi-1].End, Unclosed: true})
			}
			carry = nil
		}
		continuing := len(stack) == 1
		for i := p.Start; i < p.End; {
			if st.stop() {
				return // cancelled: the caller returns st.err
			}
			if !continuing {
				// only the marks of the switch below matter: skip the rest
				// without looking at their neighbours
				i = skipPlain(text, i, p.End)
				if i >= p.End {
					break
				}
				if text[i] >= utf8.RuneSelf {
					if r, size := utf8.DecodeRuneInString(text[i:p.End]); !isQuoteMark(r) {
						i += size
						continue
					}
				}
			}
			r, size := utf8.DecodeRuneInString(text[i:p.End])
			if continuing && i == p.Start {
				// the re-opening mark of a continued quote is part of it
				i += size
				continuing = false
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(text[p.Start:i])
			next, _ := utf8.DecodeRuneInString(text[i+size : p.End])
			if i == p.Start {
				prev = ' '
			}
			if i+size >= p.End {
				next = ' '
			}
			switch r {
			case '“', '„', '«', '‟':
				top := len(stack) - 1
				switch {
				case r == '“' && top >= 0 && stack[top].mark == '„':
					stack = closeTop(d, stack, i+size)
				case r == '«' && top >= 0 && stack[top].mark == '»':
					stack = closeTop(d, stack, i+size) // »Danish and German«
				case r == '“' && top >= 0 && stack[top].double && closerShaped(prev, next):
					// an opening mark typed where the quote closes:
					// “The budget is balanced,“ she said.
					stack = closeTop(d, stack, i+size)
				case lineStartsAt(text, p.Start, i) && startsQuoteWord(next) && top >= 0 && stack[top].double && lineBetween(text, stack[top].pos, i):
					// one-sentence-a-line text: a quote opening a line
					// while one from an earlier line is open means that
					// one lost its closing mark
					stack = endAtLine(d, stack, i)
					stack = push(stack, openMark{pos: i, double: true, mark: r})
				case r == '“' && top >= 0 && stack[top].mark == '“' && reopensAt(text, p.Start, i, next):
					// paragraphs of one quote run together: the mark
					// reopens the quote that is open, it nests nothing
				default:
					stack = push(stack, openMark{pos: i, double: true, mark: r})
				}
			case '”', '»':
				if k := lastDouble(stack); k >= 0 {
					stack = closeAt(d, stack, k, i+size)
				} else if k := lastMark(stack, '"'); k >= 0 && k == len(stack)-1 {
					stack = closeAt(d, stack, k, i+size) // "mixed marks”
				} else if isSpaceOrOpen(prev) {
					// a closing mark where a quote opens: ”We have enough
					// crews,” she said. (» opens Danish and German quotes)
					stack = push(stack, openMark{pos: i, double: true, mark: r, odd: true})
				}
			case '"':
				k := lastMark(stack, '"')
				opener := isSpaceOrOpen(prev) && !isSpaceRune(next)
				top := len(stack) - 1
				switch {
				case k >= 0 && startsQuoteWord(next) && k == top && lineStartsAt(text, p.Start, i) && lineBetween(text, stack[k].pos, i):
					// see the same case for “ above
					stack = endAtLine(d, stack, i)
					stack = push(stack, openMark{pos: i, double: true, mark: r})
				case k >= 0 && k == top && reopensAt(text, p.Start, i, next):
					// see the same case for “ above
				case k >= 0 && k == top && introducedAt(text, p.Start, i, next):
					stack = endAtSentence(d, stack, i)
					stack = push(stack, openMark{pos: i, double: true, mark: r})
				case k >= 0 && !(opener && k < len(stack)-1):
					stack = closeAt(d, stack, k, i+size)
				case k < 0 && top >= 0 && stack[top].double && closerShaped(prev, next):
					stack = closeTop(d, stack, i+size) // “mixed marks"
				case k < 0 && !closerShaped(prev, next):
					stack = push(stack, openMark{pos: i, double: true, mark: r})
				}
			case '‘', '‹':
				if r == '‘' && decadeAt(text[i+size:p.End]) {
					break // "the ‘90s", "class of ‘17": an apostrophe
				}
				stack = push(stack, openMark{pos: i, double: false, mark: r})
			case '’', '›':
				if isLetterOrDigit(prev) && isLetterOrDigit(next) {
					break // apostrophe in a word
				}
				if k := lastSingle(stack); k >= 0 && k == len(stack)-1 {
					if lb.count(text, stack[k].pos, i) > maxSingleLines {
						// (as for straight marks: an opener many lines
						// back lost its close; a plural's apostrophe,
						// "voters’ choice", closes nothing)
						stack = stack[:k]
						break
					}
					stack = closeAt(d, stack, k, i+size)
				}
			case '\'':
				if next == '\'' {
					// Two apostrophes typed for a double mark (older
					// newspaper archives, TeX): one mark of two
					// characters, opening or closing like '"'.
					after := ' '
					if i+2 < p.End {
						after, _ = utf8.DecodeRuneInString(text[i+2 : p.End])
					}
					if k := lastMark(stack, '"'); k >= 0 && k == len(stack)-1 && !isSpaceOrOpen(prev) {
						size = 2
						stack = closeAt(d, stack, k, i+size)
					} else if isSpaceOrOpen(prev) && !isSpaceRune(after) && after != '\'' {
						size = 2
						stack = push(stack, openMark{pos: i, double: true, mark: '"'})
					}
					break
				}
				if isLetterOrDigit(prev) && isLetterOrDigit(next) {
					break
				}
				k := lastMark(stack, '\'')
				switch {
				case k >= 0 && k == len(stack)-1 && unicode.IsLetter(next) && lineStartsAt(text, p.Start, i) && lineBetween(text, stack[k].pos, i):
					if sentenceEndBefore(text, p.Start, i-1) && continuedLine(text, p.Start, stack[k].pos, i-1) {
						// one-sentence-a-line text: each line of a long
						// quote opens with a mark and only the last
						// closes ("'In fact, ... indictments.\n'Now, ...
						// determined.'"): the mark reopens the quote
						// open, it nests nothing
						break
					}
					// a line of narrative came between: the open quote
					// lost its closing mark at the end of its last line,
					// and this mark opens a new one
					stack = endAtRunEnd(d, stack, p.Start, i)
					stack = push(stack, openMark{pos: i, double: false, mark: r})
				case k >= 0 && k == len(stack)-1 && !isLetterOrDigit(next) && lb.count(text, stack[k].pos, i) > maxSingleLines:
					// an opener many lines back was an apostrophe or lost
					// its closing mark: closing it here would make one
					// quote of everything between; this closer closes
					// nothing either
					stack = stack[:k]
				case k >= 0 && k == len(stack)-1 && !isLetterOrDigit(next):
					stack = closeAt(d, stack, k, i+size)
				case isSpaceOrOpen(prev) && unicode.IsLetter(next):
					stack = push(stack, openMark{pos: i, double: false, mark: r})
				}
			}
			i += size
		}
		// what is left open: the outermost double quote may continue
		fd := firstDouble(stack)
		for k := len(stack) - 1; k >= 0; k-- {
			m := stack[k]
			if !m.double || m.odd {
				continue
			}
			if k == fd && pi+1 < len(d.Paras) && opensWithMark(text, d.Paras[pi+1].Start) {
				mm := m
				carry = &mm
				continue
			}
			d.Quotes = append(d.Quotes, doc.Quote{Start: m.pos, End: p.End, Unclosed: true})
		}
	}
	if carry != nil && len(d.Paras) > 0 {
		d.Quotes = append(d.Quotes, doc.Quote{Start: carry.pos, End: d.Paras[len(d.Paras)-1].End, Unclosed: true})
	}
	if len(d.Quotes) == 0 {
		return
	}
	// Each quote starts at its own opening mark, so no two compare equal
	// and the order is the one any sort gives.
	slices.SortFunc(d.Quotes, func(a, b doc.Quote) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	nestQuotes(d)
}

// nestQuotes sets each quote's depth (how many quotes contain it) and each
// token's innermost quote, in one sweep: the regions findQuotes makes are
// laminar (two either nest or are disjoint, as a stack pairs them), so the
// quotes containing a point are the ones still open on a stack when the
// point is reached, in order of depth. Quadratic loops here made a run of
// nested or unclosed marks cost minutes (issue 11).
func nestQuotes(d *doc.Doc) {
	var open []int // indices of the quotes containing the current position
	for qi := range d.Quotes {
		q := d.Quotes[qi]
		for len(open) > 0 && !(q.End <= d.Quotes[open[len(open)-1]].End) {
			open = open[:len(open)-1]
		}
		d.Quotes[qi].Depth = len(open)
		open = append(open, qi)
	}
	// a token belongs to the innermost quote whose span holds its start
	open = open[:0]
	qi := 0
	for ti := range d.Tokens {
		s := d.Tokens[ti].Start
		for qi < len(d.Quotes) && d.Quotes[qi].Start <= s {
			for len(open) > 0 && d.Quotes[open[len(open)-1]].End <= d.Quotes[qi].Start {
				open = open[:len(open)-1]
			}
			open = append(open, qi)
			qi++
		}
		for len(open) > 0 && d.Quotes[open[len(open)-1]].End <= s {
			open = open[:len(open)-1]
		}
		if len(open) > 0 {
			d.Tokens[ti].Quote = open[len(open)-1] + 1
		}
	}
}

// plainByte: ASCII bytes that are no quote mark findQuotes handles.
var plainByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\''
	}
	return
}()

// isQuoteMark: the non-ASCII marks the switch in findQuotes handles.
func isQuoteMark(r rune) bool {
	switch r {
	case '“', '„', '«', '‟', '”', '»', '‘', '‹', '’', '›':
		return true
	}
	return false
}

// closerShaped: a mark after a word or punctuation and before a space,
// punctuation or the end, where a quote closes rather than opens.
func closerShaped(prev, next rune) bool {
	return !isSpaceOrOpen(prev) && !isLetterOrDigit(next)
}

// startsQuoteWord: what may follow an opening mark at a line's start (a mark
// before "." or "," there closes a quote that a line break split).
func startsQuoteWord(next rune) bool {
	return isLetterOrDigit(next) || next == '[' || next == '…' || next == '‘' || next == '\''
}

// reopensAt reports whether the mark at byte i, inside an open quote,
// reopens it: it follows a sentence's final punctuation and a space and
// opens a word, as when a corpus runs the paragraphs of a long quote
// together ("... back. "What I think ...").
func reopensAt(text string, pstart, i int, next rune) bool {
	if !startsQuoteWord(next) || i-2 < pstart || text[i-1] != ' ' {
		return false
	}
	// a single quote may close with the sentence: say 'wow.' "My ...
	before := strings.TrimRight(text[pstart:i-1], "'’")
	switch {
	case before == "":
		return false
	case strings.HasSuffix(before, ".") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "!"):
		return true
	}
	return strings.HasSuffix(before, "…")
}

// introducedAt reports whether the mark at byte i follows a colon and a
// space and opens a word: He added: "The ... While a straight quote is
// open, such a mark opens a new quote; the open one lost its closing mark
// (curly quotes nest that way instead: “She told women: “You're ...” ...”).
func introducedAt(text string, pstart, i int, next rune) bool {
	return startsQuoteWord(next) && i-2 >= pstart && text[i-1] == ' ' && text[i-2] == ':'
}

// endAtSentence ends the quote open on top of stack, unclosed, at the
// last sentence end before byte i (or just before i when there is none).
func endAtSentence(d *doc.Doc, stack []openMark, i int) []openMark {
	top := stack[len(stack)-1]
	end := i - 1
	for j := i - 2; j > top.pos+1; j-- {
		if c := d.Text[j]; (c == '.' || c == '?' || c == '!') && d.Text[j+1] == ' ' {
			end = j + 1
			break
		}
	}
	for end > top.pos+1 && d.Text[end-1] == ' ' {
		end--
	}
	if !top.odd {
		d.Quotes = append(d.Quotes, doc.Quote{Start: top.pos, End: end, Unclosed: true})
	}
	return stack[:len(stack)-1]
}

// lineStartsAt reports whether byte i opens a line (after a single line
// break) of the paragraph starting at pstart.
func lineStartsAt(text string, pstart, i int) bool {
	return i > pstart && text[i-1] == '\n'
}

// decadeAt reports whether s opens with two digits and then an "s" or
// no letter or digit: a year or decade cut short after an apostrophe
// ("‘90s", "‘17").
func decadeAt(s string) bool {
	if len(s) < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return false
	}
	if len(s) == 2 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[2:])
	return r == 's' || !isLetterOrDigit(r)
}

// maxSingleLines bounds the lines a quote in straight single marks spans
// within one paragraph (one-sentence-a-line text holds a whole article in
// one paragraph).
const maxSingleLines = 10

// lineBreaks counts the line breaks between two marks in O(log n): the
// breaks' offsets are listed once, on the first count (a count over the
// text between would make a run of nested marks quadratic).
type lineBreaks struct {
	at    []int
	built bool
}

func (lb *lineBreaks) count(text string, from, to int) int {
	if !lb.built {
		lb.built = true
		for i := 0; ; {
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				break
			}
			lb.at = append(lb.at, i+j)
			i += j + 1
		}
	}
	a, _ := slices.BinarySearch(lb.at, from)
	b, _ := slices.BinarySearch(lb.at, to)
	return b - a
}

// sentenceEndBefore reports whether the text before byte end (a line
// break), past closing marks and spaces, ends a sentence.
func sentenceEndBefore(text string, pstart, end int) bool {
	before := strings.TrimRight(text[pstart:end], " \t\r'’\"”")
	return strings.HasSuffix(before, ".") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "…")
}

// continuedLine reports whether the line ending at byte end (a line
// break) holds the mark at byte open or starts with a straight single
// mark: the quote opened there runs on through it.
func continuedLine(text string, pstart, open, end int) bool {
	start := strings.LastIndexByte(text[pstart:end], '\n') + 1 + pstart
	return open >= start || text[start] == '\''
}

// endAtRunEnd ends the straight single quote open on top of stack,
// unclosed, at the end of the last line before byte i that holds its
// opening mark or starts with a mark continuing it; the lines of
// narrative after that are not in it.
func endAtRunEnd(d *doc.Doc, stack []openMark, pstart, i int) []openMark {
	top := stack[len(stack)-1]
	text := d.Text
	end := i - 1 // the line break before i
	found := false
	for n := 0; end > top.pos && n <= maxSingleLines; n++ {
		start := strings.LastIndexByte(text[pstart:end], '\n') + 1 + pstart
		if top.pos >= start || text[start] == '\'' {
			found = true
			break
		}
		end = start - 1
	}
	for end > top.pos+1 && (text[end-1] == ' ' || text[end-1] == '\r' || text[end-1] == '\t') {
		end--
	}
	if found && end > top.pos+1 && !top.odd {
		// (not flagged Unclosed: the region ends where its lines of
		// quotation end, as a closing mark would, not at the end of a
		// paragraph that may run on in the reporter's words)
		d.Quotes = append(d.Quotes, doc.Quote{Start: top.pos, End: end})
	}
	return stack[:len(stack)-1]
}

// lineBetween reports whether a line break lies between two marks.
func lineBetween(text string, from, to int) bool {
	for j := from; j < to; j++ {
		if text[j] == '\n' {
			return true
		}
	}
	return false
}

// endAtLine ends the quote open on top of stack, unclosed, at the line
// break before byte i.
func endAtLine(d *doc.Doc, stack []openMark, i int) []openMark {
	top := stack[len(stack)-1]
	end := i - 1
	for end > top.pos+1 && (d.Text[end-1] == ' ' || d.Text[end-1] == '\r' || d.Text[end-1] == '\t') {
		end--
	}
	if !top.odd {
		d.Quotes = append(d.Quotes, doc.Quote{Start: top.pos, End: end, Unclosed: true})
	}
	return stack[:len(stack)-1]
}

func opensWithMark(text string, at int) bool {
	r, _ := utf8.DecodeRuneInString(text[at:])
	return r == '"' || r == '“' || r == '„' || r == '«'
}

func closeTop(d *doc.Doc, stack []openMark, end int) []openMark {
	return closeAt(d, stack, len(stack)-1, end)
}

// closeAt closes the mark at stack[k] and drops the marks opened inside it
// that never closed.
func closeAt(d *doc.Doc, stack []openMark, k, end int) []openMark {
	d.Quotes = append(d.Quotes, doc.Quote{Start: stack[k].pos, End: end})
	return stack[:k]
}

func lastDouble(stack []openMark) int { return nearest(stack, kindCurlyDouble) }

func firstDouble(stack []openMark) int {
	for k := range stack {
		if stack[k].double {
			return k
		}
	}
	return -1
}

func lastSingle(stack []openMark) int { return nearest(stack, kindCurlySingle) }

// lastMark finds the topmost straight mark m ('"' or '\”).
func lastMark(stack []openMark, m rune) int {
	if m == '"' {
		return nearest(stack, kindStraightDouble)
	}
	return nearest(stack, kindStraightSingle)
}

func isSpaceRune(r rune) bool { return r == utf8.RuneError || unicode.IsSpace(r) }

func isSpaceOrOpen(r rune) bool {
	return isSpaceRune(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == ':' || r == '“' || r == '‘' || r == '"' || r == '\''
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
