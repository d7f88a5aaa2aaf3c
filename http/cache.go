package http

import (
	"context"
	"sync"
	"time"
)

// cached holds one value computed from the store for a short time. The
// overview and the totals aggregate the whole store (hundreds of
// milliseconds on a large one) while changing only on ingest, so a burst
// of visitors to the front page should cost one computation, not one
// each. Callers wait on the mutex while another fills the value, which
// also makes concurrent misses compute once.
type cached[T any] struct {
	mu  sync.Mutex
	val T
	at  time.Time
	ttl time.Duration
}

// get returns the value, filling it when it is older than the TTL or was
// invalidated. A failed fill is not kept.
func (c *cached[T]) get(ctx context.Context, fill func(ctx context.Context) (T, error)) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < c.ttl {
		return c.val, nil
	}
	v, err := fill(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	c.val, c.at = v, time.Now()
	return v, nil
}

// invalidate makes the next get fill again (after an ingest).
func (c *cached[T]) invalidate() {
	c.mu.Lock()
	c.at = time.Time{}
	c.mu.Unlock()
}
