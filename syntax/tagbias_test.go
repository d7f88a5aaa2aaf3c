package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTagBias checks that tagging with the bias's sums added once gives
// the classes that scoring every feature, the bias among them, gives.
func TestTagBias(t *testing.T) {
	tagger, err := LoadTagger()
	if err != nil {
		t.Skip(err)
	}
	if f := tagFeatures(nil, padLexemes(nil, []string{"x"}), 0, hashStart, hashStart2); f[0] != biasFeature {
		t.Fatal("tagFeatures' first feature is not the bias")
	}
	for _, sent := range []string{
		"Officials said the plan was unworkable , officials said .",
		"Unworkable plans were said to be unworkable by Smith 's officials in Dnipro .",
	} {
		words := strings.Fields(sent)
		got := make([]string, len(words))
		tagger.Tag(words, got)
		s := tagger.scratch(len(words))
		s.lx = padLexemes(s.lx, words)
		nc := len(tagger.model.classes)
		p1, p2 := hashStart, hashStart2
		for i := range words {
			c, ok := tagger.dict.get(s.lx[i+2].exact)
			if !ok {
				s.feats = tagFeatures(s.feats[:0], s.lx, i, p1, p2)
				clear(s.iscore[:nc])
				tagger.table.score(s.feats, s.lo, s.hi, &s.iscore, &s.sink)
				c = uint8(argmaxInt(s.iscore[:nc]))
			}
			if want := tagger.model.classes[c]; got[i] != want {
				t.Errorf("%q word %d %q: tag %s, all features at once %s", sent, i, words[i], got[i], want)
			}
			p2, p1 = p1, tagger.classHash[c]
		}
		tagger.pool.Put(s)
	}
}

// TestLexCache: the lexemes a scratch gives from its cache are those
// padLexemes gives, for words met again, words that share a slot, long
// words and non-ASCII ones.
func TestLexCache(t *testing.T) {
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("w%d", i%700), "the", "Said", "élan", "", "“", strings.Repeat("x", lexCacheLen+i%3), fmt.Sprintf("MiXeD-%d", i%37))
	}
	s := new(tagScratch)
	for round := 0; round < 2; round++ {
		for k := 0; k+10 <= len(words); k += 10 {
			got := s.lexemes(words[k : k+10])
			s.lx = got
			if want := padLexemes(nil, words[k:k+10]); !slices.Equal(got, want) {
				t.Fatalf("words %q: cached lexemes differ from padLexemes", words[k:k+10])
			}
		}
	}
}
