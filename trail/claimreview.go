package trail

import (
	"cmp"
	"slices"
	"time"

	"github.com/claimtrail/claimtrail"
)

// ClaimReview drafts: a fact-checker reviewing a statement publishes
// schema.org ClaimReview markup. The draft fills what claimtrail knows
// (the claim's words, who said it, every article that carried it and
// when, the first of them) and leaves the verdict (reviewRating), the
// reviewer (author) and the review's own URL and date to the
// fact-checker.

// Thing is a schema.org Person or Organization, by name.
type Thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// Work is a schema.org CreativeWork where a claim appeared.
type Work struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Headline      string `json:"headline,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	Publisher     *Thing `json:"publisher,omitempty"`
}

// Claim is a schema.org Claim: the statement reviewed.
type Claim struct {
	Type            string `json:"@type"`
	Text            string `json:"text"`
	Author          *Thing `json:"author,omitempty"`
	DatePublished   string `json:"datePublished,omitempty"`
	FirstAppearance *Work  `json:"firstAppearance,omitempty"`
	Appearance      []Work `json:"appearance"`
}

// ClaimReviewDraft is a schema.org ClaimReview without its rating.
type ClaimReviewDraft struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	ClaimReviewed string `json:"claimReviewed"`
	ItemReviewed  Claim  `json:"itemReviewed"`
}

// Appearance is what a draft needs to know of one member's article.
type Appearance struct {
	URL      string
	Headline string
}

// MajoritySpeaker is the speaker most members of a cluster are
// attributed to (ties: the name first in order); "" when none is known.
func MajoritySpeaker(c *claimtrail.Cluster) string {
	counts := map[string]int{}
	for _, m := range c.Members {
		if m.Speaker != "" {
			counts[m.Speaker]++
		}
	}
	best, n := "", 0
	for s, k := range counts {
		if k > n || k == n && s < best {
			best, n = s, k
		}
	}
	return best
}

// ClaimReviewOf drafts the review of one cluster (with its members):
// one appearance per article, in time order, the first as
// firstAppearance. appear gives each member's article URL and headline
// (a member without a URL keeps its source); kindOf gives a speaker's
// kind (nil: a person).
func ClaimReviewOf(c *claimtrail.Cluster, appear func(claimtrail.ClusterMember) Appearance, kindOf func(string) claimtrail.SpeakerKind) ClaimReviewDraft {
	d := ClaimReviewDraft{Context: "https://schema.org", Type: "ClaimReview", ClaimReviewed: c.Text,
		ItemReviewed: Claim{Type: "Claim", Text: c.Text, Appearance: []Work{}}}
	if s := MajoritySpeaker(c); s != "" {
		t := "Person"
		if kindOf != nil && kindOf(s) != claimtrail.SpeakerPerson && kindOf(s) != claimtrail.SpeakerUnknown {
			t = "Organization"
		}
		d.ItemReviewed.Author = &Thing{Type: t, Name: s}
	}
	members := slices.Clone(c.Members)
	slices.SortStableFunc(members, func(a, b claimtrail.ClusterMember) int {
		if az, bz := a.Published.IsZero(), b.Published.IsZero(); az != bz {
			if az {
				return 1
			}
			return -1
		}
		if x := a.Published.Compare(b.Published); x != 0 {
			return x
		}
		return cmp.Compare(a.ArticleID, b.ArticleID)
	})
	seen := map[int64]bool{}
	for _, m := range members {
		if seen[m.ArticleID] {
			continue
		}
		seen[m.ArticleID] = true
		a := Appearance{URL: m.Source}
		if appear != nil {
			a = appear(m)
		}
		w := Work{Type: "CreativeWork", URL: a.URL, Headline: a.Headline}
		if !m.Published.IsZero() {
			w.DatePublished = m.Published.UTC().Format(time.RFC3339)
		}
		if m.Outlet != "" {
			w.Publisher = &Thing{Type: "Organization", Name: m.Outlet}
		}
		d.ItemReviewed.Appearance = append(d.ItemReviewed.Appearance, w)
	}
	if len(d.ItemReviewed.Appearance) > 0 {
		first := d.ItemReviewed.Appearance[0]
		d.ItemReviewed.FirstAppearance = &first
		d.ItemReviewed.DatePublished = first.DatePublished
	}
	return d
}
