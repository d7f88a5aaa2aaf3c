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

// Parser is a greedy arc-hybrid transition-based dependency parser
// (Kuhlmann et al. 2011) with an averaged perceptron over labelled
// transitions, trained with Goldberg & Nivre's (2013) dynamic oracle. It
// produces one projective tree per sentence with exactly one root. Safe for
// concurrent use.
type Parser struct {
	model     *perceptron
	labels    []string // dependency labels; transition 1+l is LEFT(l), 1+L+l is RIGHT(l)
	labelHash []uint64
	pool      sync.Pool // *parseState
}

const shiftMove = 0

// parseState is the arc-hybrid configuration plus the per-token summaries
// the features read. Token n is the artificial root at the stack bottom.
type parseState struct {
	n      int
	stack  []int32
	b      int
	heads  []int32 // -1 unassigned; n for the root
	labels []uint8
	// leftmost/second-leftmost and rightmost/second-rightmost children
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	lset, rset         []uint64 // bit sets of child labels (first 64 labels)
	words, tags        []uint64 // per token hashes, index n is the root
	feats              []uint64
	scores             []float32
}

func (s *parseState) reset(n int) {
	s.n = n
	grow32 := func(x []int32) []int32 {
		if cap(x) < n+1 {
			return make([]int32, n+1)
		}
		return x[:n+1]
	}
	grow8 := func(x []uint8) []uint8 {
		if cap(x) < n+1 {
			return make([]uint8, n+1)
		}
		return x[:n+1]
	}
	grow64 := func(x []uint64) []uint64 {
		if cap(x) < n+1 {
			return make([]uint64, n+1)
		}
		return x[:n+1]
	}
	s.heads, s.lc1, s.lc2, s.rc1, s.rc2 = grow32(s.heads), grow32(s.lc1), grow32(s.lc2), grow32(s.rc1), grow32(s.rc2)
	s.labels, s.nl, s.nr = grow8(s.labels), grow8(s.nl), grow8(s.nr)
	s.lset, s.rset, s.words, s.tags = grow64(s.lset), grow64(s.rset), grow64(s.words), grow64(s.tags)
	for i := 0; i <= n; i++ {
		s.heads[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1, -1
		s.labels[i], s.nl[i], s.nr[i] = 0, 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
	s.words[n], s.tags[n] = hashRoot, hashRoot
	s.stack = append(s.stack[:0], int32(n))
	s.b = 0
}

func (s *parseState) terminal() bool { return s.b >= s.n && len(s.stack) == 1 }

// valid reports which of SHIFT, LEFT, RIGHT are allowed. RIGHT onto the
// root waits until the buffer is empty, which guarantees a single root.
func (s *parseState) valid() (shift, left, right bool) {
	k := len(s.stack)
	shift = s.b < s.n
	left = k >= 1 && int(s.stack[k-1]) != s.n && s.b < s.n
	right = k >= 2 && (int(s.stack[k-2]) != s.n || s.b >= s.n)
	return
}

func (s *parseState) attach(head, dep int32, label uint8) {
	s.heads[dep] = head
	s.labels[dep] = label
	bit := uint64(0)
	if label < 64 {
		bit = 1 << label
	}
	if dep < head {
		s.lc2[head] = s.lc1[head]
		s.lc1[head] = dep
		s.nl[head] = min(s.nl[head]+1, 7)
		s.lset[head] |= bit
	} else {
		s.rc2[head] = s.rc1[head]
		s.rc1[head] = dep
		s.nr[head] = min(s.nr[head]+1, 7)
		s.rset[head] |= bit
	}
}

// apply performs move m (0 SHIFT, 1+l LEFT(l), 1+L+l RIGHT(l)).
func (s *parseState) apply(m, nlabels int) {
	k := len(s.stack)
	switch {
	case m == shiftMove:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case m <= nlabels: // LEFT: s0 ← b0
		s.attach(int32(s.b), s.stack[k-1], uint8(m-1))
		s.stack = s.stack[:k-1]
	default: // RIGHT: s1 → s0
		s.attach(s.stack[k-2], s.stack[k-1], uint8(m-1-nlabels))
		s.stack = s.stack[:k-1]
	}
}

// Parser feature templates.
const (
	pS0w uint64 = iota + 200
	pS0t
	pS0wt
	pS1w
	pS1t
	pS1wt
	pB0w
	pB0t
	pB0wt
	pB1w
	pB1t
	pB1wt
	pB2w
	pB2t
	pS2t
	pS0wB0w
	pS0tB0t
	pS0wtB0t
	pS0tB0wt
	pS0wtB0wt
	pS1tS0t
	pS1wS0w
	pS1tS0tB0t
	pS0tB0tB1t
	pB0tB1tB2t
	pS2tS1tS0t
	pS0tS0l1tB0t
	pS0tS0r1tB0t
	pS0tB0tB0l1t
	pS0tS0l1tS0l2t
	pS0tS0r1tS0r2t
	pB0tB0l1tB0l2t
	pS1tS1r1tS0t
	pDistS0w
	pDistS0tB0t
	pDistS1tS0t
	pS0wNr
	pS0wNl
	pS0tNlNr
	pB0wNl
	pB0tNl
	pS0l1Lab
	pS0r1Lab
	pB0l1Lab
	pS0tRset
	pS0tLset
	pB0tLset
	pS0l1w
	pS0r1w
	pB0l1w
	pS1wtS0t
	pS1tS0wt
	pB0wB1w
	pS1l1Lab
	pS0r1LabS0tB0t
	pB1wB0t
)

func distBucket(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	}
	return 7
}

// features appends the features of the current configuration to s.feats.
func (p *Parser) features(s *parseState) {
	n := s.n
	k := len(s.stack)
	at := func(i int) int32 {
		if i < k {
			return s.stack[k-1-i]
		}
		return -1
	}
	s0, s1, s2 := at(0), at(1), at(2)
	buf := func(i int) int32 {
		if s.b+i < n {
			return int32(s.b + i)
		}
		return -1
	}
	b0, b1, b2 := buf(0), buf(1), buf(2)
	w := func(x int32) uint64 {
		if x < 0 {
			return hashNone
		}
		return s.words[x]
	}
	t := func(x int32) uint64 {
		if x < 0 {
			return hashNone
		}
		return s.tags[x]
	}
	child := func(c []int32, x int32) int32 {
		if x < 0 {
			return -1
		}
		return c[x]
	}
	lab := func(x int32) uint64 {
		if x < 0 || s.heads[x] < 0 {
			return hashNone
		}
		return p.labelHash[s.labels[x]]
	}
	s0w, s0t, s1w, s1t, s2t := w(s0), t(s0), w(s1), t(s1), t(s2)
	b0w, b0t, b1w, b1t, b2w, b2t := w(b0), t(b0), w(b1), t(b1), w(b2), t(b2)
	s0l1, s0l2, s0r1, s0r2 := child(s.lc1, s0), child(s.lc2, s0), child(s.rc1, s0), child(s.rc2, s0)
	b0l1, b0l2 := child(s.lc1, b0), child(s.lc2, b0)
	s1r1, s1l1 := child(s.rc1, s1), child(s.lc1, s1)
	var dist, dist1 uint64 = 0, 0
	if s0 >= 0 && b0 >= 0 && int(s0) != n {
		dist = distBucket(int(b0 - s0))
	}
	if s0 >= 0 && s1 >= 0 && int(s1) != n {
		dist1 = distBucket(int(s0 - s1))
	}
	var s0nl, s0nr, b0nl, s0ls, s0rs, b0ls uint64
	if s0 >= 0 {
		s0nl, s0nr, s0ls, s0rs = uint64(s.nl[s0]), uint64(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	if b0 >= 0 {
		b0nl, b0ls = uint64(s.nl[b0]), s.lset[b0]
	}
	s.feats = append(s.feats[:0],
		feat1(pS0w, s0w),
		feat1(pS0t, s0t),
		feat2(pS0wt, s0w, s0t),
		feat1(pS1w, s1w),
		feat1(pS1t, s1t),
		feat2(pS1wt, s1w, s1t),
		feat1(pB0w, b0w),
		feat1(pB0t, b0t),
		feat2(pB0wt, b0w, b0t),
		feat1(pB1w, b1w),
		feat1(pB1t, b1t),
		feat2(pB1wt, b1w, b1t),
		feat1(pB2w, b2w),
		feat1(pB2t, b2t),
		feat1(pS2t, s2t),
		feat2(pS0wB0w, s0w, b0w),
		feat2(pS0tB0t, s0t, b0t),
		feat3(pS0wtB0t, s0w, s0t, b0t),
		feat3(pS0tB0wt, s0t, b0w, b0t),
		feat4(pS0wtB0wt, s0w, s0t, b0w, b0t),
		feat2(pS1tS0t, s1t, s0t),
		feat2(pS1wS0w, s1w, s0w),
		feat3(pS1tS0tB0t, s1t, s0t, b0t),
		feat3(pS0tB0tB1t, s0t, b0t, b1t),
		feat3(pB0tB1tB2t, b0t, b1t, b2t),
		feat3(pS2tS1tS0t, s2t, s1t, s0t),
		feat3(pS0tS0l1tB0t, s0t, t(s0l1), b0t),
		feat3(pS0tS0r1tB0t, s0t, t(s0r1), b0t),
		feat3(pS0tB0tB0l1t, s0t, b0t, t(b0l1)),
		feat3(pS0tS0l1tS0l2t, s0t, t(s0l1), t(s0l2)),
		feat3(pS0tS0r1tS0r2t, s0t, t(s0r1), t(s0r2)),
		feat3(pB0tB0l1tB0l2t, b0t, t(b0l1), t(b0l2)),
		feat3(pS1tS1r1tS0t, s1t, t(s1r1), s0t),
		feat2(pDistS0w, dist, s0w),
		feat3(pDistS0tB0t, dist, s0t, b0t),
		feat3(pDistS1tS0t, dist1, s1t, s0t),
		feat2(pS0wNr, s0w, s0nr),
		feat2(pS0wNl, s0w, s0nl),
		feat3(pS0tNlNr, s0t, s0nl, s0nr),
		feat2(pB0wNl, b0w, b0nl),
		feat2(pB0tNl, b0t, b0nl),
		feat1(pS0l1Lab, lab(s0l1)),
		feat1(pS0r1Lab, lab(s0r1)),
		feat1(pB0l1Lab, lab(b0l1)),
		feat2(pS0tRset, s0t, s0rs),
		feat2(pS0tLset, s0t, s0ls),
		feat2(pB0tLset, b0t, b0ls),
		feat1(pS0l1w, w(s0l1)),
		feat1(pS0r1w, w(s0r1)),
		feat1(pB0l1w, w(b0l1)),
		feat3(pS1wtS0t, s1w, s1t, s0t),
		feat3(pS1tS0wt, s1t, s0w, s0t),
		feat2(pB0wB1w, b0w, b1w),
		feat2(pS1l1Lab, s1t, lab(s1l1)),
		feat3(pS0r1LabS0tB0t, lab(s0r1), s0t, b0t),
		feat2(pB1wB0t, b1w, b0t),
	)
}

// bestValid returns the highest-scoring allowed move.
func (p *Parser) bestValid(s *parseState) int {
	shift, left, right := s.valid()
	L := len(p.labels)
	best, bestScore := -1, float32(math.Inf(-1))
	if shift {
		best, bestScore = shiftMove, s.scores[shiftMove]
	}
	if left {
		for m := 1; m <= L; m++ {
			if s.scores[m] > bestScore {
				best, bestScore = m, s.scores[m]
			}
		}
	}
	if right {
		for m := 1 + L; m <= 2*L; m++ {
			if s.scores[m] > bestScore {
				best, bestScore = m, s.scores[m]
			}
		}
	}
	return best
}

func newParser(m *perceptron, labels []string) *Parser {
	p := &Parser{model: m, labels: labels, labelHash: make([]uint64, len(labels))}
	for i, l := range labels {
		p.labelHash[i] = hashString(l)
	}
	return p
}

func (p *Parser) getState(n int) *parseState {
	s, _ := p.pool.Get().(*parseState)
	if s == nil {
		s = &parseState{scores: make([]float32, len(p.model.classes))}
	}
	s.reset(n)
	return s
}

// fillTokens sets the word and tag hashes of the n tokens.
func (s *parseState) fillTokens(words, tags []string) {
	for i := range s.n {
		s.words[i] = lex(words[i]).lower
		tg := ""
		if i < len(tags) {
			tg = tags[i]
		}
		s.tags[i] = hashString(tg)
	}
}

// Parse writes, for each word, the 0-based index of its head (-1 for the
// root) into heads and its dependency label into labels, using the POS
// tags from Tagger.Tag. Only min(len(words), len(heads), len(labels))
// tokens are parsed.
func (p *Parser) Parse(words, tags []string, heads []int, labels []string) {
	n := min(len(words), len(heads), len(labels))
	if n == 0 {
		return
	}
	s := p.getState(n)
	defer p.pool.Put(s)
	s.fillTokens(words[:n], tags)
	L := len(p.labels)
	for !s.terminal() {
		p.features(s)
		p.model.score(s.feats, s.scores)
		m := p.bestValid(s)
		if m < 0 {
			break // unreachable: some move is always valid before the end
		}
		s.apply(m, L)
	}
	for i := range n {
		h := int(s.heads[i])
		switch {
		case h < 0 || h >= n:
			heads[i] = -1
		default:
			heads[i] = h
		}
		labels[i] = p.labels[s.labels[i]]
		if h < 0 || h >= n {
			if h < 0 {
				labels[i] = "dep"
			} else {
				labels[i] = "root"
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Dynamic oracle (Goldberg & Nivre 2013) for arc-hybrid: the number of gold
// arcs a move makes unreachable. gold heads use n for the root.

func (s *parseState) costs(goldHead []int32) (shift, left, right int) {
	n := s.n
	k := len(s.stack)
	b := s.b
	if k >= 1 {
		s0 := s.stack[k-1]
		depsInBuffer := 0
		for j := b; j < n; j++ {
			if goldHead[j] == s0 {
				depsInBuffer++
			}
		}
		if int(s0) != n {
			gh := int(goldHead[s0])
			left = depsInBuffer
			if gh != b && ((k >= 2 && gh == int(s.stack[k-2])) || (gh > b && gh < n)) {
				left++
			}
			right = depsInBuffer
			if gh >= b && gh < n {
				right++
			}
		}
	}
	if b < n {
		gh := int(goldHead[b])
		for j := range k {
			if x := s.stack[j]; int(x) != n && int(goldHead[x]) == b {
				shift++
			}
		}
		if k >= 1 && gh != int(s.stack[k-1]) && (gh == n || (gh < b && s.heads[gh] < 0)) {
			shift++
		}
	}
	return
}

type parseTrainConfig struct {
	epochs    int
	seed      uint64
	explore   float64 // probability of following a wrong prediction after epoch 1
	minWeight float64
}

var defaultParseConfig = parseTrainConfig{epochs: 10, seed: 3, explore: 0.9, minWeight: 0.5}

// projective reports whether the gold tree (heads with -1 root) has no
// crossing arcs.
func projective(heads []int) bool {
	n := len(heads)
	for i := range n {
		hi := heads[i]
		if hi < 0 {
			hi = n
		}
		lo1, hi1 := min(i, hi), max(i, hi)
		for j := range n {
			hj := heads[j]
			if hj < 0 {
				hj = n
			}
			lo2, hi2 := min(j, hj), max(j, hj)
			if lo1 < lo2 && lo2 < hi1 && hi1 < hi2 {
				return false
			}
		}
	}
	return true
}

func trainParser(ctx context.Context, sents []Sentence, tagsOf func(i int) []string, cfg parseTrainConfig, log io.Writer) (*Parser, error) {
	tp, classes, labels, err := trainParserWeights(ctx, sents, tagsOf, cfg, log)
	if err != nil {
		return nil, err
	}
	return newParser(tp.average(classes, cfg.minWeight), labels), nil
}

// trainParserWeights runs the perceptron epochs and returns the unaveraged
// weights with the transition and label names.
func trainParserWeights(ctx context.Context, sents []Sentence, tagsOf func(i int) []string, cfg parseTrainConfig, log io.Writer) (*trainPerceptron, []string, []string, error) {
	labels := collectClasses(sents, func(s *Sentence) []string { return s.Labels })
	if len(labels) == 0 || len(labels) > 127 {
		return nil, nil, nil, fmt.Errorf("train parser: %d labels", len(labels))
	}
	labelID := make(map[string]uint8, len(labels))
	for i, l := range labels {
		labelID[l] = uint8(i)
	}
	L := len(labels)
	classes := make([]string, 1+2*L)
	classes[0] = "S"
	for i, l := range labels {
		classes[1+i] = "L-" + l
		classes[1+L+i] = "R-" + l
	}
	p := newParser(&perceptron{classes: classes}, labels)
	tp := newTrainPerceptron(len(classes))
	var order []int
	skipped := 0
	for i := range sents {
		if sents[i].Len() > 0 && projective(sents[i].Heads) {
			order = append(order, i)
		} else {
			skipped++
		}
	}
	fmt.Fprintf(log, "parser: %d training sentences, %d non-projective skipped\n", len(order), skipped)
	rng := rand.New(rand.NewPCG(cfg.seed, 0x9a75))
	s := &parseState{scores: make([]float32, len(classes))}
	var goldHead []int32
	var goldLabel []uint8
	for epoch := range cfg.epochs {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		correct, total := 0, 0
		for _, si := range order {
			sent := &sents[si]
			n := sent.Len()
			s.reset(n)
			s.fillTokens(sent.Words, tagsOf(si))
			goldHead = goldHead[:0]
			goldLabel = goldLabel[:0]
			for i := range n {
				h := sent.Heads[i]
				if h < 0 {
					h = n
				}
				goldHead = append(goldHead, int32(h))
				goldLabel = append(goldLabel, labelID[sent.Labels[i]])
			}
			for !s.terminal() {
				p.features(s)
				tp.score(s.feats, s.scores)
				pred := p.bestValid(s)
				shiftOK, leftOK, rightOK := s.valid()
				cs, cl, cr := s.costs(goldHead)
				// Costs of labelled moves, with invalid moves excluded.
				minCost := math.MaxInt
				cost := func(m int) int {
					switch {
					case m == shiftMove:
						if !shiftOK {
							return -1
						}
						return cs
					case m <= L:
						if !leftOK {
							return -1
						}
						s0 := s.stack[len(s.stack)-1]
						c := cl
						if int(goldHead[s0]) == s.b && goldLabel[s0] != uint8(m-1) {
							c++
						}
						return c
					default:
						if !rightOK {
							return -1
						}
						s0, s1 := s.stack[len(s.stack)-1], s.stack[len(s.stack)-2]
						c := cr
						if goldHead[s0] == s1 && goldLabel[s0] != uint8(m-1-L) {
							c++
						}
						return c
					}
				}
				for m := range classes {
					if c := cost(m); c >= 0 && c < minCost {
						minCost = c
					}
				}
				bestGold, bestScore := -1, float32(math.Inf(-1))
				for m := range classes {
					if cost(m) == minCost && (bestGold < 0 || s.scores[m] > bestScore) {
						bestGold, bestScore = m, s.scores[m]
					}
				}
				tp.tick()
				if cost(pred) != minCost {
					tp.update(bestGold, pred, s.feats)
				} else {
					correct++
				}
				total++
				next := bestGold
				if cost(pred) == minCost || (epoch > 0 && rng.Float64() < cfg.explore) {
					next = pred
				}
				s.apply(next, L)
			}
		}
		fmt.Fprintf(log, "parser: epoch %d oracle agreement %.2f%% features %d\n", epoch+1, 100*float64(correct)/float64(max(total, 1)), len(tp.rows))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	return tp, classes, labels, nil
}

const parseModelKind = "dependency-parser"

func (p *Parser) encode() ([]byte, error) {
	return encodeModel(parseModelKind, func(w *bufio.Writer) error { return p.model.write(w) })
}

func decodeParser(data []byte) (*Parser, error) {
	r, err := decodeModel(data, parseModelKind)
	if err != nil {
		return nil, err
	}
	m, err := readPerceptron(r)
	if err != nil {
		return nil, fmt.Errorf("read parser weights: %w", err)
	}
	if len(m.classes)%2 != 1 || m.classes[0] != "S" {
		return nil, fmt.Errorf("read parser: %w: transitions %v", errBadModel, m.classes[:1])
	}
	L := (len(m.classes) - 1) / 2
	labels := make([]string, L)
	for i := range L {
		l, ok := strings.CutPrefix(m.classes[1+i], "L-")
		if !ok || m.classes[1+L+i] != "R-"+l {
			return nil, fmt.Errorf("read parser: %w: transition %q", errBadModel, m.classes[1+i])
		}
		labels[i] = l
	}
	return newParser(m, labels), nil
}

// AttachmentScores returns unlabelled and labelled attachment scores (in
// [0,1]) of p on sents, with POS tags from tagger (silver when nil).
// Punctuation tokens are included, as CoreNLP attaches them too.
func AttachmentScores(p *Parser, tagger *Tagger, sents []Sentence) (uas, las float64) {
	var tags, labels []string
	var heads []int
	correctH, correctL, total := 0, 0, 0
	for i := range sents {
		s := &sents[i]
		n := s.Len()
		if tagger != nil {
			tags = append(tags[:0], make([]string, n)...)
			tagger.Tag(s.Words, tags)
		} else {
			tags = s.Tags
		}
		heads = append(heads[:0], make([]int, n)...)
		labels = append(labels[:0], make([]string, n)...)
		p.Parse(s.Words, tags, heads, labels)
		for j := range n {
			total++
			if heads[j] == s.Heads[j] {
				correctH++
				if labels[j] == s.Labels[j] {
					correctL++
				}
			}
		}
	}
	return float64(correctH) / float64(max(total, 1)), float64(correctL) / float64(max(total, 1))
}
