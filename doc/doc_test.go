package doc

import (
	"testing"
	"unicode/utf8"
)

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

// TestRunesEveryByte: the table gives, for every byte offset (inside a
// rune, of an invalid byte, at the end), the code points the decoder
// counts before it, on ASCII, multi-byte and invalid text.
func TestRunesEveryByte(t *testing.T) {
	for _, text := range []string{"", "plain ASCII text", "a“b”é€😀z", "\xff\xfeab\xe2\x80", "é", "x\xe2\x80\x9cy\xe2", "😀😀 and \x80"} {
		r := NewRunes(text)
		n := 0
		for i := 0; i < len(text); {
			_, size := utf8.DecodeRuneInString(text[i:])
			for k := range size {
				if got := r.At(i + k); got != n {
					t.Errorf("%q: At(%d) = %d, want %d", text, i+k, got, n)
				}
			}
			i += size
			n++
		}
		if got := r.At(len(text)); got != n {
			t.Errorf("%q: At(end) = %d, want %d", text, got, n)
		}
	}
}
