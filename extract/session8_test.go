package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestThingSource: a thing that shows something says nothing; people the
// resolver describes, counts of people and documents still speak.
func TestThingSource(t *testing.T) {
	article, err := os.ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(article)
	runExtractCases(t, []extractCase{
		{"footage", text, "waves had broken over the wall", false, "", ""},
		// near misses
		{"an office", text, "it would be free to use", true, "harbour office", claimtrail.SpeakerDescription},
		{"critics", text, "the cost will double", true, "Critics of the plan", claimtrail.SpeakerDescription},
		{"records", text, "the pier was last repaired", true, "-", ""},
		{"a count of people", text, "the fees were too high", true, "-", ""},
	})
}

// TestDateline: the place in capitals and the dash that open a story are
// no part of its first source.
func TestDateline(t *testing.T) {
	for _, tc := range []struct{ name, text, content, source string }{
		{"state after the place", "Olmos calls report a distortion\n\nSALEM, Ore. — Oregon Attorney General and U.S. Senate candidate Richard Olmos is defending himself against a report he misstated his military service.\n\nOlmos said on Tuesday that the report was wrong.\n",
			"misstated his military service", "Oregon Attorney General and U.S. Senate candidate Richard Olmos"},
		{"double hyphen", "Talks resume\n\nBEIJING -- The U.S. State Department said on Monday that talks would resume in May.\n\nThe talks broke down last year.\n",
			"talks would resume", "The U.S. State Department"},
		// near miss: a name in capitals with no dash is the source
		{"no dash", "Launch slips\n\nNASA said on Monday that the launch would slip to May.\n\nThe launch was set for March.\n", "the launch would slip", "NASA"},
	} {
		x := extractOrFail(t, tc.text)
		found := false
		for _, a := range x.Attributions {
			if len(a.Content) > 0 && strings.Contains(a.Content[0].Text, tc.content) {
				found = true
				if a.Source == nil || a.Source.Text != tc.source {
					t.Errorf("%s: source %+v, want %q", tc.name, a.Source, tc.source)
				}
			}
		}
		if !found {
			t.Errorf("%s: no attribution holds %q", tc.name, tc.content)
		}
	}
}

// TestHeadlineSpeaker: a headline's role is the person the lead names
// with that role; not a person the lead names with another one.
func TestHeadlineSpeaker(t *testing.T) {
	body := "\n\nHarbour chief Ellen Dorsey said on Tuesday that the new mooring fees were needed, and that repairs to the pier could not wait.\n\nThe fees rise by a fifth in April.\n"
	runExtractCases(t, []extractCase{
		{"role in the lead", "Harbour Chief Defends Fee Rise" + body, "Fee Rise", true, "Ellen Dorsey", claimtrail.SpeakerPerson},
		// near miss: the lead's chief is not the police's
		{"another role", "Port Chief Defends Fee Rise" + body, "Fee Rise", true, "Port Chief", claimtrail.SpeakerDescription},
	})
}

// TestHedgeCue: "X reportedly is keen" is reported by someone unnamed,
// not by X; "X reportedly told" is X's.
func TestHedgeCue(t *testing.T) {
	text := "Pier sale talks\n\nMayor Ellen Dorsey has led the harbour council since 2019. Dorsey reportedly is keen to sell the northern pier to a developer. She reportedly told aides that the pier would close in May.\n\nThe council meets on Friday.\n"
	x := extractOrFail(t, text)
	told := false
	for _, a := range x.Attributions {
		for _, c := range a.Content {
			if strings.Contains(c.Text, "keen to sell") && a.Speaker.Name != "" {
				t.Errorf("the hedged clause is given to %q", a.Speaker.Name)
			}
			if strings.Contains(c.Text, "would close in May") && a.Speaker.Name == "Ellen Dorsey" {
				told = true
			}
		}
	}
	if !told {
		t.Errorf("near miss: %q lost its speaker; got %+v", "She reportedly told", x.Attributions)
	}
}

func TestPeopleName(t *testing.T) {
	for name, want := range map[string]bool{"Republicans": true, "Democrats": true, "Britons": true,
		"Evans": false, "Williams": false, "Davis": false, "Stevens": false, "Republican": false, "Boss": false, "Bill Evans": false} {
		if got := peopleName(name); got != want {
			t.Errorf("peopleName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTrailingCue: a quote closed by "the alert advised" is the alert's,
// not the person quoted before it.
func TestTrailingCue(t *testing.T) {
	text := "Alert issued\n\nSecretary of State Mike Pompeo said on Wednesday that the incident was serious. The embassy sent a health alert to citizens in China.\n\n\"While in China, if you hear unusual sounds, do not attempt to locate their source,\" the alert advised.\n"
	runExtractCases(t, []extractCase{
		{"advised", text, "do not attempt to locate", true, "alert", claimtrail.SpeakerDescription},
		// near miss: the person's own attribution stays his
		{"said", text, "the incident was serious", true, "Mike Pompeo", claimtrail.SpeakerPerson},
	})
}

// TestTheyFromContext: "they" goes on with the people who spoke just
// before, not the organisation named last.
func TestTheyFromContext(t *testing.T) {
	text := "Harbour e-mails released\n\nThe Harbour Office released the e-mails on Friday. Opposition councillors welcomed the release of the e-mails, saying they confirmed that the office had hidden its plans. They also said the e-mails belied the mayor's insistence that nothing had changed.\n\nThe council meets on Monday.\n"
	runExtractCases(t, []extractCase{
		{"they", text, "belied the mayor", true, "Opposition councillors", ""},
		// near miss: the people's own attribution
		{"the people", text, "the office had hidden its plans", true, "Opposition councillors", ""},
	})
	// two names joined are people too
	joined := "Harbour towns sue\n\nHarbourton and Marsby said on Thursday that the new fees broke the harbour charter. They said the fishing fleet had shrunk by a third since the fees rose.\n"
	runExtractCases(t, []extractCase{
		{"they after two names", joined, "fishing fleet had shrunk", true, "Harbourton and Marsby", ""},
	})
}

// TestSameSourceSecondVerb: "X acknowledged that A and insisted that B"
// gives A to the first verb and B to the second.
func TestSameSourceSecondVerb(t *testing.T) {
	text := "Neon maker defends tubes\n\nThe first neon tubes went on sale in 1910. Georges Lamarre acknowledged at the time that neon did not produce the ideal colour for a light bulb and insisted that it posed no commercial threat to incandescent bulbs.\n\nThe tubes sold well.\n"
	x := extractOrFail(t, text)
	for _, a := range x.Attributions {
		if a.Cue == nil || !strings.Contains(a.Cue.Text, "acknowledged") {
			continue
		}
		last := a.Content[len(a.Content)-1].Text
		if strings.Contains(last, "insisted") || !strings.Contains(last, "ideal colour") {
			t.Errorf("acknowledged: content %q", last)
		}
		return
	}
	t.Errorf("no attribution with the cue %q: %+v", "acknowledged", x.Attributions)
}

// TestSecondVerbTold: after "and told" the subject is most often the
// content's own ("Martino filed ... and told none of the founders"), so
// the first content keeps it.
func TestSecondVerbTold(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"told", "Trademark row grows\n\nThe dispute began in 2014. There, Banzi claims that Martino secretly filed a trademark application in Italy in 2008 and told none of the other founders.\n\nThe case goes on.\n", "and told none of the other founders", true, "-", ""},
	})
}
