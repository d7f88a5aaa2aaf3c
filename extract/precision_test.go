package extract

import (
	"context"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

func TestDropNonStatements(t *testing.T) {
	text := "Title of the piece\nThe mayor called it a \"bad deal\" on Monday.\n\"Where the Money Goes\"\n\"We will not raise taxes this year, not while I am here,\" the mayor said.\nIf you want to know why the frame rate dips, read on. \"You know we said it twice,\" she said.\n"
	d := segment.Segment(text)
	runes := doc.NewRunes(text)
	rs := []rune(text)
	span := func(sub string) claimtrail.Span {
		i := indexRunes(rs, []rune(sub))
		return claimtrail.Span{Start: i, End: i + len([]rune(sub)), Text: sub}
	}
	cue := span("said")
	noticed, writer := span("want to know"), span("you")
	quotedSaid, quotedWe := span("said it"), span("we")
	quotedSaid.End, quotedSaid.Text = quotedSaid.Start+4, "said"
	tests := []struct {
		name string
		a    claimtrail.Attribution
		keep bool
	}{
		{"scare quote without cue", claimtrail.Attribution{Flags: []string{"no-cue", "speaker-from-context"}, Content: []claimtrail.Span{span("bad deal")}}, false},
		{"heading line without cue", claimtrail.Attribution{Flags: []string{"no-cue", "speaker-from-context"}, Content: []claimtrail.Span{span("Where the Money Goes")}}, false},
		{"long quote without cue kept", claimtrail.Attribution{Flags: []string{"no-cue"}, Content: []claimtrail.Span{span("We will not raise taxes this year, not while I am here,")}}, true},
		{"short quote with cue kept", claimtrail.Attribution{Cue: &cue, Content: []claimtrail.Span{span("bad deal")}}, true},
		{"title line kept", claimtrail.Attribution{Flags: []string{"no-cue"}, Content: []claimtrail.Span{span("Title of the piece")}}, true},
		{"writer's own voice dropped", claimtrail.Attribution{Source: &writer, Cue: &noticed, Content: []claimtrail.Span{span("why the frame rate dips")}}, false},
		{"first person inside a quote kept", claimtrail.Attribution{Source: &quotedWe, Cue: &quotedSaid, Content: []claimtrail.Span{span("it twice")}}, true},
	}
	for _, tc := range tests {
		got := dropNonStatements(context.Background(), d, runes, []claimtrail.Attribution{tc.a})
		if (len(got) == 1) != tc.keep {
			t.Errorf("%s: kept=%v, want %v", tc.name, len(got) == 1, tc.keep)
		}
	}
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}
