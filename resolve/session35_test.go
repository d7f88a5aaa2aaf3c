package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestOneOfficeEach: a person a bare "the home secretary" source was
// read as is no other one-holder office's holder later ("the prime
// minister" goes on to the next person salience picks), nor a job's
// ("the Gazette editor" stays a description when the office holder was
// the pick). Near miss: the same office again stays with the holder.
func TestOneOfficeEach(t *testing.T) {
	const police = "Vell unveils policing plans\n\nPeople could get the number of their local officer under plans unveiled by Dan Vell.\n\n" +
		"The home secretary said targets would be set. Mr Vell said a new number would be created. Before a statement to MPs, Mr Vell was joined by Tom Brack at a school in Leeds. " +
		"Mr Vell said he wanted police to be part of the community. The prime minister said the citizen should be in charge."
	const editor = "Quill backs mayor\n\nAnn Ross should not apologise, Tory MP Ben Quill has insisted. Later the prime minister said: \"He should say sorry.\"\n\n" +
		"Mr Quill, who edits a weekly, said Mr Brack should keep out of it. \"I don't see why he is involved,\" the Gazette editor told a radio show."
	runChainCases(t, []chainCase{
		{"another office", police, []string{"The home secretary", "Mr Vell", "Mr Vell", "The prime minister"}, []int{0, 0, 2, 0}, "Tom Brack", claimtrail.SpeakerPerson},
		{"a job", editor, []string{"Ann Ross", "the prime minister", "Mr Quill", "the Gazette editor"}, []int{0, 0, 0, 0}, "Gazette editor", claimtrail.SpeakerDescription},
		// near miss: the same office again
		{"the same office", "Vell unveils plans\n\nDan Vell unveiled plans on Monday. The home secretary said targets would be set. Mr Vell said a number would be created. The home secretary said police would be local.",
			[]string{"The home secretary", "Mr Vell", "The home secretary"}, []int{0, 0, 1}, "Dan Vell", claimtrail.SpeakerPerson},
	})
}

// TestNoWeakOfficeHolder: "the prime minister" is never a lone
// capitalised word nothing marks as a person's ("Coastal Navy ships
// have helped and the prime minister has said"), nor the person a bare
// "the businessman" was read as; when salience would have picked one of
// those, the next person is the holder only when named in the sentences
// just before, else the office stays a description. Near miss: a person
// named just before is the holder.
func TestNoWeakOfficeHolder(t *testing.T) {
	const navy = "Donor review\n\nMr Dale Brant has given Labour £50,000. He made his fortune from gyms.\n\nThe businessman, whose latest venture is a hotel, also voiced concern about the floods.\n\n" +
		"And he called the response poor. \"The people there need help,\" he said. \"We can do more.\" British Navy ships have helped the relief effort and the prime minister has said the government could give more."
	const named = "Donor review\n\nMr Dale Brant has given Labour £50,000. He made his fortune from gyms.\n\n" +
		"The businessman said the aid effort was poor. On Monday Mr Brant met Tom Brack in Leeds. The prime minister said the government could give more."
	runChainCases(t, []chainCase{
		{"a lone word", navy, []string{"the prime minister"}, []int{0}, "prime minister", claimtrail.SpeakerDescription},
		// near miss: the next one named just before
		{"the next one named", named, []string{"The businessman", "The prime minister"}, []int{0, 0}, "Tom Brack", claimtrail.SpeakerPerson},
		// near miss: nothing ruled out, the person salience picks
		{"no one ruled out", "Aid review\n\nDale Brant visited the flooded towns on Monday. The prime minister said the government could give more.",
			[]string{"The prime minister"}, []int{0}, "Dale Brant", claimtrail.SpeakerPerson},
	})
}

// TestApposedOfficeHolder: the person the article set beside a
// one-holder office with commas ("In a letter to the Norlandic prime
// minister, Carl Wendt, the boy's father, Ian Rusk, wrote") holds it
// for a later "the current prime minister" (not the father salience
// would pick, nor an unknown). Near miss: a name after the comma that goes on with its
// verb ("Asked if he trusted the prime minister, Mr Rusk replied") is
// the subject of the next clause, no apposition.
func TestApposedOfficeHolder(t *testing.T) {
	const letter = "Boy's plight\n\nIn a letter to the Norlandic prime minister, Carl Wendt, the boy's father, Ian Rusk, wrote: \"I ask you to bring him home.\" Mr Rusk has visited his son twice.\n\n" +
		"Only seven years ago, the current prime minister said that a citizen so threatened should be helped."
	const replied = "Rift talk\n\nIan Rusk met voters in Leeds. Asked if he trusted the prime minister, Mr Rusk replied: \"Of course.\" Later Ann Vell spoke at a rally.\n\n" +
		"Ann Vell was cheered by the crowd. The prime minister said the party was united."
	runChainCases(t, []chainCase{
		{"the office, the name,", letter, []string{"the boy's father, Ian Rusk,", "the current prime minister"}, []int{0, 0}, "Carl Wendt", claimtrail.SpeakerPerson},
		// near miss: the name goes on with its verb
		{"a clause's subject", replied, []string{"Mr Rusk", "The prime minister"}, []int{0, 0}, "prime minister", claimtrail.SpeakerDescription},
	})
}

// TestQualifiedOfficeTitled: "the deputy speaker" is an office of its
// own, held only by one the article titles with "deputy"; a peer named
// before is not it, and the description stays one. Near miss: "Deputy
// Speaker Ann Vell" is.
func TestQualifiedOfficeTitled(t *testing.T) {
	const peer = "Bill row\n\nThe bill passed on Tuesday. Lord Brack had promised the bishop to strengthen safeguards. MPs had complained they were left in the dark. The deputy speaker later said the debate had not been handled well."
	const titled = "Bill row\n\nDeputy Speaker Ann Vell chaired the debate on Tuesday. Lord Brack had promised the bishop to strengthen safeguards. The deputy speaker later said the debate had not been handled well."
	runChainCases(t, []chainCase{
		{"a peer", peer, []string{"The deputy speaker"}, []int{0}, "deputy speaker", claimtrail.SpeakerDescription},
		// near miss: one titled so
		{"one titled so", titled, []string{"The deputy speaker"}, []int{0}, "Ann Vell", claimtrail.SpeakerPerson},
	})
}

// TestChiefLeadsBody: "the Rovers chief" is whoever leads the club, a
// chairman as well as a chief: "Rovers chairman Tom Brack" is it, not the
// captain named last. Near miss: with no one titled to lead, the captain
// salience picks stays.
func TestChiefLeadsBody(t *testing.T) {
	const chair = "Rusk saga to drag on\n\nRovers chairman Tom Brack says he does not expect a quick end to the saga of captain Ian Rusk's possible move.\n\n" +
		"Brack said money was not a factor for the club. He said he understood why others were keen on signing Rusk. \"It would be a great loss for us,\" said the Rovers chief."
	const none = "Rusk saga to drag on\n\nFans do not expect a quick end to the saga of captain Ian Rusk's possible move.\n\n" +
		"Money was not a factor for the club. Others were keen on signing Rusk. \"It would be a great loss for us,\" said the Rovers chief."
	runChainCases(t, []chainCase{
		{"a chairman", chair, []string{"Brack", "He", "the Rovers chief"}, []int{1, 0, 0}, "Tom Brack", claimtrail.SpeakerPerson},
		// near miss: no one titled to lead
		{"no one titled", none, []string{"the Rovers chief"}, []int{0}, "Ian Rusk", claimtrail.SpeakerPerson},
	})
}

// TestItsNameIsBody: a lone capitalised word nothing marks as a
// person's, that "its" goes on with ("Vantix recently announced a deal
// ... to strengthen its presence"), is a body's. Near misses: one "his"
// goes on with, and a title ("the Bishop ... its claims" of a book).
func TestItsNameIsBody(t *testing.T) {
	runChainCases(t, []chainCase{
		{"its after the name", "Screens deal\n\nDisplay makers are merging. Vantix recently announced a deal to buy screen technology from a rival to strengthen its presence in the market.",
			[]string{"Vantix"}, []int{0}, "Vantix", claimtrail.SpeakerOrganization},
		// near misses
		{"his after the name", "Screens deal\n\nDisplay makers are merging. Vantix recently announced a deal to buy screen technology from a rival to strengthen his presence in the market.",
			[]string{"Vantix"}, []int{0}, "Vantix", claimtrail.SpeakerPerson},
		{"a title", "Book row\n\nA novel has sold well. But the Bishop said there was no evidence to back up its claims.",
			[]string{"the Bishop"}, []int{0}, "Bishop", claimtrail.SpeakerPerson},
	})
}

// TestSurnameJustWrittenInFull: "Mr. Varga" right after "the
// photographer Ansel Varga" (in its sentence or the one before) is
// Ansel, not the first Varga of the article, and so is the "Mr. Varga"
// after that. Near miss: with the full name further back, the surname
// goes to the first Varga as before.
func TestSurnameJustWrittenInFull(t *testing.T) {
	const head = "Group split\n\nWhen Elias Varga died in 1975, the group split. Mr. Varga had led it for decades. He was admired by many.\n\n" +
		"The group grew again in the 1980s. Its members met often.\n\n"
	const near = head + "The paper said the picture was taken by the photographer Ansel Varga in 2005 and that Mr. Varga kept it hidden.\n\n" +
		"Mr. Varga, in a blog post, said he admired the leader."
	const far = head + "The paper said the picture was taken by the photographer Ansel Varga in 2005. The group held a rally. Thousands came. The leader spoke for hours.\n\n" +
		"Mr. Varga, in a blog post, said he admired the leader."
	runChainCases(t, []chainCase{
		{"just before", near, []string{"Mr. Varga, in a blog post,"}, []int{0}, "Ansel Varga", claimtrail.SpeakerPerson},
		// near miss: further back
		{"further back", far, []string{"Mr. Varga, in a blog post,"}, []int{0}, "Elias Varga", claimtrail.SpeakerPerson},
	})
}

// TestOfficeOfThenName: a name right after a lower-case office and its
// "of" phrase ("Varnia's minister of sport Varo Lessik") is the office
// holder, a person who speaks (and whom the "he" after goes on with),
// not a description; a body's name run into the person's ("the union
// Unison Dan Pell") is not read so. Near miss: a name that is the
// object of "of" ("defenders of Tom Brack") stays in a group.
func TestOfficeOfThenName(t *testing.T) {
	const sport = "Coach faces inquiry\n\nThe federation has begun action against coach Luka Arrin over his remarks.\n\n" +
		"\"I never intended to offend anyone,\" Arrin said at the time. But the storm grew after chanting at the game. " +
		"Varnia's minister of sport Varo Lessik was quick to give his backing to the decision. \"Everyone in public life must weigh their words,\" he said."
	runChainCases(t, []chainCase{
		{"the office holder", sport, []string{"Arrin", "Varnia's minister of sport Varo Lessik", "he"}, []int{1, 0, 6}, "Varo Lessik", claimtrail.SpeakerPerson},
		{"the source itself", sport, []string{"Varnia's minister of sport Varo Lessik"}, []int{0}, "Varo Lessik", claimtrail.SpeakerPerson},
		// near misses: a body's name run into the person's, and the name
		// as the object of "of"
		{"a body's name before", "Pension plans\n\nMinisters set out plans on Monday. But general secretary of the union Unison Dan Pell criticised the plans.",
			[]string{"general secretary of the union Unison Dan Pell"}, []int{0}, "Dan Pell", claimtrail.SpeakerPerson},
		{"the object of of", "Row\n\nTom Brack was accused on Monday. Defenders of Tom Brack said the claims were false.",
			[]string{"Defenders of Tom Brack"}, []int{0}, "Defenders of Tom Brack", claimtrail.SpeakerGroup},
	})
}

// TestBodyByItsPeople: a lone name that the article writes as where an
// office works ("director of product management at Quintaro"), before
// a person's full name with "'s" ("Velkor's Anna Brent") or before its
// staff ("Nortek employees"), as a survey's author ("A survey by
// Hostex"), a market leader or a regulator in commas ("telecoms
// regulator, Ofkom,") is a body's. Near misses: a survey by a person
// with a given name, "'s" before a lower-case noun ("Brant's grace").
func TestBodyByItsPeople(t *testing.T) {
	runChainCases(t, []chainCase{
		{"an office at it", "Library scan\n\nBooks will be scanned, said Ann Lee, director of product management at Quintaro. Quintaro said the pages would carry no adverts.",
			[]string{"Quintaro"}, []int{1}, "Quintaro", claimtrail.SpeakerOrganization},
		{"its person", "Aid call\n\nChildren will die needlessly, Velkor says in a report. \"This must stop,\" Velkor's Anna Brent said.",
			[]string{"Velkor"}, []int{0}, "Velkor", claimtrail.SpeakerOrganization},
		{"its staff", "Vote drive\n\nNortek employees tried to raise turnout. Nortek said the effort was lawful.",
			[]string{"Nortek"}, []int{1}, "Nortek", claimtrail.SpeakerOrganization},
		{"a survey by it", "Shoppers\n\nMen prefer to shop online. A survey by Hostex suggests many avoid the shops.",
			[]string{"A survey by Hostex"}, []int{0}, "Hostex", claimtrail.SpeakerOrganization},
		{"a statement by it", "Phone virus\n\nA virus hit phones. A statement by Symbex played down the risk.",
			[]string{"A statement by Symbex"}, []int{0}, "Symbex", claimtrail.SpeakerOrganization},
		{"market leader", "Handhelds\n\nMarket leader Nintra says its console will sell well.",
			[]string{"Market leader Nintra"}, []int{0}, "Nintra", claimtrail.SpeakerOrganization},
		{"a regulator in commas", "Phones\n\nThe charity is urging telecoms regulator, Ofkom, to cut costs. Ofkom says the review will come next year.",
			[]string{"Ofkom"}, []int{1}, "Ofkom", claimtrail.SpeakerOrganization},
		// near misses: a survey by a person named in full, a lower-case
		// noun after "'s"
		{"a survey by a person", "Shoppers\n\nMen prefer to shop online. A survey by John Hostex suggests many avoid the shops.",
			[]string{"A survey by John Hostex"}, []int{0}, "John Hostex", claimtrail.SpeakerPerson},
		{"a noun after 's", "Sermon\n\nNot even then did Brant decry the penalty. Brant's grace was great, the preacher said. Brant said the law was just.",
			[]string{"Brant"}, []int{2}, "Brant", claimtrail.SpeakerPerson},
	})
}

// TestPlaceManIsNamed: "the Waterford man" right after the article
// names one walker is that walker, as "the Irishman" would be. Near
// miss: with no one named, the description stays one.
func TestPlaceManIsNamed(t *testing.T) {
	const walker = "Walker aims for comeback\n\nJim Castin should be paralysed.\n\nHe says so himself as he recalls the crash days before the race. " +
		"\"I was in a lot of pain,\" says the Kilrush man. \"But I was thinking maybe we could do something.\""
	runChainCases(t, []chainCase{
		{"the walker named", walker, []string{"the Kilrush man"}, []int{0}, "Jim Castin", claimtrail.SpeakerPerson},
		// near miss: no one named
		{"no one named", "Crash\n\nA lorry hit a car on Monday. \"I was in a lot of pain,\" says the Kilrush man.",
			[]string{"the Kilrush man"}, []int{0}, "Kilrush man", claimtrail.SpeakerDescription},
	})
}

// TestFirmOfPlural: "the administrator" after "called in administrators
// Brant & Partners" is that firm, not the sacked worker quoted before.
// Near miss: with no firm written after the plural, the description is
// read as before.
func TestFirmOfPlural(t *testing.T) {
	const firm = "Games maker for sale\n\nThe firm has cut 100 jobs. \"We knew there would be redundancies,\" said Tom Vell, one of the developers sacked.\n\n" +
		"The company called in administrators Brant & Partners on Friday. The administrator told reporters the costs were too high."
	const none = "Games maker for sale\n\nThe firm has cut 100 jobs. \"We knew there would be redundancies,\" said Tom Vell, one of the developers sacked.\n\n" +
		"The company called in administrators on Friday. The administrator told reporters the costs were too high."
	runChainCases(t, []chainCase{
		{"a firm of them", firm, []string{"Tom Vell", "The administrator"}, []int{0, 0}, "Brant & Partners", claimtrail.SpeakerOrganization},
		// near miss: no firm named after the plural
		{"no firm", none, []string{"Tom Vell", "The administrator"}, []int{0, 0}, "Tom Vell", claimtrail.SpeakerPerson},
	})
}
