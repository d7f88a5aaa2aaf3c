package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestRelativeAfterDefiniteDescription: "The congressman, who said" is the
// congressman the article names; an indefinite one is someone new.
func TestRelativeAfterDefiniteDescription(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"definite", "Rep. Dale Okafor of Ohio spoke on Monday. The congressman, who described the vote as a farce, left early.", "who", 0, "Dale Okafor", claimtrail.SpeakerPerson},
		// near miss: an indefinite description names no one known
		{"indefinite", "Rep. Dale Okafor of Ohio spoke on Monday. A congressman, who described the vote as a farce, left early.", "who", 0, "congressman", claimtrail.SpeakerDescription},
	})
}

// TestPartyMemberIsNoName: "the Senate’s top Democrat" is one person
// described by party, and no "he" goes back to a person named "Tory".
func TestPartyMemberIsNoName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"described by party", "Candidates clashed on Monday while the Senate’s top Democrat said he objected to the plan.", "the Senate’s top Democrat", 0, "Senate’s top Democrat", claimtrail.SpeakerDescription},
		{"with a noun after it", "Another senior Tory MP said the plan was dead.", "Another senior Tory MP", 0, "Another senior Tory MP", claimtrail.SpeakerDescription},
		// (and right after a person is named, it is that person)
		{"with a state after a person", "Rep. Ann Lowe spoke on Monday. The New York Democrat said the plan was dead.", "The New York Democrat", 0, "Ann Lowe", claimtrail.SpeakerPerson},
		{"with a state", "The vote was close on Monday. The New York Democrat said the plan was dead.", "The New York Democrat", 0, "New York Democrat", claimtrail.SpeakerDescription},
		{"no pronoun goes back to it", "Harriet Okoye chairs the committee. A senior Tory attacked the plan on Monday. She said it would fail.", "She", 0, "Harriet Okoye", claimtrail.SpeakerPerson},
		// near miss: the party's name for the party itself
		{"the party", "The Tories said the plan was dead.", "The Tories", 0, "Tories", claimtrail.SpeakerGroup},
	})
}

// TestPronounAfterAndIsTheSubject: "Mr. Hanley’s wife, ..., had it moved,
// and she asked" is the wife's, not a woman's name from paragraphs back
// nor a place read as one.
func TestPronounAfterAndIsTheSubject(t *testing.T) {
	const story = "Dora Fisk chaired the inquiry. The money paid for a stay at the Martha’s Vineyard Holistic Retreat, the report said. " +
		"A year later, Mr. Hanley’s wife, knowing the painting was bought with campaign money, had it moved, and she asked a staff member to sell it."
	runResolveCases(t, []resolveCase{
		{"the subject", story, "she", 0, "Mr. Hanley’s wife", claimtrail.SpeakerDescription},
		// near miss: a pronoun of the other gender is not the wife
		{"other gender", "Paul Fisk chaired the inquiry. A year later, Mr. Hanley’s wife had it moved, and he asked a staff member to sell it.", "he", 1, "Paul Fisk", claimtrail.SpeakerPerson},
	})
}

// TestRelativeAfterPlural: "who" after a plural noun is the noun phrase
// it ends, not the words before its preposition.
func TestRelativeAfterPlural(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"past a preposition", "That was the point of contention for Democratic lawmakers who complained about the reading.", "who", 0, "Democratic lawmakers", claimtrail.SpeakerGroup},
		{"adjectives kept", "The plan drew fire from many angry farmers who said it came too late.", "who", 0, "many angry farmers", claimtrail.SpeakerGroup},
	})
}

// TestTitledSurname: of several people with one surname, a mention with
// an office title is the one seen with that title.
func TestTitledSurname(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"the office holder", "Mary Vale, a daughter of ex-Vice President Dick Vale, wrote a post. Nora Vale replied. Vice President Vale said nothing.", "Vice President Vale", 0, "Dick Vale", claimtrail.SpeakerPerson},
	})
}

// TestDefiniteAfterUnnamed: "the senior official" after "a senior Justice
// Department official" is that unnamed official, not the person most in
// view; one named right after its introduction is that person.
func TestDefiniteAfterUnnamed(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"unnamed", "Mayor Lena Ortiz returned home on Saturday. No charges are planned, according to a senior city official. Ortiz waved to supporters, the senior official said.", "the senior official", 0, "senior official", claimtrail.SpeakerDescription},
		// near misses: a named one, and what someone becomes
		{"named", "A senior city official, Lena Ortiz, spoke first. The official said the plan was dead.", "The official", 0, "Lena Ortiz", claimtrail.SpeakerPerson},
		{"becomes", "Rafe Dunn wanted to become an actor at 15. The actor said he had no regrets.", "The actor", 0, "Rafe Dunn", claimtrail.SpeakerPerson},
		{"an apposition", "Rafe Dunn, a writer for the Gazette, posted again. The writer said he had no regrets.", "The writer", 0, "Rafe Dunn", claimtrail.SpeakerPerson},
	})
}

// TestSurnameAfterHeadline: a surname first seen alone (a headline) and
// then lengthened to one person's full name does not take every later
// "Mr. Vale": the surname goes to the person of that gender.
func TestSurnameAfterHeadline(t *testing.T) {
	const story = "Vale family split\n\nNora Vale declared in July she would run.\n\nHer father, Tom Vale, backed her in June.\n\nMr. Vale has voiced support for the plan."
	runResolveCases(t, []resolveCase{
		{"by gender", story, "Mr. Vale", 0, "Tom Vale", claimtrail.SpeakerPerson},
		{"the full name still", story, "Nora Vale", 0, "Nora Vale", claimtrail.SpeakerPerson},
	})
}

// TestPartyStateTag: "R-TX" set off after a name stands for that person,
// and is no organisation of its own.
func TestPartyStateTag(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"after a name", "Sen. Dale Okafor, R-TX, who heads the committee, predicted a close race.", "R-TX", 0, "Dale Okafor", claimtrail.SpeakerPerson},
		{"alone", "R-TX predicted a close race.", "R-TX", 0, "", claimtrail.SpeakerUnknown},
		{"party of a state", "Dozens signed a letter from Representative Peter Welch, Democrat of Vermont, calling the deal unfair.", "Democrat of Vermont", 0, "Peter Welch", claimtrail.SpeakerPerson},
	})
}

// TestTitleInsideRunAfterOf: "in Virginia of Rep. Dale Okafor" names Dale
// Okafor, not "Virginia of Rep. Dale Okafor".
func TestTitleInsideRunAfterOf(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"after of", "Republicans were stunned by the defeat in Tuesday’s primary in Virginia of Rep. Dale Okafor to a newcomer. Okafor said he would stay.", "Okafor", 1, "Dale Okafor", claimtrail.SpeakerPerson},
		// near miss: an organisation's "of" stays
		{"organisation", "Bank of America said profits rose.", "Bank of America", 0, "Bank of America", claimtrail.SpeakerOrganization},
	})
}

// TestNameBeforeTitledApposition: "Mike Prettejohn, Netcraft president,"
// is Prettejohn, not the president named earlier in the article.
func TestNameBeforeTitledApposition(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"apposition", "President Mara Voss opened the port on Monday. Tom Reyes, Harbourline president, said the fees would stay.", "Tom Reyes, Harbourline president,", 0, "Tom Reyes", claimtrail.SpeakerPerson},
		// near miss: the title alone still goes back to the person named with it
		{"title alone", "President Mara Voss opened the port on Monday. The president said the fees would stay.", "The president", 0, "Mara Voss", claimtrail.SpeakerPerson},
	})
}

// TestPersonOwnedRole: "Mr Blair's official spokesman" is the spokesman,
// a description, not whoever is most in view; a country's minister is a
// title of its own.
func TestPersonOwnedRole(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"a person's spokesman", "Tony Blair met Gerry Conlon on Monday. Mr Blair's official spokesman said the talks went well.", "Mr Blair's official spokesman", 0, "Mr Blair's official spokesman", claimtrail.SpeakerDescription},
		{"a person's agent", "Mike Tindall played on Saturday. Mike Tindall's agent has warned Bath.", "Mike Tindall's agent", 0, "Mike Tindall's agent", claimtrail.SpeakerDescription},
	})
}

// TestGivenNameGender: a common given name tells "she" it is not him.
func TestGivenNameGender(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"he is not she", "Sandra Hill produced the show. The host, Graham Norton, joked with guests. She said the show was a hit.", "She", 0, "Sandra Hill", claimtrail.SpeakerPerson},
	})
}

// TestDocumentSources: slides, affidavits, warrants and indictments speak
// as descriptions, as reports and letters do.
func TestDocumentSources(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"slides", "According to slides from an internal presentation, the program grew.", "slides from an internal presentation", 0, "slides from an internal presentation", claimtrail.SpeakerDescription},
		{"affidavit", "The affidavit says the door was already ajar.", "The affidavit", 0, "affidavit", claimtrail.SpeakerDescription},
	})
}

// TestNamesJoined: a source that joins names is all of them, not its
// last or first name.
func TestNamesJoined(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"with a quantifier", "The deal was debated for months. Democrats and some Republicans have said it is hardly unusual.", "Democrats and some Republicans", 0, "Democrats and some Republicans", claimtrail.SpeakerGroup},
		{"a list", "Reps. Dale Okafor, Ann Reyes and Tom Vale said some protesters shouted slurs.", "Dale Okafor, Ann Reyes and Tom Vale", 0, "Dale Okafor, Ann Reyes and Tom Vale", claimtrail.SpeakerGroup},
		// near miss: two titles of one person
		{"one person", "Harbour Master and board member Dale Okafor said the quay was safe.", "Harbour Master and board member Dale Okafor", 0, "Dale Okafor", claimtrail.SpeakerPerson},
	})
}

// TestHeadlineAdjectiveBeforeName: "Defiant Matt Williams says" names Matt
// Williams; a given name the list lacks keeps its place ("Carlo Maria
// Viganò").
func TestHeadlineAdjectiveBeforeName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"adjective", "Defiant Matt Williams says he will not quit as coach.", "Defiant Matt Williams", 0, "Matt Williams", claimtrail.SpeakerPerson},
		{"three names", "The letter was written by Carlo Maria Viganò last year. Viganò said he stood by it.", "Viganò", 1, "Carlo Maria Viganò", claimtrail.SpeakerPerson},
	})
}

// TestFirstPersonPossessive: "My decision to reveal" is the writer's, an
// unknown speaker, not a person named "My".
func TestFirstPersonPossessive(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"my", "My decision to reveal those facts was painful.", "My", 0, "", claimtrail.SpeakerUnknown},
	})
}

// TestCampaignName: "Stop Soros" is a campaign, not a person whose
// surname a later "Soros" shares.
func TestCampaignName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"campaign", "The government ran a Stop Soros campaign last year. George Soros denied the claims. Soros said his rule evoked dark times.", "Soros", 2, "George Soros", claimtrail.SpeakerPerson},
		{"organisation", "Stop Harbour Expansion said the plan was flawed.", "Stop Harbour Expansion", 0, "Stop Harbour Expansion", claimtrail.SpeakerOrganization},
	})
}
