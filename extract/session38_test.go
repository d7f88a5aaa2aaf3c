package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/segment"
)

// TestPassiveQuoteSubject: a quote after a passive whose subject is the
// source ("Vell was described as “...”", "the crowd is told “...”",
// "Ms Dorn was asked: “...”") loses the source, as the words are someone
// else's; a verb of saying after the passive ("is alleged to have said",
// "is expected to repeat", "is shown saying") keeps it; a quote before the
// passive ("“...” The vote is widely expected in May") or one another
// source says drops the attribution.
func TestPassiveQuoteSubject(t *testing.T) {
	for _, tc := range []struct {
		name, text, source, cue, content string
		other                            string // content of another attribution with a source
		want                             string // "unset", "keep" or "drop"
	}{
		{"described as", `Ann Vell was described as "a giant of the stage" by critics.`, "Ann Vell", "was described", `as "a giant of the stage" by critics`, "", "unset"},
		{"told", `The crowd is told "stay home tonight" by the marshals.`, "The crowd", "is told", `"stay home tonight"`, "", "unset"},
		{"asked", `Joan Dorn was asked: "Why do you want this job?"`, "Joan Dorn", "was asked:", `"Why do you want this job?"`, "", "unset"},
		{"adverb", `The plan has since been called "a shambles" in the press.`, "The plan", "has since been called", `"a shambles"`, "", "unset"},
		// the subject does speak
		{"alleged to have said", `Mr Vell is alleged to have said that the rules were "a joke".`, "Mr Vell", "is alleged", `that the rules were "a joke"`, "", "keep"},
		{"expected to repeat", `And he is expected to repeat that the plan is "sound".`, "he", "is expected", `that the plan is "sound"`, "", "keep"},
		{"shown saying", `Mr Vell is shown saying "we will win".`, "Mr Vell", "is shown saying", `"we will win"`, "", "keep"},
		{"active", `Ann Vell described the plan as "a shambles".`, "Ann Vell", "described", `the plan as "a shambles"`, "", "keep"},
		// dropped
		{"quote before", `"It is time we went." The vote is widely expected in May.`, "The vote", "is widely expected", `"It is time we went."`, "", "drop"},
		{"said by another", `More talks are expected Tuesday. "I trust it will go fast," Vell said.`, "More talks", "are expected", `"I trust it will go fast,"`, `"I trust it will go fast,"`, "drop"},
	} {
		span := func(s string) *claimtrail.Span {
			i := strings.Index(tc.text, s)
			if i < 0 {
				t.Fatalf("%s: %q not in text", tc.name, s)
			}
			return &claimtrail.Span{Start: i, End: i + utf8.RuneCountInString(s), Text: s}
		}
		a := claimtrail.Attribution{Source: span(tc.source), Cue: span(tc.cue), Content: []claimtrail.Span{*span(tc.content)},
			Speaker: claimtrail.Speaker{Name: "someone", Kind: claimtrail.SpeakerPerson}}
		all := []claimtrail.Attribution{a}
		if tc.other != "" {
			all = append(all, claimtrail.Attribution{Source: &claimtrail.Span{Text: "Vell"}, Cue: &claimtrail.Span{Start: 1, Text: "said"}, Content: []claimtrail.Span{*span(tc.other)}})
		}
		byteOf := func(cp int) int { return cp } // ASCII text
		got := "keep"
		if passiveQuoteSubject(tc.text, byteOf, &a, all) {
			got = "drop"
		} else if a.Source == nil {
			got = "unset"
			if a.Speaker.Kind != claimtrail.SpeakerUnknown || a.Speaker.Name != "" {
				t.Errorf("%s: speaker %+v after the source is unset", tc.name, a.Speaker)
			}
		}
		if got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestTopicLabelLines: answers printed one per line under labels of their
// topic ("On crime: “...”") keep the speaker introduced above them, as a
// run of bare quotes does; a line of narrative with a colon does not
// count as such a label.
func TestTopicLabelLines(t *testing.T) {
	const head = "Vell speaks\n\nAnn Vell, the mayor of Harlow, spoke to reporters on Monday. She talked about the economy, crime and her plans.\n\n"
	const body = "On the economy: “We are doing well. Jobs are up and rents are down.”\n\nOn crime: “It is down by half since I took office.”\n\nOn housing: “I will build a thousand homes.”\n\nOn her plans: “I will run again next year.”\n"
	x := extractOrFail(t, head+body)
	n := 0
	for _, a := range x.Attributions {
		if a.Kind == claimtrail.KindDirect {
			n++
			if a.Speaker.Name != "Ann Vell" {
				t.Errorf("%q: speaker %q, want Ann Vell", a.Content[0].Text, a.Speaker.Name)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d direct quotes, want 4", n)
	}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"On the economy: “We are doing well.”", true},
		{"Her plans: “I will run again.”", true},
		{"The mayor, who spoke for an hour, said this: “We are doing well.”", false},
		{"He said it twice. Then: “We are doing well.”", false},
		{"on the economy: “We are doing well.”", false},
		{"On the economy: we are doing well.", false},
	} {
		if got := topicLabelLine(tc.line); got != tc.want {
			t.Errorf("topicLabelLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestRelativeClauseLeadIn: a quote standing alone after "..., Vell said,
// pointing to the charges against Joe Pike, who has denied them." goes
// on with Vell, the sentence's main speaker, not with the relative
// clause's Pike; with the clause in a sentence of its own, Pike stays.
func TestRelativeClauseLeadIn(t *testing.T) {
	const quote = "\n\n“I think I did the right thing. I defended the law.”\n"
	for _, tc := range []struct{ name, text, want string }{
		{"clause in the main sentence", "Vote row\n\nAnn Vell defended her vote on Monday. “A lot of the facts were left out,” Vell said, pointing to the charges against Joe Pike, who has denied them." + quote, "Ann Vell"},
		{"clause in its own sentence", "Vote row\n\nAnn Vell defended her vote on Monday. “A lot of the facts were left out,” Vell said. The charges were brought against Joe Pike, who has denied them." + quote, "Joe Pike"},
	} {
		x := extractOrFail(t, tc.text)
		found := false
		for _, a := range x.Attributions {
			if len(a.Content) > 0 && strings.Contains(a.Content[0].Text, "right thing") {
				found = true
				if a.Speaker.Name != tc.want {
					t.Errorf("%s: speaker %q, want %q", tc.name, a.Speaker.Name, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: the quote standing alone is not found", tc.name)
		}
	}
}

// TestQuoteBeforeSaidOf: "“Why is that even relevant?” Joe Bacon said of
// the misstatement" gives Bacon the quote, not the "of" phrase (which had
// left the quote to the court named before); "Joe Bacon said of the
// claim that it was a lie" with no quote before keeps its content.
func TestQuoteBeforeSaidOf(t *testing.T) {
	x := extractOrFail(t, "Court row\n\nThe widow lost her claim in March. A Virginia court later ruled that the statement was wrong.\n\n“Why is that even relevant?” Joe Bacon said of the misstatement at the March 7 court date.\n")
	attributionWith(t, x, "Bacon's question", func(a *claimtrail.Attribution) bool {
		return a.Speaker.Name == "Joe Bacon" && len(a.Content) == 1 && strings.Contains(a.Content[0].Text, "relevant")
	})
	x = extractOrFail(t, "Court row\n\nThe widow lost her claim in March. Joe Bacon said of the claim that it was a plain lie.\n")
	for _, a := range x.Attributions {
		if a.Speaker.Name == "Joe Bacon" && len(a.Content) > 0 && strings.Contains(a.Content[0].Text, "widow") {
			t.Errorf("content %q taken from the sentence before", a.Content[0].Text)
		}
	}
}

// TestEditorsNoteLeadsNowhere: "(Italics added.)" marks type; a quote
// standing alone after it is not given to a speaker "Italics".
func TestEditorsNoteLeadsNowhere(t *testing.T) {
	x := extractOrFail(t, "Files row\n\nBut that is the likely import of his announcement, which actually read as follows:\nSubject to the receipt of further information, I will be allowing, as mayor, the long blocked files to be opened.” (Italics added.)\nThe operative words, of course, are: “Subject to the receipt of further information….”\nWhat is going on here?\n")
	for _, a := range x.Attributions {
		if strings.EqualFold(a.Speaker.Name, "Italics") {
			t.Errorf("speaker %q for %q", a.Speaker.Name, a.Content[0].Text)
		}
	}
}

// TestAddedAnAmount: "They added an extra 6.4% to $27.24" and "shares
// added 3p to 345p" report a rise, not speech; "he added 30 people had
// died" and "she added that 5% to 10% of staff would go" are speech.
func TestAddedAnAmount(t *testing.T) {
	for _, tc := range []struct {
		cue, content string
		want         bool
	}{
		{"added", "an extra 6.4% to $27.24 in electronic trading", true},
		{"added", "3p to 345p in early trading", true},
		{"added", "$2bn in value over the week", true},
		// near misses
		{"added", "30 people had died in the fire", false},
		{"added", "that 5% to 10% of staff would go", false},
		{"added", "5% of the staff would go", false},
	} {
		a := &claimtrail.Attribution{Cue: &claimtrail.Span{Text: tc.cue}, Content: []claimtrail.Span{{Text: tc.content}}}
		if got := addedToThing(a); got != tc.want {
			t.Errorf("addedToThing(%q %q) = %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestBareNounAfterQuote: "“...,” dispatch frantically notes." gives the
// quote the bare noun as its source and "frantically notes" as its cue
// (the quote had gone to the reporter named before); "“...,” dispatch
// notes the time." (an object after the verb) gives none.
func TestBareNounAfterQuote(t *testing.T) {
	const head = "Radio\n\nThe recording, released by reporter Joe Pike, shows dispatch describing the situation to first responders.\n"
	x := extractOrFail(t, head+"“We have a firefighter’s wife at this event who is pinned down behind the bar.\nWe are trying to get further on the name,” dispatch frantically notes.\n")
	attributionWith(t, x, "with cue frantically notes", func(a *claimtrail.Attribution) bool {
		return a.Source != nil && a.Source.Text == "dispatch" && a.Cue != nil && a.Cue.Text == "frantically notes" && a.Speaker.Name != "Joe Pike"
	})
	x = extractOrFail(t, head+"“We have a firefighter’s wife at this event who is pinned down behind the bar.\nWe are trying to get further on the name,” dispatch notes the time.\n")
	for _, a := range x.Attributions {
		if a.Source != nil && a.Source.Text == "dispatch" && a.Cue != nil && strings.HasPrefix(a.Cue.Text, "notes") {
			t.Errorf("near miss printed %+v", a)
		}
	}
}

// TestOuterReportInSource: a source that holds its own report ("Mr Vell
// also said intelligence reports | showed") gives way to the outer
// report: the name before "said" speaks, "said" is the cue, the inner
// clause the content; when the outer report was found already, the
// garbled one becomes its copy (and the merge drops it). A source
// with "that" after a noun ("The claim that reports") is no report.
func TestOuterReportInSource(t *testing.T) {
	const text = "Title\n\nMr Vell also said intelligence reports showed the plan worked."
	d := segment.Segment(text)
	tok := func(s string) int { return tokenFrom(d, strings.Index(d.Text, s)) }
	for i := range d.Tokens {
		if d.Tokens[i].Text == "said" {
			d.Tokens[i].POS = "VBD"
		}
	}
	garbled := attribute.Found{Source: attribute.Range{Start: tok("Mr"), End: tok("showed")}, Cue: attribute.Range{Start: tok("showed"), End: tok("showed") + 1},
		Content: attribute.Range{Start: tok("the plan"), End: tok(".")}}
	garbled.Pieces = []attribute.Range{garbled.Content}
	found := []attribute.Found{garbled}
	outerReportInSource(d, found)
	if f := found[0]; f.Cue.Start != tok("said") || f.Source.End != tok("said") || f.Content.Start != tok("intelligence") {
		t.Errorf("not mended: %+v", f)
	}
	outer := attribute.Found{Source: attribute.Range{Start: tok("Mr"), End: tok("Vell") + 1}, Cue: attribute.Range{Start: tok("also"), End: tok("said") + 1},
		Content: attribute.Range{Start: tok("intelligence"), End: tok(".")}}
	outer.Pieces = []attribute.Range{outer.Content}
	found = []attribute.Found{garbled, outer}
	found[0].Pieces = []attribute.Range{garbled.Content}
	outerReportInSource(d, found)
	if found[0].Cue != outer.Cue || found[0].Source != outer.Source {
		t.Errorf("not the outer report's copy: %+v", found[0])
	}
	// near miss
	const text2 = "Title\n\nThe claim that intelligence reports showed the plan worked was false."
	d2 := segment.Segment(text2)
	tok2 := func(s string) int { return tokenFrom(d2, strings.Index(d2.Text, s)) }
	f := attribute.Found{Source: attribute.Range{Start: tok2("The"), End: tok2("showed")}, Cue: attribute.Range{Start: tok2("showed"), End: tok2("showed") + 1},
		Content: attribute.Range{Start: tok2("the plan"), End: tok2("was")}}
	found = []attribute.Found{f}
	outerReportInSource(d2, found)
	if found[0].Source != f.Source || found[0].Cue != f.Cue {
		t.Errorf("near miss changed: %+v", found[0])
	}
}
