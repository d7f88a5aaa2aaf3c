package extract

import "github.com/claimtrail/claimtrail/doc"

// layoutAttributions looks for signatures at the dashes of a paragraph,
// and a signature needs the start of the dash's line. It asked
// LineBreakBefore of every token of every paragraph to keep that start
// up to date (0.65% of the default mode's instructions over BBC
// politics), where dashes are a few an article: lineFrom works the
// start out at a dash, from the start at the dash before.

// lineFrom returns where the line holding token i starts (the last token
// k <= i after a line break, counting only k > at), given that the line
// holding token at (at <= i) starts at line.
func lineFrom(d *doc.Doc, line, at, i int) int {
	for k := i; k > at; k-- {
		if d.LineBreakBefore(k) {
			return k
		}
	}
	return line
}
