package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// attributionWith is the first attribution of x that match accepts; it
// fails the test when there is none.
func attributionWith(t *testing.T, x *claimtrail.Extraction, what string, match func(a *claimtrail.Attribution) bool) *claimtrail.Attribution {
	t.Helper()
	for i := range x.Attributions {
		if match(&x.Attributions[i]) {
			return &x.Attributions[i]
		}
	}
	t.Fatalf("no attribution %s: %+v", what, x.Attributions)
	return nil
}

// hasCue matches an attribution by its cue's words.
func hasCue(cue string) func(a *claimtrail.Attribution) bool {
	return func(a *claimtrail.Attribution) bool { return a.Cue != nil && a.Cue.Text == cue }
}

// hasContent matches an attribution with a content piece that match accepts.
func hasContent(match func(string) bool) func(a *claimtrail.Attribution) bool {
	return func(a *claimtrail.Attribution) bool {
		for _, c := range a.Content {
			if match(c.Text) {
				return true
			}
		}
		return false
	}
}

// TestContentBounds: the content of an attribution starts and stops where
// the said words do, on shapes real news writes: the people told, a cue
// set off by commas, a colon before a quotation, a report inside a clause
// of time, a dash handing over to a new report. Each row names a cue and
// the content (pieces joined by " / ") printed for it.
func TestContentBounds(t *testing.T) {
	const text = "Harbour board split over quay\n\n" +
		"Nadia Oduya, the harbour master, spoke at the port on Saturday.\n\n" +
		"Speaking with alarm, she warned a crowd of fishermen that “the quay will not survive another winter.”\n\n" +
		"Dredging, she told the Harbourton Port Users Association, is a waste of public money.\n\n" +
		"Oduya closed her written statement: “We owe the town a working harbour.”\n\n" +
		"When Councillor Brann said he had, Oduya produced the minutes of the meeting.\n\n" +
		"Councillor Brann said he wants the board to pick the right contractor -- he said he still plans to vote for the dredging.\n\n" +
		// near misses: a relative clause after "that", a comma inside a
		// report that opens its sentence, "As X wrote, ..."
		"Brann added that Harbourton, which has lost two boatyards, will need the money.\n\n" +
		"Oduya said that with the quay closed, the boats would go elsewhere.\n\n" +
		"The harbour board said in a statement to the Harbourton Gazette that the fees would stay.\n\n" +
		"The board first claimed the fees were fair, Oduya countered that “the fees are a tax on fishing.”\n\n" +
		"Brann argued the new dredger, which arrives in May, would cost too much.\n\n" +
		"The harbour master, who called the plan “a disgrace,” voted against it.\n\n" +
		"A skipper, who says the quay is unsafe, has moved his boat.\n\n" +
		"“The quay is finished,” she added.\n\n“We need a new one.”\n\n" +
		"“The fees must fall,” Brann insisted. Skipper Ken Ito echoed those sentiments: “We cannot pay them any more.”\n\n" +
		"The harbour master reported to the responding officers that the gate had been forced.\n\n" +
		"Board chairman Tom Reyes issued a statement calling the report “misleading” and claiming “the board has not changed its position on fees.”\n"
	x := extractOrFail(t, text)
	got := map[string][]string{}
	for _, a := range x.Attributions {
		if a.Cue == nil {
			continue
		}
		var parts []string
		for _, c := range a.Content {
			parts = append(parts, c.Text)
		}
		got[a.Cue.Text] = append(got[a.Cue.Text], strings.Join(parts, " / "))
	}
	for _, tc := range []struct{ name, cue, want string }{
		{"the people told are not told", "warned", "that “the quay will not survive another winter.”"},
		{"a cue set off by commas", "told", "Dredging / is a waste of public money"},
		{"a colon before a quotation", "closed", "“We owe the town a working harbour.”"},
		{"a report in a clause of time", "said", "he had"},
		{"a dash hands over", "said", "he wants the board to pick the right contractor"},
		{"the next report ends the content", "first claimed", "the fees were fair"},
		{"a relative clause's report ends with the clause", "called", "the plan “a disgrace,”"},
		{"and without quote marks", "says", "the quay is unsafe"},
		{"another speaker's quotation is not this one's", "insisted", "“The fees must fall,”"},
		{"whom it was reported to is not what was reported", "reported to", "that the gate had been forced"},
		{"a second participle of saying has its quotation", "claiming", "“the board has not changed its position on fees.”"},
		{"the words between two quotations are no quotation", "added", "“The quay is finished,” / “We need a new one.”"},
		// near misses
		{"a relative clause after that stays", "added", "that Harbourton, which has lost two boatyards, will need the money"},
		{"a comma inside the report stays", "said", "that with the quay closed, the boats would go elsewhere"},
		{"the people told after a cue's preposition", "said in a statement to", "that the fees would stay"},
		{"a relative pronoun's report goes on", "argued", "the new dredger, which arrives in May, would cost too much"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range got[tc.cue] {
				if c == tc.want {
					return
				}
			}
			t.Errorf("cue %q: contents %q, want one %q", tc.cue, got[tc.cue], tc.want)
		})
	}
}

// TestDatelineIsNoSpeaker: the place of a dateline is not who speaks in a
// participle clause; the subject after the dash is.
func TestDatelineIsNoSpeaker(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"a dash", "Harbour towns sue\n\nHARBOURTON — Two coastal towns filed the first major court challenge to harbour fees on Thursday, saying that the new fees broke the charter.\n", "Two coastal towns"},
		{"an agency", "Harbour towns sue\n\nHARBOURTON (AP) -- Two coastal towns filed the first major court challenge to harbour fees on Thursday, saying that the new fees broke the charter.\n", "Two coastal towns"},
		// near miss: no dateline
		{"no dateline", "Harbour towns sue\n\nTwo coastal towns filed a lawsuit against the port authority on Thursday, saying that the new fees broke the harbour charter.\n", "Two coastal towns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := attributionWith(t, extractOrFail(t, tc.text), `with the cue "saying"`, hasCue("saying"))
			if a.Source == nil || a.Source.Text != tc.want {
				t.Errorf("source %v, want %q", a.Source, tc.want)
			}
		})
	}
}

// TestRelativeClauseSource: a name inside the relative clause of the
// subject ("who had direct contact with Steele") does not speak; the
// subject does.
func TestRelativeClauseSource(t *testing.T) {
	const text = "Harbour chief to stay\n\nNadia Oduya met the board on Monday.\n\n" +
		"At least one board member who had direct contact with Oduya told the Harbourton Gazette that the harbour master would seek another term.\n"
	a := attributionWith(t, extractOrFail(t, text), `with the cue "told"`, hasCue("told"))
	if a.Speaker.Name == "Nadia Oduya" || a.Speaker.Name == "" {
		t.Errorf("speaker %+v, want the board member", a.Speaker)
	}
}

// TestSourceAfterQuoteWithApposition: a speaker written after a quotation
// with a long apposition before "said" is the source, not content.
func TestSourceAfterQuoteWithApposition(t *testing.T) {
	const text = "Harbour vote\n\nThe board voted on Tuesday.\n\n" +
		"“The message from Tuesday is clear — the town wants a working harbour,” Ms. Oduya, a former ferry captain elected to the board in the reform wave of 2010, said in a statement.\n"
	quoted := func(c string) bool { return strings.Contains(c, "working harbour") }
	a := attributionWith(t, extractOrFail(t, text), "holding the quotation", hasContent(quoted))
	for _, c := range a.Content {
		if quoted(c.Text) && (strings.Contains(c.Text, "ferry captain") || a.Speaker.Name == "") {
			t.Errorf("content %q, speaker %+v: want the quotation alone, spoken by Oduya", c.Text, a.Speaker)
		}
	}
}

// TestElidedRelativePronoun: a pronoun in a relative clause without its
// "that" ("around the time she said it occurred") is the one person of its
// gender named before it in the sentence, not the subject of the sentence
// before.
func TestElidedRelativePronoun(t *testing.T) {
	const text = "Harbour threat\n\nThe deputy mayor, Ms. Ann Korver, denied the account on Monday.\n\n" +
		"Two of the harbour master’s aides told investigators that Ms. Dana Whitlow had recounted the threat to them around the time she said it occurred.\n"
	a := attributionWith(t, extractOrFail(t, text), `for "she said it occurred"`,
		hasContent(func(c string) bool { return strings.HasPrefix(c, "it occurred") }))
	if a.Speaker.Name != "Dana Whitlow" {
		t.Errorf("speaker %+v, want Dana Whitlow", a.Speaker)
	}
}
