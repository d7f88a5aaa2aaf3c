package trail

import "slices"

// PendingDetails gathers a store's writes of details (Details.Put and
// Drop) until it sends them: the last write of each key, a copy of the
// detail put (without its markers, which a store reads from its
// attributions' markers) or a removal. Both stores' Details keep one
// and flush it, in key order, before anything reads their table.
type PendingDetails struct {
	m map[int64]*Detail // nil: a removal
}

// Put records d (a copy without markers) and returns how many writes
// are pending.
func (p *PendingDetails) Put(d *Detail) int {
	c := *d
	c.Markers = nil
	return p.set(d.Key, &c)
}

// Drop records the removal of key and returns how many writes are
// pending.
func (p *PendingDetails) Drop(key int64) int { return p.set(key, nil) }

func (p *PendingDetails) set(key int64, d *Detail) int {
	if p.m == nil {
		p.m = map[int64]*Detail{}
	}
	p.m[key] = d
	return len(p.m)
}

// Len is how many writes are pending.
func (p *PendingDetails) Len() int { return len(p.m) }

// Take returns the pending writes' keys in order and a function giving
// each one's detail (nil: a removal), and forgets them.
func (p *PendingDetails) Take() (keys []int64, detail func(key int64) *Detail) {
	m := p.m
	keys = make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	p.m = nil
	return keys, func(k int64) *Detail { return m[k] }
}
