package syntax

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"hash/maphash"
	"io"
	"math/rand/v2"
	"slices"
	"sync"
)

// Tagger is a greedy left-to-right averaged-perceptron part-of-speech
// tagger (Collins 2002; features after Honnibal's "A good POS tagger in
// about 200 lines"). Frequent unambiguous words are tagged from a
// dictionary without scoring. Safe for concurrent use.
type Tagger struct {
	model   *perceptron
	table   *tagTable        // model's weights for scoring; nil: use model.score
	tagdict map[uint64]uint8 // exact word hash → class, for unambiguous words
	dict    dictTable        // tagdict for look-ups
	// classHash[c] is hashString of class c, the previous-tag feature value.
	classHash []uint64
	// ctxSums holds, for each pair of previous tags, table's sums for the
	// bias and the features of those tags alone (tP1, tP2, tP1P2), by
	// class: those three have weights for most classes (20 of the 111
	// groups of four a token reads), and one dense copy is a fraction of
	// the work. The pair (i1, i2) of tag indices, where index nc stands for
	// the sentence start (hashStart) and nc+1 for hashStart2, is at
	// ctxSums[(i1*(nc+2)+i2)*nc:][:nc].
	ctxSums []int32
	zeros   []int32   // nc zeros
	pool    sync.Pool // *tagScratch
}

func newTagger(m *perceptron, dict map[uint64]uint8) *Tagger {
	t := &Tagger{model: m, table: newTagTable(m), tagdict: dict, dict: newDictTable(dict), classHash: make([]uint64, len(m.classes))}
	for i, c := range m.classes {
		t.classHash[i] = hashString(c)
	}
	var scores [256]int32
	var sink uint64
	nc, np := len(m.classes), len(m.classes)+2
	prevHash := func(i int) uint64 {
		switch i {
		case nc:
			return hashStart
		case nc + 1:
			return hashStart2
		}
		return t.classHash[i]
	}
	t.ctxSums = make([]int32, np*np*nc)
	t.zeros = make([]int32, nc)
	lo, hi := make([]uint32, 4), make([]uint32, 4)
	for i1 := range np {
		for i2 := range np {
			p1, p2 := prevHash(i1), prevHash(i2)
			clear(scores[:])
			t.table.score([]uint64{biasFeature, feat1(tP1, p1), feat1(tP2, p2), feat2(tP1P2, p1, p2)}, lo, hi, &scores, &sink)
			copy(t.ctxSums[(i1*np+i2)*nc:][:nc], scores[:nc])
		}
	}
	return t
}

type tagScratch struct {
	lx     []lexeme
	feats  []uint64
	scores []float32
	iscore [256]int32 // by class; only the first len(classes) are used
	lo, hi []uint32
	cls    []uint8
	sink   uint64
	// lexes remembers the lexemes of the last short words lexed (see
	// lexemes)
	lexes [lexCacheSize]lexCacheEntry
	// slot[i] is the entry of lexes that held word i of the last
	// lexemes call (-1 for a word lexed afresh), and slotGen[i] that
	// entry's gen then.
	slot    []int16
	slotGen []uint64
	// sums[(k*numWordRoles+r)*nc:][:nc] is, when sumsGen[k][r] is
	// the gen of lexes[k], the table's sums for the features that the
	// word of lexes[k] alone gives a token in role r (see wordFeatures):
	// a text scores the same words and their neighbours again and again,
	// and a dense copy of their sums replaces 17 look-ups (57 of the 111
	// groups of four a token reads).
	sums    []int32
	sumsGen [lexCacheSize][numWordRoles]uint64
	wordTmp [256]int32
}

// Roles of a word in the features of a token (see wordFeatures).
const (
	roleSelf = iota // the token itself, not the first of its sentence
	rolePrev        // the word before the token
	roleNext        // the word after it
	numWordRoles
	// roleFirst: the token itself, the first of its sentence (rare: its
	// sums are not kept)
	roleFirst = numWordRoles
)

// lexCacheSize is the number of words whose lexemes a tagScratch keeps:
// a direct-mapped table by the word's hash. Words of at most
// lexCacheLen bytes are kept (most words; longer ones are lexed afresh).
// With their feature sums (about 1.4 MiB a scratch at 2048) the cache
// spares more look-ups than at 512: over 277 BBC articles the tagger ran
// 19M fewer instructions (1024: 7M). At 2048 a quarter of the words
// tagged still missed (36,000 over the 417 BBC politics articles, each
// lexed again, 780 instructions, and its sums looked up in the table);
// at 4096 (about 2.8 MiB a scratch, max RSS +3 MB) the extraction ran
// 26M fewer instructions over those articles, 0.9% (8192: 47M, 5.5 MiB
// a scratch, max RSS +11 MB).
const (
	lexCacheSize = 4096
	lexCacheLen  = 16
)

type lexCacheEntry struct {
	n uint8 // len of the word; 0: empty
	// gen counts the words the entry has held: a later word of a
	// sentence may take over the entry of an earlier one
	gen  uint64
	word [lexCacheLen]byte
	lx   lexeme
}

var lexSeed = maphash.MakeSeed()

// lexemes is padLexemes(s.lx, words) with each word's lexeme taken from
// s.lexes when the word was lexed lately: lex is a function of the word
// alone, and a text says the same words again and again.
func (s *tagScratch) lexemes(words []string) []lexeme {
	dst := s.lx[:0]
	dst = append(dst, sentinelLexeme(hashStart2), sentinelLexeme(hashStart))
	s.slot, s.slotGen = s.slot[:0], s.slotGen[:0]
	for _, w := range words {
		if len(w) == 0 || len(w) > lexCacheLen {
			dst = append(dst, lex(w))
			s.slot, s.slotGen = append(s.slot, -1), append(s.slotGen, 0)
			continue
		}
		k := maphash.String(lexSeed, w) % lexCacheSize
		e := &s.lexes[k]
		if int(e.n) != len(w) || string(e.word[:len(w)]) != w {
			e.n = uint8(copy(e.word[:], w))
			e.lx = lex(w)
			e.gen++
		}
		dst = append(dst, e.lx)
		s.slot, s.slotGen = append(s.slot, int16(k)), append(s.slotGen, e.gen)
	}
	return append(dst, sentinelLexeme(hashEnd), sentinelLexeme(hashEnd2))
}

// Tagger feature templates.
const (
	tBias uint64 = iota + 1
	tLower
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre3
	tShape
	tFlags
	tP1
	tP2
	tP1P2
	tP1Lower
	tPrevLower
	tPrevSuf3
	tPrev2Lower
	tNextLower
	tNextSuf3
	tNext2Lower
	tPrevShape
	tNextShape
	tLowerNext
	tPrevLowerLower
	tP1NextShape
	tExact
)

// biasFeature is the feature every token has.
var biasFeature = feat1(tBias, 0)

// padded returns the lexemes of words with two sentinel entries at each
// end, so that feature functions can look two tokens either way.
func padLexemes(dst []lexeme, words []string) []lexeme {
	dst = dst[:0]
	start := sentinelLexeme(hashStart)
	start2 := sentinelLexeme(hashStart2)
	dst = append(dst, start2, start)
	for _, w := range words {
		dst = append(dst, lex(w))
	}
	return append(dst, sentinelLexeme(hashEnd), sentinelLexeme(hashEnd2))
}

func sentinelLexeme(h uint64) lexeme {
	return lexeme{exact: h, lower: h, suf: [4]uint64{h, h, h, h}, pre1: h, pre3: h, shape: h}
}

// wordFeatures appends the features of tagFeatures that depend on the
// lexeme w alone, for a token that w is in role (see roleSelf), in no
// particular order (scores are integer sums).
func wordFeatures(out []uint64, role int, w *lexeme) []uint64 {
	switch role {
	case roleSelf, roleFirst:
		notFirst := uint64(1)
		if role == roleFirst {
			notFirst = 0
		}
		return append(out,
			feat1(tLower, w.lower),
			feat1(tSuf1, w.suf[0]),
			feat1(tSuf2, w.suf[1]),
			feat1(tSuf3, w.suf[2]),
			feat1(tSuf4, w.suf[3]),
			feat1(tPre1, w.pre1),
			feat1(tPre3, w.pre3),
			feat1(tShape, w.shape),
			feat1(tExact, w.exact),
			feat2(tFlags, uint64(w.flags), notFirst),
		)
	case rolePrev:
		return append(out, feat1(tPrevLower, w.lower), feat1(tPrevSuf3, w.suf[2]), feat1(tPrevShape, w.shape))
	}
	return append(out, feat1(tNextLower, w.lower), feat1(tNextSuf3, w.suf[2]), feat1(tNextShape, w.shape))
}

// restFeatures appends the features of tagFeatures other than the bias,
// those of the two previous tags alone (see Tagger.ctxSums) and the
// wordFeatures of the token (at i > 0), the word before it and the word
// after it; p1 is the hash of the previous tag.
func restFeatures(out []uint64, lx []lexeme, i int, p1 uint64) []uint64 {
	w := &lx[i+2]
	prev, prev2, next, next2 := &lx[i+1], &lx[i], &lx[i+3], &lx[i+4]
	return append(out,
		feat2(tP1Lower, p1, w.lower),
		feat1(tPrev2Lower, prev2.lower),
		feat1(tNext2Lower, next2.lower),
		feat2(tLowerNext, w.lower, next.lower),
		feat2(tPrevLowerLower, prev.lower, w.lower),
		feat2(tP1NextShape, p1, next.shape),
	)
}

// tagFeatures appends the features of token i (index into the padded
// lexemes is i+2) given the hashes of the two previous tags.
func tagFeatures(out []uint64, lx []lexeme, i int, p1, p2 uint64) []uint64 {
	w := &lx[i+2]
	prev, prev2, next, next2 := &lx[i+1], &lx[i], &lx[i+3], &lx[i+4]
	return append(out,
		biasFeature, // first (tagLexemes takes it from Tagger.ctxSums)
		feat1(tLower, w.lower),
		feat1(tSuf1, w.suf[0]),
		feat1(tSuf2, w.suf[1]),
		feat1(tSuf3, w.suf[2]),
		feat1(tSuf4, w.suf[3]),
		feat1(tPre1, w.pre1),
		feat1(tPre3, w.pre3),
		feat1(tShape, w.shape),
		feat2(tFlags, uint64(w.flags), uint64(min(i, 1))),
		feat1(tP1, p1),
		feat1(tP2, p2),
		feat2(tP1P2, p1, p2),
		feat2(tP1Lower, p1, w.lower),
		feat1(tPrevLower, prev.lower),
		feat1(tPrevSuf3, prev.suf[2]),
		feat1(tPrev2Lower, prev2.lower),
		feat1(tNextLower, next.lower),
		feat1(tNextSuf3, next.suf[2]),
		feat1(tNext2Lower, next2.lower),
		feat1(tPrevShape, prev.shape),
		feat1(tNextShape, next.shape),
		feat2(tLowerNext, w.lower, next.lower),
		feat2(tPrevLowerLower, prev.lower, w.lower),
		feat2(tP1NextShape, p1, next.shape),
		feat1(tExact, w.exact),
	)
}

func (t *Tagger) scratch(n int) *tagScratch {
	s, _ := t.pool.Get().(*tagScratch)
	if s == nil {
		nc := len(t.model.classes)
		s = &tagScratch{scores: make([]float32, nc), lo: make([]uint32, 64), hi: make([]uint32, 64)}
	}
	if cap(s.cls) < n {
		s.cls = make([]uint8, n)
	}
	s.cls = s.cls[:n]
	return s
}

// Tag writes the Penn Treebank tag of words[i] into tags[i]. If tags is
// shorter than words only the first len(tags) words get tags.
func (t *Tagger) Tag(words []string, tags []string) {
	n := min(len(words), len(tags))
	if n == 0 {
		return
	}
	s := t.scratch(n)
	defer t.pool.Put(s)
	s.lx = s.lexemes(words[:n])
	t.tagLexemes(s, n)
	for i := range n {
		tags[i] = t.model.classes[s.cls[i]]
	}
}

// tagLexemes fills s.cls for the n padded lexemes that s.lexemes put in
// s.lx.
func (t *Tagger) tagLexemes(s *tagScratch, n int) {
	p1, p2 := hashStart, hashStart2
	nc := len(t.model.classes)
	i1, i2 := nc, nc+1 // p1's and p2's indices in ctxSums
	for i := range n {
		c, ok := t.dict.get(s.lx[i+2].exact)
		if !ok {
			if t.table != nil {
				// the sums are integers, so they may be taken in parts:
				// the previous tags' (bias included) and the word's from
				// tables, the rest looked up
				t.tokenSums(s, i, p1, i1, i2)
				c = uint8(argmaxInt(s.iscore[:nc]))
			} else {
				s.feats = tagFeatures(s.feats[:0], s.lx, i, p1, p2)
				t.model.score(s.feats, s.scores, &s.sink)
				c = uint8(argmax(s.scores))
			}
		}
		s.cls[i] = c
		p2, p1 = p1, t.classHash[c]
		i2, i1 = i1, int(c)
	}
}

// tokenSums fills s.iscore[:nc] with the table's sums over
// tagFeatures(s.lx, i, p1, p2) for token i of the words of the last
// s.lexemes, where i1 and i2 index p1 and p2 as in ctxSums.
func (t *Tagger) tokenSums(s *tagScratch, i int, p1 uint64, i1, i2 int) {
	nc, np := len(t.model.classes), len(t.model.classes)+2
	s.feats = restFeatures(s.feats[:0], s.lx, i, p1)
	role := roleSelf
	if i == 0 {
		role = roleFirst
	}
	self := s.wordSums(t, role, i)
	prev := s.wordSums(t, rolePrev, i-1)
	next := s.wordSums(t, roleNext, i+1)
	// the four dense parts summed in one loop
	sc := s.iscore[:nc]
	ctx := t.ctxSums[(i1*np+i2)*nc:][:len(sc)]
	self, prev, next = self[:len(sc)], prev[:len(sc)], next[:len(sc)]
	for c := range sc {
		sc[c] = ctx[c] + self[c] + prev[c] + next[c]
	}
	t.table.score(s.feats, s.lo, s.hi, &s.iscore, &s.sink)
}

// wordSums returns the sums of wordFeatures(role) of the word at
// position j of the last s.lexemes (-1 and n: the sentinels), from
// s.sums when the word has a slot of the lexeme cache and the role's
// sums are kept; else it appends those features to s.feats for look-up
// and returns zeros.
func (s *tagScratch) wordSums(t *Tagger, role, j int) []int32 {
	nc := len(t.model.classes)
	w := &s.lx[j+2]
	if role >= numWordRoles || j < 0 || j >= len(s.slot) || s.slot[j] < 0 {
		s.feats = wordFeatures(s.feats, role, w)
		return t.zeros
	}
	k, gen := int(s.slot[j]), s.slotGen[j]
	if s.lexes[k].gen != gen {
		// a later word of the sentence took the entry over
		s.feats = wordFeatures(s.feats, role, w)
		return t.zeros
	}
	if len(s.sums) != lexCacheSize*numWordRoles*nc {
		s.sums = make([]int32, lexCacheSize*numWordRoles*nc)
		s.sumsGen = [lexCacheSize][numWordRoles]uint64{}
	}
	ws := s.sums[(k*numWordRoles+role)*nc:][:nc]
	if s.sumsGen[k][role] != gen {
		tmp := &s.wordTmp
		clear(tmp[:nc])
		t.table.score(wordFeatures(s.feats[len(s.feats):], role, w), s.lo, s.hi, tmp, &s.sink)
		copy(ws, tmp[:nc])
		s.sumsGen[k][role] = gen
	}
	return ws
}

// dictTable is the tag dictionary as an open-addressing table: every
// word of a sentence is looked up in it, and a Go map's look-up cost
// more than the table's one or two probes in a few KiB.
type dictTable struct {
	keys []uint64 // 0: empty slot
	cls  []uint8
	// zero holds the class of the key 0, which cannot go in keys
	zero    uint8
	hasZero bool
}

func newDictTable(dict map[uint64]uint8) dictTable {
	n := 16
	for n < 2*len(dict) {
		n *= 2
	}
	d := dictTable{keys: make([]uint64, n), cls: make([]uint8, n)}
	mask := uint64(n - 1)
	for k, c := range dict {
		if k == 0 {
			d.zero, d.hasZero = c, true
			continue
		}
		i := dictSlot(k) & mask
		for d.keys[i] != 0 {
			i = (i + 1) & mask
		}
		d.keys[i], d.cls[i] = k, c
	}
	return d
}

// dictSlot is where a word hash's probes start (high bits folded in).
func dictSlot(k uint64) uint64 { return k>>32 ^ k }

// get is tagdict[k].
func (d *dictTable) get(k uint64) (uint8, bool) {
	if k == 0 {
		return d.zero, d.hasZero
	}
	mask := uint64(len(d.keys) - 1)
	for i := dictSlot(k) & mask; ; i = (i + 1) & mask {
		switch d.keys[i] {
		case k:
			return d.cls[i], true
		case 0:
			return 0, false
		}
	}
}

func argmax(scores []float32) int {
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return best
}

// ---------------------------------------------------------------------------
// Training

type tagTrainConfig struct {
	epochs    int
	seed      uint64
	minWeight float64
	// dictionary: words seen at least dictMinFreq times with one tag in at
	// least dictMinShare of them.
	dictMinFreq  int
	dictMinShare float64
}

var defaultTagConfig = tagTrainConfig{epochs: 6, seed: 1, minWeight: 0.5, dictMinFreq: 20, dictMinShare: 0.97}

func trainTagger(ctx context.Context, sents []Sentence, cfg tagTrainConfig, log io.Writer) (*Tagger, error) {
	classes := collectClasses(sents, func(s *Sentence) []string { return s.Tags })
	classID := make(map[string]uint8, len(classes))
	for i, c := range classes {
		classID[c] = uint8(i)
	}
	classHash := make([]uint64, len(classes))
	for i, c := range classes {
		classHash[i] = hashString(c)
	}
	tagdict := buildTagDict(sents, classID, cfg.dictMinFreq, cfg.dictMinShare)
	tp := newTrainPerceptron(len(classes))
	scores := make([]float32, len(classes))
	var lx []lexeme
	var feats []uint64
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.seed, 0x7a66))
	for epoch := range cfg.epochs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		correct, total := 0, 0
		for _, si := range order {
			s := &sents[si]
			lx = padLexemes(lx, s.Words)
			p1, p2 := hashStart, hashStart2
			for i := range s.Words {
				gold := int(classID[s.Tags[i]])
				guess, ok := tagdict[lx[i+2].exact]
				if !ok {
					feats = tagFeatures(feats[:0], lx, i, p1, p2)
					tp.score(feats, scores)
					guess = uint8(argmax(scores))
					tp.tick()
					tp.update(gold, int(guess), feats)
				}
				if int(guess) == gold {
					correct++
				}
				total++
				// Condition on the predicted tag, as at inference.
				p2, p1 = p1, classHash[guess]
			}
		}
		fmt.Fprintf(log, "tagger: epoch %d train acc %.2f%% features %d\n", epoch+1, 100*float64(correct)/float64(max(total, 1)), len(tp.rows))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	return newTagger(tp.average(classes, cfg.minWeight), tagdict), nil
}

// collectClasses returns the sorted distinct values of a per-token field.
func collectClasses(sents []Sentence, field func(*Sentence) []string) []string {
	seen := map[string]bool{}
	for i := range sents {
		for _, v := range field(&sents[i]) {
			seen[v] = true
		}
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

func buildTagDict(sents []Sentence, classID map[string]uint8, minFreq int, minShare float64) map[uint64]uint8 {
	counts := map[uint64]map[uint8]int{}
	for i := range sents {
		for j, w := range sents[i].Words {
			h := lex(w).exact
			m := counts[h]
			if m == nil {
				m = map[uint8]int{}
				counts[h] = m
			}
			m[classID[sents[i].Tags[j]]]++
		}
	}
	dict := map[uint64]uint8{}
	for h, m := range counts {
		total, best, bestN := 0, uint8(0), -1
		for c, n := range m {
			total += n
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if total >= minFreq && float64(bestN)/float64(total) >= minShare {
			dict[h] = best
		}
	}
	return dict
}

// ---------------------------------------------------------------------------
// Model file

const tagModelKind = "pos-tagger"

func (t *Tagger) encode() ([]byte, error) {
	return encodeModel(tagModelKind, func(w *bufio.Writer) error {
		if err := t.model.write(w); err != nil {
			return err
		}
		type kv struct {
			k uint64
			c uint8
		}
		entries := make([]kv, 0, len(t.tagdict))
		for k, c := range t.tagdict {
			entries = append(entries, kv{k, c})
		}
		slices.SortFunc(entries, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		if err := writeUvarint(w, uint64(len(entries))); err != nil {
			return err
		}
		var prev uint64
		for _, e := range entries {
			if err := writeUvarint(w, e.k-prev); err != nil {
				return err
			}
			prev = e.k
			if err := w.WriteByte(e.c); err != nil {
				return err
			}
		}
		return nil
	})
}

func decodeTagger(data []byte) (*Tagger, error) {
	r, err := decodeModel(data, tagModelKind)
	if err != nil {
		return nil, err
	}
	m, err := readPerceptron(r)
	if err != nil {
		return nil, fmt.Errorf("read tagger weights: %w", err)
	}
	n, err := r.uvarint()
	if err != nil || n > 1<<24 {
		return nil, fmt.Errorf("read tag dictionary: %w", errBadModel)
	}
	dict := make(map[uint64]uint8, n)
	var k uint64
	for range n {
		d, err := r.uvarint()
		if err != nil {
			return nil, fmt.Errorf("read tag dictionary: %w", err)
		}
		k += d
		c, err := r.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("read tag dictionary: %w", err)
		}
		if int(c) >= len(m.classes) {
			return nil, fmt.Errorf("read tag dictionary: %w", errBadModel)
		}
		dict[k] = c
	}
	return newTagger(m, dict), nil
}
