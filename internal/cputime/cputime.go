// Package cputime measures the CPU time the process has used, for tests
// and benchmarks that compare how work grows with input size: on a
// machine shared with other jobs, wall-clock ratios swing with the load,
// while CPU time counts only this process's own work.
package cputime

import "time"

// Now returns the user plus system CPU time used by the process so far,
// or the wall-clock time since the process started where the system does
// not tell (see Precise).
func Now() time.Duration { return now() }

// Measure returns the CPU time f takes (with whatever the runtime does in
// the meantime, such as garbage collection, on other threads).
func Measure(f func()) time.Duration {
	t0 := Now()
	f()
	return Now() - t0
}

// Min returns the least CPU time f takes over runs runs.
func Min(runs int, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for i := 0; i < max(runs, 1); i++ {
		best = min(best, Measure(f))
	}
	return best
}

// MinPair returns the least CPU time of a and of b over runs runs each,
// run alternately so that a change in the machine's load touches both.
func MinPair(runs int, a, b func()) (ta, tb time.Duration) {
	ta, tb = time.Duration(1<<63-1), time.Duration(1<<63-1)
	for i := 0; i < max(runs, 1); i++ {
		ta = min(ta, Measure(a))
		tb = min(tb, Measure(b))
	}
	return ta, tb
}
