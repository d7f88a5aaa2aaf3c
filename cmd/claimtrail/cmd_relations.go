package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/claimtrail/claimtrail"
)

// RelationsCmd lists corrections, contradictions and reversals.
type RelationsCmd struct {
	Type    string `enum:",corrects,contradicts,reverses" default:"" placeholder:"TYPE" help:"Only this type: corrects, contradicts or reverses."`
	Cluster int64  `placeholder:"ID" help:"Only relations with a statement of this cluster on either end."`
	TrailFlags
	OutputFlags
}

func (c *RelationsCmd) Help() string {
	return `What happens to a statement: "corrects" links a later statement by the
same speaker that corrects or walks back an earlier one ("I misspoke",
"I meant to say", a reporter's "walked back"); "contradicts" links a
denial or negation by someone else to the statement it answers;
"reverses" links a speaker's later statement asserting the opposite.
"from" is the later statement, "to" the one it answers; offsets are code
points of the verbatim quote (or the content) in that article; evidence
are the spans that tie them (the correction or denial cue).

Examples:
  claimtrail relations --type corrects
  claimtrail relations --output json | jq '.[] | select(.confidence > 0.8)'`
}

func (c *RelationsCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := refreshClusters(ctx, st, c.Aliases); err != nil {
		return err
	}
	rs, ok := st.(claimtrail.RelationStore)
	if !ok {
		return claimtrail.Errorf(claimtrail.EINVALID, "relations: this store does not find relations")
	}
	rels, err := rs.Relations(ctx, claimtrail.RelationFilter{Type: claimtrail.RelationType(c.Type), Cluster: c.Cluster})
	if err != nil {
		return err
	}
	format := c.format(stdout)
	if err := writeList(stdout, format, rels, relationColumns()); err != nil {
		return err
	}
	if len(rels) == 0 && format == formatTable {
		fmt.Fprintln(stderr, "no relations found")
	}
	return nil
}

func relationColumns() []column[claimtrail.Relation] {
	return []column[claimtrail.Relation]{
		{name: "type", value: func(r claimtrail.Relation) string { return string(r.Type) }},
		{name: "confidence", value: func(r claimtrail.Relation) string { return strconv.FormatFloat(r.Confidence, 'f', 2, 64) }},
		{name: "from_speaker", value: func(r claimtrail.Relation) string { return r.From.Speaker }, width: 20},
		{name: "from", value: func(r claimtrail.Relation) string { return r.From.Text }, width: 50},
		{name: "to_speaker", value: func(r claimtrail.Relation) string { return r.To.Speaker }, width: 20},
		{name: "to", value: func(r claimtrail.Relation) string { return r.To.Text }, width: 50},
	}
}
