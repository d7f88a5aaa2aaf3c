package attribute

import (
	"testing"

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
