package extract

import (
	"regexp"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// itFromNamedDocument gives a source "it" that no rule resolved the
// document the sentence before opens with by name ("The Prevention of
// Terrorism Bill was published on Tuesday. It proposes “control orders”"):
// a bill, an act, a report or a treaty says what it proposes, and "it" can
// mean nothing else there. Only right after that sentence.
func itFromNamedDocument(text string, byteOf func(int) int, a *claimtrail.Attribution) {
	if a.Source == nil || a.Speaker.Name != "" || !strings.EqualFold(a.Source.Text, "it") {
		return
	}
	at := byteOf(a.Source.Start)
	if at <= 0 || at > len(text) {
		return
	}
	before := strings.TrimRight(text[max(0, at-400):at], " \t")
	if !strings.HasSuffix(before, ".") {
		return // "It" must open the sentence after the document's
	}
	start := strings.LastIndexAny(before[:len(before)-1], ".!?\n") + 1
	m := namedDocument.FindStringSubmatch(strings.TrimLeft(before[start:], " \t\r\n"))
	if m == nil {
		return
	}
	a.Speaker = claimtrail.Speaker{Name: m[1], Kind: claimtrail.SpeakerDescription}
	a.Flags = append(a.Flags, "speaker-from-context")
}

// namedDocument matches a sentence that opens with a document's name.
var namedDocument = regexp.MustCompile(`^The ((?:[A-Z][\w'’-]*,? (?:(?:of|for|and|on|the) )*){1,6}(?:Bill|Act|Report|Review|Treaty|Agreement|Charter|Directive|White Paper|Green Paper|Plan|Strategy|Code))\b`)
