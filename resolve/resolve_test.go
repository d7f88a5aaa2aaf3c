package resolve

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// mentionOf finds the token range of the nth (0-based) occurrence of
// phrase in the segmented text.
func mentionOf(t *testing.T, text, phrase string, nth int) Mention {
	t.Helper()
	d := segment.Segment(text)
	off := -1
	for k := 0; k <= nth; k++ {
		i := strings.Index(text[off+1:], phrase)
		if i < 0 {
			t.Fatalf("%q not in text", phrase)
		}
		off += 1 + i
	}
	m := Mention{Start: -1}
	for i, tok := range d.Tokens {
		if tok.Start == off {
			m.Start = i
		}
		if tok.End == off+len(phrase) {
			m.End = i + 1
		}
	}
	if m.Start < 0 || m.End <= m.Start {
		t.Fatalf("%q does not align with tokens", phrase)
	}
	return m
}

func TestResolve(t *testing.T) {
	type src struct {
		phrase string
		nth    int
		name   string
		kind   claimtrail.SpeakerKind
	}
	tests := []struct {
		name string
		text string
		srcs []src
	}{
		{"full name, title stripped", "Director of Coastal Planning Mara Ellery said that it was raining.",
			[]src{{"Director of Coastal Planning Mara Ellery", 0, "Mara Ellery", claimtrail.SpeakerPerson}}},
		{"surname and pronoun", "President Erik Halvorsen spoke on Monday. Halvorsen said it was fine. He added that he was happy.",
			[]src{{"Halvorsen", 1, "Erik Halvorsen", claimtrail.SpeakerPerson}, {"He", 0, "Erik Halvorsen", claimtrail.SpeakerPerson}}},
		{"relative pronoun", "The rally heard Austrian Chancellor Otto Brandl, who acknowledged that he had planned it.",
			[]src{{"who", 0, "Otto Brandl", claimtrail.SpeakerPerson}}},
		{"appositive", "Hugh Hill, a doctor, said the wards were full.",
			[]src{{"Hugh Hill, a doctor,", 0, "Hugh Hill", claimtrail.SpeakerPerson}}},
		{"role before the name", "A spokeswoman, Anna Richardson White, said the tool worked.",
			[]src{{"A spokeswoman, Anna Richardson White,", 0, "Anna Richardson White", claimtrail.SpeakerPerson}}},
		{"groups", "All the state health agencies have concluded it. Halvorsen critics claim otherwise. Defenders of Halvorsen have pointed to his record.",
			[]src{{"All the state health agencies", 0, "state health agencies", claimtrail.SpeakerDescription},
				{"Halvorsen critics", 0, "Halvorsen critics", claimtrail.SpeakerGroup},
				{"Defenders of Halvorsen", 0, "Defenders of Halvorsen", claimtrail.SpeakerGroup}}},
		{"organisation", "The White House said in a statement that talks would go on.",
			[]src{{"The White House", 0, "White House", claimtrail.SpeakerOrganization}}},
		{"title reference", "Finnish President Aino Virta met the press. The Finnish leader said she was pleased.",
			[]src{{"The Finnish leader", 0, "Aino Virta", claimtrail.SpeakerPerson}}},
		{"gender tells two people apart", "Senator Mark Ellison questioned Ruth Okafor for an hour. Ellison was not satisfied. He said the numbers were late. She said they were not.",
			[]src{{"He", 0, "Mark Ellison", claimtrail.SpeakerPerson}, {"She", 0, "Ruth Okafor", claimtrail.SpeakerPerson}}},
		{"pronoun after a long quote", "Union organizer Priya Nandakumar put it this way:\n\n“We are not asking. We are asking for hands.\n\n“If they think a strike is expensive, they should look.”\n\nShe said the team would stay.",
			[]src{{"Union organizer Priya Nandakumar", 0, "Priya Nandakumar", claimtrail.SpeakerPerson}, {"She", 0, "Priya Nandakumar", claimtrail.SpeakerPerson}}},
		{"sentence openers are no part of a name", "On Monday Tony Blair spoke to reporters for an hour about the budget. But Tony Blair said little about the vote.",
			[]src{{"Tony Blair", 1, "Tony Blair", claimtrail.SpeakerPerson}}},
		{"a plural opening a sentence is a description", "Prices rose again in March across the region. Analysts said the rise would slow.",
			[]src{{"Analysts", 0, "Analysts", claimtrail.SpeakerDescription}}},
		{"fragments are no speakers", "Enter Ms. Lauten, an aide. On many occasions they met. He took a shot at President Obama and the first lady. A poll found 32% agreed.",
			[]src{{"many occasions", 0, "", claimtrail.SpeakerUnknown}, {"a shot at President Obama and the first lady", 0, "", claimtrail.SpeakerUnknown},
				{"32%", 0, "", claimtrail.SpeakerUnknown}, {"Enter Ms. Lauten", 0, "Lauten", claimtrail.SpeakerPerson}}},
		{"descriptions stay descriptions", "The company said profits fell. Critics said the report was late. The report said otherwise. Mr Blair's supporters disagreed.",
			[]src{{"The company", 0, "company", claimtrail.SpeakerDescription}, {"Critics", 0, "Critics", claimtrail.SpeakerDescription},
				{"The report", 0, "report", claimtrail.SpeakerDescription}, {"Mr Blair's supporters", 0, "Mr Blair's supporters", claimtrail.SpeakerGroup}}},
		{"a place after the name", "Gov. Rick Perry of Texas is running an ad. Mr. Perry said it would run.",
			[]src{{"Mr. Perry", 0, "Rick Perry", claimtrail.SpeakerPerson}}},
		{"honorific tells two people of one surname apart", "Malia Obama wore a skirt. Barack Obama spoke later. Mr. Obama said she looked fine.",
			[]src{{"Mr. Obama", 0, "Barack Obama", claimtrail.SpeakerPerson}}},
		{"a surname misspelt once", "William Cowan was appointed on Wednesday. “I am ready,” said Cowen.",
			[]src{{"Cowen", 0, "William Cowan", claimtrail.SpeakerPerson}}},
		{"a definite description is the person the story is about", "Dan Coats spoke in Aspen on Thursday. Coats said he had not been told. The former Indiana senator said he was surprised. The Trump administration's top intelligence official said more.",
			[]src{{"The former Indiana senator", 0, "Dan Coats", claimtrail.SpeakerPerson}, {"The Trump administration's top intelligence official", 0, "Dan Coats", claimtrail.SpeakerPerson}}},
		{"a relative is someone else", "Eloise Parry died in April. Her mother said she was a happy child. The mother added that she had been careful.",
			[]src{{"The mother", 0, "mother", claimtrail.SpeakerDescription}}},
		{"a place speaks for its government", "Talks went on in Pretoria. South Africa said the deal was close.",
			[]src{{"South Africa", 0, "South Africa", claimtrail.SpeakerOrganization}}},
		{"two names joined are a group", "Barack Obama met Benjamin Netanyahu. Obama and Netanyahu said they would meet again.",
			[]src{{"Obama and Netanyahu", 0, "Obama and Netanyahu", claimtrail.SpeakerGroup}}},
		{"the leader of an organisation named in apposition", "The Ennahda Party met on Monday. The leader of the Ennahda Party, Rachid Ghannouchi, condemned the attack.",
			[]src{{"The leader of the Ennahda Party, Rachid Ghannouchi,", 0, "Rachid Ghannouchi", claimtrail.SpeakerPerson}}},
		{"a description joined by and is one person", "Snopes fact checker and staff writer David Emery posted a question. Emery said it was a joke.",
			[]src{{"Snopes fact checker and staff writer David Emery", 0, "David Emery", claimtrail.SpeakerPerson}}},
		{"she after a quote of the mother is the mother", "Eloise Parry, 21, died in April. “As Eloise deteriorated, the staff did all they could,” her mother, Fiona, said. She added: “They never stood a chance.” Fiona Parry issued a plea.",
			[]src{{"her mother, Fiona,", 0, "Fiona Parry", claimtrail.SpeakerPerson}, {"She", 0, "Fiona Parry", claimtrail.SpeakerPerson}}},
		{"the critic, not the criticised", "Charles Kennedy spoke in Leeds. “There is a fundamental lack of trust in Tony Blair,” he said.",
			[]src{{"he", 1, "Charles Kennedy", claimtrail.SpeakerPerson}}},
		{"an organisation's name with and", "Tourism fell. The World Travel and Tourism Council, an industry body, said so.",
			[]src{{"The World Travel and Tourism Council, an industry body,", 0, "World Travel and Tourism Council", claimtrail.SpeakerOrganization}}},
		{"a relative pronoun opening the source", "Amazon grew. Prime, which Amazon founder Jeff Bezos said had grown, is big.",
			[]src{{"which Amazon founder Jeff Bezos", 0, "Jeff Bezos", claimtrail.SpeakerPerson}}},
		{"a person from an organisation", "West Mercia police opened an inquiry. Chief inspector Jennifer Mattinson from the West Mercia police said they were concerned.",
			[]src{{"Chief inspector Jennifer Mattinson from the West Mercia police", 0, "Jennifer Mattinson", claimtrail.SpeakerPerson}}},
		{"a participle clause before the name", "Charles Kennedy toured Yorkshire. Speaking in Harrogate Mr Kennedy said the vote was open. Dr Fox said otherwise.",
			[]src{{"Speaking in Harrogate Mr Kennedy", 0, "Charles Kennedy", claimtrail.SpeakerPerson}, {"Dr Fox", 0, "Fox", claimtrail.SpeakerPerson}}},
		{"a participle's object is no speaker", "Obamacare passed. Some celebrating Obamacare said it was fine.",
			[]src{{"celebrating Obamacare", 0, "", claimtrail.SpeakerUnknown}}},
		{"a headline word the body never names", "Yahoo Sale Leaves Shareholders With Little Say\n\nThe deal was signed on Monday by the board.",
			[]src{{"Little", 0, "", claimtrail.SpeakerUnknown}}},
		{"a spokesperson speaks for the organisation", "UKIP met in London. A spokesman for UKIP called on him to quit. The Plaid Cymru health spokesman said no.",
			[]src{{"A spokesman for UKIP", 0, "UKIP", claimtrail.SpeakerOrganization}, {"The Plaid Cymru health spokesman", 0, "Plaid Cymru", claimtrail.SpeakerOrganization}}},
		{"a spokesperson for a one-word name speaks for an organisation", "The channel was criticised. A spokeswoman for Corvex said it was unfair.",
			[]src{{"A spokeswoman for Corvex", 0, "Corvex", claimtrail.SpeakerOrganization}}},
		{"a lawyer, a spokesman or a wife of a person is not that person", "Representative Paul Marden faces charges. A lawyer for Mr. Marden said they were false. A spokesman for Mr. Marden said he would fight. The wife of Mr. Marden said nothing.",
			[]src{{"A lawyer for Mr. Marden", 0, "lawyer for Mr. Marden", claimtrail.SpeakerDescription},
				{"A spokesman for Mr. Marden", 0, "spokesman for Mr. Marden", claimtrail.SpeakerDescription},
				{"The wife of Mr. Marden", 0, "wife of Mr. Marden", claimtrail.SpeakerDescription}}},
		{"a spokesperson of a named company, and the spokesperson after it", "A spokesperson for Corvex said it complied. “We follow the law,” the spokesperson said. A Veltran spokesperson said it never shares data. “We comply only with orders,” the spokesperson said.",
			[]src{{"A spokesperson for Corvex", 0, "Corvex", claimtrail.SpeakerOrganization}, {"the spokesperson", 0, "Corvex", claimtrail.SpeakerOrganization},
				{"A Veltran spokesperson", 0, "Veltran", claimtrail.SpeakerOrganization}, {"the spokesperson", 1, "Veltran", claimtrail.SpeakerOrganization}}},
		{"a party's spokesman is not another party's spokesman", "Tory spokesman Julian Lewis attacked the posters. A Labour spokesman said they were not offensive.",
			[]src{{"A Labour spokesman", 0, "Labour", claimtrail.SpeakerOrganization}}},
		{"a role noun opening the sentence is no part of the name", "The board met. Historian Mara Ellery of Harbourton University told the board it was wrong. Singer Tom Vell said so too.",
			[]src{{"Historian Mara Ellery of Harbourton University", 0, "Mara Ellery", claimtrail.SpeakerPerson}, {"Singer Tom Vell", 0, "Tom Vell", claimtrail.SpeakerPerson}}},
		{"an organisation keeps the words of its name", "The inquiry widened. The U.S. Justice Department said it would appeal. The Republican Governors Association announced a tour. Dr Fox said no.",
			[]src{{"The U.S. Justice Department", 0, "U.S. Justice Department", claimtrail.SpeakerOrganization},
				{"The Republican Governors Association", 0, "Republican Governors Association", claimtrail.SpeakerOrganization},
				{"Dr Fox", 0, "Fox", claimtrail.SpeakerPerson}}},
		{"a pronoun in a clause of time goes back to the one person named before it", "Mr. Tom Vell said the budget was sound. One of Paul Marden’s best lines came when he sought to explain the budget.",
			[]src{{"he", 2, "Paul Marden", claimtrail.SpeakerPerson}}},
		{"a definite description with an aside is the person the story is about", "Representative Paul Marden of Idaho filed the bill. The Idaho congressman, echoing other conservatives, has said the border comes first.",
			[]src{{"The Idaho congressman, echoing other conservatives,", 0, "Paul Marden", claimtrail.SpeakerPerson}}},
		{"a sentence adverb after the speaker", "The plan drew fire. The White House nevertheless insists that it works.",
			[]src{{"The White House nevertheless", 0, "White House", claimtrail.SpeakerOrganization}}},
		{"a pronoun after an opening clause goes back to the one person in it", "Mr. Tom Vell said the draft was ready. But when the final draft was sent to Mr. Paul Marden, he dismissed it.",
			[]src{{"he", 3, "Paul Marden", claimtrail.SpeakerPerson}}},
		{"an abbreviated title is the title", "Gov. Dana Whitlow on Wednesday appointed Paul Marden, a lawyer, to the Senate. Mr. Marden thanked her. “I’m not that cool,” the governor replied.",
			[]src{{"the governor", 0, "Dana Whitlow", claimtrail.SpeakerPerson}}},
		{"a vice president is not the president", "President Dana Whitlow met Vice President Paul Marden on Monday. The president said the plan would pass.",
			[]src{{"The president", 0, "Dana Whitlow", claimtrail.SpeakerPerson}}},
		{"someone's attorney is no attorney general", "Attorney General Paul Marden spoke on Monday. Ann Korver was charged. Korver’s attorney says she is innocent.",
			[]src{{"Korver’s attorney", 0, "Korver’s attorney", claimtrail.SpeakerDescription}}},
		{"a reflexive after the speaker", "Representative Paul Marden filed the bill. Mr. Marden himself objected to the change.",
			[]src{{"Mr. Marden himself", 0, "Paul Marden", claimtrail.SpeakerPerson}}},
		{"a bystander's role is not the person the story is about", "Representative Paul Marden grabbed a student's wrist. The cameraman replied that they were students.",
			[]src{{"The cameraman", 0, "cameraman", claimtrail.SpeakerDescription}}},
		{"aides opening a sentence are not the person they work for", "Representative Paul Marden faces charges. Aides to Mr. Marden declined to say whether he would resign.",
			[]src{{"Aides to Mr. Marden", 0, "Aides to Mr. Marden", claimtrail.SpeakerDescription}}},
		{"the person named in apposition speaks", "Representative Paul Marden faces charges. A lawyer for Mr. Marden, Ann Korver of Korver Hale, said they were false.",
			[]src{{"A lawyer for Mr. Marden, Ann Korver of Korver Hale,", 0, "Ann Korver", claimtrail.SpeakerPerson}}},
		{"whose names the noun before", "The rules drew fire from Dana Whitlow, whose spokesman said they were vague.",
			[]src{{"whose spokesman", 0, "Dana Whitlow’s spokesman", claimtrail.SpeakerDescription}}},
		{"given names joined over a surname are the family's", "President Marden met the press. He praised Sasha and Mira Marden. “You want to see?” Mr. Marden asked.",
			[]src{{"Mr. Marden", 0, "Marden", claimtrail.SpeakerPerson}}},
		{"examples after including are no name of the speakers", "The plan was debated. Several councillors, including Ann Korver and Bram Tello, have criticised it.",
			[]src{{"Several councillors, including Ann Korver and Bram Tello,", 0, "Several councillors", claimtrail.SpeakerDescription}}},
		{"a time after the speaker is no part of it", "Gordon Brown spoke in Leeds. Mr Brown earlier denied the forecasts were wrong. Local officials over the weekend said so too.",
			[]src{{"Mr Brown earlier", 0, "Gordon Brown", claimtrail.SpeakerPerson}, {"Local officials over the weekend", 0, "Local officials", claimtrail.SpeakerGroup}}},
		{"a pronoun in a relative aside is the clause subject's", "Mr. Shulman said he had. Mr. Jordan produced visitor records that he said showed many visits.",
			[]src{{"he", 1, "Jordan", claimtrail.SpeakerPerson}}},
		{"a pronoun after told-someone-that is not a relative's", "Wendy Anderson, a former aide to Rep. Yvette Clarke, told investigators that she suspected fraud.",
			[]src{{"she", 0, "Wendy Anderson", claimtrail.SpeakerPerson}}},
		{"a role on a named body is a person of it", "The halibut stock fell. A commissioner on the Pacific Halibut Commission described it as declining.",
			[]src{{"A commissioner on the Pacific Halibut Commission", 0, "commissioner on the Pacific Halibut Commission", claimtrail.SpeakerDescription}}},
		{"who after a role noun is the role's, not a name inside the phrase", "The post angered many. A former Harbour Board media aide who describes herself as loving boats said it was unfair.",
			[]src{{"who", 0, "former Harbour Board media aide", claimtrail.SpeakerDescription}}},
		{"who after a role in apposition is the name's", "The deal was debated. Ann Korver, the harbour lawyer who drafted it, said it was fair.",
			[]src{{"who", 0, "Ann Korver", claimtrail.SpeakerPerson}}},
		{"a title after the name", "Andrew Tyrie MP asked a question. Mr Tyrie said the answer was late.",
			[]src{{"Andrew Tyrie MP", 0, "Andrew Tyrie", claimtrail.SpeakerPerson}, {"Mr Tyrie", 0, "Andrew Tyrie", claimtrail.SpeakerPerson}}},
		{"party words are groups", "The Tories said the plan would fail. MPs said otherwise.",
			[]src{{"The Tories", 0, "Tories", claimtrail.SpeakerGroup}, {"MPs", 0, "MPs", claimtrail.SpeakerGroup}}},
		{"no antecedent is unknown", "He said it would rain.",
			[]src{{"He", 0, "", claimtrail.SpeakerUnknown}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := segment.Segment(tt.text)
			var ms []Mention
			for _, s := range tt.srcs {
				ms = append(ms, mentionOf(t, tt.text, s.phrase, s.nth))
			}
			got := Resolve(d, ms)
			for i, s := range tt.srcs {
				if got[i].Name != s.name || got[i].Kind != s.kind {
					t.Errorf("%q → %q (%s), want %q (%s)", s.phrase, got[i].Name, got[i].Kind, s.name, s.kind)
				}
				if got[i].Kind == claimtrail.SpeakerUnknown && got[i].Confidence > 0.3 {
					t.Errorf("%q unknown with confidence %v", s.phrase, got[i].Confidence)
				}
				if got[i].Confidence <= 0 || got[i].Confidence > 1 {
					t.Errorf("%q confidence %v", s.phrase, got[i].Confidence)
				}
			}
		})
	}
}
