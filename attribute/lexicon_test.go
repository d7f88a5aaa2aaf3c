package attribute

import (
	"testing"

	"github.com/claimtrail/claimtrail/segment"
)

// TestReportVerbHashed: the hashed lookup the view uses agrees with the
// maps on listed words, their inflections, and words not listed (among
// them near misses and prefixes of listed words).
func TestReportVerbHashed(t *testing.T) {
	words := []string{"", "x", "said", "say", "says", "saying", "claimed", "argued", "argues", "denied",
		"tweeted", "sai", "sayer", "table", "the", "quipped", "ARGUED", "announces", "believe", "believ",
		"'s", "--", "2024", "criticised", "emphasizing"}
	for w := range reportVerbs {
		words = append(words, w, w+"s", w+"ed", w+"ing", w[:len(w)-1], w+"x")
	}
	listed := 0
	for _, w := range words {
		w = normWord(w)
		st := stemOf(w)
		want := isReportVerb(w, st)
		if got := isReportVerbHashed(w, strHash(w), st, strHash(st)); got != want {
			t.Errorf("%q (stem %q): hashed %v, maps %v", w, st, got, want)
		}
		if want {
			listed++
		}
	}
	if listed < len(reportVerbs) {
		t.Errorf("only %d listed forms among %d words", listed, len(words))
	}
	if !isReportVerbHashed("argued", strHash("argued"), "argu", strHash("argu")) || isReportVerbHashed("table", strHash("table"), "table", strHash("table")) {
		t.Error("argued must be listed (stem argu+e), table not")
	}
}

// TestLowerWords: the view's lower-case words are normWord of each token,
// for ASCII words with and without capitals, quote marks, dashes and
// words outside ASCII.
func TestLowerWords(t *testing.T) {
	text := "Mr. SMITH said `yes` ``it’s fine'' -- “Ünlü” dijo… ÉCOLE and McDonald's 3M o'Neil it's"
	d := segment.Segment(text)
	v := newView(d)
	if len(d.Tokens) < 15 {
		t.Fatalf("only %d tokens", len(d.Tokens))
	}
	for i, tok := range d.Tokens {
		if want := normWord(tok.Text); v.lw[i] != want {
			t.Errorf("token %d %q: lw %q, want %q", i, tok.Text, v.lw[i], want)
		}
	}
}

// BenchmarkReportVerb compares the view's hashed lookup of listed verbs
// with the maps over the words of BBC articles; one op is one article.
func BenchmarkReportVerb(b *testing.B) {
	docs := bbcDocs(b, 100)
	views := make([]*view, len(docs))
	for i, d := range docs {
		views[i] = newView(d)
	}
	var sink int
	b.Run("maps", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			v := views[i%len(views)]
			for k := range v.lw {
				if isReportVerb(v.lw[k], v.stem[k]) {
					sink++
				}
			}
		}
	})
	b.Run("hashed", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			v := views[i%len(views)]
			for k := range v.lw {
				if isReportVerbHashed(v.lw[k], v.hw[k], v.stem[k], v.hst[k]) {
					sink++
				}
			}
		}
	})
	_ = sink
}
