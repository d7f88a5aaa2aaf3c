package extract

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/segment"
)

func TestZZDump(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("ZZ"))
	if err != nil {
		t.Skip()
	}
	e, _ := defaultExtractor()
	d, _ := segment.SegmentContext(context.Background(), string(b))
	view := attribute.NewText(d)
	sel, _ := e.selector.CueSentencesContext(context.Background(), view, selectorSlack)
	e.syntax.annotateContext(context.Background(), d, sel, false)
	for _, tk := range d.Tokens {
		fmt.Printf("%s/%s/%s ", tk.Text, tk.POS, tk.Ent)
	}
	fmt.Println()
}
