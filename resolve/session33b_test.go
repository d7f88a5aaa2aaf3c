package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestCongressmanByRep: "the congressman" (and "the ex-congressman") is
// the person the article titles "Rep.", not the party chairman quoted
// just before; with an aside after its comma too. Near miss: with no
// one titled so, the description is read as before.
func TestCongressmanByRep(t *testing.T) {
	const probe = "Probe cannot back claims against Verrill\n\nA lawyer hired by the party could not confirm the claims against Rep. Tom Verrill.\n\n" +
		"Party Chairman Dan Morrow said the report would go to the police. The Democratic congressman, who serves as deputy chair of the national committee, has denied the allegations."
	const plea = "Dalby pleads guilty\n\nFormer Rep. Jim Dalby Jr. pleaded guilty on Wednesday.\n\nDalby told the court he was sorry. The couple appeared before U.S. District Judge Ann Rosk.\n\n" +
		"When prosecutors charged the couple, the ex-congressman said he accepted the blame."
	runChainCases(t, []chainCase{
		{"a congressman with an aside", probe,
			[]string{"Party Chairman Dan Morrow", "The Democratic congressman, who serves as deputy chair of the national committee,"}, []int{0, 0},
			"Tom Verrill", claimtrail.SpeakerPerson},
		{"the ex-congressman", plea, []string{"Dalby", "the ex-congressman"}, []int{2, 0}, "Jim Dalby Jr.", claimtrail.SpeakerPerson},
	})
}

// TestIndefiniteTitleNamedAfter: "A federal judge" is a judge the
// article names only after it ("A federal judge on Monday ordered ...
// U.S. District Judge Anna Qell said"), never one named only before (a
// quoted headline read as a judge's name stays a description).
func TestIndefiniteTitleNamedAfter(t *testing.T) {
	runChainCases(t, []chainCase{
		{"named only before",
			"Compound\n\nYou may opt out at any time.\n“Federal Judge Denies Quarrow Compound Residents Bail,” by Ann Leat, KRWG, September 13, 2018:\nA federal judge denied bail on Wednesday to five people.",
			[]string{"A federal judge"}, []int{0}, "federal judge", claimtrail.SpeakerDescription},
		{"named after too",
			"Judge Anna Qell halts deportations\n\nA federal judge on Monday ordered officials to wait.\n\nU.S. District Judge Anna Qell said the group needed time.",
			[]string{"A federal judge"}, []int{0}, "Anna Qell", claimtrail.SpeakerPerson},
	})
}

// TestStandingNounBeforeName: a noun of standing or a job that opens a
// headline or sentence before a one-word name ("Veteran Marlow wins
// title", "Rival Sonex has said", "Rapper Vexlo has denied") is no part
// of the name, which the body writes without it.
func TestStandingNounBeforeName(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a headline's veteran",
			"Veteran Marlow wins Thai title\n\nConcha Marlow won her first title in five years.\n\n\"It feels really good,\" said Marlow.",
			[]string{"Marlow"}, []int{2}, "Concha Marlow", claimtrail.SpeakerPerson},
		{"a headline's job",
			"Rapper Vexlo beats Elvis\n\nRapper Vexlo has denied Elvis a fourth number one.\n\nVexlo said the song was a joke.",
			[]string{"Rapper Vexlo"}, []int{1}, "Vexlo", claimtrail.SpeakerPerson},
		{"a rival body",
			"Console launch\n\nNintendo said 15 games would be ready. Rival Sonex has said it will launch its console.\n\nThe console is aimed at adults, despite Sonex's assertion.",
			[]string{"Rival Sonex"}, []int{0}, "Sonex", claimtrail.SpeakerOrganization},
	})
}

// TestPronounBeforeNamingClause: "his" or "he" in a phrase that opens
// its sentence ("Despite his claims ..., it was in fact Anselm who",
// "Although he claims ..., Corben has been") is the person the main
// clause names right after the phrase, not the one quoted in the
// paragraph before. Near misses: a person named in the phrase before
// the pronoun, a name of the other gender.
func TestPronounBeforeNamingClause(t *testing.T) {
	const quote = "Reforms\n\nArchbishop Miguel Ruiz confirmed it, saying, “The Pope has removed two bishops per month.”\n\n" +
		"These reforms have ceased entirely under Pope Anselm.\n\n"
	runChainCases(t, []chainCase{
		{"despite his, a cleft",
			quote + "Despite his claims that he punishes the guilty, it was in fact Anselm who reversed the sentence.",
			[]string{"Archbishop Miguel Ruiz", "his"}, []int{0, 0}, "Anselm", claimtrail.SpeakerPerson},
		{"although he, a subject",
			"Brexit\n\nOne of the seven, Chris Lessing, accused Jeremy Corben of a betrayal.\n\nAlthough he claims he voted to stay, Corben has long been a critic of the bloc.",
			[]string{"Chris Lessing", "he"}, []int{0, 1}, "Jeremy Corben", claimtrail.SpeakerPerson},
		// near misses
		{"a person named before the pronoun",
			quote + "Despite Ruiz's report and his claims that he punishes the guilty, it was in fact Anselm who reversed the sentence.",
			[]string{"Archbishop Miguel Ruiz", "his"}, []int{0, 0}, "Miguel Ruiz", claimtrail.SpeakerPerson},
		{"a woman named after",
			quote + "Despite his claims that he punishes the guilty, Mary Quell reversed the sentence.",
			[]string{"Archbishop Miguel Ruiz", "his"}, []int{0, 0}, "Miguel Ruiz", claimtrail.SpeakerPerson},
	})
}

// TestNationalityAfterRankedSubject: "the American" is the person the
// sentence before opens with after words of rank ("World number one
// Lindsay Darrow has criticised"), though its own opening phrase names
// another as a preposition's object ("by Quarrow Club chairman Tim
// Fellows"); and the subject of a clause of time that opens its own
// sentence ("When Larry Hewell shook his hand, the Australian said").
func TestNationalityAfterRankedSubject(t *testing.T) {
	const rank = "Darrow hits out\n\nWorld number one Lindsay Darrow has criticised the club over prize money.\n\n"
	runChainCases(t, []chainCase{
		{"after words of rank, another after a preposition",
			rank + "Reacting to a comment by Quarrow Club chairman Tim Fellows, the American said: \"It is insulting.\"",
			[]string{"Lindsay Darrow", "the American"}, []int{0, 0}, "Lindsay Darrow", claimtrail.SpeakerPerson},
		{"the subject of an opening clause",
			"Ferrer has no equal\n\nRoger Ferrer - nice bloke, fantastic player - the ultimate sportsman.\n\nWhen Larry Hewell shook his hand after another thrashing, the Australian said: \"You're the best.\"",
			[]string{"Roger Ferrer", "the Australian"}, []int{0, 0}, "Larry Hewell", claimtrail.SpeakerPerson},
	})
}

// TestUnisexGivenJan: a given name borne by men in much of Europe and by
// women in English ("Jan", "Jean", "Andrea") does not keep "he" from
// the one quoted just before ("The UN's relief coordinator, Jan
// Egelund, said ... He warned"), nor "Mr" from the full name.
func TestUnisexGivenJan(t *testing.T) {
	const text = "Tsunami aid\n\n\"The IMF stands ready,\" said managing director Rodrigo Rayo. " +
		"The UN's relief coordinator, Jan Egelund, said that \"this may be the worst disaster in recent history.\" He warned that the effects could last."
	runChainCases(t, []chainCase{
		{"he after a quote", text, []string{"managing director Rodrigo Rayo", "The UN's relief coordinator, Jan Egelund,", "He"}, []int{0, 0, 0},
			"Jan Egelund", claimtrail.SpeakerPerson},
	})
}

// TestRoleOfPersonNoun: "the singer's agent", "the men's solicitor" acts
// for the person the story is about and is never that person, whom
// salience would pick: the description stays one.
func TestRoleOfPersonNoun(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the singer's agent",
			"Singer Carla Vane to wed\n\nPop star Carla Vane is to marry music executive Tom Brant, the singer's agent has confirmed.",
			[]string{"the singer's agent"}, []int{0}, "singer's agent", claimtrail.SpeakerDescription},
		{"the men's solicitor",
			"Passports\n\nA letter was sent to Martin Mubar. An identical letter has been sent to Feroz Abdi, the men's solicitor says.",
			[]string{"the men's solicitor"}, []int{0}, "men's solicitor", claimtrail.SpeakerDescription},
	})
}
