package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// quoteSpeakerCase is a text, the verbatim words of one of its
// attributions (its only quoted piece) and the speaker it must have.
type quoteSpeakerCase struct{ name, text, quote, want string }

// runQuoteSpeakerCases checks the speaker of the attribution whose
// only quoted piece is the case's quote: unlike runPieceCases it skips
// a report whose content holds the quote inside a wider paraphrase ("X
// cited Y, who warned “...”").
func runQuoteSpeakerCases(t *testing.T, cases []quoteSpeakerCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, a := range extractOf(t, tc.text) {
				if len(a.Quotes) == 1 && a.Quotes[0].Text == tc.quote && len(contentPieces(a)) < len(tc.quote)+8 {
					if a.Speaker.Name != tc.want {
						t.Errorf("speaker %q, want %q", a.Speaker.Name, tc.want)
					}
					return
				}
			}
			t.Fatalf("no attribution quotes only %q", tc.quote)
		})
	}
}

// contentCase is a text and the content one of its attributions must
// have, its pieces as contentPieces joins them.
type contentCase struct{ name, text, want string }

// runContentCases checks that some attribution of each case's text has
// the wanted content, logging the contents found when none has.
func runContentCases(t *testing.T, cases []contentCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			atts := extractOf(t, tc.text)
			for _, a := range atts {
				if contentPieces(a) == tc.want {
					return
				}
			}
			for _, a := range atts {
				t.Logf("content %q", contentPieces(a))
			}
			t.Errorf("no attribution with content %q", tc.want)
		})
	}
}

// TestRelativeAsideSource: a cue after ", who, <aside>," is the relative
// clause's verb: its speaker is the one "who" stands for, not the
// sentence's subject.
func TestRelativeAsideSource(t *testing.T) {
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"aside", "Letter\n\nIn her letter, Olsen repeated a famous 2005 quote by her predecessor Jonas Berg, who, a month before being elected mayor, lamented “how much filth” there was in the city.\n",
			"how much filth", "Jonas Berg"},
		{"numeral", "Letter\n\nIn his letter, Pope Clement repeated a famous 2005 quote by his predecessor Urban IX, who, a month before being elected pope, lamented “how much filth” there was in the Church.\n",
			"how much filth", "Urban IX"},
		{"no aside", "Letter\n\nIn her speech, Marta Olsen cited her mentor Jonas Berg, who warned “the river will take the town” in a lecture.\n",
			"the river will take the town", "Jonas Berg"},
	})
}

// TestContentFromDash: a report whose source and cue follow it holds
// the whole sentence when the model began it after a dash; a dateline
// before the dash stays out.
func TestContentFromDash(t *testing.T) {
	runContentCases(t, []contentCase{
		{"aside", "Markets\n\nTrading volume - a measure of how many parties are willing to trade - was about half that of a normal day, dealers said.\n",
			"Trading volume - a measure of how many parties are willing to trade - was about half that of a normal day"},
		{"afterthought", "Pubs\n\nChief constable Dan Moss said longer opening hours need not mean more trouble. Instead, the new Licensing Act could help reduce drunken disorder - but only if it was properly planned, he argued.\n",
			"Instead, the new Licensing Act could help reduce drunken disorder - but only if it was properly planned"},
		// near miss: a dateline is no part of what was said
		{"dateline", "Gangs\n\nOSLO (Wire) – Norway will do whatever it takes to end a wave of gang violence, Prime Minister Ola Berg said.\n",
			"Norway will do whatever it takes to end a wave of gang violence"},
	})
}

// TestAccordingToWholeClause: "..., according to X" vouches for the
// whole clause it closes, not for the part the model began at; a lone
// "But" before the clause stays out.
func TestAccordingToWholeClause(t *testing.T) {
	runContentCases(t, []contentCase{
		{"list of things", "Brands\n\nThe chain is finding success with its own brands. One of these, Brightline, sells cheap versions of everything from K-Cup coffee pods to garden hoses to bin bags and racked up more than $2 million in sales in March alone, according to data analysis firm Tallyworks.\n",
			"One of these, Brightline, sells cheap versions of everything from K-Cup coffee pods to garden hoses to bin bags and racked up more than $2 million in sales in March alone"},
		{"two subjects", "Shops\n\nRising interest rates and the accompanying slowdown in the housing market have knocked shoppers' optimism, causing a sharp fall in demand for expensive goods, according to a report from the Retail Council.\n",
			"Rising interest rates and the accompanying slowdown in the housing market have knocked shoppers' optimism, causing a sharp fall in demand for expensive goods"},
	})
}

// TestHeadlineQuoteFromLead: a headline's quote goes to the source of
// the lead's own report ("<claim>, X has said") when the two share one
// word, or a word's root.
func TestHeadlineQuoteFromLead(t *testing.T) {
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"one word", "Port 'to sell old harbour soon'\n\nThe harbour in Kelby is to be sold to a shipping group next year, the town council has said.\n\nThe council said the deal was fair.\n",
			"to sell old harbour soon", "town council"},
		{"root", "Election 'could be terror target'\n\nTerrorists might strike the city in the run-up to the vote, the town council has said.\n\nThe council said the risk was low.\n",
			"could be terror target", "town council"},
	})
}

// TestSourceTakenForContent: "<clause>, <speaker> has said." is a
// report of the clause by the speaker, also when the model took the
// speaker for what was said.
func TestSourceTakenForContent(t *testing.T) {
	runContentCases(t, []contentCase{
		{"lead", "Valley 'could flood again'\n\nHeavy rain might flood the valley towns again in the spring, the region's most senior engineer has said.\n\nMark Dale said the river defences were too low.\n",
			"Heavy rain might flood the valley towns again in the spring"},
	})
}

// TestNationalityAfterSubject: "“...,” said the American" after a
// sentence that opens with the one person it names is that person's,
// though the coach spoke just before; a person named as the subject of
// the clause that opens its own sentence is the one it stands for, not
// the subject before (since session 33, resolve; it was left unknown).
func TestNationalityAfterSubject(t *testing.T) {
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"subject", "Davis Cup\n\nCarlos Moya beat Andy Roddick in Seville. \"I have dreamed of this,\" said Moya.\n\nUS coach Patrick McEnroe wants Roddick and the rest of his team to play more on clay. \"We have to put the work in,\" said McEnroe. Roddick was left frustrated after losing both his singles on the slow clay of Seville's Olympic Stadium. \"It is just tough because I felt like I was in it the whole time,\" said the American.\n",
			"It is just tough because I felt like I was in it the whole time,", "Andy Roddick"},
		// near miss: never Federer, the subject before
		{"named in the sentence", "Tennis\n\nRoger Federer won again on Sunday. When Lleyton Hewitt shook his hand after another defeat, the Australian said: \"You are the best.\"\n",
			"You are the best.", "Lleyton Hewitt"},
	})
}

// TestOrderedActIsNoReport: "ordered the deportation of ...", "ordered
// a halt to ...", "repeated the feat" are deeds, no speech; an order to
// someone ("ordered the police to ...") and a repeated claim stay.
func TestOrderedActIsNoReport(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "deportation", text: "Visa row\n\nThe ministry has ordered the deportation of the actress Lena Varga to Norway after saying she was working illegally.\n", content: "deportation of the actress", want: false},
		{name: "halt", text: "Dams\n\nThe government has ordered a halt to construction work on 26 big power stations on environmental grounds.\n", content: "a halt to construction work", want: false},
		{name: "feat", text: "Rugby\n\nWarner kicked a penalty at the other end. And he repeated the feat to set up the tense finale.\n", content: "the feat", want: false},
		// near misses: words said stay reports
		{name: "order to someone", text: "Riots\n\nThe mayor ordered the police to clear the square by nightfall.\n", content: "the police to clear the square", want: true, speaker: "-"},
		{name: "repeated claim", text: "Jobs\n\nThe chairman repeated that all mergers led to some job cuts.\n", content: "all mergers led to some job cuts", want: true, speaker: "-"},
	})
}

// TestByGerundSubject: "X often deflect accusations by arguing “...”"
// is X's, the subject of the verb the gerund goes with.
func TestByGerundSubject(t *testing.T) {
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"arguing", "Consent\n\nBrightbook and other tech firms often deflect accusations against data collection by arguing \"consent\" — that they use data with the consent of the users involved.\n",
			"consent", "Brightbook and other tech firms"},
	})
}

// TestParticipleAsideNotTrimmed: a participle set off by a comma after a
// speaker's name ("Michael Howard, asked about the remark by reporters,
// said") describes the speaker; the source is not cut to the words
// after it. A participle after a clause with its own verb ("criticised
// the stance, saying Mr Oaten had said") still reports.
func TestParticipleAsideNotTrimmed(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"asked about", "Row\n\nThe mayor refused to apologise for his words.\n\nTory leader Michael Howard, asked about the mayor's remark by reporters, said it was important for politicians to be careful with words.\n",
			"said", "Michael Howard"},
		{"adding", "Films\n\nThe film won three awards.\n\n\"If anyone is going to win awards for anything, it should be this film,\" said critic Dan Jolby. Mr Jolby, adding that the film was probably the director's most lavish work yet said: \"It is a triumph.\"\n",
			"said:", "Dan Jolby"},
	})
}

// TestAccordingToClauseAfter: "In 2004, according to X, <clause>" and
// "...: according to X, <clause>" vouch for the clause after the relay.
func TestAccordingToClauseAfter(t *testing.T) {
	runContentCases(t, []contentCase{
		{"lead-in", "Oil\n\nBeijing said demand was rising. In 2004, according to forecasts from the Ministry of Commerce, the country's oil imports will be 110m tons, up 21% on the previous year.\n",
			"In 2004 | the country's oil imports will be 110m tons, up 21% on the previous year"},
		{"colon", "Cover\n\nThe storm hit the coast on Sunday. Most of the victims will have had no insurance: according to estimates from the ministry, only one-quarter of those affected could afford cover.\n",
			"only one-quarter of those affected could afford cover"},
	})
}

// TestItIsActingMarksAnOrganisation: "X says it is clamping down" is a
// body's "it": X speaks as an organisation; "it is likely" says nothing.
func TestItIsActingMarksAnOrganisation(t *testing.T) {
	x := extractOrFail(t, "Piracy\n\nBrightsoft says it is clamping down on people running pirated copies of its software. \"We want to protect customers,\" Brightsoft said.\n")
	for _, a := range x.Attributions {
		if a.Speaker.Name == "Brightsoft" && a.Speaker.Kind != claimtrail.SpeakerOrganization {
			t.Errorf("Brightsoft is %s, want an organisation", a.Speaker.Kind)
		}
	}
}

// TestCounterfactualIsNoReport: "X would have said: “...”" reports
// nothing said; "would have to ask" before a real "said" is no such cue.
func TestCounterfactualIsNoReport(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "would have said", text: "Words\n\nOf course I do not mean that literally, I mean that figuratively. A bore would have said: “Every time a person uses that word, a piece of my heart withers.” Which is wrong.\n", content: "a piece of my heart withers", want: false},
		{name: "would have to ask", text: "Hearing\n\nInspector General Michael Horn said he would have to ask his team but said the president was not interviewed.\n", content: "the president was not interviewed", want: true, speaker: "-"},
	})
}

// TestQuoteAfterAsideReport: "X, the officials said, Y, “...,” Mr. Lee
// said" gives the officials X and Y and Mr. Lee the quote alone.
func TestQuoteAfterAsideReport(t *testing.T) {
	runContentCases(t, []contentCase{
		{"officials", "Manholes\n\nThe wet salt can create sparking that burns the insulation.\n\nTo alleviate the threat, the officials said, the utility switched most of its manhole covers to vented ones that allow gases to escape, “so they cannot form a combustible amount,” Mr. Lee said.\n",
			"“so they cannot form a combustible amount,”"},
		{"aside's content", "Manholes\n\nThe wet salt can create sparking that burns the insulation.\n\nTo alleviate the threat, the officials said, the utility switched most of its manhole covers to vented ones that allow gases to escape, “so they cannot form a combustible amount,” Mr. Lee said.\n",
			"To alleviate the threat | the utility switched most of its manhole covers to vented ones that allow gases to escape"},
	})
}

// TestSaidTheReportLeadIn: "Said the Pew report: “...”" opens with its
// verb and a description: the description speaks the quote, whether the
// model took the verb into the source or found nothing.
func TestSaidTheReportLeadIn(t *testing.T) {
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"report", "Search\n\nOnly 18% of searchers can tell which results are paid for. Said the Harbour Institute report: \"This finding is ironic, since half of all users say they would stop using search engines.\"\n",
			"This finding is ironic, since half of all users say they would stop using search engines.", "Harbour Institute report"},
		{"lead-in", "Search\n\nOnly 18% of searchers can tell which results are paid for. Said the Pew report: \"This finding is ironic, since half of all users say they would stop using search engines.\"\n",
			"This finding is ironic, since half of all users say they would stop using search engines.", "Pew report"},
	})
}

// TestNarrativeChainAfterConjunction: "But he then missed ..." goes on
// about the player the story follows, so the "he said" after its quote
// is the player's, not the coach's quoted before.
func TestNarrativeChainAfterConjunction(t *testing.T) {
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"but he", "Rugby\n\nFly-half Tom Barlow has been named captain.\n\nHead coach Andy Pryce said: \"He is a natural leader.\" Barlow, who has scored 817 points in 52 internationals, kicked the winning goal in the final. But he then missed the entire season while recuperating from surgery, before making his comeback in August. \"It's the ambition of so many players to one day be captain and today I have realised a dream,\" he said.\n",
			"It's the ambition of so many players to one day be captain and today I have realised a dream,", "Tom Barlow"},
	})
}

// TestAsIfCueIsNoReport: "repeated several times as if to convey" is a
// likeness, no speech.
func TestAsIfCueIsNoReport(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "as if to convey", text: "Neon\n\nThe piece uses blue letters to spell out the name “bruce” in lowercase cursive, with each character repeated several times as if to convey a person speaking slowly in outer space.\n", content: "a person speaking slowly", want: false},
	})
}
