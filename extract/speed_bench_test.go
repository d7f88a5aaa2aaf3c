package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/internal/cputime"
	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// bbcTexts reads up to n BBC articles (skipping when absent).
func bbcTexts(b *testing.B, n int) []string {
	dir := shareddata.Dir(b, "bbc")
	var texts []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") || len(texts) >= n {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts = append(texts, string(raw))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(texts) == 0 {
		b.Skip("no BBC articles")
	}
	return texts
}

// benchMode extracts BBC articles in one mode, one article per op, and
// reports the CPU time per article beside the wall time: on a machine
// shared with other jobs the CPU time is what an old and a new build can
// be compared on.
func benchMode(b *testing.B, mode Mode) {
	texts := bbcTexts(b, 400)
	ex, err := NewMode(mode)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	cpu0 := cputime.Now()
	n := 0
	for b.Loop() {
		if _, err := ex.Extract(ctx, texts[n%len(texts)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(cputime.Now()-cpu0)/float64(n), "cpu-ns/op")
}

func BenchmarkExtractDefault(b *testing.B)  { benchMode(b, ModeDefault) }
func BenchmarkExtractFast(b *testing.B)     { benchMode(b, ModeFast) }
func BenchmarkExtractAccurate(b *testing.B) { benchMode(b, ModeAccurate) }
