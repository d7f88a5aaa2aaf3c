package postgres

import (
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Highlighting a quote hit in Go, from the stored vector.
//
// Why not ts_headline: a page of 20 quote hits called it twice per hit
// (the snippet and the whole content), and each call parses the text
// again and stems every word: 45% of PostgreSQL's time under the API
// load test (pg_stat_statements, 1M quotes). The stored search_content
// vector already says which words match: it is to_tsvector of fold(content),
// so its position i is the i-th word that fold makes of the content
// (every word gives a lexeme: the configuration has no stop words), and
// the lexemes that match the query's operands give the positions to
// mark. contentWords finds those words in the text as written, so the
// marks fall on the words search matched: "U.S." is the words U and S,
// as for FTS5's unicode61 tokenizer in the sqlite store, where
// ts_headline's own parser read one token and marked nothing.

// snippetWords is how many words a quote hit's snippet holds, as
// FTS5's snippet(..., 24) in the sqlite store and ts_headline's MaxWords
// before.
const snippetWords = 24

// wordSpan is a word of a text as fold splits it: its code-point and
// byte offsets in the text as written (trailing combining marks
// included).
type wordSpan struct {
	start, end         int // code points
	byteStart, byteEnd int
}

// contentWords splits s into the words fold would make of it (letters
// and digits; combining marks dropped and joining; anything else
// separates), with their offsets in s. Its words are strings.Fields(fold(s))
// one for one (TestContentWordsAsFold).
func contentWords(s string) []wordSpan {
	var out []wordSpan
	in := false
	ri := 0
	var buf [utf8.UTFMax * 4]byte
	for bi, r := range s {
		size := 1
		if r >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(s[bi:])
		}
		var word, mark bool
		if r < utf8.RuneSelf {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			// as fold, which reads the text decomposed (NFD): a
			// precomposed letter is its base letter and marks
			d := norm.NFD.AppendString(buf[:0], s[bi:bi+size])
			mark = true
			for _, x := range string(d) {
				switch {
				case unicode.Is(unicode.Mn, x):
				case unicode.IsLetter(x) || unicode.IsDigit(x):
					word, mark = true, false
				default:
					mark = false
				}
				if word {
					break
				}
			}
		}
		switch {
		case word && in:
			out[len(out)-1].end, out[len(out)-1].byteEnd = ri+1, bi+size
		case word:
			out = append(out, wordSpan{ri, ri + 1, bi, bi + size})
			in = true
		case mark:
			// dropped by fold: neither ends nor starts a word
			if in {
				out[len(out)-1].end, out[len(out)-1].byteEnd = ri+1, bi+size
			}
		default:
			in = false
		}
		ri++
	}
	return out
}

// tsOperand is an operand of a tsquery: a lexeme, or a prefix of
// lexemes (word:*).
type tsOperand struct {
	lexeme string
	prefix bool
}

// queryOperands returns the operands of a tsquery in its text form (as
// to_tsquery(...)::text prints it) that are not under a negation: the
// words a hit is marked for. ts_headline marked the negated ones too
// (blair & !tony marked tony in a speaker's name search); FTS5 marks
// only what matched.
func queryOperands(q string) ([]tsOperand, error) {
	var ops []tsOperand
	var stack []bool // negation of each open group
	neg, not := false, false
	for i := 0; i < len(q); {
		switch c := q[i]; c {
		case ' ', '&', '|':
			i++
		case '!':
			not = !not
			i++
		case '(':
			stack = append(stack, neg)
			neg, not = neg != not, false
			i++
		case ')':
			if len(stack) == 0 {
				return nil, fmt.Errorf("tsquery %q: unbalanced )", q)
			}
			neg, stack = stack[len(stack)-1], stack[:len(stack)-1]
			i++
		case '<':
			j := strings.IndexByte(q[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("tsquery %q: unclosed <", q)
			}
			i += j + 1
		case '\'':
			lex, n, err := quotedLexeme(q[i:])
			if err != nil {
				return nil, fmt.Errorf("tsquery %q: %w", q, err)
			}
			i += n
			op := tsOperand{lexeme: lex}
			if i < len(q) && q[i] == ':' {
				i++
				for i < len(q) && (q[i] == '*' || 'A' <= q[i] && q[i] <= 'D') {
					op.prefix = op.prefix || q[i] == '*'
					i++
				}
			}
			if neg == not {
				ops = append(ops, op)
			}
			not = false
		default:
			return nil, fmt.Errorf("tsquery %q: unexpected %q at %d", q, c, i)
		}
	}
	return ops, nil
}

// quotedLexeme reads a quoted lexeme at the start of s as tsvector and
// tsquery print them (' doubled, \ escaping): the lexeme and the bytes
// read.
func quotedLexeme(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), i + 1, nil
		case '\\':
			if i+1 < len(s) {
				i++
			}
		}
		b.WriteByte(s[i])
	}
	return "", 0, fmt.Errorf("unclosed quote")
}

// matchedPositions reads a tsvector in its text form ('lexeme':1A,5A ...)
// and returns, by position, the index in ops of the first operand each
// position's lexeme matches (-1: none), and the highest position.
// Position p is at index p-1.
func matchedPositions(vec string, ops []tsOperand) ([]int, error) {
	type entry struct {
		op  int
		pos []int
	}
	var entries []entry
	top := 0
	for i := 0; i < len(vec); {
		if vec[i] == ' ' {
			i++
			continue
		}
		if vec[i] != '\'' {
			return nil, fmt.Errorf("tsvector: unexpected %q at %d", vec[i], i)
		}
		lex, n, err := quotedLexeme(vec[i:])
		if err != nil {
			return nil, fmt.Errorf("tsvector: %w", err)
		}
		i += n
		e := entry{op: -1}
		for k, op := range ops {
			if lex == op.lexeme || op.prefix && strings.HasPrefix(lex, op.lexeme) {
				e.op = k
				break
			}
		}
		if i < len(vec) && vec[i] == ':' {
			i++
			for {
				j := i
				for j < len(vec) && '0' <= vec[j] && vec[j] <= '9' {
					j++
				}
				p, err := strconv.Atoi(vec[i:j])
				if err != nil {
					return nil, fmt.Errorf("tsvector: position at %d: %w", i, err)
				}
				top = max(top, p)
				if e.op >= 0 {
					e.pos = append(e.pos, p)
				}
				for j < len(vec) && 'A' <= vec[j] && vec[j] <= 'D' {
					j++
				}
				i = j
				if i < len(vec) && vec[i] == ',' {
					i++
					continue
				}
				break
			}
		}
		if e.op >= 0 {
			entries = append(entries, e)
		}
	}
	out := make([]int, top)
	for i := range out {
		out[i] = -1
	}
	for _, e := range entries {
		for _, p := range e.pos {
			if p >= 1 && out[p-1] < 0 {
				out[p-1] = e.op
			}
		}
	}
	return out, nil
}

// markWords returns the snippet and the whole text of s with the words
// whose op is not -1 wrapped in matchOpen and matchClose (ops[i] is
// word i's). The snippet is the window of snippetWords words holding
// the most distinct operands, then the most matched words, earliest
// first, moved so that its matches sit in its middle; it is cut at its
// first and last words with "…" where it cuts the text short, as FTS5's
// snippet(); a window that reaches the text's start or end keeps it
// whole there (punctuation included).
func markWords(s string, words []wordSpan, ops []int) (snippet, full string) {
	var b strings.Builder
	write := func(from, to int) { // words[from:to] with what lies between them, marked
		for i := from; i < to; i++ {
			if i > from {
				b.WriteString(s[words[i-1].byteEnd:words[i].byteStart])
			}
			w := s[words[i].byteStart:words[i].byteEnd]
			if ops[i] >= 0 {
				b.WriteString(matchOpen)
				b.WriteString(w)
				b.WriteString(matchClose)
			} else {
				b.WriteString(w)
			}
		}
	}
	n := len(words)
	if n == 0 {
		return s, s
	}
	b.Grow(len(s) + 16)
	b.WriteString(s[:words[0].byteStart])
	write(0, n)
	b.WriteString(s[words[n-1].byteEnd:])
	full = b.String()
	if n <= snippetWords {
		return full, full
	}
	from := bestWindow(ops)
	to := from + snippetWords
	b.Reset()
	if from == 0 {
		b.WriteString(s[:words[0].byteStart])
	} else {
		b.WriteString("…")
	}
	write(from, to)
	if to == n {
		b.WriteString(s[words[n-1].byteEnd:])
	} else {
		b.WriteString("…")
	}
	return b.String(), full
}

// bestWindow is the first word of markWords' snippet window (len(ops) >
// snippetWords).
func bestWindow(ops []int) int {
	n := len(ops)
	best, bestScore := 0, -1
	seen := map[int]bool{}
	for start := range n - snippetWords + 1 {
		clear(seen)
		score := 0
		for _, op := range ops[start : start+snippetWords] {
			if op >= 0 {
				if !seen[op] {
					seen[op] = true
					score += 1000
				}
				score++
			}
		}
		if score > bestScore {
			best, bestScore = start, score
		}
	}
	first, last := -1, -1
	for i := best; i < best+snippetWords; i++ {
		if ops[i] >= 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return 0
	}
	return min(max(first-(snippetWords-(last-first+1))/2, 0), n-snippetWords)
}

// headlineFallbacks counts the quote hits that markHit could not mark
// and ts_headline did.
var headlineFallbacks atomic.Int64

// markHit marks a quote hit's snippet and content (markWords) from its
// stored content vector vec and the query tsq, both in their text form.
// ok is false when the vector's positions are not the content's words
// one for one (a word PostgreSQL's parser splits or drops; none is
// known): the caller asks ts_headline then.
func markHit(content, vec, tsq string) (snippet, full string, ok bool) {
	ops, err := queryOperands(tsq)
	if err != nil {
		return "", "", false
	}
	byPos, err := matchedPositions(vec, ops)
	if err != nil {
		return "", "", false
	}
	words := contentWords(content)
	if len(words) != len(byPos) {
		return "", "", false
	}
	snippet, full = markWords(content, words, byPos)
	return snippet, full, true
}
