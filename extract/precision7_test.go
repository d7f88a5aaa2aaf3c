package extract

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// extractCase is an invented article and what extraction must (or must
// not) print for the attribution whose content holds a phrase.
type extractCase struct {
	name    string
	text    string
	content string // a phrase of the attribution's content
	want    bool   // printed
	speaker string // when printed and not "-": its speaker's name
	kind    claimtrail.SpeakerKind
}

// defaultExtractor is loaded once for the tests that extract invented
// articles (loading the models costs more than extracting one).
var defaultExtractor = sync.OnceValues(New)

// extractOrFail runs the default extractor on text.
func extractOrFail(t *testing.T, text string) *claimtrail.Extraction {
	t.Helper()
	e, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func runExtractCases(t *testing.T, cases []extractCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			atts := extractOrFail(t, tc.text).Attributions
			var found *claimtrail.Attribution
			for i := range atts {
				for _, c := range atts[i].Content {
					if strings.Contains(c.Text, tc.content) {
						found = &atts[i]
					}
				}
			}
			if found == nil {
				if tc.want {
					t.Fatalf("no attribution holds %q; got %+v", tc.content, atts)
				}
				return
			}
			if !tc.want {
				t.Fatalf("printed %+v, want nothing", *found)
			}
			if tc.speaker != "-" && (found.Speaker.Name != tc.speaker || tc.kind != "" && found.Speaker.Kind != tc.kind) {
				t.Errorf("speaker %q (%s), want %q (%s)", found.Speaker.Name, found.Speaker.Kind, tc.speaker, tc.kind)
			}
		})
	}
}

// TestReferenceEntry: a cited title in a list of references is no
// statement; a quote in the body is.
func TestReferenceEntry(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"caret footnote", "Harbour tolls\n\nThe harbour tolls rose in May.\n\n^ \"Harbour board doubles the tolls overnight, and the fishermen say they will strike.\". Coast Daily. Retrieved 2014-07-01.\n",
			"Harbour board doubles", false, "", ""},
		{"retrieved", "Harbour tolls\n\nThe harbour tolls rose in May.\n\nReferences\n\n\"Harbour board doubles the tolls overnight, and the fishermen say they will strike.\". Coast Daily. Retrieved 2014-07-01.\n",
			"Harbour board doubles", false, "", ""},
		{"author and date", "Harbour tolls\n\nThe harbour tolls rose in May.\n\nMarsh, Ellen (8 April 2014). \"Harbour board doubles the tolls overnight, and the fishermen say they will strike.\". Coast Daily.\n",
			"Harbour board doubles", false, "", ""},
		// near miss: a quote standing alone in the body after its speaker
		{"a quote in the body", "Harbour tolls\n\nThe harbour tolls rose in May, Mayor Ellen Marsh said on Friday.\n\n\"The harbour board doubled the tolls overnight and nobody was told.\"\n",
			"doubled the tolls overnight", true, "-", ""},
	})
}

// TestWriterFirstPerson: the writer's "we" outside quotes is nobody the
// page names; a quoted speaker's "we" stays theirs.
func TestWriterFirstPerson(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"writer's we", "Student newsrooms\n\nEditors should spend twenty minutes each week on new tools. “Hey, what has the Harbor Times R&D lab been up to this week?”\n\nFrom all this we realized that changing a student newsroom is difficult.\n",
			"changing a student newsroom", false, "", ""},
		{"writer's we after an institute", "Student newsrooms\n\nThe Harbor Institute studied forty newsrooms in 2013. In our 2013 research we found that most newsrooms had web roles.\n",
			"most newsrooms had web roles", false, "", ""},
		// near miss: "we" inside the quote of a named speaker
		{"quoted we", "Student newsrooms\n\nThe lab opened in May.\n\n“We realized that changing a newsroom is difficult,” said Mara Ellery, the lab's director.\n",
			"changing a newsroom", true, "Mara Ellery", claimtrail.SpeakerPerson},
	})
}

// TestDisplayAside: what a figure or a look at something shows is no
// statement; what a person shows in a quote, or a report finds, stays.
func TestDisplayAside(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"figure", "Sharing history\n\nAlice pushes her fix to the review repository.\n\nFigure 6 shows the state of the review repository at this point.\n",
			"the state of the review repository", false, "", ""},
		{"a look at", "Harbour tolls\n\nThe harbour board met on Monday, Mayor Ellen Marsh said. “We will fight this,” she said.\n\nA look at the two budgets reveals some differences in how the tolls are spent.\n",
			"some differences", false, "", ""},
		// near miss: a report's finding in the news keeps its attribution
		{"a report", "Harbour tolls\n\nThe harbour board met on Monday, Mayor Ellen Marsh said. “We will fight this,” she said.\n\nThe audit report shows that the tolls paid for the new pier.\n",
			"the tolls paid for the new pier", true, "-", ""},
	})
}

// TestMentionedQuote: on a page that reports nobody, a quote that is an
// example inside the writer's sentence is no statement; one after a name
// is someone's, and stays.
func TestMentionedQuote(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"example", "Monitoring\n\nGood alerts page a person only for real problems. For very simple services (e.g., \"Give me a fresh ticket number for the queue\") a static value is enough.\n",
			"Give me a fresh ticket", false, "", ""},
		{"because", "Monitoring\n\nGood alerts page a person only for real problems. You should never trigger an alert simply because \"something seems a little bit weird today.\"\n",
			"something seems a little bit weird", false, "", ""},
		// near miss: a partial quote after a name keeps its place
		{"after a name", "Cup final\n\nThe final ended in a draw.\n\n- Harbor boss Sam Redding \"I am bitterly disappointed with the result today.\"\n",
			"bitterly disappointed", true, "-", ""},
	})
}

// TestNamingCue: "known as" and "so called" name things; "also called
// for" is a demand someone made.
func TestNamingCue(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"known as", "Growth\n\nOutput grew in one lifetime. This synchronous acceleration of trends is known as The Great Acceleration for a reason, yet most of us think it is normal.\n",
			"acceleration of trends", false, "", ""},
		{"so called", "Energy\n\nAlternative energy is just a smarter way to burn coal. All so called “low-carbon” energy harvesting technologies need fossil fuels.\n",
			"low-carbon", false, "", ""},
		// near miss
		{"also called for", "Pensions\n\nThe union met in Brighton. Its leader Brendan Barber also called for practical measures to help pensioners.\n",
			"practical measures", true, "Brendan Barber", claimtrail.SpeakerPerson},
	})
}

// TestSeemingCue: "seem" says how things look; "seems to think" is a
// thought.
func TestSeemingCue(t *testing.T) {
	runExtractCases(t, []extractCase{
		{"seem", "Harbour tolls\n\nThe harbour board met on Monday, Mayor Ellen Marsh said.\n\nThe police also seemed to be refraining from using tear gas on the crowd.\n",
			"refraining from using tear gas", false, "", ""},
		// near miss: a thought after "seems to"
		{"seems to think", "Harbour tolls\n\nThe harbour board met on Monday. Mayor Ellen Marsh seems to think that the tolls will fall next year.\n",
			"the tolls will fall", true, "Ellen Marsh", claimtrail.SpeakerPerson},
	})
}

// TestRelativeFinding: "which suggests" points at a fact; "which
// revealed that" after a company is the company speaking.
func TestRelativeFinding(t *testing.T) {
	att := func(source, cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Source: &claimtrail.Span{Text: source}, Cue: &claimtrail.Span{Text: cue},
			Content: []claimtrail.Span{{Text: content}}}
	}
	for _, tc := range []struct {
		name string
		a    *claimtrail.Attribution
		want bool
	}{
		{"which suggests", att("which", "suggests", "that the number of Europeans with broadband has exploded"), true},
		{"that shows", att("that", "shows", "how weak sales were"), true},
		// near misses
		{"which revealed", att("which", "recently revealed", "that it would re-enter the mobile market"), false},
		{"a named source", att("the survey", "suggests", "that demand is falling"), false},
		{"quoted words", att("which", "suggests", "a “deliberate” delay"), false},
	} {
		if got := relativeFinding(tc.a); got != tc.want {
			t.Errorf("%s: relativeFinding = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestReleaseCue: what is published or unveiled is a thing, not words;
// a that-clause or a quote stays.
func TestReleaseCue(t *testing.T) {
	att := func(cue, content string) *claimtrail.Attribution {
		return &claimtrail.Attribution{Source: &claimtrail.Span{Start: 0, End: 5, Text: "Acme"},
			Cue: &claimtrail.Span{Start: 6, End: 6 + len(cue), Text: cue}, Content: []claimtrail.Span{{Start: 7 + len(cue), Text: content}}}
	}
	for _, tc := range []struct {
		name string
		a    *claimtrail.Attribution
		want bool
	}{
		{"a plan", att("released", "a plan to cut emissions by half"), true},
		{"its analysis", att("published", "its analysis of hiring trends"), true},
		// near misses
		{"a that-clause", att("published", "that sales had fallen"), false},
		{"a quote", att("released", "a “final and binding” ruling"), false},
		{"another verb", att("said", "a plan was ready"), false},
	} {
		if got := releaseCue(tc.a, false); got != tc.want {
			t.Errorf("%s: releaseCue = %v, want %v", tc.name, got, tc.want)
		}
	}
}
