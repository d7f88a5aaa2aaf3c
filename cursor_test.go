package claimtrail

import "testing"

// TestCursor: cursors the stores handed out before the codec moved here
// (each store's own encodeCursor, "key|id" in unpadded URL-safe base64;
// the texts below were written by hand from that format) read back and
// are written again the same; malformed ones are EINVALID.
func TestCursor(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Cursor
	}{
		{"MjAyNi0wMy0wMVQxMDowMDowMC4wMDAwMDAwMDBafDQy", Cursor{Key: "2026-03-01T10:00:00.000000000Z", ID: 42}}, // an attribution's
		{"fnw3", Cursor{Key: "~", ID: 7}},                           // undated
		{"c2VhcmNofDUx", Cursor{Key: "search", ID: 51}},             // a search's offset
		{"c3BlYWtlcnN8MQ", Cursor{Key: "speakers", ID: 1}},          // a speaker listing's
		{"MyAxNzAwMDAwMDAwfDk", Cursor{Key: "3 1700000000", ID: 9}}, // a cluster's
	} {
		got, err := DecodeCursor(tc.text)
		if err != nil || got != tc.want {
			t.Errorf("DecodeCursor(%q) = %+v, %v; want %+v", tc.text, got, err, tc.want)
		}
		if enc := tc.want.Encode(); enc != tc.text {
			t.Errorf("%+v.Encode() = %q, want %q", tc.want, enc, tc.text)
		}
	}
	for _, tc := range []struct{ name, text string }{
		{"empty", ""},
		{"not base64", "!!!"},
		{"padded", "fnw3fA=="},
		{"standard alphabet", "+/98MQ"},
		{"no bar", "bm9iYXI"},        // "nobar"
		{"id zero", "eHww"},          // "x|0"
		{"id negative", "eHwtMw"},    // "x|-3"
		{"id no number", "eHx5"},     // "x|y"
		{"bar in the id", "YXxifDU"}, // "a|b|5"
		{"bar alone", "fA"},          // "|"
	} {
		if got, err := DecodeCursor(tc.text); ErrorCode(err) != EINVALID {
			t.Errorf("%s: DecodeCursor(%q) = %+v, %v; want an EINVALID error", tc.name, tc.text, got, err)
		}
	}
}
