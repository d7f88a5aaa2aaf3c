// Package decode turns the raw bytes of an article into the text that all
// of claimtrail's offsets refer to.
//
// The rule, applied in this order:
//
//  1. A UTF-16 byte-order mark (FF FE or FE FF) means UTF-16 little or big
//     endian; the mark is dropped, unpaired surrogates and a dangling odd
//     byte become U+FFFD. UTF-16 without a mark is not guessed: its NUL
//     bytes make it look binary and it is refused as such.
//  2. A UTF-8 byte-order mark (EF BB BF) is dropped.
//  3. Binary input is refused with a *claimtrail.Error of code EINVALID: a
//     NUL byte within the first 8 KiB, or more than one byte in ten of the
//     first 8 KiB being a control character other than tab, newline,
//     carriage return, form feed, vertical tab or escape. NUL bytes further
//     on are dropped (a NUL is never text, and it cut search snippets short
//     in the store), unless the whole input fails the control-character
//     test, in which case it is refused as binary too (text followed by a
//     binary blob).
//  4. Valid UTF-8 is kept exactly as it is.
//  5. Otherwise every valid UTF-8 sequence is kept and every byte that does
//     not start one is read as Windows-1252 (a superset of the printable
//     Latin-1 range, and what "Latin-1" files from Windows really are). For
//     a file that is entirely Latin-1 or Windows-1252 this equals decoding
//     it all as Windows-1252, unless it happens to contain a pair such as
//     "Ã©" that spells a valid UTF-8 sequence, which real text practically
//     never does; for a UTF-8 file with a few stray Windows bytes (a curly
//     quote pasted from a word processor) it keeps the UTF-8 intact instead
//     of garbling every accented letter.
//
// Nothing else is changed: CRLF stays CRLF, quotes and whitespace are not
// normalised, so that an offset means what a user counting code points in
// the decoded file would expect. The result is always valid UTF-8.
package decode

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/claimtrail/claimtrail"
)

// sniffLen is how much of the input the binary check looks at: enough to
// catch the headers of images, archives and executables without scanning
// a whole large file.
const sniffLen = 8 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Text decodes raw article bytes into text by the rule in the package doc.
// An empty input gives an empty text and no error.
func Text(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF16LE):
		return checked(decodeUTF16(b[2:], false))
	case bytes.HasPrefix(b, bomUTF16BE):
		return checked(decodeUTF16(b[2:], true))
	}
	b = bytes.TrimPrefix(b, bomUTF8)
	if err := checkBinary(b[:min(len(b), sniffLen)]); err != nil {
		return "", err
	}
	if len(b) > sniffLen && bytes.IndexByte(b[sniffLen:], 0) >= 0 {
		var err error
		if b, err = dropNULs(b); err != nil {
			return "", err
		}
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	return decodeMixed(b), nil
}

// Reader reads r to the end and decodes it with Text. When max > 0 and r
// holds more than max bytes it stops after max+1 bytes and returns a
// *claimtrail.Error with code ETOOLARGE, so a huge input never sits in
// memory whole; max <= 0 means no limit.
func Reader(r io.Reader, max int64) (string, error) {
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("read: %w", err)
	}
	if max > 0 && int64(len(b)) > max {
		return "", claimtrail.Errorf(claimtrail.ETOOLARGE, "larger than the limit of %s", FormatBytes(max))
	}
	return Text(b)
}

// FormatBytes writes a byte count the way a user sets limits: "5 MB"
// (powers of 1024), or plain bytes below a kilobyte.
func FormatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	suffix := []string{"KB", "MB", "GB", "TB", "PB"}[exp]
	if n%div == 0 {
		return fmt.Sprintf("%d %s", n/div, suffix)
	}
	return fmt.Sprintf("%.1f %s", v, suffix)
}

// checked applies the binary check to already decoded text (the UTF-16
// path, where the raw bytes are full of NULs by nature).
func checked(s string) (string, error) {
	if err := checkBinary([]byte(s[:min(len(s), sniffLen)])); err != nil {
		return "", err
	}
	if len(s) > sniffLen && strings.IndexByte(s[sniffLen:], 0) >= 0 {
		b, err := dropNULs([]byte(s))
		return string(b), err
	}
	return s, nil
}

// checkBinary refuses a sample that is not text: any NUL, or more than one
// byte in ten being a control character that text does not use.
func checkBinary(sample []byte) error {
	if i := bytes.IndexByte(sample, 0); i >= 0 {
		return claimtrail.Errorf(claimtrail.EINVALID, "binary data, not text: NUL byte at offset %d", i)
	}
	controls := countOddControls(sample)
	if controls > 0 && controls*10 > len(sample) {
		return claimtrail.Errorf(claimtrail.EINVALID,
			"binary data, not text: %d of the first %d bytes are control characters", controls, len(sample))
	}
	return nil
}

// dropNULs removes the NUL bytes found after the sniffed head, refusing
// the input when the whole of it looks binary (NULs counted as controls).
func dropNULs(b []byte) ([]byte, error) {
	controls, nuls := 0, 0
	for _, c := range b {
		if c == 0 {
			nuls++
		}
		if isOddControl(c) {
			controls++
		}
	}
	if controls*10 > len(b) {
		return nil, claimtrail.Errorf(claimtrail.EINVALID,
			"binary data, not text: %d of %d bytes are control characters (%d NUL bytes after the first %s)",
			controls, len(b), nuls, FormatBytes(sniffLen))
	}
	return bytes.ReplaceAll(b, []byte{0}, nil), nil
}

// oddControls[c] is 1 when isOddControl(c): checkBinary counts them over
// every byte of most articles, and a table look-up is half the
// instructions of the comparisons.
var oddControls = func() (t [256]uint8) {
	for c := range t {
		if isOddControl(byte(c)) {
			t[c] = 1
		}
	}
	return t
}()

// isOddControl reports whether c is an ASCII control character that plain
// text does not contain.
func isOddControl(c byte) bool {
	switch c {
	case '\t', '\n', '\r', '\f', '\v', 0x1b:
		return false
	}
	return c < 0x20 || c == 0x7f
}

// decodeMixed keeps valid UTF-8 sequences and reads every other byte as
// Windows-1252.
func decodeMixed(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(charmap.Windows1252.DecodeByte(b[0]))
			b = b[1:]
			continue
		}
		sb.Write(b[:size])
		b = b[size:]
	}
	return sb.String()
}

// decodeUTF16 decodes UTF-16 without its byte-order mark.
func decodeUTF16(b []byte, bigEndian bool) string {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			units = append(units, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	s := string(utf16.Decode(units))
	if len(b)%2 == 1 {
		s += string(utf8.RuneError)
	}
	return s
}
