package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestOfficeHolderNamedLater: "the home secretary" is the person written
// with those words right before the name later in the article, not the
// story's subject named just before; another office ending in the same
// words ("Shadow home secretary") is not that office.
func TestOfficeHolderNamedLater(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"later", "Camp claims\n\nMr Okafor, 32, from Leeds, said he was held for months. The home secretary said he would not be launching an investigation. Mr Okafor was released in January. And Home Secretary Charles Vane told the BBC: \"I am not organising an inquiry.\"",
			"The home secretary", 0, "Charles Vane", claimtrail.SpeakerPerson},
		{"shadow", "Murder review\n\nDavid Kell has apologised to MPs over the review. The home secretary confirmed the review was to get under way. Shadow home secretary Peter Marsh said it was a mess.",
			"The home secretary", 0, "David Kell", claimtrail.SpeakerPerson},
	})
}

// TestCapitalisedParticipleIsNoName: a participle that opens the
// sentence before a surname ("Outgoing Flake said") is no part of the
// name when the article writes the surname without it; a body's name
// that starts so ("United Nations") keeps its first word.
func TestCapitalisedParticipleIsNoName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"outgoing", "Senators clash\n\nSenator Jeff Vane wanted an inquiry into the allegations.\n\nOutgoing Vane said that he sided with his colleagues.",
			"Outgoing Vane", 0, "Jeff Vane", claimtrail.SpeakerPerson},
		{"troubled", "Broker probe\n\nTroubled Kellmarsh has said it is co-operating fully. Kellmarsh is also the focus of an inquiry.",
			"Kellmarsh", 0, "Kellmarsh", ""},
		{"united", "Aid row\n\nUnited Nations officials said aid was late. The United Nations said more was needed.",
			"The United Nations", 0, "United Nations", ""},
	})
}

// TestWeekdayPaper: "the Sunday Times" is a newspaper of that name, not
// the Times on a Sunday; a weekday before another name still goes.
func TestWeekdayPaper(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"paper", "Bid row\n\nInvestors are unhappy with the bid. The Sunday Times reported that funds were planning to act.",
			"The Sunday Times", 0, "Sunday Times", claimtrail.SpeakerOrganization},
		{"weekday", "Bid row\n\nInvestors are unhappy with the bid. On Sunday Jane Kell said that funds were planning to act.",
			"Jane Kell", 0, "Jane Kell", claimtrail.SpeakerPerson},
	})
}

// TestShortenedBody: "the Bank" after "the Bank of England" is that
// bank, "the Commission" after "The European Commission" that
// commission; with two banks named it stays as written.
func TestShortenedBody(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"bank", "Rates held\n\nThe Bank of England has kept interest rates on hold. The Bank said inflation was under control.",
			"The Bank", 1, "Bank of England", claimtrail.SpeakerOrganization},
		{"commission", "Roaming fees\n\nThe European Commission has written to the operators. In a statement the Commission said consumers were overcharged.",
			"the Commission", 0, "European Commission", claimtrail.SpeakerOrganization},
		{"two banks", "Rates held\n\nThe Bank of England and the World Bank met on Monday. The Bank said inflation was under control.",
			"The Bank", 1, "Bank", claimtrail.SpeakerOrganization},
	})
}

// TestHeadOfGovernmentNamedThroughout: "the prime minister" is the
// person the story names throughout, not the one quoted once just
// before, nor the one in its own sentence ("told Mr Kell").
func TestHeadOfGovernmentNamedThroughout(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"throughout", "Vane denies rift\n\nTony Vane has denied a rift with Gordon Kell. Mr Vane told MPs the party was united. Mr Vane said the book was wrong. Mr Kell said nothing. Mr Vane later met union leaders. Labour's Paul Marsh said the pair had a scorching from MPs. The book claims the prime minister told Mr Kell he would stand down.",
			"the prime minister", 0, "Tony Vane", claimtrail.SpeakerPerson},
	})
}

// TestWorksAreNoOne: "he" after a list of films someone worked on is that
// someone, not a film's title ("Indiana Vane" in the list), nor a title
// that opens with a gerund ("Finding Kell").
func TestWorksAreNoOne(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"works", "High definition\n\nFor Rick Marsh, director of content at a digital company, the future is bright. He has worked on the Star Wars DVD trilogy, Finding Kell, The Incredibles and Indiana Vane. \"It was a time of change,\" he told the BBC.",
			"he", 3, "Rick Marsh", claimtrail.SpeakerPerson},
	})
	if !gerundTitle("Finding Kell") || gerundTitle("Jing Kell") || gerundTitle("Finding") {
		t.Errorf("gerundTitle: a title in -ing is a work's, a short word is no title, a word alone is no title")
	}
}
