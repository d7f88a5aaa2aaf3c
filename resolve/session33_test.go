package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestPeerStyledByPlace: a peer styled by a place ("Lord Dennison of
// Harwood") is one person under one name: the source that names him so
// is a person, not a body "of" a place, and "Lord Dennison" and "he"
// later are the same man under the same name. A peer without a place
// keeps the short name ("Lord Fallow" is Fallow).
func TestPeerStyledByPlace(t *testing.T) {
	const text = "Judges reject detention law\n\nThe law lords ruled against the government on Thursday.\n\n" +
		"Lord Fallow said the rules were unlawful. Lord Dennison of Harwood, in his ruling, said the scheme could not stand.\n\n" +
		"Lord Dennison said the ministers had been warned."
	runChainCases(t, []chainCase{
		{"the styled name, a person", text, []string{"Lord Fallow", "Lord Dennison of Harwood, in his ruling,"}, []int{0, 0},
			"Lord Dennison of Harwood", claimtrail.SpeakerPerson},
		{"the short name later", text, []string{"Lord Fallow", "Lord Dennison of Harwood, in his ruling,", "Lord Dennison"}, []int{0, 0, 1},
			"Lord Dennison of Harwood", claimtrail.SpeakerPerson},
		{"a peer with no place", text, []string{"Lord Fallow"}, []int{0}, "Fallow", claimtrail.SpeakerPerson},
	})
}

// TestPronounAfterQuoteGoesOn: "he" or "she" opening the sentence right
// after a quotation, or right after the closing mark of a quotation its
// own sentence opened after the source, goes on with the one quoted
// (a person named in the source, or a body by its unnamed spokesperson
// of that gender), not with a person named before. Near misses: the
// quote's source inside another's report, a quotation that names the
// one taken for its speaker, a spokesperson named in apposition, a
// report between the quote and the pronoun.
func TestPronounAfterQuoteGoesOn(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a peer's quote, another peer before",
			"Ruling\n\nLord Fallow said the rules were unlawful. Lord Dennison of Harwood, in his ruling, said: \"Detention without trial is anathema.\"\n\nHe said the scheme had failed.",
			[]string{"Lord Fallow", "Lord Dennison of Harwood, in his ruling,", "He"}, []int{0, 0, 0}, "Lord Dennison of Harwood", claimtrail.SpeakerPerson},
		{"a body's spokeswoman",
			"Project\n\nMinister Anna Birt defended the scheme. A Quarrow Department spokeswoman said Ms Birt had been \"ambitious\". She added: \"Others lost out too.\"",
			[]string{"Minister Anna Birt", "A Quarrow Department spokeswoman", "She"}, []int{0, 0, 0}, "Quarrow Department", claimtrail.SpeakerOrganization},
		{"after the closing mark",
			"Budget\n\nEd Morrow said the plans were sound. For the Liberals Dan Pettit said: \"The chancellor will boast today,\" he said.",
			[]string{"Ed Morrow", "Dan Pettit", "he"}, []int{0, 0, 3}, "Dan Pettit", claimtrail.SpeakerPerson},
		// near misses
		{"a spokesman named in apposition",
			"Homes\n\nA spokesman for Veldmark Builders, Dr Quennick, told the BBC this would mean \"better homes\". He said the firm would gain.",
			[]string{"A spokesman for Veldmark Builders, Dr Quennick,", "He"}, []int{0, 0}, "Quennick", claimtrail.SpeakerPerson},
		{"a quote that names the source",
			"League\n\nPaul Sorley said the season was too long. Dean Lark, his team-mate, has expressed doubts \"I think Dean's situation is about the games,\" he said.",
			[]string{"Paul Sorley", "Dean Lark, his team-mate,", "he"}, []int{0, 0, 2}, "Paul Sorley", claimtrail.SpeakerPerson},
	})
}

// TestBodyCalledSo: "the company", "the brewer", "the bank" goes on with
// the body the article itself calls so (the noun before its name, in
// apposition after it, or a word of its name), over a body named as a
// subject nearer; a product or unit a body owns ("its sci-fi shooter,
// Starfall") is no company, and a regulator's initials in brackets
// after its name ("(SBC)") no business. Near misses: the noun before a
// name after a preposition ("a stake in newspaper company Darpan"), an
// opening phrase's possessive ("In its statement, Veldco said").
func TestBodyCalledSo(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the noun before its name",
			"Brewer buys stake\n\nAustralian brewer Quellsby has bought 18% of Tarrant, the wine maker. Tarrant said it was surprised. Tarrant confirmed the brewer had asked for talks.",
			[]string{"the brewer"}, []int{0}, "Quellsby", claimtrail.SpeakerOrganization},
		{"in apposition after its name",
			"Bribery\n\nVeldco, a California-based company, pleaded guilty. Orrin Media said Veldco had paid agents. Prosecutor Ann Lake said bribery was a crime. The company says it no longer tolerates such practices.",
			[]string{"The company"}, []int{0}, "Veldco", claimtrail.SpeakerOrganization},
		{"a word of its name",
			"Mortgages\n\nNationwide said prices rose in March. Further evidence emerged from Bank of Quarrow lending figures released on Tuesday. Loans fell to 79,000, the bank said.",
			[]string{"the bank"}, []int{0}, "Bank of Quarrow", claimtrail.SpeakerOrganization},
		{"a product is no company",
			"Starfall sells five million copies\n\nThis week Korvex Software is celebrating sales of its sci-fi shooter, Starfall.\n\nThe game has sold five million copies, the company said.",
			[]string{"the company"}, []int{0}, "Korvex Software", claimtrail.SpeakerOrganization},
		{"a regulator's initials",
			"Bribery\n\nVeldco pleaded guilty. It agreed to settle a lawsuit brought by the watchdog, the Quarrow Markets Commission (QMC).\n\nThe QMC had accused Veldco of paying agents. The company says it no longer tolerates such practices.",
			[]string{"The company"}, []int{0}, "Veldco", claimtrail.SpeakerOrganization},
		// near misses
		{"the noun after a preposition",
			"Deal\n\nQuillon is buying a stake in newspaper company Darpan. Darpan publishes a daily paper. Quillon publishes four. The company reported strong growth.",
			[]string{"The company"}, []int{0}, "company", claimtrail.SpeakerDescription},
		{"an opening phrase's possessive",
			"Cheats\n\nVeldco banned 20,000 players on Monday. In its statement, Veldco also said the rumours were false. The company said the hack came from players.",
			[]string{"The company"}, []int{0}, "Veldco", claimtrail.SpeakerOrganization},
	})
}

// TestSeatHolder: "the MP for Ealing Vale" names by the seat the person
// named in the sentence before, never someone new; with two persons
// named there, or none, it stays a description.
func TestSeatHolder(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the member named before",
			"Casinos\n\nOn Monday the minister, Tessa Varley, defended the bill.\n\nMeanwhile Labour backbencher Stephen Pollard labelled the schemes \"a pile of pants\". The MP for Ealing Vale claimed the bill would encourage vice.",
			[]string{"The MP for Ealing Vale"}, []int{0}, "Stephen Pollard", claimtrail.SpeakerPerson},
		{"a former minister, with the party",
			"Reform\n\nFormer Cabinet minister Douglas Hoggart, whose father served as lord chancellor, said the Bill was \"largely unnecessary\". But the Tory MP for Sleaford Moor admitted the role had to change.",
			[]string{"the Tory MP for Sleaford Moor"}, []int{0}, "Douglas Hoggart", claimtrail.SpeakerPerson},
		// near misses
		{"two persons named before",
			"Casinos\n\nTessa Varley attacked Stephen Pollard over the bill. The MP for Ealing Vale claimed the bill would encourage vice.",
			[]string{"The MP for Ealing Vale"}, []int{0}, "MP for Ealing Vale", claimtrail.SpeakerDescription},
		{"no person named before",
			"Casinos\n\nThe bill was published on Monday. The MP for Ealing Vale claimed it would encourage vice.",
			[]string{"The MP for Ealing Vale"}, []int{0}, "MP for Ealing Vale", claimtrail.SpeakerDescription},
	})
}

// TestOfficeForField: what an office is for, written in capitals after
// it with no given name, is no person ("the Secretary of State for
// Culture, Media and Sport, Tessa Jowell" is Jowell, and "Minister for
// Defence Procurement" no one called so): a later "the culture
// secretary" is the person who holds the office.
func TestOfficeForField(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the office holder",
			"Casinos\n\nThe Secretary of State for Culture, Media and Sport, Tessa Jowling, has hit out at critics of the bill. The culture secretary said a consultation had produced a consensus.",
			[]string{"The culture secretary"}, []int{0}, "Tessa Jowling", claimtrail.SpeakerPerson},
		{"a peer and his office",
			"Defence\n\nLord Bachman, Minister for Defence Procurement, said the order would go ahead.",
			[]string{"Lord Bachman, Minister for Defence Procurement,"}, []int{0}, "Bachman", claimtrail.SpeakerPerson},
	})
}

// TestSpokespersonForField: a party's spokesperson "for" a field written
// in lower case is the person named after it ("Liberal Democrat
// spokeswoman for women Sandra Gidley"), not the party; and "she" right
// after her quote goes on with her. A spokesperson for a person or a
// body named after "for" still speaks for them.
func TestSpokespersonForField(t *testing.T) {
	const text = "Pay\n\nMinister Theresa Hale said the plan would help mothers. Liberal Democrat spokeswoman for women Anna Fenwick said: \"Mothers would welcome extra pay.\" She said her party would do more."
	runChainCases(t, []chainCase{
		{"the spokeswoman named", text, []string{"Minister Theresa Hale", "Liberal Democrat spokeswoman for women Anna Fenwick"}, []int{0, 0},
			"Anna Fenwick", claimtrail.SpeakerPerson},
		{"and her pronoun", text, []string{"Minister Theresa Hale", "Liberal Democrat spokeswoman for women Anna Fenwick", "She"}, []int{0, 0, 0},
			"Anna Fenwick", claimtrail.SpeakerPerson},
		{"a spokesman for a body", "Hunting\n\nA spokesman for the Rural Alliance said the ban was wrong.",
			[]string{"A spokesman for the Rural Alliance"}, []int{0}, "Rural Alliance", claimtrail.SpeakerOrganization},
	})
}

// TestNationalityAlone: "the Argentine" with a verb after it is a person
// by nationality (the one written with it), never a name "Argentine";
// "the Australian government" is no person.
func TestNationalityAlone(t *testing.T) {
	const text = "Tennis\n\nHome favourite Tom Hewley came through a five-set battle with Argentine David Nalvez.\n\nThe Argentine had stoked up the temperature by saying the celebrations were bad for the sport."
	runChainCases(t, []chainCase{
		{"the Argentine", text, []string{"The Argentine"}, []int{0}, "David Nalvez", claimtrail.SpeakerPerson},
	})
}

// TestBodyByPassiveAgent: a body named as the agent of a passive acts
// ("The Relay Service is being piloted by the Quarrow Institute for Deaf
// People, but the organisation says"): the description goes on with the
// agent, not with the passive's subject.
func TestBodyByPassiveAgent(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the agent",
			"Video help\n\nDeaf people could soon relay calls by webcam.\n\nThe Video Relay Service is being piloted by the Quarrow Institute for Deaf People, but the organisation says the service must be cheap.",
			[]string{"the organisation"}, []int{0}, "Quarrow Institute for Deaf People", claimtrail.SpeakerOrganization},
		{"an agent with no article",
			"Players\n\nConsumers want music on the move.\n\nProduced by Orrin Holdings Ltd, the analysis found only 13% want video. The firm said makers should focus on music.",
			[]string{"The firm"}, []int{0}, "Orrin Holdings Ltd", claimtrail.SpeakerOrganization},
	})
}
