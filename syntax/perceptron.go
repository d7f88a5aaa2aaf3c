package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// ---------------------------------------------------------------------------
// Training: a sparse averaged perceptron.
//
// Each feature keeps only the classes it was ever updated for (a short
// slice), which keeps memory proportional to the mistakes made rather than
// features × classes. Averaging uses the usual trick: alongside the current
// weight w keep u = Σ (t·δ) over updates δ made at instance t; the average
// over T instances is then w − u/T, computed once at the end.

type trainWeight struct {
	class uint8
	w     float32
	u     float64
}

type trainPerceptron struct {
	nclass int
	index  map[uint64]int32
	rows   [][]trainWeight
	// instances counts classification instances seen (the "time" t).
	instances int64
}

func newTrainPerceptron(nclass int) *trainPerceptron {
	return &trainPerceptron{nclass: nclass, index: make(map[uint64]int32, 1<<16)}
}

// score adds the current (non-averaged) weights of feats into scores.
func (p *trainPerceptron) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		if i, ok := p.index[f]; ok {
			for _, tw := range p.rows[i] {
				scores[tw.class] += tw.w
			}
		}
	}
}

// tick marks one classification instance; call once per prediction.
func (p *trainPerceptron) tick() { p.instances++ }

// update moves weight toward truth and away from guess.
func (p *trainPerceptron) update(truth, guess int, feats []uint64) {
	if truth == guess {
		return
	}
	t := float64(p.instances)
	for _, f := range feats {
		i, ok := p.index[f]
		if !ok {
			i = int32(len(p.rows))
			p.index[f] = i
			p.rows = append(p.rows, make([]trainWeight, 0, 2))
		}
		p.rows[i] = addWeight(p.rows[i], uint8(truth), 1, t)
		p.rows[i] = addWeight(p.rows[i], uint8(guess), -1, t)
	}
}

func addWeight(row []trainWeight, class uint8, delta float32, t float64) []trainWeight {
	for j := range row {
		if row[j].class == class {
			row[j].w += delta
			row[j].u += t * float64(delta)
			return row
		}
	}
	return append(row, trainWeight{class: class, w: delta, u: t * float64(delta)})
}

// average returns the averaged model as an inference perceptron, dropping
// weights whose magnitude is below minWeight and quantising the rest to
// int16 steps (the same values are used at inference, so what was
// measured after training is what ships).
func (p *trainPerceptron) average(classes []string, minWeight float64) *perceptron {
	T := float64(p.instances)
	if T == 0 {
		T = 1
	}
	type fw struct {
		key  uint64
		cls  []uint8
		vals []float64
	}
	keys := make([]uint64, 0, len(p.index))
	for k := range p.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var maxAbs float64
	feats := make([]fw, 0, len(keys))
	for _, k := range keys {
		row := p.rows[p.index[k]]
		var f fw
		f.key = k
		// Sort by class so the file does not depend on update order.
		sorted := slices.Clone(row)
		slices.SortFunc(sorted, func(a, b trainWeight) int { return int(a.class) - int(b.class) })
		for _, tw := range sorted {
			avg := float64(tw.w) - tw.u/T
			if math.Abs(avg) < minWeight {
				continue
			}
			f.cls = append(f.cls, tw.class)
			f.vals = append(f.vals, avg)
			maxAbs = max(maxAbs, math.Abs(avg))
		}
		if len(f.cls) > 0 {
			feats = append(feats, f)
		}
	}
	scale := maxAbs / 32000
	if scale == 0 {
		scale = 1
	}
	b := perceptronBuilder{classes: classes, scale: float32(scale)}
	for _, f := range feats {
		var cls []uint8
		var q []int16
		for j, v := range f.vals {
			qv := math.Round(v / scale)
			if qv == 0 {
				continue
			}
			cls = append(cls, f.cls[j])
			q = append(q, int16(qv))
		}
		if len(cls) > 0 {
			b.add(f.key, cls, q)
		}
	}
	return b.build()
}

// ---------------------------------------------------------------------------
// Inference: an open-addressing table from feature hash to a run of
// (class, weight) pairs. Read-only after loading, so safe for concurrent use.

type slot struct {
	key        uint64
	start, end uint32
}

type perceptron struct {
	classes []string
	scale   float32 // weight = int16 value × scale
	slots   []slot
	mask    uint64
	cls     []uint8
	cws     []classWeight // cls and the dequantised weights, side by side
	// kept for serialisation, in key order
	keys   []uint64
	starts []uint32
	qwts   []int16
}

// classWeight is one weight of a feature's run, packed with its class so
// that scoring reads one array.
type classWeight struct {
	w     float32
	class uint8
}

type perceptronBuilder struct {
	classes []string
	scale   float32
	keys    []uint64
	starts  []uint32
	cls     []uint8
	q       []int16
}

func (b *perceptronBuilder) add(key uint64, cls []uint8, q []int16) {
	b.keys = append(b.keys, key)
	b.starts = append(b.starts, uint32(len(b.cls)))
	b.cls = append(b.cls, cls...)
	b.q = append(b.q, q...)
}

func (b *perceptronBuilder) build() *perceptron {
	p := &perceptron{classes: b.classes, scale: b.scale, cls: b.cls, keys: b.keys, starts: b.starts, qwts: b.q}
	p.cws = make([]classWeight, len(b.q))
	for i, v := range b.q {
		p.cws[i] = classWeight{w: float32(v) * b.scale, class: b.cls[i]}
	}
	size := 16
	for size < 2*len(b.keys) {
		size *= 2
	}
	p.slots = make([]slot, size)
	p.mask = uint64(size - 1)
	for i, k := range b.keys {
		end := uint32(len(b.cls))
		if i+1 < len(b.starts) {
			end = b.starts[i+1]
		}
		if k == 0 {
			k = 1 // 0 marks an empty slot
		}
		j := k & p.mask
		for p.slots[j].key != 0 {
			j = (j + 1) & p.mask
		}
		p.slots[j] = slot{key: k, start: b.starts[i], end: end}
	}
	return p
}

// score fills scores (len = number of classes) with the sum of the weights
// of feats. sink receives a meaningless value from the prefetching pass
// (see parseModel.scoreMoves); it belongs to the caller's scratch space.
func (p *perceptron) score(feats []uint64, scores []float32, sink *uint64) {
	clear(scores)
	slots, mask, cws := p.slots, p.mask, p.cws
	var sum uint64
	for _, f := range feats {
		sum += slots[f&mask].key
	}
	*sink = sum
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		j := f & mask
		for {
			s := &slots[j]
			if s.key == f {
				for _, cw := range cws[s.start:s.end] {
					scores[cw.class] += cw.w
				}
				break
			}
			if s.key == 0 {
				break
			}
			j = (j + 1) & mask
		}
	}
}

func (p *perceptron) numFeatures() int { return len(p.keys) }

// ---------------------------------------------------------------------------
// Serialisation: a compact varint stream (the caller gzips it). Keys are
// delta-coded in sorted order; weights are zig-zag varints of the int16
// quantised values.

var errBadModel = errors.New("malformed model file")

func writeUvarint(w *bufio.Writer, v uint64) error {
	var buf [binary.MaxVarintLen64]byte
	_, err := w.Write(buf[:binary.PutUvarint(buf[:], v)])
	return err
}

func writeString(w *bufio.Writer, s string) error {
	if err := writeUvarint(w, uint64(len(s))); err != nil {
		return err
	}
	_, err := w.WriteString(s)
	return err
}

func (p *perceptron) write(w *bufio.Writer) error {
	if err := writeUvarint(w, uint64(len(p.classes))); err != nil {
		return err
	}
	for _, c := range p.classes {
		if err := writeString(w, c); err != nil {
			return err
		}
	}
	if err := writeUvarint(w, uint64(math.Float32bits(p.scale))); err != nil {
		return err
	}
	if err := writeUvarint(w, uint64(len(p.keys))); err != nil {
		return err
	}
	var prev uint64
	for i, k := range p.keys {
		start := int(p.starts[i])
		end := len(p.cls)
		if i+1 < len(p.keys) {
			end = int(p.starts[i+1])
		}
		if err := writeUvarint(w, k-prev); err != nil {
			return err
		}
		prev = k
		if err := writeUvarint(w, uint64(end-start)); err != nil {
			return err
		}
		for j := start; j < end; j++ {
			if err := w.WriteByte(p.cls[j]); err != nil {
				return err
			}
			var buf [binary.MaxVarintLen64]byte
			if _, err := w.Write(buf[:binary.PutVarint(buf[:], int64(p.qwts[j]))]); err != nil {
				return err
			}
		}
	}
	return nil
}

func readString(r *modelReader, maxLen int) (string, error) {
	n, err := r.uvarint()
	if err != nil {
		return "", err
	}
	if n > uint64(maxLen) {
		return "", errBadModel
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return "", err
	}
	return string(buf), nil
}

func readPerceptron(r *modelReader) (*perceptron, error) {
	nc, err := r.uvarint()
	if err != nil {
		return nil, err
	}
	if nc == 0 || nc > 255 {
		return nil, fmt.Errorf("%w: %d classes", errBadModel, nc)
	}
	classes := make([]string, nc)
	for i := range classes {
		if classes[i], err = readString(r, 64); err != nil {
			return nil, err
		}
	}
	sb, err := r.uvarint()
	if err != nil {
		return nil, err
	}
	b := perceptronBuilder{classes: classes, scale: math.Float32frombits(uint32(sb))}
	nf, err := r.uvarint()
	if err != nil {
		return nil, err
	}
	if nf > 1<<26 {
		return nil, fmt.Errorf("%w: %d features", errBadModel, nf)
	}
	var key uint64
	var cls []uint8
	var q []int16
	for range nf {
		d, err := r.uvarint()
		if err != nil {
			return nil, err
		}
		key += d
		cnt, err := r.uvarint()
		if err != nil {
			return nil, err
		}
		if cnt > nc {
			return nil, fmt.Errorf("%w: %d weights for one feature", errBadModel, cnt)
		}
		cls, q = cls[:0], q[:0]
		for range cnt {
			c, err := r.ReadByte()
			if err != nil {
				return nil, err
			}
			if uint64(c) >= nc {
				return nil, fmt.Errorf("%w: class %d", errBadModel, c)
			}
			v, err := r.varint()
			if err != nil {
				return nil, err
			}
			cls = append(cls, c)
			q = append(q, int16(v))
		}
		b.add(key, cls, q)
	}
	return b.build(), nil
}

// pruned returns a copy of p without weights whose magnitude is below
// minWeight (used to shrink a trained model without retraining).
func (p *perceptron) pruned(minWeight float64) *perceptron {
	b := perceptronBuilder{classes: p.classes, scale: p.scale}
	var cls []uint8
	var q []int16
	for i, k := range p.keys {
		end := len(p.cls)
		if i+1 < len(p.starts) {
			end = int(p.starts[i+1])
		}
		cls, q = cls[:0], q[:0]
		for j := int(p.starts[i]); j < end; j++ {
			if math.Abs(float64(p.qwts[j])*float64(p.scale)) >= minWeight {
				cls = append(cls, p.cls[j])
				q = append(q, p.qwts[j])
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, q)
		}
	}
	return b.build()
}
