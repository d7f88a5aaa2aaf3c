package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestOfficeBeforeAnd: "accused the prime minister and Mr Kettle" gives
// Kettle no office (and, since session 34, rules him out of it: the
// prime minister is the other person the story is about, where it was a
// description when the two were as likely); "president and chief
// executive Ann Lowe" is one person's two titles.
func TestOfficeBeforeAnd(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"two persons", "Tom Ashby has dismissed reports of a rift with his deputy. Critics accused the prime minister and Mr Kettle of squabbling. But the prime minister said the claims were nonsense.", "the prime minister", 1, "Tom Ashby", claimtrail.SpeakerPerson},
		// near miss: one person's titles joined by "and"
		{"one person", "Vantor president and chief executive Ann Lowe opened the meeting. Sales rose by a third. Later the president said sales would rise again.", "the president", 0, "Ann Lowe", claimtrail.SpeakerPerson},
	})
}

// TestOfficeNotAJob: when no one in the article is written with the
// office, "the prime minister" is not a person written with a job in the
// press, nor a run of plural initials ("Senior MPs").
func TestOfficeNotAJob(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"press job", "Dan Pell has made an appeal for unity. In an interview with political editor Ann Marr, he spoke of the party. Ann Marr said the row was damaging. Fresh talk of a rift followed. But the prime minister said the claims were nonsense.", "the prime minister", 0, "Dan Pell", claimtrail.SpeakerPerson},
		{"plural initials", "Dan Pell has made an appeal for unity. Senior MPs are expected to raise concerns on Monday. The prime minister said the claims were nonsense.", "The prime minister", 0, "Dan Pell", claimtrail.SpeakerPerson},
	})
}

// TestShadowOffice: "shadow chancellor Leo Dant" holds no office of
// chancellor; he is "the shadow chancellor".
func TestShadowOffice(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"the office", "Chancellor Amy Finch unveiled her budget on Wednesday. Tory shadow chancellor Leo Dant predicted taxes would rise. The chancellor insisted her plans were affordable.", "The chancellor", 0, "Amy Finch", claimtrail.SpeakerPerson},
		{"the shadow office", "Chancellor Amy Finch unveiled her budget on Wednesday. Tory shadow chancellor Leo Dant predicted taxes would rise. The shadow chancellor insisted the plans were not affordable.", "The shadow chancellor", 0, "Leo Dant", claimtrail.SpeakerPerson},
	})
}

// TestBroadcasterIsNoPerson: "Channel TV" is no "she", however it was
// collected.
func TestBroadcasterIsNoPerson(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"broadcaster", "He was last seen presenting a gardening show for Channel TV. His daughter said he would be missed. \"He was loved by the public,\" she said.", "she", 0, "", claimtrail.SpeakerUnknown},
		// near miss: a person's name
		{"person", "He was last seen presenting a gardening show for Channel TV. Jane Osgood said he would be missed. \"He was loved by the public,\" she said.", "she", 0, "Jane Osgood", claimtrail.SpeakerPerson},
	})
}

// TestSpokespersonOfLongOrgName: "A Department for Constitutional Affairs
// spokeswoman" speaks for the department, as "A Home Office spokeswoman"
// does for the Home Office.
func TestSpokespersonOfLongOrgName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"of with for", "Lord Woolf spoke first. A Department for Constitutional Affairs spokeswoman said the two men agreed.", "A Department for Constitutional Affairs spokeswoman", 0, "Department for Constitutional Affairs", claimtrail.SpeakerOrganization},
		{"plain", "Lord Woolf spoke first. A Home Office spokeswoman said the plan was sound.", "A Home Office spokeswoman", 0, "Home Office", claimtrail.SpeakerOrganization},
	})
}

// TestOneWordCompany: a one-word name the article writes after a
// company's noun, with a company's possession or with a role "at" it is
// an organisation, not a person's surname.
func TestOneWordCompany(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"company noun", "Research firm Tarvik expects prices to fall. Tarvik said sales of hybrids would double.", "Tarvik", 1, "Tarvik", claimtrail.SpeakerOrganization},
		{"possession", "Tarvik's shares rose on Monday. Tarvik said sales of hybrids would double.", "Tarvik", 1, "Tarvik", claimtrail.SpeakerOrganization},
		{"role at", "An analyst at Tarvik was cautious. Tarvik said sales of hybrids would double.", "Tarvik", 1, "Tarvik", claimtrail.SpeakerOrganization},
		// near miss: a surname with a person's possession
		{"person", "Tarvik's wife was cautious. Tarvik said sales of hybrids would double.", "Tarvik", 1, "Tarvik", claimtrail.SpeakerPerson},
	})
}

// TestLeadingRoleOff: words before a given name that describe the person
// ("Congressman", "Fly-half", "Liberal Democrat", "Philadelphia
// Archbishop") are no part of the name; a given name missing from the
// list stays.
func TestLeadingRoleOff(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"role", "The vote was close. Congressman Anthony Wexler said the bill would pass.", "Congressman Anthony Wexler", 0, "Anthony Wexler", claimtrail.SpeakerPerson},
		{"hyphened", "The game was lost. Fly-half Charlie Hodd said the kick had missed.", "Fly-half Charlie Hodd", 0, "Charlie Hodd", claimtrail.SpeakerPerson},
		{"place and office", "The letter was read out. Philadelphia Archbishop Charles Chapin said the blessing was wrong.", "Philadelphia Archbishop Charles Chapin", 0, "Charles Chapin", claimtrail.SpeakerPerson},
		// near misses: a name in three parts
		{"three-part name", "The commander spoke on Monday. Mohammad Ali Jafari said the guards were ready.", "Mohammad Ali Jafari", 0, "Mohammad Ali Jafari", claimtrail.SpeakerPerson},
		{"two given names", "The party met on Monday. Anne Marie Walters said the party was ready.", "Anne Marie Walters", 0, "Anne Marie Walters", claimtrail.SpeakerPerson},
	})
}

// TestShareOfGroup: "Some 29 per cent of Labour's members" is the part
// of a group a survey counts, a group speaker, not an unknown.
func TestShareOfGroup(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"per cent", "The poll was taken in May. Some 29 per cent of Labour's rank-and-file members said they oppose the plan.", "Some 29 per cent of Labour's rank-and-file members", 0, "Some 29 per cent of Labour's rank-and-file members", claimtrail.SpeakerGroup},
		{"sign", "The survey asked 2,000 people. Only 18% of all searchers say they can tell which results are paid for.", "Only 18% of all searchers", 0, "Only 18% of all searchers", claimtrail.SpeakerGroup},
	})
}

// TestOrgHeadWords: names ending in "Society", "Trust", "Watch",
// "Ballet" are organisations.
func TestOrgHeadWords(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"society", "The report came out on Monday. The Hallam Society said the plans were rushed.", "The Hallam Society", 0, "Hallam Society", claimtrail.SpeakerOrganization},
		{"watch", "The report came out on Monday. Tenants Rights Watch said the plans were rushed.", "Tenants Rights Watch", 0, "Tenants Rights Watch", claimtrail.SpeakerOrganization},
		{"spokesman for", "The tour was cut short. A spokesman for the Northern City Ballet told reporters the dancers were tired.", "A spokesman for the Northern City Ballet", 0, "Northern City Ballet", claimtrail.SpeakerOrganization},
	})
}

// TestWebAddressIsOrganisation: a name ending in a web domain is a
// site's, not a person's.
func TestWebAddressIsOrganisation(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"domain", "The claim spread on Monday. FactCheck.org said the claim was false.", "FactCheck.org", 0, "FactCheck.org", claimtrail.SpeakerOrganization},
		// near miss: an initial is no domain
		{"initial", "The claim spread on Monday. John Q. Public said the claim was false.", "John Q. Public", 0, "John Q. Public", claimtrail.SpeakerPerson},
	})
}

// TestNameOverTitleInApposition: "Lawless Land, Peter Sandler, a QC,"
// is Sandler's (a book's title went for a person's name); a name whose
// given name is not listed keeps its place before a description naming
// someone else.
func TestNameOverTitleInApposition(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"title first", "The answer was plain. In his new book, Lawless Land, Peter Sandler, a QC and law professor, suggests the answer was written in Downing Street.",
			"Lawless Land, Peter Sandler, a QC and law professor,", 0, "Peter Sandler", claimtrail.SpeakerPerson},
		{"name first", "The talks failed. Myron Ebell, an adviser on climate change to President Bush, has said the treaty is dead.",
			"Myron Ebell, an adviser on climate change to President Bush,", 0, "Myron Ebell", claimtrail.SpeakerPerson},
	})
}
