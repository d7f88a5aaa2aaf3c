package trail

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"
)

// TestStopBigrams holds the posting bound: a bigram in more than
// MaxPostings forms makes no candidates (its list is gone), cuts that
// share it and rarer words still join their utterance, and the clusters
// do not depend on the order the quotes came in.
func TestStopBigrams(t *testing.T) {
	var quotes []Quote
	id := int64(0)
	add := func(text string) {
		id++
		quotes = append(quotes, Quote{ID: id, ArticleID: id, Source: fmt.Sprintf("s%d", id), Text: text})
	}
	// MaxPostings+50 different utterances, all with "prime minister".
	for i := range MaxPostings + 50 {
		add(fmt.Sprintf("the prime minister will visit town%d and meet mayor%d about bridge%d repairs", i, i, i))
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
			if _, ok := ix.stop["prime minister"]; !ok {
				t.Fatalf("'prime minister' in %d forms is not a stop bigram", MaxPostings+52)
			}
			if l := ix.postings["prime minister"]; l != nil {
				t.Errorf("stop bigram still has a posting list of %d", len(l))
			}
			for g, l := range ix.postings {
				if len(l) > MaxPostings {
					t.Errorf("posting list of %q holds %d forms", g, len(l))
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
