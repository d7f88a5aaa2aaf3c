package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/qualify"
	"github.com/claimtrail/claimtrail/resolve"
)

// TestCitedSpeakers: an outlet that reports what it cites people for
// relays their claim (speaker the cited party, according_to the outlet,
// the source span still the outlet's); a cited reason, a speaker who is
// no outlet, and an outlet citing another outlet change nothing. The
// "citing" attribution itself takes the saying's source.
func TestCitedSpeakers(t *testing.T) {
	e := newExtractor(t)
	for _, tc := range []struct {
		name, sentence   string
		cue              string // the reporting attribution's cue
		speaker, relay   string // want; relay "" for none
		citingSourceWant string // the "citing" attribution's source, "" not checked
	}{
		{"outlet citing officials", "The ministry is drafting new rules on drones, NBC News reported on Monday, citing two senior officials.",
			"reported", "two senior officials", "NBC News", "NBC News"},
		{"wire citing an anonymous person", "The bakery chain plans to close forty shops, Reuters reported, citing a person with knowledge of the matter.",
			"reported", "person with knowledge of the matter", "Reuters", "Reuters"},
		{"according to an outlet citing sources", "The harbour master will step down in May, according to the Guardian, citing government sources.",
			"according to", "government sources", "Guardian", ""},
		{"a reason is not a party", "The central bank will raise rates again next month, the Financial Times reported on Friday, citing rising prices.",
			"reported", "Financial Times", "", "the Financial Times"},
		{"a person citing a reason", "The mill will shut next year, Mayor Ellen Rudd said, citing falling demand for paper.",
			"said", "Ellen Rudd", "", "Mayor Ellen Rudd"},
		{"an outlet citing an outlet", "The talks have stalled, Axios reported, citing the Washington Post.",
			"reported", "Axios", "Washington Post", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := e.Extract(context.Background(), "Harbour news\n\n"+tc.sentence+"\n\n"+citingFrame)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			end := len([]rune("Harbour news\n\n" + tc.sentence))
			for _, a := range x.Attributions {
				if a.Cue == nil || a.Cue.Start >= end {
					continue
				}
				switch {
				case strings.EqualFold(a.Cue.Text, tc.cue):
					found = true
					for _, c := range a.Content {
						if strings.Contains(c.Text, "citing") {
							t.Errorf("content %q runs into the citing phrase", c.Text)
						}
					}
					if a.Speaker.Name != tc.speaker {
						t.Errorf("speaker %q, want %q", a.Speaker.Name, tc.speaker)
					}
					if tc.relay == "" && len(a.AccordingTo) > 0 {
						t.Errorf("according_to %q, want none", a.AccordingTo)
					}
					if tc.relay != "" && !slices.Contains(a.AccordingTo, tc.relay) {
						t.Errorf("according_to %q, want %q", a.AccordingTo, tc.relay)
					}
				case a.Cue.Text == "citing" && tc.citingSourceWant != "":
					if a.Source == nil || a.Source.Text != tc.citingSourceWant {
						t.Errorf("citing source %v, want %q", a.Source, tc.citingSourceWant)
					}
				}
			}
			if !found {
				t.Fatalf("no attribution with cue %q in %+v", tc.cue, x.Attributions)
			}
		})
	}
}

// citingFrame makes the test article reportage (more than one person
// reported saying something), as the sentences under test would stand.
const citingFrame = "“We will appeal,” said Dana Whitfield, the council leader.\n\nThe port's owner, Marco Lind, told reporters he was reviewing the decision.\n"

func TestIsMediaAndPeopleNoun(t *testing.T) {
	for name, want := range map[string]bool{"Reuters": true, "NBC News": true, "the Post": true, "Kyiv Independent": true,
		"Post": false, "Ellen Rudd": false, "the ministry": false, "International Energy Agency": false} {
		if got := qualify.IsMedia(name); got != want {
			t.Errorf("IsMedia(%q) = %v, want %v", name, got, want)
		}
	}
	for desc, want := range map[string]bool{"two senior officials": true, "person familiar with the talks": true, "government sources": true,
		"rising prices": false, "the report": false, "internal documents": false} {
		if got := resolve.PeopleNoun(desc); got != want {
			t.Errorf("PeopleNoun(%q) = %v, want %v", desc, got, want)
		}
	}
}

func TestOutletName(t *testing.T) {
	for name, want := range map[string]bool{"Haaretz": true, "AFP": true, "Miami Herald": true, "Politico": true,
		"Ellen Rudd": false, "Dawn Zimmer": false, "Grant": false, "Rudd": false} {
		if got := outletName(name); got != want {
			t.Errorf("outletName(%q) = %v, want %v", name, got, want)
		}
	}
}
