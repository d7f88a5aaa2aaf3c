package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestFirmHeadDescription: "the car giant", "the news and financial data
// seller", "the watchdog" is the body the article named just before it
// (by its name as a subject, in apposition after "the media watchdog,",
// or before the noun, "Vantor Air's Skyline subsidiary"), never a person
// salience would pick for a noun a dictionary has for a person too; with
// no body named, the description stays one. A body named inside the
// description ("the Vantor subsidiary") owns it and is not it.
func TestFirmHeadDescription(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a car giant", "Velkor recalls cars\n\nOn Monday Velkor said it is recalling 20,000 Zentra coupes. In addition, the car giant is calling back 17,000 trucks.",
			[]string{"Velkor", "the car giant"}, []int{1, 0}, "Velkor", claimtrail.SpeakerOrganization},
		{"a seller with modifiers", "Profits up\n\nShares in Quintaro rose on Monday. Quintaro has cut its debt. The news and financial data seller said the year had begun well.",
			[]string{"The news and financial data seller"}, []int{0}, "Quintaro", claimtrail.SpeakerOrganization},
		{"a watchdog in apposition", "Site blocked\n\nZarania has been accused of blocking a news site by the media watchdog, Reporters Against Walls.\n\nThe pressure group said the site had been down for ten days. It said the aim was to force people to use another edition which, according to the watchdog, leaves out critical reports.",
			[]string{"The pressure group", "It", "the watchdog"}, []int{0, 0, 0}, "Reporters Against Walls", claimtrail.SpeakerOrganization},
		{"a subsidiary named before its noun", "Flights cancelled\n\nThe government is to investigate Vantor Air's Skyline subsidiary after the chaos. Skyline said its computers failed. Analysts said it would worsen the finances of Vantor. Skyline \"deeply regrets the delays,\" the Vantor subsidiary said in a statement.",
			[]string{"Skyline", "the Vantor subsidiary"}, []int{1, 0}, "Skyline", claimtrail.SpeakerOrganization},
		// near miss: only a person named before
		{"no body named", "Recall\n\nJane Fetter runs the plant. The car giant said it was calling back 17,000 trucks.",
			[]string{"The car giant"}, []int{0}, "car giant", claimtrail.SpeakerDescription},
	})
}

// TestNamedInOwnClause: a pronoun or a definite description is never the
// person its own clause goes on to name ("he claims to have seen a video
// of Varga", "The premier insisted Mr Brook will have a key role", "The
// Leeds West MP, who ..., accused Ms King"):
// salience picks the next one, else the pronoun is no one named and the
// description stays one. Near misses: the name after a comma (another
// clause), or after "a" ("to see a new Tom Varga" speaks of a kind of
// him).
func TestNamedInOwnClause(t *testing.T) {
	const varga = "Varga accused\n\nRep. Tom Varga is accused of abuse by his former partner Karen Lusk.\n\nAaron Lusk, her son, aired the allegations on Saturday. According to Aaron Lusk, Varga put his mother through hell. In the post, he claims to have seen a video of Varga dragging her off the bed."
	const premier = "Brook outlines vision\n\nMartin Brook has outlined the themes of the party's next election bid.\n\nThe chancellor has planned the strategy before but this time the role will go to Alan Milt, an ally of Toby Blane. The premier insisted Mr Brook will have a key role in the campaign."
	const denied = "Varga denies claims\n\nRep. Tom Varga denied the claims on Monday. He said the post was false, and Lusk had lied about Varga."
	runChainCases(t, []chainCase{
		{"a pronoun before the name", varga, []string{"he"}, []int{5}, "Aaron Lusk", claimtrail.SpeakerPerson},
		{"a description before the name", premier, []string{"The premier"}, []int{0}, "premier", claimtrail.SpeakerDescription},
		{"a surname after Ms", "Dalloway targets MP\n\nJim Dalloway is to stand against Labour MP Ann King at the next election.\n\nMr Dalloway said he would contest the seat. The Leeds West MP, who was expelled from Labour, accused Ms King of being a \"stooge\".",
			[]string{"Mr Dalloway", "The Leeds West MP, who was expelled from Labour,"}, []int{0, 0}, "Leeds West MP", claimtrail.SpeakerDescription},
		{"the name after a comma", denied, []string{"He"}, []int{0}, "Tom Varga", claimtrail.SpeakerPerson},
		{"a name as a kind", "Varga's new look\n\nRep. Tom Varga spoke in Leeds on Monday. He believes it is time for voters to see a new Tom Varga.",
			[]string{"He"}, []int{0}, "Tom Varga", claimtrail.SpeakerPerson},
	})
}

// TestOfficeNotHeldByNamedBeside: a person a clause names beside "the
// chancellor" ("between the chancellor and Toby Blane", "Vince Kable said
// the chancellor had failed") is not the chancellor anywhere in the
// article, for an office one person holds at a time. Near miss: "the
// senator praised Ann Gray" rules no one out, for a story may have many
// senators.
func TestOfficeNotHeldByNamedBeside(t *testing.T) {
	const between = "Brook hits back in rift row\n\nMartin Brook has criticised a union leader who said conflict between himself and Toby Blane was harming the government.\n\n" +
		"Jon Baume spoke of rival agendas between Mr Brook and Mr Blane. But the chancellor said the union leader could not judge.\n\n" +
		"Tory Olly Letts said the battle between the chancellor and Toby Blane was hurting them both."
	const beside = "Budget row\n\nMartin Brook and Toby Blane staged a show of unity on Thursday, the day after the chancellor delivered his Budget.\n\n" +
		"For the Liberals, Vince Kable said the chancellor had failed to deal with council tax. Mr Kable said taxes would go up under all three parties. " +
		"The chancellor meanwhile insisted his plans were affordable."
	const senators = "Bill passes\n\nSenator Ann Gray and Senator Bob Lee spoke on Monday. In the debate the senator praised Ann Gray for her work.\n\n" +
		"Ann Gray said the bill would pass. The senator added that it would cut costs."
	runChainCases(t, []chainCase{
		{"between the chancellor and a name", between, []string{"the chancellor"}, []int{0}, "Martin Brook", claimtrail.SpeakerPerson},
		{"a name that speaks of the chancellor", beside, []string{"Vince Kable", "Mr Kable", "The chancellor"}, []int{0, 0, 0}, "Martin Brook", claimtrail.SpeakerPerson},
		{"a senator of many", senators, []string{"Ann Gray", "The senator"}, []int{2, 0}, "Ann Gray", claimtrail.SpeakerPerson},
	})
}

// TestLearnedTitle: a capitalised word no dictionary has for a title,
// written before a given name and surname and before the surname alone
// ("Zorbarch Patti Vell ... Zorbarch Vell said"), is the writer's title
// for the person, no part of the name. Near miss: a given name so written
// ("Alan Quill ... Alan John Quill") stays in the name.
func TestLearnedTitle(t *testing.T) {
	runChainCases(t, []chainCase{
		{"a learned title", "Judge blocks plan\n\nZorbarch Patti Vell thinks she runs policy.\n\nBut Zorbarch Vell said on Monday the plan was unlawful.",
			[]string{"Zorbarch Vell"}, []int{0}, "Patti Vell", claimtrail.SpeakerPerson},
		{"a given name", "Quill speaks\n\nAlan Quill spoke in Leeds.\n\nAlan John Quill said on Monday the plan was unlawful.",
			[]string{"Alan John Quill"}, []int{0}, "Alan John Quill", claimtrail.SpeakerPerson},
	})
}

// TestTimeAfterPerson: a phrase of time after a person's full name at the
// end of a source written after its cue ("..., said Culture Secretary
// Ann Vell after the meeting") is when the person spoke, no part of the
// name.
func TestTimeAfterPerson(t *testing.T) {
	runChainCases(t, []chainCase{
		{"after the meeting", "Games warning\n\nMinisters met the games industry on Sunday. \"Adults can make informed choices,\" said Culture Secretary Ann Vell after the meeting.",
			[]string{"Culture Secretary Ann Vell after the meeting"}, []int{0}, "Ann Vell", claimtrail.SpeakerPerson},
	})
}

// TestRelationNotTheNoun: the person the article writes after "the
// actor's" and a noun ("The actor's friend Tom Bale") is someone related
// to the actor, never "the actor" later.
func TestRelationNotTheNoun(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the actor's friend", "Brand 'rejected role'\n\nLate film star Marlo Brand is said to have turned down his best role.\n\n" +
			"The actor's friend Tom Bale told a magazine that Brand's assistant suggested he read the novel. The actor repeatedly refused, saying: \"I won't do it.\"",
			[]string{"The actor's friend Tom Bale", "The actor"}, []int{0, 1}, "Marlo Brand", claimtrail.SpeakerPerson},
	})
}
