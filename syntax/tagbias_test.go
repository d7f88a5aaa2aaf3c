package syntax

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"testing"
)

// TestTagSumsInParts checks that the sums tagLexemes takes in parts (the
// previous tags' and the bias's from ctxSums, a word's from the scratch's
// cache of word sums, the rest looked up) are, class by class, the sums
// of every feature of tagFeatures looked up at once, and so give the same
// tags: for words met for the first time and again, long words that the
// lexeme cache does not keep, and words that evict each other's slots.
func TestTagSumsInParts(t *testing.T) {
	tagger, err := LoadTagger()
	if err != nil {
		t.Skip(err)
	}
	if f := tagFeatures(nil, padLexemes(nil, []string{"x"}), 0, hashStart, hashStart2); f[0] != biasFeature {
		t.Fatal("tagFeatures' first feature is not the bias")
	}
	sents := []string{
		"Officials said the plan was unworkable , officials said .",
		"Unworkable plans were said to be unworkable by Smith 's officials in Dnipro .",
		"The counter-intelligence-commissioners ' spokeswoman said : “ We will not comment . ”",
		"Results Rise As Mayor Says Port Will Stay Open",
	}
	for i := range 40 {
		sents = append(sents, fmt.Sprintf("Word%d said the w%d plans , said-%d officials %d times .", i, i*7, i%5, i))
	}
	// two words of one sentence that share a slot of the lexeme cache:
	// the second takes it over before the first is scored
	first := map[uint64]string{}
	for i := 0; len(sents) < 50; i++ {
		w := fmt.Sprintf("Plan%d", i)
		k := maphash.String(lexSeed, w) % lexCacheSize
		if v, ok := first[k]; ok {
			sents = append(sents, fmt.Sprintf("The %s was said to outdo the %s , he said .", v, w))
			delete(first, k)
			continue
		}
		first[k] = w
	}
	nc := len(tagger.model.classes)
	for round := range 2 {
		for _, sent := range sents {
			words := strings.Fields(sent)
			got := make([]string, len(words))
			tagger.Tag(words, got)
			s := tagger.scratch(len(words))
			s.lx = s.lexemes(words)
			all := padLexemes(nil, words)
			var want [256]int32
			p1, p2 := hashStart, hashStart2
			i1, i2 := nc, nc+1
			for i := range words {
				c, ok := tagger.dict.get(all[i+2].exact)
				if !ok {
					feats := tagFeatures(nil, all, i, p1, p2)
					clear(want[:])
					tagger.table.score(feats, make([]uint32, len(feats)), make([]uint32, len(feats)), &want, &s.sink)
					tagger.tokenSums(s, i, p1, i1, i2)
					if !slices.Equal(s.iscore[:nc], want[:nc]) {
						t.Fatalf("round %d %q word %d %q: sums in parts %v, all features at once %v", round, sent, i, words[i], s.iscore[:nc], want[:nc])
					}
					c = uint8(argmaxInt(want[:nc]))
				}
				if w := tagger.model.classes[c]; got[i] != w {
					t.Errorf("%q word %d %q: tag %s, all features at once %s", sent, i, words[i], got[i], w)
				}
				p2, p1 = p1, tagger.classHash[c]
				i2, i1 = i1, int(c)
			}
			tagger.pool.Put(s)
		}
	}
}

// TestTagFeatureParts: the bias, the previous tags' three features,
// wordFeatures of the token, the word before and the word after, and
// restFeatures are tagFeatures, each feature once.
func TestTagFeatureParts(t *testing.T) {
	lx := padLexemes(nil, strings.Fields("The Mayor said it , twice ."))
	for i := range 7 {
		p1, p2 := hashString("NN"), hashString("DT")
		want := tagFeatures(nil, lx, i, p1, p2)
		got := []uint64{biasFeature, feat1(tP1, p1), feat1(tP2, p2), feat2(tP1P2, p1, p2)}
		self := roleSelf
		if i == 0 {
			self = roleFirst
		}
		got = wordFeatures(got, self, &lx[i+2])
		got = wordFeatures(got, rolePrev, &lx[i+1])
		got = wordFeatures(got, roleNext, &lx[i+3])
		got = restFeatures(got, lx, i, p1)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("token %d: parts give %d features, tagFeatures %d, or others", i, len(got), len(want))
		}
	}
}
