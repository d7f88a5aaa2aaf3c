package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail/segment"
)

// TestLineFrom: the line starts lineFrom gives at some tokens of a
// paragraph, each from the one before, are those of asking
// LineBreakBefore of every token (as layoutAttributions did), over
// paragraphs of one line, of several, with a line of one token and a
// dash at a line's start or end.
func TestLineFrom(t *testing.T) {
	for _, text := range []string{
		"One line — with a dash — and more.",
		"First line of the post\nsecond line — signed\n— Jane Doe\nlast line -- end",
		"a\nb\nc\nd — e\nf",
		"— Dash first\nthen text\n—",
	} {
		d := segment.Segment(text)
		for _, p := range d.Paras {
			first, last := paraTokens(d, p)
			want := make([]int, last-first)
			line := first
			for i := first; i < last; i++ {
				if i > first && d.LineBreakBefore(i) {
					line = i
				}
				want[i-first] = line
			}
			// every token, every other one, and only the last
			for _, step := range []int{1, 2, last - first} {
				line, at := first, first
				for i := first; i < last; i += step {
					line, at = lineFrom(d, line, at, i), i
					if line != want[i-first] {
						t.Errorf("%q: token %d (step %d): line starts at %d, want %d", text, i, step, line, want[i-first])
					}
				}
			}
		}
	}
}
