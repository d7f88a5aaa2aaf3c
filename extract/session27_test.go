package extract

import (
	"context"
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/resolve"
)

// TestTaggedParticipleBeforeName: with part-of-speech tags, a
// participle the sentence capitalised before a surname the article
// writes without it ("Outgoing Vane said", tagged VBG) is no verb
// opening a fragment: the source is that person; a lower-case
// participle before a name ("celebrating Obamacare") still names no one.
func TestTaggedParticipleBeforeName(t *testing.T) {
	for _, tc := range []struct{ text, source, want string }{
		{"Senators clash\n\nSenator Jeff Vane wanted an inquiry into the allegations.\n\nOutgoing Vane said he sided with his colleagues.\n",
			"Outgoing Vane", "Jeff Vane"},
		{"Health law\n\nSenator Jeff Vane spoke on Monday, celebrating Obamacare said the plan was good.\n",
			"celebrating Obamacare", ""},
	} {
		d := taggedDoc(t, tc.text)
		r := phraseRange(d, tc.text, tc.source)
		got := resolve.Resolve(d, []resolve.Mention{{Start: r.Start, End: r.End}})
		if got[0].Name != tc.want {
			t.Errorf("%q → %q (%s), want %q", tc.source, got[0].Name, got[0].Kind, tc.want)
		}
	}
}

// TestIndentedBlockQuote: an indented paragraph without quote marks after
// a paragraph in which someone named speaks with a verb of saying is that
// speaker's block quote (a run of them too), and "I think" inside it is
// theirs, not the writer's; a list item, and a block after a paragraph
// where nobody speaks, are no one's.
func TestIndentedBlockQuote(t *testing.T) {
	e, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	text := "Deals and rivals\n\n" +
		"These deals take time to cultivate, Dana Kell said at the trial.\n\n" +
		"    I have been building relationships for years with the founders, which made it possible to move quickly.\n\n" +
		"    That is less my thing, but I think helping them understand the pain of going alone is a valuable tactic.\n\n" +
		"The company grew fast in the years after the first deal was closed.\n\n" +
		"    The figures for the last quarter of the year were published on the website of the company.\n\n" +
		"Kell also listed her aims:\n\n" +
		" - to hire more engineers in the coming year and to open a second office in the north\n"
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range x.Attributions {
		if len(a.Content) > 0 {
			got[a.Content[0].Text] = a.Speaker.Name
		}
	}
	for content, want := range map[string]string{
		"I have been building relationships for years with the founders, which made it possible to move quickly.":  "Dana Kell",
		"That is less my thing, but I think helping them understand the pain of going alone is a valuable tactic.": "Dana Kell",
		"helping them understand the pain of going alone is a valuable tactic":                                     "Dana Kell",
	} {
		if got[content] != want {
			t.Errorf("%q → %q, want %q (all: %q)", content, got[content], want, got)
		}
	}
	for content := range got {
		if strings.Contains(content, "figures for the last quarter") || strings.Contains(content, "hire more engineers") {
			t.Errorf("%q printed as someone's block quote", content)
		}
	}
}

// TestOneKindPerName: a name printed as a person and as an organisation
// in one article gets one kind: a person for a given name or a title, or
// when "he" stands for it as often; else an organisation.
func TestOneKindPerName(t *testing.T) {
	at := func(name string, kind claimtrail.SpeakerKind, source string) claimtrail.Attribution {
		a := claimtrail.Attribution{Speaker: claimtrail.Speaker{Name: name, Kind: kind}}
		if source != "" {
			a.Source = &claimtrail.Span{Text: source}
		}
		return a
	}
	atts := []claimtrail.Attribution{
		at("Kell Coal", claimtrail.SpeakerPerson, "Kell Coal"), at("Kell Coal", claimtrail.SpeakerOrganization, "The firm"),
		at("Jeremy de Vane", claimtrail.SpeakerOrganization, "Jeremy de Vane"), at("Jeremy de Vane", claimtrail.SpeakerPerson, "he"),
		at("Ammar Oskar", claimtrail.SpeakerPerson, "he"), at("Ammar Oskar", claimtrail.SpeakerOrganization, ""),
		at("Vane Mail", claimtrail.SpeakerPerson, "Vane Mail"),
	}
	oneKindPerName(atts)
	for i, want := range []claimtrail.SpeakerKind{claimtrail.SpeakerOrganization, claimtrail.SpeakerOrganization, claimtrail.SpeakerPerson, claimtrail.SpeakerPerson,
		claimtrail.SpeakerPerson, claimtrail.SpeakerPerson, claimtrail.SpeakerPerson} {
		if atts[i].Speaker.Kind != want {
			t.Errorf("%d %q: %s, want %s", i, atts[i].Speaker.Name, atts[i].Speaker.Kind, want)
		}
	}
}

// TestQuoteSentencesAreNoDistance: with tags, "he said" after a quote of
// several sentences goes with the subject of the sentence that
// introduced the quote, not with the speaker quoted before it: the
// quote's own sentences are no distance.
func TestQuoteSentencesAreNoDistance(t *testing.T) {
	text := "Hotel secrets\n\nZeev Oakes and Michael Forrest Vane both run hotel start-ups in the US.\n\n" +
		"Oakes said that the old rule of thumb is that rooms are priced by what they cost to build.\n\n" +
		"\"Minibars almost always lose money, even when they charge $10 for a Diet Coke,\" Oakes said.\n\n" +
		"7. Always make sure the hand towels are clean when you arrive\n\n" +
		"Forrest Vane made a discovery when he was helping out with the housekeepers. \"You know where you almost always find a hand towel in any room that was occupied by a guy? On the floor, next to the bed, about halfway down. Same spot in the floor, next to almost every bed occupied by a man, in every room. I'll leave the rest to your imagination,\" he said.\n"
	d := taggedDoc(t, text)
	// the sources in text order, as extraction resolves them
	var mentions []resolve.Mention
	for _, at := range []int{strings.Index(text, "Oakes said"), strings.LastIndex(text, "Oakes said"), strings.LastIndex(text, "he said")} {
		n := len("Oakes")
		if text[at] == 'h' {
			n = len("he")
		}
		mentions = append(mentions, resolve.Mention{Start: tokenFrom(d, at), End: tokenFrom(d, at+n)})
	}
	got := resolve.Resolve(d, mentions)[2:]
	if got[0].Name != "Michael Forrest Vane" {
		t.Errorf("he said → %q, want Michael Forrest Vane", got[0].Name)
	}
}

// TestNoBodySaysI: a quote standing alone that speaks as one person ("I
// felt we did enough") is no club's or committee's, though the
// attribution before it was; one that speaks as "we" may be.
func TestNoBodySaysI(t *testing.T) {
	quote := func(text string) claimtrail.Attribution {
		return claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{{Text: text}},
			Speaker: claimtrail.Speaker{Name: "Kellton", Kind: claimtrail.SpeakerOrganization}, Flags: []string{"no-cue", "speaker-from-context"}}
	}
	atts := []claimtrail.Attribution{quote("“I felt we did enough to win the game.”"), quote("“It goes against everything I’ve seen.”"), quote("“We dominated after the break.”")}
	noBodySaysI(atts)
	for i, want := range []string{"", "", "Kellton"} {
		if atts[i].Speaker.Name != want {
			t.Errorf("%q → %q, want %q", atts[i].Content[0].Text, atts[i].Speaker.Name, want)
		}
	}
}

// TestBorrowedPiece: a content piece after the first that lies inside the
// content of a later report closed by its own cue is that report's: the
// thought keeps its own quote and becomes a direct quote; a piece inside
// a report whose cue comes first (a nested report) stays.
func TestBorrowedPiece(t *testing.T) {
	e, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	text := "Credit\n\nIn the paper, Vane had thanked Miss Ellen Kell for the many computations.\n\n" +
		"“Good grief … who is Ellen Kell?” Marsh recalls thinking at the time. “It’s one of the most important papers in computational physics and, more broadly, in computational science,” he said.\n"
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range x.Attributions {
		if a.Cue == nil || !strings.HasPrefix(a.Cue.Text, "recalls") {
			continue
		}
		if len(a.Content) != 1 || a.Kind != claimtrail.KindDirect {
			t.Errorf("the thought: %s %v, want one direct piece", a.Kind, a.Content)
		}
	}
	atts := []claimtrail.Attribution{
		{Kind: claimtrail.KindMixed, Cue: &claimtrail.Span{Start: 0, End: 4}, Content: []claimtrail.Span{{Start: 5, End: 20, Text: "x"}, {Start: 30, End: 40, Text: "“sonic”"}}},
		{Kind: claimtrail.KindIndirect, Cue: &claimtrail.Span{Start: 25, End: 28}, Content: []claimtrail.Span{{Start: 29, End: 60}}},
	}
	dropBorrowedPieces(atts)
	if len(atts[0].Content) != 2 {
		t.Errorf("a piece inside a report whose cue comes first was dropped: %v", atts[0].Content)
	}
}

// TestCompanyNounsOfSales: a name before "representative", "profits",
// "sales" or "headquarters" is a company's ("A Sony representative told
// the BBC"), as before "shares"; a person's name before "said" is not.
func TestCompanyNounsOfSales(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		want       bool
	}{
		{"A Kellco representative told the BBC the device was late.", "Kellco", true},
		{"Kellco profits rose by 5% in the year.", "Kellco", true},
		{"Vane said the device was late, and Vane's sister agreed.", "Vane", false},
	} {
		if got := beforeCompanyNoun(tc.text, tc.name); got != tc.want {
			t.Errorf("beforeCompanyNoun(%q, %q) = %v, want %v", tc.text, tc.name, got, tc.want)
		}
	}
}

// TestMakeWithoutWords: a cue on "make" reports speech only with words
// made in it ("made it clear", "made the following announcement:").
func TestMakeWithoutWords(t *testing.T) {
	for cue, want := range map[string]bool{
		"is also trying hard to make sure": true,
		"can’t make informed choices":      true,
		"will reportedly make":             true,
		"made it clear":                    false,
		"made the following announcement:": false,
		"made no mention of":               false,
		"said":                             false,
	} {
		a := claimtrail.Attribution{Cue: &claimtrail.Span{Text: cue}}
		if got := makeWithoutWords(&a); got != want {
			t.Errorf("makeWithoutWords(%q) = %v, want %v", cue, got, want)
		}
	}
}

// TestImperativeSource: a sentence that opens with an imperative before
// an infinitive cue ("Encourage physicians ... to discuss") reports no
// one; a name that opens it does ("Kell urged doctors to discuss").
func TestImperativeSource(t *testing.T) {
	text := "Policy\n\nEncourage physicians, as a part of their strategy, to discuss safety with families.\n\nJane Kell to discuss safety with families, the board said.\n"
	for _, tc := range []struct {
		source string
		want   bool
	}{{"Encourage physicians", true}, {"Jane Kell", false}} {
		s := strings.Index(text, tc.source)
		c := strings.Index(text[s:], "to discuss") + s
		a := claimtrail.Attribution{Source: &claimtrail.Span{Start: s, End: s + len(tc.source), Text: tc.source}, Cue: &claimtrail.Span{Start: c, End: c + 10, Text: "to discuss"}}
		if got := imperativeSource(text, func(cp int) int { return cp }, &a); got != tc.want {
			t.Errorf("imperativeSource(%q) = %v, want %v", tc.source, got, tc.want)
		}
	}
}

// TestTranscriptTurns: "I think" in the lines after a transcript label
// is the labelled speaker's, up to the next label; outside a transcript
// it stays the writer's.
func TestTranscriptTurns(t *testing.T) {
	e, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	text := "Interview\n\nThe host spoke to two reporters on Tuesday.\nVANE: What do you know about the money?\nKELL: It is a lot of money.\nOAKES: I do.\nI think the place we will be talking about next week is the foundation.\nVANE: Thank you both.\n"
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range x.Attributions {
		if a.Source != nil && a.Source.Text == "I" {
			found = true
			if a.Speaker.Name != "OAKES" && a.Speaker.Name != "Oakes" {
				t.Errorf("I think → %q, want the label OAKES's speaker", a.Speaker.Name)
			}
			if !slices.Contains(a.Flags, flagTranscriptTurn) || slices.Contains(a.Flags, flagInBlockQuote) {
				t.Errorf("I think flagged %q, want %q and not %q", a.Flags, flagTranscriptTurn, flagInBlockQuote)
			}
		}
	}
	if !found {
		t.Errorf("no report by I found in %v", x.Attributions)
	}
}

// TestTranscriptLabelsScan: the line scan finds the labels the regexp
// (?m)^[A-Z][A-Z .,'’-]{1,40}: finds, over labels, near misses and
// random lines.
func TestTranscriptLabelsScan(t *testing.T) {
	re := regexp.MustCompile(`(?m)^[A-Z][A-Z .,'’-]{1,40}:`)
	texts := []string{
		"HANNITY: Yes.\nJOHN SOLOMON, THE HILL: No.\nO’MALLEY: Maybe.\nA: too short.\nAB:\nlower: no\n",
		"X" + strings.Repeat("Y", 40) + ": forty-one\nX" + strings.Repeat("Y", 39) + ": forty\nSTOP.\n:\nAB:",
	}
	rng := rand.New(rand.NewSource(27))
	pieces := []string{"A", "B", "Z", " ", ".", ",", "'", "’", "-", ":", "\n", "a", "é", "1"}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for j := rng.Intn(60); j > 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		want := re.FindAllStringIndex(text, -1)
		got := transcriptLabels(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", text, got, want)
		}
		for k := range got {
			if got[k][0] != want[k][0] || got[k][1] != want[k][1] {
				t.Fatalf("%q: %v, want %v", text, got, want)
			}
		}
	}
}
