//go:build !unix

package eval

// maxRSS is unknown on this system.
func maxRSS() int64 { return 0 }
