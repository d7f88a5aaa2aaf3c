package extract

import "sync"

// deltas keeps coveredTokens' difference arrays between calls: three
// rules ask it of every article (blockQuotes, shortAnswers,
// continuedQuotes), and the array, four bytes a token, was 10% of the
// bytes the default mode allocated per BBC article. Pooled, as
// extractions run concurrently.
var deltas = sync.Pool{New: func() any { return new([]int32) }}

// maxPooledDelta bounds what the pool keeps: a huge text's array (four
// bytes a token) is left to the collector.
const maxPooledDelta = 1 << 16

// borrowDelta returns a pooled array of n zeros (give it back with
// returnDelta).
func borrowDelta(n int) *[]int32 {
	p := deltas.Get().(*[]int32)
	if cap(*p) < n {
		*p = make([]int32, n)
	}
	*p = (*p)[:n]
	clear(*p)
	return p
}

// returnDelta gives p back to the pool unless it is too large to keep.
func returnDelta(p *[]int32) {
	if cap(*p) <= maxPooledDelta {
		deltas.Put(p)
	}
}
