package trail

import (
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

func stmt(id, article int64, day int, speaker, cue, content string) Statement {
	s := Statement{AttributionID: id, ArticleID: article, ArticleSource: "a" + string(rune('0'+article)),
		Published: time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC), Speaker: speaker, SpeakerKind: claimtrail.SpeakerPerson,
		Kind: claimtrail.KindIndirect, Content: []claimtrail.Span{{Start: 100, End: 100 + len([]rune(content)), Text: content}}}
	if cue != "" {
		s.Cue = &claimtrail.Span{Start: 90, End: 90 + len(cue), Text: cue}
	}
	return s
}

func TestRelations(t *testing.T) {
	claim := stmt(1, 1, 2, "Elena Reyes", "said", "the Harbor budget is balanced and the docks are paying for themselves")
	tests := []struct {
		name  string
		later Statement
		want  claimtrail.RelationType // "" for none
	}{
		{"correction by the speaker", stmt(2, 2, 4, "Reyes", "said", "she misspoke and the Harbor budget is not balanced"), claimtrail.RelationCorrects},
		{"walk-back of one word", stmt(2, 2, 3, "Elena Reyes", "said", "the sentence should have been: the Harbor budget isn't balanced and the docks aren't paying for themselves. I said the word 'is' instead of 'isn't'"), claimtrail.RelationCorrects},
		{"correction cue by someone else is no correction", stmt(2, 2, 4, "Dana Whitfield", "said", "she misspoke about the weather"), ""},
		{"negation by another speaker", stmt(2, 2, 4, "Dana Whitfield", "said", "the Harbor budget is not balanced and the docks are not paying for themselves"), claimtrail.RelationContradicts},
		{"a negation of other words is no near miss", stmt(2, 2, 4, "Dana Whitfield", "said", "the Harbor budget is not balanced and the docks are losing money"), ""},
		{"denial cue by another speaker", stmt(2, 2, 4, "Dana Whitfield", "denied", "that the Harbor budget was balanced and paid by the docks"), claimtrail.RelationContradicts},
		{"agreement is no contradiction", stmt(2, 2, 4, "Dana Whitfield", "said", "the Harbor budget is balanced and the docks are paying"), ""},
		{"too little in common", stmt(2, 2, 4, "Dana Whitfield", "denied", "that the weather is balanced"), ""},
		{"same speaker, later, opposite", stmt(2, 2, 5, "Elena Reyes", "said", "the Harbor budget is not balanced and the docks are not paying"), claimtrail.RelationReverses},
		{"an earlier negation answers nothing", stmt(2, 0, 1, "Dana Whitfield", "said", "the Harbor budget is not balanced and the docks are losing money"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range [][]Statement{{claim, tt.later}, {tt.later, claim}} {
				rels := Relations(order, nil)
				var got claimtrail.RelationType
				if len(rels) > 0 {
					got = rels[0].Type
					if rels[0].From.AttributionID != 2 || rels[0].To.AttributionID != 1 {
						t.Errorf("from %d to %d, want from the later (2) to the earlier (1)", rels[0].From.AttributionID, rels[0].To.AttributionID)
					}
				}
				if got != tt.want || len(rels) > 1 {
					t.Errorf("got %v (%d relations), want %q", rels, len(rels), tt.want)
				}
			}
		})
	}
}
