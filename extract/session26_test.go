package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// TestSubordinatorBeforeNounSource: a clause that "after" or "because"
// ends is no part of the source after it, also when the source opens with
// a common noun ("after film studio Arlen expressed concern"); a
// preposition inside a source with no clause before it stays.
func TestSubordinatorBeforeNounSource(t *testing.T) {
	runSourceTrimCases(t, trimClauseBeforeSource, []sourceTrimCase{
		{"Film cuts\n\nThe changes were being made after film studio Arlen expressed concern.\n",
			"The changes were being made after film studio Arlen", "expressed", "film studio Arlen"},
		{"Port plan\n\nThe plan was dropped because harbour workers complained.\n",
			"The plan was dropped because harbour workers", "complained", "harbour workers"},
		{"Port plan\n\nThe talks after the summit meeting complained.\n",
			"The talks after the summit meeting", "complained", "The talks after the summit meeting"},
	})
}

// sourceTrimCase is a source and cue found in text, and the source a
// rule trims it to.
type sourceTrimCase struct{ text, source, cue, want string }

// runSourceTrimCases runs trim on each case's one found report and
// checks the source it leaves.
func runSourceTrimCases(t *testing.T, trim func(*doc.Doc, []attribute.Found), cases []sourceTrimCase) {
	t.Helper()
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		found := []attribute.Found{{Source: phraseRange(d, tc.text, tc.source), Cue: phraseRange(d, tc.text, tc.cue)}}
		trim(d, found)
		if got := rangeText(d, found[0].Source); got != tc.want {
			t.Errorf("source %q, want %q", got, tc.want)
		}
	}
}

// TestProspectOfAThing: "promise" or "threaten" with an infinitive said
// of a thing is a prospect, no speech, whatever count opens it; people,
// groups and documents still promise.
func TestProspectOfAThing(t *testing.T) {
	cases := []struct {
		source, cue, content string
		want                 bool
	}{
		{"Some new battery chemistries", "promise", "to cram more power into the same space", true},
		{"The storm", "threatens", "to close the port", true},
		{"Some new battery chemistries", "promise", "that power will last", false},
		{"Some workers", "promise", "to strike again", false},
		{"The union", "has threatened", "to strike again", false},
		{"The report", "promises", "to name the culprits", false},
	}
	for _, tc := range cases {
		a := cueAndContent(tc.cue, tc.content)
		a.Source = &claimtrail.Span{Start: 0, End: len(tc.source), Text: tc.source}
		a.Speaker.Kind = claimtrail.SpeakerUnknown
		if got := thingSource(&a, true); got != tc.want {
			t.Errorf("%s %s %s: thing %v, want %v", tc.source, tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestDeclaredAct: a state or act declared into being is no claim; what
// is declared of something, a clause and quoted words stay.
func TestDeclaredAct(t *testing.T) {
	runActCases(t, declaredAct, []actCase{
		{"declared", "martial law around 10:30 p.m. Tuesday", true},
		{"has declared", "a state of emergency in the north", true},
		{"declared", "war on the rebels", true},
		{"declared", "that the port would stay open", false},
		{"declared", "the outbreak a global health emergency", false},
		{"declared", "victory", false},
		{"said", "martial law was lifted", false},
	})
}

// TestCoordinatedCueEndsContent: a report's content ends before "and"
// and a second cue of the same source in the same tense ("said his
// remarks were fair and dismissed ..."); the content's own verb after
// "and" (an auxiliary, another tense) stays in it.
func TestCoordinatedCueEndsContent(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"second report", "Mayor row\n\nThe mayor faced the assembly on Tuesday. Mr Kell said his remarks were fair and dismissed the complaint as \"a stunt\". The assembly met again.\n",
			"said", "Mr Kell", "his remarks were fair"},
		{"content's own verb", "Rates\n\nThe bank met on Tuesday. Mr Kell added that inflation fell to 3% in May and is expected to stay there until 2027. The bank met again.\n",
			"added", "Mr Kell", "that inflation fell to 3% in May and is expected to stay there until 2027"},
	})
}

// TestTimeBeforeSource: a time phrase and its comma opening a source are
// cut ("Several hours earlier, a senior official"); a number in
// apposition is no time.
func TestTimeBeforeSource(t *testing.T) {
	runSourceTrimCases(t, trimSourceOpening, []sourceTrimCase{
		{"Leak row\n\nSeveral hours earlier, a senior official pushed back.\n",
			"Several hours earlier, a senior official", "pushed", "a senior official"},
		{"Leak row\n\nA day earlier, Mr Vane had said the firms would be named.\n",
			"A day earlier, Mr Vane", "had", "Mr Vane"},
		{"Vote count\n\nLane, 44, a Democrat, has maintained that she will win.\n",
			"44, a Democrat,", "has", "44, a Democrat,"},
	})
}

// TestAddedToThing: "add to" a thing is an increase, no report; "added
// to reporters that ..." and quoted words stay.
func TestAddedToThing(t *testing.T) {
	runActCases(t, addedToThing, []actCase{
		{"further adds to", "the uncertainty surrounding the vote", true},
		{"added to", "that the vote would be close", false},
		{"added to", "“a mood of doom”", false},
		{"added", "the vote would be close", false},
	})
}

// TestColonCueBeforeNothing: a cue ending in a colon announces words
// after it; a content all before it is someone else's.
func TestColonCueBeforeNothing(t *testing.T) {
	a := cueAndContent("concludes:", "“saying nothing.”")
	if colonCueBeforeNothing(&a) {
		t.Errorf("content after the colon cue taken for content before it")
	}
	a.Content[0].Start, a.Content[0].End = 0, 5
	if !colonCueBeforeNothing(&a) {
		t.Errorf("content before a colon cue kept")
	}
}

// TestTrailingPronounReport: ", he told activists" or ", two people
// briefed on the matter have said" at the end of a reported content is
// the writer naming who speaks; a "he said" inside
// what was said, before more words, stays.
func TestTrailingPronounReport(t *testing.T) {
	cases := []struct{ content, want string }{
		{"the cuts were the equivalent of sacking every teacher, he told activists", "the cuts were the equivalent of sacking every teacher"},
		{"the plan would fail, she added", "the plan would fail"},
		{"it occurred, two people briefed on the matter have said", "it occurred"},
		{"the minister knew what he said, he told the party and the press in a long letter", "the minister knew what he said, he told the party and the press in a long letter"},
	}
	for _, tc := range cases {
		a := cueAndContent("said", tc.content)
		a.Kind = claimtrail.KindIndirect
		trimTrailingReport(&a)
		if got := a.Content[0].Text; got != tc.want {
			t.Errorf("%q: content %q, want %q", tc.content, got, tc.want)
		}
	}
}

// TestColonWordLabel: one capitalised word before a colon that the text
// writes in lower case elsewhere is a list's label; a name, a pronoun, an
// acronym and a speaking noun ("Judge:") stay.
func TestColonWordLabel(t *testing.T) {
	text := "Need: You absolutely need this item. Vell: I agree. He: no. Judge: the judge spoke. NASA: the nasa team."
	cases := []struct {
		source string
		want   bool
	}{
		{"Need", true},
		{"Vell", false},
		{"He", false},
		{"Judge", false},
		{"NASA", false},
	}
	for _, tc := range cases {
		a := cueAndContent(":", "what follows")
		a.Source = &claimtrail.Span{Start: 0, End: len(tc.source), Text: tc.source}
		if got := colonWordLabel(text, func(i int) int { return i }, &a); got != tc.want {
			t.Errorf("%s: label %v, want %v", tc.source, got, tc.want)
		}
	}
}

// TestThisPostIsTheWriter: a blog's "This post explains" is its writer's
// voice; "this report" is a document that says something.
func TestThisPostIsTheWriter(t *testing.T) {
	for src, want := range map[string]bool{"This post": true, "this piece": true, "you": true, "this report": false, "The post": false} {
		if got := writerVoice(src); got != want {
			t.Errorf("writerVoice(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestRelativeThatContent: "that" and a verb after a thing the cue acts
// on open a relative clause about the thing, no report; "told reporters
// that ..." stays a report.
func TestRelativeThatContent(t *testing.T) {
	cases := []struct {
		text, cue string
		want      bool
	}{
		{"Chaos\n\nFew recall how Vell and Gille wrote the specific programs that revealed the signatures of chaos.\n", "wrote", false},
		{"Chaos\n\nMr Vell told reporters that the programs revealed the signatures of chaos.\n", "told", true},
	}
	for _, tc := range cases {
		found := false
		for _, a := range extractOrFail(t, tc.text).Attributions {
			if a.Cue != nil && a.Cue.Text == tc.cue && len(a.Content) > 0 && strings.HasPrefix(a.Content[0].Text, "that") {
				found = true
			}
		}
		if found != tc.want {
			t.Errorf("%q: report with cue %q found %v, want %v", tc.text, tc.cue, found, tc.want)
		}
	}
}

// TestDropRestatedReports: "He added that X, he said" keeps the inner
// report only; an outer report whose cue comes first ("Trump said he has
// doubts") and one by another speaker stay.
func TestDropRestatedReports(t *testing.T) {
	span := func(s, e int) *claimtrail.Span { return &claimtrail.Span{Start: s, End: e} }
	// "He added that the pipes froze, he said."
	inner := claimtrail.Attribution{Source: span(0, 2), Cue: span(3, 8), Content: []claimtrail.Span{{Start: 9, End: 29}}, Speaker: claimtrail.Speaker{Name: "Ian Vell"}}
	outer := claimtrail.Attribution{Source: span(31, 33), Cue: span(34, 38), Content: []claimtrail.Span{{Start: 0, End: 29}}, Speaker: claimtrail.Speaker{Name: "Ian Vell"}}
	if got := dropRestatedReports([]claimtrail.Attribution{inner, outer}); len(got) != 1 || got[0].Cue.Start != 3 {
		t.Errorf("restated report kept: %d left", len(got))
	}
	other := outer
	other.Speaker.Name = "Jo Kell"
	if got := dropRestatedReports([]claimtrail.Attribution{inner, other}); len(got) != 2 {
		t.Errorf("another speaker's report dropped")
	}
	// "Vell said he has doubts": the outer cue comes first
	first := claimtrail.Attribution{Source: span(0, 4), Cue: span(5, 9), Content: []claimtrail.Span{{Start: 10, End: 30}}, Speaker: claimtrail.Speaker{Name: "Ian Vell"}}
	nested := claimtrail.Attribution{Source: span(10, 12), Cue: span(13, 22), Content: []claimtrail.Span{{Start: 23, End: 30}}, Speaker: claimtrail.Speaker{Name: "Ian Vell"}}
	if got := dropRestatedReports([]claimtrail.Attribution{first, nested}); len(got) != 2 {
		t.Errorf("a report with its cue first dropped")
	}
}

// TestRelativeClauseEndsAtMainVerb: a report in a relative clause whose
// source ends "who" ends where the main clause resumes, also after an
// adverb ("who warned ..., nevertheless voted").
func TestRelativeClauseEndsAtMainVerb(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"adverb", "Debt vote\n\nThe bill passed on Friday. Senator Ann Vell, an Ohio Republican who warned that the debt was dangerous, nevertheless voted for the bill.\n",
			"warned", "Senator Ann Vell, an Ohio Republican who", "that the debt was dangerous"},
	})
}

// TestAppositiveSource: "CLAIM, the source, who said ..., told Reuters"
// read with the claim's subject speaking is turned round.
func TestAppositiveSource(t *testing.T) {
	text := "Coup\n\nThe two figures are ministers who fled to the compound after the coup, the source, who said he had spoken to people inside, told Reuters.\n"
	d := taggedDoc(t, text)
	piece := phraseRange(d, text, "the source, who said he had spoken to people inside")
	found := []attribute.Found{{Source: phraseRange(d, text, "The two figures"), Cue: phraseRange(d, text, "told"), Content: piece, Pieces: []attribute.Range{piece}}}
	swapAppositiveSource(d, found)
	if got := rangeText(d, found[0].Source); got != "the source, who said he had spoken to people inside" {
		t.Errorf("source %q", got)
	}
	if got := rangeText(d, found[0].Pieces[0]); got != "The two figures are ministers who fled to the compound after the coup" {
		t.Errorf("content %q", got)
	}
}

// TestAccordingToInRelative: "according to X" inside a relative clause
// is said of that clause; after the sentence's comma it is said of it all.
func TestAccordingToInRelative(t *testing.T) {
	cases := []struct{ text, piece, source, want string }{
		{"Music\n\nShe said competition between music services, of which there are now 230 according to recent figures, could help.\n",
			"She said competition between music services, of which there are now 230", "recent figures", "there are now 230"},
		{"Games\n\nThe machine may be shown at the fair, which takes place in May, according to a report.\n",
			"The machine may be shown at the fair, which takes place in May", "a report", "The machine may be shown at the fair, which takes place in May"},
	}
	for _, tc := range cases {
		d := taggedDoc(t, tc.text)
		piece := phraseRange(d, tc.text, tc.piece)
		cue := attribute.Range{Start: piece.End, End: piece.End + 2}
		if d.Tokens[cue.Start].Text == "," {
			cue = attribute.Range{Start: piece.End + 1, End: piece.End + 3}
		}
		found := []attribute.Found{{Source: phraseRange(d, tc.text, tc.source), Cue: cue, Content: piece, Pieces: []attribute.Range{piece}}}
		accordingToInRelative(d, found)
		if got := rangeText(d, found[0].Pieces[0]); got != tc.want {
			t.Errorf("content %q, want %q", got, tc.want)
		}
	}
}

// TestObjectThenRecipient: a cue ending in its object noun with only
// whom it went to for content gives no words; "admits to" and "vows to
// kick" stay.
func TestObjectThenRecipient(t *testing.T) {
	runActCases(t, objectThenRecipient, []actCase{
		{"pledges unity", "to Labour MPs", true},
		{"admits", "to Balco drugs link", false},
		{"Vows", "to Kick CNN’s Acosta", false},
		{"pledges unity", "that the party will win", false},
	})
}

// TestTimeOnlyContent: a content that is only a time gives no words; a
// clause with a time in it stays.
func TestTimeOnlyContent(t *testing.T) {
	runActCases(t, timeOnlyContent, []actCase{
		{"said", "on Monday", true},
		{"reported", "that night", true},
		{"said", "that night was the worst", false},
		{"said", "“on Monday”", false},
	})
}

// TestSubordinateClauseEnd: a report in a clause that "When" opens ends
// where the main clause begins; a "that" clause with a fronted phrase
// runs on.
func TestSubordinateClauseEnd(t *testing.T) {
	text := "Book\n\nWhen Mr Vell told the crowd how much he loved the book, the audience cheered loudly.\n"
	d := taggedDoc(t, text)
	piece := phraseRange(d, text, "how much he loved the book, the audience cheered loudly")
	found := []attribute.Found{{Source: phraseRange(d, text, "Mr Vell"), Cue: phraseRange(d, text, "told"), Content: piece, Pieces: []attribute.Range{piece}}}
	subordinateClauseEnd(d, found)
	if got := rangeText(d, found[0].Pieces[0]); got != "how much he loved the book" {
		t.Errorf("content %q", got)
	}
	text = "Limits\n\nWhen asked, Ms Lane said that despite the limits, anyone can buy more.\n"
	d = taggedDoc(t, text)
	piece = phraseRange(d, text, "that despite the limits, anyone can buy more")
	found = []attribute.Found{{Source: phraseRange(d, text, "Ms Lane"), Cue: phraseRange(d, text, "said"), Content: piece, Pieces: []attribute.Range{piece}}}
	subordinateClauseEnd(d, found)
	if got := rangeText(d, found[0].Pieces[0]); got != "that despite the limits, anyone can buy more" {
		t.Errorf("content %q", got)
	}
}

// TestSourceAfterQuote: a "said" after a quote and a comma with no
// source found takes the name after it to the sentence's end.
func TestSourceAfterQuote(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"long name", "Vote upset\n\nThe leader lost on Tuesday.\n\n“There are some very angry voters out there, and Ann became part of that,” said former Representative Thomas M. Vell III, an Ohio Republican. “She was the only target they had. And it sends a chill through the party.”\n",
			"said", "former Representative Thomas M. Vell III, an Ohio Republican", "“There are some very angry voters out there, and Ann became part of that,” / “She was the only target they had. And it sends a chill through the party.”"},
	})
}
