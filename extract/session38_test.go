package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
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
