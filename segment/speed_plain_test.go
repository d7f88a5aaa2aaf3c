package segment

import (
	"math/rand/v2"
	"testing"
)

// TestSkipPlain holds skipPlain to the byte loop over plainByte, from
// every start to every end, over texts with quote marks and non-ASCII
// runes at every distance from a start, and random bytes.
func TestSkipPlain(t *testing.T) {
	texts := []string{
		"", "plain text without marks at all, long enough for a few words",
		`he said "yes" and 'no'`, "“curly” and ‘single’ marks", "x\x80y", "abcdefgh\"ijklmnop'qrst",
		"0123456789abcdef“", "!#$%&()*+,-./:;<=>?@[]^_`{|}~ \n\t\r\x00\x01\x21\x23\x26\x28\x7f",
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 200 {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			b[k] = byte(rng.IntN(256))
			if rng.IntN(4) > 0 {
				b[k] &= 0x7f
			}
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			for end := i; end <= len(s); end++ {
				want := i
				for want < end && plainByte[s[want]] {
					want++
				}
				if got := skipPlain(s, i, end); got != want {
					t.Fatalf("skipPlain(%q, %d, %d) = %d, want %d", s, i, end, got, want)
				}
			}
		}
	}
}
