package queue

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// UserAgent names the tool in every request a feed poll makes.
const UserAgent = "claimtrail-watch/1 (+https://github.com/claimtrail/claimtrail)"

// FeedState is what a feed's server said last time, for a conditional GET.
type FeedState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// NotModified is set by a poll that got 304 Not Modified.
	NotModified bool `json:"-"`
}

// Poller is an http.RoundTripper for polling feeds politely: requests for
// a feed URL it knows carry If-None-Match and If-Modified-Since from the
// last answer, every request names the tool in its User-Agent, and
// requests to one host are spaced by at least Delay. Give it to
// ingest.Options.HTTPClient (Client does), so that the ingest package
// reads the feed and its items as it does any URL.
//
// A 304 answer is handed to the reader as an empty RSS feed, so that an
// unchanged feed yields no items (and no error), and the state is kept.
type Poller struct {
	// Delay is the least time between two requests to one host.
	Delay time.Duration
	// Transport does the requests (http.DefaultTransport when nil).
	Transport http.RoundTripper

	mu     sync.Mutex
	states map[string]FeedState // by feed URL
	next   map[string]time.Time // by host: earliest time of the next request
}

// NewPoller returns a poller with the given per-host delay.
func NewPoller(delay time.Duration) *Poller {
	return &Poller{Delay: delay, states: map[string]FeedState{}, next: map[string]time.Time{}}
}

// Client is an HTTP client that goes through the poller.
func (p *Poller) Client() *http.Client {
	return &http.Client{Transport: p, Timeout: 2 * time.Minute}
}

// State is the stored conditional-GET state of a feed.
func (p *Poller) State(feed string) FeedState {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.states[feed]
}

// SetState sets the state of a feed (loaded from a store).
func (p *Poller) SetState(feed string, st FeedState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.states[feed] = st
}

// emptyFeed stands in for the body of a 304 answer.
const emptyFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>not modified</title></channel></rss>`

// RoundTrip implements http.RoundTripper.
func (p *Poller) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", UserAgent)
	feed := req.URL.String()
	p.mu.Lock()
	st, known := p.states[feed]
	p.mu.Unlock()
	if known {
		if st.ETag != "" {
			req.Header.Set("If-None-Match", st.ETag)
		}
		if st.LastModified != "" {
			req.Header.Set("If-Modified-Since", st.LastModified)
		}
	}
	if err := p.wait(req.Context(), req.URL); err != nil {
		return nil, err
	}
	tr := p.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	resp, err := tr.RoundTrip(req)
	if err != nil || !known {
		return resp, err
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		resp.Body.Close()
		st.NotModified = true
		p.SetState(feed, st)
		return &http.Response{
			Status: "200 OK", StatusCode: http.StatusOK, Proto: resp.Proto, ProtoMajor: resp.ProtoMajor, ProtoMinor: resp.ProtoMinor,
			Header:  http.Header{"Content-Type": {"application/rss+xml"}},
			Body:    io.NopCloser(strings.NewReader(emptyFeed)),
			Request: req, ContentLength: int64(len(emptyFeed)),
		}, nil
	case resp.StatusCode/100 == 2:
		p.SetState(feed, FeedState{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")})
	}
	return resp, nil
}

// Watch marks feed as polled, so that its next request is conditional
// (only URLs marked are, not the item pages a feed links to).
func (p *Poller) Watch(feed string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.states[feed]; !ok {
		p.states[feed] = FeedState{}
	}
}

// wait sleeps until the host may be asked again.
func (p *Poller) wait(ctx context.Context, u *url.URL) error {
	if p.Delay <= 0 {
		return nil
	}
	host := u.Host
	p.mu.Lock()
	now := time.Now()
	at := p.next[host]
	if at.Before(now) {
		at = now
	}
	p.next[host] = at.Add(p.Delay)
	p.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// ReadFeedList reads feed URLs from a file: one a line, blank lines and
// lines starting with # skipped.
func ReadFeedList(b []byte) []string {
	var out []string
	for _, line := range bytes.Split(b, []byte("\n")) {
		s := strings.TrimSpace(string(line))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		out = append(out, s)
	}
	return out
}
