package syntax

import (
	"bytes"
	"testing"

	"github.com/claimtrail/claimtrail/internal/gzstored"
)

// TestShippedModelsStored: each embedded syntax model is what its
// encode writes of it (so training writes the form shipped), and a gzip
// of stored blocks, no smaller than the bytes it holds (fails with the
// files or encodeModel back at gzip.BestCompression).
func TestShippedModelsStored(t *testing.T) {
	encoders := map[string]func([]byte) ([]byte, error){
		"pos": func(b []byte) ([]byte, error) {
			m, err := decodeTagger(b)
			if err != nil {
				return nil, err
			}
			return m.encode()
		},
		"ner": func(b []byte) ([]byte, error) {
			m, err := decodeEntityTagger(b)
			if err != nil {
				return nil, err
			}
			return m.encode()
		},
		"dep": func(b []byte) ([]byte, error) {
			m, err := decodeParser(b)
			if err != nil {
				return nil, err
			}
			return m.encode()
		},
	}
	for name, encode := range encoders {
		file := ModelBytes(name)
		out, err := encode(file)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(out, file) {
			t.Errorf("%s: encode gives %d bytes, not the file's %d", name, len(out), len(file))
		}
		if err := gzstored.Check(file); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
