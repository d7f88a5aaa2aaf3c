package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestReportInLeadingConcession: a report made in a "while" or "although"
// clause that opens the sentence, also after "And" or "But", ends where
// the main clause begins, also at a comma that closes a quote and for a
// "that" clause with its own verb; a "that" clause reported in the main
// clause, after a leading clause that closed before the source, keeps
// its own comma.
func TestReportInLeadingConcession(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"after And, at a quote's comma", "Ad tracking\n\nThey fail. And while the firms claim to allow the user to opt out of \"interest-based ads,\" it's not clear that the opt-outs govern data collection itself, rather than just the use of the data.\n", "claim",
			"the firms", "to allow the user to opt out of \"interest-based ads,\""},
		{"a that clause with its verb", "Catch limits\n\nThe deal was signed in 2015. While Norway told the U.N. fisheries agency on Tuesday that it plans only to raise its catch within limits set by the 2015 deal, the announcement came with threats from a top Norwegian official that the catch could be quickly expanded.\n", "told",
			"Norway", "that it plans only to raise its catch within limits set by the 2015 deal"},
		{"after But", "Budget fight\n\nThe bill passed. But while Senator Vell says the plan cuts schools, even he admitted that his own budget trims them.\n", "says",
			"Senator Vell", "the plan cuts schools"},
		// near miss: the leading clause closed before the source
		{"clause closed before the source", "Plague\n\nCases have dropped. Since the disease can kill in hours, experts warn that since no case was seen this week, it could return.\n", "warn",
			"experts", "that since no case was seen this week, it could return"},
	})
}

// TestListOfNamesSource: a source that ends a list of names ("Qoogle,
// Vexa and Yandel said") starts at the list's first name and speaks for
// all of them, titled persons by their names and through a "They" after
// them; an office's name with its brief joins its name; a name after a
// verb or a sentence adverb is no member.
func TestListOfNamesSource(t *testing.T) {
	cases := []struct{ name, text, cue, source, speaker string }{
		{"after a time phrase", "Discs\n\nThe studios want one standard. Last month, Parawell, Univale and Warner Sisters said they were opting for the new format.\n",
			"said", "Parawell, Univale and Warner Sisters", "Parawell, Univale and Warner Sisters"},
		{"opening the sentence", "Petitions\n\nThe report is due. Harlow, Wenn and Sen. Cory Vell of New Jersey have all said the report must be released.\n",
			"have all said", "Harlow, Wenn and Sen. Cory Vell of New Jersey", "Harlow, Wenn and Sen. Cory Vell of New Jersey"},
		{"titled persons, then they", "Deal\n\nBritish Prime Minister Ann Vell, French President Luc Marrot and German Chancellor Greta Sohm issued a joint statement on Friday praising the deal.\n\nThey said the deal was the culmination of years of work.\n",
			"said", "They", "Ann Vell, Luc Marrot and Greta Sohm"},
		// near misses
		{"an office and its brief", "Allowances\n\nCarers get little. Minister for Children, Young People and Families Ann Vell said the plans were fair.\n",
			"said", "Minister for Children, Young People and Families Ann Vell", ""},
		// near misses: an object of a verb, a sentence adverb
		{"after a verb", "Awards\n\nAfter beating Ann Wine, Jamila, Nat Bedd and PJ Harv to the prize, Joss Stein said she was thrilled.\n",
			"said", "Jamila, Nat Bedd and PJ Harv to the prize, Joss Stein", "Joss Stein"},
		{"after an adverb", "Consoles\n\nThe show opens soon. However, Sonex and Nintara said they would not attend.\n",
			"said", "Sonex and Nintara", "Sonex and Nintara"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := attributionWith(t, extractOrFail(t, tc.text), "with cue "+tc.cue, hasCue(tc.cue))
			if a.Source == nil || a.Source.Text != tc.source {
				t.Errorf("source %+v, want %q", a.Source, tc.source)
			}
			if tc.speaker != "" && a.Speaker.Name != tc.speaker {
				t.Errorf("speaker %q, want %q", a.Speaker.Name, tc.speaker)
			}
		})
	}
}

// TestTrailingCueWithParticiple: "Mr Vell has failed, he claimed, saying
// ..." is not Vell's: the name is in what the pronoun reports, also when
// a participle goes on after the cue.
func TestTrailingCueWithParticiple(t *testing.T) {
	const text = "Council heading wrong way, says Lorrimer\n\nMayor Tom Vell has failed the city, council leader Dan Lorrimer has said.\n\n" +
		"\"The city is heading in the wrong direction,\" the council leader said in his new year message.\n\n" +
		"Mr Vell has failed to fix the roads, he claimed, saying he has the wrong answers.\n"
	a := attributionWith(t, extractOrFail(t, text), "with cue saying", hasCue("saying"))
	if a.Speaker.Name != "Dan Lorrimer" {
		t.Errorf("speaker %q, want Dan Lorrimer", a.Speaker.Name)
	}
}

// TestShoutedRunNamesNoOne: a paragraph written in capitals ("THEIR
// LAWYER ARGUED THAT THERE WAS ...") holds no name for a title before it
// to give, so "Their lawyer" after it stays a description.
func TestShoutedRunNamesNoOne(t *testing.T) {
	const text = "Compound case\n\nNew Mexico farm workers released on bond after charges of bias “THEIR LAWYER ARGUED THAT THERE WAS A DOUBLE STANDARD IN THE CASE BECAUSE HIS CLIENTS WERE FARMERS.\n" +
		"HE ARGUED THAT IF THEY HAD BEEN RICH, ‘WE MIGHT NOT BE HERE TODAY.’” By Ann Vell, August 13, 2018.\nFive people were charged after police raided the farm.\n" +
		"Their lawyer argued that there was a double standard in the case because his clients were farmers.\n"
	x := extractOrFail(t, text)
	a := attributionWith(t, x, "with source Their lawyer", func(a *claimtrail.Attribution) bool { return a.Source != nil && a.Source.Text == "Their lawyer" })
	if a.Speaker.Name != "lawyer" || a.Speaker.Kind != claimtrail.SpeakerDescription {
		t.Errorf("speaker %+v, want the description lawyer", a.Speaker)
	}
}

// TestAccordingToWithApposition: a trailing "according to X" is cut off
// the content also when an apposition or a relative clause on X runs on
// to the sentence's end; a clause of its own after the comma is no tail.
func TestAccordingToWithApposition(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"an apposition", "Bill\n\nThe plan moves slowly. Vell told party members this week that he believes the speaker will pass the bill this year, according to The Ledger, a political paper in Washington.\n", "told",
			"Vell", "that he believes the speaker will pass the bill this year"},
		{"a relative clause", "Letter\n\nThe letter surfaced on Friday. The woman says the incident took place at a party in 1982, according to the Courier, which claims to have obtained the letter.\n", "says",
			"The woman", "the incident took place at a party in 1982"},
	})
}

// TestMoreMannerVerbs: a verb of how words were said right after a quote
// ("huffed", "snapped", "gushed") stands for "said", also before a role
// in lower case and a name ("huffed committee member Ann Vell").
func TestMoreMannerVerbs(t *testing.T) {
	text := "Hearing\n\nThe vote was close.\n\n“It is going against everything I have seen for 44 years,” huffed committee member Ann Vell (D-Vt.).\n"
	if a := attributionWith(t, extractOrFail(t, text), "with cue huffed", hasCue("huffed")); a.Speaker.Name != "Ann Vell" {
		t.Errorf("role first: speaker %q, want Ann Vell", a.Speaker.Name)
	}
	for _, verb := range []string{"huffed", "snapped", "gushed", "growled"} {
		text := "Hearing\n\nThe vote was close.\n\n“It is going against everything I have seen for 44 years,” " + verb + " Ann Vell.\n"
		a := attributionWith(t, extractOrFail(t, text), "with cue "+verb, hasCue(verb))
		if a.Speaker.Name != "Ann Vell" {
			t.Errorf("%s: speaker %q, want Ann Vell", verb, a.Speaker.Name)
		}
	}
}

// TestCoordinatedSubjectSource: a verb of saying joined by "but" or
// "and" to a first verb that reports nothing shares the sentence's
// subject.
func TestCoordinatedSubjectSource(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"but insisted", "Vell in appeal for unity\n\nDan Vell has made an appeal for unity after reports claimed Mr Kerr went back on a pledge to stand down.\n\n" +
			"The chancellor would not comment on the reports, but insisted he would not be \"diverted or distracted\" from tackling the challenges faced by the country. His only \"motivation\" was to win, he insisted.\n", "insisted",
			"The chancellor", "he would not be \"diverted or distracted\" from tackling the challenges faced by the country"},
		{"and has said", "Abortion\n\nThe top bishop backed Dan Vell's stance on Sunday. The opposition leader supports a reduction in the legal limit from 24 weeks to 20 and has said current rules are \"tantamount to abortion on demand\".\n", "has said",
			"The opposition leader", "current rules are \"tantamount to abortion on demand\""},
	})
}

// TestPassiveHeadline: a title line's bare past form is a passive
// ("Vell ruled out of cup tie", "Act on the ruling, UK urged", "Band
// named 'best act'"): its subject spoke nothing; a present tense, or a
// past form with a name after it, is the subject's report.
func TestPassiveHeadline(t *testing.T) {
	for _, title := range []string{"Vell ruled out of cup tie", "Act on detention ruling, UK urged", "Parties warned over 'grey vote'"} {
		x := extractOrFail(t, title+"\n\nThe match is on Sunday. The club has not said more.\n")
		for _, a := range x.Attributions {
			if a.Cue != nil && a.Cue.Start < len([]rune(title)) {
				t.Errorf("%q: printed %+v", title, a)
			}
		}
	}
	for _, tc := range []struct{ title, cue string }{
		{"Tory leader urges Harry apology", "urges"},
		{"White House Asked Bill Vell to Urge Kerr to Drop Out of Race", "Asked"},
	} {
		attributionWith(t, extractOrFail(t, tc.title+"\n\nThe call came on Sunday. Aides said more would follow.\n"), "with cue "+tc.cue, hasCue(tc.cue))
	}
}
