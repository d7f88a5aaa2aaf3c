package trail

import (
	"fmt"
	"testing"
)

// chunkedCap is the room c has before it makes a chunk or grows its
// first one (tests).
func chunkedCap[T any](c *chunked[T]) int {
	k := len(c.chunks)
	if k == 0 {
		return 0
	}
	return (k-1)<<chunkBits + cap(c.chunks[k-1])
}

// TestChunked: entries keep their numbers and values across chunk
// boundaries, a full chunk never moves when the next is made, and
// reserve sizes the first chunk without changing what is held.
func TestChunked(t *testing.T) {
	for _, tc := range []struct {
		reserve, n int
	}{
		{0, 0}, {0, 1}, {0, 100}, {10, 5}, {100, 100},
		{0, chunkLen}, {0, chunkLen + 1}, {chunkLen + 5, 2*chunkLen + 3}, {50, 3 * chunkLen},
	} {
		t.Run(fmt.Sprint(tc.reserve, "/", tc.n), func(t *testing.T) {
			var c chunked[int64]
			if tc.reserve > 0 {
				c.reserve(tc.reserve)
			}
			var first *int64
			for i := range tc.n {
				if got := c.push(int64(i) * 3); got != int32(i) {
					t.Fatalf("push %d: number %d", i, got)
				}
				if i == chunkLen-1 {
					first = c.at(0)
				}
				if i+1 <= min(tc.reserve, chunkLen) && chunkedCap(&c) != min(tc.reserve, chunkLen) {
					t.Fatalf("after %d of a reserve of %d: room %d", i+1, tc.reserve, chunkedCap(&c))
				}
			}
			if c.len() != tc.n {
				t.Fatalf("len %d, want %d", c.len(), tc.n)
			}
			if first != nil && first != c.at(0) {
				t.Fatal("the first full chunk moved")
			}
			next := int32(0)
			for i, v := range c.all() {
				if i != next || v != int64(i)*3 || *c.at(i) != v {
					t.Fatalf("entry %d: number %d, value %d, at %d", next, i, v, *c.at(i))
				}
				next++
			}
			if int(next) != tc.n {
				t.Fatalf("all yielded %d of %d", next, tc.n)
			}
			if tc.n > 0 {
				*c.at(int32(tc.n - 1)) = -1
				if *c.at(int32(tc.n - 1)) != -1 {
					t.Fatal("at does not write through")
				}
			}
		})
	}
}
