package postgres

import (
	"testing"

	"github.com/claimtrail/claimtrail/storetest"
)

// TestStore runs the behaviour every store promises (package storetest).
func TestStore(t *testing.T) {
	savedCap, savedCandidates := totalCap, rankCandidates
	totalCap, rankCandidates = storetest.SearchCap, storetest.SearchCandidates
	defer func() { totalCap, rankCandidates = savedCap, savedCandidates }()
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
