package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestInvertedHeadlineWithoutComma: a headline written "CLAIM says
// SOURCE" with no comma is the source's claim, read the right way round
// whether the model found it backwards or not at all; a headline whose
// words after "says" are a clause ("... says mayor should resign") or a
// pronoun is left alone.
func TestInvertedHeadlineWithoutComma(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a name", "Harbour tolls not needed says Okafor\n\nHarbour tolls are not needed to pay for the new quay, council leader Ada Okafor said on Monday.\n", "says",
			"Okafor", "Harbour tolls not needed"},
		{"a role", "Ferry service 'safe' says minister\n\nThe island's ferries are safe to use, according to the former transport minister Lin Moss.\n", "says",
			"minister", "Ferry service 'safe'"},
		{"an acronym", "Toll income still growing say RMT\n\nIncome from the bridge tolls rose again in May, the RMT union said on Friday.\n", "say",
			"RMT", "Toll income still growing"},
	})
	for _, text := range []string{
		"Council says mayor should resign\n\nThe council voted on Monday to ask the mayor to resign.\n",
		"Tolls will stay says he\n\nThe tolls will stay for now.\n",
	} {
		x := extractOrFail(t, text)
		for _, a := range x.Attributions {
			if a.Source != nil && a.Cue != nil && a.Source.Start > a.Cue.Start && a.Cue.End <= len([]rune(strings.SplitN(text, "\n", 2)[0])) {
				t.Errorf("%q: turned round, source %q content %+v", text, a.Source.Text, a.Content)
			}
		}
	}
}

// TestRepeatedQuoteSpeaker: a quote standing alone with the words of an
// earlier direct quote is that speaker's; not when the earlier speaker
// only quoted the phrase in turn, nor when the words are too few.
func TestRepeatedQuoteSpeaker(t *testing.T) {
	speakerOf := func(t *testing.T, text, words string) claimtrail.Speaker {
		t.Helper()
		x := extractOrFail(t, text)
		for _, a := range x.Attributions {
			if a.Source == nil && len(a.Content) == 1 && strings.Contains(a.Content[0].Text, words) {
				return a.Speaker
			}
		}
		t.Fatalf("no quote standing alone with %q in %+v", words, x.Attributions)
		return claimtrail.Speaker{}
	}
	repeated := "Ferry fares\n\nThe harbour board chair, Nadia Petrov, defended the new fares on Monday. Nadia Petrov said: \"The fares pay for the boats we need to keep the island open.\"\n\nThe council voted against the plan. Its leader called the fares unfair and asked for a review by the end of the month.\n\nCritics were not convinced. \"The fares pay for the boats we need\"\n\nThe vote is due in June.\n"
	if sp := speakerOf(t, repeated, "fares pay for the boats we need\""); sp.Name != "Nadia Petrov" {
		t.Errorf("repeated quote: speaker %+v, want Nadia Petrov", sp)
	}
	inner := "Ferry fares\n\nThe harbour board proposed higher fares on Monday. Council leader Sam Ortiz said: \"The board's claim that fares will 'pay for the boats we need' is nonsense.\"\n\nThe council voted against the plan. The board asked for a review by the end of the month.\n\nCritics were not convinced. \"Pay for the boats we need\"\n\nThe vote is due in June.\n"
	if sp := speakerOf(t, inner, "Pay for the boats we need\""); sp.Name == "Sam Ortiz" {
		t.Errorf("a phrase Ortiz quoted in turn went to him: %+v", sp)
	}
}

// TestPronounThenAdjunct: a content that is a pronoun and then only
// when, where or how ("described it during the session") gives nothing
// said; "as", "for" and "to" go on with what was said, and "blames this
// on" says why.
func TestPronounThenAdjunct(t *testing.T) {
	cases := []struct {
		cue, content string
		want         bool
	}{
		{"described", "it during the question session after his talk in Tokyo", true},
		{"said", "it with passion", true},
		{"called", "them after the shooting and told officers", true},
		{"described", "it as a failure of the whole board", false},
		{"urged", "them to vote against the plan", false},
		{"blames", "this on a 2004 law passed by Congress", false},
		{"said", "it was time to go", false},
	}
	for _, tc := range cases {
		a := claimtrail.Attribution{Cue: &claimtrail.Span{Text: tc.cue}, Content: []claimtrail.Span{{Text: tc.content}}}
		if got := pronounContent(&a); got != tc.want {
			t.Errorf("%s %q: %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestPossessiveClaim: a possessor's claim noun and its that-clause is
// the possessor's report ("hit back at Ms Varga's claim that ..."), its
// content cut where the main clause goes on after a comma; not when the
// noun phrase is the sentence's subject, nor before a relative "that".
func TestPossessiveClaim(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a name's", "Ferry vote\n\nThe council leader hit back at Ms Varga's claim that the new quay would bring more tourists to the island.\n", "claim",
			"Ms Varga", "that the new quay would bring more tourists to the island"},
		{"a pronoun, the main clause after a comma", "Ferry vote\n\nCouncillor Tom Reyes spoke on Monday. The board rejected his assertion that the fares were too high, saying the boats cost more every year.\n", "assertion",
			"his", "that the fares were too high"},
	})
	for _, text := range []string{
		"Ferry vote\n\nMs Varga's claim that the quay will bring tourists is not shared by everyone on the council.\n",
		"Ferry vote\n\nThe board published his remarks that were made at the meeting in May.\n",
	} {
		for _, a := range extractOrFail(t, text).Attributions {
			if a.Cue != nil && (a.Cue.Text == "claim" || a.Cue.Text == "remarks") {
				t.Errorf("%q: reported %q / %+v", text, a.Cue.Text, a.Content)
			}
		}
	}
}

// TestHeAfterSpokesperson: "he" right after an unnamed spokesman's
// report is the spokesman's (his body), not a name from paragraphs
// before; a spokesman named after the role keeps his own, and a person
// named between the two reports may still be the one.
func TestHeAfterSpokesperson(t *testing.T) {
	speakerOfCue := func(t *testing.T, text, cue string) string {
		t.Helper()
		a := attributionWith(t, extractOrFail(t, text), "with cue "+cue, hasCue(cue))
		return a.Speaker.Name
	}
	body := "Quay plans\n\nHarbour master Ian Dale said the quay was too small for the new boats. He wants the council to pay for a longer one.\n\n" +
		"The Quay Ports Authority (QPA) is reviewing the plans. The QPA spokesman said two new studies were needed. \"We want to be ready for the summer,\" he added.\n"
	if got := speakerOfCue(t, body, "added"); got != "QPA" {
		t.Errorf("he after the spokesman: %q, want QPA", got)
	}
	named := "Quay plans\n\nCoastline Ferries said on Monday it would run extra boats. A spokesman, Owen Price, said the company had ordered two new vessels. \"We want to be ready for the summer,\" he added.\n"
	if got := speakerOfCue(t, named, "added"); got != "Owen Price" {
		t.Errorf("he after a named spokesman: %q, want Owen Price", got)
	}
}

// TestFiguresAreNoGroup: figures, statistics and an analysis that show
// something are a description speaker, not a group of people.
func TestFiguresAreNoGroup(t *testing.T) {
	for _, text := range []string{
		"Ferry trade\n\nOfficial figures show that ferry sales fell by 3% in May, the lowest since 2001.\n",
		"Ferry trade\n\nFerry sales fell by 3% in May, according to Harbour Office figures.\n",
	} {
		for _, a := range extractOrFail(t, text).Attributions {
			if a.Speaker.Kind == claimtrail.SpeakerGroup {
				t.Errorf("%q: %q is a group", text, a.Speaker.Name)
			}
		}
	}
}

// TestEditionNames: a body's branch or edition named with a place last
// ("Harbour News Italy", "Ferry Workers UK") is an organisation; a
// person whose surname is a place is not.
func TestEditionNames(t *testing.T) {
	cases := []struct {
		name string
		want bool
	}{
		{"Harbour News Italy", true},
		{"Ferry Workers UK", true},
		{"Quayside International", true},
		{"Michael London", false},
		{"Baroness Scotland", false},
		{"Edie Windsor", false},
		{"Musharraf of Pakistan", false},
		{"Italy", false},
	}
	for _, tc := range cases {
		if got := editionName(tc.name); got != tc.want {
			t.Errorf("editionName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestWhichMakesABody: a one-word name the article writes before
// "which" ("Quorva, which makes ...") or before a word only a company
// has ("the Quorva store") is an organisation.
func TestWhichMakesABody(t *testing.T) {
	for _, story := range []string{
		"Phone deal\n\nQuorva, which makes handsets in Finland, has signed a deal with a Korean chip maker.\n\nQuorva said the first phones would go on sale in June.\n",
		"Phone deal\n\nShoppers queued outside the Quorva store on Monday.\n\nQuorva said the first phones would go on sale in June.\n",
	} {
		for _, a := range extractOrFail(t, story).Attributions {
			if a.Speaker.Name == "Quorva" && a.Speaker.Kind != claimtrail.SpeakerOrganization {
				t.Errorf("%q: Quorva is a %s", story, a.Speaker.Kind)
			}
		}
	}
}

// TestPossessorsWords: "Mr Okafor's statement said" is Ada Okafor's when
// the article names her as a speaker; "Mr Peston's book" (a work) and a
// possessor the article names nowhere as a speaker stay descriptions.
func TestPossessorsWords(t *testing.T) {
	const story = "Quay vote\n\n" +
		"Council leader Ada Okafor said on Monday the quay would be finished by June.\n\n" +
		"Ms Okafor's statement said the council had found the money for a longer quay.\n\n" +
		"Mr Dunne's book says the old quay was built in 1820.\n"
	x := extractOrFail(t, story)
	st := attributionWith(t, x, "from the statement", func(a *claimtrail.Attribution) bool {
		return a.Source != nil && strings.Contains(a.Source.Text, "statement")
	})
	if st.Speaker.Name != "Ada Okafor" {
		t.Errorf("statement: %+v, want Ada Okafor", st.Speaker)
	}
	for _, a := range x.Attributions {
		if a.Source != nil && strings.Contains(a.Source.Text, "book") && a.Speaker.Kind == claimtrail.SpeakerPerson {
			t.Errorf("book: %+v", a.Speaker)
		}
	}
}

// TestParticipleAfterReport: "CLAIM, X said, adding ..." is X adding,
// not the claim's subject; a report inside a clause of its own ("the
// kind of reform Ms Vos is calling for, writing ...") does not give its
// source to the participle.
func TestParticipleAfterReport(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"said, adding", "Quay work\n\nThe extra week of repairs will mean a loss of up to 300 sailings, Harbour Lines said, adding that it was sure it could make up the time later.\n", "adding",
			"Harbour Lines", "that it was sure it could make up the time later"},
	})
	x := extractOrFail(t, "Church row\n\nBishop Anton Reyes has warned against the kind of reform Ms Vos is calling for, writing that the church must not bend to fashion.\n")
	for _, a := range x.Attributions {
		if a.Cue != nil && a.Cue.Text == "writing" && a.Source != nil && a.Source.Text == "Ms Vos" {
			t.Errorf("writing given to Ms Vos")
		}
	}
}

// TestSourceAdjunct: a source written after its cue ends before when,
// where or how it spoke; its relative clause, an outlet's name and a
// participle's time stay.
func TestSourceAdjunct(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"ahead of", "Cup tie\n\n\"We want to win this one for the fans,\" said Moreau ahead of the March tie.\n", "said", "Moreau", "\"We want to win this one for the fans,\""},
		{"a weekday", "Rates\n\n\"Rates will rise again,\" said Ana Ruiz at Quay Bank on Thursday.\n", "said", "Ana Ruiz at Quay Bank", "\"Rates will rise again,\""},
		{"a briefing", "Rates\n\n\"Rates will rise again,\" said a bank official in a briefing on Thursday.\n", "said", "a bank official", "\"Rates will rise again,\""},
		{"a comma and after", "Rates\n\n\"Rates will rise again,\" said Ana Ruiz, shortly after the vote in Madrid.\n", "said", "Ana Ruiz", "\"Rates will rise again,\""},
		{"a relative clause stays", "Rates\n\n\"Rates will rise again,\" said Ana Ruiz, who was joined at the meeting by two deputies.\n", "said",
			"Ana Ruiz, who was joined at the meeting by two deputies", "\"Rates will rise again,\""},
	})
}
