package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Boilerplate that readability leaves in a news page's main text, removed
// in two passes: elements that are never the story (pruneBoilerplate, on
// the DOM before readability scores it) and paragraphs that read as page
// furniture (cleanParagraphs, on the rendered text). Both were developed
// by reading the cleaned text of the news pages in go-readability's
// test-pages (BBC, NYT, Washington Post, Guardian, Telegraph, Yahoo,
// BuzzFeed, CNET, Breitbart, Herald Sun, CNN, Seattle Times, Salon, ...);
// the rules name page conventions, never an outlet's particular text.

// boilerClassWords are class or id words of elements that hold captions,
// credits, sharing buttons, newsletter prompts and related-story lists.
var boilerClassWords = map[string]bool{
	"caption": true, "captions": true, "credit": true, "credits": true, "copyright": true,
	"newsletter": true, "newsletters": true, "signup": true, "subscribe": true, "subscription": true,
	"related": true, "recirc": true, "recirculation": true, "promo": true, "promos": true,
	"share": true, "sharing": true, "sharebar": true, "sharetools": true, "social": true,
	"gallery": true, "slideshow": true, "advert": true, "advertisement": true, "ad": true, "ads": true,
	"outbrain": true, "taboola": true, "paywall": true, "offscreen": true, "legend": true, "cta": true,
}

// maxBoilerText is the most text an element may hold and still
// be removed for its class: a wrapper of the whole story that happens to
// carry "share-enabled" must stay.
const maxBoilerText = 2000

// pruneBoilerplate removes, before readability runs, figure captions and
// media figures (images, videos, galleries: their captions and credits
// are not the story) and elements whose class or id says they are
// captions, credits, share bars, newsletter prompts or related stories.
// A figure that holds a blockquote (a pull quote or an embedded post) is
// kept.
func pruneBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && isBoilerElement(c) {
			n.RemoveChild(c)
		} else {
			pruneBoilerplate(c)
		}
		c = next
	}
}

func isBoilerElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Head, atom.Body, atom.Article, atom.Main:
		return false
	case atom.Figcaption:
		return true
	case atom.Figure:
		return !hasDescendant(n, atom.Blockquote)
	case atom.Aside, atom.Form, atom.Button, atom.Nav:
		return visibleText(n, maxBoilerText+1) <= maxBoilerText
	}
	if n.DataAtom == atom.Blockquote {
		return false
	}
	if n.DataAtom == atom.P && linkOnly(n) {
		return true
	}
	if !hasBoilerClass(attr(n, "class")) && !hasBoilerClass(attr(n, "id")) {
		return false
	}
	return visibleText(n, maxBoilerText+1) <= maxBoilerText
}

// hasBoilerClass reports whether a class or id attribute holds one of
// boilerClassWords as a word ("media-caption", "c-related-content",
// "share_box"); "ad" must be a whole class name, not part of "ad-free".
func hasBoilerClass(v string) bool {
	if v == "" {
		return false
	}
	for _, class := range strings.Fields(strings.ToLower(v)) {
		if class == "ad" || class == "ads" {
			return true
		}
		prev := ""
		for _, w := range strings.FieldsFunc(class, func(r rune) bool { return !unicode.IsLetter(r) }) {
			// "no_caption", "has-caption", "with-related": a property of
			// the element, not what it is.
			if w != "ad" && w != "ads" && boilerClassWords[w] && !negators[prev] {
				return true
			}
			prev = w
		}
	}
	return false
}

var negators = map[string]bool{"no": true, "has": true, "with": true, "without": true, "hide": true, "show": true}

// linkOnly reports whether all of a paragraph's text is one link that
// reads as another story's headline ("Read the full transcript of his
// interview", "Pizza Man Making Special Delivery ..."): a related-story
// link set in the text.
func linkOnly(p *html.Node) bool {
	var inLink, outside strings.Builder
	links := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, in bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && in:
				inLink.WriteString(c.Data)
			case c.Type == html.TextNode:
				outside.WriteString(c.Data)
			case c.Type == html.ElementNode:
				if c.DataAtom == atom.A {
					links++
				}
				walk(c, in || c.DataAtom == atom.A)
			}
		}
	}
	walk(p, false)
	if links != 1 || strings.ContainsFunc(outside.String(), unicode.IsLetter) {
		return false
	}
	return headlineLike(oneLine(inLink.String()))
}

// promptClassWords mark newsletter and subscription boxes, which
// readability may unwrap (losing their class) before pruneBoilerplate
// sees them; prunePrompts removes them from the page first.
var promptClassWords = map[string]bool{"newsletter": true, "newsletters": true, "signup": true, "subscribe": true, "subscription": true, "paywall": true}

// prunePrompts removes newsletter and subscription boxes (by class or id
// word, holding little text) from the whole page before readability.
func prunePrompts(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom != atom.Body && c.DataAtom != atom.Html &&
			(classHas(attr(c, "class"), promptClassWords) || classHas(attr(c, "id"), promptClassWords)) &&
			visibleText(c, maxBoilerText+1) <= maxBoilerText {
			n.RemoveChild(c)
		} else {
			prunePrompts(c)
		}
		c = next
	}
}

// classHas reports whether a class or id attribute holds one of words as
// a word.
func classHas(v string, words map[string]bool) bool {
	for _, class := range strings.Fields(strings.ToLower(v)) {
		for _, w := range strings.FieldsFunc(class, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if words[w] {
				return true
			}
		}
	}
	return false
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasDescendant(c, a)) {
			return true
		}
	}
	return false
}

// visibleText counts the bytes of text below n outside scripts and
// styles, stopping once past limit.
func visibleText(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total <= limit; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				total += len(strings.TrimSpace(c.Data))
			case c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Style:
				walk(c)
			}
		}
	}
	walk(n)
	return total
}

// furniture are whole paragraphs that are page furniture, compared
// lower-cased without surrounding punctuation.
var furniture = map[string]bool{
	"photo": true, "photos": true, "image": true, "images": true, "video": true, "videos": true,
	"view photo": true, "view photos": true, "view gallery": true, "view comments": true,
	"enlarge this image": true, "toggle caption": true, "hide caption": true,
	"continue reading the main story": true, "continue reading": true, "continue reading below": true,
	"story continues below": true, "story continues below advertisement": true,
	"advertisement": true, "ad": true, "sponsored": true, "supported by": true,
	"read more": true, "read more here": true, "more": true, "related": true, "related content": true,
	"related coverage": true, "related stories": true, "related articles": true, "see also": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"facebook": true, "twitter": true, "email": true, "print": true, "comments": true,
	"highlights": true, "what's next": true, "what’s next": true, "about the author": true,
	"sign up for our newsletter": true, "sign up": true, "subscribe": true,
	"listen to this article": true, "skip advertisement": true, "getty images": true,
	"exclusive": true, "breaking": true, "live": true, "updated": true, "opinion": true, "analysis": true,
}

// furniturePrefix matches paragraphs that open like a caption, a credit,
// a related-link or a newsletter prompt.
var furniturePrefix = regexp.MustCompile(`(?i)^(?:` +
	`media caption|image caption|image copyright|image source|caption:|` +
	`credits?:|photo:|photos:|photograph:|photo by |photo credit|photo courtesy|` +
	`picture:|pictured:|file photo|\(?video by |` +
	`related:|read more:|read next:|more:|see also:|also read:|recommended:|` +
	`\[read\b|gallery:|watch:|listen:|sign up (?:for|to)|subscribe (?:to|for)|` +
	`get (?:the|our) .{0,40}newsletter|click here|follow (?:us|\S+) on (?:twitter|facebook|instagram)|powered by ` +
	`)`)

// creditLine matches a photo credit standing alone: "Name/Agency",
// "JIM WATSON/AFP/Getty Images", "Benoit Tessier/Reuters".
var creditLine = regexp.MustCompile(`^\p{Lu}[\p{L}\p{M}.'’\- ]{1,60}(?:/\p{Lu}[\p{L}\p{M}.'’\- ]{1,40})+$`)

// creditPrefix is a credit line as NYT-style pages set it: "Credit Harry
// Campbell", "CreditKevin Frayer/Getty Images" (not "Credit unions ...").
var creditPrefix = regexp.MustCompile(`^Credit(?:\s*[:\-]|\s*\p{Lu}|\s*$)`)

// agencyCredit matches a credit glued at the end of a caption-like line.
var agencyCredit = regexp.MustCompile(`(?i)(?:getty images|/afp|/reuters|/ap\b|/epa|associated press|shutterstock|for the new york times)\s*$`)

// relatedHeader opens a list of related-story headlines.
var relatedHeader = regexp.MustCompile(`(?i)^(?:read more|more|related|see also|also read|more (?:\p{L}+ )?(?:news|stories|coverage|from|on)\b.*|recommended|most read|most popular|trending|you may also like|you might also like|what to read next|further reading)\s*:?$`)

// anyDate matches a date or a time anywhere in a line.
var anyDate = regexp.MustCompile(`(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:` +
	`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|` +
	`\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|` +
	`\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?`)

// dateRest is what may stand beside dates in a dateline: "Updated", "First
// published", a byline ("BY TMZ STAFF"), an outlet and city in brackets.
var dateRest = regexp.MustCompile(`(?i)^(?:(?:last\s+)?(?:updated|published|posted|first published|modified)(?:\s+on)?|by\s+[\p{L} .'’\-]{2,40}|[\p{L}]+\s*\([\p{L} ]+\)\s*(?:first published|updated|published)?|et|gmt|utc|bst|at|on)?$`)

// datesOnly reports whether a line is a dateline: dates and times, with
// at most an "Updated", a byline or an outlet beside them.
func datesOnly(p string) bool {
	if !anyDate.MatchString(p) {
		return false
	}
	rest := anyDate.ReplaceAllString(p, " ")
	rest = strings.Join(strings.FieldsFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",|:;·•–—-", r) }), " ")
	return dateRest.MatchString(rest)
}

// cleanParagraphs drops page furniture from rendered text, one paragraph
// per line in and out: captions and credits, "Continue reading the main
// story", newsletter prompts, related-story headline lists, dates and
// counters standing alone, and lines with no letters at all.
//
// alts are the normalised alt texts of the page's images: a paragraph
// that repeats one is that image's caption.
func cleanParagraphs(paras []string, alts map[string]bool) []string {
	out := paras[:0]
	inRelated := false
	for _, p := range paras {
		if inRelated {
			if headlineLike(p) {
				continue
			}
			inRelated = false
		}
		if endOfStory[strings.ToLower(strings.TrimRight(strings.TrimSpace(p), ":"))] {
			break // an author's bio, comments: the story is over
		}
		if relatedHeader.MatchString(strings.TrimSpace(p)) {
			inRelated = true
			continue
		}
		// A caption repeats its image's alt text; a lead paragraph can too
		// (an image "alt" written from the story), so only a line that
		// does not end like a sentence goes.
		if isFurniture(p) || len(alts) > 0 && headlineLike(p) && alts[normalizeHeadline(p)] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// endOfStory are headers after which a page holds no more of the story.
var endOfStory = map[string]bool{
	"about the author": true, "about the authors": true, "join the conversation": true,
	"more from this author": true, "show comments": true,
}

// isFurniture reports whether one paragraph is page furniture.
func isFurniture(p string) bool {
	if !strings.ContainsFunc(p, unicode.IsLetter) {
		return true // ".", "___", "1 / 5", "87"
	}
	key := strings.ToLower(strings.TrimFunc(p, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '\'' && r != '’' }))
	if furniture[key] {
		return true
	}
	words := len(strings.Fields(p))
	if creditPrefix.MatchString(p) && words <= 15 {
		return true
	}
	if furniturePrefix.MatchString(p) && words <= 40 {
		return true
	}
	if words <= 12 && (creditLine.MatchString(p) && strings.Count(p, "/") <= 3 || agencyCredit.MatchString(p)) {
		return true
	}
	if words <= 16 && datesOnly(p) {
		return true
	}
	// "[What you need to know to start the day: Get ... in your inbox.]"
	if strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]") && words <= 30 {
		return true
	}
	// A caption ending with its credit glued on: "...plan.Photo by James
	// Martin/CNET", "...seeped underground.CreditCreditChang W. Lee/...".
	if i := strings.LastIndex(p, "Credit"); i > 0 && words <= 60 && isGlued(p, i) {
		return true
	}
	if i := strings.LastIndex(p, "Photo by "); i > 0 && words <= 60 && isGlued(p, i) {
		return true
	}
	return false
}

// isGlued reports whether the word at i follows a sentence end with no
// space ("underground.Credit"), as text joined from two elements does.
func isGlued(p string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(p[:i])
	return r == '.' || r == '”' || r == '"' || unicode.IsLower(r)
}

// imageAlts collects the normalised alt texts of the images below n
// that are long enough to be a caption's words (five or more).
func imageAlts(n *html.Node) map[string]bool {
	alts := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Img {
				if a := normalizeHeadline(attr(c, "alt")); strings.Count(a, " ") >= 4 {
					alts[a] = true
				}
			}
			walk(c)
		}
	}
	walk(n)
	return alts
}

// headlineLike reports whether a paragraph reads as a link to another
// story: short, and not ending like a sentence.
func headlineLike(p string) bool {
	p = strings.TrimSpace(p)
	if len(strings.Fields(p)) > 25 || p == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".!?”\"", r)
}

// titleSuffix strips " | Site", " - Author" from a page title when the
// part after the separator is the site, the outlet or the author.
func titleWithoutSuffix(title string, names ...string) string {
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(title[i+len(sep):])
		for _, n := range names {
			if n != "" && (strings.EqualFold(tail, n) || strings.EqualFold(strings.ReplaceAll(tail, " ", ""), strings.ReplaceAll(strings.Split(n, ".")[0], " ", ""))) {
				return strings.TrimSpace(title[:i])
			}
		}
	}
	return title
}

// headlineFirst puts the headline before the body as its own first
// paragraph, as a plain-text article has it, so that the extractor reads
// it as a headline ("No deal is better than a bad deal, says May"); a body
// that already opens with it is left alone.
func headlineFirst(title string, paras []string) []string {
	title = oneLine(title)
	if title == "" {
		return paras
	}
	if len(paras) > 0 && strings.EqualFold(normalizeHeadline(paras[0]), normalizeHeadline(title)) {
		return paras
	}
	return append([]string{title}, paras...)
}

func normalizeHeadline(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// bylineDate matches a date or time glued onto a byline ("Lucas Nolan22
// Dec 2016651", "GILLIAN MOHNEY March 11, 2015 3:46 PM").
var bylineDate = regexp.MustCompile(`(?i)\s*(?:\d{1,2}\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}\s*[ap]\.?m).*$`)
