package extract

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// dropNonStatements removes quote-mark regions that have no cue and are
// not statements: scare quotes of one to three words, and headings (a
// short line of its own with no closing sentence punctuation). Without a
// cue such regions only get a speaker from context, and the audit of real
// pages found those speakers wrong; dropping is preferred to printing a
// wrong attribution. Attributions with a cue are never touched.
func dropNonStatements(text string, atts []claimtrail.Attribution) []claimtrail.Attribution {
	out := atts[:0]
	for _, a := range atts {
		if !hasFlag(a.Flags, "no-cue") || a.Cue != nil || len(a.Content) == 0 {
			out = append(out, a)
			continue
		}
		words := 0
		for _, c := range a.Content {
			words += len(strings.Fields(c.Text))
		}
		if words <= 3 || isHeading(text, a.Content) {
			continue
		}
		out = append(out, a)
	}
	return out
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// isHeading reports whether a single-piece content stands on a line of its
// own (only quote marks and spaces around it) and reads as a title: at most
// twelve words and no closing sentence punctuation.
func isHeading(text string, content []claimtrail.Span) bool {
	if len(content) != 1 {
		return false
	}
	c := content[0]
	rs := []rune(text)
	// the first line is the article title, whose quotes headlineQuotes owns
	if first := strings.IndexRune(text, '\n'); first < 0 || c.Start <= len([]rune(text[:first])) {
		return false
	}
	if c.Start < 0 || c.End > len(rs) || c.Start >= c.End {
		return false
	}
	lineEdge := func(i, step int) bool {
		for ; i >= 0 && i < len(rs); i += step {
			r := rs[i]
			if r == '\n' {
				return true
			}
			if !unicode.IsSpace(r) && !unicode.Is(unicode.Pi, r) && !unicode.Is(unicode.Pf, r) && r != '"' && r != '\'' {
				return false
			}
		}
		return true
	}
	if !lineEdge(c.Start-1, -1) || !lineEdge(c.End, 1) {
		return false
	}
	t := strings.TrimSpace(c.Text)
	if len(strings.Fields(t)) > 12 {
		return false
	}
	return !strings.ContainsAny(t[len(t)-1:], ".!?…")
}
