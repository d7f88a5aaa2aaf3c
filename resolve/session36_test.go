package resolve

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestFirmByFullOrList: a lone word the article also writes before a
// business's last word ("Norvex Communications", "Tallis Securities"),
// or in a list after a plural of firms ("electronics giants Norvex and
// Tallis", "Makers such as Norvex and Tallis"), is a body's, not a
// person's. Near misses: a surname before "Foundation" (a person's
// name names many), and a list after a plural for people ("producers
// Norvex and Brandt").
func TestFirmByFullOrList(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the full name", "Bid\n\nThe offer came after Norvex Communications raised its bid. Norvex said the board had refused a deal.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		{"two words then the tail", "Bid\n\nShares of Tallis Home Securities rose 3%. Tallis said talks had begun.",
			[]string{"Tallis"}, []int{1}, "Tallis", claimtrail.SpeakerOrganization},
		{"a list after firms", "Screens\n\nElectronics giants Norvex and Tallis are joining forces. Tallis recently announced a deal to buy a plant.",
			[]string{"Tallis"}, []int{1}, "Tallis", claimtrail.SpeakerOrganization},
		{"such as", "Jets\n\nMakers such as Norvex, Brisk and Tallis expect orders. Tallis announced a deal with a supplier.",
			[]string{"Tallis"}, []int{1}, "Tallis", claimtrail.SpeakerOrganization},
		// near misses
		{"a foundation", "Gift\n\nThe Norvex Foundation gave money to the school. Norvex said the gift was a start.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerPerson},
		{"people in a list", "Film\n\nThe film, by producers Norvex and Brandt, opens in May. Brandt recently announced a deal to make a sequel.",
			[]string{"Brandt"}, []int{1}, "Brandt", claimtrail.SpeakerPerson},
	})
}

// TestFirmByFindingsOrHead: a lone word after a body's findings and
// "from" ("the latest surveys from Norvex") or after a body's noun with
// a modifier ("state gas monopoly Norvex", "department store Norvex",
// "producers' cartel Norvex") is a body's. Near misses: a letter from a person, and a body's noun
// with only an article before it ("joined the union Brandt led").
func TestFirmByFindingsOrHead(t *testing.T) {
	runChainCases(t, []chainCase{
		{"surveys from", "Homes\n\nThe latest surveys from Norvex show a slowdown. Norvex reported a rise of 1% in May.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		{"a modified body's noun", "Gas\n\nThe bid was made by state gas monopoly Norvex. Norvex had been expected to win the auction.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		{"a store", "Sales\n\nUpscale department store Norvex said sales were up 9%.",
			[]string{"Upscale department store Norvex"}, []int{0}, "Norvex", claimtrail.SpeakerOrganization},
		{"a plural's possessive", "Oil\n\nPrices rose after a warning from producers' cartel Norvex. Norvex said output would not be cut.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		// near misses
		{"a letter from", "Row\n\nA letter from Brandt was read out. Brandt said the plan was wrong.",
			[]string{"Brandt"}, []int{1}, "Brandt", claimtrail.SpeakerPerson},
		{"an article only", "Row\n\nShe joined the union Brandt led in 1990. Brandt said the plan was wrong.",
			[]string{"Brandt"}, []int{1}, "Brandt", claimtrail.SpeakerPerson},
	})
}

// TestReportedPronounGender: a bare description whose report opens
// with a pronoun of the other gender than the person salience picks
// ("the chief minister said his remarks had been twisted" after "Ann
// Vell wrote to Mr Brack") is not that person; the description stays
// one. Near misses: a pronoun of the same gender, and a name before
// the pronoun ("told Mr Brack he").
func TestReportedPronounGender(t *testing.T) {
	const letter = "Drink row\n\nMr Tom Brack told pupils to enjoy a drink. Critics said the remark was unwise.\n\n" +
		"Rival leader Ann Vell wrote to Mr Brack on Tuesday calling on him to withdraw it. In a sharp reply, the chief minister said %s remarks had been twisted."
	runChainCases(t, []chainCase{
		{"his after a woman", strings.Replace(letter, "%s", "his", 1), []string{"the chief minister"}, []int{0}, "chief minister", claimtrail.SpeakerDescription},
		// near misses
		{"her after a woman", strings.Replace(letter, "%s", "her", 1), []string{"the chief minister"}, []int{0}, "Ann Vell", claimtrail.SpeakerPerson},
		{"a name first", strings.Replace(letter, "said %s remarks", "told Mr Brack his remarks", 1), []string{"the chief minister"}, []int{0}, "Ann Vell", claimtrail.SpeakerPerson},
	})
}

// TestNewcomerBeforeDescription: a bare description right after a
// sentence that opens by naming a person in full for the first time
// ("Meanwhile, Leeds centre Tom Brack is delighted ... “...,” the
// youngster said") goes on with that newcomer, not the coach the story
// quoted before. Near misses: the newcomer inside a clause ("the
// impact manager Tom Brack has had") and one named before.
func TestNewcomerBeforeDescription(t *testing.T) {
	const text = "Fear will help us\n\nCoach Dan Vell believes his team will be scared on Sunday. \"It will give us a boost,\" said the coach. He added: \"We are never good as favourites.\" " +
		"%s \"It is incredible,\" the youngster said."
	runChainCases(t, []chainCase{
		{"a newcomer opens the sentence", strings.Replace(text, "%s", "Meanwhile, Leeds centre Tom Brack is delighted with his first call-up.", 1),
			[]string{"the coach", "He", "the youngster"}, []int{0, 0, 0}, "Tom Brack", claimtrail.SpeakerPerson},
		// near misses
		{"inside a clause", strings.Replace(text, "%s", "Vell has been given confidence by the impact winger Tom Brack has had on the squad.", 1),
			[]string{"the coach", "He", "the youngster"}, []int{0, 0, 0}, "Dan Vell", claimtrail.SpeakerPerson},
		{"named before", "Fear will help us\n\nCoach Dan Vell believes Tom Brack will start. \"It will give us a boost,\" said the coach. He added: \"We are never good as favourites.\" " +
			"Meanwhile, Leeds centre Tom Brack is delighted with his call-up. \"It is incredible,\" the youngster said.",
			[]string{"the coach", "He", "the youngster"}, []int{0, 0, 0}, "Dan Vell", claimtrail.SpeakerPerson},
	})
}

// TestDescribedSubjectBefore: "He" opening a sentence after one whose
// subject is a definite description of someone else ("The home
// secretary has admitted he was wrong. He has apologised", after the
// prime minister was named last) goes on with the person the
// description names. Near misses: a description that names no one
// ("The treasurer", no treasurer in the story) and a sentence before
// that opens with no person ("The tickets were").
func TestDescribedSubjectBefore(t *testing.T) {
	const text = "Tickets row\n\nHome Secretary Dan Vell gave two rail tickets to a friend. Critics attacked the gift. Prime Minister Tom Brack retorted that voters would judge.\n\n" +
		"%s He has apologised for a genuine mistake."
	runChainCases(t, []chainCase{
		{"the home secretary", strings.Replace(text, "%s", "The home secretary has already admitted he was wrong to give the tickets.", 1),
			[]string{"He"}, []int{0}, "Dan Vell", claimtrail.SpeakerPerson},
		// near misses
		{"no one so named", strings.Replace(text, "%s", "The treasurer has already admitted he was wrong to pay for the tickets.", 1),
			[]string{"He"}, []int{0}, "Tom Brack", claimtrail.SpeakerPerson},
		{"no person", strings.Replace(text, "%s", "The tickets were given to him as an MP.", 1),
			[]string{"He"}, []int{0}, "Tom Brack", claimtrail.SpeakerPerson},
	})
}

// TestPluralOwnerBody: "The Critics' Circle" is a body named with a
// plural's possessive, not a person called "Circle". Near miss: a
// person named after a body's possessive ("Brokers' Ann Vell") keeps
// the person.
func TestPluralOwnerBody(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the plural's body", "Awards\n\nThe Critics' Circle named Ann Vell its best new writer.",
			[]string{"The Critics' Circle"}, []int{0}, "Critics' Circle", claimtrail.SpeakerOrganization},
		{"a curly mark", "Awards\n\nThe Writers’ Guild said the strike would go on.",
			[]string{"The Writers’ Guild"}, []int{0}, "Writers’ Guild", claimtrail.SpeakerOrganization},
		// near miss
		{"a person after a body's", "Markets\n\nShares fell on Monday, Brokers' Ann Vell said.",
			[]string{"Brokers' Ann Vell"}, []int{0}, "Ann Vell", claimtrail.SpeakerPerson},
	})
}

// TestFirmChiefOrPart: a lone word whose possessive goes before a
// business's chief ("Norvex's chief executive") or one of its parts
// ("Norvex's Cloud Server division", "Norvex's plants") is a body's.
// Near misses: a person's chief of staff, and a person's work in
// capitals ("Brandt's Summer Garden").
func TestFirmChiefOrPart(t *testing.T) {
	runChainCases(t, []chainCase{
		{"chief executive", "Jets\n\nNorvex's chief executive met the unions. Norvex said deliveries would begin in May.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		{"a division", "Cards\n\nA director in Norvex's Cloud Server division would not comment. Norvex said the cards would help people.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		// near misses
		{"a chief of staff", "Row\n\nBrandt's chief of staff resigned on Monday. Brandt said the plan was wrong.",
			[]string{"Brandt"}, []int{1}, "Brandt", claimtrail.SpeakerPerson},
		{"a work", "Show\n\nBrandt's Summer Garden opened on Monday. Brandt said the show was a start.",
			[]string{"Brandt"}, []int{1}, "Brandt", claimtrail.SpeakerPerson},
	})
}

// TestAgeAgrees: "The 13-year-old" is not a person the article gave
// another age ("Tom Brack, 40,"); the description stays one. Near miss:
// the same age ("Tom Brack, 22, ... The 22-year-old said").
func TestAgeAgrees(t *testing.T) {
	const text = "Camp raid\n\nAgents raided the camp on Friday. Ann Vell's 13-year-old son told investigators that Tom Brack, %s, wanted to train the boys. " +
		"The boy told agents that Brack trained him in firearms. The 13-year-old also told agents that his mother prayed."
	runChainCases(t, []chainCase{
		{"another age", strings.Replace(text, "%s", "40", 1), []string{"The 13-year-old"}, []int{0}, "13-year-old", claimtrail.SpeakerDescription},
		// near miss
		{"the same age", "Sprint\n\nTom Brack, 22, won the 60m title in Leeds. \"There is more to come,\" said the 22-year-old.",
			[]string{"the 22-year-old"}, []int{0}, "Tom Brack", claimtrail.SpeakerPerson},
	})
}

// TestMainSubjectBefore: a bare description in a clause that goes on
// from a main clause whose subject is the person salience picks ("Dan
// Vell was the butt of one gaffe when the host declared") is someone
// else, here no one named: a writer says "he" there. Near miss: the
// description opening its own sentence after the name ("Dan Vell
// hosted the show. The host declared") stays with the person.
func TestMainSubjectBefore(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a clause after when", "Gaffes\n\nThe awards have seen many gaffes. Dan Vell was the butt of one gaffe in 1934 when the host declared: \"Come on up, Dan.\"",
			[]string{"the host"}, []int{0}, "", claimtrail.SpeakerUnknown},
		// near miss
		{"its own sentence", "Gaffes\n\nThe awards have seen many gaffes. Dan Vell hosted the show in 1934. The host declared: \"Come on up.\"",
			[]string{"The host"}, []int{0}, "Dan Vell", claimtrail.SpeakerPerson},
	})
}

// TestFirmOfTrade: one word after a trade and its field ("market
// analyst Norvex", "polling researcher Norvex") is a firm of them. Near
// miss: a rank before the trade ("senior analyst Brandt") is a person's.
func TestFirmOfTrade(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a field", "Pocket money\n\nTeenagers spend £700 a year, said market analyst Norvex. Norvex said most goes on food.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		// near miss
		{"a rank", "Pocket money\n\nTeenagers spend £700 a year, said senior analyst Brandt. Brandt said most goes on food.",
			[]string{"Brandt"}, []int{1}, "Brandt", claimtrail.SpeakerPerson},
	})
}
