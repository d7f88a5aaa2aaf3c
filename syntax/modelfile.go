package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
)

const modelMagic = "claimtrail-syntax-1"

// encodeModel gzips a model body behind a header naming its kind. The gzip
// header carries no name or time, so equal models give equal bytes.
func encodeModel(kind string, body func(*bufio.Writer) error) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
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
func decodeModel(data []byte, kind string) (*bufio.Reader, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("open %s model: %w", kind, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic, err := readString(br, 64)
	if err != nil || magic != modelMagic {
		return nil, fmt.Errorf("open %s model: %w: bad magic", kind, errBadModel)
	}
	got, err := readString(br, 64)
	if err != nil || got != kind {
		return nil, fmt.Errorf("open %s model: %w: kind %q", kind, errBadModel, got)
	}
	return br, nil
}

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
