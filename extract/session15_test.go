package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestPronounAfterToldBy: the agent of "were told by X" is who goes on
// speaking, not a name talked about, and a newspaper's name is no "she".
func TestPronounAfterToldBy(t *testing.T) {
	story := "Council keeps quiet on flood plans\n\n" +
		"The Riverside Gazette has asked twice to speak with Mayor Tom Reilly about the flood plans.\n" +
		"Both times, reporters were told by Jane Ortiz, the council's director of communications, that the mayor “will not be giving interviews.”\n" +
		"“As he has said before, the review is still going on” she said in an email Thursday.\n"
	speakerOfContent(t, story, "review is still going on", "Jane Ortiz")
}

// TestNewspaperShortName: "the Post" after "the Washington Post" is that
// newspaper, not a new organisation called "Post"; "the Times" after two
// newspapers of that name stays as written.
func TestNewspaperShortName(t *testing.T) {
	story := "Mayor's plan questioned\n\n" +
		"The Greenford Post first reported the plan on Monday.\n" +
		"The mayor, Ana Ruiz, said the plan would cut costs.\n" +
		"The Post said the plan had been drafted by a consultant who was paid twice.\n"
	speakerOfContent(t, story, "drafted by a consultant", "Greenford Post")
	story = "Papers split on the plan\n\n" +
		"The Greenford Times and the Ashby Times both covered the plan on Monday.\n" +
		"The Times said the plan had been drafted by a consultant who was paid twice.\n"
	speakerOfContent(t, story, "drafted by a consultant", "Times")
}

// TestToldOutletNoThat: the outlet told ("the BBC", "the Courier news
// website", "the Associated Press news agency") is the relay, not the
// start of what was said, when no "that" follows it; a person of the
// outlet ("the BBC's Ann Lowe") or a name after it stays out of the
// outlet.
func TestToldOutletNoThat(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"outlet then a bare noun", "Schools\n\nMs Kemp told the BBC progress had been made on discipline.\n", "told",
			"Ms Kemp", "progress had been made on discipline"},
		{"outlet's website", "Phones\n\nA Sony representative told the BBC News website this was a consumer product.\n", "told",
			"A Sony representative", "this was a consumer product"},
		{"news agency", "Contract\n\nColonel Ray Dunn told the Associated Press news agency the withdrawal was agreed.\n", "told",
			"Colonel Ray Dunn", "the withdrawal was agreed"},
		{"programme and its name", "Radio\n\nTom Erde built the laptop. He told the BBC World Service programme Go Digital he hoped it would help schools.\n", "told",
			"He", "he hoped it would help schools"},
		{"a name after the outlet", "Party\n\nSources within the party told the BBC Mr Hollis had always backed the cards.\n", "told",
			"Sources within the party", "Mr Hollis had always backed the cards"},
	})
}

// TestOfficeOfAPlace: "the President of Ruritania" names an office, not a
// person called Ruritania whom "the President" could be later.
func TestOfficeOfAPlace(t *testing.T) {
	story := "Old scandals\n\n" +
		"Further back, there was the murder of the President of Ruritania in 1963.\n" +
		"The people indicted were collateral damage in what the President has long called a “witch hunt.”\n"
	for _, a := range extractOrFail(t, story).Attributions {
		if strings.Contains(a.Speaker.Name, "Ruritania") {
			t.Errorf("speaker %q of %+v, want no place", a.Speaker.Name, a.Content)
		}
	}
}

// TestDeputyIsNotTheOffice: "Deputy Mayor Ann Gale" is not "the mayor".
func TestDeputyIsNotTheOffice(t *testing.T) {
	story := "Probe into mayor's jibe\n\n" +
		"An inquiry is under way after the city mayor's remarks to a journalist.\n" +
		"On Sunday, Deputy Mayor Ann Gale said she believed an apology would come on Tuesday.\n" +
		"The mayor accused the reporter of ambushing him at a private party.\n"
	a := attributionWith(t, extractOrFail(t, story), "with content ambushing", hasContent(func(c string) bool { return strings.Contains(c, "ambushing") }))
	if a.Speaker.Name == "Ann Gale" {
		t.Errorf("speaker %q, want not the deputy", a.Speaker.Name)
	}
}

// TestNationalityDescription: "said the American" after a player is
// named is that player, as "the Dutchman" is the manager just named.
func TestNationalityDescription(t *testing.T) {
	story := "Tennis\n\nLena Voss reached her first final in Doha on Saturday. Voss was the more powerful player but could not match her opponent.\n" +
		"“It was my first final, a new experience,” said the German.\n"
	speakerOfContent(t, story, "my first final", "Lena Voss")
}

// TestPlaceBeforeRole: "Beaten Georgia senate candidate Dana Price" does
// not make a person "Beaten Georgia" (Georgia is also a given name) whom
// a later "she" would be.
func TestPlaceBeforeRole(t *testing.T) {
	story := "Dana Price Ends Challenges In Georgia Race\n\n" +
		"Defeated Georgia gubernatorial candidate Dana Price finally ended her challenges on Friday against Republican opponent Tom Kerr.\n" +
		"However, in the same breath that she ended the challenges, she also declared she would be filing a lawsuit over what she called \"gross mismanagement\" of the count.\n"
	speakerOfContent(t, story, "filing a lawsuit", "Dana Price")
}

// TestModifierNameIsNoPerson: a name seen only before a noun or "'s" ("a
// Vantix executive", "Vantix's gift") is no "she"; the analyst named in
// full is.
func TestModifierNameIsNoPerson(t *testing.T) {
	story := "Phones in 2005\n\n" +
		"Sales may slow in Europe, but Ms Benes said it was hard to say how quickly that would happen. " +
		"Nor would the rush to better cameras be a reason to upgrade on its own. " +
		"Most camera phones sold today are cheap.\n\n" +
		"More likely to drive sales would be design, as well as music services. " +
		"The Vantix Zeta V3 phone was typical of the attention to design that would be more common next year, she added.\n"
	speakerOfContent(t, story, "typical of the attention", "Benes")
}

// TestEventIsNoPerson: a tournament's name ("the Harbour Open") is no
// "she".
func TestEventIsNoPerson(t *testing.T) {
	story := "Tennis\n\nMaria Lenk lost 6-2 5-7 6-2 to the world number six on Sunday. The day before, the champion went down in two sets.\n\n" +
		"Lenk slid down the rankings last year after a virus. The Harbour Open starts in three weeks and is her goal.\n" +
		"\"I have to be positive, I still have a few weeks,\" she said.\n"
	speakerOfContent(t, story, "I have to be positive", "Maria Lenk")
}

// TestDescriptionAfterQuote: the description before a name after a closed
// quote is part of the source, and the quote is the content.
func TestDescriptionAfterQuote(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"description alone", "Film\n\nThe release was put off again. \"If you have not gone against the book, then how can you go against the film?\" Mr Kapur's lawyer Mira Desai said. This is the second delay.\n", "said",
			"Mr Kapur's lawyer Mira Desai", "\"If you have not gone against the book, then how can you go against the film?\""},
		{"quote and description", "Court\n\n\"We won!\" his lawyer Tom Reyes said on Monday.\n", "said",
			"his lawyer Tom Reyes", "\"We won!\""},
	})
}

// TestSubjectAfterAndOfAClause: a source that took in the clause before
// "and" or "but" starts at the subject after it; a list of adjectives or
// a second predicate after "is" stays whole.
func TestSubjectAfterAndOfAClause(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"and", "Chelsea\n\nDuff hurt a knee in the defeat at Leeds and manager Jose Garrido said: \"He will be out for weeks.\"\n", "said:",
			"manager Jose Garrido", "\"He will be out for weeks.\""},
		{"but and a time", "EU\n\nBritain has been more cautious on the issue, but on Wednesday Mr Strand said the deal was fair.\n", "said",
			"Mr Strand", "the deal was fair"},
	})
}

// TestInvertedSayBetweenCommas: "The combination, say economists, marks
// a journey" is the economists' claim, not the combination's.
func TestInvertedSayBetweenCommas(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"say", "Debt\n\nThe combination, say economists, marks a journey into mostly uncharted territory.\n", "say",
			"economists", "The combination / marks a journey into mostly uncharted territory"},
	})
}

// TestNegatedSource: "No group has claimed", "Neither firm commented":
// nothing was said; "No 10 said" (Downing Street) was.
func TestNegatedSource(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "no group", text: "Attack\n\nNo group has claimed responsibility for the attack on the museum.\n", content: "responsibility", want: false},
		{name: "neither", text: "Cars\n\nNeither Rover nor its partner commented on the reports of a merger.\n", content: "the reports", want: false},
		{name: "No 10", text: "Threat\n\nNo 10 said the threat was real and the warnings were right.\n", content: "the threat was real", want: true, speaker: "-"},
	})
}

// TestJudgedQuote: a verb of judging gives the quote after "as" or "for"
// to its subject ("was caught mocking the senator as a “farmer who never
// went to law school”"); a passive's subject is the one judged.
func TestJudgedQuote(t *testing.T) {
	story := "Race\n\nBrady was caught mocking Sen. Tom Grass, R-Iowa, as a “farmer from Iowa who never went to law school” at a fundraiser.\n"
	speakerOfContent(t, story, "farmer from Iowa", "Brady")
	runExtractCases(t, []extractCase{
		{name: "passive", text: "Police praise singer\n\nRock star Ozzie Lund has been praised by police for “very courageously” tackling a burglar.\n", content: "very courageously", want: false},
	})
}

// TestWebRoleAndSayForInstance: "Commenter" before a name is a title
// (the web's roles are newer than WordNet); "— say, the latitude —" is a
// writer's "for instance", no report.
func TestWebRoleAndSayForInstance(t *testing.T) {
	story := "Boards\n\nCommenter Paul Stoff (who wrote the story above) noted that the company recently created a fork of the tool.\n"
	speakerOfContent(t, story, "created a fork", "Paul Stoff")
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"how one or two variables - say, the latitude of the winds - changed", true},
		{"how one or two variables (say, the latitude) changed", true},
		{"Officials say, however, that the winds changed", false},
		{"they say the winds changed", false},
	} {
		at := strings.Index(tc.text, "say")
		a := &claimtrail.Attribution{Cue: &claimtrail.Span{Start: at, End: at + 3, Text: "say"}}
		if got := sayForInstance(tc.text, func(cp int) int { return cp }, a); got != tc.want {
			t.Errorf("sayForInstance(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestItTheDescription: "it" with no name to go back to is the body or
// document that opens its sentence or the one before ("The company will
// have to persuade managers but it said").
func TestItTheDescription(t *testing.T) {
	story := "Grid\n\nThe new service costs a dollar an hour. The company will have to persuade data centre managers to adopt the model but it said it already had interest from oil firms.\n"
	speakerOfContent(t, story, "already had interest", "company")
}

// TestTheyThePluralSubject: "they" with no named group to go back to is
// the plural subject of its sentence or the one before.
func TestTheyThePluralSubject(t *testing.T) {
	story := "Budget\n\nThe minister, Ravi Nair, said the budget was fair. \"It is a good budget,\" Mr Nair said.\n\n" +
		"The Communists are also hostile to plans to let firms hire and fire at will.\n\n" +
		"They said the reform plans would hurt millions of workers across the country.\n"
	speakerOfContent(t, story, "would hurt millions", "Communists")
}

// TestItsSpeakerIsACompany: a one-word name that speaks of itself as
// "its" is an organisation, not a person.
func TestItsSpeakerIsACompany(t *testing.T) {
	x := extractOrFail(t, "Phones\n\nSales of handsets rose in the quarter. Vantix said its profits had doubled on strong demand in Asia.\n")
	a := attributionWith(t, x, "with content its profits", hasContent(func(c string) bool { return strings.Contains(c, "its profits") }))
	if a.Speaker.Name != "Vantix" || a.Speaker.Kind != claimtrail.SpeakerOrganization {
		t.Errorf("speaker %+v, want the organisation Vantix", a.Speaker)
	}
}
