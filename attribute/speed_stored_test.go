package attribute

import (
	"bytes"
	"os"
	"testing"

	"github.com/claimtrail/claimtrail/internal/gzstored"
)

// TestShippedModelsStored: each shipped attribution model is what
// WriteTo writes of it (so training writes the form shipped), and a gzip
// of stored blocks, no smaller than the bytes it holds (fails with the
// files or WriteTo back at gzip.BestCompression).
func TestShippedModelsStored(t *testing.T) {
	for _, name := range []string{"attribution.model.gz", "attribution-fast.model.gz", "attribution-accurate.model.gz"} {
		file, err := os.ReadFile("../extract/models/" + name)
		if err != nil {
			t.Skip(err)
		}
		m, err := ReadModel(bytes.NewReader(file))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var out bytes.Buffer
		if _, err := m.WriteTo(&out); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(out.Bytes(), file) {
			t.Errorf("%s: WriteTo gives %d bytes, not the file's %d", name, out.Len(), len(file))
		}
		if err := gzstored.Check(file); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
