package postgres

import (
	"testing"

	"github.com/claimtrail/claimtrail/storetest"
)

// TestStore runs the behaviour every store promises (package storetest).
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
