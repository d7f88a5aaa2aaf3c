package claimtrail

import (
	"context"
	"time"
)

// RelationType names what a later statement does to an earlier one.
type RelationType string

const (
	// RelationCorrects: a later statement by the same speaker retracts or
	// corrects an earlier one ("I misspoke", "I meant to say", a
	// reporter's "walked back").
	RelationCorrects RelationType = "corrects"
	// RelationContradicts: a statement by another speaker asserts the
	// opposite of an earlier one (a denial, a rejection, a negation of
	// the same proposition).
	RelationContradicts RelationType = "contradicts"
	// RelationReverses: a later statement by the same speaker asserts the
	// opposite of the earlier one without saying it corrects it.
	RelationReverses RelationType = "reverses"
)

// Relation links two statements: From is the later one (the correction,
// the denial), To the one it answers. Evidence are the spans that tie
// them: the correction cue, the denial cue, the shared words.
type Relation struct {
	Type       RelationType   `json:"type"`
	Confidence float64        `json:"confidence"`
	From       RelationEnd    `json:"from"`
	To         RelationEnd    `json:"to"`
	Evidence   []EvidenceSpan `json:"evidence"`
	// Shared are the normalised content words the two statements share.
	Shared []string `json:"shared,omitempty"`
}

// RelationEnd is one statement of a relation, located in its article:
// Start and End are code points of its verbatim quote, or of its content
// when it has none.
type RelationEnd struct {
	ArticleSource string    `json:"article_source"`
	Start         int       `json:"start"`
	End           int       `json:"end"`
	Speaker       string    `json:"speaker"`
	Cluster       int64     `json:"cluster"`
	AttributionID int64     `json:"attribution_id,omitempty"`
	Published     time.Time `json:"published,omitzero"`
	Text          string    `json:"text,omitempty"`
}

// EvidenceSpan is a span of an article that supports a relation.
type EvidenceSpan struct {
	ArticleSource string `json:"article_source"`
	Start         int    `json:"start"`
	End           int    `json:"end"`
	Text          string `json:"text"`
}

// RelationFilter chooses relations: by type ("" for all), by a cluster
// or an attribution on either end (0 for any).
type RelationFilter struct {
	Type          RelationType
	Cluster       int64
	AttributionID int64
}

// RelationStore finds relations between stored statements.
type RelationStore interface {
	Relations(ctx context.Context, f RelationFilter) ([]Relation, error)
}
