package extract

import (
	"strings"
	"testing"
)

// TestInvertedSourceBeforeParticiple: a source written after "says" ends
// at the comma before a participle of saying, which reports on with the
// same source; a participle that is no report ("acting") stays in the
// source's title.
func TestInvertedSourceBeforeParticiple(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"says, saying", "Drug tests\n\nThe results were striking. “In general, the powder is pure,” says Caudera, saying that the samples have purities climbing towards 80 percent.\n", "says",
			"Caudera", "“In general, the powder is pure,”"},
		{"the participle's report", "Drug tests\n\nThe results were striking. “In general, the powder is pure,” says Caudera, saying that the samples have purities climbing towards 80 percent.\n", "saying",
			"Caudera", "that the samples have purities climbing towards 80 percent"},
		{"says, adding", "Drug tests\n\nThe results were striking. “We were surprised,” says Ann Vell, adding that the tests were blind.\n", "says",
			"Ann Vell", "“We were surprised,”"},
		// near miss: a title with a participle
		{"acting chairman", "Board\n\nThe vote was close. “We will appeal,” says Tom Reed, acting chairman of the board.\n", "says",
			"Tom Reed, acting chairman of the board", "“We will appeal,”"},
	})
}

// TestNamingParticipleAfterOwnClause: "called" after a comma that ends the
// source's own clause names the noun before it; after an aside or a
// relative clause of the source it is speech.
func TestNamingParticipleAfterOwnClause(t *testing.T) {
	for _, text := range []string{
		"Lab\n\nThe tests take a week. She loads three trays on top of a large white appliance sitting on a table, called a gas chromatograph.\n",
		"Drama\n\nThe show ended in May. Ann Vell has been working on a new drama with her husband for a cable channel, called The Long Fall Of Tom Reed.\n",
	} {
		for _, a := range extractOrFail(t, text).Attributions {
			if a.Cue != nil && a.Cue.Text == "called" {
				t.Errorf("%q: printed %+v", text, a)
			}
		}
	}
	for _, text := range []string{
		"Report\n\nThe report came out on Monday. Tom Reed, speaking at a rally in Ohio on Tuesday, called the report a hoax.\n",
		"Record\n\nThe race is close. The Harlow Courier, which is the state's third-largest daily, called Mr. Vell a war hero.\n",
	} {
		attributionWith(t, extractOrFail(t, text), "with cue called", hasCue("called"))
	}
}

// TestSourceEndsBeforePlaceOrYear: "on the Senate floor" after a source
// written after its cue, and "in 2003" before the verb, are when and
// where it spoke, not its name; a place in the name stays.
func TestSourceEndsBeforePlaceOrYear(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"on the floor", "Cloture\n\nThe vote is near. \"It had been my intention to file cloture,\" said Vell on the Senate floor on Tuesday, \"however, supporters asked for changes.\"\n", "said",
			"Vell", "\"It had been my intention to file cloture,\" / \"however, supporters asked for changes.\""},
		{"on the campaign trail", "Iowa\n\nThe polls opened. \"We will win,\" said Ann Vell on the campaign trail in Iowa.\n", "said",
			"Ann Vell", "\"We will win,\""},
		{"a year before the verb", "Census\n\nSome 8% said so. The Harlow Strategy Unit in 2003 said people from Indian backgrounds were doing well.\n", "said",
			"The Harlow Strategy Unit", "people from Indian backgrounds were doing well"},
		// near misses: a place that is part of the name
		{"the city on the river", "Floods\n\nThe river rose. \"We will cope,\" said the mayor of the city on the river.\n", "said",
			"the mayor of the city on the river", "\"We will cope,\""},
	})
}

// TestHeadlineLabelSpeaker: a headline's label loses what title case
// writes after the speaker's name ("Vell To Reed:", "Vell Speech:"); a label that opens with a gerund names a topic and no
// speaker, unless the gerund is a given name.
func TestHeadlineLabelSpeaker(t *testing.T) {
	body := "\n\nThe remarks came on Sunday. Senator Tom Vell said more would follow, and Sterling Reed agreed.\n"
	for _, tc := range []struct{ title, source string }{
		{"Vell To Reed: Put An End to the ‘Witch Hunt’", "Vell"},
		{"Vell Speech: 'The Deal Is Dead,' 'We Are Going Home'", "Vell"},
		// near miss: a name's own words stay
		{"Sterling Reed: 'We Are Going Home'", "Sterling Reed"},
	} {
		x := extractOrFail(t, tc.title+body)
		a := attributionWith(t, x, "with cue :", hasCue(":"))
		if a.Source == nil || a.Source.Text != tc.source {
			t.Errorf("%q: source %+v, want %q", tc.title, a.Source, tc.source)
		}
	}
	x := extractOrFail(t, "Understanding Vell: What you need to know about the report"+body)
	for _, a := range x.Attributions {
		if a.Cue != nil && a.Cue.Text == ":" {
			t.Errorf("a gerund's topic label printed: %+v", a)
		}
	}
}

// TestOrderedThingWithNounInfinitive: a thing ordered whose noun has its
// own infinitive ("a report on the decision to allow ...") is an act; a
// command to someone stays.
func TestOrderedThingWithNounInfinitive(t *testing.T) {
	x := extractOrFail(t, "Escape\n\nFirst Minister Ann Vell has ordered a report on the decision to allow a knife attacker to go on a visit unguarded.\n")
	for _, a := range x.Attributions {
		if a.Cue != nil && a.Cue.Text == "has ordered" {
			t.Errorf("an order of a thing printed: %+v", a)
		}
	}
	attributionWith(t, extractOrFail(t, "Strike\n\nThe strike went on. The minister ordered the doctors to return to work on Monday.\n"), "with cue ordered", hasCue("ordered"))
}

// TestThatClauseRunsPastParticiple: a that-clause cut at a comma with
// only a participle in it ("that a share sale made last year,") runs on
// to its verb; one with a verb of its own keeps its end.
func TestThatClauseRunsPastParticiple(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a participle only", "Car deal\n\nThe talks failed. However, Vexa argues that a Harlow share sale made last year, which cut Vexa's holding to 10%, together with asset sales made by Harlow have ended the deal.\n", "argues",
			"Vexa", "that a Harlow share sale made last year, which cut Vexa's holding to 10%, together with asset sales made by Harlow have ended the deal"},
		{"a finite verb", "Car deal\n\nThe talks failed. However, Vexa argues that the sale ended the deal, while Harlow disagrees.\n", "argues",
			"Vexa", "that the sale ended the deal"},
	})
}

// TestApproximatorOutOfCue: "about" or "over" before a figure belongs to
// the content, not the cue; "talked about" stays whole.
func TestApproximatorOutOfCue(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"expects about", "Bank deal\n\nThe deal closed on Monday. Harlow Chartered expects about 16% of future group revenue to come from the new bank.\n", "expects",
			"Harlow Chartered", "about 16% of future group revenue to come from the new bank"},
		// near miss: no figure after it
		{"talked about", "Bank deal\n\nThe deal closed on Monday. The chief executive talked about the risks of the deal for the group.\n", "talked about",
			"The chief executive", "the risks of the deal for the group"},
	})
}

// TestTalksAsNoun: "in talks over a new deal" is a negotiation; "Vell
// talks about the risks" is speech.
func TestTalksAsNoun(t *testing.T) {
	for _, text := range []string{
		"Contract\n\nThe club is quiet. Vell has been in talks over a new deal with the board since May.\n",
		"Trade\n\nThe US filed the complaint after talks failed to find a solution to the dispute.\n",
	} {
		for _, a := range extractOrFail(t, text).Attributions {
			if a.Cue != nil && strings.HasPrefix(a.Cue.Text, "talks") {
				t.Errorf("%q: printed %+v", text, a)
			}
		}
	}
	attributionWith(t, extractOrFail(t, "Crash\n\nThe race was cancelled. Vell talks about the risks of racing on wet roads.\n"), "with cue talks about", hasCue("talks about"))
}

// TestRelativeReportEndsAtMainCue: a report in a relative clause on the
// source of the main report ends before the main clause's cue.
func TestRelativeReportEndsAtMainCue(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"who accused", "Vell\n\nMore, from Fox News:\nThe woman who accused Minnesota Rep. Tom Vell of domestic abuse said on Monday that Democrats do not believe her story and threatened to isolate her.\n", "accused",
			"who", "Minnesota Rep. Tom Vell of domestic abuse"},
		{"the main report", "Vell\n\nMore, from Fox News:\nThe woman who accused Minnesota Rep. Tom Vell of domestic abuse said on Monday that Democrats do not believe her story and threatened to isolate her.\n", "said",
			"The woman who accused Minnesota Rep. Tom Vell of domestic abuse", "that Democrats do not believe her story and threatened to isolate her"},
	})
}

// TestQuoteAfterShortQuotedParaphrase: a quote standing alone right after
// "X described it as “very important”." goes on with X, not with a
// speaker quoted earlier through a higher-ranked channel.
func TestQuoteAfterShortQuotedParaphrase(t *testing.T) {
	x := extractOrFail(t, "Cabinet\n\nLord Vell said the government had too much freedom. The former cabinet secretary said in an interview with The Courier magazine: \"I would be critical of the present government in that there is too much central control.\" Mr Reed described Lord Vell's intervention as \"very important\". \"This is from someone who was an insider at the very heart of the government.\"\n")
	a := attributionWith(t, x, "standing alone", hasContent(func(s string) bool { return strings.HasPrefix(s, "\"This is from someone") }))
	if a.Speaker.Name != "Reed" && !strings.HasSuffix(a.Speaker.Name, " Reed") {
		t.Errorf("speaker %q, want Reed", a.Speaker.Name)
	}
}

// TestTrailingReportKeepsItsClause: "CLAIM, X added." takes the claim
// for content, not the quote in the next paragraph, which stays a quote
// of its own with the same speaker.
func TestTrailingReportKeepsItsClause(t *testing.T) {
	text := "Plague\n\nThe outbreak is growing. There is always a risk with travel that the disease will spread globally, Vell added.\n“We don’t want a situation where the disease spreads so fast it gets out of control.\nWe are talking about it spreading in days rather than weeks.”\n"
	runBoundsCases(t, []boundsCase{
		{"added", text, "added", "Vell", "There is always a risk with travel that the disease will spread globally"},
	})
	a := attributionWith(t, extractOrFail(t, text), "the next quote", hasContent(func(s string) bool { return strings.HasPrefix(s, "“We don’t want") }))
	if a.Speaker.Name != "Vell" {
		t.Errorf("the next quote's speaker %q, want Vell", a.Speaker.Name)
	}
}

// TestRelativeSourceWithoutAdverb: "which indeed say" has the source
// "which", the adverb no part of it, and speaks for the noun phrase
// before it with its owner ("Harlow's own traffic studies", not "'s own
// traffic studies").
func TestRelativeSourceWithoutAdverb(t *testing.T) {
	text := "Bridge\n\nThis runs contrary to the common view that the city is getting ready to raise taxes. However, the mayor's claims are confirmed by Harlow's own traffic studies, which indeed say that the new bridge would pay for itself. But only over time.\n"
	runBoundsCases(t, []boundsCase{
		{"which indeed", text, "say", "which", "that the new bridge would pay for itself"},
	})
	if a := attributionWith(t, extractOrFail(t, text), "with cue say", hasCue("say")); a.Speaker.Name != "Harlow's own traffic studies" {
		t.Errorf("speaker %q, want Harlow's own traffic studies", a.Speaker.Name)
	}
}

// TestQuoteBeforeSaysToMe: "“...,” Ann Vell says to me before I leave"
// gives the quote to Ann Vell, not "to me before I leave", and not the
// speaker of the quote before.
func TestQuoteBeforeSaysToMe(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"says to me", "Lab\n\n“That is always the case,” Tom Reed told me. Indeed, the review system is stable.\n\n“In the white market, they have quality control. In the dark market, it should be the same,” Ann Gil Vell says to me before I leave the lab.\n\nA week later the results arrive.\n", "says",
			"Ann Gil Vell", "“In the white market, they have quality control. In the dark market, it should be the same,”"},
	})
}

// TestOwnerThenModalLookingName: "Britain's May says" is Theresa May, the
// capitalised word after an owner's "'s" a name, not the modal "may".
func TestOwnerThenModalLookingName(t *testing.T) {
	x := extractOrFail(t, "Vote will happen, Britain’s May says\n\nPrime Minister Theresa May said on Sunday the vote would go ahead.\n")
	if a := attributionWith(t, x, "with cue says", hasCue("says")); a.Speaker.Name != "Theresa May" || a.Speaker.Kind != "person" {
		t.Errorf("speaker %+v, want the person Theresa May", a.Speaker)
	}
}

// TestTitleCaseClauseIsNoName: a title-case headline's run of capitals
// with a subject pronoun in it ("Vell Makes Promises He Can’t Keep") is a
// clause, no name: its source is the person the article names.
func TestTitleCaseClauseIsNoName(t *testing.T) {
	x := extractOrFail(t, "Vell Makes Promises He Can’t Keep, “that’s not for voters to know” Says Campaign Staff in Undercover Video\n\nThe video was released on Monday. Andrew Vell said it was edited.\n")
	for _, a := range x.Attributions {
		if strings.Contains(a.Speaker.Name, "Promises") {
			t.Errorf("a clause taken for a name: %+v", a.Speaker)
		}
	}
}

// TestHeadlineEpithetLabel: a describing label over a headline that speaks
// of no one in the first or third person ("Sore Loser: Ann Vell Ends
// Challenges") is the writer's epithet, no speaker; "Texas Mom: My Son Was
// Attacked" speaks.
func TestHeadlineEpithetLabel(t *testing.T) {
	body := "\n\nThe race ended on Friday. Ann Vell said she would not concede.\n"
	x := extractOrFail(t, "Sore Loser: Ann Vell Ends Challenges In Harlow Race - Won't Concede"+body)
	for _, a := range x.Attributions {
		if a.Cue != nil && a.Cue.Text == ":" {
			t.Errorf("an epithet label printed: %+v", a)
		}
	}
	attributionWith(t, extractOrFail(t, "Texas Mom: My Son Was Attacked For Wearing A Hat At School"+body), "with cue :", hasCue(":"))
}

// TestReplyNounWithAddressee: "His message to the chancellor was: “...”"
// is his, as "His response: “...”" is.
func TestReplyNounWithAddressee(t *testing.T) {
	x := extractOrFail(t, "Budget\n\nThe chancellor will speak on Wednesday. Sir Tom Vell said stability was all important. His message to the chancellor was: \"Please do not give it away in any form of electioneering.\"\n")
	a := attributionWith(t, x, "the message", hasContent(func(s string) bool { return strings.HasPrefix(s, "\"Please") }))
	if a.Speaker.Name != "Tom Vell" {
		t.Errorf("speaker %q, want Tom Vell", a.Speaker.Name)
	}
}

// TestQuotedNameOfPolicy: "the military's former “don't ask, don't tell”
// policy" names a policy, no quote standing alone; a sentence quoted alone
// before the next one stays.
func TestQuotedNameOfPolicy(t *testing.T) {
	x := extractOrFail(t, "Primary\n\nShe is challenging the senator. Previously, she had spoken out against the military's former \"don't ask, don't tell\" policy.\n")
	for _, a := range x.Attributions {
		if len(a.Content) > 0 && strings.Contains(a.Content[0].Text, "don't ask") {
			t.Errorf("a policy's name printed: %+v", a)
		}
	}
	y := extractOrFail(t, "Primary\n\nShe is challenging the senator, who said the plan was fair. \"We will not change the rules for anyone in this state.\" Policy experts disagreed.\n")
	attributionWith(t, y, "the quote", hasContent(func(s string) bool { return strings.Contains(s, "We will not change") }))
}

// TestItAfterNamedDocument: "The Harlow Security Bill was published on
// Tuesday. It proposes ..." is the bill's; an "It" after a sentence about
// no document stays unknown.
func TestItAfterNamedDocument(t *testing.T) {
	x := extractOrFail(t, "Terror bill\n\nMPs will vote on Wednesday. The Harlow Security Bill was published on Tuesday. It proposes \"control orders\", which would mean house arrest in the most serious cases.\n")
	if a := attributionWith(t, x, "with cue proposes", hasCue("proposes")); a.Speaker.Name != "Harlow Security Bill" {
		t.Errorf("speaker %q, want Harlow Security Bill", a.Speaker.Name)
	}
	y := extractOrFail(t, "Roads\n\nMPs will vote on Wednesday. The Harlow Ring Road was closed on Tuesday. It proposes \"control orders\", which would mean house arrest in the most serious cases.\n")
	for _, a := range y.Attributions {
		if a.Speaker.Name == "Harlow Ring Road" {
			t.Errorf("a road taken for a document: %+v", a)
		}
	}
}
