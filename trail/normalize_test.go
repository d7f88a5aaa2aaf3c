package trail

import (
	"strings"
	"testing"
)

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
		{"editorial insertion at the start goes", "[He] perceives it", "perceives it"},
		{"editorial insertion inside is a gap", "If they [Democrats] don't pass", "if they … don't pass"},
		{"unclosed bracket is text", "a [b c", "a b c"},
		{"small numbers spelled out", "a 2 in 3 chance", "a two in three chance"},
		{"larger numbers stay digits", "21 of 716", "21 of 716"},
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
	for in, want := range map[string]string{
		" “We will win,” ":    "We will win",
		"“Is it over?”":       "Is it over?",
		"We will win.":        "We will win.",
		"an hour later: “Go”": "an hour later: “Go",
	} {
		if got := DisplayText(in); got != want {
			t.Errorf("DisplayText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuotedText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"we will rebuild every bridge", "we will rebuild every bridge"},
		{`the board "sat on three inspection reports" before the collapse`, "sat on three inspection reports"},
		{"an hour later: “Nobody can tell me this was an act of God.”", "Nobody can tell me this was an act of God."},
		{"that the board “sat on three inspection reports", "sat on three inspection reports"},
		{"he called it “fake news” again and again", "he called it “fake news” again and again"},
		{"“we will win” and “the bridge comes first”", "we will win … the bridge comes first"},
		{"« nous allons gagner cette fois »", " nous allons gagner cette fois "},
		{"“one two three four” he said. “five six seven eight nine” she said. “ten eleven”", "five six seven eight nine"},
	}
	for _, tt := range tests {
		if got := QuotedText(tt.in); got != tt.want {
			t.Errorf("QuotedText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestJoinNormExact: a form's key is one allocation of its exact length
// (the index keeps a key a form), the words joined by single spaces.
func TestJoinNormExact(t *testing.T) {
	for _, text := range []string{
		"",
		"yes",
		"We will not stand by while the prime minister breaks every promise he made to the people of this country",
		"the best … ever made",
	} {
		toks := Tokenize(text)
		var norms []string
		for _, tk := range toks {
			norms = append(norms, tk.Norm)
		}
		if got, want := joinNorm(toks), strings.Join(norms, " "); got != want {
			t.Errorf("joinNorm(%q) = %q, want %q", text, got, want)
		}
		want := 1.0
		if len(toks) == 0 {
			want = 0
		}
		if allocs := testing.AllocsPerRun(20, func() { joinNorm(toks) }); allocs != want {
			t.Errorf("joinNorm(%q): %v allocations, want %v", text, allocs, want)
		}
	}
}
