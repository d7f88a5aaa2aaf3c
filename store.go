package claimtrail

import (
	"context"
	"time"
)

// PutOutcome says what PutArticle did with an article.
type PutOutcome string

const (
	PutInserted  PutOutcome = "inserted"
	PutUnchanged PutOutcome = "unchanged"
	PutUpdated   PutOutcome = "updated"
)

// IngestError records one item that could not be ingested.
type IngestError struct {
	ID     int64     `json:"id,omitempty"`
	Source string    `json:"source"`
	Reason string    `json:"reason"`
	Time   time.Time `json:"time"`
}

// AttributionFilter selects attributions; zero fields do not filter.
type AttributionFilter struct {
	ArticleID int64
	Speaker   string // canonical name or alias, case-insensitive
	SpeakerID int64
	Outlet    string
	Since     time.Time
	Until     time.Time
	Kind      Kind
	Marker    MarkerType
	Channel   string
	ClusterID int64
	// InArticles makes Search match article titles and texts instead of
	// quotes; its hits then carry the article facts and no attribution.
	InArticles bool
	// After is an opaque cursor from a previous page; Limit caps the page
	// (0: the store's default).
	After string
	Limit int
}

// AttributionRow is an attribution with the article facts a listing needs.
type AttributionRow struct {
	Attribution
	ArticleSource string    `json:"article_source"`
	URL           string    `json:"url,omitempty"`
	Outlet        string    `json:"outlet,omitempty"`
	Published     time.Time `json:"published,omitzero"`
	Title         string    `json:"title,omitempty"`
}

// ArticleFilter selects articles; zero fields do not filter.
type ArticleFilter struct {
	Outlet string
	Since  time.Time
	Until  time.Time
	After  string
	Limit  int
}

// SearchHit is one full-text match: a quote or an article.
type SearchHit struct {
	AttributionRow
	// Snippet is a readable window of the matching text, plain (no
	// marks); Matches are the matched words in it, as code-point offsets
	// into Snippet (see SearchHit.MarkedSnippet for the CLI's [ ] form).
	Snippet string `json:"snippet"`
	Matches []Span `json:"matches"`
	// ContentMatches are the matched words of a quote hit as spans of the
	// article's text, so that a client can highlight them in Content or
	// Quotes; empty for article hits.
	ContentMatches []Span  `json:"content_matches,omitempty"`
	Rank           float64 `json:"rank"`
}

// SpeakerStat is a speaker with counts for listings.
type SpeakerStat struct {
	Speaker
	Attributions int       `json:"attributions"`
	Articles     int       `json:"articles"`
	Outlets      int       `json:"outlets"`
	FirstSeen    time.Time `json:"first_seen,omitzero"`
	LastSeen     time.Time `json:"last_seen,omitzero"`
	// TopOutlets and Channels are filled by Store.Speaker only (see
	// NameCount).
	TopOutlets []NameCount `json:"top_outlets,omitempty"`
	Channels   []NameCount `json:"channels,omitempty"`
}

// Stats are the store's totals; scripts rely on these JSON names.
type Stats struct {
	Articles     int   `json:"articles"`
	Attributions int   `json:"attributions"`
	Speakers     int   `json:"speakers"`
	Errors       int   `json:"errors"`
	Clusters     int   `json:"clusters"`
	Outlets      int   `json:"outlets"`
	Bytes        int64 `json:"bytes,omitempty"`
}

// Store persists articles and what was extracted from them. Methods return
// *Error with ENOTFOUND for missing items and EINVALID for bad filters.
type Store interface {
	// PutArticle stores an article and its attributions atomically,
	// identified by URL, or by text hash when there is no URL. The same
	// text from the same extractor version is PutUnchanged (nothing is
	// written); otherwise the stored article and everything extracted from
	// it are replaced (PutUpdated). With a.ID set (reindex) that article
	// is replaced whatever its text. On success a.ID and a.Hash are set.
	PutArticle(ctx context.Context, a *Article) (PutOutcome, error)
	Article(ctx context.Context, id int64) (*Article, error)
	// ArticleBySource finds an article by its source, URL or id as text.
	ArticleBySource(ctx context.Context, ref string) (*Article, error)
	Articles(ctx context.Context, f ArticleFilter) ([]*Article, string, error)
	// Attributions returns a page of rows in a stable order and the
	// cursor of the next page ("" at the end).
	Attributions(ctx context.Context, f AttributionFilter) ([]AttributionRow, string, error)
	Search(ctx context.Context, query string, f AttributionFilter) ([]SearchHit, error)
	Speakers(ctx context.Context, name string, limit int) ([]SpeakerStat, error)
	Speaker(ctx context.Context, id int64) (*SpeakerStat, error)
	RecordError(ctx context.Context, e IngestError) error
	Errors(ctx context.Context, limit int) ([]IngestError, error)
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Batch is a unit of bulk ingest, committed atomically: after a crash
// either all of it is stored or none of it.
type Batch struct {
	Articles []*Article
	// Errors are recorded (or replace the source's earlier error).
	Errors []IngestError
	// Unchanged are sources found already stored (not re-extracted);
	// their earlier errors, if any, are cleared.
	Unchanged []string
}

// PutResult is what PutBatch did with one article of a batch.
type PutResult struct {
	ID      int64      `json:"id"`
	Outcome PutOutcome `json:"outcome,omitempty"`
	// Err is set when this article was refused (e.g. EINVALID for a span
	// outside the text); it is recorded as an ingest error and the rest
	// of the batch is stored.
	Err error `json:"-"`
}

// ArticleState is what the store holds under an article's identity, so
// that ingest can skip extracting an article that has not changed.
type ArticleState struct {
	ID               int64
	Hash             string
	ExtractorVersion string
}

// IngestStore is the bulk side of a store, used by ingest and reindex.
// It is separate from Store so that read-only implementations (test
// doubles, an API server) need not provide it.
type IngestStore interface {
	Store
	// PutBatch stores b in one transaction; results[i] belongs to
	// b.Articles[i].
	PutBatch(ctx context.Context, b Batch) ([]PutResult, error)
	// LookupArticle returns the state of the stored article that an
	// article with this URL (or, without one, this text hash) would
	// replace; ENOTFOUND when there is none.
	LookupArticle(ctx context.Context, url, hash string) (ArticleState, error)
	// StaleArticles returns up to limit articles with id > afterID, in id
	// order, whose extractor version differs from version (every article
	// when version is ""), with their text but without attributions.
	StaleArticles(ctx context.Context, version string, afterID int64, limit int) ([]*Article, error)
	// CountStale is how many articles StaleArticles would return in all.
	CountStale(ctx context.Context, version string) (int, error)
}

// ClusterFilter selects clusters; zero fields do not filter.
type ClusterFilter struct {
	MinArticles int
	Speaker     string
	Query       string // words the canonical text must contain
	// Outlet, Since and Until keep clusters with a member published by
	// that outlet or in that range; Marker, those an outlet qualified so;
	// SpeakerKind, those with a member's speaker of that kind.
	Outlet       string
	Since, Until time.Time
	Marker       MarkerType
	SpeakerKind  SpeakerKind
	After        string
	Limit        int
}

// ClusterStore reads quote clusters (see package trail for how they are
// built). The sqlite store implements it alongside Store.
type ClusterStore interface {
	// Clusters returns a page in CompareClusterOrder's order, and the
	// next cursor; members are not filled.
	Clusters(ctx context.Context, f ClusterFilter) ([]Cluster, string, error)
	// Cluster returns one cluster with its members ordered by time.
	Cluster(ctx context.Context, id int64) (*Cluster, error)
}
