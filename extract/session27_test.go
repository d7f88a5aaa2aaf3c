package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail/resolve"
)

// TestTaggedParticipleBeforeName: with part-of-speech tags, a
// participle the sentence capitalised before a surname the article
// writes without it ("Outgoing Vane said", tagged VBG) is no verb
// opening a fragment: the source is that person; a lower-case
// participle before a name ("celebrating Obamacare") still names no one.
func TestTaggedParticipleBeforeName(t *testing.T) {
	for _, tc := range []struct{ text, source, want string }{
		{"Senators clash\n\nSenator Jeff Vane wanted an inquiry into the allegations.\n\nOutgoing Vane said he sided with his colleagues.\n",
			"Outgoing Vane", "Jeff Vane"},
		{"Health law\n\nSenator Jeff Vane spoke on Monday, celebrating Obamacare said the plan was good.\n",
			"celebrating Obamacare", ""},
	} {
		d := taggedDoc(t, tc.text)
		r := phraseRange(d, tc.text, tc.source)
		got := resolve.Resolve(d, []resolve.Mention{{Start: r.Start, End: r.End}})
		if got[0].Name != tc.want {
			t.Errorf("%q → %q (%s), want %q", tc.source, got[0].Name, got[0].Kind, tc.want)
		}
	}
}
