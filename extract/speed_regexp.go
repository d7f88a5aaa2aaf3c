package extract

import "strings"

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
