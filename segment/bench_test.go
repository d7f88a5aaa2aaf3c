package segment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// bbcTexts reads the BBC corpus (skipping tb when it is absent).
func bbcTexts(tb testing.TB) []string {
	dir := shareddata.Dir(tb, "bbc")
	var texts []string
	for _, topic := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		files, _ := filepath.Glob(filepath.Join(dir, topic, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			texts = append(texts, string(raw))
		}
	}
	if len(texts) == 0 {
		tb.Skip("no BBC articles")
	}
	return texts
}

// BenchmarkSegmentBBC segments the BBC corpus; one op is one article.
func BenchmarkSegmentBBC(b *testing.B) {
	texts := bbcTexts(b)
	var total int64
	for _, t := range texts {
		total += int64(len(t))
	}
	b.SetBytes(total / int64(len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Segment(texts[i%len(texts)])
		i++
	}
}
