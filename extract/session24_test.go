package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestSelfObjectParticiple: a participle cue whose object is the
// source's own pronoun ("she got comments accusing her of ...") loses
// that source and its speaker; a possessive "her" after the pronoun ("she
// said her role was") and another object ("accusing him of") keep it.
func TestSelfObjectParticiple(t *testing.T) {
	cases := []struct {
		source, cue, content string
		dropped              bool
	}{
		{"she", "accusing", "her of ruining the flag", true},
		{"He", "ordering", "him to stop repeating the claim", true},
		{"they", "branding", "them a “disgrace”", true},
		{"she", "said", "her role was simple", false},
		{"she", "accusing", "him of ruining the flag", false},
		{"she", "calling", "her own role simple", false},
	}
	for _, tc := range cases {
		a := claimtrail.Attribution{
			Source:  &claimtrail.Span{Start: 0, End: len(tc.source), Text: tc.source},
			Cue:     &claimtrail.Span{Start: 10, End: 10 + len(tc.cue), Text: tc.cue},
			Content: []claimtrail.Span{{Start: 30, End: 30 + len(tc.content), Text: tc.content}},
			Speaker: claimtrail.Speaker{Name: "Vera Lund", Kind: claimtrail.SpeakerPerson},
		}
		selfObjectParticiple(&a)
		if got := a.Source == nil && a.Speaker.Kind == claimtrail.SpeakerUnknown; got != tc.dropped {
			t.Errorf("%s %s %s: source dropped %v, want %v", tc.source, tc.cue, tc.content, got, tc.dropped)
		}
	}
}
