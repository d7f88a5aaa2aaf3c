package http

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/claimtrail/claimtrail"
)

// chromium finds a Chromium or Chrome binary ($CLAIMTRAIL_CHROME first);
// "" when there is none, and the browser tests skip.
func chromium() string {
	if p := os.Getenv("CLAIMTRAIL_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// screenshotDir is testdata/screenshots at the module root (git-ignored),
// where CI collects the pictures as artifacts.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	out := filepath.Join(dir, "testdata", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	return out
}

// browser starts a headless Chromium with the flags CI needs (root in a
// container: no sandbox) and a throwaway profile.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install -y chromium); skipping browser tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("chromium at %s does not start: %v", bin, err)
	}
	return ctx
}

// shot saves the whole page, not just the viewport, as PNG.
func shot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// stepTimeout bounds one step so that a missing element fails fast with
// the step's name instead of eating the whole test's time.
const stepTimeout = 20 * time.Second

// run is chromedp.Run failing the test on error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// do is chromedp.Do failing the test on error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// TestBrowserDemo walks the UI over the demo articles like a reader: every
// page loads, search finds a quote, an attribution leads to its speaker
// and its trail, and the trail plot names every outlet.
func TestBrowserDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browser(t)
	m := demoStore(t)
	t.Run("memory", func(t *testing.T) { browseDemo(t, ctx, m, m, "") })
	for _, mk := range extraStores {
		sp := mk(t)
		t.Run("sqlite", func(t *testing.T) { browseDemo(t, ctx, sp.store, sp.clusters, "sqlite-") })
	}
	// What `claimtrail demo` shows: the extractor's output, which changes
	// as the extractor improves, so only loading and pictures are checked.
	t.Run("extracted", func(t *testing.T) {
		st := extractedDemo(t)
		srv := httptest.NewServer(New(st, st).Handler())
		defer srv.Close()
		shots := screenshotDir(t)
		paths := map[string]string{"overview": "/", "search": "/search?q=inspection+reports"}
		if arts, _, err := st.Articles(context.Background(), claimtrail.ArticleFilter{Limit: 1}); err == nil && len(arts) > 0 {
			paths["article"] = "/articles/" + strconv.FormatInt(arts[0].ID, 10)
		}
		if cs, _, err := st.Clusters(context.Background(), claimtrail.ClusterFilter{Limit: 1}); err == nil && len(cs) > 0 {
			paths["trail"] = "/clusters/" + strconv.FormatInt(cs[0].ID, 10)
		}
		if sps, err := st.Speakers(context.Background(), "Varga", 1); err == nil && len(sps) > 0 {
			paths["speaker"] = "/speakers/" + strconv.FormatInt(sps[0].ID, 10)
		}
		for name, path := range paths {
			do(t, ctx, path, chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS("main")))
			if run(t, ctx, path, chromedp.Evaluate[bool](`!!document.querySelector(".error-page")`)) {
				t.Errorf("%s shows the error page", path)
			}
			shot(t, ctx, shots, "extracted-"+name)
		}
	})
}

// browseDemo runs the reader's walk against one store holding the
// hand-annotated demo; screenshots are named with prefix.
func browseDemo(t *testing.T, ctx context.Context, store claimtrail.Store, clusters claimtrail.ClusterStore, prefix string) {
	srv := httptest.NewServer(New(store, clusters).Handler())
	defer srv.Close()
	shots := screenshotDir(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	bg := context.Background()

	// The first article (Harbor Daily, the mayor's tweet), its mayor, and
	// the most repeated statement, by id as this store numbers them.
	arts, _, err := store.Articles(bg, claimtrail.ArticleFilter{Outlet: "Harbor Daily"})
	if err != nil || len(arts) != 1 {
		t.Fatalf("Harbor Daily article: %v, %v", arts, err)
	}
	firstArticle := "/articles/" + strconv.FormatInt(arts[0].ID, 10)
	sps, err := store.Speakers(bg, "Elena Varga", 1)
	if err != nil || len(sps) != 1 {
		t.Fatalf("speaker Elena Varga: %v, %v", sps, err)
	}
	top, _, err := clusters.Clusters(bg, claimtrail.ClusterFilter{Limit: 1})
	if err != nil || len(top) != 1 {
		t.Fatalf("top cluster: %v, %v", top, err)
	}
	fullShot := func(t *testing.T, ctx context.Context, dir, name string) { shot(t, ctx, dir, prefix+name) }

	// Every page loads without the error page.
	pages := []struct{ name, path string }{
		{"overview", "/"},
		{"clusters", "/clusters"},
		{"search-empty", "/search"},
		{"article", firstArticle},
		{"speaker", "/speakers/" + strconv.FormatInt(sps[0].ID, 10)},
		{"trail", "/clusters/" + strconv.FormatInt(top[0].ID, 10)},
	}
	for _, p := range pages {
		do(t, ctx, p.path, chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible(css("main")))
		if run(t, ctx, p.path, chromedp.Evaluate[bool](`!!document.querySelector(".error-page")`)) {
			t.Errorf("%s shows the error page", p.path)
		}
		fullShot(t, ctx, shots, p.name)
	}

	// Search finds a quote.
	do(t, ctx, "search",
		chromedp.Navigate(srv.URL+"/search"),
		chromedp.SendKeys(css("#q"), "act of God"),
		chromedp.Submit(css("#q")),
		chromedp.WaitVisible(css(".hit-quote")),
	)
	hitText := run(t, ctx, "search hit", chromedp.Text(css(".hit-quote .quote-text")))
	if !strings.Contains(strings.ToLower(hitText), "act of god") {
		t.Errorf("first hit %q does not contain the words searched", hitText)
	}
	fullShot(t, ctx, shots, "search-results")

	// Clicking an attribution's source leads to its speaker.
	do(t, ctx, "click source",
		chromedp.Navigate(srv.URL+firstArticle),
		chromedp.WaitVisible(css(".article-text")),
		chromedp.Click(css(`.article-text a.hl-source[href^="/speakers/"]`)),
		chromedp.WaitVisible(css(".page-head h1")),
	)
	location := run(t, ctx, "location", chromedp.Location())
	h1 := run(t, ctx, "speaker name", chromedp.Text(css(".page-head h1")))
	if !strings.Contains(location, "/speakers/") || h1 != "Elena Varga" {
		t.Errorf("source click went to %s (%q), want Elena Varga's page", location, h1)
	}

	// The keyboard works too: focus the first content highlight that has
	// a trail and press Enter.
	do(t, ctx, "follow content to its trail",
		chromedp.Navigate(srv.URL+firstArticle),
		chromedp.WaitVisible(css(".article-text")),
		chromedp.Focus(css(`.article-text a.hl-content[href^="/clusters/"]`)),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(css("svg.trail-plot")),
	)
	location = run(t, ctx, "location", chromedp.Location())
	if !strings.Contains(location, "/clusters/") {
		t.Fatalf("content highlight led to %s, want a trail", location)
	}
	plotOutlets := run(t, ctx, "plot outlets", chromedp.Evaluate[[]string](`[...document.querySelectorAll("svg.trail-plot text.outlet")].map(e => e.textContent)`))
	fullShot(t, ctx, shots, "trail-from-article")

	// The plot shows every outlet that carried the statement.
	id := location[strings.LastIndex(location, "/")+1:]
	c, err := clusters.Cluster(bg, must(strconv.ParseInt(id, 10, 64)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, mem := range c.Members {
		want[mem.Outlet] = true
	}
	for o := range want {
		if !slices.Contains(plotOutlets, o) {
			t.Errorf("trail plot lacks outlet %q (has %v)", o, plotOutlets)
		}
	}
	if len(plotOutlets) != len(want) {
		t.Errorf("plot has %d outlet rows, cluster has %d outlets", len(plotOutlets), len(want))
	}
	if n := run(t, ctx, "first mark", chromedp.Evaluate[int](`document.querySelectorAll("svg.trail-plot .first-ring").length`)); n != 1 {
		t.Errorf("%d first-appearance marks, want 1", n)
	}

	// From the misattributed quote in a speaker listing to its trail,
	// which flags the misattribution.
	do(t, ctx, "misattributed quote to its trail",
		chromedp.Navigate(srv.URL+"/search?speaker=Tomas+Reyes"),
		chromedp.WaitVisible(css(".quote-card")),
		chromedp.Click(css(".quote-card a.trail-link")),
		chromedp.WaitVisible(css("svg.trail-plot")),
	)
	if !run(t, ctx, "misattribution badge", chromedp.Evaluate[bool](`document.querySelectorAll(".badge-warn").length > 0`)) {
		t.Error("trail of a quote attributed to two people shows no misattribution warning")
	}
	fullShot(t, ctx, shots, "trail-misattributed")

	// Print view: highlights keep distinct line styles without colour.
	do(t, ctx, "print emulation",
		chromedp.Navigate(srv.URL+firstArticle),
		chromedp.WaitVisible(css(".article-text")),
		emulateMedia("print"),
	)
	defer do(t, ctx, "back to screen media", emulateMedia(""))
	styles := run(t, ctx, "print styles", chromedp.Evaluate[[]string](`["source","cue","content"].map(r => { const s = getComputedStyle(document.querySelector(".article-text .hl-"+r)); return s.borderBottomStyle + "/" + s.borderTopStyle + "/" + s.backgroundColor })`))
	if len(styles) != 3 || styles[0] == styles[1] || styles[1] == styles[2] || styles[0] == styles[2] {
		t.Errorf("print styles of source/cue/content are not distinct: %v", styles)
	}
	for _, s := range styles {
		if !strings.HasSuffix(s, "rgba(0, 0, 0, 0)") {
			t.Errorf("print style %q keeps a background colour", s)
		}
	}
	fullShot(t, ctx, shots, "article-print")
}

// emulateMedia switches the tab to a CSS media type ("print", as for a
// printout; "" for the screen again).
func emulateMedia(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}
