package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestRegexpGuards: a text that citedDate or bylineAfter matches always
// passes its guard (the guards only spare the matcher texts it would
// refuse), over texts that match, near misses and random mixes of the
// patterns' pieces; and the guards refuse most ordinary text.
func TestRegexpGuards(t *testing.T) {
	texts := []string{
		"Lee, Stephanie M. (8 April 2014). ", "Lee, Stephanie M. (8 April 2014).", "Lee, S. (2014)", "Lee, S. (2014)\t\n",
		"Lee, S. (2014).\r\n ", "Lee, S. (2014)..", "Lee, S. (2014) x", "Lee (2014)\v",
		", by Justin Carissimo, CBS News, October 27, 2017 (thanks)", "by Rowena Mason, The Guardian, May 1, 2019",
		",\n by Rowena Mason, The Guardian, May 1, 2019", " ,by Rowena Mason, The Guardian, May 1, 2019",
		",,by Rowena Mason, The Guardian, May 1, 2019", "\fby Ann Lee, Daily Post, June 3, 2020",
		"the minister said on Monday", "", ")", ").", "by ",
	}
	pieces := []string{"Lee", ", ", "S.", " ", "(", ")", ".", "2014", "-01-02", "\t", "\n", "\r", "\f", "\v", "by ", "by",
		",", "Ann Lee", "Daily Post", "May 1, 2019", "x", "’"}
	rng := rand.New(rand.NewPCG(13, 14))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// the patterns' cores with random ends, where the guards look
	ends := []string{"", ".", "..", ")", ").", " ", "\t", "\n", "\r", "\f", "\v", ",", "x", "’", "by ", "b"}
	end := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(ends[rng.IntN(len(ends))])
		}
		return b.String()
	}
	for range 5000 {
		texts = append(texts,
			"Lee, Stephanie M. (8 April 2014"+end(),
			"Smith (2019-01-02"+end(),
			end()+"by Rowena Mason, The Guardian, May 1, 2019",
			end()+"y Ann Lee, Daily Post, June 3, 2020")
	}
	matched := map[string]int{}
	for _, s := range texts {
		if citedDate.MatchString(s) {
			matched["citedDate"]++
			if !mayBeCitedDate(s) {
				t.Errorf("citedDate matches %q, its guard refuses it", s)
			}
		}
		if bylineAfter.MatchString(s) {
			matched["bylineAfter"]++
			if !mayBeBylineAfter(s) {
				t.Errorf("bylineAfter matches %q, its guard refuses it", s)
			}
		}
	}
	if matched["citedDate"] < 50 || matched["bylineAfter"] < 3 {
		t.Errorf("too few matches to test the guards: %v", matched)
	}
	for _, s := range []string{"the minister said on Monday", "“We will,” she said. "} {
		if mayBeCitedDate(s) || mayBeBylineAfter(s) {
			t.Errorf("a guard lets %q through", s)
		}
	}
}
