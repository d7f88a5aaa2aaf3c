package ingest

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
)

// htmlArticle extracts the article of an HTML page: main text through
// readability, metadata from the page's own tags. contentType is the HTTP
// media type when known (for the charset); pageURL is where the page was
// found, "" for a file.
func htmlArticle(b []byte, contentType, pageURL string) (a *claimtrail.Article, err error) {
	defer recoverParser("HTML", &err)
	src, err := decodeHTML(b, contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(withoutBlockMarks(src)))
	if err != nil {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "HTML: %v", err)
	}
	meta := pageMetadata(doc)

	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	articleURL := pickURL(base, meta.canonical, meta.ogURL, meta.jsonLDURL)

	var parseURL *url.URL
	if articleURL != "" {
		parseURL, _ = url.Parse(articleURL)
	}
	prunePrompts(doc)
	parser := readability.NewParser()
	parser.DisableJSONLD = true // read by pageMetadata, which knows more shapes
	parser.KeepClasses = true   // for pruneBoilerplate
	ra, err := parser.ParseAndMutate(doc, parseURL)
	if err != nil {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "HTML: %v", err)
	}
	var paras []string
	if ra.Node != nil {
		// Captions, credits, share bars and related stories inside the
		// main text go, after readability chose it (before, they would
		// change its choice); should that leave nothing, the text stays
		// as readability gave it.
		pruned := cloneNode(ra.Node)
		pruneBoilerplate(pruned)
		markBlockQuotes(pruned)
		paras = indentBlocks(cleanParagraphs(paragraphLines(render.InnerText(pruned)), imageAlts(doc)))
		if len(paras) == 0 {
			paras = paragraphLines(render.InnerText(ra.Node))
		}
	}
	if len(paras) == 0 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "no article text found in the HTML page")
	}
	author := cleanByline(firstNonEmpty(meta.author, ra.Byline()))
	outlet := firstNonEmpty(meta.siteName, ra.SiteName())
	title := titleWithoutSuffix(firstNonEmpty(meta.title, ra.Title()), outlet, author, hostOutlet(articleURL))

	a = &claimtrail.Article{
		// The headline opens the text, as in a plain-text article, so
		// that the extractor reads it as one.
		Text:   strings.Join(headlineFirst(title, paras), "\n\n"),
		URL:    articleURL,
		Title:  title,
		Author: author,
		Outlet: outlet,
	}
	if a.Outlet == "" && articleURL == "" {
		a.Outlet = outletFromTitle(meta.docTitle, a.Title)
	}
	if !meta.published.IsZero() {
		a.Published = meta.published
	} else if t, err := ra.PublishedTime(); err == nil {
		a.Published, _ = plausible(t)
	}
	return a, nil
}

// recoverParser turns a panic in a third-party parser into the item's
// error, so that one strange input cannot stop a batch.
func recoverParser(what string, err *error) {
	if p := recover(); p != nil {
		*err = claimtrail.Errorf(claimtrail.EINTERNAL, "%s parser failed on this input: %v", what, p)
	}
}

// decodeHTML turns page bytes into text: a charset named by the HTTP
// header, a byte-order mark or a <meta> tag is honoured when it is not
// UTF-8 or Windows-1252 and the bytes are not valid UTF-8 anyway (pages
// often claim a charset they do not use); everything else goes through
// decode.Text.
func decodeHTML(b []byte, contentType string) (string, error) {
	enc, name, _ := charset.DetermineEncoding(b, contentType)
	switch name {
	case "", "utf-8", "windows-1252", "utf-16le", "utf-16be":
		return decode.Text(b)
	}
	if utf8.Valid(b) {
		return decode.Text(b)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return decode.Text(b)
	}
	return decode.Text(out)
}

// pageMeta is what a page says about itself outside its text.
type pageMeta struct {
	title, author, siteName     string
	docTitle                    string // the <title> element
	canonical, ogURL, jsonLDURL string
	published                   time.Time
}

// metaTags maps lower-cased meta name/property/itemprop to content,
// first occurrence winning.
type metaTags map[string]string

func (m metaTags) first(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(m[k]); v != "" {
			return v
		}
	}
	return ""
}

// pageMetadata reads JSON-LD, meta tags, the canonical link and <time>
// elements. JSON-LD wins over meta tags, which win over readability's own
// guesses.
func pageMetadata(doc *html.Node) pageMeta {
	var m pageMeta
	tags := metaTags{}
	var ld []map[string]any
	var canonical string
	var timeValues []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := attr(n, "content")
				if content == "" {
					content = attr(n, "datetime")
				}
				for _, key := range []string{"property", "name", "itemprop"} {
					if k := strings.ToLower(strings.TrimSpace(attr(n, key))); k != "" && content != "" {
						if _, seen := tags[k]; !seen {
							tags[k] = content
						}
					}
				}
			case atom.Title:
				if m.docTitle == "" && n.FirstChild != nil {
					m.docTitle = oneLine(n.FirstChild.Data)
				}
			case atom.Link:
				if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					ld = append(ld, jsonLDObjects(n.FirstChild.Data)...)
				}
			case atom.Time:
				if dt := attr(n, "datetime"); dt != "" {
					_, pub := attrOK(n, "pubdate")
					if pub || strings.EqualFold(attr(n, "itemprop"), "datePublished") ||
						strings.Contains(strings.ToLower(attr(n, "class")), "publish") {
						timeValues = append(timeValues, dt)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	m.canonical = canonical
	m.ogURL = tags.first("og:url")
	if art := pickArticleLD(ld); art != nil {
		m.title = firstNonEmpty(ldString(art["headline"]), ldString(art["name"]))
		m.author = ldNames(art["author"])
		m.siteName = ldNames(art["publisher"])
		m.jsonLDURL = firstNonEmpty(ldString(art["url"]), ldID(art["mainEntityOfPage"]))
		for _, k := range []string{"datePublished", "dateCreated", "uploadDate"} {
			if t, ok := ParseDate(ldString(art[k])); ok {
				m.published = t
				break
			}
		}
	}
	m.title = firstNonEmpty(m.title, tags.first("og:title", "twitter:title", "dc.title", "dcterms.title", "headline", "parsely-title", "sailthru.title"))
	if m.author == "" {
		m.author = tags.first("author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "byline")
		if a := tags.first("article:author"); m.author == "" && a != "" && !strings.Contains(a, "://") {
			m.author = a
		}
	}
	m.siteName = firstNonEmpty(m.siteName, tags.first("og:site_name", "application-name", "publisher", "dc.publisher"))
	if m.published.IsZero() {
		candidates := []string{tags.first(
			"article:published_time", "og:article:published_time", "og:published_time",
			"datepublished", "article.published", "published_time", "publish-date",
			"publishdate", "publish_date", "pubdate", "publication_date", "date",
			"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
			"sailthru.date", "parsely-pub-date", "originalpublicationdate", "article:published")}
		candidates = append(candidates, timeValues...)
		for _, c := range candidates {
			if t, ok := ParseDate(c); ok {
				m.published = t
				break
			}
		}
	}
	return m
}

// articleTypes are the schema.org types that describe a news article.
var articleTypes = regexp.MustCompile(`^(News|Reportage|Analysis|Opinion|Review|Background|AskPublic|Satirical|Scholarly|Tech)?Article$|^(BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$`)

// jsonLDObjects returns every object in a JSON-LD script, flattening
// arrays and @graph lists; a script that is not JSON gives none.
func jsonLDObjects(src string) []map[string]any {
	src = strings.TrimSpace(src)
	src = strings.TrimPrefix(src, "<![CDATA[")
	src = strings.TrimSuffix(src, "]]>")
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return nil
	}
	var out []map[string]any
	var collect func(any, int)
	collect = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				collect(e, depth+1)
			}
		case map[string]any:
			out = append(out, x)
			if g, ok := x["@graph"]; ok {
				collect(g, depth+1)
			}
		}
	}
	collect(v, 0)
	return out
}

// pickArticleLD returns the first JSON-LD object whose @type is an
// article type, or the first WebPage when there is none.
func pickArticleLD(objs []map[string]any) map[string]any {
	var page map[string]any
	for _, o := range objs {
		for _, t := range ldTypes(o["@type"]) {
			if articleTypes.MatchString(t) {
				return o
			}
			if page == nil && strings.HasSuffix(t, "WebPage") {
				page = o
			}
		}
	}
	return page
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString is a JSON-LD value as a string: a string, or the first string
// of a list.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(x))
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldID is an @id or url of an object, or a plain string.
func ldID(v any) string {
	if o, ok := v.(map[string]any); ok {
		return firstNonEmpty(ldString(o["@id"]), ldString(o["url"]))
	}
	return ldString(v)
}

// ldNames joins the names of a person, organisation or list of them.
func ldNames(v any) string {
	var names []string
	var add func(any)
	add = func(v any) {
		switch x := v.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" && !strings.Contains(s, "://") {
				names = append(names, s)
			}
		case map[string]any:
			add(x["name"])
		case []any:
			for _, e := range x {
				add(e)
			}
		}
	}
	add(v)
	return strings.Join(names, ", ")
}

// titleSeparators split a page title into headline and site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// outletFromTitle finds the site name in a page title such as "Headline -
// Site" when the other part is the article's headline; "" otherwise. It is
// the last resort for a saved page with neither a site name nor a URL.
func outletFromTitle(docTitle, headline string) string {
	if headline == "" {
		return ""
	}
	for _, sep := range titleSeparators {
		parts := strings.Split(docTitle, sep)
		if len(parts) != 2 {
			continue
		}
		switch {
		case strings.EqualFold(strings.TrimSpace(parts[0]), headline):
			return strings.TrimSpace(parts[1])
		case strings.EqualFold(strings.TrimSpace(parts[1]), headline):
			return strings.TrimSpace(parts[0])
		}
	}
	return ""
}

// pickURL returns the first candidate that resolves to an absolute http(s)
// URL against base, else base itself.
func pickURL(base *url.URL, candidates ...string) string {
	for _, c := range candidates {
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	if base != nil {
		return base.String()
	}
	return ""
}

// paragraphs turns rendered text into one paragraph per non-blank line,
// paragraphs separated by a blank line, each trimmed of surrounding space,
// so that the extractor sees paragraph breaks the same way on every page.
func paragraphs(s string) string {
	return strings.Join(paragraphLines(s), "\n\n")
}

// paragraphLines is paragraphs as a list.
func paragraphLines(s string) []string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimFunc(l, unicode.IsSpace); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// htmlToText renders an HTML fragment (a feed item's content) as
// paragraphs of text, captions and page furniture left out.
func htmlToText(fragment string) string {
	fragment = withoutBlockMarks(fragment)
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return paragraphs(fragment)
	}
	if !strings.ContainsRune(fragment, '<') {
		return paragraphs(render.InnerText(doc))
	}
	alts := imageAlts(doc)
	pruneBoilerplate(doc)
	markBlockQuotes(doc)
	return strings.Join(indentBlocks(cleanParagraphs(paragraphLines(render.InnerText(doc)), alts)), "\n\n")
}

// cloneNode deep-copies an HTML tree, so that pruning can be undone.
func cloneNode(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneNode(k))
	}
	return c
}

// byPrefix matches the "By" that bylines start with.
var byPrefix = regexp.MustCompile(`(?i)^\s*by\s+`)

func cleanByline(s string) string {
	s = byPrefix.ReplaceAllString(oneLine(s), "")
	s = bylineDate.ReplaceAllString(s, "")
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) {
		return "" // a date or a count, not a name
	}
	return strings.TrimRight(strings.TrimSpace(s), " ,|-–—·0123456789")
}

// hostOutlet names an outlet by its URL's host, without "www.".
func hostOutlet(rawURL string) string {
	if rawURL == "" {
		return ""
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// hasToken reports whether a space-separated attribute holds token.
func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
