package http

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/mock"
)

func TestHealthzAndMetrics(t *testing.T) {
	m := mock.NewMemory()
	s := New(m, m)
	var healthErr error
	s.Health = func(context.Context) error { return healthErr }
	s.Metrics = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "x_total 1\n") })
	var mu sync.Mutex
	routes := map[string]int{}
	s.ObserveRequest = func(route string, status int, d time.Duration) {
		mu.Lock()
		routes[route+" "+StatusClass(status)]++
		mu.Unlock()
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	fetch := func(method, path string) (int, string) {
		req, _ := http.NewRequest(method, ts.URL+path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, tc := range []struct {
		method, path string
		status       int
		body         string
	}{
		{"GET", "/healthz", 200, `"ok"`},
		{"POST", "/healthz", 405, "use GET"},
		{"GET", "/metrics", 200, "x_total 1"},
	} {
		if status, body := fetch(tc.method, tc.path); status != tc.status || !strings.Contains(body, tc.body) {
			t.Errorf("%s %s: %d %q, want %d with %q", tc.method, tc.path, status, body, tc.status, tc.body)
		}
	}
	healthErr = errors.New("disk gone")
	if status, body := fetch("GET", "/healthz"); status != 503 || !strings.Contains(body, "disk gone") {
		t.Errorf("failing health: %d %q", status, body)
	}
	fetch("GET", "/api/articles/1")
	fetch("GET", "/api/articles/2")
	fetch("GET", "/api/nowhere")
	mu.Lock()
	defer mu.Unlock()
	if routes["GET /api/articles/{id} 4xx"] != 2 {
		t.Errorf("requests by route %v: want both article lookups under one pattern", routes)
	}
	for r := range routes {
		if strings.Contains(r, "healthz") || strings.Contains(r, "metrics") {
			t.Errorf("operating endpoint timed as a route: %s", r)
		}
	}
}

// TestServeFinishesInFlight: cancelling Serve's context lets a request in
// progress (a slow ingest) finish with its answer.
func TestServeFinishesInFlight(t *testing.T) {
	m := mock.NewMemory()
	s := New(m, m)
	started := make(chan struct{})
	s.Token = "tok"
	s.Ingest = func(ctx context.Context, body io.Reader, report func(IngestResult)) error {
		close(started)
		time.Sleep(300 * time.Millisecond)
		report(IngestResult{Outcome: "inserted", Source: "slow"})
		return nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	answer := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("POST", "http://"+ln.Addr().String()+"/api/ingest", strings.NewReader(`{"text":"x"}`))
		req.Header.Set("Authorization", "Bearer tok")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answer <- 0
			return
		}
		resp.Body.Close()
		answer <- resp.StatusCode
	}()
	<-started
	cancel()
	if status := <-answer; status != 200 {
		t.Errorf("in-flight ingest answered %d during shutdown, want 200", status)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
}
