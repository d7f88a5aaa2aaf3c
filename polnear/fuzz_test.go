package polnear

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseAnn feeds arbitrary .ann files and texts through the parser and
// the offset resolution: neither may panic, and every span they accept
// must slice the text consistently.
func FuzzParseAnn(f *testing.F) {
	f.Add("T1\tSource 0 3\tZoë\nT2\tCue 4 8\tsaid\nT3\tAttribution 4 8\tsaid\nE1\tAttribution:T3 Source:T1 Cue:T2\n", "Zoë said so.")
	f.Add("T1\tContent 0 2;5 7\tab ef\nT2\tAttribution-no-source 3 4\tc\nE1\tAttribution-no-source:T2 Content:T1\n", "ab c efgh")
	f.Fuzz(func(t *testing.T, annText, text string) {
		ann, err := ParseAnn(strings.NewReader(annText))
		if err != nil {
			return
		}
		doc, err := ParseDocument("x_y", text, ann)
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(text)
		for _, a := range doc.Attributions {
			for _, sp := range []*Span{a.Source, a.Cue, a.Content} {
				if sp == nil {
					continue
				}
				if sp.Start > sp.End || sp.End > n || sp.ByteEnd > len(text) || sp.ByteStart > sp.ByteEnd {
					t.Fatalf("bad span %+v for text of %d code points", sp, n)
				}
				if text[sp.ByteStart:sp.ByteEnd] != sp.Text || utf8.RuneCountInString(sp.Text) != sp.End-sp.Start {
					t.Fatalf("span %+v disagrees with the text", sp)
				}
			}
		}
	})
}
