package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestSubjectAfterShortColonOpener: a name after a short opening phrase
// and a colon is its sentence's subject ("Small wonder: Darrow, who
// ..."), so "his ... he claimed" after it goes back to that name, not to
// one named inside its relative clause.
func TestSubjectAfterShortColonOpener(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "colon opener", text: "Letter\n\nA retired priest, one Evrard Darrow, who left the order, tried to cast doubt on the letter.\nThe letter was the account of the future Pope Gregory XX.\nSmall wonder: Darrow, who died in 2014 at the age of 90, belonged to the “open door” circle that none other than Pope Gregory XX had condemned, as I note here.\nHis attempt to discredit the letter rested on what he claimed were errors in the account.\n",
			content: "were errors", want: true, speaker: "Evrard Darrow"},
	})
}

// TestQuotedAsSaying: in "“...,” Reuters quoted a bank official as
// saying" the one quoted is the speaker and the outlet the relay; when
// the model took the quoted party for the content ("the agency quoted Mr
// Vale as saying via his lawyers"), the words before the source are the
// content.
func TestQuotedAsSaying(t *testing.T) {
	const story = "Currency\n\nThe bank printed new notes on Monday. \"It is a question of pride,\" Reuters quoted a central bank official as saying.\n\n" +
		"The sale went ahead. \"The company has been stolen from its owners,\" the Interfax news agency quoted Mr Vale as saying via his lawyers. Anton Vale founded the firm in 1994.\n\n" +
		"Analysts were unsure. \"Nobody expected a deal this week,\" the agency quoted trader Lisa Orme as saying.\n"
	x := extractOrFail(t, story)
	for _, tc := range []struct{ phrase, speaker, relay string }{
		{"a question of pride", "central bank official", "Reuters"},
		{"stolen from its owners", "Anton Vale", ""},
		{"Nobody expected a deal", "Lisa Orme", ""},
	} {
		a := attributionWith(t, x, "with content "+tc.phrase, hasContent(func(c string) bool { return strings.Contains(c, tc.phrase) }))
		if a.Speaker.Name != tc.speaker {
			t.Errorf("%q: speaker %q, want %q", tc.phrase, a.Speaker.Name, tc.speaker)
		}
		if tc.relay != "" && !slices.Contains(a.AccordingTo, tc.relay) {
			t.Errorf("%q: according_to %v, want %q", tc.phrase, a.AccordingTo, tc.relay)
		}
	}
	for _, a := range x.Attributions {
		for _, c := range a.Content {
			if strings.Contains(c.Text, "as saying") {
				t.Errorf("content %q holds the quoted party", c.Text)
			}
		}
	}
}

// TestQuoteContinuedOnNextLine: a quote whose mark never closes goes on
// in the next line's quote (the convention of a quote run over
// paragraphs, on a page that breaks lines without blank ones): that quote
// is the same speaker's, even a description's, which a quote standing
// alone would not get from context.
func TestQuoteContinuedOnNextLine(t *testing.T) {
	const story = "Alert\nThe state department has issued a health alert.\nIn an email to citizens in Freedonia, the state department said: \"A US government employee in Freedonia recently reported abnormal sensations of sound.\n\"The US government is taking these reports seriously and has informed its staff of this event.\"\nThey added that they are not sure what caused the symptoms.\n"
	speakerOfContent(t, story, "taking these reports seriously", "state department")
	// near miss: with the writer's words between, a quote standing alone
	// takes no description from context
	closed := strings.Replace(story, "sensations of sound.\n", "sensations of sound.\"\nOfficials gave no further details on Monday.\n", 1)
	speakerOfContent(t, closed, "taking these reports seriously", "")
}

// TestMarkedDescriptionIsTheQuotedPerson: "The former Wales
// international" and "The 58-year-old singer of ..." opening a sentence
// describe the person the story quotes (a source in the sentences
// before), not whoever was named last; with no source before they stay
// descriptions.
func TestMarkedDescriptionIsTheQuotedPerson(t *testing.T) {
	speakerOfContent(t, "Job\n\nRyan Pell is wanted as manager. \"It is a fine job,\" Ryan Pell told the paper. Club chairman Owen Tate held talks with Pell on Monday. The former Wales international added that the move was unwise.\n",
		"the move was unwise", "Ryan Pell")
	speakerOfContent(t, "Festival\n\nMaria Lund will curate the festival. \"I want readings of all kinds,\" she said. Maria Lund has made records for years. The 58-year-old singer of Harbour Lights told the paper that the festival would be her answer to greed.\n",
		"her answer to greed", "Maria Lund")
	// near miss: no one quoted before
	speakerOfContent(t, "Job\n\nClub chairman Owen Tate held talks with Ryan Pell on Monday. The former Wales international added that the move was unwise.\n",
		"the move was unwise", "former Wales international")
}

// TestNamedPersonSeems: in the statements view a named person's "seems"
// with no verb of saying after it is the writer's reading, not a
// statement ("Higgins seems ready to echo ..."); "seemed to suggest"
// stays.
func TestNamedPersonSeems(t *testing.T) {
	const story = "Story\n\nThe blogger Alan Voss and Senator Laura Brack spoke this week.\nLike Tom Hale, Voss invariably seems ready to echo whatever the security services need verifying “independently”.\nPresident Dole seems to be pleased with the deployment so far, noting the “beautiful” sight of new fences along the river.\nSenator Laura Brack seemed to suggest on Friday on the “Evening” show that taxes would rise next year.\n"
	runExtractCases(t, []extractCase{
		{name: "seems ready", text: story, content: "Like Tom Hale", want: false},
		{name: "seems to be pleased", text: story, content: "to be pleased", want: false},
		{name: "seemed to suggest", text: story, content: "taxes would rise", want: true, speaker: "Laura Brack"},
	})
}

// TestNamedAfter: "named after" and "named for" give a name's origin,
// not a statement.
func TestNamedAfter(t *testing.T) {
	const story = "Story\n\nThe news came on Monday.\n\n"
	runExtractCases(t, []extractCase{
		{name: "named for", text: story + "Mr Vale is to deliver the annual Harlan Lecture, named for a dean who was killed in the 2001 crash.\n", content: "a dean who was killed", want: false},
		{name: "named after", text: story + "The device Orla, named after the Irish painter and pioneer of colour Orla Keane, creates a virtual studio in which players can be tracked.\n", content: "the Irish painter", want: false},
	})
}

// TestDocumentWithAside: "The cable, sent under ... and marked SECRET,"
// and "The book, serialised in the Sunday Herald," speak as the document;
// a name in the aside is where or how it went out. An aside naming an
// author ("The letter, written by ...") is left to the other rules.
func TestDocumentWithAside(t *testing.T) {
	speakerOfContent(t, "Cable\n\nThe embassy sent a cable in August.\n\nThe cable, sent under Ambassador Carl Vint's signature and marked SECRET, warned that militias were within the city.\n", "militias were within", "cable")
	speakerOfContent(t, "Book\n\nA new book is out this week.\n\nThe book, serialised in the Sunday Herald, alleges that the minister misled his colleagues.\n", "the minister misled", "book")
}

// TestColonAtLineEnd: a cue that closes its line with a colon ("Tom Hale
// said:") introduces the next line, a block quoted without marks, not the
// sentence before it.
func TestColonAtLineEnd(t *testing.T) {
	const story = "Media\nThe merger was announced on Monday.\nIn his report that night, Hale then described the emails he had obtained.\nHale said:\nThis was not a drive to get out the vote, it was a drive for one party only.\nThe company did not respond.\n"
	x := extractOrFail(t, story)
	a := attributionWith(t, x, "with cue said:", func(a *claimtrail.Attribution) bool { return a.Cue != nil && strings.HasPrefix(a.Cue.Text, "said") })
	if len(a.Content) != 1 || !strings.HasPrefix(a.Content[0].Text, "This was not a drive") {
		t.Errorf("content %v, want the next line", a.Content)
	}
}

// TestRoleBeforeFullName: a role written before a full name resolves to
// the person ("Merck's head of research Peter Kim", "general secretary of
// the union Unison Dave Prentis"), and a place, organisation or title run
// on to the given name is no part of it ("Minnesota Matt Pelikan"); a
// relation, spokesperson or document before the name is someone else ("a
// spokesman for Mr Prescott", "the daughter of activist Malcolm X").
func TestRoleBeforeFullName(t *testing.T) {
	speakerOfContent(t, "Drug\n\nThe drug was withdrawn on Monday.\n\nVantor's head of research Peter Kelling said the tests had been sound.\n", "the tests had been sound", "Peter Kelling")
	speakerOfContent(t, "Pay\n\nPay rose by 2% this year.\n\nThe general secretary of the public services union Unison Dave Prentice criticised the plan as unfair to staff.\n", "the plan as unfair", "Dave Prentice")
	speakerOfContent(t, "Race\n\nThe race is close.\n\nDFL-endorsed candidate for attorney general of Minnesota Matt Pelkin said he would win the seat.\n", "he would win the seat", "Matt Pelkin")
	speakerOfContent(t, "Race\n\nThe race is close.\n\nThe daughter of activist Malcolm Reyes recalled that the house was always full.\n", "the house was always full", "daughter of activist Malcolm Reyes")
}

// TestTitleCarrierForDescription: "The archbishop added" goes to the
// person the article titles archbishop, not to the official quoted just
// before.
func TestTitleCarrierForDescription(t *testing.T) {
	speakerOfContent(t, "Release\n\nArchbishop Desmond Tallo has called for the release of the prisoners.\n\nForeign Secretary Jack Strand told MPs that the release had been agreed after long talks. The prisoners were held for three years.\n\nThe archbishop added: \"What is happening to those left behind?\"\n", "those left behind", "Desmond Tallo")
}

// TestRelativeSaying: "a hidebound Tory party, which he said would turn
// the clock back" is the pronoun's statement (he: the one speaking), not
// the party's.
func TestRelativeSaying(t *testing.T) {
	speakerOfContent(t, "Speech\n\nIn his speech, Mr Pell contrasted a reformed Labour party, which had learned to hold the centre ground, with a hidebound Tory party, which he said would turn the clock back with spending cuts. Mr Pell said the choice was clear.\n", "would turn the clock back", "Pell")
}

// TestReadingCue: "read" with nothing quoted is reading, not saying;
// a statement that reads “...” keeps its words.
func TestReadingCue(t *testing.T) {
	const story = "Story\n\nSenator Ann Dole spoke.\n\nMr Vance also read personal files on the Secret Service agent who was apparently investigating the case.\n\nThe campaign's statement read: \"We are proud of every volunteer.\"\n"
	runExtractCases(t, []extractCase{
		{name: "read files", text: story, content: "personal files on the Secret Service agent", want: false},
		{name: "statement read", text: story, content: "proud of every volunteer", want: true, speaker: "-"},
	})
}

// TestReligiousTitles: "Cardinal", "Monsignor", "Rabbi", "Imam" are
// titles, not names, so "Cardinal Ottavanti" and a later "Ottavanti"
// are one speaker; a sentence opener before the title ("Keeping Cardinal
// Ottavanti") is no part of the name.
func TestReligiousTitles(t *testing.T) {
	const story = "Synod\n\nCardinal Ottavanti spoke at the synod on Monday.\n\nCardinal Ottavanti said the church must listen to the faithful.\n\nKeeping Cardinal Ottavanti waiting, the bishops voted. Ottavanti added that change would come slowly.\n"
	speakerOfContent(t, story, "the church must listen", "Ottavanti")
	speakerOfContent(t, story, "change would come slowly", "Ottavanti")
}

// TestLoneWordContent: an attribution whose whole content is a relative
// pronoun or possessive ("which Bono rejected as a cliche") says nothing
// as printed.
func TestLoneWordContent(t *testing.T) {
	for _, tc := range []struct {
		content string
		want    bool
	}{{"which", true}, {" its", true}, {"herself", true}, {"the plan was sound", false}} {
		a := claimtrail.Attribution{Kind: claimtrail.KindIndirect, Content: []claimtrail.Span{{Text: tc.content}}}
		if got := loneWordContent(&a); got != tc.want {
			t.Errorf("loneWordContent(%q) = %v, want %v", tc.content, got, tc.want)
		}
	}
	runExtractCases(t, []extractCase{
		{name: "which rejected", text: "Band\n\nSongs like Sunday Morning brought success and an image as a spiritual band - which Bono Vale rejected as a cliche.\n", content: "which", want: false},
	})
}

// TestAsTheySay: "as they say" is a manner of speaking, not a statement.
func TestAsTheySay(t *testing.T) {
	const story = "Story\n\nThe church was full.\n\nAfter I got saved, as they say (John 3:16), I remember my mother calling me up and saying, “The family wants to know what is wrong with you.”\n"
	runExtractCases(t, []extractCase{
		{name: "as they say", text: story, content: "After I got saved", want: false},
		{name: "saying", text: story, content: "The family wants to know", want: true, speaker: "-"},
	})
}

// TestPartyLeader: "the Tory leader" is the person the story writes
// "Tory leader X", not the prime minister named last (a bare "leader"
// matches any titled person).
func TestPartyLeader(t *testing.T) {
	const story = "Splits\n\nTory leader Michael Harwood has claimed in a heated session that the government is split.\n\nPrime Minister Tom Blake dismissed the talk of splits. Mr Blake said people cared about the economy.\n\nThe Tory leader countered that such deals had been struck twice at dinners.\n"
	speakerOfContent(t, story, "such deals had been struck", "Michael Harwood")
}

// TestQuoteAfterDescriptionsQuote: a quote right after "“...,” the letter
// states." goes on with the letter (a quote run on after its speaker's
// quote and cue), though a quote standing alone takes no description
// from context otherwise.
func TestQuoteAfterDescriptionsQuote(t *testing.T) {
	const story = "Letter\n\nThe scholars wrote to the speaker on Monday.\n\n“We appreciate your willingness to talk about how teaching can help inform policy,” the letter states. “However, we would be remiss if we did not challenge your misuse of that teaching to defend a budget plan.”\n"
	speakerOfContent(t, story, "we would be remiss", "letter")
}
