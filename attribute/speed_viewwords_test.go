package attribute

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/claimtrail/claimtrail/segment"
)

// TestViewWords: the values newView takes from its table of words are
// those of each token's text worked out afresh (normWord, stemOf, the
// hashes, shapeOf, isReportVerbHashed), over 60 BBC articles viewed twice
// in turn through one pooled view (the table full, its slots taken over
// by other words), texts with capitals, quote marks, dashes and non-ASCII
// words, and an empty token text. It fails when a slot is read for
// another text.
func TestViewWords(t *testing.T) {
	check := func(v *view) {
		t.Helper()
		for i, tok := range v.d.Tokens {
			var want viewWord
			fillViewWord(&want, tok.Text)
			if v.lw[i] != want.lw || v.stem[i] != want.stem || v.hw[i] != want.hw || v.hst[i] != want.hst ||
				v.shape[i] != want.shape || v.reportVerb[i] != want.report {
				t.Fatalf("token %d %q: %q %q %x %x %c %v, want %q %q %x %x %c %v", i, tok.Text,
					v.lw[i], v.stem[i], v.hw[i], v.hst[i], v.shape[i], v.reportVerb[i],
					want.lw, want.stem, want.hw, want.hst, want.shape, want.report)
			}
		}
	}
	docs := bbcDocs(t, 60)
	tokens := 0
	for range 2 {
		for _, d := range docs {
			v := newView(d)
			check(v)
			tokens += len(d.Tokens)
			(&Text{v: v}).Release()
		}
	}
	if tokens < 2<<viewWordsBits {
		t.Fatalf("only %d tokens: the table was never full", tokens)
	}
	d := segment.Segment("Mr. SMITH said `yes` ``it’s fine'' -- “Ünlü” dijo… ÉCOLE and McDonald's 3M o'Neil it's SAID said")
	check(newView(d))
	d.Tokens[0].Text = ""
	check(newView(d))
	var words viewWords
	var scratch viewWord
	if e := words.get("", &scratch); e != &scratch || e.lw != normWord("") {
		t.Fatalf("empty text: entry %p (scratch %p), lw %q", e, &scratch, e.lw)
	}
}

// TestViewWordsKey: texts of every length around viewKeyLen, and texts
// that share a slot's key bytes but not its length, get their own
// values; the entry of a view word is 72 bytes. It fails when a longer
// text is read from a slot by its first viewKeyLen bytes, or a prefix
// by the bytes of a longer text.
func TestViewWordsKey(t *testing.T) {
	if size := unsafe.Sizeof(viewWord{}); size != 72 {
		t.Errorf("a view word is %d bytes, want 72", size)
	}
	var words viewWords
	var scratch viewWord
	long := "Internationalisation-of-Everything-Said"
	for range 2 {
		for n := 1; n <= len(long); n++ {
			for _, s := range []string{long[:n], strings.ToUpper(long[:n])} {
				var want viewWord
				fillViewWord(&want, s)
				got := words.get(s, &scratch)
				if got.lw != want.lw || got.stem != want.stem || got.hw != want.hw || got.hst != want.hst ||
					got.shape != want.shape || got.report != want.report {
					t.Fatalf("%q: %q %q %x %c, want %q %q %x %c", s, got.lw, got.stem, got.hw, got.shape, want.lw, want.stem, want.hw, want.shape)
				}
				if (got == &scratch) != (len(s) > viewKeyLen) {
					t.Fatalf("%q (%d bytes): kept in the table %v", s, len(s), got != &scratch)
				}
			}
		}
	}
}
