package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestFirmNamesWithAmpersand: capitalised words joined by "&" are one
// firm's name ("Ernst & Young", "Marsh & McLennan"), an organisation
// that a later "it" goes on with, never a person called "Young"; two
// people's names so joined stay two ("Robert Hale & Pamela Ward", a
// surname the article writes after a given name elsewhere).
func TestFirmNamesWithAmpersand(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"firm", "Tax take\n\nEarlier this month, accountancy firm Ernst & Young said that the forecasts were too optimistic. It claimed revenues were likely to be lower.",
			"accountancy firm Ernst & Young", 0, "Ernst & Young", claimtrail.SpeakerOrganization},
		{"described", "Insurers\n\nThe world's biggest insurance broker Marsh & McLennan said last week it would pay $850m to settle the charges.",
			"The world's biggest insurance broker Marsh & McLennan", 0, "Marsh & McLennan", claimtrail.SpeakerOrganization},
		{"surname not the firm", "Court\n\nThe panel was hosted by a lawyer of the law firm Goldstein & Russell. Russell predicted that the court would act soon.",
			"Russell", 0, "Russell", claimtrail.SpeakerPerson},
		{"two people", "Tennis\n\nAndy Murray reached the final. Henman & Murray said they were happy with the award.",
			"Henman & Murray", 0, "Henman & Murray", claimtrail.SpeakerGroup},
	})
}

// TestPartyIsNoOnePerson: a definite description of one person ("the
// nominee") never stands for a party or its members named before it
// ("Senate Republicans' hope of confirming the nominee").
func TestPartyIsNoOnePerson(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"members", "New claims\n\nTwo women accused Judge Brett Kavanaugh of misconduct late Sunday, throwing Senate Republicans' hope of confirming the Supreme Court nominee this week into doubt.\n\nPresident Trump continues to support Kavanaugh, who maintains his innocence.\n\n\"This alleged event did not happen,\" the nominee said on Sunday.",
			"the nominee", 0, "nominee", claimtrail.SpeakerDescription},
	})
}

// TestUndecidedOwnerRole: a role owned by a one-word name ("Smith's
// agent") is someone working for them, not the person most in view
// (the headline's "Smith demand for O'Neill talks" gave it to O'Neill);
// a country's ("the UK's biggest lender") is left to the other rules.
func TestUndecidedOwnerRole(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"agent", "Smith demand for O'Neill talks\n\nSmith's agent has confirmed that the player is hoping for talks with Martin O'Neill as the midfielder comes closer to leaving.",
			"Smith's agent", 0, "Smith's agent", claimtrail.SpeakerDescription},
	})
}

// TestBothAnd: a source that opens with "both" and joins two parties with
// "and" is both of them, never the last one alone.
func TestBothAnd(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"title and name", "Aid\n\nBoth the prime minister and Chancellor Gordon Brown have called for urgent action to fight poverty.",
			"Both the prime minister and Chancellor Gordon Brown", 0, "prime minister and Chancellor Gordon Brown", claimtrail.SpeakerGroup},
		{"bodies", "Airline\n\nBoth the Italian government and Alitalia have repeatedly denied that the money was state aid.",
			"Both the Italian government and Alitalia", 0, "Italian government and Alitalia", claimtrail.SpeakerGroup},
		{"acronyms", "Mortgages\n\nBoth the Council of Mortgage Lenders (CML) and Building Society Association (BSA) said lending was down.",
			"Both the Council of Mortgage Lenders (CML) and Building Society Association (BSA)", 0, "Council of Mortgage Lenders (CML) and Building Society Association (BSA)", claimtrail.SpeakerGroup},
	})
}

// TestSecondPersonJoined: "and" joins a second person to a first when
// the second is written as theirs ("and his campaign boss Alan Milburn")
// or follows a full name ("singer Gary Lightbody and drummer Jonny
// Quinn"): a group of both; a title's second title stays one person.
func TestSecondPersonJoined(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"his", "Campaign\n\nThe prime minister and his campaign boss Alan Milburn claim the choice is stark.",
			"The prime minister and his campaign boss Alan Milburn", 0, "prime minister and his campaign boss Alan Milburn", claimtrail.SpeakerGroup},
		{"full name", "Band news\n\nSinger Gary Lightbody and drummer Jonny Quinn said the band had been through hard times.",
			"Singer Gary Lightbody and drummer Jonny Quinn", 0, "Singer Gary Lightbody and drummer Jonny Quinn", claimtrail.SpeakerGroup},
		{"two titles", "Senate race\n\nConnecticut Attorney General and U.S. Senate candidate Richard Blumenthal said he had misspoken.",
			"Connecticut Attorney General and U.S. Senate candidate Richard Blumenthal", 0, "Richard Blumenthal", claimtrail.SpeakerPerson},
	})
}

// TestTrailingAuxiliary: an auxiliary the source took from the verb after
// it is no part of the speaker ("state prosecutors have | said").
func TestTrailingAuxiliary(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"have", "Court\n\nThe hearing was delayed again. State prosecutors have said the evidence was strong.",
			"State prosecutors have", 0, "State prosecutors", ""},
		{"were in", "Club rescue\n\nThe club was sold in May. The administrators were in talks over a new deal.",
			"The administrators were in", 0, "administrators", claimtrail.SpeakerDescription},
	})
}

// TestBodyNameWithAnd: a body's name that opens with a head and "of" or
// "for" goes on over "and" ("Department of Housing and Urban
// Development"): one organisation, not a group of two; a person named
// after "and" is not taken in.
func TestBodyNameWithAnd(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"department", "Housing\n\nThe U.S. Department of Housing and Urban Development announced new rules on Friday.",
			"The U.S. Department of Housing and Urban Development", 0, "U.S. Department of Housing and Urban Development", claimtrail.SpeakerOrganization},
		{"institute", "Forecast\n\nThe National Institute of Economic and Social Research said growth would slow.",
			"The National Institute of Economic and Social Research", 0, "National Institute of Economic and Social Research", claimtrail.SpeakerOrganization},
		{"person after and", "Health\n\nThe Department of Health and Tony Blair said the plan would work.",
			"The Department of Health and Tony Blair", 0, "Department of Health and Tony Blair", claimtrail.SpeakerGroup},
	})
}

// TestFullNameThenOfOrIn: a person's full name, then "of" or "in" and
// where they work or are, is that person ("Chief Judge Patti Saris of
// the US District Court in Boston"), not the court or the place; an
// office before "of" with no given name stays as it was.
func TestFullNameThenOfOrIn(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"of", "Detention\n\nChief Judge Patti Saris of the US District Court in Boston wrote that she had a say over his confinement.",
			"Chief Judge Patti Saris of the US District Court in Boston", 0, "Patti Saris", claimtrail.SpeakerPerson},
		{"of body", "Ferguson\n\nCapt. Ronald S. Johnson of the Missouri State Highway Patrol said the night had been calm.",
			"Capt. Ronald S. Johnson of the Missouri State Highway Patrol", 0, "Ronald S. Johnson", claimtrail.SpeakerPerson},
		{"office", "Spies\n\nDirector of National Intelligence Dan Coats said the threat was real.",
			"Director of National Intelligence Dan Coats", 0, "Dan Coats", claimtrail.SpeakerPerson},
	})
}

// TestPluralsJoined: "and" between plurals joins several bodies, a group
// ("The Conservatives and Lib Dems"); one body's name holding "and"
// stays one organisation ("The Securities and Exchange Commission").
func TestPluralsJoined(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"parties", "Budget\n\nThe Conservatives and Lib Dems said the budget was a con.",
			"The Conservatives and Lib Dems", 0, "Conservatives and Lib Dems", claimtrail.SpeakerGroup},
		{"one body", "Accounts\n\nThe Securities and Exchange Commission said the accounts were wrong.",
			"The Securities and Exchange Commission", 0, "Securities and Exchange Commission", claimtrail.SpeakerOrganization},
	})
}

// TestNameParticleInHead: a name particle inside the head name ("Lula da
// Silva", "Osama bin Laden") keeps the name a person's, not a
// description that the name modifies (an organisation).
func TestNameParticleInHead(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"da", "Brazil\n\nPresident Luiz Inacio Lula da Silva said the economy would grow.",
			"President Luiz Inacio Lula da Silva", 0, "Luiz Inacio Lula da Silva", claimtrail.SpeakerPerson},
		{"van den", "Airline\n\nAviation analyst Nick Van den Brul of BNP Paribas described the results as modest.",
			"Aviation analyst Nick Van den Brul of BNP Paribas", 0, "Nick Van den Brul", claimtrail.SpeakerPerson},
	})
}

// TestPMIsTheOffice: "the PM" is the prime minister, the person the
// article titles so or is about, never a person called "PM"; a
// headline's "PM" is the one the story titles prime minister.
func TestPMIsTheOffice(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"about", "Brexit talks\n\nTheresa May met EU leaders in Brussels on Monday. The PM said she would return next week.",
			"The PM", 0, "Theresa May", claimtrail.SpeakerPerson},
		{"headline", "British PM warns of uncharted territory\n\nBritish Prime Minister Theresa May warned MPs on Sunday that the deal was the only one on offer.",
			"British PM", 0, "Theresa May", claimtrail.SpeakerPerson},
		{"nobody", "Rift\n\nLabour MPs warned that feuding could cost the party the election. The PM insisted nothing would derail the campaign.",
			"The PM", 0, "prime minister", claimtrail.SpeakerDescription},
	})
}

// TestWorkByTitle: "the album Exodus", "the book Shattered" name a work
// by its title, a description, never a person called by the title.
func TestWorkByTitle(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"book", "Campaign\n\nAccording to the book Shattered, the campaign staff were divided.",
			"the book Shattered", 0, "book Shattered", claimtrail.SpeakerDescription},
		{"album", "Reggae\n\nThe album Exodus came out in 1977 and confirmed his global superstar status.",
			"The album Exodus", 0, "album Exodus", claimtrail.SpeakerDescription},
	})
}

// TestBodyOnName: "Subcommittee on Investigations" is one body's name,
// not a person called "Investigations" (its kind is left to the other
// rules: a group, for the plural it ends in).
func TestBodyOnName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"on", "Sanctions\n\nThe Senate Permanent Subcommittee on Investigations said the deal was flawed.",
			"The Senate Permanent Subcommittee on Investigations", 0, "Senate Permanent Subcommittee on Investigations", ""},
	})
}

// TestPeopleBeforePhrase: "who" after a phrase about a thing goes with
// the people the phrase describes ("some conservatives on social media
// who maintain"), not an unknown; people right before it are left to
// the other rules.
func TestPeopleBeforePhrase(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"group", "Nominee\n\nShe is already coming under criticism from some conservatives on social media who maintain that she is a globalist.",
			"who", 0, "some conservatives on social media", claimtrail.SpeakerGroup},
		{"description", "Gun owners\n\nSixthly, the man quoted in the news story who had complained about the armed fellow said he was afraid.",
			"who", 0, "the man quoted in the news story", claimtrail.SpeakerDescription},
	})
}
