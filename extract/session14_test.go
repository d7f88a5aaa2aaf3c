package extract

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

// TestContentEndsBeforeAccordingTo: a trailing ", according to X" says
// where the writer had the whole sentence from; it is no part of what the
// speaker said. An aside the content goes on after is kept.
func TestContentEndsBeforeAccordingTo(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a document", "Arrest in Dunmore\n\nThe driver told officers that she had not seen the barrier, according to the affidavit.\n", "told",
			"The driver", "that she had not seen the barrier"},
		{"people", "Vote in doubt\n\nGeorge Pattle said he would not run again, according to two aides.\n", "said",
			"George Pattle", "he would not run again"},
		// near miss: an aside inside the content
		{"an aside", "Old tales\n\nThe guide said the river, according to legend, once ran backwards.\n", "said",
			"The guide", "the river, according to legend, once ran backwards"},
	})
}

// TestContentEndsBeforeLaterReport: a report written after its content
// ("..., a poll suggests", "..., our correspondent added") inside another
// attribution's content ends that content.
func TestContentEndsBeforeLaterReport(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a newspaper interview", "Bridge works\n\nThe council promised it would begin work on the bridge in May, council leader Anna Pell told the Courier.\n", "promised",
			"The council", "it would begin work on the bridge in May"},
		{"a correspondent", "Pay talks\n\nPrivately, managers think this will be the \"less painful\" option, our reporter added.\n", "think",
			"managers", "this will be the \"less painful\" option"},
	})
}

// TestQuoteThenTextedOrEmailed: a quote followed by a name and "texted"
// or "emailed" (with whom it went to) is that person's, over the text
// or e-mail channel.
func TestQuoteThenTextedOrEmailed(t *testing.T) {
	story := "Messages\n\nThe report cited messages sent in May.\n\n“We will never let that happen, right?” Moira Kell texted Ian Hollis.\n\n“The vote is rigged,” Dana Kline emailed a colleague.\n"
	speakerOfContent(t, story, "never let that happen", "Moira Kell")
	speakerOfContent(t, story, "The vote is rigged", "Dana Kline")
}

// TestPossessorOfSpeechNoun: a speech noun found as the cue after a
// possessive ("mocked the senators’ claims that ...") is the possessor's,
// not the subject's who mocked or rejected it; a colon after the noun
// opens the subject's quote.
func TestPossessorOfSpeechNoun(t *testing.T) {
	for _, tc := range []struct{ text, cue, source string }{
		{"Dana Kline mocked the senators’ claims that the tariffs had lowered prices.", "claims", "the senators"},
		{"Ian Hollis cast doubt on Governor Mara Lind's promises of new jobs.", "promises", "Governor Mara Lind"},
		{"Ian Hollis pinned his hopes on Lind's findings: “We will see.”", "findings", "Ian Hollis"},
	} {
		d := taggedDoc(t, tc.text)
		cue := lastToken(d, tc.cue)
		// the subject who speaks of the noun: the sentence's first two words
		f := []attribute.Found{{Cue: attribute.Range{Start: cue, End: cue + 1}, Source: attribute.Range{Start: 0, End: 2}}}
		possessorSource(d, f)
		if got := rangeText(d, f[0].Source); got != tc.source {
			t.Errorf("%q: source %q, want %q", tc.text, got, tc.source)
		}
	}
}

// TestWhoAfterPlural: "who" after a plural noun stands for the noun
// phrase, which stops at a verb before it ("The mayor met three farmers
// who said" is the farmers').
func TestWhoAfterPlural(t *testing.T) {
	story := "Drought\n\nThe mayor met three farmers who said the drought had ruined the harvest. The scheme has had vocal critics who say the fund is too small.\n"
	speakerOfContent(t, story, "the drought had ruined the harvest", "three farmers")
	speakerOfContent(t, story, "the fund is too small", "vocal critics")
}

// TestConjunctionSource: a second verb after "and" ("the pair called
// the ban ... and said ...", "Ms Kell insisted: ... And continued: ...")
// has the first verb's source, not "and".
func TestConjunctionSource(t *testing.T) {
	story := "Gambling\n\nThe bill faces a vote. Ms Kell insisted: \"We have a good track record in this country.\" And continued: \"We can be proud to have one of the lowest rates of problem gambling.\"\n\nOn their blogs the pair of writers called the ban \"a blow against freedom\" and said the \"nation of the Magna Carta is dead\".\n"
	speakerOfContent(t, story, "lowest rates of problem gambling", "Kell")
	speakerOfContent(t, story, "Magna Carta", "pair of writers")
}

// TestItSubject: "it" with no source before it to go back to is the
// company named as the subject of a verb in its sentence or the one
// before (the attribution was dropped as an unresolved aside).
func TestItSubject(t *testing.T) {
	story := "Food prices\n\nShares fell on Monday. Swiss food giant Vantelle warned of weaker sales in Asia. It said prices would rise by a tenth.\n"
	speakerOfContent(t, story, "prices would rise by a tenth", "Vantelle")
}

// TestTitleAfterCue: a quoted title after "program" or "show" in the
// cue's place is no piece of the quote.
func TestTitleAfterCue(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"program", "Race\n\n“Well, I don’t see how that’s possible,” Mr. Quill said on the CNN program “State of the Nation.”\n", "said",
			"Mr. Quill", "“Well, I don’t see how that’s possible,”"},
		{"show", "Race\n\n“It would hurt,” Ms. Lark said on the Fox show “Morning Brief.”\n", "said",
			"Ms. Lark", "“It would hurt,”"},
	})
}

// TestParticipleOfSubject: a participle after a comma is the main
// clause's subject's, not the verb's object's ("Vance chided Kell on
// Friday for the delay, accusing ...").
func TestParticipleOfSubject(t *testing.T) {
	story := "Talks\n\nThe two met on Sunday. It came after Vance publicly chided Kell on Friday for the lack of progress, accusing the governor of having \"wasted another week.\"\n"
	a := attributionWith(t, extractOrFail(t, story), "with cue accusing", hasCue("accusing"))
	if a.Speaker.Name != "Vance" {
		t.Errorf("speaker %q (source %+v), want Vance", a.Speaker.Name, a.Source)
	}
}

// TestInvertedDescriptionWithName: "..., says a new MPs' report": a
// description after the cue with a name or initials inside is the
// source, what comes before the content.
func TestInvertedDescriptionWithName(t *testing.T) {
	for _, tc := range []struct{ text, source string }{
		{"Sentences should not be cut simply because of a guilty plea, says a new MPs' report.", "a new MPs' report"},
		{"Prices of homes in the region rose by half a percent in May, says the Harlow building society.", "the Harlow building society"},
	} {
		d := taggedDoc(t, tc.text)
		cue := lastToken(d, "says")
		// as the model read it: the words before the comma the source,
		// the description after the cue the content
		last := len(d.Tokens) - 1
		f := []attribute.Found{{Cue: attribute.Range{Start: cue, End: cue + 1}, Source: attribute.Range{Start: 0, End: cue - 1},
			Content: attribute.Range{Start: cue + 1, End: last}, Pieces: []attribute.Range{{Start: cue + 1, End: last}}}}
		swapInvertedDescription(d, f)
		if got := rangeText(d, f[0].Source); got != tc.source {
			t.Errorf("%q: source %q, want %q", tc.text, got, tc.source)
		}
	}
}

// TestSubjectLeadsInQuote: a quote after a sentence opened by a person's
// name and closed by a colon is that person's; not after "Let ..." or a
// possessive ("Dana Kell's side ... the question was:").
func TestSubjectLeadsInQuote(t *testing.T) {
	story := "Speech\n\nThe party launched its plan on Friday. Mr Kell is to tell the audience on Saturday: \"Many people in Britain were angry about the way we were taken to war.\"\n"
	speakerOfContent(t, story, "Many people in Britain were angry", "Kell")
}

// TestInvertedOutletWithKind: "..., reported AP news agency": an outlet
// named with its kind after an inverted cue is the source.
func TestInvertedOutletWithKind(t *testing.T) {
	d := taggedDoc(t, "Hours before the announcement, there was a gloomy air at the headquarters, reported AP news agency.")
	cue := lastToken(d, "reported")
	last := len(d.Tokens) - 1
	f := []attribute.Found{{Cue: attribute.Range{Start: cue, End: cue + 1}, Source: attribute.Range{Start: 0, End: cue},
		Content: attribute.Range{Start: cue + 1, End: last}, Pieces: []attribute.Range{{Start: cue + 1, End: last}}}}
	swapInvertedName(d, f)
	if got := rangeText(d, f[0].Source); got != "AP news agency" {
		t.Errorf("source %q, want AP news agency", got)
	}
}

// TestSayingNounBeforeQuote: a quote right after "X's comment" (an
// adjective may stand between) is X's.
func TestSayingNounBeforeQuote(t *testing.T) {
	story := "Bank\n\nIt is often forgotten that Lindqvist’s notorious comment “who are we to interfere” came in answer to a question about the bank.\n"
	speakerOfContent(t, story, "who are we to interfere", "Lindqvist")
}

// taggedDoc segments text and tags its parts of speech, as the default
// extractor does before the bounds rules read it.
func taggedDoc(t *testing.T, text string) *doc.Doc {
	t.Helper()
	e, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := segment.SegmentContext(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	e.syntax.annotateContext(context.Background(), d, nil, false)
	return d
}

// lastToken returns the index of the last token written w, -1 for none.
func lastToken(d *doc.Doc, w string) int {
	k := -1
	for i, tok := range d.Tokens {
		if tok.Text == w {
			k = i
		}
	}
	return k
}

// rangeText is the text of tokens r of d.
func rangeText(d *doc.Doc, r attribute.Range) string {
	return d.Text[d.Tokens[r.Start].Start:d.Tokens[r.End-1].End]
}
