package trail

import "strings"

// A form's key is its normalised words joined by single spaces (see
// Normalize), followed for a trivial form by "\x00" and where its one
// quote stands (see place). The index does not keep it: it is rebuilt
// from the form's word ids (and, for a trivial form, the suffix kept in
// Index.trivialKeys) when a link, a cluster id or an order by key needs
// it. At 1M quotes the keys' strings were 111 MB and the map of forms
// by key 53 MB of a 515 MB live heap (session 27); the form table
// (formTable) holds a form in 8 bytes.

// keyBytes walks a form's key a byte at a time, without building it.
type keyBytes struct {
	ix     *Index
	n      *node
	ids    idReader // the words after the current one
	cur    string   // what is left of the current word (or suffix)
	sep    bool     // a space is due before the next word
	suffix bool     // the suffix has been started
}

func (ix *Index) keyBytes(n *node) keyBytes {
	k := keyBytes{ix: ix, n: n, ids: ix.readIDs(n)}
	if k.ids.left > 0 {
		k.cur = ix.words[k.ids.next()]
	} else {
		k.startSuffix()
	}
	return k
}

func (k *keyBytes) startSuffix() {
	k.suffix = true
	if k.n.trivial {
		k.cur = k.ix.trivialKeys[k.n.id]
	}
}

// next returns the key's next byte, false at its end.
func (k *keyBytes) next() (byte, bool) {
	for len(k.cur) == 0 {
		if k.suffix {
			return 0, false
		}
		if k.sep {
			k.sep = false
			k.cur = k.ix.words[k.ids.next()]
			return ' ', true
		}
		if k.ids.left > 0 {
			k.sep = true
			continue
		}
		k.startSuffix()
	}
	b := k.cur[0]
	k.cur = k.cur[1:]
	return b, true
}

// keyOf returns n's key (see the top of this file).
func (ix *Index) keyOf(n *node) string {
	size := max(ix.wordCount(n)-1, 0)
	for r := ix.readIDs(n); r.left > 0; {
		size += len(ix.words[r.next()])
	}
	suffix := ""
	if n.trivial {
		suffix = ix.trivialKeys[n.id]
	}
	var b strings.Builder
	b.Grow(size + len(suffix))
	for r, first := ix.readIDs(n), true; r.left > 0; first = false {
		if !first {
			b.WriteByte(' ')
		}
		b.WriteString(ix.words[r.next()])
	}
	b.WriteString(suffix)
	return b.String()
}

// compareKeys is strings.Compare of the keys of a and b, read byte by
// byte from their words.
func (ix *Index) compareKeys(a, b *node) int {
	if a == b {
		return 0
	}
	ka, kb := ix.keyBytes(a), ix.keyBytes(b)
	for {
		x, okx := ka.next()
		y, oky := kb.next()
		switch {
		case !okx && !oky:
			return 0
		case !okx:
			return -1
		case !oky:
			return 1
		case x != y:
			if x < y {
				return -1
			}
			return 1
		}
	}
}

// keyIs reports whether n's key is key.
func (ix *Index) keyIs(n *node, key string) bool {
	k := ix.keyBytes(n)
	for i := 0; i < len(key); i++ {
		if b, ok := k.next(); !ok || b != key[i] {
			return false
		}
	}
	_, more := k.next()
	return !more
}

// FNV-1a, 64 bits (hash/fnv's New64a), written out so that a form's
// key is hashed as it is read (keyBytes), with no string built.
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// keyHash is the FNV-1a hash of n's key.
func (ix *Index) keyHash(n *node) uint64 {
	h := uint64(fnvOffset64)
	for r, first := ix.readIDs(n), true; r.left > 0; first = false {
		if !first {
			h = (h ^ ' ') * fnvPrime64
		}
		h = fnvString(h, ix.words[r.next()])
	}
	if n.trivial {
		h = fnvString(h, ix.trivialKeys[n.id])
	}
	return h
}

// stringHash is the FNV-1a hash of key (keyHash of the form keyed so).
func stringHash(key string) uint64 { return fnvString(fnvOffset64, key) }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime64
	}
	return h
}

// formTable finds a form by its key: open addressing with linear
// probing over slots of 8 bytes, each the 32 low bits of a mixed hash
// of the key (its tag) and the form's number plus one (0: an empty
// slot). A slot's tag names its home, so that the table grows and
// closes the gap a removal leaves without reading the forms; a tag
// that matches is checked against the form's key (keyIs).
type formTable struct {
	slots []uint64
	n     int
}

// tagOf mixes an FNV hash (whose low bits follow the last bytes too
// closely to place a key alone) into a tag.
func tagOf(h uint64) uint32 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return uint32(h)
}

func slotOf(tag uint32, id int32) uint64 { return uint64(tag)<<32 | uint64(uint32(id)+1) }

func slotTag(s uint64) uint32 { return uint32(s >> 32) }

func slotForm(s uint64) int32 { return int32(uint32(s)) - 1 }

// formByKey returns the form keyed key, or nil.
func (ix *Index) formByKey(key string) *node {
	t := &ix.nodes
	if t.n == 0 {
		return nil
	}
	ix.refileForms()
	tag := tagOf(stringHash(key))
	for i := t.home(tag); ; i = t.next(i) {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if slotTag(s) == tag {
			if n := ix.formAt(slotForm(s)); ix.keyIs(n, key) {
				return n
			}
		}
	}
}

// addForm files a numbered form under its key, whose hash is h; no
// form of that key may be filed.
func (ix *Index) addForm(n *node, h uint64) {
	t := &ix.nodes
	ix.refileForms()
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	t.insert(slotOf(tagOf(h), n.id))
	t.n++
}

// home is the slot a tag's probe starts at: the tag scaled to the
// table's size (which need not be a power of two: see grow).
func (t *formTable) home(tag uint32) uint32 {
	return uint32(uint64(tag) * uint64(len(t.slots)) >> 32)
}

// next is the slot after i, the last one followed by the first.
func (t *formTable) next(i uint32) uint32 {
	if i++; int(i) == len(t.slots) {
		return 0
	}
	return i
}

func (t *formTable) insert(s uint64) {
	i := t.home(slotTag(s))
	for t.slots[i] != 0 {
		i = t.next(i)
	}
	t.slots[i] = s
}

// grow makes the table a quarter larger (three quarters full before,
// three fifths after): doubling left it between 37.5 and 75 percent
// full, and at 1M forms it was 16 MB of 2M slots.
func (t *formTable) grow() {
	old := t.slots
	t.slots = make([]uint64, max(16, len(old)+len(old)/4))
	for _, s := range old {
		if s != 0 {
			t.insert(s)
		}
	}
}

// reserve sizes the table for n forms (three quarters full at n, the
// most it is before grow), filing again what it holds.
func (t *formTable) reserve(n int) {
	size := (n+1)*4/3 + 1
	if size <= len(t.slots) {
		return
	}
	old := t.slots
	t.slots = make([]uint64, size)
	for _, s := range old {
		if s != 0 {
			t.insert(s)
		}
	}
}

// dropForm takes a form out of the table (before its number is freed).
func (ix *Index) dropForm(n *node) {
	t := &ix.nodes
	ix.refileForms()
	tag := tagOf(ix.keyHash(n))
	want := slotOf(tag, n.id)
	i := t.home(tag)
	for t.slots[i] != want {
		if t.slots[i] == 0 {
			panic("trail: a form not in the form table")
		}
		i = t.next(i)
	}
	// Backward shift: a later slot of the run whose home is not in
	// (i, j] moves into the gap, which moves to it.
	for j := i; ; {
		j = t.next(j)
		s := t.slots[j]
		if s == 0 {
			break
		}
		home := t.home(slotTag(s))
		if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
			t.slots[i] = s
			i = j
		}
	}
	t.slots[i] = 0
	t.n--
}

// len is the number of forms filed.
func (t *formTable) len() int { return t.n }

// releaseForms frees the form table, keeping its count (see
// ReleaseSearch): the next look-up by key files every form again
// (refileForms), while ChangedLinks finds the forms it names without
// it (formsByKeys). At 1M quotes the table was 12 MB of the 200 live
// at the peak of a one-shot update, which looks up no form after its
// restore but those of the changed links.
func (ix *Index) releaseForms() {
	ix.nodes.slots = nil
}

// refileForms builds the form table again after releaseForms.
func (ix *Index) refileForms() {
	t := &ix.nodes
	if t.slots != nil || t.n == 0 {
		return
	}
	// Three fifths full, as after grow.
	t.slots = make([]uint64, max(16, t.n+t.n*2/3))
	for _, n := range ix.byID.all() {
		if n != nil {
			t.insert(slotOf(tagOf(ix.keyHash(n)), n.id))
		}
	}
}

// formsByKeys returns the form of each key in keys (nil: none), as
// formByKey does, without the form table when it was released: one
// pass over the forms, hashing each one's key as it is read.
func (ix *Index) formsByKeys(keys []string) []*node {
	out := make([]*node, len(keys))
	if ix.nodes.slots != nil || ix.nodes.n == 0 {
		for i, k := range keys {
			out[i] = ix.formByKey(k)
		}
		return out
	}
	byHash := make(map[uint64][]int, len(keys))
	for i, k := range keys {
		h := stringHash(k)
		byHash[h] = append(byHash[h], i)
	}
	for _, n := range ix.byID.all() {
		if n == nil {
			continue
		}
		for _, i := range byHash[ix.keyHash(n)] {
			if out[i] == nil && ix.keyIs(n, keys[i]) {
				out[i] = n
			}
		}
	}
	return out
}
