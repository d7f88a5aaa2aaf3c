package claimtrail

import "context"

// ClusterUpdate says what one run of the cross-article step did.
type ClusterUpdate struct {
	Quotes         int `json:"quotes"`          // direct and mixed quotes clustered
	Clusters       int `json:"clusters"`        // clusters after the update
	Moved          int `json:"moved"`           // quotes whose cluster_id was written
	Written        int `json:"written"`         // summary rows inserted or changed
	Deleted        int `json:"deleted"`         // summary rows of clusters gone
	SpeakersMerged int `json:"speakers_merged"` // speaker rows merged into another
	// Incremental: only the new quotes were matched, against the phrase
	// graph kept in memory (sqlite Store.ClusterNewQuotes).
	Incremental bool `json:"incremental"`
}

// ClusterMaintainer is the store-wide step that follows writes: merging
// speakers across articles and bringing the quote clusters up to date
// (see package trail). It runs after each ingest, reindex or HTTP ingest,
// and again whenever a run that stored articles was killed before it
// finished: the need for it is recorded durably by every write that
// stores or replaces an article, in the same transaction, so a process
// killed before or during the step leaves it pending for the next ingest
// or the next `serve`.
type ClusterMaintainer interface {
	// ClustersPending reports whether the step has work to do: articles
	// stored or replaced since it last completed, or clusters otherwise
	// out of date.
	ClustersPending(ctx context.Context) (bool, error)
	// RefreshClusters runs the step (cheap when nothing changed) and
	// clears the pending record unless another writer set it again
	// meanwhile. Safe to run from several processes at once.
	RefreshClusters(ctx context.Context) (ClusterUpdate, error)
}
