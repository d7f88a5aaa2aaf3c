package sqlite

import (
	"testing"

	"github.com/claimtrail/claimtrail/storetest"
)

// TestStoreSuite runs the behaviour shared by every store.
func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
