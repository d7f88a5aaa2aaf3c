package extract

import (
	"context"
	"strings"
	"testing"
)

// TestSnapQuoteStarts: a content the model starts inside a quotation
// that ends at the quotation's end takes the whole quotation, once; a
// quote split by its cue keeps its two parts.
func TestSnapQuoteStarts(t *testing.T) {
	e := newExtractor(t)
	for _, tc := range []struct {
		name, para string
		want       []string // the content pieces of the attribution whose cue is "said"
	}{
		{"clitic inside the quote", `"Where have you all been, Maria? You've been arguing about a stamp for the post office?" Grant said.`,
			[]string{`"Where have you all been, Maria? You've been arguing about a stamp for the post office?"`}},
		{"split by the cue", `"We will appeal," Grant said, "and we will win."`,
			[]string{`"We will appeal,"`, `"and we will win."`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "Council row\n\nThe mayor, Ada Grant, was re-elected in May.\n\n" + tc.para + "\n\n“It is a sad day,” said Lee Park, the council leader.\n"
			x, err := e.Extract(context.Background(), text)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, a := range x.Attributions {
				for _, c := range a.Content {
					if strings.Contains(c.Text, "arguing about a stamp") || strings.Contains(c.Text, "we will win") {
						n++
					}
				}
				if a.Cue == nil || a.Cue.Text != "said" || a.Speaker.Name != "Ada Grant" {
					continue
				}
				var got []string
				for _, c := range a.Content {
					got = append(got, c.Text)
				}
				if strings.Join(got, "|") != strings.Join(tc.want, "|") {
					t.Errorf("content %q, want %q", got, tc.want)
				}
			}
			if n != 1 {
				t.Errorf("the quote is printed %d times, want once", n)
			}
		})
	}
}

// TestTrimNestedSources: no source swallows another attribution's source
// and cue ("Mr Okafor said the industry", "Mr. Pell said when asked"); a
// source whose relative clause holds a cue keeps it.
func TestTrimNestedSources(t *testing.T) {
	e := newExtractor(t)
	text := "Mining outlook\n\nMr Okafor said the industry expects to see investment worth $10bn over the next three years.\n\n" +
		"Mr Lind, who added that the firm would comply with the ruling, said: \"We have nothing to hide.\"\n\n" +
		"“Guilty, Your Honor,” Mr. Pell said when asked whether he would accept the plea deal.\n\n" +
		"“It is a fine result,” said Lee Park, the council leader.\n"
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range x.Attributions {
		if a.Source == nil {
			continue
		}
		if strings.Contains(a.Source.Text, "Okafor said") || strings.Contains(a.Source.Text, "said when") {
			t.Errorf("source %q swallows another attribution", a.Source.Text)
		}
		if a.Cue != nil && a.Cue.Text == "said:" && !strings.HasPrefix(a.Source.Text, "Mr Lind") {
			t.Errorf("source %q, want it to keep Mr Lind", a.Source.Text)
		}
	}
}

// TestInvertedContents: "CLAIM, says X, of Y" has the claim as content
// when the model read the speaker's description as it; a clause after
// the speaker goes on with the claim. (When the model also takes the
// claim's last words for the source, "two or more drugs, says Brian
// Coombes", the rule does not fire: not handled yet.)
func TestInvertedContents(t *testing.T) {
	e := newExtractor(t)
	text := "Superbugs\n\nAt that point, says Dr Ann Tuffy, games could become interactive movies.\n\n" +
		"It refers to bacteria that cannot be treated using two or more, says Brian Coombes, PhD, of McMaster University in Ontario.\n\n" +
		"\"Superbugs should be a concern to everyone,\" Coombes says.\n"
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Ann Tuffy":     "At that point|games could become interactive movies",
		"Brian Coombes": "It refers to bacteria that cannot be treated using two or more",
	}
	for _, a := range x.Attributions {
		w, ok := want[a.Speaker.Name]
		if !ok || a.Cue == nil || a.Cue.Text != "says" || a.Kind == "direct" {
			continue
		}
		var got []string
		for _, c := range a.Content {
			got = append(got, c.Text)
		}
		if strings.Join(got, "|") != w {
			t.Errorf("%s: content %q, want %q", a.Speaker.Name, got, w)
		}
		delete(want, a.Speaker.Name)
	}
	for name := range want {
		t.Errorf("no \"says\" attribution for %s", name)
	}
}

// TestBalanceParens: a content that cuts a parenthesis is widened to its
// partner in the same sentence.
func TestBalanceParens(t *testing.T) {
	e := newExtractor(t)
	text := "Dividend\n\nLate on Monday, Harbour Mills said it would lift its 2004 dividend payment to 40 euro cents (£0.28; $0.52) from 30 euro cents a year earlier. \"There is a whiff of a sweetener in there,\" Ana Fell, an analyst, told reporters.\n\nAnalysts expect the airline to raise at least 9.2bn rupees ($210m; £111m) from the offering.\n"
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range x.Attributions {
		for _, c := range a.Content {
			if strings.Count(c.Text, "(") != strings.Count(c.Text, ")") {
				t.Errorf("content %q cuts a parenthesis", c.Text)
			}
		}
	}
}

// TestHeadlineColonSpeaker: the words before a headline's colon speak
// when they are a name the body uses, a person's full name or a word for
// people; a topic or a label ("Superbugs:", "Obituary:") does not, even
// when a quotation in the body opens with it.
func TestHeadlineColonSpeaker(t *testing.T) {
	e := newExtractor(t)
	body := "\n\nThe council met on Monday. Officials said the plan would cost more than expected, and Marsh told reporters the town could not pay.\n\n\"Superbugs should worry everyone,\" Marsh said.\n"
	for _, tc := range []struct {
		headline string
		speaks   bool
	}{
		{"Marsh: We Will Not Pay For The Bridge", true},
		{"Texas Mom: My Son Was Attacked At School", true},
		{"Superbugs: What They Are and How You Get Them", false},
		{"Obituary: Dame Ada Bellweather, Dancer", false},
	} {
		x, err := e.Extract(context.Background(), tc.headline+body)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, a := range x.Attributions {
			if a.Cue != nil && a.Cue.Text == ":" && a.Cue.Start < len([]rune(tc.headline)) {
				got = true
			}
		}
		if got != tc.speaks {
			t.Errorf("%q: headline attribution %v, want %v", tc.headline, got, tc.speaks)
		}
	}
}

// TestSnapQuoteEnds: a quote cut before its closing mark by the model,
// with the speaker's relative clause read as the next piece, comes out as
// the speaker's two quotes, each whole, and is printed once.
func TestSnapQuoteEnds(t *testing.T) {
	e := newExtractor(t)
	text := "Budget row\n\nMarcus Hale, the finance director, said the savings came from refinancing old bonds.\n\n" +
		"“It came out of nowhere,” said Councilwoman Dana Whitfield, who chairs the budget committee. “Nobody briefed us, and nobody asked us.”\n"
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	printed := 0
	for _, a := range x.Attributions {
		var got []string
		for _, c := range a.Content {
			got = append(got, c.Text)
			if strings.Contains(c.Text, "out of nowhere") {
				printed++
			}
		}
		if a.Speaker.Name == "Dana Whitfield" {
			if want := "“It came out of nowhere,”|“Nobody briefed us, and nobody asked us.”"; strings.Join(got, "|") != want {
				t.Errorf("content %q, want %q", got, want)
			}
		}
	}
	if printed != 1 {
		t.Errorf("the quote is printed %d times, want once", printed)
	}
}
