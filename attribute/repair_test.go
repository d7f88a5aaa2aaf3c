package attribute

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

// tagged segments text and tags it from a word → tag table (NN for the
// rest), standing in for the tagger, which this package does not load.
func tagged(text string, tags map[string]string) *doc.Doc {
	d := segment.Segment(text)
	for i := range d.Tokens {
		t := tags[d.Tokens[i].Text]
		if t == "" {
			t = "NN"
			if !isWordToken(d.Tokens[i].Text) {
				t = d.Tokens[i].Text // punctuation is its own tag, as in Penn
			}
		}
		d.Tokens[i].POS = t
	}
	return d
}

// rangeOf is the token range of the first occurrence of phrase.
func rangeOf(t *testing.T, d *doc.Doc, phrase string) Range {
	t.Helper()
	off := strings.Index(d.Text, phrase)
	if off < 0 {
		t.Fatalf("%q not in text", phrase)
	}
	r := Range{Start: -1}
	for i, tok := range d.Tokens {
		if tok.Start == off {
			r.Start = i
		}
		if tok.End == off+len(phrase) {
			r.End = i + 1
		}
	}
	if r.Start < 0 || r.End <= r.Start {
		t.Fatalf("%q does not align with tokens", phrase)
	}
	return r
}

func TestRepair(t *testing.T) {
	tags := map[string]string{"ordered": "VBD", "said": "VBD", "took": "VBD", "writing": "VBG", "also": "RB",
		"that": "IN", "was": "VBD", "tried": "VBD", "to": "TO", "leave": "VB", "a": "DT", "the": "DT", "The": "DT", "pro": "VBP",
		"had": "VBD", "been": "VBN", "shifted": "VBD", "saying": "VBG", "who": "WP", "are": "VBP", "sending": "VBG", "warning": "VBG",
		"Throwing": "VBG", "Earlier": "RBR", "wrote": "VBD", "urging": "VBG", "will": "MD", "would": "MD"}
	tests := []struct {
		name, text           string
		source, cue, content string
		keep                 bool
		wantSource           string
	}{
		{"an order of a strike is no speech", "Mr. Clinton ordered a cruise missile strike.", "Mr. Clinton", "ordered", "a cruise missile strike", false, ""},
		{"an order that is speech stays", "The judge ordered that the file was sealed.", "The judge", "ordered", "that the file was sealed", true, "The judge"},
		{"trying to leave is no speech", "She tried to leave early.", "She", "tried", "to leave early", false, ""},
		{"the speaker between the quote and said", "“It was a lethal dose,” her mother, Fiona, said in a statement.", "", "said", "“It was a lethal dose,”", true, "her mother, Fiona"},
		{"the speaker after said", "“I want it,” said Trump in an interview.", "", "said", "“I want it,”", true, "Trump"},
		{"a noun tagged as a verb stays in the subject", "The communications pro also took a shot at the president, writing “it is wrong.”", "the president", "writing", "“it is wrong.”", true, "The communications pro"},
		{"a participle's speaker is the subject", "The aide also took a shot at the president, writing “it is wrong.”", "the president", "writing", "“it is wrong.”", true, "The aide"},
		{"a participle after a name's relative clause", "Okafor, who had once been moderate – on whether to give boats a chance – shifted sharply, saying he would block it.", "a chance", "saying", "he would block it", true, "Okafor"},
		{"the senders of a letter warn", "All members are sending the letter to Board Chairman Dale Okafor warning him that they will block it.", "Dale Okafor", "warning", "that they will block it", true, "All members"},
		{"after an opening participle clause", "Throwing down the gauntlet, all members are sending the letter to Dale Okafor warning him that they will block it.", "Dale Okafor", "warning", "that they will block it", true, "all members"},
		{"after an opening adverb", "Earlier the bishop wrote to all three parties urging them to stop.", "all three parties", "urging", "them to stop", true, "the bishop"},
	}
	t.Run("the speaker comes out of a piece it opens", func(t *testing.T) {
		text := "“I want it,” said Trump in an interview. “Why not?”"
		d := tagged(text, tags)
		all := rangeOf(t, d, text)
		first, cue := rangeOf(t, d, "“I want it,”"), rangeOf(t, d, "said")
		second := Range{Start: cue.End, End: all.End}
		got := repair(d, []Found{{Cue: cue, Content: all, Pieces: []Range{first, second}}})
		if len(got) != 1 || got[0].Source != rangeOf(t, d, "Trump") {
			t.Fatalf("got %+v, want the source Trump", got)
		}
		if p := got[0].Pieces; len(p) != 2 || p[1] != rangeOf(t, d, "“Why not?”") {
			t.Errorf("pieces %+v, want the second to be the quote after the speaker", p)
		}
	})
	t.Run("a clause said by the name after the cue", func(t *testing.T) {
		tags := map[string]string{"form": "VBP", "seeps": "VBZ", "said": "VBD", "the": "DT", "officials": "NNS", "is": "VBZ"}
		for _, tt := range [][3]string{
			{"Potholes form when water seeps in, said Joe Carbone, who works there.", "Potholes form when water seeps in", "Joe Carbone"},
			{"The plastic is less brittle, said the officials, who added more.", "The plastic is less brittle", "the officials"},
		} {
			d := tagged(tt[0], tags)
			src := rangeOf(t, d, tt[1]+",")
			cue := rangeOf(t, d, "said")
			after := Range{Start: cue.End, End: cue.End + 2}
			got := repair(d, []Found{{Cue: cue, Source: src, Content: after, Pieces: []Range{after}}})
			if len(got) != 1 || got[0].Source != rangeOf(t, d, tt[2]) || got[0].Content != rangeOf(t, d, tt[1]) {
				t.Errorf("%q: got %+v, want source %q and content %q", tt[0], got, tt[2], tt[1])
			}
		}
	})
	t.Run("an inverted headline", func(t *testing.T) {
		for _, text := range []string{"No election TV debate, says Blair", "No Deal Is Better Than A Bad Deal, Says May\n\nThe prime minister spoke."} {
			d := tagged(text, tags)
			first := strings.SplitN(text, ",", 2)[0]
			name := strings.Fields(strings.SplitN(text, "\n", 2)[0])
			who := name[len(name)-1]
			cue := rangeOf(t, d, strings.Fields(strings.SplitN(text, ", ", 2)[1])[0])
			got := repair(d, []Found{{Cue: cue, Source: rangeOf(t, d, first), Content: rangeOf(t, d, who), Pieces: []Range{rangeOf(t, d, who)}}})
			if len(got) != 1 || got[0].Source != rangeOf(t, d, who) || got[0].Content != rangeOf(t, d, first) {
				t.Errorf("%q: got %+v, want source %q and content %q", text, got, who, first)
			}
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tagged(tt.text, tags)
			f := Found{Cue: rangeOf(t, d, tt.cue), Content: rangeOf(t, d, tt.content)}
			f.Pieces = []Range{f.Content}
			if tt.source != "" {
				f.Source = rangeOf(t, d, tt.source)
			}
			got := repair(d, []Found{f})
			if (len(got) == 1) != tt.keep {
				t.Fatalf("kept %d attributions, want keep=%v", len(got), tt.keep)
			}
			if !tt.keep {
				return
			}
			src := ""
			if !got[0].Source.Empty() {
				src = d.Text[d.Tokens[got[0].Source.Start].Start:d.Tokens[got[0].Source.End-1].End]
			}
			if src != tt.wantSource {
				t.Errorf("source %q, want %q", src, tt.wantSource)
			}
		})
	}
}
