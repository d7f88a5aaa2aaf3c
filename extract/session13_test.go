package extract

import (
	"strings"
	"testing"
)

// TestDescriptionAfterAName: a source the model took as the description
// after a name ("Dana Whitcombe, a fund manager at Larkspur Capital
// said") is the person named; not when the name is no subject ("Asked
// about Dana Whitcombe, a fund manager ... said") or a place ("In New
// Zealand, some economists").
func TestDescriptionAfterAName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a name before the description", "Port deal\n\nShares in the port operator rose on Monday. However, Dana Whitcombe, a fund manager at Larkspur Capital said taking the stake \"is a bold move\".\n", "said", "Dana Whitcombe"},
		{"a name after a preposition", "Port deal\n\nShares in the port operator rose on Monday. Asked about Dana Whitcombe, a fund manager at Larkspur Capital said taking the stake \"is a bold move\".\n", "said", "fund manager at Larkspur Capital"},
		{"a place", "Growth\n\nThe storm hit the coast. In New Zealand, some economists have said that as much as 1% of growth may be lost.\n", "have said", "some economists"},
		{"a description holding a place's name", "Party split\n\nSeven MPs quit the party on Monday. Announcing their resignations, Jane Roebuck, the MP for Westbury North took to the stage first, to claim that she could not stay in the party.\n", "to claim", "Jane Roebuck"},
	})
}

// TestAddresseeThenChannel: whom words were told and how ("warned staff
// in a memo that") are no part of what was said.
func TestAddresseeThenChannel(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"in a memo", "Audit\n\nThe water commissioner warned staff in a memo that the audit will be painful.\n", "warned", "The water commissioner", "that the audit will be painful"},
		{"in an email", "Audit\n\nThe club's chairman told members in an email that the ground would be sold.\n", "told", "The club's chairman", "that the ground would be sold"},
	})
}

// TestOfficeNamedByItsOwner: "the Water Regulator's Office" is one
// organisation, not "Office".
func TestOfficeNamedByItsOwner(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a spokesman for it", "Leak inquiry\n\nResidents complained about the leak. A spokesman for the Water Regulator's Office said it was examining one complaint.\n", "said", "Water Regulator's Office"},
		{"as the subject", "Leak inquiry\n\nResidents complained about the leak. The Water Regulator's Office said it was examining one complaint.\n", "said", "Water Regulator's Office"},
	})
}

// TestToldNamesWhomNotWho: the words after "told" are whom words were
// told, never the speaker, even after a subject with a clause of its own
// or a quote.
func TestToldNamesWhomNotWho(t *testing.T) {
	speakerOfContent(t, "Selection row\n\nTory MP Alan Pike has been deselected by his local party. The MP, who is consulting his lawyers, told BBC News: \"They selected me and they can dispose of me.\"\n",
		"They selected me", "Alan Pike")
	speakerOfContent(t, "Marathon\n\nCoach Mary Hobbs backed her runner. \"She is just doing what she wants to do,\" Hobbs told BBC Sport.\n",
		"doing what she wants", "Mary Hobbs")
}

// TestNameAndColonLeadIn: a quote after a person's name and a colon is
// theirs: after a speech verb that opens the sentence ("Added Gibbs:"),
// in a list of reactions ("- Rovers boss Jim Tate:"), after "including";
// not after a preposition (whom it was addressed to) nor after a label.
func TestNameAndColonLeadIn(t *testing.T) {
	speakerOfContent(t, "Budget row\n\nPress secretary Robert Gibbs said the plan was sound. \"We are facing a really difficult situation.\"\n\nAdded Gibbs: \"I think you would really have to ask somebody else about that.\"\n",
		"ask somebody else", "Robert Gibbs")
	speakerOfContent(t, "Cup reaction\n\nRovers beat City 2-1 on Saturday.\n\n- Rovers boss Jim Tate: \"After conceding eight goals in three games I was not confident.\"\n",
		"After conceding", "Jim Tate")
	speakerOfContent(t, "Calls to resign\n\nVoices across the church now echo the call, including Laura Penrose: \"Too little, too late from the bishop.\"\n",
		"Too little", "Laura Penrose")
	for _, story := range []string{
		"Open letter\n\nThe group wrote again on Monday. Campaigners to Michael Matt: \"Stop the sale of the abbey now.\"\n",
		"Open letter\n\nThe group wrote again on Monday. New Abbey Theory: \"The sale of the abbey was planned for years.\"\n",
	} {
		x := extractOrFail(t, story)
		for _, a := range x.Attributions {
			if a.Speaker.Name == "Michael Matt" || a.Speaker.Name == "New Abbey Theory" {
				t.Errorf("%q speaks in %q", a.Speaker.Name, story)
			}
		}
	}
}

// TestPartyDescriptionOfThePersonJustNamed: "The Ohio Republican said"
// right after a senator is named is that senator.
func TestPartyDescriptionOfThePersonJustNamed(t *testing.T) {
	speakerOfContent(t, "Chairman under fire\n\nSpeaking on Sunday, Sen. Carl Hewitt, R-Ohio, said the chairman's comments were \"wildly inaccurate.\"\n\nThe Ohio Republican said the chairman must make \"an appropriate decision\" about his future.\n",
		"appropriate decision", "Carl Hewitt")
}

// TestInitialsBeforeAName: an organisation's initials written before a
// person's name are no part of it ("group AVIA Pierre Duval").
func TestInitialsBeforeAName(t *testing.T) {
	speakerOfContent(t, "Boss to leave\n\nThe French co-head of aerospace group AVIA Pierre Duval is to leave his post.\n\nMr Duval said in a statement that he has accepted a new role.\n",
		"accepted a new role", "Pierre Duval")
}

// TestTweetWhoseLineIsOnlyItsLink: an embedded tweet whose line before
// the dash holds only its link has its text on the line before.
func TestTweetWhoseLineIsOnlyItsLink(t *testing.T) {
	const story = "Harbour row\nThe mayor answered on Twitter within the hour.\nThe harbour will stay open all winter.\npic.twitter.com/Ab12Cd34 — Mara Quint (@maraquint) January 8, 2019\nCritics were not convinced.\n"
	a := attributionWith(t, extractOrFail(t, story), "with content harbour will stay open", hasContent(func(c string) bool { return strings.Contains(c, "harbour will stay open") }))
	if a.Speaker.Name != "Mara Quint" || a.Channel != "Twitter" {
		t.Errorf("speaker %q, channel %q; want Mara Quint on Twitter", a.Speaker.Name, a.Channel)
	}
}

// TestChosenOrSentAwayIsNoStatement: "named X best actor" (a prize) and
// "dismissed her" (sent away) report no words; "named X as the one who
// did it" is an accusation and stays.
func TestChosenOrSentAwayIsNoStatement(t *testing.T) {
	runKeptCases(t, []keptCase{
		{"a prize", "Stage awards\n\nChosen by 9,000 fans, the Playgoers' Awards named actor Leo Marsh best actor for The Tempest.\n", "named", false},
		{"sent away", "Hearing\n\nThe chairman asked her twice to answer. When she declined, he dismissed her again.\n", "dismissed", false},
		{"an accusation", "Fraud trial\n\nThe star witness took the stand on Tuesday. Under questioning, Hale named Mr Dunn as one of five executives who participated in the accounting fraud.\n", "named", true},
	})
}

// TestRelativeClauseWithAListOfNames: a subject with a relative clause
// that lists names ("The complaint, which was filed by ..., Ann Cole,
// and ..., Ben Ross, accused") is the subject's, not the last name's.
func TestRelativeClauseWithAListOfNames(t *testing.T) {
	runSpeakerCases(t, []speakerCase{{"a list of names", "Water suit\n\nTwo states went to court on Monday. The complaint, which was filed by Ohio’s attorney general, Ann Cole, and Utah’s attorney general, Ben Ross, accused state officials of running a scheme that drains the river.\n", "accused", "complaint"}})
}

// TestHeadlineEpithetBeforeASurname: a headline's word before a surname
// ("Faultless Pike sweeps on") is no given name: the body's full name
// ("Roger Pike") is the person's.
func TestHeadlineEpithetBeforeASurname(t *testing.T) {
	const story = "Faultless Pike sweeps into final\n\nRoger Pike reached the final with a straight-sets win on Friday.\n\nPike said he had \"never felt better\" on the court.\n"
	speakerOfContent(t, story, "never felt better", "Roger Pike")
}

// TestQuoteOverLinesAfterAColon: a quotation over several lines, each
// opened with a mark and closed only at its end, is the content of the
// lead-in before it, up to the end of its first line at least (the model
// cut it at a comma).
func TestQuoteOverLinesAfterAColon(t *testing.T) {
	const story = "Keeper resigns\nThe club confirmed the keeper was leaving after a row over his posts online.\nThe post read: “After nine years between the posts, yesterday I had a call from the club saying that I was dropped for good.\n“When I asked why, I was told my posts had been noticed.”\nHe was not available for comment.\n"
	runBoundsCases(t, []boundsCase{{"read:", story, "read:", "The post", "“After nine years between the posts, yesterday I had a call from the club saying that I was dropped for good."}})
}

// TestTitleSaysGender: a pope, a cardinal or a king is no "she".
func TestTitleSaysGender(t *testing.T) {
	const story = "Mercy row\n\nCritics say Pope Adrian has shown too much mercy to abusers, said advocate Jean Castell on a television show last week.\n\n" +
		"“I think this is a misplaced mercy,” she told the host.\n\n“Many people who know Adrian say this is classic of him,” she added.\n"
	speakerOfContent(t, story, "classic of him", "Jean Castell")
}

// TestAgencyCreditBeforeATitle: a photo agency's initials before a title
// and a name ("EPA Pope Adrian", a caption's credit run into the text)
// are no part of the name.
func TestAgencyCreditBeforeATitle(t *testing.T) {
	const story = "Abuse letter\n\nThe letter reached the Vatican in April.\n\nEPA Pope Adrian has said in the past that dealing with abuse is vital for the Church's credibility.\n"
	speakerOfContent(t, story, "dealing with abuse", "Adrian")
}

// TestQuotationAfterTheObject: "also praised the film director: “...”"
// says the quotation; the object before the colon is what it is about.
func TestQuotationAfterTheObject(t *testing.T) {
	const story = "Awards night\n\nBest actor Jon Marsh thanked his family on stage. He also praised the film director: \"Thank you for taking a chance on this film. You are my hero.\"\n"
	runBoundsCases(t, []boundsCase{{"also praised", story, "also praised", "He", "\"Thank you for taking a chance on this film. You are my hero.\""}})
}

// TestContactIsNoStatement: "texted the source", "contacted both
// councils" say whom someone reached, not what was said; "called the sale
// illegal" is a judgement and stays.
func TestContactIsNoStatement(t *testing.T) {
	runKeptCases(t, []keptCase{
		{"contacted", "Council row\n\nThe paper ran the story on Monday.\nLedger.net subsequently contacted both councils.\nNeither replied.\n", "subsequently contacted", false},
		{"called it illegal", "Oil sale\n\nThe firm's lawyers filed papers in Houston. Vostok called the sale illegal.\n", "called", true},
	})
}

// keptCase is an invented article, a cue, and whether an attribution
// with that cue is printed.
type keptCase struct {
	name, text, cue string
	kept            bool
}

func runKeptCases(t *testing.T, cases []keptCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			found := false
			for _, a := range extractOrFail(t, tc.text).Attributions {
				if a.Cue != nil && a.Cue.Text == tc.cue {
					found = true
				}
			}
			if found != tc.kept {
				t.Errorf("attribution with cue %q kept = %v, want %v", tc.cue, found, tc.kept)
			}
		})
	}
}

// TestPeopleToldWithoutThat: the people told are no part of what was
// said when no "that" follows them ("told Labour members the Tories
// offered ...", "told BBC Radio 4's Today programme it was not fair",
// "has promised him he wants to stay").
func TestPeopleToldWithoutThat(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"members", "Campaign\n\nThe prime minister spoke in Leeds. Mr Lane told Labour members the Tories offered a \"hard right agenda\".\n", "told", "Mr Lane", "the Tories offered a \"hard right agenda\""},
		{"a programme", "Turnout\n\nMr Cole, who is giving evidence to the inquiry, told BBC Radio 4's Today programme it was not fair to blame the public.\n", "told", "Mr Cole, who is giving evidence to the inquiry,", "it was not fair to blame the public"},
	})
}

// TestTitleWithAnOfficeBeforeAName: a title whose office ends in a thing
// ("director of rugby", "spokesman for sport") before a name is that
// person's title.
func TestTitleWithAnOfficeBeforeAName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"director of rugby", "Cup row\n\nThe club lost again on Saturday. Harbour director of rugby Neil Ashdown said: \"We were not good enough.\"\n", "said:", "Neil Ashdown"},
		{"spokesman for sport", "School sport\n\nThe plan was announced on Monday. Shadow spokesman for sport Hugh Kerrigan said: \"The clubs should deliver the school sport offer.\"\n", "said:", "Hugh Kerrigan"},
	})
}

// TestParticipleAsideEndsWithIt: a report in a participle aside after
// its subject ends where the main clause resumes ("The post, claiming
// ..., had been removed").
func TestParticipleAsideEndsWithIt(t *testing.T) {
	runBoundsCases(t, []boundsCase{{"claiming", "Contract row\n\nThe council met on Friday.\n\nA leaflet from the campaign, claiming that the mayor lied about the contract, was withdrawn by the council.\n", "claiming", "A leaflet from the campaign", "that the mayor lied about the contract"}})
}

// TestWhiteIsASurname: "White" is a title only in "White House"; a given
// name ending like a nationality ("Luci") is no title either.
func TestWhiteIsASurname(t *testing.T) {
	const story = "Doping case\n\nBanned American hurdler Luci White says she knowingly took steroids.\n\n\"He was selling a product,\" White said in an interview.\n"
	speakerOfContent(t, story, "selling a product", "Luci White")
}
