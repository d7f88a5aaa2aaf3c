package extract

import (
	"regexp"
	"strings"
)

// citedDate and bylineAfter are tried on most quotes of an article and
// match few: the backtracking matcher on every one was 2% of the default
// mode's instructions on BBC articles. Each needs a literal at one end
// of its text, looked for first; TestRegexpGuards holds each guard to
// its pattern.

// regexpSpace is what \s matches in Go's regexp syntax.
const regexpSpace = "\t\n\f\r "

// mayBeCitedDate is false when s cannot match citedDate, which ends in
// `\)\.?\s*$`: s's last byte but \s and one full stop must be ')'.
func mayBeCitedDate(s string) bool {
	return strings.HasSuffix(strings.TrimSuffix(strings.TrimRight(s, regexpSpace), "."), ")")
}

// mayBeBylineAfter is false when s cannot match bylineAfter, which opens
// `^,?\s*by `: s past a comma and \s must open with "by ".
func mayBeBylineAfter(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(s, ","), regexpSpace), "by ")
}

// trailingReport and trailingPronounReport are asked of the last content
// piece of most indirect attributions (7,600 times over BBC politics, 8M
// instructions) and conjoinedReport of the content before a second
// source (195 times, 8.5M: 43,000 instructions a text). Each is anchored
// at the text's end by `\s*$` but not at its start, so the matcher tried
// every start in the text. A match can only start near the end, and the
// matcher is run from there: the regexp is the same, its matches in the
// tail the same as in the whole text, and their indices are shifted back
// (TestTailMatches holds each to the pattern over the whole text).

// lastCommaIndex is re.FindStringIndex(s) for trailingReport and
// trailingPronounReport: a match opens with a comma, and nothing after
// it can be one (the patterns' letters, \s, '.', '&', apostrophes and
// hyphens), so it opens at s's last comma.
func lastCommaIndex(re *regexp.Regexp, s string) []int {
	k := strings.LastIndexByte(s, ',')
	if k < 0 {
		return nil
	}
	loc := re.FindStringIndex(s[k:])
	if loc == nil {
		return nil
	}
	return []int{loc[0] + k, loc[1] + k}
}

// conjoinedReportIndex is conjoinedReport.FindStringSubmatchIndex(s).
// A match is an optional comma or \s and a dash, \s+, a conjunction and
// \s* to the end: the conjunction is s's last run of bytes that are not
// \s, the \s+ part of the run of \s before it, and the optional part at
// most four bytes before that run (a space and a three-byte dash).
func conjoinedReportIndex(s string) []int {
	t := strings.TrimRight(s, regexpSpace)
	w := strings.LastIndexAny(t, regexpSpace) + 1 // the last word's start
	if w == 0 {
		return nil // no \s before it
	}
	j := w
	for j > 0 && strings.IndexByte(regexpSpace, t[j-1]) >= 0 {
		j--
	}
	k := max(0, j-4)
	m := conjoinedReport.FindStringSubmatchIndex(s[k:])
	for i := range m {
		if m[i] >= 0 {
			m[i] += k
		}
	}
	return m
}
