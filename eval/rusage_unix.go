//go:build unix

package eval

import (
	"runtime"
	"syscall"
)

// maxRSS returns the process's peak resident set size in bytes, or 0 when
// the system cannot tell.
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	// Linux and most BSDs report kilobytes; macOS reports bytes.
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}
