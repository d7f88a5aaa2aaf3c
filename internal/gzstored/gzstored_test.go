package gzstored

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// TestCheck: a stream written at NoCompression passes, one written at
// BestCompression (of text that compresses) and bytes that are no gzip
// fail.
func TestCheck(t *testing.T) {
	body := []byte(strings.Repeat("the same words again ", 500))
	write := func(level int) []byte {
		var b bytes.Buffer
		w, err := gzip.NewWriterLevel(&b, level)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
		w.Close()
		return b.Bytes()
	}
	if err := Check(write(gzip.NoCompression)); err != nil {
		t.Errorf("stored: %v", err)
	}
	if err := Check(write(gzip.BestCompression)); err == nil {
		t.Error("compressed: no error")
	}
	if err := Check(body); err == nil {
		t.Error("not gzip: no error")
	}
}
