package http

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// ops serves the operating endpoints ahead of everything else, so that a
// health check or a scrape never waits for a store slot behind a burst
// of queries, and times every other request by its route pattern (not
// its path, so that /articles/1 and /articles/2 are one series).
//
//	GET /healthz  200 {"status":"ok"}, or 503 with the reason when Health
//	              fails (the store cannot be read)
//	GET /metrics  the Prometheus text format (404 when Metrics is nil)
func (s *Server) ops(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz":
			s.healthz(w, r)
			return
		case "/metrics":
			if s.Metrics != nil {
				if r.Method != http.MethodGet && r.Method != http.MethodHead {
					w.Header().Set("Allow", "GET, HEAD")
					writeJSONError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use GET")
					return
				}
				w.Header().Set("X-Content-Type-Options", "nosniff")
				s.Metrics.ServeHTTP(w, r)
				return
			}
		}
		if s.ObserveRequest == nil {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		route := "other"
		if _, pattern := s.mux.Handler(r); pattern != "" {
			route = pattern
		}
		s.ObserveRequest(route, sw.status, time.Since(start))
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeJSONError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use GET")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if s.Health != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.Health(ctx); err != nil {
			s.Logger.Warn("health check failed", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// StatusClass is "2xx", "4xx", ...: few enough label values for a
// metric.
func StatusClass(status int) string { return strconv.Itoa(status/100) + "xx" }
