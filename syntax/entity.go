package syntax

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
)

// EntityTagger finds PER, ORG, LOC and MISC mentions with a greedy
// left-to-right averaged perceptron over BIO tags, using word form, shape,
// affixes, context words, POS tags and the previous entity tags; no
// gazetteer. Decoding never emits I-X after anything but B-X or I-X.
// Safe for concurrent use.
type EntityTagger struct {
	model     *perceptron
	classHash []uint64
	// follows[c] is the set of classes that may follow class c
	// (index len(classes) is the start of the sentence).
	allowed [][]bool
	outside uint8
	pool    sync.Pool // *entScratch
}

type entScratch struct {
	lx     []lexeme
	tags   []uint64 // padded tag hashes
	feats  []uint64
	scores []float32
	sink   uint64
}

const (
	eBias uint64 = iota + 100
	eLower
	eExact
	eShape
	eSuf2
	eSuf3
	eSuf4
	ePre1
	ePre3
	eFlags
	ePos
	ePrevPos
	eNextPos
	ePosShape
	ePrevLower
	ePrev2Lower
	eNextLower
	eNext2Lower
	ePrevShape
	eNextShape
	eShape3
	eE1
	eE2
	eE1E2
	eE1Lower
	eE1Shape
	ePrevLowerLower
	eLowerNextLower
	eFirst
	eE1Pos
	ePrevExact
	eNextExact
)

func newEntityTagger(m *perceptron) *EntityTagger {
	n := len(m.classes)
	e := &EntityTagger{model: m, classHash: make([]uint64, n+1), allowed: make([][]bool, n+1)}
	for i, c := range m.classes {
		e.classHash[i] = hashString(c)
		if c == "O" {
			e.outside = uint8(i)
		}
	}
	e.classHash[n] = hashStart
	for prev := 0; prev <= n; prev++ {
		e.allowed[prev] = make([]bool, n)
		for next, c := range m.classes {
			ok := true
			if t, isI := strings.CutPrefix(c, "I-"); isI {
				ok = prev < n && (m.classes[prev] == "B-"+t || m.classes[prev] == c)
			}
			e.allowed[prev][next] = ok
		}
	}
	return e
}

// entFeatures appends the features of token i; lx and tags are padded by
// two on each side.
func entFeatures(out []uint64, lx []lexeme, tags []uint64, i int, e1, e2 uint64) []uint64 {
	w := &lx[i+2]
	prev, prev2, next, next2 := &lx[i+1], &lx[i], &lx[i+3], &lx[i+4]
	pos := tags[i+2]
	return append(out,
		feat1(eBias, 0),
		feat1(eLower, w.lower),
		feat1(eExact, w.exact),
		feat1(eShape, w.shape),
		feat1(eSuf2, w.suf[1]),
		feat1(eSuf3, w.suf[2]),
		feat1(eSuf4, w.suf[3]),
		feat1(ePre1, w.pre1),
		feat1(ePre3, w.pre3),
		feat2(eFlags, uint64(w.flags), uint64(min(i, 1))),
		feat1(ePos, pos),
		feat2(ePrevPos, tags[i+1], pos),
		feat2(eNextPos, pos, tags[i+3]),
		feat2(ePosShape, pos, w.shape),
		feat1(ePrevLower, prev.lower),
		feat1(ePrev2Lower, prev2.lower),
		feat1(eNextLower, next.lower),
		feat1(eNext2Lower, next2.lower),
		feat1(ePrevShape, prev.shape),
		feat1(eNextShape, next.shape),
		feat3(eShape3, prev.shape, w.shape, next.shape),
		feat1(eE1, e1),
		feat1(eE2, e2),
		feat2(eE1E2, e1, e2),
		feat2(eE1Lower, e1, w.lower),
		feat2(eE1Shape, e1, w.shape),
		feat2(ePrevLowerLower, prev.lower, w.lower),
		feat2(eLowerNextLower, w.lower, next.lower),
		feat2(eFirst, uint64(min(i, 1)), w.exact),
		feat2(eE1Pos, e1, pos),
		feat1(ePrevExact, prev.exact),
		feat1(eNextExact, next.exact),
	)
}

func padTags(dst []uint64, tags []string, n int) []uint64 {
	dst = append(dst[:0], hashStart2, hashStart)
	for i := range n {
		t := ""
		if i < len(tags) {
			t = tags[i]
		}
		dst = append(dst, hashString(t))
	}
	return append(dst, hashEnd, hashEnd2)
}

// Tag writes an entity tag ("B-PER", "I-ORG", "O", ...) for each word into
// ents, using the POS tags from Tagger.Tag. Missing tags count as unknown;
// only min(len(words), len(ents)) entries are written.
func (e *EntityTagger) Tag(words, tags []string, ents []string) {
	n := min(len(words), len(ents))
	if n == 0 {
		return
	}
	s, _ := e.pool.Get().(*entScratch)
	if s == nil {
		s = &entScratch{scores: make([]float32, len(e.model.classes))}
	}
	defer e.pool.Put(s)
	s.lx = padLexemes(s.lx, words[:n])
	s.tags = padTags(s.tags, tags, n)
	nc := len(e.model.classes)
	prev, prev2 := nc, nc
	for i := range n {
		s.feats = entFeatures(s.feats[:0], s.lx, s.tags, i, e.classHash[prev], e.classHash[prev2])
		e.model.score(s.feats, s.scores, &s.sink)
		c := e.best(s.scores, prev)
		ents[i] = e.model.classes[c]
		prev2, prev = prev, c
	}
}

// best is the highest-scoring class allowed after prev.
func (e *EntityTagger) best(scores []float32, prev int) int {
	best, bestScore := int(e.outside), float32(math.Inf(-1))
	for c, ok := range e.allowed[prev] {
		if ok && scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
	}
	return best
}

type entTrainConfig struct {
	epochs    int
	seed      uint64
	minWeight float64
}

var defaultEntConfig = entTrainConfig{epochs: 8, seed: 2, minWeight: 0.5}

// trainEntityTagger trains on the sentences' Ents, with POS tags from
// tagsOf (silver or predicted).
func trainEntityTagger(ctx context.Context, sents []Sentence, tagsOf func(i int) []string, cfg entTrainConfig, log io.Writer) (*EntityTagger, error) {
	classes := collectClasses(sents, func(s *Sentence) []string { return s.Ents })
	if len(classes) == 0 {
		return nil, fmt.Errorf("train entity tagger: no sentences")
	}
	classID := make(map[string]int, len(classes))
	for i, c := range classes {
		classID[c] = i
	}
	// A throwaway inference wrapper gives the class hashes and transition
	// constraints.
	shape := newEntityTagger(&perceptron{classes: classes})
	tp := newTrainPerceptron(len(classes))
	scores := make([]float32, len(classes))
	var (
		lx    []lexeme
		tags  []uint64
		feats []uint64
	)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.seed, 0x3e7))
	nc := len(classes)
	for epoch := range cfg.epochs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		correct, total := 0, 0
		for _, si := range order {
			s := &sents[si]
			n := s.Len()
			lx = padLexemes(lx, s.Words)
			tags = padTags(tags, tagsOf(si), n)
			prev, prev2 := nc, nc
			for i := range n {
				gold := classID[s.Ents[i]]
				feats = entFeatures(feats[:0], lx, tags, i, shape.classHash[prev], shape.classHash[prev2])
				tp.score(feats, scores)
				guess := shape.best(scores, prev)
				tp.tick()
				tp.update(gold, guess, feats)
				if guess == gold {
					correct++
				}
				total++
				prev2, prev = prev, guess
			}
		}
		fmt.Fprintf(log, "ner: epoch %d train acc %.2f%% features %d\n", epoch+1, 100*float64(correct)/float64(max(total, 1)), len(tp.rows))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	return newEntityTagger(tp.average(classes, cfg.minWeight)), nil
}

const entModelKind = "entity-tagger"

func (e *EntityTagger) encode() ([]byte, error) {
	return encodeModel(entModelKind, func(w *bufio.Writer) error { return e.model.write(w) })
}

func decodeEntityTagger(data []byte) (*EntityTagger, error) {
	r, err := decodeModel(data, entModelKind)
	if err != nil {
		return nil, err
	}
	m, err := readPerceptron(r)
	if err != nil {
		return nil, fmt.Errorf("read entity weights: %w", err)
	}
	return newEntityTagger(m), nil
}

// EntityScore holds precision, recall and F1 (in [0,1]) of entity spans
// for one type, or for all types when Type is "".
type EntityScore struct {
	Type                  string
	Gold, Predicted, Hits int
	Precision, Recall, F1 float64
}

// EntityF1 scores e on sents with exact span-and-type match, using POS
// tags from tagger (silver tags when tagger is nil). The last entry is the
// micro average over all types.
func EntityF1(e *EntityTagger, tagger *Tagger, sents []Sentence) []EntityScore {
	byType := map[string]*EntityScore{}
	get := func(t string) *EntityScore {
		if byType[t] == nil {
			byType[t] = &EntityScore{Type: t}
		}
		return byType[t]
	}
	var tags, ents []string
	for i := range sents {
		s := &sents[i]
		n := s.Len()
		ents = append(ents[:0], make([]string, n)...)
		if tagger != nil {
			tags = append(tags[:0], make([]string, n)...)
			tagger.Tag(s.Words, tags)
		} else {
			tags = s.Tags
		}
		e.Tag(s.Words, tags, ents)
		gold := map[EntitySpan]bool{}
		for _, sp := range EntitySpans(s.Ents) {
			gold[sp] = true
			get(sp.Type).Gold++
			get("").Gold++
		}
		for _, sp := range EntitySpans(ents) {
			get(sp.Type).Predicted++
			get("").Predicted++
			if gold[sp] {
				get(sp.Type).Hits++
				get("").Hits++
			}
		}
	}
	var out []EntityScore
	for _, t := range []string{"PER", "ORG", "LOC", "MISC", ""} {
		sc := get(t)
		if sc.Predicted > 0 {
			sc.Precision = float64(sc.Hits) / float64(sc.Predicted)
		}
		if sc.Gold > 0 {
			sc.Recall = float64(sc.Hits) / float64(sc.Gold)
		}
		if sc.Precision+sc.Recall > 0 {
			sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
		}
		out = append(out, *sc)
	}
	return out
}
