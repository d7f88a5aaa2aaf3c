package resolve

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

// TestTitleCaseAt holds titleCaseAt, which stops once no capitals left
// could make a paragraph title case, to counting every word, over
// paragraphs of prose, headlines, mostly capitalised ones that turn at
// the end either way, and short ones; and titleCaseOut to its bound
// (a lower-case word moves it, a capital left does not).
func TestTitleCaseAt(t *testing.T) {
	text := strings.Join([]string{
		"The minister said the plan would work, and critics said it would not.",
		"Mayor Says Port Will Stay Open",
		"Mayor Says Port Will Stay Open for the rest of the year at least",
		"Mayor Says Port Will Stay Open, the Council Reports",
		"the mayor says the port will stay Open Today Tomorrow And Always Ever More",
		"The mayor Says Port Will Stay Open Today For Sure", "Two Words", "A b C d E", "Big News. Small print here and there. Another Big Line",
		"“Quoted Title Of A Work,” he wrote in the Times on Monday.",
	}, "\n\n")
	d := segment.Segment(text)
	r := pooledResolver(t, d)
	for pi, p := range d.Paras {
		words, caps := 0, 0
		for k := d.Sents[p.First].First; k < d.Sents[p.Last-1].Last; k++ {
			if tok := d.Tokens[k].Text; !isPunct(tok) {
				words++
				if isCap(tok) {
					caps++
				}
			}
		}
		want := words >= 4 && caps*10 >= words*7
		if got := r.titleCaseAt(pi); got != want {
			t.Errorf("paragraph %d %q: title case %v, want %v", pi, d.Text[p.Start:p.End], got, want)
		}
	}
	for _, tc := range []struct {
		words, caps, rest int
		want              bool
	}{
		{10, 7, 0, false}, {10, 6, 0, true}, {10, 6, 1, true}, {10, 6, 10, false}, {10, 0, 23, true}, {10, 0, 24, false},
	} {
		if got := titleCaseOut(tc.words, tc.caps, tc.rest); got != tc.want {
			t.Errorf("titleCaseOut(%d, %d, %d) = %v, want %v", tc.words, tc.caps, tc.rest, got, tc.want)
		}
	}
}

// pooledResolver is a resolver from the pool readied for d, released and
// put back when the test ends (a resolver not released keeps the last
// article's lower-case words for the next).
func pooledResolver(t *testing.T, d *doc.Doc) *resolver {
	t.Helper()
	r := resolverPool.Get().(*resolver)
	r.reset(d)
	t.Cleanup(func() {
		r.release()
		resolverPool.Put(r)
	})
	return r
}
