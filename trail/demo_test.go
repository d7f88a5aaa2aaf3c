package trail_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/trail"
)

// TestDemoSamples scores clustering on the bundled demo articles against
// their hand annotation (every direct and mixed quote; an unlabelled one
// is its own utterance), and checks that shuffled orders agree.
func TestDemoSamples(t *testing.T) {
	arts, _, err := demo.Annotated()
	if err != nil {
		t.Fatal(err)
	}
	var quotes []trail.Quote
	label := map[int64]string{}
	for _, a := range arts {
		for _, at := range a.Attributions {
			if at.Kind != claimtrail.KindDirect && at.Kind != claimtrail.KindMixed {
				continue
			}
			id := int64(len(quotes) + 1)
			quotes = append(quotes, trail.Quote{
				ID: id, Source: a.Source, Outlet: a.Outlet, Published: a.Published,
				Text: at.ContentText(), Speaker: at.Speaker.Name, SpeakerKind: at.Speaker.Kind, Markers: at.Markers,
			})
			label[id] = fmt.Sprint("cluster ", at.ClusterID)
			if at.ClusterID == 0 {
				label[id] = fmt.Sprint("alone ", id)
			}
		}
	}
	build := func(qs []trail.Quote) map[int64]trail.ClusterID {
		ix := trail.NewIndex(nil)
		for _, q := range qs {
			ix.Add(q)
		}
		return ix.Assignments()
	}
	got := build(quotes)
	var tp, predicted, truth int
	for i := range quotes {
		for j := i + 1; j < len(quotes); j++ {
			a, b := quotes[i].ID, quotes[j].ID
			same, gold := got[trail.MemberKey(a, 0)] == got[trail.MemberKey(b, 0)], label[a] == label[b]
			if same {
				predicted++
			}
			if gold {
				truth++
			}
			if same && gold {
				tp++
			}
			if same != gold {
				t.Logf("%s pair: %q / %q", map[bool]string{true: "merged", false: "split"}[same], quotes[i].Text, quotes[j].Text)
			}
		}
	}
	p, r := float64(tp)/float64(predicted), float64(tp)/float64(truth)
	t.Logf("demo samples: %d quotes, pairwise precision %.3f recall %.3f", len(quotes), p, r)
	if p < 0.95 || r < 0.95 {
		t.Errorf("pairwise precision %.3f recall %.3f, want both >= 0.95", p, r)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for s := 0; s < 10; s++ {
		order := append([]trail.Quote(nil), quotes...)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		again := build(order)
		for id, c := range got {
			if again[id] != c {
				t.Fatalf("shuffle %d: quote %d in another cluster", s, id)
			}
		}
	}
}
