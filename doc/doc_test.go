package doc

import "testing"

func TestRunes(t *testing.T) {
	text := "a“b”é€😀z"
	r := NewRunes(text)
	offs := ByteOffsets(text)
	if len(offs) != len([]rune(text))+1 {
		t.Fatalf("ByteOffsets: %d offsets for %d runes", len(offs), len([]rune(text)))
	}
	for cp, b := range offs {
		if got := r.At(b); got != cp {
			t.Errorf("At(%d) = %d, want %d", b, got, cp)
		}
	}
	if r.At(-5) != 0 || r.At(len(text)+10) != len([]rune(text)) {
		t.Error("At does not clamp")
	}
}
