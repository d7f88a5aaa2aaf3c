//go:build !unix

package cputime

import "time"

// Precise reports whether Now measures CPU time (true) or wall time.
const Precise = false

var start = time.Now()

func now() time.Duration { return time.Since(start) }
