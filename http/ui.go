package http

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"html"
	"html/template"

	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// pageNames are the UI templates; each is parsed together with
// layout.html.
var pageNames = []string{"overview", "search", "article", "speaker", "trail", "clusters", "articles", "speakers", "error", "statement"}

var funcs = template.FuncMap{
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return "date unknown"
		}
		return t.UTC().Format("2 Jan 2006, 15:04 UTC")
	},
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "date unknown"
		}
		return t.UTC().Format("2 Jan 2006")
	},
	"iso":  func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"join": strings.Join,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	},
	// matched is a search's count ("1 quote", "2,345 quotes"), with "+"
	// when the store stopped counting ("10,000+ quotes").
	"matched": func(n int, lowerBound bool, one, many string) string {
		word := many
		if n == 1 && !lowerBound {
			word = one
		}
		plus := ""
		if lowerBound {
			plus = "+"
		}
		return thousands(n) + plus + " " + word
	},
	"content": func(a claimtrail.Attribution) string {
		// Only a direct quote is shown inside quote marks (see style.css).
		if a.Kind == claimtrail.KindDirect {
			return quoteText(a.ContentText())
		}
		return strings.TrimRight(strings.TrimSpace(a.ContentText()), ", ")
	},
	"quote":       quoteText,
	"quoteHTML":   quoteHTML,
	"marked":      markedHTML,
	"speakerPage": hasSpeakerPage,
	"credit":      creditNote,
	"markerLabel": markerLabel,
	"channel": func(c claimtrail.Channel) string {
		if c == "" {
			return "channel unknown"
		}
		return string(c)
	},
}

func mustParsePages() map[string]*template.Template {
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t := template.Must(template.New(name).Funcs(funcs).ParseFS(assetsFS, "assets/templates/layout.html", "assets/templates/partials.html", "assets/templates/"+name+".html"))
		pages[name] = t
	}
	return pages
}

// markerLabel is the reader-facing name of a marker type.
func markerLabel(t claimtrail.MarkerType) string {
	switch t {
	case claimtrail.MarkerUnsupported:
		return "without evidence"
	case claimtrail.MarkerFalse:
		return "called false"
	case claimtrail.MarkerHedged:
		return "hedged"
	case claimtrail.MarkerRetracted:
		return "walked back"
	case claimtrail.MarkerDenied:
		return "denied"
	}
	return string(t)
}

// markedHTML escapes text and wraps the given spans (code-point offsets
// into text, in order) in <mark>.
func markedHTML(text string, spans []claimtrail.Span) template.HTML {
	rs := []rune(text)
	var b strings.Builder
	at := 0
	for _, m := range spans {
		if m.Start < at || m.End > len(rs) || m.Start >= m.End {
			continue
		}
		b.WriteString(html.EscapeString(string(rs[at:m.Start])))
		b.WriteString("<mark>" + html.EscapeString(string(rs[m.Start:m.End])) + "</mark>")
		at = m.End
	}
	b.WriteString(html.EscapeString(string(rs[at:])))
	return template.HTML(b.String())
}

// quoteHTML renders an attribution's own words for display inside <q>:
// its verbatim Quotes (without their marks, so <q> adds the only ones),
// joined with " … ", with the matches (spans of the article text) marked;
// without Quotes, the content as quoteText trims it.
func quoteHTML(a claimtrail.Attribution, matches []claimtrail.Span) template.HTML {
	if len(a.Quotes) == 0 {
		return template.HTML(html.EscapeString(quoteText(a.ContentText())))
	}
	var b strings.Builder
	for i, q := range a.Quotes {
		if i > 0 {
			b.WriteString(" … ")
		}
		var local []claimtrail.Span
		for _, m := range matches {
			if m.Start >= q.Start && m.End <= q.End {
				local = append(local, claimtrail.Span{Start: m.Start - q.Start, End: m.End - q.Start})
			}
		}
		b.WriteString(string(markedHTML(strings.TrimRight(q.Text, ", "), local)))
	}
	return template.HTML(b.String())
}

// creditNote says why a statement is credited to its speaker when the
// text shows no source for it: "" when it has a source span.
func creditNote(a claimtrail.Attribution) string {
	if a.Source != nil {
		return ""
	}
	return creditReason(a)
}

// creditReason is why a statement without a source span has its speaker.
func creditReason(a claimtrail.Attribution) string {
	if slices.Contains(a.Flags, "speaker-from-context") {
		return "speaker from context"
	}
	return "no source named next to it"
}

// quoteText prepares a quote to stand alone inside <q>, which adds its
// own marks: it drops the surrounding quote marks a content span may
// include and the comma a quote carries when cut from "...," she said.
func quoteText(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ", ")
	const open, closing = "\"“‘'«„", "\"”’'»“"
	if r, n := utf8.DecodeRuneInString(s); n > 0 && strings.ContainsRune(open, r) {
		if l, m := utf8.DecodeLastRuneInString(s); m > 0 && len(s) > n && strings.ContainsRune(closing, l) {
			inner := s[n : len(s)-m]
			// Only when the marks enclose the whole quote, not two quotes.
			if !strings.ContainsAny(inner, "“”\"") {
				s = strings.TrimRight(strings.TrimSpace(inner), ", ")
			}
		}
	}
	return s
}

// view is what every page template gets.
type view struct {
	Title string
	Nav   string // the active navigation entry
	Q     string // the search box's text
	Data  any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		s.Logger.Error("render", "page", name, "err", err)
		http.Error(w, "internal error while rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", view{Title: http.StatusText(status), Data: struct {
		Status  int
		Text    string
		Message string
	}{status, http.StatusText(status), msg}})
}

func (s *Server) registerUI() {
	s.handle("GET", "/{$}", s.uiOverview)
	s.handle("GET", "/search", s.uiSearch)
	s.handle("GET", "/articles/{id}", s.uiArticle)
	s.handle("GET", "/speakers/{id}", s.uiSpeaker)
	s.handle("GET", "/articles", s.uiArticles)
	s.handle("GET", "/speakers", s.uiSpeakers)
	s.handle("GET", "/statements", s.uiClusters)
	s.handle("GET", "/clusters", s.uiClusters)
	s.handle("GET", "/clusters/{id}", s.uiTrail)
	s.handle("GET", "/statements/{id}", s.uiStatement)
	static := http.FileServerFS(staticFS())
	s.handle("GET", "/assets/", func(w http.ResponseWriter, r *http.Request) {
		// Files only: the file server would list a directory.
		if strings.HasSuffix(r.URL.Path, "/") {
			s.renderError(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.StripPrefix("/assets/", static).ServeHTTP(w, r)
	})
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if s.methodNotAllowed(w, r) {
			return
		}
		s.renderError(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
}

// overviewData is what the front page shows.
type overviewData struct {
	Stats    claimtrail.Stats
	Clusters []claimtrail.Cluster
	Speakers []claimtrail.SpeakerStat
	Articles []*claimtrail.Article
}

func (s *Server) loadOverview(ctx context.Context) (overviewData, error) {
	var d overviewData
	var err error
	if d.Stats, err = s.stats.get(ctx, s.Store.Stats); err != nil {
		return d, err
	}
	if d.Clusters, _, err = s.Clusters.Clusters(ctx, claimtrail.ClusterFilter{MinArticles: 2, Limit: 8}); err != nil {
		return d, err
	}
	// Most quoted, leaving out unresolved mentions ("he"), which have no
	// page.
	sps, err := s.Store.Speakers(ctx, "", 24)
	if err != nil {
		return d, err
	}
	for _, sp := range sps {
		if hasSpeakerPage(sp.Speaker) && len(d.Speakers) < 8 {
			d.Speakers = append(d.Speakers, sp)
		}
	}
	d.Articles, _, err = s.Store.Articles(ctx, claimtrail.ArticleFilter{Limit: 12})
	return d, err
}

func (s *Server) uiOverview(w http.ResponseWriter, r *http.Request) {
	d, err := s.overview.get(r.Context(), s.loadOverview)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "overview", view{Title: "Overview", Nav: "overview", Data: d})
}

// searchForm is the search page's filters as the user typed them, so the
// form shows them back.
type searchForm struct {
	Q, Speaker, Outlet, Since, Until, Marker, Kind, Channel, In string
	Markers, Kinds                                              []string
}

func (s *Server) uiSearch(w http.ResponseWriter, r *http.Request) {
	q := pageQuery(r)
	form := searchForm{Q: q.str("q"), Speaker: q.str("speaker"), Outlet: q.str("outlet"), Since: q.str("since"),
		Until: q.str("until"), Marker: q.str("marker"), Kind: q.str("kind"), Channel: q.str("channel"),
		In: q.enum("in", []string{"quotes", "articles"}), Markers: markers, Kinds: kinds}
	f := claimtrail.AttributionFilter{
		Speaker: form.Speaker, Outlet: form.Outlet, Since: q.date("since", false), Until: q.date("until", true),
		Kind: claimtrail.Kind(q.enum("kind", kinds)), Marker: claimtrail.MarkerType(q.enum("marker", markers)),
		Channel: form.Channel, After: q.str("after"), Limit: 50,
	}
	data := struct {
		Form     searchForm
		Error    string
		Searched bool
		Articles bool
		Hits     []claimtrail.SearchHit
		Total    int
		AtLeast  bool
		Rows     []claimtrail.AttributionRow
		Next     string
		Paged    bool
	}{Form: form, Articles: form.In == "articles", Paged: f.After != ""}
	status := http.StatusOK
	ctx := r.Context()
	switch {
	case q.err != nil:
		data.Error, status = claimtrail.ErrorMessage(q.err), http.StatusBadRequest
	case form.Q != "":
		data.Searched = true
		f.InArticles = data.Articles
		res, err := s.search(ctx, form.Q, f)
		if err != nil && claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			s.writeError(w, r, err)
			return
		} else if err != nil {
			data.Error, status = claimtrail.ErrorMessage(err), http.StatusBadRequest
		}
		data.Hits, data.Total, data.AtLeast, data.Next = res.Hits, res.Total, res.TotalIsLowerBound, nextURL(r, res.Next)
	case form.Speaker+form.Outlet+form.Since+form.Until+form.Marker+form.Kind+form.Channel != "":
		data.Searched = true
		rows, next, err := s.Store.Attributions(ctx, f)
		if err != nil && claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			s.writeError(w, r, err)
			return
		} else if err != nil {
			data.Error, status = claimtrail.ErrorMessage(err), http.StatusBadRequest
		}
		data.Rows, data.Next = rows, nextURL(r, next)
	}
	s.render(w, r, status, "search", view{Title: "Search", Nav: "search", Q: form.Q, Data: data})
}

// highlightRole orders what a code point belongs to; a later role wins
// where spans overlap (a cue inside a content, say).
const (
	roleNone = iota
	roleContent
	roleSource
	roleCue
)

var roleNames = [...]string{"", "content", "source", "cue"}

// highlightText renders the article text with every attribution's
// source, cue and content as a focusable link and reporter markers
// underlined. Spans are code-point offsets; out-of-range spans are
// clipped rather than trusted.
func highlightText(a *claimtrail.Article) template.HTML {
	runes := []rune(a.Text)
	n := len(runes)
	role := make([]uint8, n)
	owner := make([]int32, n) // attribution index + 1
	marker := make([]claimtrail.MarkerType, n)
	mark := func(sp claimtrail.Span, rl uint8, idx int) {
		for i := max(0, sp.Start); i < min(n, sp.End); i++ {
			if rl >= role[i] {
				role[i], owner[i] = rl, int32(idx+1)
			}
		}
	}
	for i, at := range a.Attributions {
		for _, c := range at.Content {
			mark(c, roleContent, i)
		}
		if at.Source != nil {
			mark(*at.Source, roleSource, i)
		}
		if at.Cue != nil {
			mark(*at.Cue, roleCue, i)
		}
	}
	setMarker := func(m claimtrail.Marker) {
		for i := max(0, m.Start); i < min(n, m.End); i++ {
			marker[i] = m.Type
		}
	}
	for _, at := range a.Attributions {
		for _, m := range at.Markers {
			setMarker(m)
		}
	}
	for _, m := range a.Markers {
		setMarker(m)
	}
	var b strings.Builder
	first := map[int32]bool{}
	for i := 0; i < n; {
		j := i + 1
		for j < n && role[j] == role[i] && owner[j] == owner[i] && marker[j] == marker[i] {
			j++
		}
		text := html.EscapeString(string(runes[i:j]))
		if marker[i] != "" {
			text = fmt.Sprintf(`<mark class="marker" title="reporter marker: %s">%s</mark>`, html.EscapeString(markerLabel(marker[i])), text)
		}
		if role[i] == roleNone {
			b.WriteString(text)
			i = j
			continue
		}
		at := &a.Attributions[owner[i]-1]
		href := "#att-" + strconv.FormatInt(at.ID, 10)
		switch role[i] {
		case roleSource:
			if hasSpeakerPage(at.Speaker) {
				href = "/speakers/" + strconv.FormatInt(at.Speaker.ID, 10)
			}
		case roleContent:
			if at.ClusterID > 0 {
				href = "/clusters/" + strconv.FormatInt(at.ClusterID, 10)
			}
		}
		speaker := cmp.Or(at.Speaker.Name, "unknown speaker")
		label := fmt.Sprintf("%s of a statement by %s", roleNames[role[i]], speaker)
		if role[i] == roleContent && at.Source == nil {
			// No source in the text: say who it is credited to and why.
			label = fmt.Sprintf("content of a statement credited to %s (%s)", speaker, cmp.Or(creditReason(*at), "no source named"))
		}
		plain := html.EscapeString(string(runes[i:j]))
		id := ""
		if !first[owner[i]] {
			first[owner[i]] = true
			id = fmt.Sprintf(` id="hl-%d"`, at.ID)
		}
		// The label holds the plain text: text may carry a marker's <mark>,
		// which inside an attribute would show as raw markup.
		fmt.Fprintf(&b, `<a class="hl hl-%s"%s href="%s" data-att="%d" title="%s" aria-label="%s: %s">%s</a>`,
			roleNames[role[i]], id, html.EscapeString(href), at.ID, html.EscapeString(label), html.EscapeString(label), plain, text)
		i = j
	}
	return template.HTML(b.String())
}

func (s *Server) uiArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "article")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	a, err := s.Store.Article(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "article", view{Title: cmp.Or(a.Title, a.Source), Data: struct {
		Article *claimtrail.Article
		Body    template.HTML
	}{a, highlightText(a)}})
}

// count is a label with how often it occurs, for the speaker page's
// breakdowns.
type count struct {
	Label string
	N     int
	Pct   int // share of the largest count, for bar widths
}

func counted(m map[string]int) []count {
	out := make([]count, 0, len(m))
	top := 0
	for _, n := range m {
		top = max(top, n)
	}
	for k, n := range m {
		out = append(out, count{k, n, n * 100 / max(top, 1)})
	}
	slices.SortFunc(out, func(a, b count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Label, b.Label)) })
	return out
}

// maxSpeakerRows bounds how many statements the speaker page reads.
const maxSpeakerRows = 2000

func (s *Server) uiSpeaker(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "speaker")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ctx := r.Context()
	sp, err := s.Store.Speaker(ctx, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !hasSpeakerPage(sp.Speaker) {
		s.writeError(w, r, claimtrail.Errorf(claimtrail.ENOTFOUND, "%q is not a resolved speaker (an unresolved pronoun or a description), so it has no page", sp.Name))
		return
	}
	var rows []claimtrail.AttributionRow
	skipped := 0
	for after := ""; len(rows) < maxSpeakerRows; {
		page, next, err := s.Store.Attributions(ctx, claimtrail.AttributionFilter{SpeakerID: id, After: after, Limit: maxLimit})
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		for _, row := range page {
			if isStatement(row.Attribution) {
				rows = append(rows, row)
			} else {
				skipped++
			}
		}
		if next == "" {
			break
		}
		after = next
	}
	slices.SortStableFunc(rows, func(a, b claimtrail.AttributionRow) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ID, b.ID))
	})
	channels, outlets, mks, kindsSeen := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, row := range rows {
		channels[cmp.Or(string(row.Channel), "unknown")]++
		outlets[cmp.Or(row.Outlet, "unknown outlet")]++
		kindsSeen[string(row.Kind)]++
		for _, m := range row.Markers {
			mks[markerLabel(m.Type)]++
		}
	}
	s.render(w, r, http.StatusOK, "speaker", view{Title: sp.Name, Data: struct {
		Speaker  *claimtrail.SpeakerStat
		Rows     []claimtrail.AttributionRow
		Chart    template.HTML
		Channels []count
		Outlets  []count
		Markers  []count
		Kinds    []count
		Capped   bool
		Skipped  int
	}{sp, rows, statementsChart(rows), counted(channels), counted(outlets), counted(mks), counted(kindsSeen), len(rows) >= maxSpeakerRows, skipped}})
}

func (s *Server) uiClusters(w http.ResponseWriter, r *http.Request) {
	q := pageQuery(r)
	form := struct {
		Q, Speaker, MinArticles, Outlet, Since, Until, Marker, SpeakerKind string
		Markers, SpeakerKinds                                              []string
	}{q.str("q"), q.str("speaker"), q.str("min_articles"), q.str("outlet"), q.str("since"), q.str("until"),
		q.str("marker"), q.str("speaker_kind"), markers, speakerKinds}
	f := q.clusterFilter()
	f.Limit = 50
	if q.err != nil {
		s.writeError(w, r, q.err)
		return
	}
	cs, next, err := s.Clusters.Clusters(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "clusters", view{Title: "Statements", Nav: "clusters", Data: struct {
		Form     any
		Path     string
		Clusters []claimtrail.Cluster
		Next     string
	}{form, r.URL.Path, cs, nextURL(r, next)}})
}

// trailMember is a cluster member with its rendered diff.
type trailMember struct {
	claimtrail.ClusterMember
	Kind          string // exact, cut, variant
	Diff          template.HTML
	Misattributed bool
	First         bool
}

func (s *Server) uiTrail(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "cluster")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	c, err := s.Clusters.Cluster(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	main := mainSpeaker(c)
	members := make([]trailMember, len(c.Members))
	for i, m := range c.Members {
		ops := wordDiff(c.Text, m.Text)
		members[i] = trailMember{ClusterMember: m, Kind: variantKind(ops), Diff: renderDiff(ops, m.Text),
			Misattributed: c.PossibleMisattrib && m.Speaker != "" && m.Speaker != main}
	}
	firstIdx := firstMember(members)
	if firstIdx >= 0 {
		members[firstIdx].First = true
	}
	outlets := map[string]bool{}
	for _, m := range members {
		outlets[m.Outlet] = true
	}
	markerCounts := map[string]int{}
	for t, n := range c.MarkerCounts {
		markerCounts[markerLabel(t)] = n
	}
	s.render(w, r, http.StatusOK, "trail", view{Title: "Trail: " + truncate(c.Text, 60), Nav: "clusters", Data: struct {
		Cluster     *claimtrail.Cluster
		MainSpeaker string
		Members     []trailMember
		Plot        template.HTML
		Outlets     []string
		Markers     []count
	}{c, main, members, trailPlot(c, members), slices.Sorted(maps.Keys(outlets)), counted(markerCounts)}})
}

// mainSpeaker is the speaker most members name; ties go to the earliest.
func mainSpeaker(c *claimtrail.Cluster) string {
	n := map[string]int{}
	best := ""
	for _, m := range c.Members {
		n[m.Speaker]++
		if n[m.Speaker] > n[best] {
			best = m.Speaker
		}
	}
	return best
}

// firstMember is the earliest member with a known time (members are in
// time order, but a store may put unknown times first).
func firstMember(ms []trailMember) int {
	first := -1
	for i, m := range ms {
		if m.Published.IsZero() {
			continue
		}
		if first < 0 || m.Published.Before(ms[first].Published) {
			first = i
		}
	}
	return first
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// thousands writes n with comma separators (12345 -> "12,345").
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
