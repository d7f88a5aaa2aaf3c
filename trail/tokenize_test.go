package trail

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/claimtrail/claimtrail/internal/shareddata"
	"golang.org/x/text/unicode/norm"
)

// tokenizeRef is Tokenize as it was before tokenize (session 28): the
// reference the faster code must equal token for token.
func tokenizeRef(text string) []Token {
	if norm.NFKC.QuickSpanString(text) != len(text) {
		text = norm.NFKC.String(text)
	}
	rs := []rune(text)
	var toks []Token
	var surface, normed []rune
	flush := func() {
		if len(normed) > 0 {
			n := strings.TrimRight(string(normed), "'")
			s := strings.TrimRight(string(surface), "'’")
			if w, ok := smallNumbers[n]; ok {
				n = w
			}
			if n != "" {
				toks = append(toks, Token{Norm: n, Surface: s})
			}
		}
		surface, normed = surface[:0], normed[:0]
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			surface = append(surface, r)
			normed = append(normed, foldRune(r)...)
		case isApostrophe(r) && len(normed) > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			surface = append(surface, r)
			normed = append(normed, '\'')
		case (r == ',' || r == '.') && len(normed) > 0 && unicode.IsDigit(rs[i-1]) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			surface = append(surface, r)
			if r == '.' {
				normed = append(normed, '.')
			}
		case unicode.Is(unicode.Mn, r):
			surface = append(surface, r)
		default:
			flush()
			n := ellipsisAt(rs, i)
			if n == 0 && r == '[' {
				n = insertionAt(rs, i)
			}
			if n > 0 {
				if len(toks) > 0 && toks[len(toks)-1].Norm != Gap {
					toks = append(toks, Token{Norm: Gap, Surface: "…"})
				}
				i += n - 1
			}
		}
	}
	flush()
	for len(toks) > 0 && toks[len(toks)-1].Norm == Gap {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// checkTokenize compares Tokenize, countTokens and tokenize with limits
// against tokenizeRef on one text.
func checkTokenize(t *testing.T, text string) {
	t.Helper()
	want := tokenizeRef(text)
	if got := Tokenize(text); !slices.Equal(got, want) {
		t.Fatalf("Tokenize(%q) = %q, want %q", text, got, want)
	}
	if got := countTokens(text); got != len(want) {
		t.Fatalf("countTokens(%q) = %d, want %d", text, got, len(want))
	}
	for limit := 0; limit <= 7; limit++ {
		got, n := tokenize(text, limit, true)
		// A prefix of the tokens, more than limit of them exactly when
		// there are, all of them when there are not.
		ok := n == len(got) && len(got) <= len(want) && slices.Equal(got, want[:len(got)]) &&
			(len(got) > limit) == (len(want) > limit) && (len(want) > limit || len(got) == len(want))
		if ok && len(got) > limit {
			ok = got[len(got)-1].Norm != Gap
		}
		if !ok {
			t.Fatalf("tokenize(%q, %d) = %q, want a prefix of %q past the limit", text, limit, got, want)
		}
	}
}

func TestTokenizeRef(t *testing.T) {
	for _, text := range []string{
		"", " ", "...", "…", "'", "''", "a", "A B C D E F G H",
		"We will ... win", "We will… …win ...", "... we will win ...", "[He] perceives", "they [Democrats] don't",
		"[the] Senate Leader", "Face the Nation", "In God We Trust", "This Week,", "members' rights",
		"don’t stop", "Trump's wall", "1,000 or 1.5 or 2 in 3", "two-in-three", "re-election",
		"naïve café", "Ⓐ of Ⓑ", "ﬁnal ﬂag", "ＡＢＣ ｄｅｆ", "İstanbul ǅemal", "x\u0301y", "\u0301a",
		"\xee\x00\x80\x80 bad \xff utf", "It's 20 . . . no, 21 [...] words", "a ... b ... c ... d ... e ... f ... g",
		"One Two Three Four Five ... Six", "One Two Three Four Five Six ...", "One ... Two ... Three",
		"'quoted' words'", "‘single’ and “double”", "O'Neill's  O’Brien’", "5'", "K\u212a kelvin",
	} {
		checkTokenize(t, text)
	}
	dir := shareddata.Dir(t, "bbc")
	lines := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") || lines > 20000 {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			checkTokenize(t, sc.Text())
			lines++
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d lines of BBC news tokenized alike", lines)
}
