package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/doc"
)

// TestAccordingToSourceTail: words after a relay's source that cannot
// describe it (a possessive, a quantity, an adverb) are no part of the
// source, and a name after an outlet's name is the claim's subject.
// Near miss: a name after a description is its apposition and stays.
func TestAccordingToSourceTail(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a possessive after the name", "Homes\n\nHouse prices fell 0.6% in March, according to the Halifax, their steepest monthly fall since 2009.\n", "according to",
			"the Halifax", "House prices fell 0.6% in March"},
		{"a quantity", "Brands\n\nThe grocer now sells more than 80 brands of its own, according to Marwick Research, double the number in 2019.\n", "according to",
			"Marwick Research", "The grocer now sells more than 80 brands of its own"},
		{"the claim's subject", "Accused\n\nAccording to the Daily Record, Tom Avery, the club's new chairman, hid the losses from the board.\n", "According to",
			"the Daily Record", "Tom Avery, the club's new chairman, hid the losses from the board"},
		// near miss: the name describes the lawyer before it
		{"a description's name", "Ruling\n\nThe firm will appeal the ruling, according to its Paris lawyer, Anne Duval.\n", "according to",
			"its Paris lawyer, Anne Duval", "The firm will appeal the ruling"},
	})
}

// TestAppositivePieceDropped: a description of the source after it
// ("said Roger Bell, director general of the trade body") is no piece of
// what was said; a verbless phrase that is no person stays ("It was, said
// Mr Hale, a disaster").
func TestAppositivePieceDropped(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a whole piece", "Games\n\n2024 was a \"stellar year\" said Roger Bell, director general of Gamesoc. Sales rose again.\n", "said",
			"Roger Bell", "2024 was a \"stellar year\""},
		{"before the rest", "Attacks\n\nNot least, said Paul Kent, principal security consultant at Netgard, because the defences against such attacks are so common.\n", "said",
			"Paul Kent", "Not least / because the defences against such attacks are so common"},
		// near miss: no person noun
		{"a verbless end", "Launch\n\nThe launch, said Mr Hale, was in the end a complete disaster for the firm and its staff.\n", "said",
			"Mr Hale", "The launch / was in the end a complete disaster for the firm and its staff"},
	})
}

// TestVerblessThatClause: a that-clause whose verb comes after a quote
// closed with a comma goes on to its verb; a `"...," he said` quote and
// a clause that has its verb keep their ends.
func TestVerblessThatClause(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"subject in quote marks", "Fares\n\nThe firm's supporters defended it on the grounds that its \"surge prices,\" including those seen during the storm, are set by an algorithm.\n", "defended",
			"The firm's supporters", "it on the grounds that its \"surge prices,\" including those seen during the storm, are set by an algorithm"},
		// near miss: the clause has its verb before the quote
		{"a verb before", "Drills\n\nThe minister said that the drills were \"routine,\" adding that no troops would move.\n", "said",
			"The minister", "that the drills were \"routine,\""},
	})
}

// TestClaimedPrize: "claim" with a prize, a title or a win in a short noun
// phrase is winning it, not saying anything; a claim about it stays.
func TestClaimedPrize(t *testing.T) {
	runActCases(t, actionSense, []actCase{
		{"claim", "LTA awards", true},
		{"claimed", "her first national title over the distance", true},
		{"hoping to claim", "their first away win in the Six Nations", true},
		{"claims", "Dubai crown", true},
		// session 35: a place, a race, a draw, a life taken
		{"claimed", "the runners-up spot", true},
		{"claiming", "the women's 800m at the indoor meeting", true},
		{"claimed", "a draw at Anfield", true},
		{"claimed", "its most high-profile victim", true},
		// near misses: what was claimed is a statement
		{"claimed", "that the award had been rigged", false},
		{"claimed", "the title was stolen from him", false},
	})
}

// TestInvertedDescriptionWithRelative: "CLAIM, says the boss of the body
// that cleared them" is the boss's claim, the relative clause part of
// who the boss is.
func TestInvertedDescriptionWithRelative(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a relative clause", "Sprinters 'won't run again'\n\nThe careers of sprinters Anna Perel and Dina Vos are over, says the head of the panel that cleared them of missing a test.\n\nThe panel met in May.\n", "says",
			"the head of the panel that cleared them of missing a test", "The careers of sprinters Anna Perel and Dina Vos are over"},
	})
}

// TestRelativePronounOutOfSource: a relative pronoun the model took with
// the relative clause's subject is no part of who spoke; "that" before a
// singular noun is a determiner and stays, and so does "which" with an
// adverb alone.
func TestRelativePronounOutOfSource(t *testing.T) {
	runSourceTrimCases(t, trimSourceOpening, []sourceTrimCase{
		{"He had to moderate a debate that only two candidates said they would attend.", "that only two candidates", "said", "only two candidates"},
		{"The yuan, which many economists have blamed for cheap exports, rose.", "which many economists", "have blamed for", "many economists"},
		{"Or maybe, as that tweeter in Sydney suggested, they are rude.", "that tweeter in Sydney", "suggested", "that tweeter in Sydney"},
		{"The studies, which indeed say that membership helps, were read.", "which indeed", "say", "which indeed"},
	})
}

// TestHeadlineColonName: a headline's "Name: ..." is the named person's
// words only when the words before the colon are a name; a first name
// opening a title-case clause ("Dana Whitfield Slams Critics: ...") is
// no speaker.
func TestHeadlineColonName(t *testing.T) {
	cases := []struct {
		name, text string
		want       bool
	}{
		{"a clause", "Dana Whitfield Slams Critics: Mayor Gets Rough With Reporter\n\nMayor Dana Whitfield grabbed a reporter's arm on Sunday. Whitfield later said sorry.\n", false},
		{"a name", "Dana Whitfield: We will not close the library\n\nThe mayor, Dana Whitfield, spoke on Sunday about the budget.\n", true},
		{"three words of a name", "Dana Lee Whitfield: We will not close the library\n\nThe mayor, Dana Lee Whitfield, spoke on Sunday about the budget.\n", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := false
			for _, a := range extractOrFail(t, tc.text).Attributions {
				if a.Cue != nil && a.Cue.Text == ":" && a.Cue.Start < strings.Index(tc.text, "\n") {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("headline attribution %v, want %v", got, tc.want)
			}
		})
	}
}

// TestParticipleAfterAddressee: "X wrote to Y accusing him" is X's
// accusation; Y was written to. A participle after a name that was not
// written to stays with that name.
func TestParticipleAfterAddressee(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"wrote to, a day between", "Row\n\nThe Scottish Green Party's Holyrood leader Nora Sturrock wrote to Mr Macintyre on Tuesday accusing him of an error of judgement and calling for him to apologise for his \"ill-judged comment\" and withdraw it immediately.\n",
			"accusing", "Nora Sturrock"},
		// near miss: no one was written to
		{"spoke after", "Row\n\nThe leader met Mr Macintyre on Tuesday, with Mr Macintyre accusing her of an error of judgement.\n",
			"accusing", "Macintyre"},
	})
}

// TestRelativeObjectWho: "who" as the object of a relative clause leaves
// the source to the clause's subject ("Mark Judge, who Ms. Ford claims
// was involved"); "who" as the subject stays, also before a time.
func TestRelativeObjectWho(t *testing.T) {
	runSourceTrimCases(t, trimSourceOpening, []sourceTrimCase{
		{"The panel would not call Mark Judge, who the woman reportedly claims was involved in the incident.", "who the woman", "reportedly claims", "the woman"},
		{"He met the interim leader, who this week criticised nations which stood aside.", "who this week", "criticised", "who this week"},
	})
}

// TestDeliberatedThing: "consider" with a thing or an act to weigh is a
// deliberation, no speech; a judgement or an open question stays.
func TestDeliberatedThing(t *testing.T) {
	runActCases(t, deliberatedThing, []actCase{
		{"are considering", "the reintroduction of passenger rail services to the Borders", true},
		{"also considers", "allowing cameras into courts for the first time", true},
		{"is considering", "an appeal", true},
		// near misses: judgements and questions
		{"considered", "him a hero of the revolution", false},
		{"considers", "that the deal is dead", false},
		{"is considering", "whether to appeal", false},
		{"considers", "the deal to be dead", false},
	})
}

// TestTriedAct: an attempt at something other than speech is what the
// source did; an attempt to clarify or explain is speech.
func TestTriedAct(t *testing.T) {
	runActCases(t, triedAct, []actCase{
		{"repeating each week, trying to find", "a way to prevent the flare", true},
		{"has tried to undermine", "the probe", true},
		{"tried to clarify", "the comment", false},
		{"tried to explain", "why the vote failed", false},
	})
}

// TestWriterTopic: the writer saying what the text is about ("We are
// talking about control") reports no one; the same words inside a quote
// are the quoted speaker's, and a past conversation is an event.
func TestWriterTopic(t *testing.T) {
	f := newFixture(t, "Power\n\nWe are talking about control of the industry. "+
		"\"We are talking about control of the industry,\" the minister said. "+
		"We talked about his famous victory.\n")
	for _, tc := range []struct {
		name, src, cue, cont string
		from                 int
		want                 bool
	}{
		{"the writer", "We", "are talking about", "control of the industry", 0, true},
		{"quoted", "We", "are talking about", "control of the industry", 50, false},
		{"a conversation", "We", "talked about", "his famous victory", 0, false},
	} {
		src := f.span(tc.src, tc.from)
		cue := f.span(tc.cue, src.End)
		a := claimtrail.Attribution{Source: src, Cue: cue, Content: []claimtrail.Span{*f.span(tc.cont, cue.End)}}
		if got := writerTopic(f.d, f.byteOf, &a); got != tc.want {
			t.Errorf("%s: writerTopic = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestItFromClauseSubject: "it" after "and" goes on with the body that
// opens its sentence ("The task force recommended ..., and it proposed
// ..."); a person opening the sentence gives "it" nothing.
func TestItFromClauseSubject(t *testing.T) {
	f := newFixture(t, "Schools\n\nThe task force recommended that schools arm staff, and it proposed a training program. "+
		"Mr Hale recommended that schools arm staff, and it proposed a training program.\n")
	for _, tc := range []struct {
		name string
		from int
		want string
	}{
		{"a body", 0, "task force"},
		{"a person", 100, ""},
	} {
		src := f.span("it", f.span("and it", tc.from).Start+4)
		cue := f.span("proposed", src.End)
		a := claimtrail.Attribution{Source: src, Cue: cue, Content: []claimtrail.Span{*f.span("a training program", cue.End)}}
		itFromClauseSubject(f.text, f.byteOf, &a)
		if a.Speaker.Name != tc.want {
			t.Errorf("%s: speaker %q, want %q", tc.name, a.Speaker.Name, tc.want)
		}
	}
}

// TestTweetSignatureOwnLine: a tweet pasted line by line and signed on a
// line of its own ("— Name (@handle) Date") is the signer's; a signature
// under an article's line ("..., he said.") signs nothing.
func TestTweetSignatureOwnLine(t *testing.T) {
	text := "Release it\n\nDemocrats demanded the report on Friday.\n" +
		"No one, including the president, is above the law.\n" +
		"— Bernard Sandoval (@BernardSandoval) March 22, 2019\n" +
		"The senator repeated the call on Saturday, he said.\n" +
		"— Kamala Harlan (@KamalaHarlan) March 22, 2019\n"
	found := false
	for _, a := range extractOrFail(t, text).Attributions {
		if got := contentPieces(a); got == "No one, including the president, is above the law." {
			found = true
			if a.Speaker.Name != "Bernard Sandoval" || a.Channel != "Twitter" {
				t.Errorf("speaker %q channel %q, want Bernard Sandoval on Twitter", a.Speaker.Name, a.Channel)
			}
		}
		if a.Speaker.Name == "Kamala Harlan" {
			t.Errorf("an article's line signed: %q", contentPieces(a))
		}
	}
	if !found {
		t.Error("the tweet's line is not attributed")
	}
}

// TestTweetFirstPerson: "I" left without a speaker on the lines right
// above a signed tweet is the signer; with an article's line between
// ("..., he said.") it is not.
func TestTweetFirstPerson(t *testing.T) {
	text := "Release it\n\nI call on the administration to publish the report.\n" +
		"No one is above the law.\n— Bernard Sandoval (@BernardSandoval) March 22, 2019\n" +
		"I call on the board to resign.\nThe senator repeated it, he said.\n" +
		"We are done.\n— Kamala Harlan (@KamalaHarlan) March 22, 2019\n"
	rs := []rune(text)
	at := func(sub string, from int) claimtrail.Span {
		for i := from; i+len([]rune(sub)) <= len(rs); i++ {
			if string(rs[i:i+len([]rune(sub))]) == sub {
				return claimtrail.Span{Start: i, End: i + len([]rune(sub)), Text: sub}
			}
		}
		t.Fatalf("%q not found", sub)
		return claimtrail.Span{}
	}
	first := func(sub string, from int) claimtrail.Attribution {
		src := at("I", at(sub, from).Start)
		cue := at("call on", src.End)
		return claimtrail.Attribution{Source: &src, Cue: &cue, Content: []claimtrail.Span{at(sub, from)}, Speaker: claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}}
	}
	tweet := func(line, name string) claimtrail.Attribution {
		c := at(line, 0)
		dash := at("— "+name, c.End)
		cue := claimtrail.Span{Start: dash.Start, End: dash.Start + 1, Text: "—"}
		src := at(name, dash.Start)
		return claimtrail.Attribution{Source: &src, Cue: &cue, Content: []claimtrail.Span{c}, Channel: "Twitter", Speaker: claimtrail.Speaker{Name: name, Kind: claimtrail.SpeakerPerson}}
	}
	atts := []claimtrail.Attribution{
		first("I call on the administration to publish the report", 0),
		tweet("No one is above the law.", "Bernard Sandoval"),
		first("I call on the board to resign", 0),
		tweet("We are done.", "Kamala Harlan"),
	}
	atts[0].Content[0] = at("the administration to publish the report", 0)
	atts[2].Content[0] = at("the board to resign", 0)
	tweetFirstPerson(text, doc.NewRunes(text), atts)
	if atts[0].Speaker.Name != "Bernard Sandoval" {
		t.Errorf("the tweet's first line: speaker %q, want Bernard Sandoval", atts[0].Speaker.Name)
	}
	if atts[2].Speaker.Name != "" {
		t.Errorf("a line above an article's line: speaker %q, want none", atts[2].Speaker.Name)
	}
}

// TestZeroRelativeSubject: the subject of a relative clause without
// "that" after a noun of what is said speaks ("the kinds of things |
// libertarians say"); a noun phrase with a determiner after the noun is
// left alone.
func TestZeroRelativeSubject(t *testing.T) {
	runSourceTrimCases(t, trimSourceOpening, []sourceTrimCase{
		{"Aren't those the kinds of things libertarians say they hate about government?", "those the kinds of things libertarians", "say", "libertarians"},
		{"One of the things I have been saying is that we can leave.", "One of the things I", "have been saying", "I"},
		{"The things the minister said were untrue.", "The things the minister", "said", "The things the minister"},
	})
}

// TestNotTheReporter: a definite description inside what a person
// reports is not that person; a pronoun there, and a description outside
// the report, keep the speaker the resolver gave.
func TestNotTheReporter(t *testing.T) {
	text := "Referees chief Karl Hale believes the Blues boss has questioned their integrity. He said he was sorry. The Blues boss said nothing."
	span := func(sub string, from int) *claimtrail.Span {
		i := strings.Index(text[from:], sub) + from
		return &claimtrail.Span{Start: i, End: i + len(sub), Text: sub}
	}
	hale := claimtrail.Speaker{Name: "Karl Hale", Kind: claimtrail.SpeakerPerson}
	outer := claimtrail.Attribution{Source: span("Referees chief Karl Hale", 0), Cue: span("believes", 0),
		Content: []claimtrail.Span{*span("the Blues boss has questioned their integrity", 0)}, Speaker: hale}
	inner := claimtrail.Attribution{Source: span("the Blues boss", 0), Cue: span("has questioned", 0),
		Content: []claimtrail.Span{*span("their integrity", 0)}, Speaker: hale}
	he := claimtrail.Attribution{Source: span("He", 0), Cue: span("said", 0), Content: []claimtrail.Span{*span("he was sorry", 0)}, Speaker: hale}
	later := claimtrail.Attribution{Source: span("The Blues boss", 0), Cue: span("said", 80), Content: []claimtrail.Span{*span("nothing", 0)}, Speaker: hale}
	atts := []claimtrail.Attribution{outer, inner, he, later}
	notTheReporter(atts)
	if atts[1].Speaker.Kind != claimtrail.SpeakerDescription || atts[1].Speaker.Name != "Blues boss" {
		t.Errorf("inside the report: %+v, want the description", atts[1].Speaker)
	}
	for _, k := range []int{0, 2, 3} {
		if atts[k].Speaker.Name != hale.Name || atts[k].Speaker.Kind != hale.Kind {
			t.Errorf("attribution %d: %+v, want Karl Hale", k, atts[k].Speaker)
		}
	}
}
