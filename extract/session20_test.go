package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestLeadInByLines: on a page that breaks lines without blank ones (one
// segmenter paragraph), a quote standing alone takes its speaker from
// the lines just before it, not from a tweet quoted far up (a channel
// ranks high, but only against lead-ins on the same line); lines that
// open with a quote mark or run on inside a quote do not count in the
// distance, so a quote run over several lines keeps its speaker; a
// statement five plain lines up is too far to lead in.
func TestLeadInByLines(t *testing.T) {
	const story = "Student council row goes on\n" +
		"Marek Dvorak, a student representative, wrote on Twitter: “Close the council down now, all of it.”\n" +
		"The council set up a committee on the issue.\n" +
		"On Wednesday, Rector Helena Brandt said the college wants every student to feel safe.\n" +
		"“I will remain vigilant to ensure that all members of our community feel welcome on our campus.”\n" +
		"Speaking at a rally in the square, Mr Orlov said: 'The question of a new vote was one of the options.\n" +
		"'We have not had a vote yet and the council should be ashamed of itself.\n" +
		"'This vote has been delayed and delayed.\n" +
		"It is finally going to take place in the second week of January.\n" +
		"That is not acceptable.'\n" +
		"'Well, both of those options are completely unacceptable to us.'\n" +
		"The college was founded in 1821.\n" +
		"Its library holds two million books.\n" +
		"Its gardens are open to the public.\n" +
		"Tickets cost five euros.\n" +
		"Parking is free on Sundays.\n" +
		"“Nobody expected the building to be finished before the winter.”\n"
	runExtractCases(t, []extractCase{
		{name: "line before, not the tweet", text: story, content: "I will remain vigilant", want: true, speaker: "Helena Brandt"},
		{name: "after a quote run over lines", text: story, content: "both of those options", want: true, speaker: "Orlov"},
		{name: "too far", text: story, content: "Nobody expected the building", want: true, speaker: "", kind: claimtrail.SpeakerUnknown},
	})
}

// TestQuestionLeadsToAnswer: a reported question ("X was asked by Y if
// ...") does not lead into the quote after it, which is the answer, not
// the asker's words; a question given in the asker's own words after a
// colon still does.
func TestQuestionLeadsToAnswer(t *testing.T) {
	const answer = "Senator wants the full report\n\n" +
		"Senator Lara Quist was asked by the host, Tom Weller, if she would be satisfied with a summary of the report.\n\n" +
		"“We are going to need to see the same evidence that the prosecutors saw, and all of it.”\n"
	const asked = "Provincial asks questions\n\n" +
		"Father Anselm Roth asked some very leading questions in his closing address:\n\n" +
		"“Who decides whether a community can still govern itself on its own terms?”\n"
	runExtractCases(t, []extractCase{
		{name: "answer is not the asker's", text: answer, content: "going to need to see", want: true, speaker: "", kind: claimtrail.SpeakerUnknown},
		{name: "own question", text: asked, content: "Who decides whether", want: true, speaker: "Anselm Roth"},
	})
}

// TestPronounClosingReport: "..., she said." closing a report is the
// unnamed source of the sentence before ("A police spokeswoman said ...
// She said ... The gangs shared tips, she said."), not a person named in
// what she reports.
func TestPronounClosingReport(t *testing.T) {
	const story = "Card fraud ring broken up\n\n" +
		"Prosecutor Alan Reeve said one of the ringleaders was believed to be a Latvian, Oskar Vitols.\n\n" +
		"A spokeswoman for the city council said the investigators went undercover on the website. " +
		"She said criminals were using the site to sell stolen card numbers. " +
		"The gangs shared tips on how to commit fraud and sold the tools they needed, she said.\n"
	runExtractCases(t, []extractCase{
		{name: "closing pronoun", text: story, content: "The gangs shared tips", want: true, speaker: "spokeswoman for the city council"},
	})
}

// TestRoleOpeningSentence: a role noun capitalised because it opens the
// sentence ("Rocker Doherty appealed ...") is no part of the name when
// the article writes the surname after a given name elsewhere ("Pete
// Doherty"); a given name opening a sentence ("Victor Lang said"),
// written so inside sentences too, stays.
func TestRoleOpeningSentence(t *testing.T) {
	const story = "Gig stopped after crush\n\n" +
		"The band's singer Pete Marlow sang two new songs on Friday.\n\n" +
		"Rocker Marlow appealed to fans to calm down, saying the crush was hurting people at the front.\n\n" +
		"Victor Lang said the hall would review its safety rules. The manager, Victor Lang, runs the hall.\n"
	runExtractCases(t, []extractCase{
		{name: "role opening the sentence", text: story, content: "the crush was hurting people", want: true, speaker: "Pete Marlow"},
		{name: "given name", text: story, content: "review its safety rules", want: true, speaker: "Victor Lang"},
	})
}

// TestBasedCompany: "Paris-based Euronext" is Euronext, an organisation:
// where it is based is no part of the name, and people are not "based".
func TestBasedCompany(t *testing.T) {
	const story = "Bourse weighs cash bid\n\n" +
		"Lisbon-based Marenta, owner of two smaller exchanges, is also in talks. In a statement on Thursday, Marenta said any offer was likely to be in cash.\n"
	runExtractCases(t, []extractCase{
		{name: "based company", text: story, content: "any offer was likely", want: true, speaker: "Marenta", kind: claimtrail.SpeakerOrganization},
	})
}

// TestAcronymWithOffice: an acronym nobody in the article has for
// initials is an organisation even when an office word came to it from
// a person's office of it ("Mark Ruiz, director of the NLAB's bureau").
func TestAcronymWithOffice(t *testing.T) {
	const story = "Civil rights group condemns slogans\n\n" +
		"The NLAB adopted a resolution on Tuesday calling on the movement's leaders to repudiate bigotry.\n\n" +
		"The NLAB President Ann Lee announced the vote, said Mark Ruiz, director of the NLAB's Washington bureau.\n\n" +
		"\"We take no issue with the movement itself,\" Lee said.\n"
	runExtractCases(t, []extractCase{
		{name: "acronym", text: story, content: "the movement's leaders to repudiate bigotry", want: true, speaker: "NLAB", kind: claimtrail.SpeakerOrganization},
	})
}

// TestFamilyNameFirst: a family name written first ("Lee Jae-sung ...
// Lee said") and a given name after "Sir" ("Sir Alan Marsh ... Sir
// Alan") are the person of the full name, and a "he" after them goes
// on with that person; "Mr Howell" after "Howell Davies" is a surname,
// someone else's.
func TestFamilyNameFirst(t *testing.T) {
	const story = "Impeachment vote fails\n\n" +
		"President Park Min-ho apologised on Saturday.\n\n" +
		"Lee Jae-sung, leader of the opposition, described the address as disappointing.\n\n" +
		"Lee, the opposition leader, said the president had caused chaos and fear in the country.\n\n" +
		"\"The democracy of this nation is now being wrecked by an unruly power,\" he said on Friday.\n"
	const knight = "Audit office report\n\n" +
		"Sir Alan Marsh, head of the audit office, published the report on Monday.\n\n" +
		"Sir Alan said the project had wasted money.\n"
	const surname = "Tax row\n\n" +
		"Howell Davies, a Tory candidate, was sacked on Friday.\n\n" +
		"Conservative leader Michael Howell said the party was united. Mr Howell said taxes would fall.\n"
	runExtractCases(t, []extractCase{
		{name: "family name", text: story, content: "had caused chaos", want: true, speaker: "Lee Jae-sung"},
		{name: "he after it", text: story, content: "wrecked by an unruly power", want: true, speaker: "Lee Jae-sung"},
		{name: "sir", text: knight, content: "wasted money", want: true, speaker: "Alan Marsh"},
		{name: "mr is a surname", text: surname, content: "taxes would fall", want: true, speaker: "Michael Howell"},
	})
}

// TestInvertedNounPhrase: "clause, say analysts Gemini Research." is the
// analysts' claim, not the clause speaking and the analysts said.
func TestInvertedNounPhrase(t *testing.T) {
	const story = "Viewers leave television\n\n" +
		"The popularity of the net has meant that many are turning away from TV, say analysts Gemini Research.\n\n" +
		"Optimism is at its highest since 1997 and firms will reap the benefits of public spending, say researchers at Holt Stanway.\n"
	runExtractCases(t, []extractCase{
		{name: "name after a role", text: story, content: "many are turning away from TV", want: true, speaker: "Gemini Research"},
		{name: "researchers at", text: story, content: "Optimism is at its highest", want: true, speaker: "researchers at Holt Stanway"},
	})
}

// TestQuoteBeforeSource: "“...,” one user wrote on the forum" is the
// user's quote, not "the forum" written on and the quote left to the
// doctor the paragraph before was about.
func TestQuoteBeforeSource(t *testing.T) {
	const story = "Forum praise\n\n" +
		"Doctor Hal Brenner answered questions for months.\n\n" +
		"“He is amazing. A gift to this community,” one user wrote on the forum, a site that sprang up after the original.\n\n" +
		"“You will not be getting anything close to what you paid for,” one buyer complained about the powder.\n"
	runExtractCases(t, []extractCase{
		{name: "wrote on", text: story, content: "A gift to this community", want: true, speaker: "one user"},
		{name: "complained about", text: story, content: "anything close to what you paid", want: true, speaker: "one buyer"},
	})
}

// TestCloseDashAside: a content cut at the dash that closes an aside it
// opened goes on to the end of its sentence.
func TestCloseDashAside(t *testing.T) {
	const story = "Museum attack\n\n" +
		"Prime Minister Adel Karoui said that in addition to the slain visitors — from Italy, Poland and Spain — a museum guard and a police officer were killed.\n"
	runExtractCases(t, []extractCase{
		{name: "after the aside", text: story, content: "a museum guard and a police officer were killed", want: true, speaker: "Adel Karoui"},
	})
}

// TestPassAndMindAreNoSpeech: a bill passed and a cost someone does not
// mind are no statements, whatever quote follows in the sentence.
func TestPassAndMindAreNoSpeech(t *testing.T) {
	const story = "Stimulus votes\n\n" +
		"In 2009, when Congress passed a $700 billion stimulus bill backed by the administration, he called it “a responsible mix of tax cuts and investments.”\n\n" +
		"The high price limits the console to diehard fans who don't mind paying a bit more to play exclusive titles.\n\n" +
		"Senator Ann Ruiz said the bill would pass.\n"
	runExtractCases(t, []extractCase{
		{name: "passed a bill", text: story, content: "stimulus bill backed by", want: false},
		{name: "don't mind", text: story, content: "paying a bit more", want: false},
		{name: "a statement", text: story, content: "the bill would pass", want: true, speaker: "Ann Ruiz"},
	})
}

// TestWordsFromName: "a similar sentiment on Twitter from former Rep.
// Leo Marsh. “...,” he wrote" is Marsh's: a name after "from" after a
// noun of what is said speaks; it is not talked about.
func TestWordsFromName(t *testing.T) {
	const story = "Calls to publish the report\n\n" +
		"Senator Cory Baines called for the report's release. “This report should be made public immediately,” he tweeted.\n\n" +
		"It was a similar sentiment on Twitter from former Rep. Leo Marsh of Texas.\n\n" +
		"“Release the report to the American people,” he wrote.\n"
	runExtractCases(t, []extractCase{
		{name: "sentiment from", text: story, content: "Release the report", want: true, speaker: "Leo Marsh"},
	})
}

// TestModalOutOfSource: "'...,' he will say in a speech" has the source
// "he" (resolved) and the cue "will say"; "Theresa May said" keeps her
// name whole.
func TestModalOutOfSource(t *testing.T) {
	const story = "Minister to speak on trade\n\n" +
		"Foreign Secretary Alan Brooke will give a speech in Singapore today.\n\n" +
		"'We are not a superpower and we do not have an empire,' he will say in the speech.\n\n" +
		"Conservative spokeswoman Theresa May said the law would be repealed.\n"
	runExtractCases(t, []extractCase{
		{name: "he will say", text: story, content: "We are not a superpower", want: true, speaker: "Alan Brooke"},
		{name: "surname May", text: story, content: "the law would be repealed", want: true, speaker: "Theresa May"},
	})
}

// TestDocumentAndCompanyDescriptions: "The newsletter says:" and "the
// former monopoly said" are description speakers, not unknowns.
func TestDocumentAndCompanyDescriptions(t *testing.T) {
	const story = "Party mailings\n\n" +
		"The party sent a newsletter to its members in May. The newsletter says: \"We can send them direct mailings to win their votes.\"\n\n" +
		"Telnor made new offers. \"We will cut wholesale prices for every operator,\" the former monopoly said in a statement.\n"
	runExtractCases(t, []extractCase{
		{name: "newsletter", text: story, content: "direct mailings", want: true, speaker: "newsletter", kind: claimtrail.SpeakerDescription},
		{name: "monopoly", text: story, content: "wholesale prices", want: true, speaker: "former monopoly", kind: claimtrail.SpeakerDescription},
	})
}

// TestWrittenThing: "wrote the specific programs", "is writing an
// episode" name a thing written, not what anyone said; "wrote that" and
// a quote stay.
func TestWrittenThing(t *testing.T) {
	const story = "Forgotten coders\n\n" +
		"In 1961 Ellen Marsh wrote the specific programs that revealed the patterns.\n\n" +
		"The comedian Ricky Dale is writing an episode of a hit US cartoon.\n\n" +
		"Marsh wrote that the machine was slow.\n"
	runExtractCases(t, []extractCase{
		{name: "programs", text: story, content: "the specific programs", want: false},
		{name: "episode", text: story, content: "an episode of a hit", want: false},
		{name: "that clause", text: story, content: "the machine was slow", want: true, speaker: "Ellen Marsh"},
	})
}

// TestRequestedAct: "We asked infectious disease experts to explain what
// ..." is no statement by the experts.
func TestRequestedAct(t *testing.T) {
	const story = "Superbugs explained\n\n" +
		"The plan identifies three urgent threats. We asked infectious disease experts to explain what some of them are and when to worry.\n\n" +
		"\"Superbugs should be a concern to everyone,\" says Dr. Ann Cole of Lakeside University.\n"
	runExtractCases(t, []extractCase{
		{name: "asked to explain", text: story, content: "what some of them are", want: false},
		{name: "a quote", text: story, content: "a concern to everyone", want: true, speaker: "Ann Cole"},
	})
}

// TestCandidateByModifiers: "the presumptive Republican presidential
// nominee" is the one written "Republican presidential candidate X", not
// the "Former GOP candidate" named since.
func TestCandidateByModifiers(t *testing.T) {
	const story = "Vote debate\n\n" +
		"Republican presidential candidate Mark Ellison said he opposes the plan.\n\n" +
		"Former GOP candidate Rick Sanders said the plan was bad.\n\n" +
		"The presumptive Republican presidential nominee said he would leave it to others.\n"
	runExtractCases(t, []extractCase{
		{name: "nominee", text: story, content: "leave it to others", want: true, speaker: "Mark Ellison"},
	})
}

// TestHeadlineLead: a headline's quote nobody was found to say is the
// speaker's of the lead's report of the same claim, a description too
// ("Small firms 'hit by rising costs'" | "..., business lobby group the
// CBX says").
func TestHeadlineLead(t *testing.T) {
	const story = "Small firms 'hit by rising costs'\n\n" +
		"Rising fuel and materials costs are hitting confidence among the country's small manufacturers, business lobby group the CBX says.\n\n" +
		"A CBX survey found output had risen.\n"
	const reports = "Rank 'set to sell off film unit'\n\n" +
		"Leisure group Rank could unveil plans to demerge its film services unit and sell its media business, reports claim.\n"
	runExtractCases(t, []extractCase{
		{name: "named lead", text: story, content: "hit by rising costs", want: true, speaker: "CBX"},
		{name: "described lead", text: reports, content: "set to sell off film unit", want: true, speaker: "reports", kind: claimtrail.SpeakerDescription},
	})
}

// TestAudienceQuestion: "After his talk, a question came from a member
// of the audience: “...”" is the audience member's question, never the
// speaker's of the sentence before ("his" in the opening phrase is no
// speaker going on): printed without a speaker, or not at all.
func TestAudienceQuestion(t *testing.T) {
	const story = "Chaos at the conference\n\n" +
		"In November 1960, Professor Karl Weber described the result at a conference in Tokyo, said historian Ann Cole. After his talk, a question came from a member of the audience: “Did you change the starting values just slightly and see how different the results were?”\n"
	for _, a := range extractOrFail(t, story).Attributions {
		for _, c := range a.Content {
			if strings.Contains(c.Text, "Did you change the starting values") && a.Speaker.Name != "" {
				t.Errorf("the audience's question given to %q", a.Speaker.Name)
			}
		}
	}
}

// TestJudgedPassive: "They are accused of depriving shareholders “of
// maximum value”" is no statement of theirs (the quote is the
// accuser's).
func TestJudgedPassive(t *testing.T) {
	const story = "Shareholder sues\n\n" +
		"MCX's directors have backed the rival bid. They are accused of breaching their duties by depriving shareholders \"of maximum value\".\n\n" +
		"Shareholder Dana Price said the rival bid was too low.\n"
	runExtractCases(t, []extractCase{
		{name: "accused", text: story, content: "breaching their duties", want: false},
		{name: "a statement", text: story, content: "the rival bid was too low", want: true, speaker: "Dana Price"},
	})
}

// TestDescribedOrganisation: "Manufacturers' organisation, the EEF,
// said" is the EEF; the description only says what it is.
func TestDescribedOrganisation(t *testing.T) {
	const story = "Rates held\n\n" +
		"The central bank kept rates on hold. Manufacturers' organisation, the EEX, said it expected the hold to continue. It also said confidence may be waning.\n"
	runExtractCases(t, []extractCase{
		{name: "apposed name", text: story, content: "expected the hold to continue", want: true, speaker: "EEX", kind: claimtrail.SpeakerOrganization},
		{name: "it after", text: story, content: "confidence may be waning", want: true, speaker: "EEX"},
	})
}

// TestTitledPair: two persons with their offices joined by "and" are
// both ("German Chancellor Gerd Brandt and Italian Prime Minister Paolo
// Verdi voiced concerns" is the pair, not the second alone).
func TestTitledPair(t *testing.T) {
	const story = "Euro worries\n\n" +
		"German Chancellor Gerd Brandt and Italian Prime Minister Paolo Verdi voiced concerns about the strength of the euro.\n\n" +
		"Mr Verdi said the euro's strength was worrying for exporters.\n"
	runExtractCases(t, []extractCase{
		{name: "pair", text: story, content: "the strength of the euro", want: true, speaker: "Gerd Brandt and Paolo Verdi", kind: claimtrail.SpeakerGroup},
		{name: "one", text: story, content: "worrying for exporters", want: true, speaker: "Paolo Verdi"},
	})
}

// TestLoneWhWord: "Experts have argued over why" reports no statement:
// its content is one question word.
func TestLoneWhWord(t *testing.T) {
	const story = "Fewer women coders\n\n" +
		"The share of women in programming has been stuck for decades. Experts have argued over why. One idea holds that early computers were marketed to boys.\n"
	runExtractCases(t, []extractCase{
		{name: "why", text: story, content: "why", want: false},
	})
}

// TestAnotherIsNoName: "Another" opening a sentence is no person's name
// ("Another said, ‘...’"; "Another peer meanwhile, Lord Skidelsky,
// said" is Skidelsky).
func TestAnotherIsNoName(t *testing.T) {
	const story = "Peers on the vote\n\n" +
		"One peer said the law was badly drafted. Another peer meanwhile, Lord Skidel, said the vote would be close.\n\n" +
		"Another said, 'I have never cried after an election until last night.'\n"
	runExtractCases(t, []extractCase{
		{name: "apposed name", text: story, content: "the vote would be close", want: true, speaker: "Skidel"},
		{name: "alone", text: story, content: "never cried after an election", want: true, speaker: "", kind: claimtrail.SpeakerUnknown},
	})
}
