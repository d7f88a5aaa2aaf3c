package trail

// The candidate search of a new form (worthMatching) counts, for each
// form its bigrams' posting lists hold, the lists that hold it in a
// table of its own (candTable), and reads what the ranking needs of a
// form (hotNode) only for the forms the ranking must compare. At 1M
// quotes most of a form's bigrams have full lists (MaxPostings), so a
// new form meets about 300 others, most through those lists alone; a
// search that stamped each in Index.hot paid a cache miss to read and
// write each one's entry, in a table of 32 MB.

// candSlot is an entry of candTable: the form numbered id was met in
// the search stamped stamp, and is candidate at.
type candSlot struct {
	id    int32
	stamp uint32
	at    int32
}

// candTable finds the candidate of a form number within one search: an
// open-addressed table, sized to the search's lists and reused (a
// slot of an earlier search has an older stamp).
type candTable struct {
	slots []candSlot
	stamp uint32
	keys  []uint32
}

// gather returns the forms (other than n) that the lists of n's bigrams
// hold, skipping capped lists when skipCapped, with shared and rare
// counted (see candidate) and nothing read from Index.hot. It reads the
// grams and lists cappedGrams left. The slice is the candidate buffer,
// valid until the next search.
//
// The uncapped lists are walked first. A form met only in capped
// lists (rare 0) ranks below every form with a rare bigram
// (compareCandidates), so when at least maxMatches of those pass on
// their counts alone (passing: rare plus extra, n's capped bigrams,
// reaching minOverlapBigrams), no such form can be among the
// candidates selectTop keeps, and the capped lists only add to the
// shared counts of the forms already met. At 1M quotes (session 29) a
// new form met about 350 forms, two thirds of them through capped
// lists alone, and six in ten searches had maxMatches forms with a
// rare bigram: those no longer enter the table, passing or selectTop.
func (ix *Index) gather(n *node, skipCapped bool, extra int) []candidate {
	total := 0
	for i, l := range ix.gramList {
		if !(skipCapped && ix.gramCapped[i]) {
			total += len(l)
		}
	}
	t := &ix.candTab
	bits := 4
	for 1<<bits < 2*total {
		bits++
	}
	size := 1 << bits
	if len(t.slots) < size {
		t.slots = make([]candSlot, size)
	}
	t.stamp++
	if t.stamp == 0 {
		clear(t.slots)
		t.stamp = 1
	}
	slots, stamp, mask := t.slots[:size], t.stamp, uint32(size-1)
	out := ix.candBuf[:0]
	// The uncapped lists, then the capped ones; a form not met yet is
	// added only when add is set.
	add := true
	for _, capped := range [2]bool{false, true} {
		if capped {
			if skipCapped {
				break
			}
			// Every form met so far has a rare bigram; those that pass
			// on their counts alone are kept by passing whatever their
			// words.
			sure := len(out)
			if 1+extra < minOverlapBigrams {
				sure = 0
				for i := range out {
					if out[i].rare+extra >= minOverlapBigrams {
						sure++
					}
				}
			}
			add = sure < ix.maxMatches
		}
		nth := 0 // of the capped lists, in cappedGrams' order
		for i, l := range ix.gramList {
			if ix.gramCapped[i] != capped {
				continue
			}
			var held uint64 // l's bit in candidate.held (none past the 64th)
			if capped {
				held = 1 << nth
				nth++
			}
			for _, c := range l {
				if c == n.id {
					continue
				}
				h := uint32(c) * 0x9e3779b1 >> (32 - bits)
				for slots[h].stamp == stamp && slots[h].id != c {
					h = (h + 1) & mask
				}
				s := &slots[h]
				if s.stamp != stamp {
					if !add {
						continue
					}
					*s = candSlot{id: c, stamp: stamp, at: int32(len(out))}
					out = append(out, candidate{id: c, words: -1})
				}
				x := &out[s.at]
				x.shared++
				if !capped {
					x.rare++
				} else {
					x.held |= held
				}
			}
		}
	}
	ix.candBuf = out
	return out
}

// readHot sets c's word count and weight from Index.hot.
func (ix *Index) readHot(c *candidate) {
	if c.words >= 0 {
		return
	}
	h := ix.hot.at(c.id)
	c.words, c.weight = int(h.words), h.weight
}

// passing returns the candidates of gather whose rare count plus extra
// (the number of n's capped bigrams) can pass the bound of match
// (needBigramsOf, at most minOverlapBigrams: a form's word count is
// read only when the counts alone fall short).
func (ix *Index) passing(n *node, skipCapped bool, extra int) []candidate {
	cs := ix.gather(n, skipCapped, extra)
	words := ix.wordCount(n)
	out := cs[:0]
	for _, c := range cs {
		if c.rare+extra < minOverlapBigrams {
			ix.readHot(&c)
			if c.rare+extra < needBigramsOf(words, c.words) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// rankKey is the part of compareCandidates that gather counts: more
// rare bigrams, then more bigrams, rank higher.
func rankKey(c *candidate) uint32 { return uint32(c.rare)<<16 | uint32(c.shared) }

// selectTop moves the k best candidates of cs (compareCandidates) to
// its front and returns them: the k-th highest rankKey K first, so
// that only the candidates of key K are read from Index.hot and ranked
// in full (those above K are all kept, fewer than k of them).
func (ix *Index) selectTop(cs []candidate, k int) []candidate {
	keys := ix.candTab.keys[:0]
	for i := range cs {
		keys = append(keys, rankKey(&cs[i]))
	}
	ix.candTab.keys = keys
	kth := kthHighest(keys, k)
	// Those above K to the front, then those of K.
	above := 0
	for i := range cs {
		if rankKey(&cs[i]) > kth {
			cs[above], cs[i] = cs[i], cs[above]
			above++
		}
	}
	tie := above
	for i := above; i < len(cs); i++ {
		if rankKey(&cs[i]) == kth {
			cs[tie], cs[i] = cs[i], cs[tie]
			tie++
		}
	}
	if ties := cs[above:tie]; len(ties) > k-above {
		for i := range ties {
			ix.readHot(&ties[i])
		}
		ix.selectBest(ties, k-above)
	}
	return cs[:k]
}

// kthHighest returns the k-th highest of keys (1 <= k <= len(keys)),
// reordering them: a quickselect.
func kthHighest(keys []uint32, k int) uint32 {
	lo, hi, want := 0, len(keys)-1, k-1
	for lo < hi {
		p := keys[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for keys[i] > p {
				i++
			}
			for keys[j] < p {
				j--
			}
			if i <= j {
				keys[i], keys[j] = keys[j], keys[i]
				i, j = i+1, j-1
			}
		}
		switch {
		case want <= j:
			hi = j
		case want >= i:
			lo = i
		default:
			return keys[want]
		}
	}
	return keys[want]
}
