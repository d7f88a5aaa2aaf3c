package metrics

import (
	"strings"
	"sync"
	"testing"
)

func TestTextFormat(t *testing.T) {
	r := NewRegistry()
	c := r.NewCounterVec("claimtrail_articles_total", "Articles by outcome.", "outcome")
	h := r.NewHistogramVec("claimtrail_http_request_seconds", "Latency.", []float64{0.1, 1}, "route")
	r.NewGaugeFunc("claimtrail_queue_depth", "Items waiting.", func() float64 { return 3 })
	c.With("inserted").Add(2)
	c.With("failed").Inc()
	for _, v := range []float64{0.05, 0.1, 0.5, 7} {
		h.With(`GET /api/x"y`).Observe(v)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"# TYPE claimtrail_articles_total counter\n",
		`claimtrail_articles_total{outcome="failed"} 1` + "\n",
		`claimtrail_articles_total{outcome="inserted"} 2` + "\n",
		"# TYPE claimtrail_http_request_seconds histogram\n",
		`claimtrail_http_request_seconds_bucket{route="GET /api/x\"y",le="0.1"} 2` + "\n", // 0.1 falls in le=0.1
		`claimtrail_http_request_seconds_bucket{route="GET /api/x\"y",le="1"} 3` + "\n",
		`claimtrail_http_request_seconds_bucket{route="GET /api/x\"y",le="+Inf"} 4` + "\n",
		`claimtrail_http_request_seconds_sum{route="GET /api/x\"y"} 7.65` + "\n",
		`claimtrail_http_request_seconds_count{route="GET /api/x\"y"} 4` + "\n",
		"claimtrail_queue_depth 3\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Index(got, "articles_total") > strings.Index(got, "queue_depth") {
		t.Error("families not in registration order")
	}
}

func TestConcurrentUpdates(t *testing.T) {
	r := NewRegistry()
	c := r.NewCounterVec("n_total", "n", "k")
	h := r.NewHistogramVec("h_seconds", "h", nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				c.With("a").Inc()
				h.With().Observe(0.01)
			}
		})
	}
	wg.Wait()
	if got := c.With("a").Value(); got != 8000 {
		t.Errorf("counter %v, want 8000", got)
	}
	if got := h.With().Count(); got != 8000 {
		t.Errorf("histogram count %d, want 8000", got)
	}
}

func TestRegisterTwicePanics(t *testing.T) {
	r := NewRegistry()
	r.NewCounterVec("x_total", "x")
	defer func() {
		if recover() == nil {
			t.Error("second registration did not panic")
		}
	}()
	r.NewCounterVec("x_total", "x")
}
