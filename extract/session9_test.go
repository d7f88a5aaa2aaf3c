package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestMidSentenceQuote: words quoted inside a sentence of the writer's own
// (from a law, a song, a sign) get no speaker from the paragraphs before;
// a quote that opens its sentence, or follows its speaker's cue, keeps it.
func TestMidSentenceQuote(t *testing.T) {
	const text = "Harbour chief cleared\n\n" +
		"“We followed every rule we had,” said Nadia Oduya, the harbour master, on Monday. “Nobody was ever turned away.”\n\n" +
		"The harbour code makes it an offence for anyone “who moors a vessel without a permit or pays a fee to avoid one.” It is also an offence to use “an official position to wave a vessel through.”\n\n" +
		"“There was never a permit sold under my watch, not one.”\n\n" +
		"Oduya stated, “the board had every record it asked for and more besides.”\n"
	runExtractCases(t, []extractCase{
		{"a law quoted mid-sentence", text, "who moors a vessel", true, "", claimtrail.SpeakerUnknown},
		{"a law quoted after the writer's words", text, "an official position", true, "", claimtrail.SpeakerUnknown},
		// near misses
		{"a quote opening its paragraph", text, "never a permit sold", true, "Nadia Oduya", claimtrail.SpeakerPerson},
		{"a quote opening its sentence", text, "Nobody was ever turned away", true, "Nadia Oduya", claimtrail.SpeakerPerson},
		{"after a found cue", text, "every record it asked for", true, "Nadia Oduya", claimtrail.SpeakerPerson},
	})
}
