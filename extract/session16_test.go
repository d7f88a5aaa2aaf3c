package extract

import "testing"

// TestSubjectAfterShortColonOpener: a name after a short opening phrase
// and a colon is its sentence's subject ("Small wonder: Darrow, who
// ..."), so "his ... he claimed" after it goes back to that name, not to
// one named inside its relative clause.
func TestSubjectAfterShortColonOpener(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "colon opener", text: "Letter\n\nA retired priest, one Evrard Darrow, who left the order, tried to cast doubt on the letter.\nThe letter was the account of the future Pope Gregory XX.\nSmall wonder: Darrow, who died in 2014 at the age of 90, belonged to the “open door” circle that none other than Pope Gregory XX had condemned, as I note here.\nHis attempt to discredit the letter rested on what he claimed were errors in the account.\n",
			content: "were errors", want: true, speaker: "Evrard Darrow"},
	})
}
