package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// QuoteFilterFlags are the filters of quotes and export.
type QuoteFilterFlags struct {
	Speaker string `help:"Speaker's canonical name or an alias (case-insensitive)." placeholder:"NAME"`
	Outlet  string `help:"Outlet name (case-insensitive)." placeholder:"X"`
	Since   string `help:"Published on or after DATE (2024-03-01, 2024-03, 2024 or RFC 3339)." placeholder:"DATE"`
	Until   string `help:"Published up to DATE, inclusive for a day, month or year (2024-03 includes all of March)." placeholder:"DATE"`
	Kind    string `help:"direct, indirect or mixed." placeholder:"KIND"`
	Marker  string `help:"Reporter's qualification: unsupported, false, hedged, retracted or denied." placeholder:"TYPE"`
	Channel string `help:"Medium: Twitter, interview, statement, ... (case-insensitive)." placeholder:"X"`
	Article string `help:"Only this article (id, URL or source)." placeholder:"ARTICLE"`
	Cluster int64  `help:"Only quotes of this cluster (see claimtrail clusters)." placeholder:"ID"`
}

// filter turns the flags into a store filter.
func (q QuoteFilterFlags) filter(ctx context.Context, st claimtrail.Store) (claimtrail.AttributionFilter, error) {
	f := claimtrail.AttributionFilter{
		Speaker:   q.Speaker,
		Outlet:    q.Outlet,
		Kind:      claimtrail.Kind(strings.ToLower(q.Kind)),
		Marker:    claimtrail.MarkerType(strings.ToLower(q.Marker)),
		Channel:   q.Channel,
		ClusterID: q.Cluster,
	}
	var err error
	if f.Since, err = parseDate(q.Since, false); err != nil {
		return f, err
	}
	if f.Until, err = parseDate(q.Until, true); err != nil {
		return f, err
	}
	if q.Article != "" {
		a, err := st.ArticleBySource(ctx, q.Article)
		if err != nil {
			return f, err
		}
		f.ArticleID = a.ID
	}
	return f, nil
}

// parseDate reads a --since or --until date. A date without a time means
// its start for --since; for --until it means its end (the start of the
// next day, month or year), since the store's Until is exclusive.
func parseDate(s string, until bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	for _, d := range []struct {
		layout     string
		y, m, days int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if t, err := time.Parse(d.layout, s); err == nil {
			if until {
				t = t.AddDate(d.y, d.m, d.days)
			}
			return t, nil
		}
	}
	return time.Time{}, claimtrail.Errorf(claimtrail.EINVALID, "cannot read date %q (want 2024-03-01, 2024-03, 2024 or RFC 3339)", s)
}

// quoteColumns render attribution rows in tables and CSV.
func quoteColumns() []column[claimtrail.AttributionRow] {
	return []column[claimtrail.AttributionRow]{
		{name: "id", value: func(r claimtrail.AttributionRow) string { return strconv.FormatInt(r.ID, 10) }},
		{name: "date", value: func(r claimtrail.AttributionRow) string { return day(r.Published) }},
		{name: "outlet", value: func(r claimtrail.AttributionRow) string { return r.Outlet }, width: 18},
		{name: "speaker", value: func(r claimtrail.AttributionRow) string { return speakerName(r.Attribution) }, width: 22},
		{name: "kind", value: func(r claimtrail.AttributionRow) string { return string(r.Kind) }},
		{name: "cue", value: func(r claimtrail.AttributionRow) string { return spanText(r.Cue) }, width: 16},
		{name: "quote", value: func(r claimtrail.AttributionRow) string { return r.ContentText() }, width: 70},
		{name: "channel", value: func(r claimtrail.AttributionRow) string { return string(r.Channel) }, width: 16},
		{name: "markers", value: func(r claimtrail.AttributionRow) string { return markerTypes(r.Markers) }},
	}
}

// exportColumns are every field of a row, for CSV export.
var exportColumns = []column[claimtrail.AttributionRow]{
	{name: "id", value: func(r claimtrail.AttributionRow) string { return strconv.FormatInt(r.ID, 10) }},
	{name: "article_id", value: func(r claimtrail.AttributionRow) string { return strconv.FormatInt(r.ArticleID, 10) }},
	{name: "article_source", value: func(r claimtrail.AttributionRow) string { return r.ArticleSource }},
	{name: "url", value: func(r claimtrail.AttributionRow) string { return r.URL }},
	{name: "outlet", value: func(r claimtrail.AttributionRow) string { return r.Outlet }},
	{name: "published", value: func(r claimtrail.AttributionRow) string { return timestamp(r.Published) }},
	{name: "title", value: func(r claimtrail.AttributionRow) string { return r.Title }},
	{name: "kind", value: func(r claimtrail.AttributionRow) string { return string(r.Kind) }},
	{name: "speaker", value: func(r claimtrail.AttributionRow) string { return r.Speaker.Name }},
	{name: "speaker_id", value: func(r claimtrail.AttributionRow) string { return idText(r.Speaker.ID) }},
	{name: "speaker_kind", value: func(r claimtrail.AttributionRow) string { return string(r.Speaker.Kind) }},
	{name: "source_text", value: func(r claimtrail.AttributionRow) string { return spanText(r.Source) }},
	{name: "source_start", value: func(r claimtrail.AttributionRow) string { return spanStart(r.Source) }},
	{name: "source_end", value: func(r claimtrail.AttributionRow) string { return spanEnd(r.Source) }},
	{name: "cue_text", value: func(r claimtrail.AttributionRow) string { return spanText(r.Cue) }},
	{name: "cue_start", value: func(r claimtrail.AttributionRow) string { return spanStart(r.Cue) }},
	{name: "cue_end", value: func(r claimtrail.AttributionRow) string { return spanEnd(r.Cue) }},
	{name: "content", value: func(r claimtrail.AttributionRow) string { return r.ContentText() }},
	{name: "content_spans", value: func(r claimtrail.AttributionRow) string {
		parts := make([]string, len(r.Content))
		for i, c := range r.Content {
			parts[i] = fmt.Sprintf("%d-%d", c.Start, c.End)
		}
		return strings.Join(parts, ";")
	}},
	{name: "channel", value: func(r claimtrail.AttributionRow) string { return string(r.Channel) }},
	{name: "according_to", value: func(r claimtrail.AttributionRow) string { return strings.Join(r.AccordingTo, "; ") }},
	{name: "markers", value: func(r claimtrail.AttributionRow) string {
		parts := make([]string, len(r.Markers))
		for i, m := range r.Markers {
			parts[i] = fmt.Sprintf("%s:%s", m.Type, m.Text)
		}
		return strings.Join(parts, "; ")
	}},
	{name: "confidence", value: func(r claimtrail.AttributionRow) string { return strconv.FormatFloat(r.Confidence, 'f', 3, 64) }},
	{name: "flags", value: func(r claimtrail.AttributionRow) string { return strings.Join(r.Flags, ";") }},
	{name: "cluster_id", value: func(r claimtrail.AttributionRow) string { return idText(r.ClusterID) }},
}

func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func speakerName(a claimtrail.Attribution) string {
	if a.Speaker.Name != "" {
		return a.Speaker.Name
	}
	if a.Source != nil {
		return a.Source.Text
	}
	return "(unknown)"
}

func spanText(s *claimtrail.Span) string {
	if s == nil {
		return ""
	}
	return s.Text
}

func spanStart(s *claimtrail.Span) string {
	if s == nil {
		return ""
	}
	return strconv.Itoa(s.Start)
}

func spanEnd(s *claimtrail.Span) string {
	if s == nil {
		return ""
	}
	return strconv.Itoa(s.End)
}

func markerTypes(ms []claimtrail.Marker) string {
	seen := map[claimtrail.MarkerType]bool{}
	var out []string
	for _, m := range ms {
		if !seen[m.Type] {
			seen[m.Type] = true
			out = append(out, string(m.Type))
		}
	}
	return strings.Join(out, ",")
}

// moreHint tells a person at a terminal how to get the next page; scripts
// (stderr not a terminal) get nothing.
func moreHint(next string) {
	if next != "" && isTerminal(stderr) {
		fmt.Fprintf(stderr, "more: add --after %s\n", next)
	}
}

// QuotesCmd lists stored attributions.
type QuotesCmd struct {
	QuoteFilterFlags
	OutputFlags
	Limit int    `short:"n" default:"50" help:"Rows per page (1–1000)."`
	After string `help:"Cursor from the previous page ('more: --after ...')." placeholder:"CURSOR"`
}

func (c *QuotesCmd) Help() string {
	return `Rows are ordered by the article's publication time (undated last), then by
position in the article; the order is stable, so --after pages through a
listing exactly once.

Examples:
  claimtrail quotes --speaker "Donald Trump" --since 2018-07 --kind direct
  claimtrail quotes --outlet "Harbor Daily" --marker unsupported --output csv > q.csv`
}

func (c *QuotesCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := c.filter(ctx, st)
	if err != nil {
		return err
	}
	f.Limit, f.After = c.Limit, c.After
	rows, next, err := st.Attributions(ctx, f)
	if err != nil {
		return err
	}
	format := c.format(stdout)
	if err := writeList(stdout, format, rows, quoteColumns()); err != nil {
		return err
	}
	moreHint(next)
	return nil
}

// SearchCmd is a full-text search over quotes (or articles).
type SearchCmd struct {
	Query    []string `arg:"" help:"The query: words, \"a phrase\", prefix*, OR, NOT or -word, NEAR(a b), ( )."`
	Articles bool     `help:"Search article titles and texts instead of quotes."`
	QuoteFilterFlags
	OutputFlags
	Limit int    `short:"n" default:"20" help:"Hits per page (1–1000)."`
	After string `help:"Cursor from the previous page ('more: --after ...')." placeholder:"CURSOR"`
}

// searchHelp documents the query language; the README, the API and the
// web UI's help say the same (see package query).
const searchHelp = `Query language (the same in the CLI, the API and the web UI):
  pay twice          both words (AND is implied; words match by stem:
                     "volume" finds "volumes"; the speaker's name counts)
  "act of God"       the words together, in this order
  rebuil*            words starting with rebuil (3 letters or more before *)
  Blair OR Brown     either word
  Blair -Brown       Blair but not Brown; also: Blair NOT Brown
  NOT Blair          every quote without Blair (newest first)
  NEAR(Blair Brown)  both within 10 words; NEAR(Blair Brown, 5)
  (tax OR levy) rise parentheses group
Operators are written in capitals. Other punctuation splits words, so
pasted text works: Smith (R-Texas) said. In a shell, quote a query that has
-word, parentheses or "phrases": claimtrail search 'Blair -Brown'. A query may have at most 32
words, 4 prefixes and 1,000 characters; a search running over 3 s stops
with an error asking for a narrower query.

Hits come best match first; a query matching more than 10,000 quotes (or
articles) lists them newest first instead. Matches are shown [like this]
in the table; json and jsonl give "snippet" as plain text with "matches"
as code-point offsets into it (and for quotes "content_matches" as offsets
into the article). Quote filters (--speaker, --since, ...) narrow the
hits; --limit and --after page through them.`

func (c *SearchCmd) Help() string {
	return searchHelp + `

Examples:
  claimtrail search "bridge will be rebuilt"
  claimtrail search trump wall --since 2018
  claimtrail search 'Blair -Brown' --limit 50
  claimtrail search --articles '"press conference" NOT sport'`
}

func (c *SearchCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := c.filter(ctx, st)
	if err != nil {
		return err
	}
	f.Limit, f.After, f.InArticles = c.Limit, c.After, c.Articles
	res, err := st.SearchPage(ctx, strings.Join(c.Query, " "), f)
	if err != nil {
		return err
	}
	hits := res.Hits
	format := c.format(stdout)
	color := format == formatTable && useColor(stdout)
	snippet := func(h claimtrail.SearchHit) string {
		open, closing := "[", "]"
		if color {
			// Highlight after cutting to width would be nicer, but cell
			// counts escape codes; snippets are short enough to show whole.
			open, closing = "\x1b[1;33m", "\x1b[0m"
		}
		return strings.Join(strings.Fields(h.MarkedSnippet(open, closing)), " ")
	}
	if c.Articles {
		if format == formatJSON || format == formatJSONL {
			arts := make([]claimtrail.ArticleHit, len(hits))
			for i, h := range hits {
				arts[i] = h.ArticleHit()
			}
			if err := writeList(stdout, format, arts, nil); err != nil {
				return err
			}
			searchFooter(res, format)
			return nil
		}
	}
	var cols []column[claimtrail.SearchHit]
	if c.Articles {
		cols = []column[claimtrail.SearchHit]{
			{name: "article", value: func(h claimtrail.SearchHit) string { return strconv.FormatInt(h.ArticleID, 10) }},
			{name: "date", value: func(h claimtrail.SearchHit) string { return day(h.Published) }},
			{name: "outlet", value: func(h claimtrail.SearchHit) string { return h.Outlet }, width: 18},
			{name: "title", value: func(h claimtrail.SearchHit) string { return h.Title }, width: 40},
			{name: "snippet", value: snippet},
		}
	} else {
		cols = []column[claimtrail.SearchHit]{
			{name: "id", value: func(h claimtrail.SearchHit) string { return strconv.FormatInt(h.ID, 10) }},
			{name: "date", value: func(h claimtrail.SearchHit) string { return day(h.Published) }},
			{name: "outlet", value: func(h claimtrail.SearchHit) string { return h.Outlet }, width: 18},
			{name: "speaker", value: func(h claimtrail.SearchHit) string { return speakerName(h.Attribution) }, width: 22},
			{name: "snippet", value: snippet},
		}
	}
	if err := writeList(stdout, format, hits, cols); err != nil {
		return err
	}
	searchFooter(res, format)
	return nil
}

// searchFooter tells a person at a terminal how many matched and how to
// get the next page.
func searchFooter(res claimtrail.SearchResult, format string) {
	if len(res.Hits) == 0 && format == formatTable {
		fmt.Fprintln(stderr, "no matches")
		return
	}
	if isTerminal(stderr) {
		fmt.Fprintf(stderr, "%d shown of %d matching\n", len(res.Hits), res.Total)
	}
	moreHint(res.Next)
}

// SpeakersCmd lists speakers with counts and aliases.
type SpeakersCmd struct {
	Name string `arg:"" optional:"" help:"Only speakers whose name or an alias contains NAME."`
	Kind string `enum:",person,organization,group,unknown" default:"" help:"Only speakers of this kind: person, organization, group or unknown." placeholder:"KIND"`
	OutputFlags
	Limit int    `short:"n" default:"50" help:"Speakers per page (1–1000)."`
	After string `help:"Cursor from the previous page ('more: --after ...')." placeholder:"CURSOR"`
}

func (c *SpeakersCmd) Help() string {
	return `Most quoted first, then by name; --limit and --after page through all.

Examples:
  claimtrail speakers
  claimtrail speakers --kind organization --limit 100
  claimtrail speakers trump --output json`
}

func (c *SpeakersCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	lister, ok := st.(claimtrail.SpeakerLister)
	if !ok {
		return claimtrail.Errorf(claimtrail.EINVALID, "speakers needs a store that pages speakers (SQLite for now)")
	}
	speakers, next, err := lister.SpeakerPage(ctx, claimtrail.SpeakerFilter{Name: c.Name, Kind: claimtrail.SpeakerKind(c.Kind), After: c.After, Limit: c.Limit})
	if err != nil {
		return err
	}
	defer moreHint(next)
	return writeList(stdout, c.format(stdout), speakers, []column[claimtrail.SpeakerStat]{
		{name: "id", value: func(s claimtrail.SpeakerStat) string { return strconv.FormatInt(s.ID, 10) }},
		{name: "name", value: func(s claimtrail.SpeakerStat) string { return s.Name }, width: 30},
		{name: "kind", value: func(s claimtrail.SpeakerStat) string { return string(s.Kind) }},
		{name: "quotes", value: func(s claimtrail.SpeakerStat) string { return strconv.Itoa(s.Attributions) }},
		{name: "articles", value: func(s claimtrail.SpeakerStat) string { return strconv.Itoa(s.Articles) }},
		{name: "outlets", value: func(s claimtrail.SpeakerStat) string { return strconv.Itoa(s.Outlets) }},
		{name: "first_seen", value: func(s claimtrail.SpeakerStat) string { return day(s.FirstSeen) }},
		{name: "last_seen", value: func(s claimtrail.SpeakerStat) string { return day(s.LastSeen) }},
		{name: "aliases", value: func(s claimtrail.SpeakerStat) string { return strings.Join(s.Aliases, "; ") }, width: 40},
		{name: "external_id", value: func(s claimtrail.SpeakerStat) string { return s.ExternalID }},
	})
}

// ShowCmd prints one article with its attributions.
type ShowCmd struct {
	Article string `arg:"" help:"Article id, URL or source as ingested."`
	NoText  bool   `help:"Leave out the article text (table output)."`
	OutputFlags
}

func (c *ShowCmd) Help() string {
	return `Table output prints the facts, the text with quotes highlighted on a
terminal, and the attributions; json and jsonl print the article object
(with "attributions" and "markers"); csv prints its attributions.

Examples:
  claimtrail show 12
  claimtrail show https://example.com/news/bridge --output json`
}

func (c *ShowCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.ArticleBySource(ctx, c.Article)
	if err != nil {
		return err
	}
	switch format := c.format(stdout); format {
	case formatJSON, formatJSONL:
		return writeJSON(stdout, articleJSON(a), format == formatJSON)
	case formatCSV:
		rows := make([]claimtrail.AttributionRow, len(a.Attributions))
		for i, at := range a.Attributions {
			rows[i] = claimtrail.AttributionRow{Attribution: at, ArticleSource: a.Source, URL: a.URL, Outlet: a.Outlet, Published: a.Published, Title: a.Title}
		}
		return writeList(stdout, formatCSV, rows, exportColumns)
	default:
		return c.printArticle(stdout, a, useColor(stdout))
	}
}

// articleJSON is an article with "attributions" and "markers" always
// present (empty lists rather than missing keys), as the API writes it.
func articleJSON(a *claimtrail.Article) any {
	atts, markers := a.Attributions, a.Markers
	if atts == nil {
		atts = []claimtrail.Attribution{}
	}
	if markers == nil {
		markers = []claimtrail.Marker{}
	}
	return struct {
		*claimtrail.Article
		Attributions []claimtrail.Attribution `json:"attributions"`
		Markers      []claimtrail.Marker      `json:"markers"`
	}{a, atts, markers}
}

// printArticle writes the human view of an article.
func (c *ShowCmd) printArticle(w io.Writer, a *claimtrail.Article, color bool) error {
	facts := []field{
		{"id", strconv.FormatInt(a.ID, 10)},
		{"title", a.Title},
		{"source", a.Source},
		{"url", a.URL},
		{"outlet", a.Outlet},
		{"published", timestamp(a.Published)},
		{"author", a.Author},
		{"extractor", a.ExtractorVersion},
		{"attributions", strconv.Itoa(len(a.Attributions))},
	}
	var shown []field
	for _, f := range facts {
		if f.value != "" {
			shown = append(shown, f)
		}
	}
	if err := writeObject(w, formatTable, nil, shown); err != nil {
		return err
	}
	if !c.NoText {
		fmt.Fprintln(w)
		if color && len(a.Attributions) > 0 {
			fmt.Fprintf(w, "%ssource%s %scue%s %scontent%s\n\n", colorSource, colorReset, colorCue, colorReset, colorContent, colorReset)
		}
		fmt.Fprintln(w, highlight(a, color))
	}
	for i, at := range a.Attributions {
		fmt.Fprintf(w, "\n[%d] %s — %s", i+1, speakerName(at), at.Kind)
		if at.Cue != nil {
			fmt.Fprintf(w, ", %q", at.Cue.Text)
		}
		if at.Channel != "" {
			fmt.Fprintf(w, ", via %s", at.Channel)
		}
		if len(at.AccordingTo) > 0 {
			fmt.Fprintf(w, ", according to %s", strings.Join(at.AccordingTo, ", "))
		}
		fmt.Fprintf(w, " (confidence %.2f)\n    %s\n", at.Confidence, at.ContentText())
		for _, m := range at.Markers {
			fmt.Fprintf(w, "    marker %s: %q\n", m.Type, m.Text)
		}
		if len(at.Flags) > 0 {
			fmt.Fprintf(w, "    flags: %s\n", strings.Join(at.Flags, ", "))
		}
	}
	for _, m := range a.Markers {
		fmt.Fprintf(w, "\narticle marker %s: %q\n", m.Type, m.Text)
	}
	return nil
}

// Terminal colours of show's highlights.
const (
	colorSource  = "\x1b[1;36m" // bold cyan
	colorCue     = "\x1b[1;35m" // bold magenta
	colorContent = "\x1b[33m"   // yellow
	colorReset   = "\x1b[0m"
)

// highlight returns the article text with sources, cues and contents in
// distinct colours (when color), so a reader sees what was found where.
func highlight(a *claimtrail.Article, color bool) string {
	if !color || len(a.Attributions) == 0 {
		return a.Text
	}
	const (
		source  = colorSource
		cue     = colorCue
		content = colorContent
		reset   = colorReset
	)
	runes := []rune(a.Text)
	style := make([]string, len(runes))
	paint := func(sp *claimtrail.Span, code string) {
		if sp == nil {
			return
		}
		for i := max(0, sp.Start); i < min(sp.End, len(runes)); i++ {
			style[i] = code
		}
	}
	for _, at := range a.Attributions {
		for i := range at.Content {
			paint(&at.Content[i], content)
		}
		paint(at.Source, source)
		paint(at.Cue, cue)
	}
	var b strings.Builder
	cur := ""
	for i, r := range runes {
		if style[i] != cur {
			if cur != "" {
				b.WriteString(reset)
			}
			b.WriteString(style[i])
			cur = style[i]
		}
		b.WriteRune(r)
	}
	if cur != "" {
		b.WriteString(reset)
	}
	return b.String()
}

// StatsCmd prints the store's totals.
type StatsCmd struct {
	OutputFlags
}

func (c *StatsCmd) Help() string {
	return `--output json prints one object with (at least) the counts articles,
attributions, speakers and errors, plus clusters, outlets and bytes (the
database size on disk).

Example:
  claimtrail stats --output json`
}

func (c *StatsCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	return writeObject(stdout, c.format(stdout), s, []field{
		{"articles", strconv.Itoa(s.Articles)},
		{"attributions", strconv.Itoa(s.Attributions)},
		{"speakers", strconv.Itoa(s.Speakers)},
		{"errors", strconv.Itoa(s.Errors)},
		{"clusters", strconv.Itoa(s.Clusters)},
		{"outlets", strconv.Itoa(s.Outlets)},
		{"bytes", strconv.FormatInt(s.Bytes, 10)},
	})
}

// ErrorsCmd lists the items that failed to ingest.
type ErrorsCmd struct {
	OutputFlags
	Limit int `short:"n" default:"0" help:"Errors to show, most recent first (0: all)."`
}

func (c *ErrorsCmd) Help() string {
	return `Each source keeps its latest failure; ingesting it successfully later
removes it. --output json prints a list of objects with source, reason
and time.

Example:
  claimtrail errors --output json`
}

func (c *ErrorsCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	errs, err := st.Errors(ctx, c.Limit)
	if err != nil {
		return err
	}
	return writeList(stdout, c.format(stdout), errs, []column[claimtrail.IngestError]{
		{name: "time", value: func(e claimtrail.IngestError) string { return timestamp(e.Time) }},
		{name: "source", value: func(e claimtrail.IngestError) string { return e.Source }, width: 50},
		{name: "reason", value: func(e claimtrail.IngestError) string { return e.Reason }, width: 90},
	})
}

// ExportCmd writes every attribution, or a query's, as JSONL or CSV.
type ExportCmd struct {
	Format string `enum:"jsonl,csv,claimreview" default:"jsonl" help:"jsonl (one attribution row a line, as quotes --output jsonl), csv (every field, spans as start-end) or claimreview (schema.org ClaimReview JSON-LD drafts of the statements chosen with --statement or --min-articles)."`
	Out    string `short:"O" type:"path" help:"Write to FILE instead of standard output." placeholder:"FILE"`
	ClaimReviewFlags
	QuoteFilterFlags
}

func (c *ExportCmd) Help() string {
	return `Export reads the store page by page, so it works on stores of any size,
in the same stable order as quotes.

Examples:
  claimtrail export --format csv -O quotes.csv
  claimtrail export --speaker "Jane Doe" --since 2024-03 > jane.jsonl`
}

func (c *ExportCmd) Run(ctx context.Context, g *Globals) (err error) {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := c.filter(ctx, st)
	if err != nil {
		return err
	}
	w := stdout
	if c.Out != "" {
		file, err := os.Create(c.Out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer func() {
			if cerr := file.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("export: %w", cerr)
			}
		}()
		w = file
	}
	if c.Format == "claimreview" {
		return exportClaimReview(ctx, st, w, c.ClaimReviewFlags)
	}
	f.Limit = 1000
	n := 0
	for page := 0; ; page++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, next, err := st.Attributions(ctx, f)
		if err != nil {
			return err
		}
		if c.Format == formatCSV {
			err = writeCSVRows(w, rows, exportColumns, page == 0)
		} else {
			err = writeList(w, formatJSONL, rows, nil)
		}
		if err != nil {
			return err
		}
		n += len(rows)
		if next == "" {
			break
		}
		f.After = next
	}
	if c.Out != "" {
		fmt.Fprintf(stderr, "exported %d attributions to %s\n", n, c.Out)
	}
	return nil
}
