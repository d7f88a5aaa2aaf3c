package trail

import (
	"encoding/json"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
)

// schemaProps is the part of the schema.org vocabulary the drafts use:
// per type, each allowed property (its own and inherited from
// CreativeWork and Thing) with the kind of value it expects. From the
// schema.org pages of ClaimReview, Review, Claim, CreativeWork, Thing,
// Person and Organization.
var schemaProps = map[string]map[string]string{
	"ClaimReview": {"claimReviewed": "Text", "itemReviewed": "Thing", "reviewRating": "Rating", "author": "Agent",
		"datePublished": "Date", "url": "URL", "name": "Text", "headline": "Text", "publisher": "Agent", "text": "Text"},
	"Claim": {"appearance": "CreativeWork", "firstAppearance": "CreativeWork", "claimInterpreter": "Agent",
		"author": "Agent", "datePublished": "Date", "url": "URL", "name": "Text", "headline": "Text", "publisher": "Agent", "text": "Text"},
	"CreativeWork": {"author": "Agent", "datePublished": "Date", "url": "URL", "name": "Text", "headline": "Text",
		"publisher": "Agent", "text": "Text"},
	"Person":       {"name": "Text", "url": "URL", "sameAs": "URL"},
	"Organization": {"name": "Text", "url": "URL", "sameAs": "URL"},
}

// subtypes: which types satisfy an expected type.
var schemaSubtypes = map[string][]string{
	"Thing":        {"Claim", "CreativeWork", "ClaimReview", "Person", "Organization"},
	"CreativeWork": {"CreativeWork", "Claim", "ClaimReview"},
	"Agent":        {"Person", "Organization"},
}

// checkSchema validates a JSON-LD node against schemaProps.
func checkSchema(path string, v any, want string) error {
	switch want {
	case "Text":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want text, got %T", path, v)
		}
		return nil
	case "URL":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: want a URL, got %T", path, v)
		}
		if u, err := url.Parse(s); err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("%s: %q is not an absolute URL", path, s)
		}
		return nil
	case "Date":
		s, _ := v.(string)
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			if _, err := time.Parse("2006-01-02", s); err != nil {
				return fmt.Errorf("%s: %q is not an ISO 8601 date", path, s)
			}
		}
		return nil
	}
	if list, ok := v.([]any); ok {
		for i, x := range list {
			if err := checkSchema(fmt.Sprintf("%s[%d]", path, i), x, want); err != nil {
				return err
			}
		}
		return nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: want a %s object, got %T", path, want, v)
	}
	typ, _ := obj["@type"].(string)
	props, known := schemaProps[typ]
	if !known {
		return fmt.Errorf("%s: unknown type %q", path, typ)
	}
	okType := typ == want
	for _, t := range schemaSubtypes[want] {
		okType = okType || t == typ
	}
	if !okType {
		return fmt.Errorf("%s: %s where %s is expected", path, typ, want)
	}
	for k, x := range obj {
		if k == "@type" || k == "@context" {
			continue
		}
		exp, ok := props[k]
		if !ok {
			return fmt.Errorf("%s: %s has no property %q", path, typ, k)
		}
		if err := checkSchema(path+"."+k, x, exp); err != nil {
			return err
		}
	}
	return nil
}

func TestClaimReviewSchema(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	c := &claimtrail.Cluster{ID: 7, Text: "The docks are paying for themselves", Members: []claimtrail.ClusterMember{
		{ArticleID: 2, Source: "https://tribune.example/b", Outlet: "Coast Tribune", Published: day(3), Speaker: "Elena Reyes"},
		{ArticleID: 1, Source: "https://ledger.example/a", Outlet: "Harbor Ledger", Published: day(2), Speaker: "Elena Reyes"},
		{ArticleID: 1, Source: "https://ledger.example/a", Outlet: "Harbor Ledger", Published: day(2), Speaker: "Elena Reyes"},
		{ArticleID: 3, Source: "https://post.example/c", Outlet: "Bay Post", Published: day(4), Speaker: "Tom Adeyemi"},
	}}
	d := ClaimReviewOf(c, nil, nil)
	raw, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if v["@context"] != "https://schema.org" {
		t.Errorf("@context %v", v["@context"])
	}
	if err := checkSchema("$", v, "ClaimReview"); err != nil {
		t.Errorf("draft does not follow schema.org: %v\n%s", err, raw)
	}
	if _, ok := v["reviewRating"]; ok {
		t.Errorf("the rating is the fact-checker's to give: %s", raw)
	}
	ir := d.ItemReviewed
	if len(ir.Appearance) != 3 || ir.FirstAppearance == nil || ir.FirstAppearance.URL != "https://ledger.example/a" {
		t.Errorf("appearances %+v, first %+v: want one per article, the earliest first", ir.Appearance, ir.FirstAppearance)
	}
	if ir.Author == nil || ir.Author.Name != "Elena Reyes" || ir.Author.Type != "Person" {
		t.Errorf("author %+v, want the majority speaker as a Person", ir.Author)
	}
	// The checker itself rejects what schema.org does not define.
	bad := map[string]any{"@type": "ClaimReview", "claimReviewed": "x", "itemReviewed": map[string]any{"@type": "Claim", "speaker": "x"}}
	if checkSchema("$", bad, "ClaimReview") == nil {
		t.Error("checker accepted Claim.speaker, which schema.org does not define")
	}
}
