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

// TestRelationRules checks each precision rule on a pair of invented
// statements (the earlier one first): a case the rule turns away, and a
// case beside it that still links.
func TestRelationRules(t *testing.T) {
	call := stmt(1, 1, 2, "Dana Whitfield", "called on", "Mayor Reyes to open the Harbor accounts to the city auditor")
	closed := stmt(1, 1, 2, "Dana Whitfield", "said", "the Harbor accounts were closed to the city auditor")
	story := stmt(1, 1, 2, "Dana Whitfield", "said", "the story about the Harbor accounts and the city auditor has moved on")
	budget := stmt(1, 1, 2, "Elena Reyes", "said", "the Harbor budget is balanced and the docks are paying for themselves")
	paid := stmt(1, 1, 2, "Dana Whitfield", "said", "Reyes was paid by the Harbor board for the docks contract")
	tests := []struct {
		name           string
		earlier, later Statement
		want           claimtrail.RelationType // "" for none
	}{
		{"rejecting a call is no contradiction", call, stmt(2, 2, 4, "Elena Reyes", "rejected", "the council's call to open the Harbor accounts to the city auditor"), ""},
		{"denying what was said contradicts it", closed, stmt(2, 2, 4, "Elena Reyes", "denied", "that the Harbor accounts were closed to the city auditor"), claimtrail.RelationContradicts},
		{"a denial cue under a negation concedes", closed, stmt(2, 2, 4, "Elena Reyes", "did not dispute", "that the Harbor accounts were closed to the city auditor"), ""},
		{"a denied clause without that", closed, stmt(2, 2, 4, "Elena Reyes", "denied", "the Harbor accounts were closed to the city auditor"), claimtrail.RelationContradicts},
		{"dismissing a topic is no contradiction", story, stmt(2, 2, 4, "Elena Reyes", "dismissed", "the story about the Harbor accounts and the city auditor"), ""},
		{"rejecting claims is a denial", closed, stmt(2, 2, 4, "Elena Reyes", "rejected", "claims the Harbor accounts were closed to the city auditor"), claimtrail.RelationContradicts},
		{"denying a gerund", paid, stmt(2, 2, 4, "Elena Reyes", "denied", "being paid by the Harbor board for the docks contract"), claimtrail.RelationContradicts},
		{"take back a place is no correction", budget, stmt(2, 2, 4, "Elena Reyes", "said", "the city will take back the Harbor budget and the docks from the board"), ""},
		{"take back what was said corrects", budget, stmt(2, 2, 4, "Elena Reyes", "said", "I take back what I said: the Harbor budget is not balanced and the docks are not paying"), claimtrail.RelationCorrects},
		{"a report she misstated is no correction of hers", budget, stmt(2, 2, 4, "Elena Reyes", "is defending", "herself against a report she misstated the Harbor budget and the docks"), ""},
		{"she said she misstated corrects", budget, stmt(2, 2, 4, "Elena Reyes", "said", "she misstated the Harbor budget and the docks"), claimtrail.RelationCorrects},
		{"one who denies misspeaking corrects nothing", budget, stmt(2, 2, 4, "Elena Reyes", "denied", "that she misspoke about the Harbor budget and the docks"), ""},
		{"a correction sharing a topic only", budget, stmt(2, 2, 4, "Elena Reyes", "said", "she misspoke about the weather at the Harbor festival, the parade, the school fair, the beach, the market and the docks"), ""},
		{"a correction sharing two plain words only", stmt(1, 1, 2, "Elena Reyes", "said", "the budget is balanced"),
			stmt(2, 2, 4, "Elena Reyes", "said", "she misspoke on the budget: it is not balanced"), ""},
		{"a correction restating three words", stmt(1, 1, 2, "Elena Reyes", "said", "the budget is balanced and paid"),
			stmt(2, 2, 4, "Elena Reyes", "said", "she misspoke on the budget: it is not balanced or paid"), claimtrail.RelationCorrects},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels := Relations([]Statement{tt.earlier, tt.later}, nil)
			var got claimtrail.RelationType
			if len(rels) > 0 {
				got = rels[0].Type
			}
			if got != tt.want || len(rels) > 1 {
				t.Errorf("got %+v (%d relations), want %q", rels, len(rels), tt.want)
			}
		})
	}
}

func TestProposition(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"that the docks lost money", true},
		{"the docks had lost money for years", true},
		{"being paid by the board", true},
		{"claims he pressured the auditor", true},
		{"her plan to take the harbor out of the port authority", false},
		{"a proposal for one final debate", false},
		{"efforts by some councillors to spotlight their differences while saying they will vote", false},
		{"the story about the mayor's emails", false},
		{"the overture", false},
	}
	for _, tt := range tests {
		if got := proposition(tt.text); got != tt.want {
			t.Errorf("proposition(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
