package claimtrail

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Cursor is the position after the last row of a page: the row's sort
// key and id. Stores hand it out encoded (Encode: "key|id" in unpadded
// URL-safe base64) so that callers treat it as opaque; every store
// encodes it so, and a cursor from one store works on another when the
// ids agree.
type Cursor struct {
	Key string
	ID  int64
}

// Encode writes c as the opaque text a page hands out.
func (c Cursor) Encode() string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.Key + "|" + strconv.FormatInt(c.ID, 10)))
}

// DecodeCursor reads Encode's text; a malformed one (not base64, no
// "|", an id that is no positive number) is an EINVALID error.
func DecodeCursor(s string) (Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, Errorf(EINVALID, "invalid cursor %q", s)
	}
	key, idText, ok := strings.Cut(string(b), "|")
	if !ok {
		return Cursor{}, Errorf(EINVALID, "invalid cursor %q", s)
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return Cursor{}, Errorf(EINVALID, "invalid cursor %q", s)
	}
	return Cursor{Key: key, ID: id}, nil
}
