package trail

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCappedPostings holds the posting bound: a bigram in more than
// MaxPostings forms keeps the highest-ranked ones, cuts that share it
// and rarer words still join their utterance, and the clusters do not
// depend on the order the quotes came in.
func TestCappedPostings(t *testing.T) {
	var quotes []Quote
	id := int64(0)
	add := func(text string) {
		id++
		quotes = append(quotes, Quote{ID: id, ArticleID: id, Source: fmt.Sprintf("s%d", id), Text: text})
	}
	// MaxPostings+50 different utterances, all with "prime minister",
	// of different lengths.
	for i := range MaxPostings + 50 {
		add(fmt.Sprintf("the prime minister will visit town%d and meet mayor%d about bridge%d repairs", i, i, i) +
			strings.Repeat(" and more", i%7))
	}
	// A cut of one of them: shares the stop bigram and rarer ones.
	add("prime minister will visit town7 and meet mayor7")
	// A quote sharing only the stop bigram: stays apart.
	add("the prime minister is on holiday in the mountains this week")

	tests := []struct {
		name string
		seed uint64
	}{{"in order", 0}, {"shuffled", 1}, {"shuffled again", 2}}
	var first map[int64]ClusterID
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := append([]Quote(nil), quotes...)
			if tt.seed != 0 {
				r := rand.New(rand.NewPCG(tt.seed, 9))
				r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
			}
			ix := NewIndex(nil)
			for _, q := range qs {
				ix.Add(q)
			}
			for g, l := range ix.postings {
				if len(l) > MaxPostings {
					t.Errorf("posting list of %x holds %d forms", g, len(l))
				}
			}
			// The capped list holds the longest forms.
			l := ix.posted(gramOf(ix.vocab["prime"], ix.vocab["minister"]))
			if len(l) != MaxPostings {
				t.Fatalf("'prime minister' list holds %d forms, want %d", len(l), MaxPostings)
			}
			in := map[*node]bool{}
			for _, id := range l {
				in[ix.byID[id]] = true
			}
		outer:
			for _, out := range ix.nodes {
				if in[out] || !strings.Contains(out.key, "prime minister") {
					continue
				}
				for _, id := range l {
					if n := ix.byID[id]; outranks(out, n) {
						t.Errorf("capped list holds %q but not %q, which outranks it", n.key, out.key)
						break outer
					}
				}
			}
			got := ix.Assignments()
			cut, holiday := MemberKey(id-1, 0), MemberKey(id, 0)
			if got[cut] != got[MemberKey(8, 0)] {
				t.Errorf("the cut did not join the utterance it cuts")
			}
			for k, c := range got {
				if k != holiday && c == got[holiday] {
					t.Errorf("a quote sharing only a stop bigram joined member %d", k)
					break
				}
			}
			if first == nil {
				first = got
			} else if !maps.Equal(first, got) {
				t.Errorf("clusters depend on the order of the quotes")
			}
		})
	}
}
