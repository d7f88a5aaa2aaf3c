package trail

// listPool holds the posting lists of three forms or more (see
// posting) in blocks of a few large chunks, where each was an array of
// its own: at 1M quotes 642,000 arrays, 38% of the objects of the live
// heap, each a cache miss for the collector to mark in every cycle (one
// every 16 or so batches of 1,000 quotes there; a batch with one took
// 100 to 150 ms of CPU more than the others, session 33). A list's
// block holds 4 << class forms (listClass: 4 to MaxPostings, longer
// only where a test lifts the bound), the least that fits it; a list
// outgrowing its block moves to the next size, and a freed block is
// kept for the next list of its size. The chunks hold no pointers, so
// the collector marks them without reading them.
type listPool struct {
	chunks [][]int32
	// refs holds each list's block by list number (the posting's
	// -1-a); free the numbers and the blocks no list holds.
	refs      []listRef
	freeRefs  []int32
	freeBlock [][]uint32 // by class
	// used is how much of the last chunk blocks have taken.
	used int
}

// listRef is a list's place: its block's offset in the pool (chunk
// and place), its length and its block's class.
type listRef struct {
	off   uint32
	n     uint32
	class uint8
}

// poolChunk is the int32s of a chunk (256 KB); a block larger than
// that (tests) has a chunk of its own.
const (
	poolChunk = 1 << poolShift
	poolShift = 16
)

// listClass returns the class of the least block that holds n forms.
func listClass(n int) uint8 {
	c := uint8(0)
	for 4<<c < n {
		c++
	}
	return c
}

// block returns the block at off, of the class's size.
func (lp *listPool) block(off uint32, class uint8) []int32 {
	ch := lp.chunks[off>>poolShift]
	o := off & (poolChunk - 1)
	return ch[o : o+4<<class : o+4<<class]
}

// get returns list i (its forms, in a slice whose capacity is its
// block's: an append past it makes a copy, which set files again).
func (lp *listPool) get(i int) []int32 {
	r := lp.refs[i]
	return lp.block(r.off, r.class)[:r.n]
}

// alloc returns a free block of the class.
func (lp *listPool) alloc(class uint8) uint32 {
	if int(class) < len(lp.freeBlock) {
		if k := len(lp.freeBlock[class]); k > 0 {
			off := lp.freeBlock[class][k-1]
			lp.freeBlock[class] = lp.freeBlock[class][:k-1]
			return off
		}
	}
	size := 4 << class
	if size > poolChunk {
		lp.chunks = append(lp.chunks, make([]int32, size))
		lp.used = poolChunk // the next block starts a chunk
		return uint32(len(lp.chunks)-1) << poolShift
	}
	if len(lp.chunks) == 0 || lp.used+size > poolChunk {
		lp.chunks = append(lp.chunks, make([]int32, poolChunk))
		lp.used = 0
	}
	off := uint32(len(lp.chunks)-1)<<poolShift | uint32(lp.used)
	lp.used += size
	return off
}

// set makes l the forms of list i (a new list when i < 0) and returns
// its number. l may be the list's own block (changed in place) or any
// other slice.
func (lp *listPool) set(i int, l []int32) int {
	class := listClass(len(l))
	if i < 0 {
		if k := len(lp.freeRefs); k > 0 {
			i = int(lp.freeRefs[k-1])
			lp.freeRefs = lp.freeRefs[:k-1]
		} else {
			i = len(lp.refs)
			lp.refs = append(lp.refs, listRef{})
		}
		lp.refs[i] = listRef{off: lp.alloc(class), class: class}
	} else if r := lp.refs[i]; class > r.class {
		off := lp.alloc(class)
		lp.free(r)
		lp.refs[i] = listRef{off: off, class: class}
	}
	r := &lp.refs[i]
	copy(lp.block(r.off, r.class), l)
	r.n = uint32(len(l))
	return i
}

// free keeps r's block for the next list of its class.
func (lp *listPool) free(r listRef) {
	for int(r.class) >= len(lp.freeBlock) {
		lp.freeBlock = append(lp.freeBlock, nil)
	}
	lp.freeBlock[r.class] = append(lp.freeBlock[r.class], r.off)
}

// drop frees list i.
func (lp *listPool) drop(i int) {
	lp.free(lp.refs[i])
	lp.refs[i] = listRef{}
	lp.freeRefs = append(lp.freeRefs, int32(i))
}
