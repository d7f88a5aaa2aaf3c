package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestTrailingCueSkipsReportedName: in "X had been hurt by the row, he
// added." the name X is in what the pronoun reports, not its antecedent;
// a source before the pronoun in the same sentence still is one.
func TestTrailingCueSkipsReportedName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"reported name", "Prime Minister Dan Pell faced the press. Labour MP Tom Harwick said the minister had been trying hard. But Mr Pell had been hurt by the row, he added.", "he", 3, "Tom Harwick", claimtrail.SpeakerPerson},
		{"reported name, day after", "Prime Minister Dan Pell faced the press. Labour MP Tom Harwick said the minister had been trying hard. But Mr Pell had been hurt by the row, he said on Monday.", "he", 3, "Tom Harwick", claimtrail.SpeakerPerson},
		// near misses: a sentence that goes on after the pronoun's verb,
		// and a source named before the pronoun in its sentence
		{"sentence goes on", "Tom Harwick, the MP for Elmbridge, spoke first. When Mr Pell arrived, he said the deal was done and the talks were over.", "he", 2, "Pell", claimtrail.SpeakerPerson},
		{"source before", `Tom Harwick spoke first. Co-chairman Liam Pell mocked the event, saying: "It was bad acting." Labour had broken its promises, he said.`, "he", 1, "Liam Pell", claimtrail.SpeakerPerson},
	})
}

// TestRelativeAfterOwnedApposition: "Bradley McVay, DOS’ interim general
// counsel, who asked" is McVay, the name the description stands beside,
// even when an owner opens the description.
func TestRelativeAfterOwnedApposition(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"owner with an apostrophe", "The papers were sent on Monday by Carla Mendes, DOS’ interim general counsel, who asked that the dates be checked.", "who", 0, "Carla Mendes", claimtrail.SpeakerPerson},
		{"owner with 's", "The papers were sent on Monday by Carla Mendes, the agency's interim general counsel, who asked that the dates be checked.", "who", 0, "Carla Mendes", claimtrail.SpeakerPerson},
	})
}

// TestTheyAfterList: "they" after a list of three or more organisations
// joined by "and" is all of them, not the last one named.
func TestTheyAfterList(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"list", "The fund has sued 80 banks. Among those targeted are Bank of Arden, Vantor Group, Credit Halden and Citadel Bank. They have all denied any wrongdoing.", "They", 0, "Bank of Arden, Vantor Group, Credit Halden and Citadel Bank", claimtrail.SpeakerGroup},
	})
}
