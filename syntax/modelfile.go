package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

const modelMagic = "claimtrail-syntax-1"

// encodeModel gzips a model body behind a header naming its kind, in
// stored (not compressed) blocks as the attribution models are (see
// attribute's storedModels). The gzip header carries no name or time, so
// equal models give equal bytes.
func encodeModel(kind string, body func(*bufio.Writer) error) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	if err := writeString(bw, modelMagic); err != nil {
		return nil, err
	}
	if err := writeString(bw, kind); err != nil {
		return nil, err
	}
	if err := body(bw); err != nil {
		return nil, fmt.Errorf("encode %s model: %w", kind, err)
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeModel opens a model produced by encodeModel and checks its kind.
// The body is inflated whole (a few MB): read from memory, its varints
// cost a few instructions each, where a byte at a time through gzip and
// bufio readers behind interfaces took a fifth of loading the tagger.
func decodeModel(data []byte, kind string) (*modelReader, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("open %s model: %w", kind, err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("open %s model: %w", kind, err)
	}
	r := &modelReader{b: body}
	magic, err := readString(r, 64)
	if err != nil || magic != modelMagic {
		return nil, fmt.Errorf("open %s model: %w: bad magic", kind, errBadModel)
	}
	got, err := readString(r, 64)
	if err != nil || got != kind {
		return nil, fmt.Errorf("open %s model: %w: kind %q", kind, errBadModel, got)
	}
	return r, nil
}

// modelReader reads an inflated model body.
type modelReader struct {
	b   []byte
	off int
}

// ReadByte returns the next byte (io.EOF at the end).
func (r *modelReader) ReadByte() (byte, error) {
	if r.off >= len(r.b) {
		return 0, io.EOF
	}
	c := r.b[r.off]
	r.off++
	return c, nil
}

// Read reads as io.Reader does.
func (r *modelReader) Read(p []byte) (int, error) {
	if r.off >= len(r.b) {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.off:])
	r.off += n
	return n, nil
}

// uvarint reads an unsigned varint, with binary.ReadUvarint's errors.
func (r *modelReader) uvarint() (uint64, error) {
	if r.off < len(r.b) && r.b[r.off] < 0x80 {
		c := r.b[r.off] // most are one byte
		r.off++
		return uint64(c), nil
	}
	x, n := binary.Uvarint(r.b[r.off:])
	return x, r.advance(n)
}

// varint reads a signed varint, with binary.ReadVarint's errors.
func (r *modelReader) varint() (int64, error) {
	x, n := binary.Varint(r.b[r.off:])
	return x, r.advance(n)
}

// advance moves past a varint of n bytes as binary.Uvarint reports it:
// 0 when the body ended first (or ends with ten bytes that all go on, an
// overflow for binary.ReadUvarint), negative when it overflows 64 bits.
func (r *modelReader) advance(n int) error {
	switch {
	case n > 0:
		r.off += n
		return nil
	case n == 0 && r.off == len(r.b):
		return io.EOF
	case n == 0 && len(r.b)-r.off < binary.MaxVarintLen64:
		r.off = len(r.b)
		return io.ErrUnexpectedEOF
	case n == 0:
		r.off += binary.MaxVarintLen64
		return errOverflow
	}
	r.off += -n
	return errOverflow
}

// errOverflow is binary.ReadUvarint's error for a varint over 64 bits.
var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
