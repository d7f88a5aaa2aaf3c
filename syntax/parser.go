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
//
// Inference is bound by memory latency, so the model is kept small: 26
// feature templates (14 of them also read by the label classifier), about
// 225k features with int8 move weights in an 8 MB table of 16-byte slots.
// The shipped model parses about 830k tokens per second on one core
// (BenchmarkParser) at 83.8 UAS / 80.8 LAS on PolNeAR dev with predicted
// tags; the earlier 65-template model reached 85.0 / 82.7 at a quarter of
// the speed.
type Parser struct {
	model      *parseModel
	labels     []string // dependency labels; label class l is LEFT(l), L+l is RIGHT(l)
	labelHash  []uint64
	labelGroup []uint8   // group of each label
	pool       sync.Pool // *parseState
}

// Directions of the arc-hybrid system's moves.
const (
	shiftMove = iota
	leftMove  // s0 becomes a dependent of b0 and is popped
	rightMove // s0 becomes a dependent of s1 and is popped
)

// The move classifier predicts SHIFT, or LEFT or RIGHT together with a
// coarse group of the arc's label; a second classifier then picks the label
// within the group. Predicting all labels jointly with the move is a little
// more accurate but twice as slow; predicting bare directions loses about a
// point of attachment score. The groups are fixed by linguistic function.
var labelGroups = [numGroups]string{"subj", "nom", "func", "clause", "other"}

const (
	numGroups = 5               // len(labelGroups)
	numMoves  = 1 + 2*numGroups // SHIFT, LEFT×groups, RIGHT×groups
)

// moveNames are the move classes: "S", "L:subj", ..., "R:other".
var moveNames = func() []string {
	names := []string{"S"}
	for _, d := range []string{"L:", "R:"} {
		for _, g := range labelGroups {
			names = append(names, d+g)
		}
	}
	return names
}()

// moveDir and moveGroup split a move class into direction and group.
func moveDir(m int) int {
	switch {
	case m == 0:
		return shiftMove
	case m <= len(labelGroups):
		return leftMove
	}
	return rightMove
}

func moveGroup(m int) uint8 { return uint8((m - 1) % len(labelGroups)) }

// groupOfLabel gives the label group of a CoreNLP basic relation.
func groupOfLabel(label string) uint8 {
	switch label {
	case "nsubj", "nsubjpass", "csubj", "csubjpass", "expl":
		return 0
	case "det", "amod", "compound", "nmod:poss", "nummod", "det:predet", "cc:preconj":
		return 1
	case "case", "mark", "aux", "auxpass", "cop", "neg", "mwe", "compound:prt":
		return 2
	case "dobj", "iobj", "ccomp", "xcomp", "advcl", "parataxis", "acl", "acl:relcl":
		return 3
	}
	return 4
}

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
	// commas[i] and quotes[i] count comma/colon and quote tokens before i,
	// for the punctuation-between features.
	commas, quotes []int32
	feats          []uint64
	found          []int32
	labelScores    []int32
	sink           uint32 // see parseModel.scoreMoves
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
	s.commas, s.quotes = grow32(s.commas), grow32(s.quotes)
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

// apply performs move m; label is used by LEFT and RIGHT.
func (s *parseState) apply(m int, label uint8) {
	k := len(s.stack)
	switch m {
	case shiftMove:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case leftMove:
		s.attach(int32(s.b), s.stack[k-1], label)
		s.stack = s.stack[:k-1]
	default:
		s.attach(s.stack[k-2], s.stack[k-1], label)
		s.stack = s.stack[:k-1]
	}
}

// Parser feature templates. Only the 26 that features uses are live; the
// others are kept so that the ids, which are hashed into the features, stay
// put. Every lookup costs a probable cache miss, so the set was cut from 65
// to a Zhang & Nivre (2011)-style core (words and tags of s0, s1, b0,
// distance, child label sets, punctuation between) at a cost of about one
// point of attachment score.
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
	pS1wS0tB0t
	pS1tS0tB0w
	pS1tS0wB0t
	pS1tS0tB0tB1t
	pPunctS0B0
	pPunctS1S0
	pDistS1B0
	pS0l1LabS0tB0t
	pB0l1LabB0tS0t
)

// numLabelFeats is how many of the first features (those about s0 and its
// two candidate heads, s1 and b0) the label classifier reads.
const numLabelFeats = 14

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
	b0w, b0t, b1t, b2t := w(b0), t(b0), t(b1), t(b2)
	s0l1, s0r1, b0l1, s1r1 := child(s.lc1, s0), child(s.rc1, s0), child(s.lc1, b0), child(s.rc1, s1)
	var dist, dist1 uint64 = 0, 0
	if s0 >= 0 && b0 >= 0 && int(s0) != n {
		dist = distBucket(int(b0 - s0))
	}
	if s0 >= 0 && s1 >= 0 && int(s1) != n {
		dist1 = distBucket(int(s0 - s1))
	}
	var s0ls, s0rs, b0ls uint64
	if s0 >= 0 {
		s0ls, s0rs = s.lset[s0], s.rset[s0]
	}
	if b0 >= 0 {
		b0ls = s.lset[b0]
	}
	s.feats = append(s.feats[:0],
		// Label features first (numLabelFeats of them).
		feat2(pS0wt, s0w, s0t),
		feat1(pS0t, s0t),
		feat2(pS1wt, s1w, s1t),
		feat1(pS1t, s1t),
		feat2(pB0wt, b0w, b0t),
		feat1(pB0t, b0t),
		feat3(pDistS0tB0t, dist, s0t, b0t),
		feat3(pDistS1tS0t, dist1, s1t, s0t),
		feat3(pS0wtB0t, s0w, s0t, b0t),
		feat3(pS1tS0wt, s1t, s0w, s0t),
		feat2(pS0tLset, s0t, s0ls),
		feat2(pS0tRset, s0t, s0rs),
		feat3(pPunctS0B0, s.punctBetween(s0, b0), s0t, b0t),
		feat3(pB0l1LabB0tS0t, lab(b0l1), b0t, s0t),
		// Move-only features.
		feat1(pB1t, b1t),
		feat2(pS0wB0w, s0w, b0w),
		feat3(pS1tS0tB0t, s1t, s0t, b0t),
		feat3(pS0tB0tB1t, s0t, b0t, b1t),
		feat3(pB0tB1tB2t, b0t, b1t, b2t),
		feat3(pS2tS1tS0t, s2t, s1t, s0t),
		feat3(pS0tS0l1tB0t, s0t, t(s0l1), b0t),
		feat3(pS0tS0r1tB0t, s0t, t(s0r1), b0t),
		feat3(pS0tB0tB0l1t, s0t, b0t, t(b0l1)),
		feat3(pS1tS1r1tS0t, s1t, t(s1r1), s0t),
		feat3(pPunctS1S0, s.punctBetween(s1, s0), s1t, s0t),
		feat2(pB0tLset, b0t, b0ls),
	)
}

// bestMove returns the highest-scoring allowed move class (the first on
// ties).
func bestMove[T int32 | float32](s *parseState, scores []T) int {
	shift, left, right := s.valid()
	best := -1
	if shift {
		best = 0
	}
	if left {
		for m := 1; m <= len(labelGroups); m++ {
			if best < 0 || scores[m] > scores[best] {
				best = m
			}
		}
	}
	if right {
		for m := 1 + len(labelGroups); m < numMoves; m++ {
			if best < 0 || scores[m] > scores[best] {
				best = m
			}
		}
	}
	return best
}

// bestLabel returns the highest-scoring label of group g (scores indexed
// by label), or the best label overall if the group has none.
func (p *Parser) bestLabel(scores []int32, g uint8) uint8 {
	best := -1
	for l, v := range scores {
		if p.labelGroup[l] == g && (best < 0 || v > scores[best]) {
			best = l
		}
	}
	if best < 0 {
		best = argmax32(scores)
	}
	return uint8(best)
}

func newParser(m *parseModel, labels []string) *Parser {
	p := &Parser{model: m, labels: labels, labelHash: make([]uint64, len(labels)), labelGroup: make([]uint8, len(labels))}
	for i, l := range labels {
		p.labelHash[i] = hashString(l)
		p.labelGroup[i] = groupOfLabel(l)
	}
	return p
}

func (p *Parser) getState(n int) *parseState {
	s, _ := p.pool.Get().(*parseState)
	if s == nil {
		s = &parseState{labelScores: make([]int32, len(p.labels))}
	}
	s.reset(n)
	return s
}

var (
	hashComma      = hashString(",")
	hashColon      = hashString(":")
	hashOpenQuote  = hashString("``")
	hashCloseQuote = hashString("''")
)

// fillTokens sets the word and tag hashes of the n tokens.
func (s *parseState) fillTokens(words, tags []string) {
	var commas, quotes int32
	for i := range s.n {
		s.words[i] = lowerHash(words[i])
		tg := ""
		if i < len(tags) {
			tg = tags[i]
		}
		h := hashString(tg)
		s.tags[i] = h
		s.commas[i], s.quotes[i] = commas, quotes
		switch h {
		case hashComma, hashColon:
			commas++
		case hashOpenQuote, hashCloseQuote:
			quotes++
		}
	}
	s.commas[s.n], s.quotes[s.n] = commas, quotes
}

// punctBetween summarises the commas and quotes strictly between tokens
// a < b: 0..2 commas (capped) times 0..1 quotes, or 7 when undefined.
func (s *parseState) punctBetween(a, b int32) uint64 {
	if a < 0 || b < 0 || int(a) >= s.n || int(b) > s.n || a >= b {
		return 7
	}
	c := min(s.commas[b]-s.commas[a+1], 2)
	q := min(s.quotes[b]-s.quotes[a+1], 1)
	return uint64(c*2 + q)
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
	var mv [numMoves]int32
	for !s.terminal() {
		p.features(s)
		var nLabel int
		s.found, nLabel = p.model.scoreMoves(s.feats, s.found, &mv, &s.sink)
		m := bestMove(s, mv[:])
		if m < 0 {
			break // unreachable: some move is always valid before the end
		}
		dir := moveDir(m)
		var label uint8
		if dir != shiftMove {
			p.model.scoreLabels(s.found[:nLabel], dir == rightMove, moveGroup(m), s.labelScores, &s.sink)
			label = p.bestLabel(s.labelScores, moveGroup(m))
		}
		s.apply(dir, label)
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

func argmax32(scores []int32) int {
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return best
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

var defaultParseConfig = parseTrainConfig{epochs: 10, seed: 3, explore: 0.9, minWeight: 2}

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
	w, err := trainParserWeights(ctx, sents, tagsOf, cfg, log)
	if err != nil {
		return nil, err
	}
	return w.parser(cfg.minWeight), nil
}

// parserWeights are the unaveraged perceptrons after training.
type parserWeights struct {
	moves, labels *trainPerceptron
	labelNames    []string
}

// parser averages and prunes the weights into an inference parser.
func (w *parserWeights) parser(minWeight float64) *Parser {
	L := len(w.labelNames)
	classes := make([]string, 2*L)
	for i, l := range w.labelNames {
		classes[i] = "L-" + l
		classes[L+i] = "R-" + l
	}
	mv := w.moves.average(moveNames, minWeight)
	lb := w.labels.average(classes, minWeight)
	return newParser(newParseModel(mv, lb), w.labelNames)
}

// trainParserWeights runs the perceptron epochs: the move classifier
// learns from the dynamic oracle (exploring its own mistakes after the first
// epoch), the label classifier from every gold arc the parser makes.
func trainParserWeights(ctx context.Context, sents []Sentence, tagsOf func(i int) []string, cfg parseTrainConfig, log io.Writer) (*parserWeights, error) {
	labels := collectClasses(sents, func(s *Sentence) []string { return s.Labels })
	if len(labels) == 0 || len(labels) > 127 {
		return nil, fmt.Errorf("train parser: %d labels", len(labels))
	}
	labelID := make(map[string]uint8, len(labels))
	for i, l := range labels {
		labelID[l] = uint8(i)
	}
	L := len(labels)
	p := newParser(nil, labels)
	moves := newTrainPerceptron(numMoves)
	lab := newTrainPerceptron(2 * L)
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
	s := &parseState{}
	mvScores := make([]float32, numMoves)
	lbScores := make([]float32, 2*L)
	lbInt := make([]int32, L)
	var goldHead []int32
	var goldLabel []uint8
	for epoch := range cfg.epochs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		correct, total, labelled, labelOK := 0, 0, 0, 0
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
				moves.score(s.feats, mvScores)
				pred := bestMove(s, mvScores)
				shiftOK, leftOK, rightOK := s.valid()
				cs, cl, cr := s.costs(goldHead)
				dirCost := [3]int{cs, cl, cr}
				dirOK := [3]bool{shiftOK, leftOK, rightOK}
				// A move's cost is its direction's cost plus one if it
				// makes a gold arc but names the wrong label group.
				var cost [numMoves]int
				var ok [numMoves]bool
				k := len(s.stack)
				for m := range numMoves {
					d := moveDir(m)
					ok[m], cost[m] = dirOK[d], dirCost[d]
					if !ok[m] || d == shiftMove {
						continue
					}
					dep, head := s.stack[k-1], int32(s.b)
					if d == rightMove {
						head = s.stack[k-2]
					}
					if goldHead[dep] == head && groupOfLabel(labels[goldLabel[dep]]) != moveGroup(m) {
						cost[m]++
					}
				}
				minCost := math.MaxInt
				for m := range numMoves {
					if ok[m] && cost[m] < minCost {
						minCost = cost[m]
					}
				}
				bestGold := -1
				for m := range numMoves {
					if ok[m] && cost[m] == minCost && (bestGold < 0 || mvScores[m] > mvScores[bestGold]) {
						bestGold = m
					}
				}
				moves.tick()
				next := bestGold
				if cost[pred] == minCost {
					correct++
					next = pred
				} else {
					moves.update(bestGold, pred, s.feats)
					if epoch > 0 && rng.Float64() < cfg.explore {
						next = pred
					}
				}
				total++
				dir := moveDir(next)
				var label uint8
				if dir != shiftMove {
					dep, head := s.stack[k-1], int32(s.b)
					lo := 0
					if dir == rightMove {
						head, lo = s.stack[k-2], L
					}
					lab.score(s.feats[:min(numLabelFeats, len(s.feats))], lbScores)
					for l := range L {
						// Rank by the float scores; int32 keeps bestLabel shared.
						lbInt[l] = int32(lbScores[lo+l] * 1024)
					}
					label = p.bestLabel(lbInt, moveGroup(next))
					if goldHead[dep] == head {
						lab.tick()
						gold := goldLabel[dep]
						lab.update(lo+int(gold), lo+int(label), s.feats[:min(numLabelFeats, len(s.feats))])
						labelled++
						if gold == label {
							labelOK++
						}
					}
				}
				s.apply(dir, label)
			}
		}
		fmt.Fprintf(log, "parser: epoch %d oracle agreement %.2f%%, labels %.2f%%, features %d+%d\n", epoch+1,
			100*float64(correct)/float64(max(total, 1)), 100*float64(labelOK)/float64(max(labelled, 1)), len(moves.rows), len(lab.rows))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	return &parserWeights{moves: moves, labels: lab, labelNames: labels}, nil
}

const parseModelKind = "dependency-parser"

func (p *Parser) encode() ([]byte, error) {
	return encodeModel(parseModelKind, func(w *bufio.Writer) error {
		if err := p.model.moves.write(w); err != nil {
			return err
		}
		return p.model.labels.write(w)
	})
}

func decodeParser(data []byte) (*Parser, error) {
	r, err := decodeModel(data, parseModelKind)
	if err != nil {
		return nil, err
	}
	mv, err := readPerceptron(r)
	if err != nil {
		return nil, fmt.Errorf("read parser move weights: %w", err)
	}
	if len(mv.classes) != numMoves || mv.classes[numMoves-1] != moveNames[numMoves-1] {
		return nil, fmt.Errorf("read parser: %w: %d moves", errBadModel, len(mv.classes))
	}
	lb, err := readPerceptron(r)
	if err != nil {
		return nil, fmt.Errorf("read parser label weights: %w", err)
	}
	if len(lb.classes)%2 != 0 {
		return nil, fmt.Errorf("read parser: %w: %d label classes", errBadModel, len(lb.classes))
	}
	L := len(lb.classes) / 2
	labels := make([]string, L)
	for i := range L {
		l, ok := strings.CutPrefix(lb.classes[i], "L-")
		if !ok || lb.classes[L+i] != "R-"+l {
			return nil, fmt.Errorf("read parser: %w: label class %q", errBadModel, lb.classes[i])
		}
		labels[i] = l
	}
	return newParser(newParseModel(mv, lb), labels), nil
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
