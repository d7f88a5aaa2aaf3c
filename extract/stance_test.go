package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestStanceCue(t *testing.T) {
	tests := []struct {
		cue  string
		want bool
	}{
		// wishes, plans, stances, actions, findings
		{"hopes", true},
		{"wants", true},
		{"is hoping", true},
		{"has pushed for", true},
		{"opposed", true},
		{"showed", true},
		{"found", true},
		{"declined", true},
		{"knows", true},
		{"signed", true},
		{"filed", true},
		{"nominated", true},
		{"pleaded guilty", true},
		{"has pleaded guilty to", true},
		// statements
		{"said", false},
		{"told", false},
		{"has said", false},
		{"added", false},
		{"tweeted", false},
		{"slammed", false},
		{"warned", false},
		{"denied", false},
		{"has implied", false},
		{"said in a statement", false},
		{"according to", false},
		{"refused to say", false},
		{"reportedly", false},
		// thoughts
		{"believes", false},
		{"feared", false},
		{"expects", false},
		{"is confident", false},
		// layout
		{":", false},
		{"—", false},
		{"continued:", false},
	}
	for _, tt := range tests {
		a := claimtrail.Attribution{Cue: &claimtrail.Span{Text: tt.cue}}
		if got := stanceCue(&a); got != tt.want {
			t.Errorf("stanceCue(%q) = %v, want %v", tt.cue, got, tt.want)
		}
	}
	if stanceCue(&claimtrail.Attribution{}) {
		t.Error("an attribution without a cue is a stance")
	}
	// a document states what its authors found; a person's finding is
	// no statement
	for _, tt := range []struct {
		source, cue string
		want        bool
	}{
		{"The audit report", "shows", false},
		{"Official figures", "showed", false},
		{"the survey of traders", "found", false},
		{"Engineers", "found", true},
		{"The minister", "showed", true},
	} {
		a := claimtrail.Attribution{Source: &claimtrail.Span{Text: tt.source}, Cue: &claimtrail.Span{Text: tt.cue}}
		if got := stanceCue(&a); got != tt.want {
			t.Errorf("stanceCue(%q %q) = %v, want %v", tt.source, tt.cue, got, tt.want)
		}
	}
}

// TestStatementsView: the default extractor reports statements and
// thoughts; WithStances(true) adds the stances, wishes and actions PolNeAR
// annotates, and says so in its version. A stance cue around words in
// quote marks stays in both: the marks are someone's words.
func TestStatementsView(t *testing.T) {
	const text = "Port plan divides the council\n\n" +
		"The harbour board hopes to reopen the eastern quay by March, when the dredging ends.\n\n" +
		"Councillor Mara Feld said that the plan would cost far more than the board admits.\n\n" +
		"Engineers at the yard found that most of the old piles had rotten cores.\n\n" +
		"Feld opposed the plan in a vote last year, calling it “a harbour for nobody.”\n"
	statements, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	all := statements.WithStances(true)
	if statements.Stances() || !all.Stances() {
		t.Fatal("WithStances does not set the view")
	}
	if statements.Version() == all.Version() || !strings.HasSuffix(all.Version(), "+stances") {
		t.Errorf("versions %q and %q: the views must differ", statements.Version(), all.Version())
	}
	cues := func(x *claimtrail.Extraction) map[string]bool {
		m := map[string]bool{}
		for _, a := range x.Attributions {
			if a.Cue != nil {
				m[a.Cue.Text] = true
			}
		}
		return m
	}
	xs, err := statements.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	xa, err := all.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	cs, ca := cues(xs), cues(xa)
	t.Logf("statements %v; all %v", cs, ca)
	if !cs["said"] || !ca["said"] {
		t.Error("the statement (said) is missing from a view")
	}
	for _, stance := range []string{"hopes", "found"} {
		if cs[stance] {
			t.Errorf("statements view reports the stance %q", stance)
		}
	}
	if !ca["hopes"] && !ca["found"] {
		t.Error("the stances view reports none of the stances")
	}
	quoted := false
	for _, a := range xs.Attributions {
		for _, q := range a.Quotes {
			quoted = quoted || strings.Contains(q.Text, "harbour for nobody")
		}
	}
	if !quoted {
		t.Error("statements view lost the quoted words “a harbour for nobody”")
	}
}

func TestDemonstrativeSource(t *testing.T) {
	tests := []struct {
		source, content string
		want            bool
	}{
		{"That", "the bigger question of how the port will pay", true},
		{"These", "that the plan failed", true},
		{"That", "the “bigger question” of the port", false}, // words in quote marks stay
		{"That man", "the plan failed", false},
		{"the mayor", "the plan failed", false},
	}
	for _, tt := range tests {
		a := claimtrail.Attribution{
			Source:  &claimtrail.Span{Start: 0, End: len(tt.source), Text: tt.source},
			Cue:     &claimtrail.Span{Start: len(tt.source) + 1, End: len(tt.source) + 8, Text: "points to"},
			Content: []claimtrail.Span{{Start: 30, End: 30 + len(tt.content), Text: tt.content}},
		}
		if got := demonstrativeSource(&a); got != tt.want {
			t.Errorf("demonstrativeSource(%q, %q) = %v, want %v", tt.source, tt.content, got, tt.want)
		}
	}
}

func TestPassiveAgent(t *testing.T) {
	tests := []struct {
		text     string // the cue, "by", the source and the content
		cue, src string
		content  string
		want     bool
	}{
		{"His claims were denied by Mayor Ann Rowe.", "were denied", "Mayor Ann Rowe", "His claims", true},
		{"the fees described by the board “are a scandal,” she said.", "described", "the board", "“are a scandal,”", true},
		{"It was first reported by the Harbour Gazette.", "reported", "the Harbour Gazette", "It", true},
		// near misses
		{"When asked by reporters whether the quay would close, he said no.", "asked", "reporters", "whether the quay would close", false},
		{"The board said the fees would rise.", "said", "The board", "the fees would rise", false},
	}
	for _, tt := range tests {
		cs, ss, xs := strings.Index(tt.text, tt.cue), strings.Index(tt.text, tt.src), strings.Index(tt.text, tt.content)
		a := claimtrail.Attribution{
			Cue:     &claimtrail.Span{Start: cs, End: cs + len(tt.cue), Text: tt.cue},
			Source:  &claimtrail.Span{Start: ss, End: ss + len(tt.src), Text: tt.src},
			Content: []claimtrail.Span{{Start: xs, End: xs + len(tt.content), Text: tt.content}},
		}
		// ASCII offsets are code points: byteOf is the identity here,
		// save for the curly marks, which come after every offset used
		if got := passiveAgent(tt.text, func(cp int) int { return cp }, &a); got != tt.want {
			t.Errorf("passiveAgent(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCitedSources(t *testing.T) {
	for _, tt := range []struct {
		cue, content string
		want         bool
	}{
		{"citing", "two officials", true},
		{"citing", "three people familiar with the matter", true},
		{"citing", "unnamed sources", true},
		// near misses: a reason given is said
		{"citing", "a leg injury", false},
		{"cited", "the cases of two bloggers who were banned from the country last year", false},
		{"said", "two officials", false},
	} {
		a := claimtrail.Attribution{Cue: &claimtrail.Span{Text: tt.cue}, Content: []claimtrail.Span{{Text: tt.content}}}
		if got := citedSources(&a); got != tt.want {
			t.Errorf("citedSources(%q %q) = %v, want %v", tt.cue, tt.content, got, tt.want)
		}
	}
}

// TestOccasionsAreNoStatements: the statements view drops a cue that says
// only where or to whom someone spoke, a picture posted, a content that is
// only a name, and a letter's addressee; near misses that report words
// stay.
func TestOccasionsAreNoStatements(t *testing.T) {
	for _, tt := range []struct {
		rule, cue, content string
		want               bool
	}{
		{"venue", "spoke at", "a demonstration for one of them during his trial", true},
		{"venue", "is talking", "with Brown's parents and with members of the delegation", true},
		{"venue", "talked to", "the Daily Caller again", true},
		{"venue", "spoke about", "the possibility of creating content", false},
		{"venue", "talks failed to find", "a solution", false},
		{"venue", "also spoke", "at the rally", true},
		{"venue", "also testified", "on Tuesday", true},
		{"venue", "testified", "that the fees were never paid", false},
		{"pronoun", "decrying", "them", true},
		{"pronoun", "denied", "that", true},
		{"pronoun", "denied", "that the fees were raised", false},
		{"media", "tweeted", "a photo of her visiting the restaurant", true},
		{"media", "posted", "a video of the crash", true},
		{"media", "said", "the video game industry was now bigger than the music industry", false},
		{"media", "tweeted", "that the photo was fake", false},
		{"name", "calling out", "Speaker of the House John Boehner (R-Ohio)", true},
		{"name", "lashed out at", "O’Rourke", true},
		{"name", "Admits", "To Aiding Al-Qaeda", false},
		{"name", "said", "the plan would fail", false},
		{"recipient", "sent a letter", "to Rep. Ryan in advance of his appearance on campus", true},
		{"recipient", "said in a letter", "to the committee that the rules were unfair", false},
		{"recipient", "wrote", "to reassure voters", false},
		{"recipient", "apologized", "to Senator Grassley in person on Tuesday", true},
		{"recipient", "pledged", "to protect the programs", false},
	} {
		a := claimtrail.Attribution{Cue: &claimtrail.Span{Text: tt.cue}, Content: []claimtrail.Span{{Text: tt.content}}}
		var got bool
		switch tt.rule {
		case "venue":
			got = venueCue(&a)
		case "media":
			got = mediaPost(&a)
		case "name":
			got = nameOnlyContent(&a)
		case "recipient":
			got = recipientContent(&a)
		case "pronoun":
			got = pronounContent(&a)
		}
		if got != tt.want {
			t.Errorf("%s(%q %q) = %v, want %v", tt.rule, tt.cue, tt.content, got, tt.want)
		}
	}
}
