package http

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/mock"
)

// TestServeShutsDownOnCancel checks that Serve answers requests and
// returns cleanly once its context is cancelled (Ctrl-C in serve).
func TestServeShutsDownOnCancel(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m := mock.NewMemory()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- New(m, m).Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v after cancel", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	srv := New(m, m).HTTPServer("127.0.0.1:0")
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 {
		t.Errorf("http.Server without timeouts: %+v", srv)
	}
}
