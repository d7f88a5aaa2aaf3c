package http

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/claimtrail/claimtrail"
)

// rawMarkupJS returns the first piece of visible text or accessible label
// on the page that shows HTML source to a reader, or "".
const rawMarkupJS = `(() => {
	const bad = s => /<\/?(mark|a|span|q|em|ins|del)[ >]|"\s*>|class=|href=/i.test(s);
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		if (n.parentElement && n.parentElement.closest("script,style")) continue;
		if (bad(n.textContent)) return n.textContent.slice(0, 120);
	}
	for (const el of document.querySelectorAll("[aria-label],[title]")) {
		for (const a of ["aria-label", "title"]) {
			const v = el.getAttribute(a);
			if (v && bad(v)) return a + "=" + v.slice(0, 120);
		}
	}
	return "";
})()`

// TestBrowserWalkNoRawMarkup visits every page type (overview, browse
// listings, searches, articles, speakers, trails, errors) over stores
// holding what once garbled pages, at desktop and phone widths, and
// checks that no page shows raw markup and that the header's search
// button fits a 390 px screen.
func TestBrowserWalkNoRawMarkup(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browser(t)
	st, ids := quirkyStore(t)
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	paths := []string{"/", "/articles", "/speakers", "/statements", "/clusters",
		"/search", "/search?q=rebuild", "/search?q=NOT+rebuild", "/search?q=rebuild&in=articles",
		"/search?q=tax+(rise", "/search?outlet=Quirk+Daily", "/nowhere",
		"/articles/" + strconv.FormatInt(ids["quirk-1"], 10), "/articles/" + strconv.FormatInt(ids["quirk-2"], 10),
		"/speakers/" + strconv.FormatInt(ids["speaker:Ana Lind"], 10), "/speakers/" + strconv.FormatInt(ids["speaker:he"], 10)}
	cs, _, err := st.Clusters(context.Background(), claimtrail.ClusterFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		paths = append(paths, "/clusters/"+strconv.FormatInt(c.ID, 10))
	}
	walk := func(t *testing.T, srvURL string, paths []string) {
		for _, width := range []int64{1280, 390} {
			do(t, ctx, "viewport", viewport(width, 844))
			for _, p := range paths {
				do(t, ctx, p, chromedp.Navigate(srvURL+p), chromedp.WaitVisible(chromedp.CSS("main")))
				if raw := run(t, ctx, p, chromedp.Evaluate[string](rawMarkupJS)); raw != "" {
					t.Errorf("%s at %d px shows raw markup: %q", p, width, raw)
				}
				// The header's Search button is wholly on screen.
				fits := run(t, ctx, p, chromedp.Evaluate[bool](`(() => {
					const b = document.querySelector(".quick-search button").getBoundingClientRect();
					return b.width > 0 && b.left >= 0 && b.right <= document.documentElement.clientWidth;
				})()`))
				if !fits {
					t.Errorf("%s at %d px: the header's Search button is clipped", p, width)
				}
			}
		}
		do(t, ctx, "viewport", viewport(0, 0))
	}
	t.Run("quirks", func(t *testing.T) { walk(t, srv.URL, paths) })
	t.Run("extracted-demo", func(t *testing.T) {
		ex := extractedDemo(t)
		srv := httptest.NewServer(New(ex, ex).Handler())
		defer srv.Close()
		var ps []string
		arts, _, _ := ex.Articles(context.Background(), claimtrail.ArticleFilter{Limit: 100})
		for _, a := range arts {
			ps = append(ps, "/articles/"+strconv.FormatInt(a.ID, 10))
		}
		sps, _ := ex.Speakers(context.Background(), "", 20)
		for _, sp := range sps {
			if hasSpeakerPage(sp.Speaker) {
				ps = append(ps, "/speakers/"+strconv.FormatInt(sp.ID, 10))
			}
		}
		cs, _, _ := ex.Clusters(context.Background(), claimtrail.ClusterFilter{Limit: 20})
		for _, c := range cs {
			ps = append(ps, "/clusters/"+strconv.FormatInt(c.ID, 10))
		}
		ps = append(ps, "/", "/articles", "/speakers", "/statements", "/search?q=bridge", "/search?q=bridge&in=articles")
		walk(t, srv.URL, ps)
		t.Logf("walked %d pages at two widths", len(ps))
	})
}

// viewport emulates a screen width (0: back to the window's size).
func viewport(width, height int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if width == 0 {
			_, err := cdp.Call(ctx, t, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
			return err
		}
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: height, DeviceScaleFactor: 1, Mobile: width < 500})
		return err
	})
}
