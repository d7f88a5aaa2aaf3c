package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestWordlessContent: a content of punctuation alone (the model stopped
// at the dash of an aside) is no statement; the words after the aside
// keep their own attribution.
func TestWordlessContent(t *testing.T) {
	const story = "Recordings described\n\n" +
		"Greek officials have described — but have not released — what they say are recordings that show the driver was beaten inside the station.\n\n" +
		"And what did these Orders say? The Orders said that the guards must obey the captain.\n"
	runExtractCases(t, []extractCase{
		{name: "dash", text: story, content: "—", want: false},
		{name: "question mark", text: story, content: "?", want: false},
		{name: "after the aside", text: story, content: "recordings that show the driver", want: true, speaker: "-"},
	})
}

// TestQuoteAfterSentenceTail: a quote standing alone right after the
// sentence of another quote's "said X ..." goes on with X, though the
// sentence runs on after the name and an earlier line holds a tweet's
// signature (a channel, which ranks high) in the same paragraph.
func TestQuoteAfterSentenceTail(t *testing.T) {
	const story = "Note found in the gunman's room\n\n" +
		"The police have not said what the note says.\n" +
		"The note was hidden.\n" +
		"pic.twitter.com/abc123 — Lena Fisk (@lenafisk) October 3, 2017\n" +
		"Detectives described the note on Friday.\n" +
		"“He had written the distance to the crowd,” said Officer Marco Diaz from the Ridgefield Police in a preview clip of Sunday’s report.\n" +
		"“It was a map,” said Officer Ann Cole of the city police, speaking on Friday night.\n" +
		"“So he knew where to aim from there.”\n" +
		"The report airs on Sunday.\n"
	const nested = "Senator says hiring broke the law\n\n" +
		"Senator Paul Varga of Ohio said the interactions described by the White House “represent an illegal deal,” even if the job was unpaid. “It is clear that this conduct breaks the pledge the mayor made.”\n"
	runExtractCases(t, []extractCase{
		{name: "after the tail", text: story, content: "So he knew where to aim", want: true, speaker: "Ann Cole"},
		{name: "not the nested one", text: nested, content: "It is clear that this conduct", want: true, speaker: "Paul Varga"},
	})
}

// TestIndustryBodyAndCompanyIt: a name ending "Industry" is a body, not
// a person; "it" after a company the entity tagger missed ("The ... Corp
// could now face a fine. Last week, it denied ...") is that company.
func TestIndustryBodyAndCompanyIt(t *testing.T) {
	const story = "Ferry firm fined\n\n" +
		"Ticket sales rose to 312,000 last week, according to the Nordic Phonographic Industry.\n\n" +
		"The Baltic Ferry Project Corp could now face a fine of up to 200,000 euros. Last week, it denied that its ships broke the rules. \"We have always obeyed the law,\" it said.\n"
	runExtractCases(t, []extractCase{
		{name: "industry body", text: story, content: "Ticket sales rose", want: true, speaker: "Nordic Phonographic Industry", kind: claimtrail.SpeakerOrganization},
		{name: "company it", text: story, content: "its ships broke the rules", want: true, speaker: "Baltic Ferry Project Corp", kind: claimtrail.SpeakerOrganization},
		{name: "company it quoted", text: story, content: "always obeyed the law", want: true, speaker: "Baltic Ferry Project Corp", kind: claimtrail.SpeakerOrganization},
	})
}

// TestOfficeOfBody: "the chairman of X" with no name is the person the
// article names with that office, else the office as a description, not
// the body.
func TestOfficeOfBody(t *testing.T) {
	const named = "Rates to rise\n\nCentral bank governor Mervyn Cole said rates would rise in the spring. The governor of the central bank added that prices rose faster than wages.\n"
	const unnamed = "Budget vote\n\nThe Chairman of the Finance Committee said the bill would pass on Friday.\n"
	runExtractCases(t, []extractCase{
		{name: "named", text: named, content: "prices rose faster", want: true, speaker: "Mervyn Cole", kind: claimtrail.SpeakerPerson},
		{name: "unnamed", text: unnamed, content: "the bill would pass", want: true, speaker: "Chairman of the Finance Committee", kind: claimtrail.SpeakerDescription},
	})
}

// TestTitleAfterBodyWithFor: "Commission for Racial Equality chairman
// Trevor Phillips" is the chairman, the "for" being part of the body's
// name, not a preposition before the title.
func TestTitleAfterBodyWithFor(t *testing.T) {
	const story = "Race row\n\nCommission for Fair Housing chairman Derek Amos said the remarks were unwise.\n"
	runExtractCases(t, []extractCase{
		{name: "for in the body", text: story, content: "the remarks were unwise", want: true, speaker: "Derek Amos", kind: claimtrail.SpeakerPerson},
	})
}

// TestPronounAfterLeadingClause: "he" in the sentence after "But as X
// criticises ..., Y has been ..." goes on with Y, the main clause's
// subject, not X, who spoke in the clause before it.
func TestPronounAfterLeadingClause(t *testing.T) {
	const story = "Old ideas\n\nNovelist Fred Marsh says the state has grown too strong.\n\nThomas Hale would be smiling in his grave at these plans. Like the party, he called himself a liberal. Like the party, he believed he served the people. " +
		"But as Marsh criticises this government, Hale has been criticised by later thinkers for his views. Simply put, he argued that man should give up all other liberties.\n"
	runExtractCases(t, []extractCase{
		{name: "main subject", text: story, content: "man should give up", want: true, speaker: "Thomas Hale"},
	})
}

// TestOutletBeforeDescription: "The Harbour Post, a Bridgeport newspaper
// that is ..., described" is the Post's, the model having chosen the
// description for the source.
func TestOutletBeforeDescription(t *testing.T) {
	const story = "Record questioned\n\nOn May 26, 2009, The Harbour Post, a Bridgeport newspaper that is the state's third-largest daily, described Mr. Vance as “a Vietnam veteran.” Mr. Vance served in the reserves.\n"
	runExtractCases(t, []extractCase{
		{name: "outlet", text: story, content: "a Vietnam veteran", want: true, speaker: "Harbour Post", kind: claimtrail.SpeakerOrganization},
	})
}

// TestSubjectAfterOpeningPhrase: "Despite ..., Mr. Weir has ..." makes
// Weir the subject a "he" in the next sentence goes on with, though his
// mention starts after "Mr.", not at the comma.
func TestSubjectAfterOpeningPhrase(t *testing.T) {
	const story = "Photo row\n\nJack Lenz, the chief executive of the service, said on Wednesday that passwords were not stolen. He said it was possible the photo came from the account.\n\n" +
		"Despite the swirl of events that have buffeted him for several long days, Mr. Weir has not lost his humor. Suggesting that the photo might have been altered, he alluded to a sketch on Tuesday.\n"
	runExtractCases(t, []extractCase{
		{name: "after Mr.", text: story, content: "a sketch on Tuesday", want: true, speaker: "Weir"},
	})
}

// TestItAfterAdverb: "The opposition also made capital of the figures.
// It said ..." is the opposition's (an adverb between the subject and its
// verb); a body named inside what a source reports is not what a later
// "It" stands for.
func TestItAfterAdverb(t *testing.T) {
	const story = "Jobless figures rise\n\nThe number of people out of work rose to five million in January.\n\n" +
		"The opposition also made political capital from the figures. It said there are a further two million people on subsidised schemes.\n"
	runExtractCases(t, []extractCase{
		{name: "adverb", text: story, content: "a further two million people", want: true, speaker: "opposition", kind: claimtrail.SpeakerDescription},
	})
}

// TestDefiningCue: "It refers to ..." defines a word; a person who
// "referred to" something speaks.
func TestDefiningCue(t *testing.T) {
	for _, tc := range []struct {
		source, cue string
		want        bool
	}{
		{"It", "refers to", true},
		{"the term", "refers to", true},
		{"Mr Putin", "referred to", false},
		{"he", "referring to", false},
		{"It", "said", false},
	} {
		a := claimtrail.Attribution{Source: &claimtrail.Span{Text: tc.source}, Cue: &claimtrail.Span{Text: tc.cue}}
		if got := definingCue(&a); got != tc.want {
			t.Errorf("definingCue(%q %q) = %v, want %v", tc.source, tc.cue, got, tc.want)
		}
	}
}

// TestWrittenToRecipient: "has written to homes and businesses ..." says
// whom a letter went to, not what it said; "has written to X demanding
// an explanation" says what it asked and stays.
func TestWrittenToRecipient(t *testing.T) {
	const story = "Airport plans\n\nAt Gatwick, the company has written to homes and businesses likely to be affected by any extra runway.\n\n" +
		"Opposition leader Mark Hale has written to the prime minister demanding an explanation of the new rules.\n"
	runExtractCases(t, []extractCase{
		{name: "recipients", text: story, content: "homes and businesses", want: false},
		{name: "demanding", text: story, content: "demanding an explanation", want: true, speaker: "Mark Hale"},
	})
}
