package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestPassiveWithWordsBetween: "many of the fans watching are said to
// tune in" is a passive of saying with words between its subject and the
// be-form: the fans say nothing. The active form stays.
func TestPassiveWithWordsBetween(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "passive", text: "Half-time show\n\nThe final is watched by an audience of 90 million, with many of the fans watching are said to tune in only for the music at half-time.\n",
			content: "tune in only for the music", want: false},
		{name: "modal passive", text: "Gadget list\n\nThe list has 100 entries. Gadgets which could be said to rank surprisingly low in the list include the pager and the fax machine.\n",
			content: "rank surprisingly low", want: false},
		// near miss: the fans say it themselves
		{name: "active", text: "Half-time show\n\nThe final is watched by an audience of 90 million. Many of the fans said they tune in only for the music at half-time.\n",
			content: "tune in only for the music", want: true, speaker: "-"},
	})
}

// TestSourceNamedOnlyWhereSheSpeaks: a person whose name the source
// alone holds ("Senior editor at The Daily Planet Erin Gloria Vance")
// is who "she" goes on about, not the last person named elsewhere.
func TestSourceNamedOnlyWhereSheSpeaks(t *testing.T) {
	const story = "Report day\n\nColumnist Rachel Klein mocked the news on Twitter.\nSenior editor at The Daily Planet Erin Gloria Vance tweeted about the real story here.\n'The prosecutor is such a drama queen, trying to steal the glory of the day,' she wrote.\n"
	speakerOfContent(t, story, "such a drama queen", "Erin Gloria Vance")
}

// TestParticipleName: "The 1791 composition, called Harbour Cantata No
// 3, was found" names the composition; "Tom Reyes, of the Green Party,
// called it a budget for the rich." is speech.
func TestParticipleName(t *testing.T) {
	const story = "Lost score found\n\nA musicologist has found a lost score by the composer Anna Verde.\n\n" +
		"The 1791 composition, called Harbour Cantata No 3, was found among the papers of a pianist who died last year.\n\n" +
		"The former mayor, dubbed Ironman for his long hours, clashed on Thursday with the council.\n\n" +
		"Tom Reyes, of the Green Party, called it a budget for the rich.\n"
	runExtractCases(t, []extractCase{
		{name: "called", text: story, content: "Harbour Cantata", want: false},
		{name: "dubbed", text: story, content: "Ironman", want: false},
		{name: "speech", text: story, content: "a budget for the rich", want: true, speaker: "Tom Reyes"},
	})
}

// TestEditorsNote: "(Italics added.)" after a quote is the writer's note
// on type, not a speaker named Italics.
func TestEditorsNote(t *testing.T) {
	const story = "Border shelter\n\nThe memo said the files would open “subject to the receipt of further information.”\n(Italics added.)\nThe operative words are clear.\n"
	for _, a := range extractOrFail(t, story).Attributions {
		if a.Speaker.Name == "Italics" || a.Source != nil && a.Source.Text == "Italics" {
			t.Errorf("printed %+v", a)
		}
	}
}

// TestNamedToAPost: "named X as special counsel" gives a post, even with
// a quote after it; "named X as one of five executives who took part" is
// a statement.
func TestNamedToAPost(t *testing.T) {
	const story = "Senate seat filled\n\nIn 1999, Attorney General Jo Marsh named former Sen. Ben Ortiz as special counsel to head a review of the raid, after the agency found evidence suggesting “flares may have been used.”\n\n" +
		"On Monday Ms Dale named Mr Ebbers as one of five executives who took part in the fraud.\n"
	runExtractCases(t, []extractCase{
		{name: "a post", text: story, content: "special counsel", want: false},
		{name: "a statement", text: story, content: "one of five executives", want: true, speaker: "Dale"},
	})
}

// TestThatClauseOfCondition: "argue that if the ban is lifted, it could
// lead to ..." goes on past the clause of condition to the clause it
// opens; one the model already read whole stays whole.
func TestThatClauseOfCondition(t *testing.T) {
	const story = "Fares to rise\n\nAirlines will have to pay more to passengers whose flights are delayed.\n\n" +
		"The airline group said that while carriers would comply with the new rules, the extra costs would be passed on to passengers.\n\n" +
		"Officials argue that if the ban is lifted, it could lead to a buying spree for arms.\n"
	runBoundsCases(t, []boundsCase{
		{"condition", story, "argue", "Officials", "that if the ban is lifted, it could lead to a buying spree for arms"},
		{"read whole", story, "said", "The airline group", "that while carriers would comply with the new rules, the extra costs would be passed on to passengers"},
	})
}

// TestItAfterOrganisationInItsSentence: "Even sports car maker Velden may
// join the race, although it insists" is Velden's, not the company that
// spoke in the sentence before.
func TestItAfterOrganisationInItsSentence(t *testing.T) {
	const story = "Hybrid race\n\nOstrander Motors Ltd said on Monday that it would sell a hybrid next year. Even sports car maker Velden may join the race, although it insists it is still considering whether to build one.\n"
	speakerOfContent(t, story, "still considering", "Velden")
}

// TestParticipleBeforeBy: "Elizabeth Dorn blasted by older sister" is
// a passive: Dorn is the one blasted, not the speaker.
func TestParticipleBeforeBy(t *testing.T) {
	const story = "Sisters row\n\nElizabeth Dorn blasted by older sister over marriage stance\n\nThe row between the sisters went public on Monday.\n\nDorn said the family would stay united.\n"
	runExtractCases(t, []extractCase{
		{name: "passive headline", text: story, content: "marriage stance", want: false},
		{name: "active", text: story, content: "the family would stay united", want: true, speaker: "Elizabeth Dorn"},
	})
}

// TestCitedHeadline: a story's title quoted with its byline, outlet and
// date after it is a reference, not anyone's words; a quote with a
// speaker after it in the same story stays.
func TestCitedHeadline(t *testing.T) {
	const story = "Blog roundup\n\nRead the story below.\n\n“Dale County man sentenced to 20 years in prison for arson,” by Tom Velden, Dale Gazette, October 27, 2017 (thanks to Ann):\n\nA 28-year-old man was sentenced on Friday. “He showed no remorse,” said prosecutor Ann Lark.\n"
	runExtractCases(t, []extractCase{
		{name: "cited title", text: story, content: "sentenced to 20 years", want: false},
		{name: "quote", text: story, content: "no remorse", want: true, speaker: "Ann Lark"},
	})
}

// TestItAfterOrganisationSubject: "It said" after a sentence whose
// subject is an organisation goes to it, not to the research that
// "revealed" something before; a company named inside what an outlet
// said is not the outlet.
func TestItAfterOrganisationSubject(t *testing.T) {
	const story = "Spyware tool\n\nKestrel is to offer a free spyware cleaner.\n\nResearch by technology firms Ardent and Velo revealed that 90% of machines have spyware on board. Before now Kestrel has left the market to specialist firms. It said that its cleaning program would not stop machines being infected.\n"
	speakerOfContent(t, story, "cleaning program", "Kestrel")
	const outlet = "Carmaker mulls listing\n\nVelden could be listed on the stock market as part of an overhaul of Ostrander's carmaking operations, the Financial Times has reported.\n\nIt said Ostrander was set to restructure its business after a settlement. Steps being considered include listing Velden, it said.\n"
	speakerOfContent(t, outlet, "Steps being considered", "Financial Times")
}

// TestItAfterOneWordName: "Kestrel has said ... “...,” it said": a lone
// word that "it" goes on with is a company, both where it speaks and for
// "it".
func TestItAfterOneWordName(t *testing.T) {
	const story = "Game delayed\n\nFans in Europe will have to wait until next year for the game.\n\nKestrel has said that the European version will not be ready for Christmas. \"The product is localised into 13 languages, so the process takes time,\" it said.\n"
	x := extractOrFail(t, story)
	for _, phrase := range []string{"European version", "localised into 13 languages"} {
		a := attributionWith(t, x, "with content "+phrase, hasContent(func(c string) bool { return strings.Contains(c, phrase) }))
		if a.Speaker.Name != "Kestrel" || a.Speaker.Kind != claimtrail.SpeakerOrganization {
			t.Errorf("%q: speaker %+v, want the organisation Kestrel", phrase, a.Speaker)
		}
	}
}

// TestHeAfterUnnamedRole: "The official said ... “...,” he said" is the
// official's when the article names no one between; an apposition's name
// wins over its role ("Cora Tolland, 26, a teacher in the district").
func TestHeAfterUnnamedRole(t *testing.T) {
	const story = "Bank sale\n\nThe finance ministry plans to sell the state bank next year, a senior official told reporters on Monday.\n\nThe official said the government has not yet decided the form of the sale. \"The most important thing to decide now is the method,\" he said.\n\nAnalysts were unsure.\n"
	speakerOfContent(t, story, "decide now is the method", "official")
	const named = "School club\n\nThe club meets on Fridays.\n\nCora Tolland, 26, a teacher in the district, said the club was popular. “It teaches character and respect,” she said.\n"
	speakerOfContent(t, named, "character and respect", "Cora Tolland")
}

// TestSaidLeadWithRole: "Said Wales assistant coach Scott Jonson: “...”"
// is Jonson's: the verb opening the sentence, then a role and a name and
// a colon; the quote went to the speaker before.
func TestSaidLeadWithRole(t *testing.T) {
	const story = "Lions tour\n\nThe coach named his squad on Monday. Mark Davies said the squad was strong.\n\nSaid Wales assistant coach Scott Jonson: \"We are positive about Hal and hope he will be raring to go.\"\n\nThe tour starts in June.\n"
	speakerOfContent(t, story, "raring to go", "Scott Jonson")
}
