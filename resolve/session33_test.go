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
