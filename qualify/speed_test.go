package qualify

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"
)

// scanWordReference is scanWord as it was before its run of ASCII
// letters got a loop of its own: a byte a turn through every test.
func scanWordReference(text string, low []byte, i, cp int, upper bool, nl int, toks []token) ([]token, int, int) {
	start, cstart := i, cp
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			cls := asciiClass[c]
			if cls&clsWord != 0 {
				if cls&clsUpper != 0 {
					low[i] = c + ('a' - 'A')
				}
				i++
				cp++
				continue
			}
			if cls&clsJoiner != 0 && wordRuneAt(text, i+1) {
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

// TestScanWordSame: scanWord reads the same word, code points and
// lower-cased bytes as before, from every word start of texts of ASCII,
// joiners, accented letters, curly apostrophes and invalid bytes.
func TestScanWordSame(t *testing.T) {
	texts := []string{
		"The U.S.-Russia talks at AT&T doesn’t end", "Zoë Ünal's e-mail", "x", "A.", "rock'n'roll—’s",
		"Ça va, Ñandú?", "9/11 2,000 3.5bn", "bad\xffbyte\xfe", "MIXED case WORDS", "end’", "o'", "a-",
	}
	pieces := []string{"a", "Z", "9", "'", "-", ".", "&", "’", "é", "É", " ", ",", "\xff", "ß", "\u0301", "\n"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		var b []byte
		for range 1 + rng.IntN(14) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		texts = append(texts, string(b))
	}
	checked := 0
	for _, text := range texts {
		for i := 0; i < len(text); i++ {
			if !wordRuneAt(text, i) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[i:])
			upper := r < utf8.RuneSelf && asciiClass[r]&clsUpper != 0
			gotLow, wantLow := []byte(text), []byte(text)
			got, gi, gcp := scanWord(text, gotLow, i, 3, upper, 1, nil)
			want, wi, wcp := scanWordReference(text, wantLow, i, 3, upper, 1, nil)
			if gi != wi || gcp != wcp || !slices.Equal(got, want) || string(gotLow) != string(wantLow) {
				t.Fatalf("%q at %d: got %v %d %d %q, want %v %d %d %q", text, i, got, gi, gcp, gotLow, want, wi, wcp, wantLow)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d word starts checked", checked)
	}
}

// TestIsOccasionWord: isOccasionWord is a look-up in occasionWords.
func TestIsOccasionWord(t *testing.T) {
	words := []string{"", "late", "later", "laters", "since", "sinca", "earlier", "afterward", "afterwards",
		"previously", "subsequently", "subsequentlyy", "a very long word indeed", "Later"}
	for w := range occasionWords {
		words = append(words, w)
	}
	for _, w := range words {
		if got, want := isOccasionWord(w), occasionWords[w]; got != want {
			t.Errorf("isOccasionWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCueBoundWordsInFilter: every cueBound anchor passes lex.mayHave,
// which findMatches asks first of a quoted word.
func TestCueBoundWordsInFilter(t *testing.T) {
	if len(cueBoundWords) == 0 {
		t.Fatal("no cueBound anchors")
	}
	for w := range cueBoundWords {
		if !lex.mayHave(w) {
			t.Errorf("cueBound anchor %q is not in the filter", w)
		}
	}
}
