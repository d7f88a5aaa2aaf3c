package sqlite

import (
	"testing"

	"github.com/claimtrail/claimtrail/storetest"
)

// TestStoreSuite runs the behaviour shared by every store.
func TestStoreSuite(t *testing.T) {
	savedCap, savedCandidates := totalCap, rankCandidates
	totalCap, rankCandidates = storetest.SearchCap, storetest.SearchCandidates
	defer func() { totalCap, rankCandidates = savedCap, savedCandidates }()
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
