package syntax

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestModelReaderVarints: modelReader reads the varints, bytes and errors
// that binary.ReadUvarint, binary.ReadVarint and ReadByte read from the
// same bytes behind a reader (as models were read before), so a model
// loads the same (a model stops at the first error, whose value does
// not matter): edge values, truncated and overlong varints, and random
// streams of mixed reads.
func TestModelReaderVarints(t *testing.T) {
	enc := func(vs ...uint64) []byte {
		var b []byte
		for _, v := range vs {
			b = binary.AppendUvarint(b, v)
		}
		return b
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"one byte", enc(0, 1, 127)},
		{"two bytes", enc(128, 300, 16383)},
		{"large", enc(1<<32, 1<<63, ^uint64(0))},
		{"truncated", enc(1 << 40)[:3]},
		{"overlong", bytes.Repeat([]byte{0xff}, 11)},
		{"ten bytes, overflowing", append(bytes.Repeat([]byte{0xff}, 9), 0x02)},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 20 {
		b := make([]byte, 64)
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(3) == 0 {
				b[i] &= 0x7f
			}
		}
		cases = append(cases, struct {
			name string
			data []byte
		}{"random " + string(rune('a'+k)), b})
	}
	for _, tc := range cases {
		for _, op := range []int{0, 1, 2} {
			want := bytes.NewReader(tc.data)
			got := &modelReader{b: tc.data}
			for step := 0; ; step++ {
				var w, g uint64
				var werr, gerr error
				switch (op + step) % 3 {
				case 0:
					w, werr = binary.ReadUvarint(want)
					g, gerr = got.uvarint()
				case 1:
					var wv, gv int64
					wv, werr = binary.ReadVarint(want)
					gv, gerr = got.varint()
					w, g = uint64(wv), uint64(gv)
				case 2:
					var wb, gb byte
					wb, werr = want.ReadByte()
					gb, gerr = got.ReadByte()
					w, g = uint64(wb), uint64(gb)
				}
				if werr == nil && w != g || (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
					t.Fatalf("%s, op %d, step %d: read %d, %v; want %d, %v", tc.name, op, step, g, gerr, w, werr)
				}
				if werr != nil {
					break
				}
			}
		}
	}
}
