package ingest

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/claimtrail/claimtrail"
)

// feed reads an RSS, Atom or JSON feed document: every item an article.
func (w *walker) feed(source string, b []byte) error {
	b = expandDoctypeEntities(b)
	f, err := parseFeed(b)
	var truncated error
	if err != nil {
		// A feed cut short (an interrupted download) keeps its complete
		// items, as a truncated WARC keeps its records; the damage is one
		// more failed item.
		fixed, _, ok := closeTruncatedFeed(b)
		var ferr error
		if ok {
			var f2 *gofeed.Feed
			if f2, ferr = parseFeed(fixed); ferr == nil && len(f2.Items) > 0 {
				f = f2
				truncated = claimtrail.Errorf(claimtrail.EINVALID,
					"malformed feed after %d complete item(s), the rest unreadable (cut short?): %v", len(f2.Items), err)
			}
		}
		if truncated == nil {
			return w.fail(source, claimtrail.Errorf(claimtrail.EINVALID, "malformed feed: %v", err))
		}
	}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		if err := w.feedItem(source, f, it, i); err != nil {
			return err
		}
	}
	if truncated != nil {
		return w.fail(source, truncated)
	}
	return nil
}

// feedItem emits one feed item, fetching its page when asked to.
func (w *walker) feedItem(feedSource string, f *gofeed.Feed, it *gofeed.Item, index int) error {
	id := strings.TrimSpace(it.GUID)
	link := strings.TrimSpace(it.Link)
	key := firstNonEmpty(id, link, strconv.Itoa(index+1))
	source := feedSource + "#" + key

	meta := claimtrail.Article{
		URL:    link,
		Title:  htmlToOneLine(it.Title),
		Author: itemAuthors(it),
		Outlet: strings.TrimSpace(f.Title),
	}
	switch {
	case it.PublishedParsed != nil:
		meta.Published, _ = plausible(*it.PublishedParsed)
	case it.Published != "":
		meta.Published, _ = ParseDate(it.Published)
	case it.UpdatedParsed != nil:
		meta.Published, _ = plausible(*it.UpdatedParsed)
	}

	if w.opt.Fetch {
		if !isURL(link) {
			return w.failID(source, id, claimtrail.Errorf(claimtrail.EINVALID, "feed item has no http(s) link to fetch"))
		}
		return w.fetchFeedPage(link, id, meta)
	}

	text := htmlToText(firstNonEmpty(it.Content, it.Description))
	if text == "" {
		return w.failID(source, id, claimtrail.Errorf(claimtrail.EINVALID, "feed item has no content or description (fetch the linked pages to read it)"))
	}
	a := meta
	a.Text = text
	return w.emit(Item{Source: source, ID: id, Article: &a})
}

// fetchFeedPage reads a feed item's linked page as HTML, the item's own
// metadata filling what the page lacks; the item's source is the link.
func (w *walker) fetchFeedPage(link, id string, meta claimtrail.Article) error {
	body, contentType, err := w.get(link, w.opt.maxBytes())
	if err != nil {
		return w.failID(link, id, err)
	}
	a, err := htmlArticle(body, contentType, link)
	if err != nil {
		return w.failID(link, id, err)
	}
	a.Title = firstNonEmpty(a.Title, meta.Title)
	a.Author = firstNonEmpty(a.Author, meta.Author)
	a.Outlet = firstNonEmpty(a.Outlet, meta.Outlet)
	if a.Published.IsZero() {
		a.Published = meta.Published
	}
	return w.emit(Item{Source: link, ID: id, Article: a})
}

func itemAuthors(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		names = append(names, strings.TrimSpace(it.Author.Name))
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return cleanByline(strings.Join(names, ", "))
}

// htmlToOneLine renders a title that may hold markup or entities.
func htmlToOneLine(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return oneLine(s)
	}
	return oneLine(htmlToText(s))
}

// parseFeed runs gofeed, a panic included among its failures.
func parseFeed(b []byte) (f *gofeed.Feed, err error) {
	defer recoverParser("feed", &err)
	return gofeed.NewParser().Parse(bytes.NewReader(b))
}
