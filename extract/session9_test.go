package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

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

// TestHeadlineLabel: a label or a place before a headline's colon is no
// speaker; a person the story quotes, or a person described, is.
func TestHeadlineLabel(t *testing.T) {
	body := "\n\nThe port authority in Harbourton voted on Monday to close the eastern quay. Harbour master Nadia Oduya said the quay would reopen in March.\n"
	for _, tc := range []struct {
		name, title, content string
		want                 bool
	}{
		{"a label in capitals", "SPECIAL REPORT: Harbour board hid the true costs", "hid the true costs", false},
		{"a place", "Harbourton: Eastern quay will close for the winter", "close for the winter", false},
		// near misses
		{"a person the story quotes", "Nadia Oduya: the quay will reopen in March", "the quay will reopen", true},
		{"a topic headline", "Oduya defends quay closure plan", "quay closure plan", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := extractOrFail(t, tc.title+body)
			found := false
			for _, a := range x.Attributions {
				for _, c := range a.Content {
					found = found || strings.Contains(c.Text, tc.content)
				}
			}
			if found != tc.want {
				t.Errorf("%q: printed %v, want %v (%d attributions)", tc.title, found, tc.want, len(x.Attributions))
			}
		})
	}
}

// TestColonLeadByOther: a quote after a colon that brings in someone
// unnamed is not the speaker's of the paragraph before.
func TestColonLeadByOther(t *testing.T) {
	const text = "Quay meeting\n\n" +
		"The Harbour Board said on Friday that the dredging would start in May.\n\n" +
		"“We will reopen the quay in March,” Harbour master Nadia Oduya said at the meeting. “The repairs are on time.”\n\n" +
		"Then a question came from a member of the audience: “Who pays for the dredging this time?”\n\n" +
		"Her answer was short: “The port does, as always.”\n"
	runExtractCases(t, []extractCase{
		{"someone unnamed", text, "Who pays for the dredging", true, "", claimtrail.SpeakerUnknown},
		// near miss: the speaker's own answer
		{"the speaker goes on", text, "The port does", true, "Nadia Oduya", claimtrail.SpeakerPerson},
	})
}

// TestImaginedQuestion: on a page that reports nobody's speech, a
// question in quote marks nobody asks is the writer's own; a quoted
// remark stays.
func TestImaginedQuestion(t *testing.T) {
	const text = "How to pack for a week at sea\n\n" +
		"Before you fold a single shirt, stand at the open wardrobe for a minute.\n\n" +
		"“Will I wear this twice on a boat?”\n\n" +
		"If the answer is no, leave it at home.\n\n" +
		"Pack light layers in a soft bag. Hard cases do not fit in a cabin locker.\n\n" +
		"“Pack half of what you think you need,” is the oldest advice on any quay.\n"
	runExtractCases(t, []extractCase{
		{"an imagined question", text, "Will I wear this twice", false, "", ""},
	})
}

// TestThingSourceHead: in the statements view a source whose head noun
// is a thing says nothing, whatever name follows it; the stances view
// keeps PolNeAR's reading (a capitalised word anywhere may name someone).
func TestThingSourceHead(t *testing.T) {
	for _, tc := range []struct {
		source           string
		statements, both bool
	}{
		{"The timing of the PortBook outage", true, false},
		{"The pattern of traffic to the PortBook website", true, false},
		{"The photo", true, true},
		// near misses: people, documents, names
		{"The board of Harbourton Port", false, false},
		{"A report by the Harbour Board", false, false},
		{"Harbourton Port", false, false},
	} {
		a := claimtrail.Attribution{
			Source:  &claimtrail.Span{Text: tc.source},
			Cue:     &claimtrail.Span{Text: "suggests"},
			Content: []claimtrail.Span{{Text: "that the outage was not caused by an attack"}},
			Speaker: claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown},
		}
		if got := thingSource(&a, true); got != tc.statements {
			t.Errorf("statements view: thingSource(%q) = %v, want %v", tc.source, got, tc.statements)
		}
		if got := thingSource(&a, false); got != tc.both {
			t.Errorf("stances view: thingSource(%q) = %v, want %v", tc.source, got, tc.both)
		}
	}
}

// TestReferenceEntryReadsAShortLine: the reference-line rule reads at most
// refLine bytes around a quote, so that a page of quotes on one long line
// stays linear: a caret opening a line that long is no reference's.
func TestReferenceEntryReadsAShortLine(t *testing.T) {
	for _, tc := range []struct {
		name, before string
		want         bool
	}{
		{"a reference", "^ Lee, Ann (8 April 2014). ", true},
		{"a caret too far back", "^ " + strings.Repeat("word ", 2*refLine/5), false},
	} {
		text := "Title\n\n" + tc.before + "“The port will close.” harbour.org.\n"
		start := utf8.RuneCountInString(text[:strings.Index(text, "“")])
		a := claimtrail.Attribution{Content: []claimtrail.Span{{Start: start, End: start + 22, Text: "“The port will close.”"}}}
		byteOf := func(cp int) int {
			n := 0
			for b := range text {
				if n == cp {
					return b
				}
				n++
			}
			return len(text)
		}
		if got := referenceEntry(text, byteOf, &a); got != tc.want {
			t.Errorf("%s: referenceEntry = %v, want %v", tc.name, got, tc.want)
		}
	}
}
