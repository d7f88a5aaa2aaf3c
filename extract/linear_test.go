package extract

import (
	"context"
	"strings"
)

// adversarialShapes builds texts of about n bytes that stress one part of
// extraction each: the shapes that made it quadratic before (issue 11).
var adversarialShapes = []struct {
	name string
	make func(n int) string
}{
	{"opening-marks", func(n int) string { return fill("T\n\nShe said ", "“word ", "", n) }},
	{"closing-marks", func(n int) string { return fill("T\n\nShe said ", "word” ", "", n) }},
	{"single-then-double-close", func(n int) string {
		return fill("T\n\nShe said ", "‘word ", "", n/2) + strings.Repeat("” ", n/4)
	}},
	{"straight-marks", func(n int) string { return fill("T\n\nShe said ", "\"word ", "", n) }},
	{"nested", func(n int) string {
		k := n / 16
		return "T\n\nShe said " + strings.Repeat("“a ‘b ", k) + strings.Repeat("c’ d” ", k)
	}},
	{"cues", func(n int) string { return fill("T\n\n", "Smith said, “The port will close.” ", "", n) }},
	{"quote-paragraphs", func(n int) string {
		return fill("T\n\n", "“The tolls will rise again next year,” Mayor Elena Reyes said on Twitter.\n\n“We have no choice at all in the matter.”\n\n", "", n)
	}},
	{"continued-paragraphs", func(n int) string { return fill("T\n\nShe said:\n\n", "“word word word word\n\n", "", n) }},
	{"huge-sentence", func(n int) string { return fill("T\n\n", "word said ", "", n) }},
	{"unclosed-paragraphs", func(n int) string { return fill("T\n\n", "He said “word word word word\n\n", "", n) }},
}

// fill repeats unit after head until the text reaches about n bytes.
func fill(head, unit, tail string, n int) string {
	k := max(1, (n-len(head)-len(tail))/len(unit))
	return head + strings.Repeat(unit, k) + tail
}

var _ = context.Background
