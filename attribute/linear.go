package attribute

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"sync"
)

// Features are hashed: a template id mixed with the strings and numbers it
// combines, into a uint64, folded into a fixed-size weight table. No
// feature string is ever built, so scoring allocates nothing.

const fnvOffset = 14695981039346656037
const fnvPrime = 1099511628211

// fhash hashes a feature template id.
func fhash(tmpl uint64) uint64 { return (fnvOffset ^ tmpl) * fnvPrime }

// strHash hashes a string (FNV-1a); the view keeps the hashes of each
// token's word, stem and tag so that features only combine numbers.
func strHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mixH mixes a hashed value into a feature hash. The shift brings the
// product's well-mixed high bits down to the low bits that index tables.
func mixH(h, x uint64) uint64 {
	h ^= x
	h *= fnvPrime
	return h ^ h>>29
}

// mixS mixes a string into a feature hash.
func mixS(h uint64, s string) uint64 { return mixH(h, strHash(s)) }

// mixI mixes a small integer into a feature hash.
func mixI(h uint64, v int) uint64 {
	h ^= uint64(v) + 0x9e3779b97f4a7c15
	h *= fnvPrime
	return h
}

// linear is a multi-class linear model over hashed features with
// averaged-perceptron training. Weights of class k for feature f live at
// W[(f&mask)*classes+k] while training; for inference the model is packed
// (see packed), and W may be nil.
type linear struct {
	classes int
	bits    uint
	mask    uint64
	W       []float32
	// packed holds the same weights for inference; nil while training.
	packed *packed
	// training state (nil at inference)
	total []float32 // sum of weights over time, for averaging
	stamp []int32   // last update time of each weight
	t     int32
}

// packed stores only the rows of W that hold a non-zero weight, with a
// presence bitmap over all rows and a running count per bitmap word to
// find a row's place. Most rows of the hashed table are empty, so this is
// a fifth of the dense table or less: the ranker tables fit in the
// core's L2 cache, and a feature never seen in training costs one
// bitmap read instead of a cache miss. Scores are sums of the int16
// values in q (see there); rows keeps the float weights only to write the
// model back out.
type packed struct {
	present []uint64
	before  []uint32 // rows present in the bitmap words before each word
	rows    []float32
	// q holds rows quantised to int16 (weight ≈ q × scale): half the
	// memory, so more of the tables stay in cache. On PolNeAR dev it
	// changed one source of 1,952.
	q     []int16
	scale float32
	// coarse holds a three-class table read by a first pass (see
	// passes) as lines of each row's B minus O weight in steps of
	// coarseStep, built on first use.
	coarseOnce sync.Once
	coarse     []coarseLine
	// pairShape holds the span rankers' sums over the pair features
	// that depend only on a pair key (see pairShapeSum), built on
	// first use.
	pairOnce  sync.Once
	pairShape []int32
	// pairShapeMax[r][nb] is the largest pairShape of the keys of
	// role and side r ((role-1)*numSides+side-1) and length bucket nb,
	// for rank's bound on a pair score (see pairBound).
	pairShapeMax [2 * numSides][numBuckets]int32
	// lines holds a one-class model's q by bitmap word (see qLine);
	// nil for other models.
	lines []qLine
	// id tells packed models apart for the rankers' groupMemo.
	id uint64
}

// qLine is half a cache line of a one-class model (the span rankers):
// the presence bits of 64 rows and the q of the first 12 rows present, in
// row order. A row's presence bit, its place among the rows present and
// its q were three reads from three tables (present, before, q), most of
// them cache misses over the rankers' megabyte of tables; from a line
// they are one. About 4 rows in 64 are present, so a row past the 12th of
// its line is rare, and read from q as before.
//
// The q come first: at offset 0 their address is the line's, one
// instruction fewer a row than past the presence bits.
type qLine struct {
	q       [12]int16
	present uint64
}

// qLines builds packed.lines.
func (p *packed) qLines() []qLine {
	lines := make([]qLine, len(p.present))
	for i, present := range p.present {
		lines[i].present = present
		n := min(bits.OnesCount64(present), len(lines[i].q))
		copy(lines[i].q[:n], p.q[p.before[i]:])
	}
	return lines
}

// q1 is the q of row r of a one-class model (0 for an empty row).
func (p *packed) q1(r uint64) int32 {
	l := &p.lines[r>>6]
	// without a branch on the presence bit, as in passes: an absent row
	// reads some q of its line and adds it times 0
	in := int32(l.present >> (r & 63) & 1)
	j := bits.OnesCount64(l.present & (uint64(1)<<(r&63) - 1))
	if j >= len(l.q) {
		return in * int32(p.q[int(p.before[r>>6])+j*int(in)])
	}
	return in * int32(l.q[j])
}

// coarseLine is half a cache line of coarse differences (a table of
// lines is allocated whole, and Go aligns such an allocation to a page,
// so no line straddles two cache lines): the presence bits of 64 rows and
// a byte for each row present, in row order. The cue tables hold 13 rows
// in 100 and at most 20 in one line, within the 24 a line holds; at 32
// bytes a line, the table of a 2^21-row model is 1 MiB, half what a whole
// cache line a line took, and the first pass, whose look-ups miss the
// cache, took a fifth less time over BBC articles.
//
// The differences come first, as the q of a qLine: one instruction fewer
// a row in coarseSum.
type coarseLine struct {
	d       [24]int8
	present uint64
}

func newLinear(bits uint, classes int) *linear {
	n := (1 << bits) * classes
	return &linear{classes: classes, bits: bits, mask: 1<<bits - 1, W: make([]float32, n)}
}

// pack builds the inference form of W.
func (m *linear) pack() {
	c := m.classes
	nrows := len(m.W) / c
	p := &packed{present: make([]uint64, (nrows+63)/64), before: make([]uint32, (nrows+63)/64)}
	var count uint32
	for r := 0; r < nrows; r++ {
		if r%64 == 0 {
			p.before[r/64] = count
		}
		row := m.W[r*c : r*c+c]
		for _, w := range row {
			if w != 0 {
				p.present[r/64] |= 1 << (r % 64)
				p.rows = append(p.rows, row...)
				count++
				break
			}
		}
	}
	p.rows = slices.Clip(p.rows)
	p.quantise(c)
	p.id = packedIDs.Add(1)
	m.packed = p
}

// packSparse is pack for a model given as its non-zero weights in
// increasing order of index (what writeTo stores), without the dense W:
// loading a model scanned its whole table of 2^21 rows, most of them
// empty, and allocated it. A row is present when one of its weights is
// not zero, as in pack, so the packed model is the same. It reports false,
// building nothing, when the indices are not increasing (the dense W is
// then needed to give the last of repeated indices its place).
func (m *linear) packSparse(idx []uint32, val []float32) bool {
	c := m.classes
	nrows := (1 << m.bits)
	nw := (nrows + 63) / 64
	// count the rows present first, so that rows is allocated once, and
	// check the order on the way
	n := 0
	last := -1
	for k, i := range idx {
		if k > 0 && i <= idx[k-1] {
			return false
		}
		if r := int(uint(i) / uint(c)); r != last && val[k] != 0 {
			n++
			last = r
		}
	}
	p := &packed{present: make([]uint64, nw), before: make([]uint32, nw)}
	// rows is zero to its capacity: a row present is a reslice, and a
	// weight's place in its row i-r*c, not a second division
	p.rows = make([]float32, 0, n*c)
	last = -1
	for k, i := range idx {
		w := val[k]
		if w == 0 {
			continue // as pack: a zero weight does not make its row present
		}
		r := uint(i) / uint(c)
		if int(r) != last {
			p.present[r/64] |= 1 << (r % 64)
			p.rows = p.rows[:len(p.rows)+c]
			last = int(r)
		}
		p.rows[len(p.rows)-c+int(uint(i)-r*uint(c))] = w
	}
	var count uint32
	for wi, word := range p.present {
		p.before[wi] = count
		count += uint32(bits.OnesCount64(word))
	}
	p.quantise(c)
	p.id = packedIDs.Add(1)
	m.packed = p
	return true
}

// quantise sets p.scale and p.q from p.rows, and a one-class model's
// lines.
func (p *packed) quantise(c int) {
	var maxAbs float32
	for _, w := range p.rows {
		// max(maxAbs, w, -w), which keeps a NaN too, without its tests
		// for most weights
		if a := math.Float32frombits(math.Float32bits(w) &^ (1 << 31)); !(a <= maxAbs) {
			maxAbs = max(maxAbs, w, -w)
		}
	}
	p.scale = 1
	if maxAbs > 0 {
		p.scale = maxAbs / 32767
	}
	p.q = make([]int16, len(p.rows))
	for i, w := range p.rows {
		p.q[i] = roundQ(w / p.scale)
	}
	if c == 1 {
		p.lines = p.qLines()
	}
}

// roundQ is int16(math.Round(float64(x))) for x within int16's range (a
// weight over the scale), by truncating x±0.5, which is exact here: x
// has a float32's 24 bits, and x+0.5 in a float64's 53 is exact for x of
// 2^-29 and up, and below 1 under that. math.Round without GOAMD64=v2 is
// a dozen instructions, and loading a model asks it of every weight of
// its rows (millions).
func roundQ(x float32) int16 {
	f := float64(x)
	if f < 0 {
		return -int16(-f + 0.5)
	}
	return int16(f + 0.5)
}

// unpack rebuilds the dense W of a packed model (to write or change it).
func (m *linear) unpack() {
	if m.W != nil || m.packed == nil {
		return
	}
	c := m.classes
	m.W = make([]float32, (1<<m.bits)*c)
	p := m.packed
	k := 0
	for r := 0; r < len(m.W)/c; r++ {
		if p.present[r/64]&(1<<(r%64)) != 0 {
			copy(m.W[r*c:r*c+c], p.rows[k*c:k*c+c])
			k++
		}
	}
}

// row returns the packed row of feature f, or false when it is empty.
func (p *packed) row(f uint64, classes int) (int, bool) {
	word := p.present[f>>6]
	bit := uint64(1) << (f & 63)
	if word&bit == 0 {
		return 0, false
	}
	return (int(p.before[f>>6]) + bits.OnesCount64(word&(bit-1))) * classes, true
}

// sum1 is the sum of q score gives for the one feature f.
func (p *packed) sum1(m *linear, f uint64) int32 {
	return p.q1(f & m.mask)
}

// pairShapeSum returns the sum of q over pairShapeFeats(key) for a
// one-class model m, from a table of every key built on first use.
func (p *packed) pairShapeSum(m *linear, key int) int32 {
	p.pairOnce.Do(func() {
		p.pairShape = make([]int32, numPairKeys)
		var f []uint64
		for k := range p.pairShape {
			f = pairShapeFeats(k, f[:0])
			for _, x := range f {
				p.pairShape[k] += p.sum1(m, x)
			}
		}
		// a key is ((r*10+nb)*3+exact)*3+cross)*2+partial)*3+verbs)*3+commas
		const perBucket = numPairKeys / (2 * numSides * 10)
		for k, sum := range p.pairShape {
			r, nb := k/perBucket/10, k/perBucket%10
			if k%perBucket == 0 || sum > p.pairShapeMax[r][nb] {
				p.pairShapeMax[r][nb] = sum
			}
		}
	})
	return p.pairShape[key]
}

func (m *linear) startTraining() {
	m.unpack()
	m.packed = nil
	m.total = make([]float32, len(m.W))
	m.stamp = make([]int32, len(m.W))
}

// scores writes the score of each class for feats into out.
func (m *linear) scores(feats []uint64, out []float32) {
	for k := range out {
		out[k] = 0
	}
	c := m.classes
	if p := m.packed; p != nil && c == numCueLabels {
		var a0, a1, a2 int32
		for _, f := range feats {
			if i, ok := p.row(f&m.mask, c); ok {
				w := p.q[i : i+3 : i+3]
				a0 += int32(w[0])
				a1 += int32(w[1])
				a2 += int32(w[2])
			}
		}
		out[0], out[1], out[2] = float32(a0)*p.scale, float32(a1)*p.scale, float32(a2)*p.scale
		return
	}
	if p := m.packed; p != nil {
		for _, f := range feats {
			if i, ok := p.row(f&m.mask, c); ok {
				w := p.rows[i : i+c]
				for k := range out {
					out[k] += w[k]
				}
			}
		}
		return
	}
	for _, f := range feats {
		base := int(f&m.mask) * c
		w := m.W[base : base+c]
		for k := range out {
			out[k] += w[k]
		}
	}
}

// score is the score of a one-class model.
func (m *linear) score(feats []uint64) float32 {
	var s float32
	if p := m.packed; p != nil {
		if len(p.lines) == 0 {
			return 0 // no line: every row is empty
		}
		return float32(m.sumQ(feats)) * p.scale
	}
	for _, f := range feats {
		s += m.W[int(f&m.mask)]
	}
	return s
}

// sumQ is the sum of the q of feats of a packed one-class model with
// lines: score's sum before the scale (the rankers' startScore and
// endScore add memoised sums to it).
func (m *linear) sumQ(feats []uint64) int32 {
	p := m.packed
	return p.sumLines(p.lines, feats) // speed_sumlines.go
}

// coarseStep is the step of packed.coarse, in units of q.
const coarseStep = 512

// coarseLines returns packed.coarse, or nil when some row's difference
// does not fit in a byte or some line holds more rows than it has bytes.
func (p *packed) coarseLines() []coarseLine {
	p.coarseOnce.Do(func() {
		lines := make([]coarseLine, len(p.present))
		r := 0
		for i, present := range p.present {
			n := bits.OnesCount64(present)
			if n > len(lines[i].d) {
				return
			}
			lines[i].present = present
			for j := range n {
				d := int(p.q[numCueLabels*r+labB]) - int(p.q[numCueLabels*r+labO])
				// round half away from zero: |d - coarseStep*k| <= coarseStep/2
				k := (d + coarseStep/2) / coarseStep
				if d < 0 {
					k = -((-d + coarseStep/2) / coarseStep)
				}
				if k < math.MinInt8 || k > math.MaxInt8 {
					return
				}
				lines[i].d[j] = int8(k)
				r++
			}
		}
		p.coarse = lines
	})
	return p.coarse
}

// passes reports whether a cue would begin at the token of feats within
// slack, scores(feats)[labB]+slack > scores(feats)[labO], as scores gives
// it. The first pass asks this of most tokens of an article, and most are
// far from it either way: the coarse differences settle those from one
// cache line a feature (scores reads three when the row is present), and
// only the few within the rounding bound (about 2% of BBC tokens) are
// scored in full.
func (m *linear) passes(feats []uint64, slack float32) bool {
	var sc [numCueLabels]float32
	p := m.packed
	if p == nil || m.classes != numCueLabels {
		m.scores(feats, sc[:])
		return sc[labB]+slack > sc[labO]
	}
	lines := p.coarseLines()
	if lines == nil {
		m.scores(feats, sc[:])
		return sc[labB]+slack > sc[labO]
	}
	d, n := coarseSum(lines, feats)
	switch m.coarseTest(d, n, slack) {
	case coarseAbove:
		return true
	case coarseBelow:
		return false
	}
	m.scores(feats, sc[:])
	return sc[labB]+slack > sc[labO]
}

// coarseSum sums the coarse differences of the rows of feats (d; row
// f&mask of the model whose coarse lines are lines) and counts the rows
// present (n), for passes.
func coarseSum(lines []coarseLine, feats []uint64) (d, n int64) {
	if len(lines) == 0 {
		return 0, 0
	}
	// as in score: row f&mask's line is (f>>6)&lm, without a bounds check
	lm := len(lines) - 1
	for _, f := range feats {
		l := &lines[int(f>>6)&lm]
		// without a branch on the presence bit, which the processor
		// cannot predict (13 rows in 100 are present): an absent row
		// reads a byte of its line (at most the last) and masks it out
		// (the presence bit on top, the rows before below, as in score)
		x := l.present << (^f & 63)
		in := int64(x >> 63)
		j := min(uint(bits.OnesCount64(x<<1)), uint(len(l.d)-1))
		d += int64(l.d[j]) & -in
		n += in
	}
	return d, n
}

const (
	coarseUndecided = iota
	coarseAbove     // B beats O within slack, whatever the rounding
	coarseBelow     // it does not
)

// coarseTest settles passes from the coarse sums of all of a token's
// features, when the rounding bound allows.
func (m *linear) coarseTest(d, n int64, slack float32) int {
	// The exact difference of the sums of q lies within
	// coarseStep/2 per row of coarseStep*d; the float sums of scores are
	// off from the exact ones by far less than the 16 units of q allowed
	// here (their relative error is about 1e-7).
	t := float64(slack) / float64(m.packed.scale)
	mid, bound := float64(coarseStep*d)+t, float64(coarseStep/2*n)+16
	if mid > bound {
		return coarseAbove
	}
	if mid < -bound {
		return coarseBelow
	}
	return coarseUndecided
}

// tick advances training time by one example.
func (m *linear) tick() { m.t++ }

// update adds delta to the weight of class k for every feature.
func (m *linear) update(feats []uint64, k int, delta float32) {
	for _, f := range feats {
		i := int(f&m.mask)*m.classes + k
		m.total[i] += float32(m.t-m.stamp[i]) * m.W[i]
		m.stamp[i] = m.t
		m.W[i] += delta
	}
}

// average replaces the weights by their average over training time and
// ends training.
func (m *linear) average() {
	for i := range m.W {
		m.total[i] += float32(m.t-m.stamp[i]) * m.W[i]
		if m.t > 0 {
			m.W[i] = m.total[i] / float32(m.t)
		}
	}
	m.total, m.stamp = nil, nil
}

// writeTo stores the non-zero weights, quantised to float32, sorted by
// index so that the same model gives the same bytes.
func (m *linear) writeTo(w io.Writer) error {
	m.unpack()
	bw := bufio.NewWriter(w)
	var hdr [16]byte
	binary.LittleEndian.PutUint32(hdr[0:], uint32(m.bits))
	binary.LittleEndian.PutUint32(hdr[4:], uint32(m.classes))
	nz := 0
	for _, v := range m.W {
		if v != 0 && !math.IsNaN(float64(v)) {
			nz++
		}
	}
	binary.LittleEndian.PutUint64(hdr[8:], uint64(nz))
	bw.Write(hdr[:])
	var rec [8]byte
	for i, v := range m.W {
		if v == 0 || math.IsNaN(float64(v)) {
			continue
		}
		binary.LittleEndian.PutUint32(rec[0:], uint32(i))
		binary.LittleEndian.PutUint32(rec[4:], math.Float32bits(v))
		bw.Write(rec[:])
	}
	return bw.Flush()
}

// readLinear reads a model written by writeTo, packed for inference.
func readLinear(r io.Reader) (*linear, error) {
	var hdr [16]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	bits := uint(binary.LittleEndian.Uint32(hdr[0:]))
	classes := int(binary.LittleEndian.Uint32(hdr[4:]))
	nz := binary.LittleEndian.Uint64(hdr[8:])
	if bits < 4 || bits > 26 || classes < 1 || classes > 64 {
		return nil, fmt.Errorf("model header: bad shape bits=%d classes=%d", bits, classes)
	}
	size := (1 << bits) * classes
	if nz > uint64(size) {
		return nil, fmt.Errorf("model: %d weights for a table of %d", nz, size)
	}
	m := &linear{classes: classes, bits: bits, mask: 1<<bits - 1}
	idx, val := make([]uint32, nz), make([]float32, nz)
	// records are read a block at a time: one read of 8 bytes each
	// through the gzip reader cost more than inflating them
	var block [8 << 10]byte
	for k := 0; k < len(idx); {
		b := block[:min(len(block), (len(idx)-k)*8)]
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, fmt.Errorf("model weights: %w", err)
		}
		for ; len(b) >= 8; b, k = b[8:], k+1 {
			i := binary.LittleEndian.Uint32(b[0:])
			if int(i) >= size {
				return nil, fmt.Errorf("model: weight index %d out of range", i)
			}
			idx[k], val[k] = i, math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))
		}
	}
	if !m.packSparse(idx, val) {
		m.W = make([]float32, size)
		for k, i := range idx {
			m.W[i] = val[k]
		}
		m.pack()
		m.W = nil
	}
	return m, nil
}

// Model is the attribution model: a cue tagger and rankers for the
// content and source spans of each cue.
type Model struct {
	cue     *linear // classes: O, B, I
	content *linear // one class: span score
	source  *linear // one class: span score (the null source included)
	cueBias float32 // already added into cue's weights
	// words holds *wordCache: the first pass's sums by word
	words sync.Pool
}

// WriteTo writes the model as gzip of stored (not compressed) blocks
// (storedModels).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, storedModels)
	if err != nil {
		return 0, err
	}
	zw.Header.ModTime = zw.Header.ModTime.UTC().Truncate(0) // zero time: deterministic bytes
	for _, l := range []*linear{m.cue, m.content, m.source} {
		if err := l.writeTo(zw); err != nil {
			return 0, err
		}
	}
	return 0, zw.Close()
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	var ls [3]*linear
	for i := range ls {
		if ls[i], err = readLinear(zr); err != nil {
			return nil, fmt.Errorf("attribution model part %d: %w", i, err)
		}
	}
	return &Model{cue: ls[0], content: ls[1], source: ls[2]}, nil
}

// ReadCueModel reads only the cue tagger of a model written by WriteTo,
// the first of its three parts: all that CueSentences uses, and so all
// that a first pass needs (see extract's selector). The rankers, most of
// the file, are neither inflated nor packed; the model has empty ones in
// their place (its Find finds cues but no spans worth having). The gzip
// checksum, at the end of the stream, is not read.
func ReadCueModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	cue, err := readLinear(zr)
	if err != nil {
		return nil, fmt.Errorf("attribution model part 0: %w", err)
	}
	empty := NewModel()
	return &Model{cue: cue, content: empty.content, source: empty.source}, nil
}

// NewModel returns an untrained model (it finds nothing); tests and
// bootstrapping use it.
func NewModel() *Model {
	return &Model{cue: newLinear(4, numCueLabels), content: newLinear(4, 1), source: newLinear(4, 1)}
}
