package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/attribute"
)

// speakerOfQuote returns the speaker extracted for the attribution whose
// content holds piece, or "" with ok false when none does.
func speakerOfQuote(t *testing.T, text, piece string) (string, bool) {
	t.Helper()
	for _, a := range extractOf(t, text) {
		if strings.Contains(contentPieces(a), piece) {
			return a.Speaker.Name, true
		}
	}
	return "", false
}

// pieceCase is a text, a piece of the content of one of its
// attributions, and the speaker it must have ("" for none or an
// unknown).
type pieceCase struct{ name, text, piece, want string }

// runPieceCases checks each case's speaker; a case that wants no
// speaker also passes when no attribution holds its piece.
func runPieceCases(t *testing.T, cases []pieceCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := speakerOfQuote(t, tc.text, tc.piece)
			if !ok && tc.want != "" {
				t.Fatalf("no attribution holds %q", tc.piece)
			}
			if got != tc.want {
				t.Errorf("speaker %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRelayedPersonLeadsIn: a quote standing alone after "according to
// <a person>" goes on with that person, not with someone the relayed
// sentence talks about; after "according to <an outlet>" it does not go
// to the outlet.
func TestRelayedPersonLeadsIn(t *testing.T) {
	runPieceCases(t, []pieceCase{
		{"person", "Party mood\n\nGraham Pike is the leader of the Labour group on the council. The problem, according to Mr Pike, is not the war or the fees but Mr Hale himself. \"I have a new slogan. Vote Hale, get Brown. That is what I am telling people on the doorstep.\"\n",
			"I have a new slogan", "Graham Pike"},
		{"outlet", "Row\n\nMark Hale said his rival was a disgrace. But later on Saturday, according to The Independent, Hale spoke to a smaller group of reporters. \"I have no diplomatic relations with him, none at all.\"\n",
			"no diplomatic relations", "Mark Hale"},
	})
}

// TestPassiveQuotedAsSaying: “...,” X is (was) quoted as saying names X as the
// speaker of the quote before it, without the auxiliary in the source.
func TestPassiveQuotedAsSaying(t *testing.T) {
	for _, tc := range []struct {
		name, text, piece, source string
	}{
		{"description", "Row\n\nArsene Moreau spoke to reporters on Saturday. \"I have no diplomatic relations with him,\" the Lyon boss is quoted as saying.\n",
			"no diplomatic relations", "the Lyon boss"},
		{"name", "Talks\n\nThe talks went on into the night. \"We are ready to talk at any time,\" Larijani was quoted as saying by the agency.\n",
			"ready to talk", "Larijani"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, a := range extractOf(t, tc.text) {
				if strings.Contains(contentPieces(a), tc.piece) {
					if a.Source == nil || a.Source.Text != tc.source {
						t.Errorf("source %v, want %q", a.Source, tc.source)
					}
					return
				}
			}
			t.Errorf("no attribution holds %q", tc.piece)
		})
	}
}

// TestItAfterDescribedBody: "it" goes on with a body described, not
// named, that spoke just before ("the company denied ... “...,” it
// added"), but not past a sentence that opens with a thing named ("The
// Terrorism Bill was published. It proposes"): there "it" is that thing
// (session 35: a document named so is the speaker, not nobody).
func TestItAfterDescribedBody(t *testing.T) {
	runPieceCases(t, []pieceCase{
		{"body", "Spam scheme\n\nAnnouncing the end of the scheme, the company denied that this was its fault. \"There is nothing to suggest that the screensaver has brought down any of the sites,\" it said. \"At the time the sites were measured, they were not in fact part of the attack cycle,\" it added.\n",
			"not in fact part of the attack cycle", "company"},
		{"thing named between", "Terror law\n\nThe government said the vote would be close on Wednesday. The Prevention of Terrorism Bill was published on Tuesday. It says that suspects would be held at home.\n",
			"suspects would be held at home", "Prevention of Terrorism Bill"},
	})
}

// TestTheyAfterLongQuote: "they" goes on with the people who spoke just
// before also after a long quote of theirs in between (a committee's
// report quoted at length, then "..., they said").
func TestTheyAfterLongQuote(t *testing.T) {
	text := "Family courts\n\nThe MPs on the committee said the law should be changed to require family courts to take account of the importance of sustaining the relationship between the child and the non-resident parent in contested cases, whatever the cost of the hearings to the parties and to the public purse in the years ahead. This would \"reassert the rights of non-resident parents to contact with their children, as well as the rights of children to contact with both their parents, while keeping enough flexibility to cope with issues of safety and of the wishes of older children\", they said.\n"
	runExtractCases(t, []extractCase{
		{"they", text, "reassert the rights", true, "MPs", ""},
	})
}

// TestActionVerbCue: verbs of doing ("investigating", "opted out of",
// "voted against") and a will to act ("determined to stay", "looking to
// repeal") report no words; the act with words said in it ("launched an
// attack on", "voted against it, declared, “...”") still does.
func TestActionVerbCue(t *testing.T) {
	for _, tc := range []struct {
		name, text, piece string
		kept              bool
	}{
		{"investigating", "Lyrics row\n\nPolice have also been investigating whether the lyrics incite violence against gay people.\n", "whether the lyrics incite", false},
		{"opted", "Terror law\n\nThe government opted out of part of the European Convention on Human Rights in 2001.\n", "part of the European Convention", false},
		{"determined", "Transfer news\n\nOwen determined to stay in Madrid until the end of the season.\n", "to stay in Madrid", false},
		{"looking to", "Policy\n\nThe administration is still looking to repeal the ban on gay soldiers before the year ends.\n", "repeal the ban", false},
		{"attack", "Asylum row\n\nMichael Howard has launched an attack on the cost of Britain's \"chaotic\" asylum system under Tony Blair.\n", "the cost of Britain", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ok := speakerOfQuote(t, tc.text, tc.piece)
			if ok != tc.kept {
				t.Errorf("kept %v, want %v", ok, tc.kept)
			}
		})
	}
}

// TestNamedGroupLeadsQuotes: quotes standing alone after one spoken by
// two named people ("X and Y said in the letter") go on with both of
// them; a generic group still leads no quote in.
func TestNamedGroupLeadsQuotes(t *testing.T) {
	text := "Bank apology\n\nThe bank sent an apology to its staff on Friday. \"We all know slavery existed in our country, but it is different to see how our history was intertwined with it,\" chief executive William Harrison and chief operating officer James Dimon said in the letter. \"Slavery was tragically ingrained in American society, but that is no excuse.\" \"We apologise to the community for the role that the two banks played in it.\" \"The slavery era was a tragic time in our history and in our company's history.\"\n"
	got, ok := speakerOfQuote(t, text, "The slavery era was a tragic time")
	if !ok || got != "chief executive William Harrison and chief operating officer James Dimon" {
		t.Errorf("speaker %q (found %v), want the two named", got, ok)
	}
}

// TestBareSubordinateResume: "X said if A, B" reports both clauses, not
// the condition alone; after a verb of asking "if" is "whether" and the
// content is not run on.
func TestBareSubordinateResume(t *testing.T) {
	wantContent(t, "Brexit vote\n\nThe comments came as the vote neared. Mr Gummer said if Parliament failed to find a route through the Brexit situation, a new referendum should be held.\n",
		"said", "if Parliament failed to find a route through the Brexit situation, a new referendum should be held")
	wantContent(t, "Lords reform\n\nLord Falconer spoke on Monday. He said if Lord Dubs' private member's bill was passed by peers, he would urge MPs to oppose it in the Commons.\n",
		"said", "if Lord Dubs' private member's bill was passed by peers, he would urge MPs to oppose it in the Commons")
}

// TestPossessedNounCueEnd: the content of a noun cue its source owns
// ends where the writer's verb begins ("President Hale’s public lecture
// about Germany buying Russian gas was aimed at ..."); a "that" clause
// after the noun keeps its verbs.
func TestPossessedNounCueEnd(t *testing.T) {
	wantContent(t, "Sanctions\n\nThe administration has levied tough sanctions on Russia. Also, President Hale’s public lecture about Germany not buying natural gas from Russia was aimed at cutting the Kremlin off from hard currency.\n",
		"public lecture about", "Germany not buying natural gas from Russia")
}

// TestInvertedDescriptionBeforeAside: "CLAIM, said the report, <aside>":
// the description is the source and the claim the content, also with an
// aside on the claim after it; a clause that goes on after it is content
// too, and a sentence's opening "But" is not.
func TestInvertedDescriptionBeforeAside(t *testing.T) {
	for _, tc := range []struct{ name, text, source, content string }{
		{"aside", "More than 674 million mobiles were sold last year globally, said the report, the highest total sold to date.", "the report", "More than 674 million mobiles were sold last year globally"},
		{"clause goes on", "The only parts that would keep going, said the operators of the site, were the discussion forums.", "the operators of the site", "The only parts that would keep going | were the discussion forums"},
		{"but", "But the number of poorer students hardly changed at all over the years, said its chief executive.", "its chief executive", "the number of poorer students hardly changed at all over the years"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := taggedDoc(t, tc.text)
			cue := lastToken(d, "said")
			last := len(d.Tokens) - 1
			// as the model read it: the clause's subject the source, the
			// words after the cue the content
			f := []attribute.Found{{Cue: attribute.Range{Start: cue, End: cue + 1}, Source: attribute.Range{Start: 0, End: 2},
				Content: attribute.Range{Start: cue + 1, End: last}, Pieces: []attribute.Range{{Start: cue + 1, End: last}}}}
			swapInvertedDescription(d, f)
			var pieces []string
			for _, p := range f[0].Pieces {
				pieces = append(pieces, rangeText(d, p))
			}
			if got := rangeText(d, f[0].Source); got != tc.source || strings.Join(pieces, " | ") != tc.content {
				t.Errorf("source %q content %q, want %q, %q", got, strings.Join(pieces, " | "), tc.source, tc.content)
			}
		})
	}
}

// TestHeAfterDescribedPerson: "he" or "she" that nothing else resolves
// goes on with the one person described, not named, who spoke just
// before ("India's finance minister lashed out ... He also called for"),
// but not across genders ("the spokeswoman said ... he added").
func TestHeAfterDescribedPerson(t *testing.T) {
	runPieceCases(t, []pieceCase{
		{"he", "Trade row\n\nIn London on Thursday ahead of the meeting, India's finance minister, lashed out at the restrictive trade policies of the G7 nations. He objected to subsidies on agriculture that make it hard for developing nations like India to compete. He also called for reform of the United Nations, the World Bank and the IMF.\n",
			"reform of the United Nations", "India's finance minister"},
		// near miss: a woman described is no "he"
		{"gender", "Trade row\n\nIndia is the newest member of the group.\n\nIn London on Thursday ahead of the meeting, India's finance minister, a mother of three, lashed out at the restrictive trade policies of the G7 nations. The deputy spokeswoman, speaking later, lashed out at the subsidies. He also called for reform of the United Nations, the World Bank and the IMF.\n",
			"reform of the United Nations", ""},
	})
}
