package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
)

// extractOf runs the default extractor on text.
func extractOf(t *testing.T, text string) []claimtrail.Attribution {
	t.Helper()
	return extractOrFail(t, text).Attributions
}

// wantContent fails unless some attribution of text whose cue is cue
// ("" for any) has the content pieces want (joined by contentPieces).
func wantContent(t *testing.T, text, cue, want string) {
	t.Helper()
	var got []string
	for _, a := range extractOf(t, text) {
		if cue != "" && (a.Cue == nil || a.Cue.Text != cue) {
			continue
		}
		if got = append(got, contentPieces(a)); contentPieces(a) == want {
			return
		}
	}
	t.Errorf("%q: got %q, want %q", text, got, want)
}

// oneFound is a single attribution found with the cue, the source and
// one content piece given, for the rules that read found directly.
func oneFound(cue, source, piece attribute.Range) []attribute.Found {
	return []attribute.Found{{Cue: cue, Source: source, Content: piece, Pieces: []attribute.Range{piece}}}
}

// contentPieces joins an attribution's content pieces with " | ".
func contentPieces(a claimtrail.Attribution) string {
	var parts []string
	for _, c := range a.Content {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, " | ")
}

// TestInvertedCueBeforeQuote: "X, writes Y, “...”" is Y's claim about X
// (the subject and the quote its content), with or without the model
// leaving Y out of the content; a short adverbial before the cue stays
// out of the claim; a name with its apposition before "said" stays the
// speaker.
func TestInvertedCueBeforeQuote(t *testing.T) {
	for _, tc := range []struct {
		text, cue, speaker, content string
	}{
		{"Church matters\n\nFrancis, writes Royal, “has little use for established procedures, precedents, even legal structures within the Church.”\n",
			"writes", "Royal", "Francis | “has little use for established procedures, precedents, even legal structures within the Church.”"},
		{"Prices\n\nThe economy, says Ms Lopez, “is not what it was ten years ago.” Ms Lopez runs a shop in the town.\n",
			"says", "Lopez", "The economy | “is not what it was ten years ago.”"},
		{"Spam\n\nFor instance, said Mr Hogan, filtering out messages that contain a web link can stop about 75% of spam.\n",
			"said", "Hogan", "filtering out messages that contain a web link can stop about 75% of spam"},
		{"Film prizes\n\nAlain Terzian, president of the academy, said the changes, which come into force next year, were overdue.\n",
			"said", "Alain Terzian", "the changes, which come into force next year, were overdue"},
	} {
		var got []string
		found := false
		for _, a := range extractOf(t, tc.text) {
			if a.Cue == nil || a.Cue.Text != tc.cue {
				continue
			}
			got = append(got, a.Speaker.Name+": "+contentPieces(a))
			found = found || strings.HasSuffix(a.Speaker.Name, tc.speaker) && contentPieces(a) == tc.content
		}
		if !found {
			t.Errorf("%q: got %q, want %s: %q", tc.text, got, tc.speaker, tc.content)
		}
	}
}

// TestRelayAsideRest: a relay set off by commas after the claim's
// subject gives the claim the rest of the sentence; when the rest goes
// on with a relative clause or a conjunction, or the words before are a
// clause of their own, the content stays as it was.
func TestRelayAsideRest(t *testing.T) {
	for _, tc := range []struct {
		text, content string
	}{
		{"Letters\n\nThe council, according to Mr Baines, has never answered the letters.\n",
			"The council | has never answered the letters"},
		{"Stadium\n\nThe new stadium, according to the club, will open in March.\n",
			"The new stadium | will open in March"},
		{"Arrest\n\nPolice said the man, according to witnesses, was carrying a knife.\n",
			"the man | was carrying a knife"},
		{"Releases\n\nThe 2.8 series, which is now in permanent feature freeze, will be kept for a year. The goal, according to the report, is to provide a stable version.\n",
			"The goal | is to provide a stable version"},
		{"Delay\n\nThe delay was caused by a background check, according to an official, who spoke on condition of anonymity.\n",
			"The delay was caused by a background check"},
		{"Music\n\nSales of songs rose tenfold in 2004, according to the industry, with 200 million tracks bought online.\n",
			"Sales of songs rose tenfold in 2004"},
	} {
		wantContent(t, tc.text, "according to", tc.content)
	}
}

// TestRelayAsideRestOneSentence: a claim the model ran back into the
// sentence before keeps only the cue's sentence.
func TestRelayAsideRestOneSentence(t *testing.T) {
	d := taggedDoc(t, "Releases\n\nThe series is in feature freeze. The goal, according to the change log, is to provide a stable version.\n")
	cue := lastToken(d, "according")
	piece := attribute.Range{Start: lastToken(d, "series"), End: cue - 1}
	src := attribute.Range{Start: cue + 2, End: lastToken(d, "log") + 1}
	found := oneFound(attribute.Range{Start: cue, End: cue + 2}, src, piece)
	relayAsideRest(d, found)
	var got []string
	for _, p := range found[0].Pieces {
		got = append(got, rangeText(d, p))
	}
	if want := "The goal | is to provide a stable version"; strings.Join(got, " | ") != want {
		t.Errorf("pieces %q, want %q", got, want)
	}
}

// TestAppositiveGap: a claim cut after its subject goes on over an aside
// set off by commas to its verb; an aside opening with a preposition, a
// clause after "whilst", and a relative clause's object do not.
func TestAppositiveGap(t *testing.T) {
	for _, tc := range []struct {
		text, cue, content string
	}{
		{"Detainees\n\nThe ministry has also announced that 48-year-old Australian Tomas Reyk, previously accused of fraud, will be released without charge from the camp.\n",
			"has also announced", "that 48-year-old Australian Tomas Reyk, previously accused of fraud, will be released without charge from the camp"},
		{"Shooting\n\nPolice say Harlow, 64, opened fire from his room onto a crowd.\n",
			"say", "Harlow, 64, opened fire from his room onto a crowd"},
		{"Games\n\nVelder announced the next game, with a new team to develop it from scratch, whilst Corsa developed the existing code further.\n",
			"announced", "the next game"},
	} {
		wantContent(t, tc.text, tc.cue, tc.content)
	}
}

// TestHeadlineTopicLabel: a title's "Label: ..." whose label describes a
// thing ("... Harbour Visit:", "A Dismal Record:") names no speaker; one
// that describes a person ("Texas Mom:") does.
func TestHeadlineTopicLabel(t *testing.T) {
	for _, tc := range []struct {
		text string
		kept bool
	}{
		{"Dana Kell Harbour Visit: Mayor Shows Support For Ferry Amid Row\n\nMayor Dana Kell showed her support for the ferry on Wednesday when she visited the harbour.\n", false},
		{"A Dismal Record: Why Are They Closing the Schools?\n\nThe county has closed six schools in three years.\n", false},
		{"Texas Mom: My Son Was Attacked For Wearing A Hat\n\nA mother from Austin says her son was pushed at a restaurant.\n", true},
	} {
		kept := false
		for _, a := range extractOf(t, tc.text) {
			kept = kept || a.Cue != nil && strings.TrimSpace(a.Cue.Text) == ":"
		}
		if kept != tc.kept {
			t.Errorf("%q: colon label kept %v, want %v", tc.text, kept, tc.kept)
		}
	}
}

// TestParenSubject: a claim begun at an opening parenthesis starts at its
// sentence's start when the words before are its subject; a report whose
// cue stands before the parenthesis keeps its content.
func TestParenSubject(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Superbugs\n\nMisusing antibiotics (such as taking them when you do not need them) is the leading factor in the problem, the agency says.\n",
			"Misusing antibiotics (such as taking them when you do not need them) is the leading factor in the problem"},
		{"Prices\n\nThe launch price of £99 (149 euros) compares favourably with the US price, according to the editor.\n",
			"The launch price of £99 (149 euros) compares favourably with the US price"},
	} {
		wantContent(t, tc.text, "", tc.want)
	}
}

// TestRelativeEndsAtSayingVerb: a report in a relative clause set off by
// commas ends at a plural verb of saying after the closing comma (the
// main clause's); a plural verb that goes on with the claim stays in it.
func TestRelativeEndsAtSayingVerb(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Deal\n\nCritics of the backstop, which proposes that the country remain in the union until the talks end, argue it could tie the country to the bloc.\n",
			"that the country remain in the union until the talks end"},
		{"Deal\n\nCritics of the backstop, which proposes that the country, including the north, remain in the union until the talks end.\n",
			"that the country, including the north, remain in the union until the talks end"},
	} {
		d := taggedDoc(t, tc.text)
		cue := lastToken(d, "proposes")
		piece := attribute.Range{Start: cue + 1, End: lastToken(d, ".")}
		found := oneFound(attribute.Range{Start: cue, End: cue + 1}, attribute.Range{Start: cue - 1, End: cue}, piece)
		closeSubjectRelative(d, found)
		if got := rangeText(d, found[0].Pieces[0]); got != tc.want {
			t.Errorf("%q: content %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestNorSource: "Neither X, nor Y have denied ..." says nobody denied
// anything; "nor" with no "neither" before it in the sentence is left to
// the other rules.
func TestNorSource(t *testing.T) {
	text := "Neither the pope, nor any of the cardinals in Rome have denied the facts. The aide, nor the minister, denied it."
	runes := []rune(text)
	span := func(phrase string) *claimtrail.Span {
		b := strings.Index(text, phrase)
		s := len([]rune(text[:b]))
		return &claimtrail.Span{Start: s, End: s + len([]rune(phrase)), Text: phrase}
	}
	byteOf := func(cp int) int { return len(string(runes[:cp])) }
	for _, tc := range []struct {
		source, cue string
		want        bool
	}{
		{"any of the cardinals in Rome", "have denied", true},
		{"the minister", "denied", false},
	} {
		a := claimtrail.Attribution{Source: span(tc.source), Cue: span(tc.cue)}
		if got := norSource(text, byteOf, &a); got != tc.want {
			t.Errorf("%q %q: %v, want %v", tc.source, tc.cue, got, tc.want)
		}
	}
}

// TestCueObjectInContent: "As Paul wrote for The Post, the questions are
// ..." claims what follows the comma, not the outlet; a list or an
// apposition after the cue's object stays.
func TestCueObjectInContent(t *testing.T) {
	for _, tc := range []struct{ text, cue, want string }{
		{"Trial\n\nAs Dana Kell wrote for The Harbour Post, the more significant legal questions are whether she is prosecuted as an officer.\n",
			"wrote for", "the more significant legal questions are whether she is prosecuted as an officer"},
	} {
		wantContent(t, tc.text, tc.cue, tc.want)
	}
	// unit: a list after the object is left
	d := taggedDoc(t, "Votes\n\nRomney Reaffirms Opposition to Marriage, or Unions, for Gay Couples.\n")
	cue := lastToken(d, "Opposition")
	piece := attribute.Range{Start: cue + 2, End: lastToken(d, "Couples") + 1}
	found := oneFound(attribute.Range{Start: cue - 1, End: cue + 2}, attribute.Range{Start: cue - 2, End: cue - 1}, piece)
	cueObjectInContent(d, found)
	if found[0].Pieces[0] != piece {
		t.Errorf("a list cut: %q", rangeText(d, found[0].Pieces[0]))
	}
}

// TestParticipleAfterSubordinate: a participle after the main clause goes
// with the main clause's subject, not with the subject of the clause that
// opens the sentence; a pronoun subject there leaves the source alone.
func TestParticipleAfterSubordinate(t *testing.T) {
	for _, tc := range []struct{ text, source, want string }{
		{"Tributes\n\nWhen Marlow died, Governor Reyes led the public tributes, saying the presenter was a giant.\n", "Marlow", "Governor Reyes"},
		{"Tributes\n\nAlthough Marlow had not seen the report, he commented on it, saying the presenter was a giant.\n", "Marlow", "Marlow"},
	} {
		d := taggedDoc(t, tc.text)
		cue := lastToken(d, "saying")
		src := lastToken(d, tc.source)
		piece := attribute.Range{Start: cue + 1, End: lastToken(d, "giant") + 1}
		found := oneFound(attribute.Range{Start: cue, End: cue + 1}, attribute.Range{Start: src, End: src + 1}, piece)
		participleAfterSubordinate(d, found)
		if got := rangeText(d, found[0].Source); got != tc.want {
			t.Errorf("%q: source %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestLowerCaseNoSource: "no Canadian envoy reported" says nobody did,
// though a capital follows the "no"; "No 10 said" is Downing Street.
func TestLowerCaseNoSource(t *testing.T) {
	runExtractCases(t, []extractCase{
		{name: "no Canadian", text: "Illness\n\nUnlike their colleagues, however, no Canadian envoy reported hearing any suspicious sound before falling ill.\n", content: "any suspicious sound", want: false},
		{name: "No 10", text: "Threat\n\nNo 10 said the threat was real and the warnings were right.\n", content: "the threat was real", want: true, speaker: "-"},
	})
}

// TestSubjectQuote: a quote standing alone that is the subject of the
// writer's sentence ("‘...’, has become a mantra") is no one's speech; a
// copula that names whose words they are ("“...,” was Mr Marr's
// assessment") is left to the attribution rules.
func TestSubjectQuote(t *testing.T) {
	text := "‘Someone somewhere is surely working on a solution’, has become a mantra for many. “It was careful but deliberate,” was Mr Marr's assessment."
	runes := []rune(text)
	byteOf := func(cp int) int { return len(string(runes[:min(cp, len(runes))])) }
	span := func(phrase string) claimtrail.Span {
		b := strings.Index(text, phrase)
		s := len([]rune(text[:b]))
		return claimtrail.Span{Start: s, End: s + len([]rune(phrase)), Text: phrase}
	}
	for _, tc := range []struct {
		quote string
		want  bool
	}{
		{"‘Someone somewhere is surely working on a solution’", true},
		{"“It was careful but deliberate,”", false},
	} {
		a := claimtrail.Attribution{Content: []claimtrail.Span{span(tc.quote)}, Flags: []string{"speaker-from-context"}}
		if got := subjectQuote(text, byteOf, &a); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.quote, got, tc.want)
		}
	}
}

// TestNameInsideQuoteIsNotNext: a person named only inside someone's
// quoted words is what they spoke of; "He said" after the quote goes on
// with the speaker.
func TestNameInsideQuoteIsNotNext(t *testing.T) {
	text := "Airline bosses\n\nThe trio are chief executive Willie Walsh, finance chief Brian Dunne and Seamus Kearney. " +
		"\"What I do after I leave is still too early to say,\" Mr Walsh told reporters on Wednesday. " +
		"\"I have opportunities open to me. Brian and Seamus are in the same position.\" He said he had received more than 40 proposals.\n"
	for _, a := range extractOf(t, text) {
		if strings.Contains(contentPieces(a), "40 proposals") && a.Speaker.Name != "Willie Walsh" {
			t.Errorf("%q given to %q, want Willie Walsh", contentPieces(a), a.Speaker.Name)
		}
	}
}

// TestNamedInOwnQuote: "he said" after a quote that speaks of someone
// by name ("“He (Bridge) has no chance ...,” he said") is not that
// person, though the paragraph before was about him.
func TestNamedInOwnQuote(t *testing.T) {
	text := "Injury blow\n\nDefender Wayne Hale broke his foot in training on Friday. Hale's injury means manager Jose Moreno will not have a senior left-back. " +
		"\"He (Hale) has no chance of playing against Barcelona and maybe not for the rest of the season,\" he said.\n"
	for _, a := range extractOf(t, text) {
		if strings.Contains(contentPieces(a), "no chance") && a.Speaker.Name == "Wayne Hale" {
			t.Errorf("%q given to %q, the person it speaks of", contentPieces(a), a.Speaker.Name)
		}
	}
}

// TestIssuedThing: a bare "issued" with an instrument for its object (a
// ban, an order) is an act; a warning or an apology issued is words.
func TestIssuedThing(t *testing.T) {
	for _, tc := range []struct {
		cue, content string
		want         bool
	}{
		{"issued", "the ban after Kell failed to turn up for a training camp", true},
		{"issued", "an executive order on Oct. 18 allowing supervisors to extend early voting", true},
		{"has issued", "an apology for criticising the ambitions of the club", false},
		{"issued", "an official warning to the trio last year", false},
	} {
		a := claimtrail.Attribution{Cue: &claimtrail.Span{Text: tc.cue}, Content: []claimtrail.Span{{Text: tc.content}}}
		if got := issuedThing(&a); got != tc.want {
			t.Errorf("%q %q: %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}
