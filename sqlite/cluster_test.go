package sqlite

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/storetest"
	"github.com/claimtrail/claimtrail/trail"
)

// trailArticle is an article whose text is `Speaker said "quote".`, with
// one direct attribution and, optionally, an "without evidence" marker.
func trailArticle(t *testing.T, url, outlet string, day int, speaker, quote string, unsupported bool) *claimtrail.Article {
	t.Helper()
	text := speaker + " said “" + quote + "”"
	if unsupported {
		text += " without evidence"
	}
	text += "."
	find := func(needle string) claimtrail.Span {
		i := strings.Index(text, needle)
		if i < 0 {
			t.Fatalf("%q not in %q", needle, text)
		}
		s := len([]rune(text[:i]))
		return claimtrail.Span{Start: s, End: s + len([]rune(needle)), Text: needle}
	}
	src, cue := find(speaker), find("said")
	at := claimtrail.Attribution{
		Kind: claimtrail.KindDirect, Source: &src, Cue: &cue,
		Content:     []claimtrail.Span{find(quote)},
		Speaker:     claimtrail.Speaker{Name: speaker, Kind: claimtrail.SpeakerPerson},
		AccordingTo: []string{}, Markers: []claimtrail.Marker{}, Confidence: 0.9,
	}
	if unsupported {
		at.Markers = append(at.Markers, claimtrail.Marker{Type: claimtrail.MarkerUnsupported, Span: find("without evidence")})
	}
	return &claimtrail.Article{
		Source: url, URL: url, Outlet: outlet, Text: text, ExtractorVersion: "v1",
		Published:    time.Date(2026, 4, day, 9, 0, 0, 0, time.UTC),
		Attributions: []claimtrail.Attribution{at},
	}
}

const bridgeQuote = "We will rebuild every crumbling bridge in Ohio by next spring, and the railway too"

func TestUpdateClusters(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	put := func(a *claimtrail.Article) {
		t.Helper()
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	put(trailArticle(t, "https://herald.example/1", "Herald", 3, "Donald Trump", bridgeQuote, false))
	put(trailArticle(t, "https://courier.example/1", "Courier", 2, "Mr. Trump", bridgeQuote+".", true))
	put(trailArticle(t, "https://gazette.example/1", "Gazette", 4, "Mike Pence", "rebuild every crumbling bridge in Ohio", true))
	put(trailArticle(t, "https://post.example/1", "Post", 5, "Jane Roe", "The harbour will reopen by next spring, the mayor promised", false))

	if stale, err := s.ClustersStale(ctx); err != nil || !stale {
		t.Fatalf("ClustersStale = %v, %v before clustering", stale, err)
	}
	u, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Quotes != 4 || u.Clusters != 2 || u.Moved != 4 || u.SpeakersMerged != 1 {
		t.Errorf("first update %+v, want 4 quotes, 2 clusters, 4 moved, 1 speaker merged", u)
	}
	if stale, err := s.ClustersStale(ctx); err != nil || stale {
		t.Fatalf("ClustersStale = %v, %v after clustering", stale, err)
	}
	again, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Moved != 0 || again.Written != 0 || again.Deleted != 0 {
		t.Errorf("second update wrote %+v, want nothing", again)
	}

	cs, next, err := s.Clusters(ctx, claimtrail.ClusterFilter{MinArticles: 2})
	if err != nil || next != "" {
		t.Fatalf("Clusters: %v, next %q", err, next)
	}
	if len(cs) != 1 {
		t.Fatalf("got %d clusters with 2+ articles, want 1", len(cs))
	}
	c := cs[0]
	if c.Articles != 3 || c.Outlets != 3 || c.FirstOutlet != "Courier" || !c.PossibleMisattrib ||
		c.MarkerCounts[claimtrail.MarkerUnsupported] != 2 {
		t.Errorf("summary %+v", c)
	}
	if strings.Join(c.SpeakerNames(), "|") != "Donald Trump|Mike Pence" {
		t.Errorf("speakers %v, want Donald Trump and Mike Pence", c.Speakers)
	}
	// Two of three quotes name Trump: he is the cluster's speaker, with
	// the id and kind of his speaker row, like every speaker listed.
	if c.Speaker.Name != "Donald Trump" || c.Speaker.Kind != claimtrail.SpeakerPerson || c.Speaker.ID == 0 {
		t.Errorf("majority speaker %+v, want Donald Trump, a person with an id", c.Speaker)
	}
	for _, sp := range c.Speakers {
		if sp.ID == 0 || sp.Kind != claimtrail.SpeakerPerson {
			t.Errorf("speaker %+v without id or kind", sp)
		}
	}
	full, err := s.Cluster(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Members) != 3 || full.Members[0].Outlet != "Courier" || full.Members[0].Speaker != "Donald Trump" {
		t.Fatalf("members %+v", full.Members)
	}
	for _, m := range full.Members {
		a, err := s.ArticleBySource(ctx, m.Source)
		if err != nil {
			t.Fatal(err)
		}
		if got := string([]rune(a.Text)[m.Start:m.End]); got != m.Text {
			t.Errorf("member span [%d,%d) of %s is %q, text %q", m.Start, m.End, m.Source, got, m.Text)
		}
	}
	if _, err := s.Cluster(ctx, 12345); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("missing cluster: %v", err)
	}

	// A replaced article leaves its cluster; a new variant joins.
	put(trailArticle(t, "https://gazette.example/1", "Gazette", 4, "Mike Pence", "The harbour will reopen by next spring, the mayor promised", false))
	put(trailArticle(t, "https://times.example/1", "Times", 6, "Donald Trump", "We will rebuild every crumbling bridge in Ohio by next summer, and the railway too", false))
	if stale, _ := s.ClustersStale(ctx); !stale {
		t.Error("not stale after replacing an article")
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	cs, _, err = s.Clusters(ctx, claimtrail.ClusterFilter{MinArticles: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("after replacement: %d clusters with 2+ articles, want 2 (bridge, harbour): %+v", len(cs), cs)
	}
	for _, c := range cs {
		if strings.Contains(c.Text, "bridge") && (c.Articles != 3 || c.PossibleMisattrib) {
			t.Errorf("bridge cluster after replacement %+v", c)
		}
		if strings.Contains(c.Text, "harbour") && (c.Articles != 2 || !c.PossibleMisattrib) {
			t.Errorf("harbour cluster %+v", c)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Clusters != 2 {
		t.Errorf("stats clusters %d, want 2", st.Clusters)
	}
}

func TestClustersFilterAndPages(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	putQuoteCopies(t, ctx, s, storetest.ListingQuotes[:3], []int{1, 2, 3})
	var seen []int
	for _, c := range pageClusters(t, ctx, s, claimtrail.ClusterFilter{Limit: 1}, 10) {
		seen = append(seen, c.Articles)
	}
	if len(seen) != 3 || seen[0] != 3 || seen[1] != 2 || seen[2] != 1 {
		t.Errorf("paged article counts %v, want [3 2 1]", seen)
	}
	got, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{Query: "satellite busan"})
	if err != nil || len(got) != 1 || !strings.Contains(got[0].Text, "Busan") {
		t.Errorf("query: %v %+v", err, got)
	}
	got, _, err = s.Clusters(ctx, claimtrail.ClusterFilter{Speaker: "ann lee"})
	if err != nil || len(got) != 3 {
		t.Errorf("speaker filter: %v, %d clusters", err, len(got))
	}
	for _, bad := range []claimtrail.ClusterFilter{{Limit: -1}, {MinArticles: -2}, {After: "!!"}} {
		if _, _, err := s.Clusters(ctx, bad); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			t.Errorf("filter %+v: %v, want invalid", bad, err)
		}
	}
}

func TestMergeSpeakersWithAliases(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for i, name := range []string{"Donald Trump", "President Trump", "Donald Trump Jr.", "The Donald"} {
		a := trailArticle(t, "https://m.example/"+string(rune('a'+i)), "M", i+1, name, "Quote number "+string(rune('a'+i))+" about tariffs on Chinese steel", false)
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	al, err := trail.ParseAliases(strings.NewReader("Donald Trump\tThe Donald\tQ22686\n"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.MergeSpeakers(ctx, al)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("merged %d speakers, want 2 (President Trump, The Donald)", n)
	}
	sps, err := s.Speakers(ctx, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]claimtrail.SpeakerStat{}
	for _, sp := range sps {
		byName[sp.Name] = sp
	}
	dt, ok := byName["Donald Trump"]
	if !ok || dt.Attributions != 3 || dt.ExternalID != "Q22686" {
		t.Errorf("Donald Trump: %+v (present %v)", dt, ok)
	}
	if _, ok := byName["Donald Trump Jr."]; !ok || len(byName) != 2 {
		t.Errorf("speakers after merge: %v", byName)
	}
	rows, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{Speaker: "President Trump"})
	if err != nil || len(rows) != 3 {
		t.Errorf("quotes by alias President Trump: %v, %d rows", err, len(rows))
	}
}

func TestClustersStaleOnVersionChange(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.PutArticle(ctx, trailArticle(t, "https://v.example/1", "V", 1, "Ann Lee", bridgeQuote, false)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if stale, err := s.ClustersStale(ctx); err != nil || stale {
		t.Fatalf("stale %v, %v right after an update", stale, err)
	}
	if _, err := s.rw.ExecContext(ctx, `UPDATE cluster_meta SET value = 'trail-0' WHERE key = 'version'`); err != nil {
		t.Fatal(err)
	}
	if stale, err := s.ClustersStale(ctx); err != nil || !stale {
		t.Fatalf("stale %v, %v with clusters of another version", stale, err)
	}
}

func TestClusterIDsFromOutsideAreReplaced(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := trailArticle(t, "https://x.example/1", "X", 1, "Ann Lee", bridgeQuote, false)
	a.Attributions[0].ClusterID = 7 // e.g. a gold label carried in by a fixture
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if stale, err := s.ClustersStale(ctx); err != nil || !stale {
		t.Fatalf("stale %v, %v with a cluster id the store did not make", stale, err)
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	cs, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{})
	if err != nil || len(cs) != 1 || cs[0].ID == 7 {
		t.Fatalf("clusters %+v, %v", cs, err)
	}
	rows, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{ClusterID: cs[0].ID})
	if err != nil || len(rows) != 1 {
		t.Errorf("quotes of cluster %d: %d, %v", cs[0].ID, len(rows), err)
	}
}

// TestIncrementalEqualsFresh updates clusters after each of several
// ingests (with a replacement) and compares with one update over the
// final articles.
func TestIncrementalEqualsFresh(t *testing.T) {
	ctx := context.Background()
	type art struct {
		url, outlet string
		day         int
		speaker     string
		quote       string
	}
	first := []art{
		{"https://a.example/1", "A", 1, "Ann Lee", bridgeQuote},
		{"https://b.example/1", "B", 2, "Ann Lee", "rebuild every crumbling bridge in Ohio by next spring"},
		{"https://c.example/1", "C", 3, "Bo Park", "The harbour will reopen by next spring, the mayor promised"},
	}
	second := []art{
		{"https://b.example/1", "B", 2, "Ann Lee", "The lithium mine in Alberta will double its output within ten years"},
		{"https://d.example/1", "D", 4, "Cy Moss", "We will rebuild every crumbling bridge in Ohio by next spring, and the railway too, and the ports"},
		{"https://e.example/1", "E", 5, "Di Ray", "the lithium mine in Alberta will double its output"},
	}
	put := func(s *Store, as []art) {
		for _, a := range as {
			if _, err := s.PutArticle(ctx, trailArticle(t, a.url, a.outlet, a.day, a.speaker, a.quote, false)); err != nil {
				t.Fatal(err)
			}
		}
	}
	list := func(s *Store) string {
		cs, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, c := range cs {
			fmt.Fprintf(&b, "%d %d %q %v\n", c.ID, c.Articles, c.Text, c.Speakers)
		}
		return b.String()
	}
	inc := openTest(t)
	put(inc, first)
	if _, err := inc.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if forms := len(storedLinks(t, inc)); forms != 3 {
		t.Fatalf("%d stored forms, want 3", forms)
	}
	put(inc, second)
	if _, err := inc.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	fresh := openTest(t)
	put(fresh, first[:1])
	put(fresh, first[2:])
	put(fresh, second)
	if _, err := fresh.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if a, b := list(inc), list(fresh); a != b {
		t.Errorf("incremental clusters:\n%s\nfresh clusters:\n%s", a, b)
	}
	if n := strings.Count(list(inc), "\n"); n != 3 {
		t.Errorf("%d clusters, want 3 (bridge, harbour, lithium):\n%s", n, list(inc))
	}
}

// TestConcurrentUpdates runs updates while articles arrive and checks
// that a final update leaves the same phrase graph as a fresh store.
func TestConcurrentUpdates(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	quotes := []string{
		bridgeQuote,
		"rebuild every crumbling bridge in Ohio by next spring",
		"The harbour will reopen by next spring, the mayor promised",
		"the harbour will reopen by next spring",
		"The lithium mine in Alberta will double its output within ten years",
		"lithium mine in Alberta will double its output",
	}
	done := make(chan error, 2)
	go func() {
		for i, q := range quotes {
			a := trailArticle(t, fmt.Sprintf("https://c.example/%d", i), fmt.Sprint("Outlet ", i), i+1, "Ann Lee", q, false)
			if _, err := s.PutArticle(ctx, a); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	go func() {
		for range 5 {
			if _, err := s.UpdateClusters(ctx, nil); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	cs, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{MinArticles: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Errorf("%d clusters with 2 articles, want 3: %+v", len(cs), cs)
	}
	if stale, err := s.ClustersStale(ctx); err != nil || stale {
		t.Errorf("stale %v, %v after the final update", stale, err)
	}
}

func TestClusterRedirectsWhenRootGrows(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	cut := "rebuild every crumbling bridge in Ohio by next spring"
	for i, outlet := range []string{"A", "B"} {
		if _, err := s.PutArticle(ctx, trailArticle(t, "https://r.example/"+outlet, outlet, i+1, "Ann Lee", cut, false)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	before, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{})
	if err != nil || len(before) != 1 {
		t.Fatalf("clusters %+v, %v", before, err)
	}
	// The full quote arrives: a longer root, a new id.
	if _, err := s.PutArticle(ctx, trailArticle(t, "https://r.example/C", "C", 3, "Ann Lee", bridgeQuote, false)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	after, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{})
	if err != nil || len(after) != 1 || after[0].ID == before[0].ID {
		t.Fatalf("after the full quote: %+v, %v (id before %d)", after, err, before[0].ID)
	}
	c, err := s.Cluster(ctx, before[0].ID)
	if err != nil {
		t.Fatalf("old id: %v", err)
	}
	if c.ID != after[0].ID || len(c.Members) != 3 {
		t.Errorf("old id led to cluster %d with %d members, want %d with 3", c.ID, len(c.Members), after[0].ID)
	}
}

// TestClustersListOrder pages through clusters of one, two and three
// articles at every page size, with and without a floor on articles,
// and checks the order against one ORDER BY over the table: the
// listing reads the clusters of two articles or more and those of one
// in two parts (migration 110), each from an index and without a sort,
// those of one from the two parts of the id index (migration 112):
// first all settled, then every other one recent. The clusters of two
// articles tie on their count and are ordered by first seen (newest
// first, undated last, equal ones by id: migration 113), set here
// against their id order.
func TestClustersListOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	quotes := storetest.ListingQuotes
	putQuoteCopies(t, ctx, s, quotes, []int{2, 2, 1, 3, 2, 2, 1})
	var two []int64
	err := s.each(ctx, `SELECT id FROM clusters WHERE articles = 2 ORDER BY id`, nil, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		two = append(two, id)
		return err
	})
	if err != nil || len(two) != 4 {
		t.Fatalf("clusters of two articles %v, %v; want 4", two, err)
	}
	// The last two are the same second: ties by id.
	for i, fs := range []any{nil, "2020-01-01T00:00:00.000000000Z", "2021-06-01T00:00:00.000000000Z", "2021-06-01T00:00:00.900000000Z"} {
		if _, err := s.rw.ExecContext(ctx, `UPDATE clusters SET first_seen = ? WHERE id = ?`, fs, two[i]); err != nil {
			t.Fatal(err)
		}
	}
	if got, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{MinArticles: 2}); err != nil || len(got) != 5 ||
		got[1].ID != two[2] || got[2].ID != two[3] || got[3].ID != two[1] || got[4].ID != two[0] {
		t.Fatalf("clusters of two articles or more %v, %v; want the three-article one, then ids %v by first seen", got, err, []int64{two[2], two[3], two[1], two[0]})
	}
	for _, split := range []bool{false, true} {
		if split {
			if _, err := s.rw.ExecContext(ctx, `UPDATE clusters SET settled = 0 WHERE seq % 2 = 0
				OR seq IN (SELECT seq FROM clusters WHERE articles = 1 ORDER BY id LIMIT 2 OFFSET 1)`); err != nil {
				t.Fatal(err)
			}
			var recent, settled int
			if err := s.ro.QueryRow(`SELECT count(*) FILTER (WHERE settled = 0), count(*) FILTER (WHERE settled = 1) FROM clusters WHERE articles = 1`).Scan(&recent, &settled); err != nil || recent == 0 || settled == 0 {
				t.Fatalf("clusters of one article: %d recent, %d settled, %v", recent, settled, err)
			}
		}
		listedInOrder(t, ctx, s, quotes)
	}
	for _, part := range []string{``, `c.settled = 1`, `c.settled = 0`} {
		q := clusterListSQL([]string{`c.articles >= ?`}, part)
		index := map[string]string{``: "clusters_order", `c.settled = 1`: "clusters_id ", `c.settled = 0`: "clusters_id_recent"}[part]
		if p := queryPlan(t, s, q, 1, 10) + " "; !strings.Contains(p, index) || strings.Contains(p, "TEMP B-TREE") {
			t.Errorf("part %q: plan %q, want %s and no sort", part, p, index)
		}
	}
}

// TestClusterIDLookupPlans: every look-up of a cluster by its public id
// reads the two parts of the id index (migration 112), never a scan of
// the clusters (one per quote in ClustersStale).
func TestClusterIDLookupPlans(t *testing.T) {
	s := openTest(t)
	for _, tc := range []struct {
		name, query string
		args        []any
	}{
		{"seq of id", `SELECT * FROM clusters WHERE seq IN ` + clusterSeqOf, []any{1, 1}},
		{"members of id", `SELECT attribution_id FROM cluster_members WHERE cluster_seq IN ` + clusterSeqOf, []any{1, 1}},
		{"ids", `SELECT seq FROM clusters WHERE id IN (?, ?) AND settled = 0`, []any{1, 2}},
		{"foreign", `SELECT count(*) FROM attributions a WHERE a.cluster_id IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = a.cluster_id AND c.settled = 1)
			AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = a.cluster_id AND c.settled = 0)`, nil},
	} {
		p := queryPlan(t, s, tc.query, tc.args...)
		if regexp.MustCompile(`SCAN (clusters|c)\b`).MatchString(p) || !strings.Contains(p, "clusters_id") {
			t.Errorf("%s: plan %q, want the id index and no scan of clusters", tc.name, p)
		}
	}
}

// listedInOrder is TestClustersListOrder's comparison of the listing
// at every page size with one ORDER BY over the table.
func listedInOrder(t *testing.T, ctx context.Context, s *Store, quotes []string) {
	t.Helper()
	for _, min := range []int{0, 1, 2, 3} {
		var want []int64
		rows, err := s.ro.Query(`SELECT id FROM clusters WHERE articles >= ?
			ORDER BY articles DESC, CASE WHEN articles > 1 THEN unixepoch(first_seen) END DESC, id`, min)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			want = append(want, id)
		}
		rows.Close()
		if min == 0 && len(want) != len(quotes) {
			t.Fatalf("%d clusters, want %d", len(want), len(quotes))
		}
		for limit := 1; limit <= len(quotes)+1; limit++ {
			var got []int64
			for _, c := range pageClusters(t, ctx, s, claimtrail.ClusterFilter{MinArticles: min, Limit: limit}, len(quotes)+1) {
				got = append(got, c.ID)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("min %d limit %d: listed %v, want %v", min, limit, got, want)
			}
		}
	}
}

// queryPlan returns SQLite's plan for query q with args, its steps
// joined by "; ".
func queryPlan(t *testing.T, s *Store, q string, args ...any) string {
	t.Helper()
	rows, err := s.ro.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// pageClusters lists the clusters f selects page by page, following the
// cursor each page returns, and fails the test after maxPages pages (a
// cursor that never ends).
func pageClusters(t *testing.T, ctx context.Context, s *Store, f claimtrail.ClusterFilter, maxPages int) []claimtrail.Cluster {
	t.Helper()
	var all []claimtrail.Cluster
	for pages := 0; ; pages++ {
		if pages >= maxPages {
			t.Fatalf("filter %+v: no end to the pages", f)
		}
		page, next, err := s.Clusters(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if next == "" {
			return all
		}
		f.After = next
	}
}

// putQuoteCopies stores copies[i] articles, from as many outlets on
// successive days, each quoting quotes[i] (Ann Lee's words), and
// clusters them: a cluster of copies[i] articles per quote.
func putQuoteCopies(t *testing.T, ctx context.Context, s *Store, quotes []string, copies []int) {
	t.Helper()
	day := 1
	for i, q := range quotes {
		for k := range copies[i] {
			a := trailArticle(t, fmt.Sprintf("https://o%d-%d.example/", i, k), fmt.Sprintf("Outlet %d", k), day, "Ann Lee", q, false)
			day++
			if _, err := s.PutArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
}

// TestLiveSeqs: the seqs of the live clusters, given in the update's
// order, are found by public id; an id not live is not.
func TestLiveSeqs(t *testing.T) {
	seqs := newLiveSeqs([]int64{42, -7, 9000, 3}, []int64{1, 2, 3, 4})
	for _, tc := range []struct {
		id, seq int64
		live    bool
	}{
		{42, 1, true}, {-7, 2, true}, {9000, 3, true}, {3, 4, true},
		{0, 0, false}, {41, 0, false}, {9001, 0, false}, {-8, 0, false},
	} {
		if seq, live := seqs.of(tc.id); seq != tc.seq || live != tc.live {
			t.Errorf("of(%d) = %d, %v; want %d, %v", tc.id, seq, live, tc.seq, tc.live)
		}
	}
}
