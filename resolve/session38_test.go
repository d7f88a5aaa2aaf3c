package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// TestTitledSurnameNotBody: a headline's lone surname that is also a
// word for companies ("Post", read as a newspaper's) is no body a later
// "Dr Post" names when the article names a person of that surname in
// full: the titled name is that person's. Near miss: the word without a
// person's title ("The Post said") stays the body's.
func TestTitledSurnameNotBody(t *testing.T) {
	const opening = "Post hits back at critics\n\nRail union chief Anna Post was speaking after the vote on Monday. "
	runChainCases(t, []chainCase{
		{"a titled surname", opening + "Dr Post told reporters the plan was flawed.",
			[]string{"Dr Post"}, []int{0}, "Anna Post", claimtrail.SpeakerPerson},
		// near miss: no person's title
		{"no title", opening + "The Post said the plan was flawed.",
			[]string{"The Post"}, []int{0}, "Post", claimtrail.SpeakerOrganization},
	})
}

// TestRelativeAfterRoleOfBody: "who" after a role in apposition to a
// person named in full, the role ending with a body after a preposition
// ("Tom Vell, chairman of the NRB, who", "Dr. Ann Rusk, a chemist and an
// expert on Voxtel, who"), is the person, not the body. Near miss: a
// person after the preposition ("a lawyer for Dan Pike, who") is left
// to the nearest name.
func TestRelativeAfterRoleOfBody(t *testing.T) {
	runChainCases(t, []chainCase{
		{"of the body", "Vote delayed\n\nMany came out in support, including Tom Vell, chairman of the NRB, who urged the board to delay the vote.",
			[]string{"who"}, []int{0}, "Tom Vell", claimtrail.SpeakerPerson},
		{"on a body", "Search bias\n\nThe host cited Dr. Ann Rusk, a chemist and an expert on Voxtel, who has said that Voxtel could sway any vote.",
			[]string{"who"}, []int{0}, "Ann Rusk", claimtrail.SpeakerPerson},
		// near miss: a person after the preposition
		{"a person", "Trial\n\nThe court heard from Tom Vell, a lawyer for Dan Pike, who said the case was weak.",
			[]string{"who"}, []int{0}, "Dan Pike", claimtrail.SpeakerPerson},
	})
}

// TestNameBeforeBodyPost: a lone name before a post in a body and a
// person's name ("Vantor chief executive Tom Kell", "Vantor finance
// director Ann Lee") is the body's, as before a bare role ("Vantor
// spokesman"). Near miss: a verb between ("Moreno praised managing
// director Tom Kell") leaves the name a person's.
func TestNameBeforeBodyPost(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a post", "Job cuts\n\nVantor chief executive Tom Kell announced the cuts on Monday. Vantor said demand had fallen.",
			[]string{"Vantor"}, []int{1}, "Vantor", claimtrail.SpeakerOrganization},
		// near miss: a verb between
		{"a verb", "Board row\n\nMoreno praised managing director Tom Kell on Monday. Moreno said the results were good.",
			[]string{"Moreno"}, []int{1}, "Moreno", claimtrail.SpeakerPerson},
	})
}

// TestItselfAfterVerb: "itself" right after a name's verb ("Vantor has
// set itself a target") is a body's, as "its" is. Near miss: a person's
// reflexive ("Vantor has set himself a target") leaves the name a
// person's.
func TestItselfAfterVerb(t *testing.T) {
	const opening = "Vantor secures order\n\nVantor is to supply Kansai Air with 50 planes in a deal worth $6bn. " +
		"The plane, which Vantor says is cheap to run, will fly in 2008. "
	cases := []struct {
		name, text string
		want       claimtrail.SpeakerKind
	}{
		{"a reflexive", opening + "Vantor has set itself a target of 200 orders by the end of the year.", claimtrail.SpeakerOrganization},
		// near miss: a person's reflexive
		{"a person's", opening + "Vantor has set himself a target of 200 orders by the end of the year.", claimtrail.SpeakerPerson},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := segment.Segment(tc.text)
			for i := range d.Tokens {
				switch d.Tokens[i].Text {
				case "set":
					d.Tokens[i].POS = "VBN" // as the tagger has them
				case "has", "says":
					d.Tokens[i].POS = "VBZ"
				}
			}
			got := Resolve(d, []Mention{mentionOf(t, tc.text, "Vantor", 2)})
			if got[0].Kind != tc.want {
				t.Errorf("Vantor → %q (%s), want %s", got[0].Name, got[0].Kind, tc.want)
			}
		})
	}
}

// TestBodyDescriptionPrevSubject: of bodies named as often before "the
// company", the one that is the subject of the sentence just before,
// when the description opens the next, is the one it goes on with.
// Near miss: the description inside its sentence stays one.
func TestBodyDescriptionPrevSubject(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the subject just before", "Deals\n\nShares in Snelco and Vantor rose. Snelco has cut its prices. Vantor has signed a deal with Haltex. The company also said it had sold ten planes.",
			[]string{"The company"}, []int{0}, "Vantor", claimtrail.SpeakerOrganization},
		// near miss: not opening its sentence
		{"inside the sentence", "Deals\n\nShares in Snelco and Vantor rose. Snelco has cut its prices. Vantor has signed a deal with Haltex. Later the company also said it had sold ten planes.",
			[]string{"the company"}, []int{0}, "company", claimtrail.SpeakerDescription},
	})
}

// TestWrittenGenderOverList: "she" is no person whose given name is on
// the women's list when the text writes the name as a verb's subject
// with "his" after it ("When Marr had his time to speak"): the text says
// more than the list. Near miss: with no such pronoun the list stands.
func TestWrittenGenderOverList(t *testing.T) {
	const opening = "Hearing row\n\nSenator Lindsey Marr backed the judge on Monday, believing nothing Dr. Christine Pell said. " +
		"All of the witnesses, including Dr. Pell's friend, whom she claims was at the party, refute her story. "
	runChainCases(t, []chainCase{
		{"his after the name", opening + "When Marr had his time to speak, he called it a sham.",
			[]string{"she"}, []int{0}, "Christine Pell", claimtrail.SpeakerPerson},
		// near miss: no pronoun after the name
		{"no pronoun", opening + "Marr called it a sham.",
			[]string{"she"}, []int{0}, "Lindsey Marr", claimtrail.SpeakerPerson},
	})
}

// TestNoTitleBeforeThe: a role before "the" is no title of the name
// after it ("one lawyer the IG report had not named" gives the IG no
// "lawyer"), so "his lawyer" later stays a description. Near miss: the
// role right before the name ("lawyer Jan Ross") is still its title.
func TestNoTitleBeforeThe(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a role before the", "Panel\n\nMembers asked about one lawyer the IG report had not named. Tom Vell was escorted from the building. As his lawyer told reporters, Vell had played by the rules.",
			[]string{"his lawyer"}, []int{0}, "lawyer", claimtrail.SpeakerDescription},
		// near miss: the role right before the name
		{"a role before the name", "Panel\n\nMembers asked about lawyer Jan Ross, whom the IG report had not named. Tom Vell was escorted from the building. As the lawyer told reporters, Vell had played by the rules.",
			[]string{"the lawyer"}, []int{0}, "Jan Ross", claimtrail.SpeakerPerson},
	})
}

// TestRoleWordNoName: "The IG said", resolved to no one but the role's
// own word, is a description of the person, not a person named "IG".
// Near miss: the role with the holder's name in apposition ("The IG,
// Tom Vell, said") is that person.
func TestRoleWordNoName(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the role alone", "Audit\n\nThe watchdog's report came out on Monday. The IG said the files were lost.",
			[]string{"The IG"}, []int{0}, "IG", claimtrail.SpeakerDescription},
		// near miss: a name in apposition
		{"a name in apposition", "Audit\n\nThe watchdog's report came out on Monday. The IG, Tom Vell, said the files were lost.",
			[]string{"The IG, Tom Vell,"}, []int{0}, "Tom Vell", claimtrail.SpeakerPerson},
	})
}
