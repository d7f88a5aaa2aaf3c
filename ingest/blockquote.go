package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockMark is put before each paragraph of a block quote written
// without quote marks while the page is rendered, and turned into an
// indent after (see indentBlocks): plain text says "this is quoted" by
// indenting, and the extractor reads an indented paragraph as a block
// quote belonging to whoever introduced it. (A private-use character:
// no page's text means anything by it.)
const blockMark = '\uE000'

// withoutBlockMarks drops the private-use character blockMark from a
// page's source, so that only markBlockQuotes writes it (a page that
// holds it would otherwise indent, or keep, a stray one). Invalid UTF-8
// is replaced first: the parser drops NUL bytes and joins text nodes, and
// the bytes of a broken sequence around them ("\xee\x00\x80\x80") would
// otherwise come together as the mark.
func withoutBlockMarks(src string) string {
	if !utf8.ValidString(src) {
		src = strings.ToValidUTF8(src, "\uFFFD")
	}
	if !strings.ContainsRune(src, blockMark) {
		return src
	}
	return strings.ReplaceAll(src, string(blockMark), "")
}

// markBlockQuotes marks the paragraphs of every <blockquote> that holds
// running text without quote marks ("Zuckerberg said ... <blockquote>I've
// been building relationships ...</blockquote>"). A quote in marks needs
// no mark; an embedded post (Twitter, Instagram, TikTok) names its own
// author.
func markBlockQuotes(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Blockquote {
			markBlockQuotes(c)
			continue
		}
		if embeddedPost(attr(c, "class")) || hasDescendant(c, atom.Table) || hasQuoteMark(c) {
			continue
		}
		markParagraphs(c)
	}
}

// embeddedPost reports a block quote class that social networks' embeds
// use.
func embeddedPost(class string) bool {
	class = strings.ToLower(class)
	return strings.Contains(class, "twitter") || strings.Contains(class, "instagram") || strings.Contains(class, "tiktok") ||
		strings.Contains(class, "facebook") || strings.Contains(class, "reddit")
}

// hasQuoteMark reports whether the text below n holds a double quote
// mark (apostrophes are no quotation).
func hasQuoteMark(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if strings.ContainsAny(c.Data, "\"“”«»„") {
				return true
			}
		case c.Type == html.ElementNode && hasQuoteMark(c):
			return true
		}
	}
	return false
}

// markParagraphs puts blockMark at the start of n and of each paragraph
// element below it, where the rendered text starts a line.
func markParagraphs(n *html.Node) {
	n.InsertBefore(&html.Node{Type: html.TextNode, Data: string(blockMark)}, n.FirstChild)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.P, atom.Div, atom.Li:
			markParagraphs(c)
		}
	}
}

// indentBlocks turns each paragraph's leading blockMark into an indent
// of four spaces and drops the marks anywhere else (a paragraph that
// rendered empty, marks run together).
func indentBlocks(paras []string) []string {
	for i, p := range paras {
		if !strings.ContainsRune(p, blockMark) {
			continue
		}
		lead := strings.TrimLeftFunc(p, func(r rune) bool { return r == blockMark || unicode.IsSpace(r) })
		body := strings.ReplaceAll(lead, string(blockMark), "")
		if len(lead) < len(p) && strings.ContainsRune(p[:len(p)-len(lead)], blockMark) {
			body = "    " + body
		}
		paras[i] = body
	}
	return paras
}
