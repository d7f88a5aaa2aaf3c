package ingest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/claimtrail/claimtrail"
)

// userAgent names the tool to the servers it fetches from.
const userAgent = "claimtrail-ingest/1 (+https://github.com/claimtrail/claimtrail)"

// url reads a source given as an http(s) URL: a page, a feed, or any
// other kind Detect knows.
func (w *walker) url(src string) error {
	resp, err := w.request(src)
	if err != nil {
		return w.fail(src, err)
	}
	defer resp.Body.Close()
	return w.stream(src, resp.Header.Get("Content-Type"), resp.Body, resp.ContentLength, false)
}

// get fetches a URL whole, refusing a body above limit.
func (w *walker) get(link string, limit int64) (body []byte, contentType string, err error) {
	resp, err := w.request(link)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	body, err = readAll(resp.Body, resp.ContentLength, limit)
	if err != nil {
		return nil, "", err
	}
	return body, resp.Header.Get("Content-Type"), nil
}

// idleTimeout is how long a response body may send nothing before the
// request is abandoned.
var idleTimeout = 60 * time.Second

// idleBody cancels its request when no byte arrives for idleTimeout, and
// on Close.
type idleBody struct {
	body   io.ReadCloser
	timer  *time.Timer
	cancel context.CancelFunc
	idled  *atomic.Bool
}

func (b *idleBody) Read(p []byte) (int, error) {
	n, err := b.body.Read(p)
	if err != nil && b.idled.Load() {
		return n, fmt.Errorf("the server sent nothing for %v: %w", idleTimeout, err)
	}
	b.timer.Reset(idleTimeout)
	return n, err
}

func (b *idleBody) Close() error {
	b.timer.Stop()
	b.cancel()
	return b.body.Close()
}

// request sends a GET and accepts only a 2xx answer. The body must be
// closed; it fails once the server idles for idleTimeout.
func (w *walker) request(link string) (*http.Response, error) {
	ctx, cancel := context.WithCancel(w.ctx)
	idled := new(atomic.Bool)
	timer := time.AfterFunc(idleTimeout, func() {
		idled.Store(true)
		cancel()
	})
	resp, err := w.send(ctx, link)
	if err != nil {
		timer.Stop()
		cancel()
		if idled.Load() {
			err = fmt.Errorf("no answer within %v: %w", idleTimeout, err)
		}
		return nil, err
	}
	resp.Body = &idleBody{body: resp.Body, timer: timer, cancel: cancel, idled: idled}
	return resp, nil
}

func (w *walker) send(ctx context.Context, link string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "bad URL: %v", err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	resp, err := w.opt.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET: %w", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		code := claimtrail.EINVALID
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			code = claimtrail.ENOTFOUND
		}
		return nil, claimtrail.Errorf(code, "GET: HTTP %s", resp.Status)
	}
	return resp, nil
}
