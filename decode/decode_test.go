package decode

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/shareddata"
)

func TestText(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, ""},
		{"ascii", []byte("He said \"no\".\n"), "He said \"no\".\n"},
		{"utf8 kept exactly", []byte("“Wir schaffen das,” sagte Merkel.\r\n"), "“Wir schaffen das,” sagte Merkel.\r\n"},
		{"utf8 bom stripped", []byte("\xEF\xBB\xBFCafé"), "Café"},
		{"crlf stays crlf", []byte("a\r\nb\r\n"), "a\r\nb\r\n"},
		{"latin1", []byte("caf\xe9 \xa315m na\xefve"), "café £15m naïve"},
		{"windows1252 quotes", []byte("\x93Yes,\x94 he said \x96 it\x92s true\x85"), "“Yes,” he said – it’s true…"},
		{"utf8 with stray 1252 byte", []byte("Müller said it\x92s fine"), "Müller said it’s fine"},
		{"truncated utf8 at end", []byte("abc\xe2\x80"), "abcâ€"},
		{"utf16le bom", []byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0xE9, 0, 0x1C, 0x20}, "Hié“"},
		{"utf16be bom", []byte{0xFE, 0xFF, 0, 'H', 0, 'i', 0x20, 0x1D}, "Hi”"},
		{"utf16le surrogate pair", []byte{0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE}, "😀"},
		{"utf16le odd byte", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "a\uFFFD"},
		{"utf16le lone surrogate", []byte{0xFF, 0xFE, 0x3D, 0xD8, 'a', 0}, "\uFFFDa"},
		{"tabs and form feeds are text", []byte("a\tb\fc\vd\x1b[0m"), "a\tb\fc\vd\x1b[0m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Text(tt.in)
			if err != nil {
				t.Fatalf("Text(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextBinary(t *testing.T) {
	gzipHeader := []byte{0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03}
	tests := []struct {
		name   string
		in     []byte
		reason string
	}{
		{"nul byte", []byte("abc\x00def"), "NUL byte at offset 3"},
		{"gzip", gzipHeader, "NUL byte"},
		{"utf16 without bom", []byte{'H', 0, 'i', 0}, "NUL byte at offset 1"},
		{"utf16 with bom but nul chars", []byte{0xFF, 0xFE, 0, 0, 'a', 0}, "NUL byte"},
		{"control soup", bytes.Repeat([]byte{0x01, 0x02, 'a', 0x03}, 100), "control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Text(tt.in)
			if err == nil {
				t.Fatalf("Text(%q) = %q, want an error", tt.in, got)
			}
			var e *claimtrail.Error
			if !errors.As(err, &e) || e.Code != claimtrail.EINVALID {
				t.Fatalf("Text(%q) error = %#v, want *claimtrail.Error with code EINVALID", tt.in, err)
			}
			if !strings.Contains(e.Message, tt.reason) {
				t.Errorf("message %q does not name the reason %q", e.Message, tt.reason)
			}
		})
	}
}

// TestTextNULAfterSniffWindow: NUL bytes beyond the sniffed head used to
// be kept (and cut search snippets); they are dropped from text, and a
// file that turns binary after its head is refused.
func TestTextNULAfterSniffWindow(t *testing.T) {
	text := bytes.Repeat([]byte("the council said it would wait. "), sniffLen/16)
	tests := []struct {
		name    string
		in      []byte
		want    string // "" when an error is expected
		wantErr string
	}{
		{"stray NULs dropped", append(append(append([]byte{}, text...), 0, 0), "end"...), string(text) + "end", ""},
		{"NUL at the window's edge", append(bytes.Repeat([]byte("a"), sniffLen), 0, 'b'), strings.Repeat("a", sniffLen) + "b", ""},
		{"binary tail refused", append(append([]byte{}, text...), bytes.Repeat([]byte{0, 1, 2, 3}, len(text))...), "", "binary data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Text(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || claimtrail.ErrorCode(err) != claimtrail.EINVALID {
					t.Fatalf("err = %v, want EINVALID %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.ContainsRune(got, 0) {
				t.Error("decoded text holds a NUL")
			}
			if got != tt.want {
				t.Errorf("got %d bytes, want %d", len(got), len(tt.want))
			}
		})
	}
}

func TestReader(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		max      int64
		want     string
		wantCode string
	}{
		{"under limit", "hello", 10, "hello", ""},
		{"exactly at limit", "hello", 5, "hello", ""},
		{"over limit", "hello!", 5, "", claimtrail.ETOOLARGE},
		{"no limit", "hello", 0, "hello", ""},
		{"latin1 through reader", "caf\xe9", 10, "café", ""},
		{"binary through reader", "a\x00b", 10, "", claimtrail.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Reader(strings.NewReader(tt.in), tt.max)
			if code := claimtrail.ErrorCode(err); code != tt.wantCode {
				t.Fatalf("Reader error = %v (code %q), want code %q", err, code, tt.wantCode)
			}
			if got != tt.want {
				t.Errorf("Reader = %q, want %q", got, tt.want)
			}
		})
	}
}

// endless is a reader that never ends, to prove Reader stops at the limit.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestReaderStopsAtLimit(t *testing.T) {
	src := &endless{}
	const max = 50 << 20
	_, err := Reader(src, max)
	if claimtrail.ErrorCode(err) != claimtrail.ETOOLARGE {
		t.Fatalf("err = %v, want ETOOLARGE", err)
	}
	if !strings.Contains(err.Error(), "50 MB") {
		t.Errorf("message %q does not name the limit", err)
	}
	if src.read > max+64<<10 {
		t.Errorf("read %d bytes of an endless input, want about %d", src.read, max)
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReaderReadError(t *testing.T) {
	_, err := Reader(failing{}, 10)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v, want it to wrap io.ErrUnexpectedEOF", err)
	}
}

func TestFormatBytes(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1023, "1023 bytes"},
		{1024, "1 KB"},
		{5 << 20, "5 MB"},
		{1536, "1.5 KB"},
		{3 << 30, "3 GB"},
	}
	for _, tt := range tests {
		if got := FormatBytes(tt.n); got != tt.want {
			t.Errorf("FormatBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestBBCLatin1 checks the one Latin-1 file of the BBC corpus: its pound
// signs must come out as "£", not as U+FFFD or mojibake.
func TestBBCLatin1(t *testing.T) {
	dir := shareddata.Dir(t, "bbc")
	raw, err := os.ReadFile(filepath.Join(dir, "sport", "199.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(raw) {
		t.Skip("sport/199.txt is valid UTF-8 here; nothing to check")
	}
	got, err := Text(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "a £15.8m signing from Parma") {
		t.Errorf("decoded text lacks %q; starts %q", "a £15.8m signing from Parma", got[:min(len(got), 300)])
	}
	if strings.ContainsRune(got, utf8.RuneError) {
		t.Error("decoded text contains U+FFFD")
	}
	if n := utf8.RuneCountInString(got); n != len(raw) {
		t.Errorf("decoded %d code points from %d Latin-1 bytes; want one per byte", n, len(raw))
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("plain ascii\r\n"))
	f.Add([]byte("caf\xe9 \x93quoted\x94"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0, 0x3D, 0xD8})
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00})
	f.Add([]byte("\xEF\xBB\xBF“ok”"))
	f.Add(append(bytes.Repeat([]byte("long text "), sniffLen/8), 0, 'x'))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := Text(in)
		if err != nil {
			if claimtrail.ErrorCode(err) != claimtrail.EINVALID {
				t.Fatalf("error %v has code %q, want EINVALID", err, claimtrail.ErrorCode(err))
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Text(%q) = %q is not valid UTF-8", in, got)
		}
		if strings.ContainsRune(got, 0) {
			t.Fatalf("Text(%q) kept a NUL", in)
		}
		if utf8.Valid(in) && !bytes.HasPrefix(in, bomUTF8) && !bytes.HasPrefix(in, bomUTF16LE) && !bytes.HasPrefix(in, bomUTF16BE) && got != strings.ReplaceAll(string(in), "\x00", "") {
			t.Fatalf("valid UTF-8 %q changed to %q", in, got)
		}
	})
}

// TestOddControls: checkBinary's table says what isOddControl says, for
// every byte.
func TestOddControls(t *testing.T) {
	for c := range 256 {
		if got, want := oddControls[c] == 1, isOddControl(byte(c)); got != want {
			t.Errorf("byte %#x: table %v, isOddControl %v", c, got, want)
		}
	}
}
