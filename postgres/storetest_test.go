package postgres

import (
	"testing"

	"github.com/claimtrail/claimtrail/storetest"
)

// TestStore runs the behaviour every store promises (package storetest),
// with search probing windows of a few ids (gather) so that the suite's
// small stores go through windows, the sparse rest and the older
// matches past those gathered.
func TestStore(t *testing.T) {
	savedCap, savedCandidates, savedWindow, savedMax := totalCap, rankCandidates, probeWindow, maxProbeWindow
	totalCap, rankCandidates, probeWindow, maxProbeWindow = storetest.SearchCap, storetest.SearchCandidates, 2, 6
	defer func() {
		totalCap, rankCandidates, probeWindow, maxProbeWindow = savedCap, savedCandidates, savedWindow, savedMax
	}()
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
