package ingest

import (
	"flag"
	"os"
	"testing"
)

// fuzzMinimizeTime is how long the fuzz engine may minimize one input in
// this package's fuzz targets when -fuzzminimizetime is not given (Go's
// default is 60s).
//
// The engine minimizes every input that reaches new code, not only
// crashers: it drops bytes one at a time, then every range of bytes, a
// number of runs quadratic in the input's size, and it counts none of
// those runs until the minimization ends. One run of FuzzWalkFile (the
// whole walk: HTML extraction, feeds, WARC, with coverage instrumentation)
// takes 0.1-4 ms, so a few-hundred-byte input took its full minute, and
// `go test -fuzz FuzzWalkFile` showed 0 execs/sec from the end of the
// baseline to the end of -fuzztime. One second still shortens inputs
// (cutting the tail and single bytes go first: a few thousand runs) and
// keeps the fuzzing going, one worker or more; give -fuzzminimizetime
// (e.g. 60s) for a thorough minimization of a crasher.
const fuzzMinimizeTime = "1s"

func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) {
		given = given || f.Name == "test.fuzzminimizetime"
	})
	if !given {
		if err := flag.Set("test.fuzzminimizetime", fuzzMinimizeTime); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
