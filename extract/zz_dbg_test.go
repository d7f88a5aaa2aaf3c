package extract

import (
	"context"
	"os"
	"testing"
)

func TestDbgOne(t *testing.T) {
	e := newExtractor(t)
	b, _ := os.ReadFile(os.Getenv("F"))
	x, _ := e.Extract(context.Background(), string(b))
	for _, a := range x.Attributions {
		src, cue := "", ""
		if a.Source != nil {
			src = a.Source.Text
		}
		if a.Cue != nil {
			cue = a.Cue.Text
		}
		t.Logf("%-8s %-30.30q %-20.20q %-50.50q -> %s/%s %.2f %s %v", a.Kind, src, cue, a.ContentText(), a.Speaker.Name, a.Speaker.Kind, a.Confidence, a.Channel, a.Flags)
	}
}
