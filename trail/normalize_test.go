package trail

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"curly quotes and case", "“We Will Win,” he said", "we will win he said"},
		{"straight quotes", `"we will win"`, "we will win"},
		{"guillemets", "« Nous gagnerons »", "nous gagnerons"},
		{"apostrophe styles agree", "Don’t we know it", "don't we know it"},
		{"straight apostrophe", "Don't we know it", "don't we know it"},
		{"leading and trailing ellipsis dropped", "...the best deal ever…", "the best deal ever"},
		{"inner ellipsis is a gap", "the best … ever made", "the best … ever made"},
		{"bracketed ellipsis", "the best [...] ever made", "the best … ever made"},
		{"spaced ellipsis", "the best . . . ever made", "the best … ever made"},
		{"two ellipses collapse", "a ... ... b", "a … b"},
		{"editorial brackets keep the word", "[He] perceives it", "he perceives it"},
		{"hyphens split", "re-election campaign", "re election campaign"},
		{"numbers keep their grouping", "1,000 jobs and 2.5 percent", "1000 jobs and 2.5 percent"},
		{"whitespace", "  we\n\twill   win ", "we will win"},
		{"diacritics fold", "Café naïve", "cafe naive"},
		{"trailing possessive apostrophe", "the members' votes", "the members votes"},
		{"em dash", "win—and win big", "win and win big"},
		{"empty", "", ""},
		{"only punctuation", "“…”", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeKeepsSurface(t *testing.T) {
	toks := Tokenize("“Don’t,” said 1,000 MPs")
	want := []Token{{"don't", "Don’t"}, {"said", "said"}, {"1000", "1,000"}, {"mps", "MPs"}}
	if len(toks) != len(want) {
		t.Fatalf("got %v, want %v", toks, want)
	}
	for i := range want {
		if toks[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, toks[i], want[i])
		}
	}
}

func TestDisplayText(t *testing.T) {
	if got := DisplayText(" “We will win,” "); got != "We will win," {
		t.Errorf("DisplayText = %q", got)
	}
}
