package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestNameAfterQuoteAsContent: the model read a word inside the quote as
// the source and the name after "replied" as the content; the name is
// the speaker and ends with its sentence, not at the next one's name.
func TestNameAfterQuoteAsContent(t *testing.T) {
	const story = "Fraud trial hears from former finance chief\n\n" +
		"At the trial in a Chicago court on Tuesday, the defendant's lawyer Mark Dunbar asked Mr Hollis: \"If something serves you, you will lie for it, is that right?\"\n\n" +
		"\"On that day, yes. I was lying,\" replied Mr Hollis. Mr Dunbar has argued that Mr Hollis is blaming his old boss to get a lighter sentence.\n"
	runBoundsCases(t, []boundsCase{
		{"replied", story, "replied", "Mr Hollis", "\"On that day, yes. I was lying,\""},
	})
}

// TestTheFollowingColon: "Telford states the following:" introduces the
// quote after the colon, however many lines it runs.
func TestTheFollowingColon(t *testing.T) {
	const story = "Pastor's sermon draws protest\n\n" +
		"A video of a sermon by Mark Telford, the pastor of a church in Fresno, California, has drawn a protest outside the church.\n\n" +
		"In the clip, Telford states the following: “The city has been cursed for ten years, right?\nFor ten long years.\nAnd why?\nBecause it turned away from the church.”\n\n" +
		"The council answered as follows: “We do not comment on sermons.”\n\n" +
		"The city council later met.\n"
	runExtractCases(t, []extractCase{
		{name: "the following", text: story, content: "cursed for ten years", want: true, speaker: "Mark Telford"},
		{name: "as follows", text: story, content: "We do not comment on sermons", want: true, speaker: "council"},
	})
}

// TestDashSignatures: a dash and a name after a quote sign it when the
// quote opens its sentence; a name ends at its period unless the word
// before is an abbreviation ("Sec."); a phrase quoted inside a sentence
// and a dash after it sign nothing.
func TestDashSignatures(t *testing.T) {
	const story = "Words to live by\n\nThe page quoted a scientist.\n" +
		"“Doubt is the start of all knowledge.” – Newton.\nAll of these sites have since closed.\n" +
		"Today I am at the border talking with officers on how we keep ports of entry safe. — Sec.\nKaren Vogel (@SecVogel) May 4, 2019\n" +
		"The choice is between a soft deal, a hard one and the so-called ‘full breakfast’ – Brexit.\nNobody knows which.\n"
	runExtractCases(t, []extractCase{
		{name: "name and period", text: story, content: "Doubt is the start", want: true, speaker: "Newton"},
		{name: "abbreviation", text: story, content: "ports of entry safe", want: true, speaker: "Karen Vogel"},
		{name: "inside a sentence", text: story, content: "full breakfast", want: false},
	})
}

// TestLeadingSubordinator: "whereas police assert" has the police for
// its source, not "whereas police".
func TestLeadingSubordinator(t *testing.T) {
	const story = "Hotel receipt raises questions\n\nThe receipt is dated March 3, whereas police assert that Harlan checked in on March 4.\n"
	runBoundsCases(t, []boundsCase{
		{"whereas", story, "assert", "police", "that Harlan checked in on March 4"},
	})
}

// TestSpokesmanInPlace: "An EU spokesman in Washington" speaks for the
// EU; the place is where he is. Other roles keep their place ("a federal
// judge in Ohio" is no judge the article names).
func TestSpokesmanInPlace(t *testing.T) {
	const story = "Trade row deepens\n\nThe US has asked the World Trade Organisation to look at EU farm rules.\n\n" +
		"An EU spokesman in Washington dismissed the complaint as weak.\n\n" +
		"Judge Amy Hollins ruled on the first case in May. A federal judge in Ohio said the second case could go ahead.\n"
	speakerOfContent(t, story, "the complaint as weak", "EU")
	speakerOfContent(t, story, "the second case could go ahead", "federal judge in Ohio")
}

// TestNamesListedAfterPreposition: every name of a list after a
// preposition ("competition from Jamie Foxx, Jim Carrey and Johnny
// Depp") is talked about, so "he" goes on with the subject; a name after
// a comma that opens no list ("on Friday, Lew, the treasurer, said") is
// the subject.
func TestNamesListedAfterPreposition(t *testing.T) {
	const story = "Stars arrive for film awards\n\nHollywood stars including Leo Carter walked the red carpet on Saturday for the film awards in London.\n\n" +
		"Imelda Stone is one of the favourites for best actress. \"It's lovely to be here,\" she told reporters. Carter faces competition from Jamie Foxx, Jim Carrey and Johnny Depp in the best actor category. The crowd screamed when he arrived on the red carpet. \"It's very intense and very loud,\" he told the BBC.\n\n" +
		"The student union's report was criticised by Ben Lew, its treasurer. Speaking to the Gazette on Friday, Lew, the union's treasurer, said he was upset by the report of Tom Boyd. \"I am glad he clarified the matter,\" he said.\n"
	speakerOfContent(t, story, "very intense and very loud", "Leo Carter")
	speakerOfContent(t, story, "glad he clarified", "Ben Lew")
}

// TestStateBeforeName: "in Norfolk, Va. Harris, 21, ..." ends the place
// with the state; the name after it is Harris, not "Va. Harris".
func TestStateBeforeName(t *testing.T) {
	const story = "US reacts to end of inquiry with relief\n\n" +
		"This undated photo shows Dajah Harris, in Norfolk, Va. Harris, 21, a college senior at Old Dominion University in Norfolk, Virginia, is a Democrat and no fan of the president.\n" +
		"But she saw the investigation as a distraction from more important things like the border wall.\n" +
		"The country should never have elected someone, she said, whose background raises such questions.\n"
	speakerOfContent(t, story, "should never have elected someone", "Dajah Harris")
}

// TestSubjectReadAsContent: the model read the subject opening the
// sentence as a piece of the content ("The Jewish groups | this rhetoric
// “was used ...”"); it is the source, and "They" after it goes back to
// it.
func TestSubjectReadAsContent(t *testing.T) {
	const story = "Student union vote row\n\n" +
		"A statement Wednesday by Hillel Club, Chabad House and three other Jewish groups said Mr Hale was mistaken about the timing of an anti-Semitic message posted online by Democratize Union.\n" +
		"Mr Hale’s report said the message followed the assembly vote, but in fact it was posted at the beginning of October.\n" +
		"Democratize Union deleted the message, which targeted Dan Moss and two other candidates, after the meeting and apologized for publishing material that was “insensitive to tropes of Jewish people as corrupt and politically powerful.”\n" +
		"The Jewish groups said this anti-Semitic rhetoric “was used to encourage students to vote specifically against Dan Moss.\n" +
		"It is under this context that the (general assembly) occurred, and the report fundamentally misunderstands this, which alters the entire findings of the report.”\n" +
		"They say Mr Hale’s report “insinuates that Jewish students who engage with mainstream Jewish community organizations are permitted to be precluded from holding political office.”\n"
	speakerOfContent(t, story, "was used to encourage students", "Jewish groups")
	speakerOfContent(t, story, "insinuates that Jewish students", "Jewish groups")
}

// TestDocumentSpeakers: a plan, an agreement or a policy speaks for its
// authors as a description, like a report, not as an unknown.
func TestDocumentSpeakers(t *testing.T) {
	const story = "Deal on debt agreed\n\nThe firm has five days to pay the fine, according to the agreement. " +
		"\"Costs will rise by 5%,\" the plan states. Their privacy policy says no data is sold.\n"
	runExtractCases(t, []extractCase{
		{name: "agreement", text: story, content: "five days to pay", want: true, speaker: "agreement", kind: claimtrail.SpeakerDescription},
		{name: "plan", text: story, content: "Costs will rise", want: true, speaker: "plan", kind: claimtrail.SpeakerDescription},
		{name: "policy", text: story, content: "no data is sold", want: true, speaker: "privacy policy", kind: claimtrail.SpeakerDescription},
	})
}

// TestHypotheticalSource: "If the council agrees on the draft, ..." says
// what would be, not what was said; "even if the coach admitted"
// concedes what was said.
func TestHypotheticalSource(t *testing.T) {
	const story = "Plan goes to second reading\n\nThe draft was approved by the committee in May.\n\n" +
		"If the council agrees on the draft it will then return for a second reading.\n\n" +
		"The team lost, even if the coach admitted the pitch was poor.\n"
	runExtractCases(t, []extractCase{
		{name: "if", text: story, content: "the draft it will then return", want: false},
		{name: "even if", text: story, content: "the pitch was poor", want: true, speaker: "-"},
	})
}

// TestNameBeforeRole: "“...,” Will Dawes, senior research fellow at the
// IPPR told ..." has Will Dawes for its source, not the role alone; a
// time before a role ("On Tuesday, the mayor said") and an aside of
// officials ("Mr Hale, officials said, left") are no name in apposition.
func TestNameBeforeRole(t *testing.T) {
	const story = "Online town hall proposed\n\nA think tank says the government should build a website for citizens to debate laws.\n\n" +
		"\"What we are proposing is a civic commons,\" Will Dawes, senior research fellow at the IPPR told the BBC News website. \"A single place to go.\"\n\n" +
		"The city's mayor, Ann Ruiz, backed the plan. On Tuesday, the mayor said the city would pay for it. Mr Hale, officials said, left the project in May.\n"
	speakerOfContent(t, story, "civic commons", "Will Dawes")
	// a given name that is also a month is still a name
	const april = "Labs funded\n\nThe council will fund two new labs.\n\n\"It is a real step,\" April Dunn, senior fellow at the institute told the BBC News website.\n"
	runBoundsCases(t, []boundsCase{{"month name", april, "told", "April Dunn, senior fellow at the institute", "\"It is a real step,\""}})
	speakerOfContent(t, story, "the city would pay", "Ann Ruiz")
	for _, a := range extractOrFail(t, story).Attributions {
		if a.Source != nil && strings.Contains(a.Source.Text, "Hale, officials") {
			t.Errorf("aside read as apposition: %+v", a.Source)
		}
	}
}

// TestCompanyOfTwoWords: a two-word name with a company noun before it
// ("budget airline Sky Kestrel") or shares in it is an organisation, not
// a person; one written as part of a longer name is left alone.
func TestCompanyOfTwoWords(t *testing.T) {
	const story = "Airline shares plunge\n\nShares in Australian budget airline Sky Kestrel plunged 20% on Monday.\n\n" +
		"Sky Kestrel said profits would be 15% lower than the year before.\n\n" +
		"Shares in Harbour Grain fell too. Harbour Grain said its harvest was poor.\n"
	runExtractCases(t, []extractCase{
		{name: "company noun", text: story, content: "profits would be 15% lower", want: true, speaker: "Sky Kestrel", kind: claimtrail.SpeakerOrganization},
		{name: "shares in", text: story, content: "harvest was poor", want: true, speaker: "Harbour Grain", kind: claimtrail.SpeakerOrganization},
	})
}

// TestAdverbBeforePronoun: "First he said ..." has "he" for its source,
// not "First he"; "Let's face it, ... saying" is the writer's aside.
func TestAdverbBeforePronoun(t *testing.T) {
	const story = "Mayor under fire\n\nMeanwhile, Mayor Tom Lane has been as erratic as ever. First he said that the judge had to be heard; then he attacked her in terms that were a slur on all women.\n\n" +
		"Let's face it, the firm tried to file for discovery, and now prosecutors are trying to block information, saying it's 'classified'.\n"
	speakerOfContent(t, story, "the judge had to be heard", "Tom Lane")
	for _, a := range extractOrFail(t, story).Attributions {
		if a.Source != nil && strings.HasPrefix(a.Source.Text, "Let") {
			t.Errorf("printed %+v", a)
		}
	}
}

// TestPluralDescriptionWithOf: "Members of the church said" is spoken by
// the members of the church, not by "Members".
func TestPluralDescriptionWithOf(t *testing.T) {
	const story = "Families fight deportation\n\nThe families are part of a community of about 2,000 people around the city of Dover.\n\n" +
		"Members of the church said they would pray for the families. Critics say the rules are too harsh.\n"
	runExtractCases(t, []extractCase{
		{name: "of", text: story, content: "they would pray", want: true, speaker: "Members of the church", kind: claimtrail.SpeakerDescription},
		{name: "alone", text: story, content: "rules are too harsh", want: true, speaker: "Critics", kind: claimtrail.SpeakerDescription},
	})
}

// TestItAfterPersonSource: "it says" goes back to the document that
// spoke before a spokeswoman did, not to her; a capitalised plural
// opening a sentence between ("Officials in both countries are ...")
// names no one it could be.
func TestItAfterPersonSource(t *testing.T) {
	const story = "Embassy warns staff\n\n\"The department is taking these reports seriously,\" the message says.\n" +
		"Officials in both countries are looking into the matter, an embassy spokeswoman said.\n" +
		"\"If you hear unusual sounds, do not try to find their source,\" it says, urging people to see a doctor.\n"
	speakerOfContent(t, story, "do not try to find their source", "message")
}

// TestBodyNamedWithFor: "the Department for International Development"
// is one name, not "International Development" (nor "Department").
func TestBodyNamedWithFor(t *testing.T) {
	const story = "Aid target promised\n\nA spokeswoman for the Department for International Development said: \"The government has made a clear commitment.\"\n\n" +
		"Minister for Europe Dan Shaw said the talks would go on.\n"
	runExtractCases(t, []extractCase{
		{name: "department", text: story, content: "made a clear commitment", want: true, speaker: "Department for International Development", kind: claimtrail.SpeakerOrganization},
		{name: "minister", text: story, content: "talks would go on", want: true, speaker: "Dan Shaw", kind: claimtrail.SpeakerPerson},
	})
}

// TestPluralIncludingNames: "opponents of the bill, including Lord Hale
// and the Bishop of Wexford, the Rt Rev Michael Tandy-Jones, said" is
// said by the opponents, not by the last person named among them.
func TestPluralIncludingNames(t *testing.T) {
	const story = "Peers debate succession bill\n\nThe bill was debated in the Lords on Friday. But opponents of the bill, including Tory Lord Hale of Alness and the Bishop of Wexford, the Rt Rev Michael Tandy-Jones, said it would split the state from the church.\n"
	runExtractCases(t, []extractCase{
		{name: "including", text: story, content: "split the state from the church", want: true, speaker: "opponents of the bill", kind: claimtrail.SpeakerDescription},
	})
}

// TestSitePagesAreNoOne: the names a page's boilerplate leaves in its
// text ("Privacy Policy and Terms of Use", "Email This field") are no one
// "she" can be.
func TestSitePagesAreNoOne(t *testing.T) {
	const story = "Senator on diversity\n\nSenator Jane Holt spoke to a radio host over the weekend.\n" +
		"“Politeness is not weakness,” Holt said.\n" +
		"You also agree to this site's Privacy Policy and Terms of Use.\n" +
		"Email This field is for validation purposes and should be left unchanged.\n" +
		"“And I don’t think it’s weak to say we value that,” she concluded.\n"
	speakerOfContent(t, story, "weak to say we value", "Jane Holt")
}

// TestLinkLinesAndDemonstratives: a line of links to other stories
// ("Read more: Brexit: Why is ...?", "SEE ALSO: Lee Says ...") states
// nothing of this article, and a bare "This" speaks for no one; a quote
// on its own line before such a line keeps its words.
func TestLinkLinesAndDemonstratives(t *testing.T) {
	const story = "Talks resume in Brussels\n\nNegotiators met in Brussels on Tuesday in a bid to amend the deal.\n" +
		"Read more: Brexit: Why is the border plan so controversial?\n" +
		"SEE ALSO: Democrats Prepared To Call Lee To Testify\n" +
		"The minister said the talks had been constructive. This echoed the views of the opposition leader, who called the deal a start.\n"
	runExtractCases(t, []extractCase{
		{name: "read more", text: story, content: "border plan so controversial", want: false},
		{name: "see also", text: story, content: "Prepared To Call Lee", want: false},
		{name: "this", text: story, content: "the views of the opposition leader", want: false},
		{name: "statement", text: story, content: "talks had been constructive", want: true, speaker: "minister"},
	})
}

// TestPluralVerbAfterName: a name without a given name that takes a
// plural verb ("Sepra predict") is a body, not a person; "Analysts say"
// stays a description.
func TestPluralVerbAfterName(t *testing.T) {
	const story = "Wind farms to grow\n\nEcologists are warning that Scotland may have to accept more wind farms.\n\n" +
		"Sepra predict that the two sources will remain in use for decades. Analysts say the cost will fall.\n"
	runExtractCases(t, []extractCase{
		{name: "body", text: story, content: "two sources will remain", want: true, speaker: "Sepra", kind: claimtrail.SpeakerOrganization},
		{name: "plural noun", text: story, content: "the cost will fall", want: true, speaker: "Analysts", kind: claimtrail.SpeakerDescription},
	})
}

// TestNamedParty: "the Social Democrats say" is a party by name, an
// organisation; "House Democrats" stays a group of people.
func TestNamedParty(t *testing.T) {
	const story = "Coalition talks stall\n\nThe Social Democrats say the budget must be rewritten before they join a coalition.\n\n" +
		"House Democrats said they would vote against the bill.\n"
	runExtractCases(t, []extractCase{
		{name: "party", text: story, content: "budget must be rewritten", want: true, speaker: "Social Democrats", kind: claimtrail.SpeakerOrganization},
	})
}

// TestWantedToKnow: "“...?” Rep. Darrell Issa wanted to know." is Issa's
// question (the name's abbreviation and period do not end the search
// for the cue), not the last speaker's.
func TestWantedToKnow(t *testing.T) {
	const story = "Inspector questioned\n\nThe inspector general appeared before the committee on Monday with the bureau director.\n" +
		"Rep. Darrell Issa, a California Republican, also questioned the inspector.\n" +
		"“They don’t work in counterintelligence,” said Rep. Mark Meadows, who charged that the bureau gave the inspector “false information” and altered key reports.\n" +
		"“How did the director see the report before it came out?” Rep. Darrell Issa wanted to know.\n" +
		"Horowitz said the director did not see the whole report.\n"
	speakerOfContent(t, story, "How did the director see the report", "Darrell Issa")
}
