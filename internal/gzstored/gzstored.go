// Package gzstored tells whether a gzip file is made of stored blocks:
// the shipped models are written so (level 0), since inflating them was
// two thirds of every command's start while deflate saved only a third
// of their size. The attribute and syntax tests hold the shipped files to
// that form through Check.
package gzstored

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
)

// Check returns an error when file is no gzip stream, or when it is
// smaller than the bytes it holds (its blocks are compressed, not
// stored).
func Check(file []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(file))
	if err != nil {
		return fmt.Errorf("gzstored: %w", err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("gzstored: %w", err)
	}
	if len(file) < len(body) {
		return fmt.Errorf("gzstored: %d bytes holding %d: compressed, not stored", len(file), len(body))
	}
	return nil
}
