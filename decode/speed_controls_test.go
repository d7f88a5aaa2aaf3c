package decode

import (
	"math/rand/v2"
	"testing"
)

// TestCountOddControls: the word-at-a-time count equals a byte-at-a-time
// count of isOddControl, for every byte value at every place of a word,
// for texts with the controls text uses (tab, newlines, escape) and for
// random bytes of every length up to a few words.
func TestCountOddControls(t *testing.T) {
	slow := func(b []byte) int {
		n := 0
		for _, c := range b {
			if isOddControl(c) {
				n++
			}
		}
		return n
	}
	check := func(name string, b []byte) {
		t.Helper()
		if got, want := countOddControls(b), slow(b); got != want {
			t.Fatalf("%s (%q): %d odd controls, want %d", name, b, got, want)
		}
	}
	base := []byte("The minister said:\tno.\r\n\x1bOK\f\v done, 1,200 words; “quoted” é")
	for c := range 256 {
		for at := range 17 {
			b := append([]byte(nil), base[:24]...)
			b[at] = byte(c)
			check("one byte", b)
		}
	}
	check("text", base)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			switch rng.IntN(3) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b[i] = byte(rng.IntN(0x21))
			default:
				b[i] = byte(0x7e + rng.IntN(3))
			}
		}
		check("random", b)
	}
}
