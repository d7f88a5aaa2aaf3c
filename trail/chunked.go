package trail

import "iter"

// chunked is an array indexed by form number that grows a chunk of
// chunkLen entries at a time: Index.byID and Index.hot. As one slice,
// each grew by a quarter at a time, and the step copied the whole
// array into one a quarter larger: at 1M quotes hot (24 bytes a form)
// and byID (8) took 40 MB of new pages at once, and the batch of 1,000
// quotes that crossed the step took about 450 ms of CPU instead of 170
// (session 33: 14,300 minor faults, 54 MB allocated, in one batch of a
// worker about 30 batches after its load, where Restorer.Reserve's room
// ran out). A chunk, once made, never moves: the array grows by one
// chunk's pages, and nothing is copied. A small index keeps one chunk
// that grows as a slice does until it is full.
type chunked[T any] struct {
	// chunks holds the chunks in order; all but the last hold
	// chunkLen entries.
	chunks [][]T
}

// chunkBits sets chunkLen: 1.5 MB of hot, 512 KB of byID.
const (
	chunkBits = 16
	chunkLen  = 1 << chunkBits
)

// at returns the entry numbered i (0 <= i < len).
func (c *chunked[T]) at(i int32) *T {
	return &c.chunks[i>>chunkBits][i&(chunkLen-1)]
}

// len returns the number of entries.
func (c *chunked[T]) len() int {
	k := len(c.chunks)
	if k == 0 {
		return 0
	}
	return (k-1)<<chunkBits + len(c.chunks[k-1])
}

// push appends v and returns its number.
func (c *chunked[T]) push(v T) int32 {
	k := len(c.chunks)
	if k == 0 || len(c.chunks[k-1]) == chunkLen {
		if k > 0 {
			c.chunks = append(c.chunks, make([]T, 0, chunkLen))
		} else {
			c.chunks = append(c.chunks, nil)
		}
		k++
	}
	c.chunks[k-1] = append(c.chunks[k-1], v)
	return int32(c.len() - 1)
}

// reserve makes room for n entries in all: the first chunk at its
// size (up to chunkLen) and the list of chunks, so that a small index
// filled to n does not grow its chunk a step at a time.
func (c *chunked[T]) reserve(n int) {
	if len(c.chunks) == 0 {
		c.chunks = make([][]T, 1, (n+chunkLen-1)>>chunkBits)
		c.chunks[0] = make([]T, 0, min(n, chunkLen))
		return
	}
	if k := len(c.chunks); k == 1 && cap(c.chunks[0]) < min(n, chunkLen) {
		c.chunks[0] = append(make([]T, 0, min(n, chunkLen)), c.chunks[0]...)
	}
}

// all yields every entry with its number, in order.
func (c *chunked[T]) all() iter.Seq2[int32, T] {
	return func(yield func(int32, T) bool) {
		for k, ch := range c.chunks {
			for i, v := range ch {
				if !yield(int32(k<<chunkBits+i), v) {
					return
				}
			}
		}
	}
}
