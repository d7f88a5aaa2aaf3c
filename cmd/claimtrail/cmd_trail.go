package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// TrailFlags are shared by clusters and trail.
type TrailFlags struct {
	Aliases string `type:"existingfile" placeholder:"FILE" help:"Speaker aliases: TSV (canonical<TAB>alias[<TAB>external id]; !name1<TAB>name2 forbids a merge) or YAML (.yaml/.yml). Merges speakers and re-clusters."`
}

// refreshClusters brings the store's clusters up to date when quotes were
// added or replaced since the last run (or when an aliases file is
// given), so that the commands never show a stale trail.
// cacheReleaser is a store that can give back memory it keeps for speed
// (the SQLite store's page caches).
type cacheReleaser interface {
	ReleaseCaches(ctx context.Context) error
}

func refreshClusters(ctx context.Context, st appStore, aliasesPath string) error {
	var aliases *trail.Aliases
	if aliasesPath != "" {
		var err error
		if aliases, err = trail.LoadAliases(aliasesPath); err != nil {
			return claimtrail.Errorf(claimtrail.EINVALID, "%v", err)
		}
	} else {
		stale, err := st.ClustersPending(ctx)
		if err != nil || !stale {
			return err
		}
	}
	// a command runs once and exits: like a one-shot ingest (the ingest
	// service's finish), the store gives back its page caches before the
	// cluster step, whose peak they would add to
	if r, ok := st.(cacheReleaser); ok {
		if err := r.ReleaseCaches(ctx); err != nil {
			return err
		}
	}
	start := time.Now()
	u, err := st.RefreshClustersWith(ctx, aliases) // also clears the pending record
	if err != nil {
		return err
	}
	if isTerminal(stderr) {
		fmt.Fprintf(stderr, "clustered %d quotes into %d clusters (%d moved, %d speakers merged) in %s\n",
			u.Quotes, u.Clusters, u.Moved, u.SpeakersMerged, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// clusterJSON is a cluster as scripts read it: first_seen is always
// present (null when no member has a date) and speakers is never null.
type clusterJSON struct {
	claimtrail.Cluster
	FirstSeen *time.Time `json:"first_seen"`
}

func toJSON(c claimtrail.Cluster) clusterJSON {
	out := clusterJSON{Cluster: c}
	if !c.FirstSeen.IsZero() {
		t := c.FirstSeen.UTC()
		out.FirstSeen = &t
	}
	if out.Speakers == nil {
		out.Speakers = []claimtrail.Speaker{}
	}
	if out.Members == nil {
		out.Members = []claimtrail.ClusterMember{}
	}
	return out
}

// ClustersCmd lists quote clusters.
type ClustersCmd struct {
	MinArticles int    `name:"min-articles" default:"1" placeholder:"N" help:"Only clusters quoted by at least N articles."`
	Speaker     string `placeholder:"NAME" help:"Only clusters attributed to this speaker (canonical name or alias)."`
	Text        string `placeholder:"WORDS" help:"Only clusters whose canonical text contains these words."`
	Limit       int    `short:"n" default:"0" help:"Clusters to list (0: all)."`
	TrailFlags
	OutputFlags
}

func (c *ClustersCmd) Help() string {
	return `A cluster is one statement followed across articles: every direct or mixed
quote of the same words, cut ("a partial quote"), re-punctuated or with a
word or two changed, joins it. Clusters are listed by the number of
articles quoting them (most first; among equal numbers, the newest first
seen first, undated last, then by id; those of one article by id); json
and jsonl output include every member (its
article's source, start and end in code points, and speaker).

Examples:
  claimtrail clusters --min-articles 3
  claimtrail clusters --output json > clusters.json
  claimtrail clusters --speaker "Donald Trump" --aliases people.tsv`
}

func (c *ClustersCmd) Run(ctx context.Context, g *Globals) error {
	if c.MinArticles < 0 || c.Limit < 0 {
		return claimtrail.Errorf(claimtrail.EINVALID, "--min-articles and --limit must not be negative")
	}
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := refreshClusters(ctx, st, c.Aliases); err != nil {
		return err
	}
	format := c.format(stdout)
	withMembers := format == formatJSON || format == formatJSONL
	var out []clusterJSON
	f := claimtrail.ClusterFilter{MinArticles: c.MinArticles, Speaker: c.Speaker, Query: c.Text}
	for {
		f.Limit = 1000
		if c.Limit > 0 {
			f.Limit = min(1000, c.Limit-len(out))
		}
		page, next, err := st.Clusters(ctx, f)
		if err != nil {
			return err
		}
		for _, cl := range page {
			if withMembers {
				full, err := st.Cluster(ctx, cl.ID)
				if err != nil {
					return err
				}
				cl = *full
			}
			out = append(out, toJSON(cl))
		}
		if next == "" || (c.Limit > 0 && len(out) >= c.Limit) {
			break
		}
		f.After = next
	}
	if err := writeList(stdout, format, out, clusterColumns()); err != nil {
		return err
	}
	if len(out) == 0 && format == formatTable {
		fmt.Fprintln(stderr, "no clusters (ingest articles with direct quotes first)")
	}
	return nil
}

func clusterColumns() []column[clusterJSON] {
	return []column[clusterJSON]{
		{name: "id", value: func(c clusterJSON) string { return strconv.FormatInt(c.ID, 10) }},
		{name: "articles", value: func(c clusterJSON) string { return strconv.Itoa(c.Articles) }},
		{name: "outlets", value: func(c clusterJSON) string { return strconv.Itoa(c.Outlets) }},
		{name: "first_seen", value: func(c clusterJSON) string { return day(c.Cluster.FirstSeen) }},
		{name: "first_outlet", value: func(c clusterJSON) string { return c.FirstOutlet }, width: 18},
		{name: "speakers", value: func(c clusterJSON) string {
			s := strings.Join(c.SpeakerNames(), "; ")
			if c.PossibleMisattrib {
				s += " (possible misattribution)"
			}
			return s
		}, width: 40},
		{name: "markers", value: func(c clusterJSON) string { return markerCounts(c.MarkerCounts) }, width: 30},
		{name: "text", value: func(c clusterJSON) string { return c.Text }, width: 70},
	}
}

// markerCounts renders "unsupported:3 hedged:1" in a fixed type order.
func markerCounts(m map[claimtrail.MarkerType]int) string {
	var parts []string
	for _, t := range claimtrail.MarkerTypes {
		if n := m[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s:%d", t, n))
		}
	}
	return strings.Join(parts, " ")
}

// TrailCmd prints one cluster's timeline.
type TrailCmd struct {
	Quote []string `arg:"" name:"quote-or-cluster" help:"A cluster id, or words of the quote."`
	TrailFlags
	OutputFlags
}

func (c *TrailCmd) Help() string {
	return `Prints every appearance of one statement in time order: when, which
outlet, the exact words it used (with the words that differ from the
canonical form), whom it attributed them to, and how the reporter
qualified them ("without evidence", "falsely", ...). The first line is the
canonical form; a statement attributed to different people by different
outlets is flagged.

Examples:
  claimtrail trail 4471931820871
  claimtrail trail "rebuild every bridge in Ohio"
  claimtrail trail --output json "rebuild every bridge" | jq '.members[].outlet'`
}

func (c *TrailCmd) Run(ctx context.Context, g *Globals) error {
	query := strings.TrimSpace(strings.Join(c.Quote, " "))
	if query == "" {
		return claimtrail.Errorf(claimtrail.EINVALID, "give a cluster id or words of a quote")
	}
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := refreshClusters(ctx, st, c.Aliases); err != nil {
		return err
	}
	id, others, err := findCluster(ctx, st, query)
	if err != nil {
		return err
	}
	cl, err := st.Cluster(ctx, id)
	if err != nil {
		return err
	}
	format := c.format(stdout)
	switch format {
	case formatJSON, formatJSONL:
		if err := writeJSON(stdout, toJSON(*cl), format == formatJSON); err != nil {
			return err
		}
	case formatCSV:
		if err := writeList(stdout, format, cl.Members, memberColumns(false)); err != nil {
			return err
		}
	default:
		writeTrail(stdout, cl, useColor(stdout))
	}
	if len(others) > 0 && isTerminal(stderr) {
		fmt.Fprintln(stderr, "other clusters matching:")
		for _, o := range others {
			fmt.Fprintf(stderr, "  %d  %d articles  %s\n", o.ID, o.Articles, cell(o.Text, 70))
		}
	}
	return nil
}

// findCluster resolves a cluster id, or finds the cluster whose canonical
// text contains the words (most-quoted first), or else the cluster of
// the best full-text hit among quotes. It also returns other candidates.
func findCluster(ctx context.Context, st appStore, query string) (int64, []claimtrail.Cluster, error) {
	if id, err := strconv.ParseInt(query, 10, 64); err == nil {
		if _, err := st.Cluster(ctx, id); err == nil {
			return id, nil, nil
		} else if claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
			return 0, nil, err
		}
	}
	var words []string
	for _, t := range trail.Tokenize(query) {
		if t.Norm != trail.Gap {
			words = append(words, t.Surface)
		}
	}
	if len(words) == 0 {
		return 0, nil, claimtrail.Errorf(claimtrail.EINVALID, "no words in %q", query)
	}
	page, _, err := st.Clusters(ctx, claimtrail.ClusterFilter{Query: strings.Join(words, " "), Limit: 6})
	if err != nil {
		return 0, nil, err
	}
	if len(page) > 0 {
		return page[0].ID, page[1:], nil
	}
	// The words may be in a member's form but not in the canonical one.
	var plain []string
	for _, w := range words {
		if isPlainWord(w) {
			plain = append(plain, w)
		}
	}
	if len(plain) > 0 {
		hits, err := st.Search(ctx, strings.Join(plain, " "), claimtrail.AttributionFilter{Limit: 50})
		if err != nil && claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			return 0, nil, err
		}
		for _, h := range hits {
			if h.ClusterID != 0 {
				return h.ClusterID, nil, nil
			}
		}
	}
	return 0, nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "no cluster with id or words %q (see claimtrail clusters)", query)
}

// isPlainWord: letters and digits only, safe in a full-text query.
func isPlainWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127) {
			return false
		}
	}
	return w != "" && !strings.EqualFold(w, "or") && !strings.EqualFold(w, "not") && !strings.EqualFold(w, "and")
}

// diffText renders a member's differences: "perceives→perceived, +surely".
func diffText(d []claimtrail.WordDiff) string {
	parts := make([]string, 0, len(d))
	for _, w := range d {
		switch w.Op {
		case "replace":
			parts = append(parts, w.Canonical+"→"+w.Variant)
		case "insert":
			parts = append(parts, "+"+w.Variant)
		case "delete":
			parts = append(parts, "−"+w.Canonical)
		}
	}
	return strings.Join(parts, ", ")
}

func memberMarkers(m claimtrail.ClusterMember) string {
	var parts []string
	for _, mk := range m.Markers {
		parts = append(parts, string(mk.Type)+" ("+mk.Text+")")
	}
	return strings.Join(parts, "; ")
}

func memberTime(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.UTC().Format("2006-01-02 15:04")
}

func memberColumns(table bool) []column[claimtrail.ClusterMember] {
	width := func(n int) int {
		if table {
			return n
		}
		return 0
	}
	return []column[claimtrail.ClusterMember]{
		{name: "time", value: func(m claimtrail.ClusterMember) string { return memberTime(m.Published) }},
		{name: "outlet", value: func(m claimtrail.ClusterMember) string { return m.Outlet }, width: width(18)},
		{name: "speaker", value: func(m claimtrail.ClusterMember) string {
			if m.Speaker == "" {
				return "(unknown)"
			}
			return m.Speaker
		}, width: width(22)},
		{name: "markers", value: memberMarkers, width: width(30)},
		{name: "quote", value: func(m claimtrail.ClusterMember) string { return trail.DisplayText(trail.QuotedText(m.Text)) }, width: width(80)},
		{name: "changes", value: func(m claimtrail.ClusterMember) string { return diffText(m.Diff) }, width: width(40)},
		{name: "source", value: func(m claimtrail.ClusterMember) string {
			return m.Source + ":" + strconv.Itoa(m.Start) + "-" + strconv.Itoa(m.End)
		}},
	}
}

// writeTrail prints the cluster's header and its timeline for a reader.
func writeTrail(w io.Writer, c *claimtrail.Cluster, color bool) {
	bold, warn, reset := "", "", ""
	if color {
		bold, warn, reset = "\x1b[1m", "\x1b[1;31m", "\x1b[0m"
	}
	fmt.Fprintf(w, "%s“%s”%s\n", bold, c.Text, reset)
	speakers := strings.Join(c.SpeakerNames(), ", ")
	if speakers == "" {
		speakers = "(unknown)"
	}
	fmt.Fprintf(w, "cluster %d · said by %s", c.ID, speakers)
	if c.PossibleMisattrib {
		fmt.Fprintf(w, " %s· possible misattribution%s", warn, reset)
	}
	fmt.Fprintln(w)
	first := "undated"
	if !c.FirstSeen.IsZero() {
		first = memberTime(c.FirstSeen)
	}
	fmt.Fprintf(w, "first seen %s in %s · %d articles, %d outlets, %d quotes\n", first, orUnknown(c.FirstOutlet), c.Articles, c.Outlets, len(c.Members))
	if m := markerCounts(c.MarkerCounts); m != "" {
		var parts []string
		for _, p := range strings.Fields(m) {
			t, n, _ := strings.Cut(p, ":")
			unit := "outlets say"
			if n == "1" {
				unit = "outlet says"
			}
			parts = append(parts, fmt.Sprintf("%s %s %s", n, unit, t))
		}
		fmt.Fprintf(w, "%s\n", strings.Join(parts, " · "))
	}
	fmt.Fprintln(w)
	if err := writeList(w, formatTable, c.Members, memberColumns(true)); err != nil {
		fmt.Fprintln(w, err)
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "an unknown outlet"
	}
	return s
}
