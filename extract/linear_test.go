package extract

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/cputime"
)

// adversarialShapes builds texts of about n bytes that stress one part of
// extraction each: the shapes that made it quadratic before (issue 11).
var adversarialShapes = []struct {
	name string
	make func(n int) string
}{
	{"opening-marks", func(n int) string { return fill("T\n\nShe said ", "“word ", n) }},
	{"closing-marks", func(n int) string { return fill("T\n\nShe said ", "word” ", n) }},
	{"singles-then-doubles", func(n int) string {
		return fill("T\n\nShe said ", "‘word ", n/2) + strings.Repeat("” ", n/4)
	}},
	{"straight-marks", func(n int) string { return fill("T\n\nShe said ", "\"word ", n) }},
	{"nested", func(n int) string {
		k := n / 16
		return "T\n\nShe said " + strings.Repeat("“a ‘b ", k) + strings.Repeat("c’ d” ", k)
	}},
	{"cues", func(n int) string { return fill("T\n\n", "Smith said, “The port will close.” ", n) }},
	{"quote-paragraphs", func(n int) string {
		return fill("T\n\n", "“The tolls will rise again next year,” Mayor Elena Reyes said on Twitter, according to the Post.\n\n“We have no choice at all in the matter.”\n\n", n)
	}},
	// each quote alone in its paragraph, led into by the statement before
	// it: every quote looked back over every attribution once
	{"standalone-quotes", func(n int) string {
		return fill("T\n\n", "Mayor Elena Reyes said the port will close.\n\n“We have no choice at all in the matter here.”\n\n", n)
	}},
	{"continued-paragraphs", func(n int) string { return fill("T\n\nShe said:\n\n", "“word word word word\n\n", n) }},
	{"unclosed-paragraphs", func(n int) string { return fill("T\n\n", "He said “word word word word\n\n", n) }},
	{"huge-sentence", func(n int) string { return fill("T\n\n", "word said ", n) }},
	{"dashes", func(n int) string { return fill("T\n\n“It is over,” ", "— Ann Lee, ", n) }},
	// session 27's passes: transcript turns, block quotes, pieces of
	// later reports, office descriptions named later
	{"transcript", func(n int) string {
		return fill("T\n\n", "VANE: What do you know?\nKELL: I do.\nI think the money went abroad.\n", n)
	}},
	{"block-quotes", func(n int) string {
		return fill("T\n\n", "These deals take time, Dana Kell said at the trial.\n\n    I have been building relationships with the founders for years.\n\n", n)
	}},
	{"borrowed-pieces", func(n int) string {
		return fill("T\n\n", "“Who is Ellen?” Marsh recalls thinking. “It is one of the most important papers,” he said. ", n)
	}},
	{"office-later", func(n int) string {
		return fill("T\n\n", "The home secretary said he would not act. Outgoing Vane said no. ", n) + " Home Secretary Charles Vane told the BBC."
	}},
	// relay asides and appositions, each a candidate that looks at the
	// other attributions (session 28's rules)
	{"relay-asides", func(n int) string {
		return fill("T\n\n", "The council, according to Mr Baines, has never answered the letters. "+
			"The ministry announced that Tomas Reyk, previously accused of fraud, will be released. ", n)
	}},
}

// fill repeats unit after head until the text reaches about n bytes.
func fill(head, unit string, n int) string {
	return head + strings.Repeat(unit, max(1, (n-len(head))/len(unit)))
}

// peakHeap runs f and returns the most heap memory in use while it ran
// (sampled every millisecond, so a little under the true peak).
func peakHeap(f func()) uint64 {
	read := heapInUse
	runtime.GC()
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				v := read()
				mu.Lock()
				peak = max(peak, v)
				mu.Unlock()
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return max(peak, read())
}

// TestExtractionScales: on every adversarial shape, 8x the text takes at
// most about 8x the CPU time (CPU time: the machine may be shared). The
// default sizes (128 KB and 1 MB; an eighth of that for the cue-dense
// huge-sentence shape, whose every other word is a cue) keep the test
// quick; CLAIMTRAIL_SCALE_MB=1,2,4,8 runs the sizes and logs CPU
// and wall time, peak heap above the models' and the attributions found
// for each (CLAIMTRAIL_SCALE_SHAPE picks shapes by name).
//
// The bar is the issue's: 1.3x per doubling beyond linear (17.6x for 8x
// the text), with half as much again at the default sizes, where runs are
// short and the machine's noise is large. Quadratic code takes 64x for 8x
// the text, and took minutes at 1 MB.
func TestExtractionScales(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	sizes, slack := []int{128 << 10, 1 << 20}, 1.5
	if env := os.Getenv("CLAIMTRAIL_SCALE_MB"); env != "" {
		sizes, slack = nil, 1
		for _, f := range strings.Split(env, ",") {
			mb, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("CLAIMTRAIL_SCALE_MB=%q: %v", env, err)
			}
			sizes = append(sizes, int(mb*(1<<20)))
		}
	}
	only := os.Getenv("CLAIMTRAIL_SCALE_SHAPE")
	e := newExtractor(t)
	ctx := context.Background()
	runtime.GC()
	base := heapInUse()
	for _, shape := range adversarialShapes {
		if only != "" && !strings.Contains(shape.name, only) {
			continue
		}
		div := 1
		if shape.name == "huge-sentence" && os.Getenv("CLAIMTRAIL_SCALE_MB") == "" {
			div = 8
		}
		var cpu []time.Duration
		var line strings.Builder
		for _, n := range sizes {
			text := shape.make(n / div)
			var d, wall time.Duration
			var atts int
			peak := peakHeap(func() {
				t0 := time.Now()
				d = cputime.Measure(func() {
					x, err := e.Extract(ctx, text)
					if err != nil {
						t.Fatalf("%s, %d bytes: %v", shape.name, len(text), err)
					}
					atts = len(x.Attributions)
				})
				wall = time.Since(t0)
			})
			cpu = append(cpu, d)
			fmt.Fprintf(&line, " | %.2f MB: cpu %.2fs wall %.2fs heap %d MB atts %d", float64(len(text))/(1<<20), d.Seconds(), wall.Seconds(), (peak-min(peak, base))>>20, atts)
		}
		t.Logf("%-21s%s", shape.name, line.String())
		growth := float64(sizes[len(sizes)-1]) / float64(sizes[0])
		bar := growth * math.Pow(1.3, math.Log2(growth)) * slack
		if got := float64(cpu[len(cpu)-1]) / float64(max(cpu[0], time.Millisecond)); got > bar {
			// timings are measured, not asserted, in the default run: the
			// small size takes milliseconds, so a busy machine (CI beside
			// other work) swings the ratio past the bar; CLAIMTRAIL_SCALE_STRICT=1
			// makes it a failure on a quiet one
			report := t.Logf
			if os.Getenv("CLAIMTRAIL_SCALE_STRICT") != "" {
				report = t.Errorf
			}
			report("%s: %.0fx the text took %.1fx the CPU time (bar %.1fx)", shape.name, growth, got, bar)
		}
	}
}

func heapInUse() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// TestExtractCancels: a cancelled extraction of a large adversarial text
// returns the context's error promptly, at every stage it may be in.
func TestExtractCancels(t *testing.T) {
	e := newExtractor(t)
	for _, shape := range adversarialShapes {
		if shape.name != "huge-sentence" && shape.name != "opening-marks" && shape.name != "cues" {
			continue
		}
		text := shape.make(2 << 20)
		for _, after := range []time.Duration{0, 50 * time.Millisecond, 400 * time.Millisecond} {
			ctx, cancel := context.WithTimeout(context.Background(), after)
			t0 := time.Now()
			_, err := e.Extract(ctx, text)
			late := time.Since(t0) - after
			cancel()
			if err == nil && late < 0 {
				continue // finished before the deadline: nothing to cancel
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%s, cancelled after %v: err %v, want the deadline's", shape.name, after, err)
			}
			// generous: segmenting 2 MB takes a few hundred milliseconds
			// on a loaded machine, and the context is looked at between
			// stages and every few milliseconds inside them
			if late > 2*time.Second {
				t.Errorf("%s, cancelled after %v: returned %v later", shape.name, after, late)
			}
		}
	}
}
