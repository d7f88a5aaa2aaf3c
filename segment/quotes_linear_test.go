package segment

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/internal/cputime"
)

// The reference below is findQuotes as it was before nestQuotes and the
// O(1) stack look-ups (quadratic in the marks): the new code must give
// exactly its quotes and token membership.

type refOpenMark struct {
	pos    int  // byte offset of the mark
	double bool // double (or guillemet) vs single
	mark   rune
}

// refFindQuotes finds quote regions paragraph by paragraph. Straight marks
// are paired by context; curly and angle marks by shape; a quote left open
// at a paragraph's end continues when the next paragraph opens with a
// mark (the multi-paragraph convention), else it ends there, flagged.
func refFindQuotes(d *doc.Doc) {
	text := d.Text
	var carry *refOpenMark // an open double quote continued from the last paragraph
	for pi, p := range d.Paras {
		var stack []refOpenMark
		if carry != nil {
			// the continuation paragraph must open with a mark itself
			r, _ := utf8.DecodeRuneInString(text[p.Start:])
			if r == '"' || r == '“' || r == '„' || r == '«' {
				stack = append(stack, *carry)
			} else {
				d.Quotes = append(d.Quotes, doc.Quote{Start: carry.pos, End: d.Paras[pi-1].End, Unclosed: true})
			}
			carry = nil
		}
		continuing := len(stack) == 1
		for i := p.Start; i < p.End; {
			if !continuing {
				// only the marks of the switch below matter: skip the rest
				// without looking at their neighbours
				for i < p.End && plainByte[text[i]] {
					i++
				}
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
				if r == '“' && len(stack) > 0 && stack[len(stack)-1].mark == '„' {
					stack = refCloseTop(d, stack, i+size)
				} else {
					stack = append(stack, refOpenMark{pos: i, double: true, mark: r})
				}
			case '”', '»':
				if k := refLastDouble(stack); k >= 0 {
					stack = refCloseAt(d, stack, k, i+size)
				}
			case '"':
				k := refLastMark(stack, '"')
				opener := isSpaceOrOpen(prev) && !isSpaceRune(next)
				if k >= 0 && !(opener && k < len(stack)-1) {
					stack = refCloseAt(d, stack, k, i+size)
				} else if k < 0 && !(isLetterOrDigit(prev) && isSpaceRune(next)) {
					stack = append(stack, refOpenMark{pos: i, double: true, mark: r})
				}
			case '‘', '‹':
				stack = append(stack, refOpenMark{pos: i, double: false, mark: r})
			case '’', '›':
				if isLetterOrDigit(prev) && isLetterOrDigit(next) {
					break // apostrophe in a word
				}
				if k := refLastSingle(stack); k >= 0 && k == len(stack)-1 {
					stack = refCloseAt(d, stack, k, i+size)
				}
			case '\'':
				if isLetterOrDigit(prev) && isLetterOrDigit(next) {
					break
				}
				if k := refLastMark(stack, '\''); k >= 0 && k == len(stack)-1 && !isLetterOrDigit(next) {
					stack = refCloseAt(d, stack, k, i+size)
				} else if isSpaceOrOpen(prev) && unicode.IsLetter(next) {
					stack = append(stack, refOpenMark{pos: i, double: false, mark: r})
				}
			}
			i += size
		}
		// what is left open: the outermost double quote may continue
		for k := len(stack) - 1; k >= 0; k-- {
			m := stack[k]
			if !m.double {
				continue
			}
			if k == refFirstDouble(stack) && pi+1 < len(d.Paras) && opensWithMark(text, d.Paras[pi+1].Start) {
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
	// depth by containment, then token membership (innermost wins)
	for qi := range d.Quotes {
		depth := 0
		for qj := 0; qj < qi; qj++ {
			if d.Quotes[qj].Start <= d.Quotes[qi].Start && d.Quotes[qi].End <= d.Quotes[qj].End {
				depth++
			}
		}
		d.Quotes[qi].Depth = depth
	}
	ti := 0
	for qi, q := range d.Quotes {
		for ti > 0 && d.Tokens[ti-1].End > q.Start {
			ti--
		}
		for ; ti < len(d.Tokens) && d.Tokens[ti].Start < q.End; ti++ {
			if d.Tokens[ti].Start >= q.Start {
				cur := d.Tokens[ti].Quote
				if cur == 0 || d.Quotes[cur-1].Depth <= q.Depth {
					d.Tokens[ti].Quote = qi + 1
				}
			}
		}
	}
}

func refCloseTop(d *doc.Doc, stack []refOpenMark, end int) []refOpenMark {
	return refCloseAt(d, stack, len(stack)-1, end)
}

// refCloseAt closes the mark at stack[k] and drops the marks opened inside it
// that never closed.
func refCloseAt(d *doc.Doc, stack []refOpenMark, k, end int) []refOpenMark {
	d.Quotes = append(d.Quotes, doc.Quote{Start: stack[k].pos, End: end})
	return stack[:k]
}

func refLastDouble(stack []refOpenMark) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].double && stack[k].mark != '"' {
			return k
		}
	}
	return -1
}

func refFirstDouble(stack []refOpenMark) int {
	for k := range stack {
		if stack[k].double {
			return k
		}
	}
	return -1
}

func refLastSingle(stack []refOpenMark) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if !stack[k].double && stack[k].mark != '\'' {
			return k
		}
	}
	return -1
}

func refLastMark(stack []refOpenMark, m rune) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].mark == m {
			return k
		}
	}
	return -1
}

// TestFindQuotesMatchesReference: on random soups of words, every kind of
// mark, line breaks and blank lines, the linear findQuotes gives the
// reference's regions, depths and token membership.
func TestFindQuotesMatchesReference(t *testing.T) {
	pieces := []string{"word", "Word", "it’s", "don't", " ", " ", " ", "\n", "\n\n", ".", ",",
		"\"", "'", "“", "”", "‘", "’", "„", "«", "»", "‹", "›", "‟", "(", "—"}
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 3000; iter++ {
		var b strings.Builder
		n := 1 + rng.IntN(120)
		for k := 0; k < n; k++ {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		got := Segment(text)
		want := Segment(text)
		want.Quotes = nil
		for i := range want.Tokens {
			want.Tokens[i].Quote = 0
		}
		refFindQuotes(want)
		if !slices.Equal(got.Quotes, want.Quotes) {
			t.Fatalf("%q: quotes\n got %v\nwant %v", text, got.Quotes, want.Quotes)
		}
		for i := range got.Tokens {
			if got.Tokens[i].Quote != want.Tokens[i].Quote {
				t.Fatalf("%q: token %d %q in quote %d, want %d", text, i, got.Tokens[i].Text, got.Tokens[i].Quote, want.Tokens[i].Quote)
			}
		}
	}
}

// TestFindQuotesLinear: texts of many marks of one shape (open, close,
// nested, unclosed singles before closing doubles, continued paragraphs)
// segment about as fast as the same text with brackets for quote marks. CPU time, not
// wall time, compared alternately (the machine may be shared); the bar
// (6x) is loose, the quadratic code took thousands of times longer at this
// size (100,000 marks).
func TestFindQuotesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	noMarks := strings.NewReplacer("“", "(", "”", ")", "‘", "[", "’", "]")
	shapes := map[string]func(k int) string{
		"open":    func(k int) string { return strings.Repeat("“word ", k) },
		"close":   func(k int) string { return strings.Repeat("word” ", k) },
		"nested":  func(k int) string { return strings.Repeat("“a ‘b ", k/2) + strings.Repeat("c’ d” ", k/2) },
		"singles": func(k int) string { return strings.Repeat("‘word ", k/2) + strings.Repeat("” ", k/2) },
		"paras":   func(k int) string { return strings.Repeat("“word word\n\n", k/2) },
	}
	for name, mk := range shapes {
		text := mk(100000)
		plain := noMarks.Replace(text) // the same tokens, no quote marks
		tp, ts := cputime.MinPair(3, func() { Segment(plain) }, func() { Segment(text) })
		if ratio := float64(ts) / float64(tp); ratio > 6 {
			t.Errorf("%s: %d bytes took %.1fx the time without quote marks (%v, %v)", name, len(text), ratio, ts, tp)
		}
	}
}

var _ = cmp.Compare[int]
var _ = unicode.IsSpace
var _ = utf8.RuneSelf
