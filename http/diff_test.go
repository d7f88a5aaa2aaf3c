package http

import (
	"strings"
	"testing"
)

func TestWordDiffKinds(t *testing.T) {
	const canonical = "Nobody can tell me this was an act of God. The board sat on three inspection reports, and the public perceives the danger better than the board ever did."
	tests := []struct {
		name, variant, kind string
		changed             []string // canonical words that must show as changed
	}{
		{"exact with other quote marks", "Nobody can tell me this was an act of God. The board sat on three inspection reports, and the public perceives the danger better than the board ever did,", "exact", nil},
		{"cut", "Nobody can tell me this was an act of God.", "cut", nil},
		{"tense changed", "the public perceived the danger better than the board ever did.", "variant", []string{"perceives"}},
		{"word left out", `the public "perceives the danger better than the board did."`, "variant", []string{"ever"}},
		{"partial quote framed by the reporter", `that the board "sat on three inspection reports" before the crossing collapsed`, "cut", nil},
		{"unrelated", "Two people were rescued.", "variant", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops := wordDiff(canonical, tt.variant)
			if got := variantKind(ops); got != tt.kind {
				t.Errorf("kind %q, want %q; ops %+v", got, tt.kind, ops)
			}
			html := string(renderDiff(ops, tt.variant))
			for _, w := range tt.changed {
				if !strings.Contains(html, "<del") || !strings.Contains(html, w) {
					t.Errorf("rendered %s does not strike %q", html, w)
				}
			}
		})
	}
}

func TestRenderDiffEscapes(t *testing.T) {
	ops := wordDiff("a <b> c", "a <i> c")
	if html := string(renderDiff(ops, "a <i> c")); strings.Contains(html, "<i>") || !strings.Contains(html, "&lt;i&gt;") {
		t.Errorf("unescaped: %s", html)
	}
}

func TestQuoteText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"We acted on every report we received,", "We acted on every report we received"},
		{"“We acted on every report we received,”", "We acted on every report we received"},
		{`"Two people were rescued,"`, "Two people were rescued"},
		{`that the board "sat on three inspection reports"`, `that the board "sat on three inspection reports"`},
		{`"One," he said, "two."`, `"One," he said, "two."`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := quoteText(tt.in); got != tt.want {
			t.Errorf("quoteText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
