package mock

import (
	"testing"

	"github.com/claimtrail/claimtrail/storetest"
)

// TestMemoryStoreSuite holds Memory to the behaviour of the real stores.
func TestMemoryStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return NewMemory() })
}
