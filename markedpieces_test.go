package claimtrail

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// markedPiecesRef is markedPieces as it was before the fast paths over
// ASCII bytes and the late title-case check: the new one must agree.
func markedPiecesRef(out []Span, c Span, one bool) []Span {
	n0 := len(out)
	p := &pieceBuilder{c: c}
	t := c.Text
	titleCase, titleKnown := false, false // isTitleCaseRef(t), worked out at the first quote: most texts have none
	add := func(from, to int, single bool) {
		s, ok := p.span(from, to)
		if !ok || single && !strings.ContainsAny(s.Text, " ") {
			return
		}
		if !titleKnown {
			titleCase, titleKnown = isTitleCaseRef(t), true
		}
		if !titleCase && strings.ContainsAny(s.Text, " ") && isTitleCaseRef(s.Text) && strings.IndexFunc(s.Text, unicode.IsUpper) >= 0 && !coinedName(t[:from], t[to:]) {
			return
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

func checkMarkedPieces(t *testing.T, text string) {
	c := Span{Start: 3, End: 3 + utf8.RuneCountInString(text), Text: text}
	for _, one := range []bool{false, true} {
		got, want := markedPieces(nil, c, one), markedPiecesRef(nil, c, one)
		if !slices.Equal(got, want) {
			t.Fatalf("markedPieces(%q, %v) = %v, want %v", text, one, got, want)
		}
	}
}

func TestMarkedPiecesSameAsBefore(t *testing.T) {
	pieces := []string{"He said ", "\"", "'", "`", "“", "”", "‘", "’", "«", "»", "„", "The Big Book", " of ", "Face The Nation", "don't", " ", "\n", ".", "!", "x", "É", "\xff", "\xe2\x80", "wow.", ", said X, ", "42", "″", "＂"}
	rng := rand.New(rand.NewSource(3))
	for range 100000 {
		var b strings.Builder
		for range rng.Intn(16) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkMarkedPieces(t, b.String())
	}
}

func FuzzMarkedPieces(f *testing.F) {
	f.Add(`He called it "The Art of the Deal" and said "we will win".`)
	f.Add("“It's very ambitious”, said X, “and new.”")
	f.Fuzz(func(t *testing.T, s string) { checkMarkedPieces(t, s) })
}
