package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/internal/shareddata"
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

// TestTailMatches: lastCommaIndex gives trailingReport's and
// trailingPronounReport's FindStringIndex, and conjoinedReportIndex
// conjoinedReport's FindStringSubmatchIndex, over the whole text: texts
// that match, near misses, random mixes of the patterns' pieces and
// every prefix of BBC sentences ending in a word or a comma. It fails
// when a match could open further back than the tail the matcher is run
// on (conjoinedReportIndex from three bytes before the \s run fails on
// "x — and").
func TestTailMatches(t *testing.T) {
	texts := []string{
		"", ",", " and", "and", ", and", "x and", "x, and ", "x — and", "x – and\t", "x - and", "x -and", "x —\tand",
		"x\u00a0and", "x\vand", "x, although", "x though", "the deal was agreed, but", "x ,  \n and \r\n",
		"it will go ahead, the Post said", "it will go ahead, Yahoo Finance reported earlier this year",
		"it will, go ahead, he told activists", "x, two people briefed on the matter have said", "x, he said, and more",
		"a, b, the BBC was quoted as saying", "a, b , the BBC said on Monday,", "a, b, the BBC said.",
	}
	pieces := []string{"x", " ", ",", "and", "but", "though", "although", "while", "yet", "—", "–", "-", "\t", "\n",
		"\r", "\f", "\v", "\u00a0", "the ", "Post ", "said", "reported", "he ", "told", "two ", "people ", "have ", "’", "é"}
	// invented reports at a clause's end, so that the tails are tested
	// without the BBC articles beside the repository too
	for _, who := range []string{"the Post", "officials", "the BBC", "he", "she", "they", "two people briefed on the matter"} {
		for _, verb := range []string{"said", "told reporters", "reported", "wrote on Monday", "said, and more"} {
			texts = append(texts, "the plan will go ahead, "+who+" "+verb, "x; the plan will go ahead , "+who+" "+verb+".")
		}
	}
	rng := rand.New(rand.NewPCG(15, 16))
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	if dir := shareddata.Root(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "bbc", "politics", "0*.txt"))
		for _, f := range files[:min(len(files), 40)] {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, sent := range strings.Split(string(raw), ". ") {
				for i := range len(sent) {
					if c := sent[i]; c == ' ' || c == ',' {
						texts = append(texts, sent[:i], sent[:i+1])
					}
				}
				texts = append(texts, sent)
			}
		}
	}
	matched := map[string]int{}
	for _, s := range texts {
		for name, re := range map[string]*regexp.Regexp{"trailingReport": trailingReport, "trailingPronounReport": trailingPronounReport} {
			want, got := re.FindStringIndex(s), lastCommaIndex(re, s)
			if !slices.Equal(got, want) {
				t.Fatalf("%s in %q: %v, want %v", name, s, got, want)
			}
			if want != nil {
				matched[name]++
			}
		}
		want, got := conjoinedReport.FindStringSubmatchIndex(s), conjoinedReportIndex(s)
		if !slices.Equal(got, want) {
			t.Fatalf("conjoinedReport in %q: %v, want %v", s, got, want)
		}
		if want != nil {
			matched["conjoinedReport"]++
		}
	}
	least := 20 // with the BBC articles; the invented reports alone give fewer
	if shareddata.Root() == "" {
		least = 5
	}
	if matched["trailingReport"] < least || matched["trailingPronounReport"] < least || matched["conjoinedReport"] < 100 {
		t.Errorf("too few matches to test the tails: %v", matched)
	}
	t.Logf("matches: %v", matched)
}
