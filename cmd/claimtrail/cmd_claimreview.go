package main

import (
	"context"
	"fmt"
	"io"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
	"github.com/claimtrail/claimtrail/trail"
)

// ClaimReviewFlags choose the statements `export --format claimreview`
// drafts reviews of.
type ClaimReviewFlags struct {
	Statement   []int64 `placeholder:"CLUSTER-ID" help:"With --format claimreview: the statements (cluster ids) to draft reviews of; repeat or separate with commas."`
	MinArticles int     `name:"min-articles" default:"2" placeholder:"N" help:"With --format claimreview and no --statement: every cluster quoted by at least N articles."`
}

// exportClaimReview writes a JSON array of schema.org ClaimReview drafts
// (see trail.ClaimReviewOf): the claim, its author, every article that
// carried it with URL and date, the first of them; no rating.
func exportClaimReview(ctx context.Context, st *sqlite.Store, w io.Writer, f ClaimReviewFlags) error {
	if err := refreshClusters(ctx, st, ""); err != nil {
		return err
	}
	ids := f.Statement
	if len(ids) == 0 {
		cf := claimtrail.ClusterFilter{MinArticles: max(1, f.MinArticles), Limit: 1000}
		for {
			page, next, err := st.Clusters(ctx, cf)
			if err != nil {
				return err
			}
			for _, c := range page {
				ids = append(ids, c.ID)
			}
			if next == "" {
				break
			}
			cf.After = next
		}
	}
	articles := map[int64]*claimtrail.Article{}
	appear := func(m claimtrail.ClusterMember) trail.Appearance {
		a, ok := articles[m.ArticleID]
		if !ok {
			a, _ = st.Article(ctx, m.ArticleID) // a missing article keeps its source
			articles[m.ArticleID] = a
		}
		if a == nil {
			return trail.Appearance{URL: m.Source}
		}
		u := a.URL
		if u == "" {
			u = a.Source
		}
		return trail.Appearance{URL: u, Headline: a.Title}
	}
	kinds := map[string]claimtrail.SpeakerKind{}
	kindOf := func(name string) claimtrail.SpeakerKind {
		if k, ok := kinds[name]; ok {
			return k
		}
		k := claimtrail.SpeakerUnknown
		if sp, err := st.Speakers(ctx, name, 5); err == nil {
			for _, s := range sp {
				if s.Name == name {
					k = s.Kind
				}
			}
		}
		kinds[name] = k
		return k
	}
	drafts := []trail.ClaimReviewDraft{}
	for _, id := range ids {
		c, err := st.Cluster(ctx, id)
		if err != nil {
			return fmt.Errorf("claimreview cluster %d: %w", id, err)
		}
		drafts = append(drafts, trail.ClaimReviewOf(c, appear, kindOf))
	}
	return writeJSON(w, drafts, true)
}
