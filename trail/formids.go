package trail

import (
	"encoding/binary"
	"fmt"
)

// A form's word ids are not a slice of its own: they are written as
// unsigned varints, one after the other, in an arena of byte chunks
// shared by every form (idArena), and the form's place there is in
// Index.hot (idOff, beside the word count, in what was padding). Word
// ids are numbered in order of first use, so the common words have
// small ids and most take one or two bytes. At 1M quotes the forms'
// own []int32 were 73 MB of a 320 MB live heap, and their headers a
// quarter of a 96-byte node; the arena holds the same ids in about a
// third of it, and a node without the slice header and the weight (also
// in hot) is 64 bytes. The matching code reads a form's ids decoded
// into one of two buffers (idsOf); the code that walks them once
// (grams, keys, hashes) reads them through an idReader.

// idChunkBits sizes the arena's chunks (1 MiB): an offset is a chunk
// number and a place in the chunk, so that the arena grows a chunk at a
// time and never copies what it holds.
const idChunkBits = 20

const idChunkMask = 1<<idChunkBits - 1

// idArena holds the encoded word ids of every form (see above).
type idArena struct {
	chunks [][]byte
	// live and garbage count the bytes of live forms and of removed
	// ones: the arena is rewritten when garbage outgrows live (compact).
	live, garbage int
	buf           []byte
}

// add writes ids and returns their offset.
func (a *idArena) add(ids []int32) uint32 {
	b := a.buf[:0]
	for _, id := range ids {
		b = binary.AppendUvarint(b, uint64(uint32(id)))
	}
	a.buf = b
	a.live += len(b)
	return a.put(b)
}

// put copies encoded ids into the arena and returns their offset.
func (a *idArena) put(b []byte) uint32 {
	last := len(a.chunks) - 1
	if last < 0 || len(a.chunks[last])+len(b) > cap(a.chunks[last]) || len(a.chunks[last])+len(b) > idChunkMask+1 {
		if len(a.chunks) >= 1<<(32-idChunkBits) {
			panic(fmt.Sprintf("trail: word id arena full (%d chunks)", len(a.chunks)))
		}
		// A form longer than a chunk gets a chunk of its own (at
		// offset 0 in it).
		a.chunks = append(a.chunks, make([]byte, 0, max(idChunkMask+1, len(b))))
		last++
	}
	c := a.chunks[last]
	off := uint32(last)<<idChunkBits | uint32(len(c))
	a.chunks[last] = append(c, b...)
	return off
}

// at returns the bytes from offset off on.
func (a *idArena) at(off uint32) []byte {
	return a.chunks[off>>idChunkBits][off&idChunkMask:]
}

// size is the number of bytes the words ids at off take.
func (a *idArena) size(off uint32, words int) int {
	r := idReader{b: a.at(off), left: words}
	for r.left > 0 {
		r.next()
	}
	return r.at
}

// idReader reads a form's word ids in order. It moves a place in the
// bytes, not the slice: a slice written back through the pointer cost
// a write barrier an id (a third of next's time in the batches'
// profile at 1M quotes).
type idReader struct {
	b    []byte
	at   int
	left int
}

// next returns the next id; call it only while left > 0.
func (r *idReader) next() int32 {
	r.left--
	if x := r.b[r.at]; x < 0x80 {
		r.at++
		return int32(x)
	}
	v, k := binary.Uvarint(r.b[r.at:])
	r.at += k
	return int32(uint32(v))
}

// readIDs returns a reader of n's word ids.
func (ix *Index) readIDs(n *node) idReader {
	h := ix.hot.at(n.id)
	return idReader{b: ix.ids.at(h.idOff), left: int(h.words)}
}

// wordCount is the number of n's words (len of its ids).
func (ix *Index) wordCount(n *node) int { return int(ix.hot.at(n.id).words) }

// weightOf is n's weight (outranks): the sum of its words' weights.
func (ix *Index) weightOf(n *node) float64 { return ix.hot.at(n.id).weight }

// idSlot is one of the buffers idsOf decodes into, with the form whose
// ids it holds.
type idSlot struct {
	n   *node
	ids []int32
}

// idsOf returns n's word ids decoded into buffer i (0 or 1), valid
// until the next call with the same i for another form: the matching
// code reads the shorter form of a pair into 0 and the longer into 1,
// as wordsOf does, and a form asked for again in the same buffer (the
// new form against each of its candidates) is not decoded again. The
// slice must not be changed. A form's ids never change, and the buffer
// keeps the form alive, so its pointer names its ids.
func (ix *Index) idsOf(n *node, i int) []int32 {
	s := &ix.idSlots[i]
	if s.n == n {
		return s.ids
	}
	r := ix.readIDs(n)
	b := s.ids[:0]
	for r.left > 0 {
		b = append(b, r.next())
	}
	s.n, s.ids = n, b
	return b
}

// appendIDs appends n's word ids to dst.
func (ix *Index) appendIDs(dst []int32, n *node) []int32 {
	r := ix.readIDs(n)
	for r.left > 0 {
		dst = append(dst, r.next())
	}
	return dst
}

// forgetIDs counts the ids of n, being removed, as garbage in the arena
// (call it while n's hot entry still holds them, once nothing reads
// them), and rewrites the arena without it and the other removed forms
// when there is more garbage than ids: a long-running worker removes
// forms as articles are extracted again.
func (ix *Index) forgetIDs(n *node) {
	h := ix.hot.at(n.id)
	size := ix.ids.size(h.idOff, int(h.words))
	ix.ids.live -= size
	ix.ids.garbage += size
	*h = hotNode{}
	if ix.ids.garbage <= idChunkMask || ix.ids.garbage <= ix.ids.live {
		return
	}
	old := ix.ids
	ix.ids = idArena{buf: old.buf}
	for _, m := range ix.byID.all() {
		if m == nil || m == n {
			continue
		}
		h := ix.hot.at(m.id)
		b := old.at(h.idOff)
		b = b[:old.size(h.idOff, int(h.words))]
		h.idOff = ix.ids.put(b)
		ix.ids.live += len(b)
	}
}
