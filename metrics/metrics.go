// Package metrics keeps counters, gauges and histograms in memory and
// writes them in the Prometheus text exposition format (version 0.0.4),
// which any Prometheus server or compatible agent scrapes from /metrics.
//
// It is a few hundred lines instead of the client library because
// claimtrail needs only labelled counters, histograms and gauges read at
// scrape time, and keeping the dependency out keeps the binary and the
// module graph small. Updates are lock-free on the hot path (atomics);
// a labelled child is created once under a lock and then reused.
package metrics

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Registry holds metric families in registration order.
type Registry struct {
	mu       sync.Mutex
	families []family
	names    map[string]bool
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{names: map[string]bool{}} }

type family interface {
	name() string
	write(w *bufio.Writer)
}

func (r *Registry) add(f family) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.names[f.name()] {
		panic("metrics: " + f.name() + " registered twice")
	}
	r.names[f.name()] = true
	r.families = append(r.families, f)
}

// WriteText writes every family in the text exposition format.
func (r *Registry) WriteText(w io.Writer) error {
	r.mu.Lock()
	fams := slices.Clone(r.families)
	r.mu.Unlock()
	bw := bufio.NewWriter(w)
	for _, f := range fams {
		f.write(bw)
	}
	return bw.Flush()
}

// Handler serves the registry for scraping.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		r.WriteText(w)
	})
}

// header writes the HELP and TYPE lines.
func header(w *bufio.Writer, name, help, typ string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, escapeHelp(help), name, typ)
}

func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`).Replace(s)
}

// labelText renders {k="v",...}, with extra appended (for le); "" when
// there are no labels.
func labelText(keys, values []string, extra ...string) string {
	if len(keys) == 0 && len(extra) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `%s="%s"`, k, escapeLabel(values[i]))
	}
	for i := 0; i+1 < len(extra); i += 2 {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `%s="%s"`, extra[i], escapeLabel(extra[i+1]))
	}
	b.WriteByte('}')
	return b.String()
}

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// atomicFloat is a float64 updated with compare-and-swap.
type atomicFloat struct{ bits atomic.Uint64 }

func (f *atomicFloat) add(d float64) {
	for {
		old := f.bits.Load()
		if f.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+d)) {
			return
		}
	}
}

func (f *atomicFloat) load() float64 { return math.Float64frombits(f.bits.Load()) }

// vec keeps the children of a labelled family by label values.
type vec[T any] struct {
	mu       sync.RWMutex
	keys     []string
	children map[string]*T
	values   map[string][]string
	newChild func() *T
}

func (v *vec[T]) with(values ...string) *T {
	if len(values) != len(v.keys) {
		panic(fmt.Sprintf("metrics: %d label values for %d labels", len(values), len(v.keys)))
	}
	key := strings.Join(values, "\xff")
	v.mu.RLock()
	c, ok := v.children[key]
	v.mu.RUnlock()
	if ok {
		return c
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if c, ok = v.children[key]; !ok {
		c = v.newChild()
		v.children[key] = c
		v.values[key] = slices.Clone(values)
	}
	return c
}

// each visits the children in label order, so that the output is stable.
func (v *vec[T]) each(fn func(values []string, c *T)) {
	v.mu.RLock()
	keys := make([]string, 0, len(v.children))
	for k := range v.children {
		keys = append(keys, k)
	}
	v.mu.RUnlock()
	sort.Strings(keys)
	for _, k := range keys {
		v.mu.RLock()
		c, vals := v.children[k], v.values[k]
		v.mu.RUnlock()
		fn(vals, c)
	}
}

func newVec[T any](keys []string, newChild func() *T) vec[T] {
	return vec[T]{keys: keys, children: map[string]*T{}, values: map[string][]string{}, newChild: newChild}
}

// Counter only goes up.
type Counter struct{ v atomicFloat }

// Inc adds one.
func (c *Counter) Inc() { c.v.add(1) }

// Add adds d, which must not be negative.
func (c *Counter) Add(d float64) {
	if d < 0 {
		panic("metrics: counter decreased")
	}
	c.v.add(d)
}

// Value is the current count.
func (c *Counter) Value() float64 { return c.v.load() }

// CounterVec is a counter family with labels.
type CounterVec struct {
	fname, help string
	vec[Counter]
}

// NewCounterVec registers a counter family with the given label names.
func (r *Registry) NewCounterVec(name, help string, labels ...string) *CounterVec {
	c := &CounterVec{fname: name, help: help, vec: newVec(labels, func() *Counter { return &Counter{} })}
	r.add(c)
	return c
}

// With returns the counter of these label values.
func (c *CounterVec) With(values ...string) *Counter { return c.with(values...) }

func (c *CounterVec) name() string { return c.fname }

func (c *CounterVec) write(w *bufio.Writer) {
	header(w, c.fname, c.help, "counter")
	c.each(func(values []string, ch *Counter) {
		fmt.Fprintf(w, "%s%s %s\n", c.fname, labelText(c.keys, values), formatFloat(ch.Value()))
	})
}

// GaugeFunc is a gauge read when scraped.
type GaugeFunc struct {
	fname, help string
	fn          func() float64
}

// NewGaugeFunc registers a gauge whose value fn gives at scrape time.
func (r *Registry) NewGaugeFunc(name, help string, fn func() float64) *GaugeFunc {
	g := &GaugeFunc{fname: name, help: help, fn: fn}
	r.add(g)
	return g
}

func (g *GaugeFunc) name() string { return g.fname }

func (g *GaugeFunc) write(w *bufio.Writer) {
	header(w, g.fname, g.help, "gauge")
	fmt.Fprintf(w, "%s %s\n", g.fname, formatFloat(g.fn()))
}

// Histogram counts observations into cumulative buckets.
type Histogram struct {
	upper  []float64
	counts []atomic.Uint64 // per bucket, not cumulative; last is +Inf
	sum    atomicFloat
	count  atomic.Uint64
}

func newHistogram(upper []float64) *Histogram {
	return &Histogram{upper: upper, counts: make([]atomic.Uint64, len(upper)+1)}
}

// Observe records one value.
func (h *Histogram) Observe(v float64) {
	i := sort.SearchFloat64s(h.upper, v) // first bucket with upper >= v
	h.counts[i].Add(1)
	h.sum.add(v)
	h.count.Add(1)
}

// Count is how many values were observed.
func (h *Histogram) Count() uint64 { return h.count.Load() }

// HistogramVec is a histogram family with labels.
type HistogramVec struct {
	fname, help string
	upper       []float64
	vec[Histogram]
}

// DefBuckets suit request and extraction times in seconds.
var DefBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// NewHistogramVec registers a histogram family with the given bucket
// upper bounds (sorted; nil for DefBuckets) and label names.
func (r *Registry) NewHistogramVec(name, help string, buckets []float64, labels ...string) *HistogramVec {
	if buckets == nil {
		buckets = DefBuckets
	}
	if !slices.IsSorted(buckets) {
		panic("metrics: buckets of " + name + " not sorted")
	}
	h := &HistogramVec{fname: name, help: help, upper: buckets}
	h.vec = newVec(labels, func() *Histogram { return newHistogram(h.upper) })
	r.add(h)
	return h
}

// With returns the histogram of these label values.
func (h *HistogramVec) With(values ...string) *Histogram { return h.with(values...) }

func (h *HistogramVec) name() string { return h.fname }

func (h *HistogramVec) write(w *bufio.Writer) {
	header(w, h.fname, h.help, "histogram")
	h.each(func(values []string, ch *Histogram) {
		var cum uint64
		for i, le := range ch.upper {
			cum += ch.counts[i].Load()
			fmt.Fprintf(w, "%s_bucket%s %d\n", h.fname, labelText(h.keys, values, "le", formatFloat(le)), cum)
		}
		cum += ch.counts[len(ch.upper)].Load()
		fmt.Fprintf(w, "%s_bucket%s %d\n", h.fname, labelText(h.keys, values, "le", "+Inf"), cum)
		fmt.Fprintf(w, "%s_sum%s %s\n", h.fname, labelText(h.keys, values), formatFloat(ch.sum.load()))
		fmt.Fprintf(w, "%s_count%s %d\n", h.fname, labelText(h.keys, values), cum)
	})
}
