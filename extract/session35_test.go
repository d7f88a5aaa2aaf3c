package extract

import "testing"

// TestInvertedSourceBeforeParticiple: a source written after "says" ends
// at the comma before a participle of saying, which reports on with the
// same source; a participle that is no report ("acting") stays in the
// source's title.
func TestInvertedSourceBeforeParticiple(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"says, saying", "Drug tests\n\nThe results were striking. “In general, the powder is pure,” says Caudera, saying that the samples have purities climbing towards 80 percent.\n", "says",
			"Caudera", "“In general, the powder is pure,”"},
		{"the participle's report", "Drug tests\n\nThe results were striking. “In general, the powder is pure,” says Caudera, saying that the samples have purities climbing towards 80 percent.\n", "saying",
			"Caudera", "that the samples have purities climbing towards 80 percent"},
		{"says, adding", "Drug tests\n\nThe results were striking. “We were surprised,” says Ann Vell, adding that the tests were blind.\n", "says",
			"Ann Vell", "“We were surprised,”"},
		// near miss: a title with a participle
		{"acting chairman", "Board\n\nThe vote was close. “We will appeal,” says Tom Reed, acting chairman of the board.\n", "says",
			"Tom Reed, acting chairman of the board", "“We will appeal,”"},
	})
}
