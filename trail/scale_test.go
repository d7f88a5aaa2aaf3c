package trail

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// quoteGen writes quotes as a news corpus has them: utterances from a
// Zipf-distributed vocabulary of 40,000 content words with function
// words between them, and two quotes in five a piece of an earlier
// utterance (a cut, or a cut with a word changed), as other outlets
// quote it.
type quoteGen struct {
	r      *rand.Rand
	zipf   *rand.Zipf
	stops  []string
	recent []string // utterances, for pieces
	next   int64
	// recentID is the quote id of each utterance in recent; truth, when
	// not nil, maps each quote id to the id of the utterance it quotes.
	recentID []int64
	truth    map[int64]int64
}

func newQuoteGen(seed uint64) *quoteGen {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var stops []string
	for w := range stopwords {
		stops = append(stops, w)
	}
	// map order is random: sort for a deterministic generator
	slicesSort(stops)
	return &quoteGen{r: r, zipf: rand.NewZipf(r, 1.1, 2, 39999), stops: stops}
}

func slicesSort(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func (g *quoteGen) word() string { return fmt.Sprintf("w%d", g.zipf.Uint64()) }

func (g *quoteGen) utterance() string {
	n := 10 + g.r.IntN(16)
	ws := make([]string, n)
	for i := range ws {
		if g.r.IntN(5) < 2 {
			ws[i] = g.stops[g.r.IntN(len(g.stops))]
		} else {
			ws[i] = g.word()
		}
	}
	return strings.Join(ws, " ")
}

func (g *quoteGen) quote() Quote {
	g.next++
	var text string
	if len(g.recent) > 0 && g.r.IntN(5) < 2 {
		u := g.r.IntN(len(g.recent))
		if g.truth != nil {
			g.truth[g.next] = g.recentID[u]
		}
		ws := strings.Fields(g.recent[u])
		n := min(len(ws), 6+g.r.IntN(10))
		from := g.r.IntN(len(ws) - n + 1)
		part := append([]string(nil), ws[from:from+n]...)
		if g.r.IntN(3) == 0 {
			part[g.r.IntN(len(part))] = g.word()
		}
		text = strings.Join(part, " ")
	} else {
		text = g.utterance()
		if g.truth != nil {
			g.truth[g.next] = g.next
		}
		if len(g.recent) < 5000 {
			g.recent = append(g.recent, text)
			g.recentID = append(g.recentID, g.next)
		} else {
			i := g.r.IntN(len(g.recent))
			g.recent[i], g.recentID[i] = text, g.next
		}
	}
	return Quote{ID: g.next, ArticleID: g.next / 5, Source: fmt.Sprintf("s%d", g.next/5), Outlet: fmt.Sprintf("o%d", g.next%40),
		Published: time.Unix(1_700_000_000+g.next*60, 0).UTC(), Text: `"` + text + `"`, Speaker: "Pat Doe"}
}

// TestScaleAddThousand (CLAIMTRAIL_SCALE=1) reports the time to add 1,000 quotes to indexes
// of 10k and 100k quotes (and 1M with CLAIMTRAIL_SCALE_1M=1: several GB
// and minutes), best of three batches each, and holds the cost per new
// quote flat: 100k within 2x of 10k.
func TestScaleAddThousand(t *testing.T) {
	if os.Getenv("CLAIMTRAIL_SCALE") == "" {
		t.Skip("scale test (about a minute, 400 MB): set CLAIMTRAIL_SCALE=1")
	}
	sizes := []int{10_000, 100_000}
	if os.Getenv("CLAIMTRAIL_SCALE_1M") == "1" {
		sizes = append(sizes, 1_000_000)
	}
	var base time.Duration
	for _, n := range sizes {
		g := newQuoteGen(1)
		ix := NewIndex(nil)
		for range n {
			ix.Add(g.quote())
		}
		best := time.Duration(1 << 62)
		for range 3 {
			batch := make([]Quote, 1000)
			for i := range batch {
				batch[i] = g.quote()
			}
			start := time.Now()
			for _, q := range batch {
				ix.Add(q)
			}
			best = min(best, time.Since(start))
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if base == 0 {
			base = best
		}
		t.Logf("store of %d quotes (%d forms): add 1,000 quotes in %v (x%.2f of 10k), heap %d MiB",
			n, ix.Forms(), best, float64(best)/float64(base), ms.HeapAlloc>>20)
		if float64(best) > 2*float64(base) && n <= 100_000 {
			t.Errorf("adding 1,000 quotes to %d took %v, more than 2x the %v at 10k", n, best, base)
		}
	}
}
