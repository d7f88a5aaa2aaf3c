package resolve

import "unsafe"

// The rules lower-case the same few strings again and again: an entity's
// name, lower-cased by a dozen rules for each of its mentions (places,
// parties, plural words, given names), 620 calls an article over BBC
// politics, about two in three of them for a string asked before; each read its
// bytes twice and wrote a copy into lowBuf. lowMemo keeps lower's answer
// by the string asked: the very string, the same bytes at the same
// address and of the same length (a string's bytes never change, and the
// memo holds the string, so the address is not another's meanwhile), in a
// small direct-mapped table of the resolver, emptied with lowBuf when the
// resolver is released. A hit is the answer lower gave, the same text
// (TestLowMemo).

// lowSlot is a string lower was asked and its answer.
type lowSlot struct {
	key, low string
}

const lowMemoBits = 8

type lowMemo [1 << lowMemoBits]lowSlot

// slot returns the slot of s (by its address and length).
func (m *lowMemo) slot(s string) *lowSlot {
	p := uint64(uintptr(unsafe.Pointer(unsafe.StringData(s))))
	h := (p ^ uint64(len(s))<<32) * 0x9e3779b97f4a7c15
	return &m[h>>(64-lowMemoBits)]
}
