// Package mock holds test doubles of claimtrail.Store and
// claimtrail.ClusterStore: Store, whose methods call function fields a
// test sets (to force an error or watch a call), and Memory, a small
// working in-memory store with the filters, ordering and cursors the real
// stores promise, so that the HTTP layer can be tested end to end without
// SQLite.
package mock

import (
	"context"

	"github.com/claimtrail/claimtrail"
)

var (
	_ claimtrail.Store        = (*Store)(nil)
	_ claimtrail.ClusterStore = (*Store)(nil)
)

// Store calls the function field of the same name; an unset field panics
// so that an unexpected call is loud.
type Store struct {
	PutArticleFn      func(ctx context.Context, a *claimtrail.Article) (claimtrail.PutOutcome, error)
	ArticleFn         func(ctx context.Context, id int64) (*claimtrail.Article, error)
	ArticleBySourceFn func(ctx context.Context, ref string) (*claimtrail.Article, error)
	ArticlesFn        func(ctx context.Context, f claimtrail.ArticleFilter) ([]*claimtrail.Article, string, error)
	AttributionsFn    func(ctx context.Context, f claimtrail.AttributionFilter) ([]claimtrail.AttributionRow, string, error)
	SearchFn          func(ctx context.Context, q string, f claimtrail.AttributionFilter) ([]claimtrail.SearchHit, error)
	SpeakersFn        func(ctx context.Context, name string, limit int) ([]claimtrail.SpeakerStat, error)
	SpeakerFn         func(ctx context.Context, id int64) (*claimtrail.SpeakerStat, error)
	RecordErrorFn     func(ctx context.Context, e claimtrail.IngestError) error
	ErrorsFn          func(ctx context.Context, limit int) ([]claimtrail.IngestError, error)
	StatsFn           func(ctx context.Context) (claimtrail.Stats, error)
	CloseFn           func() error
	ClustersFn        func(ctx context.Context, f claimtrail.ClusterFilter) ([]claimtrail.Cluster, string, error)
	ClusterFn         func(ctx context.Context, id int64) (*claimtrail.Cluster, error)
}

func (s *Store) PutArticle(ctx context.Context, a *claimtrail.Article) (claimtrail.PutOutcome, error) {
	return s.PutArticleFn(ctx, a)
}
func (s *Store) Article(ctx context.Context, id int64) (*claimtrail.Article, error) {
	return s.ArticleFn(ctx, id)
}
func (s *Store) ArticleBySource(ctx context.Context, ref string) (*claimtrail.Article, error) {
	return s.ArticleBySourceFn(ctx, ref)
}
func (s *Store) Articles(ctx context.Context, f claimtrail.ArticleFilter) ([]*claimtrail.Article, string, error) {
	return s.ArticlesFn(ctx, f)
}
func (s *Store) Attributions(ctx context.Context, f claimtrail.AttributionFilter) ([]claimtrail.AttributionRow, string, error) {
	return s.AttributionsFn(ctx, f)
}
func (s *Store) Search(ctx context.Context, q string, f claimtrail.AttributionFilter) ([]claimtrail.SearchHit, error) {
	return s.SearchFn(ctx, q, f)
}
func (s *Store) Speakers(ctx context.Context, name string, limit int) ([]claimtrail.SpeakerStat, error) {
	return s.SpeakersFn(ctx, name, limit)
}
func (s *Store) Speaker(ctx context.Context, id int64) (*claimtrail.SpeakerStat, error) {
	return s.SpeakerFn(ctx, id)
}
func (s *Store) RecordError(ctx context.Context, e claimtrail.IngestError) error {
	return s.RecordErrorFn(ctx, e)
}
func (s *Store) Errors(ctx context.Context, limit int) ([]claimtrail.IngestError, error) {
	return s.ErrorsFn(ctx, limit)
}
func (s *Store) Stats(ctx context.Context) (claimtrail.Stats, error) { return s.StatsFn(ctx) }
func (s *Store) Close() error                                        { return s.CloseFn() }
func (s *Store) Clusters(ctx context.Context, f claimtrail.ClusterFilter) ([]claimtrail.Cluster, string, error) {
	return s.ClustersFn(ctx, f)
}
func (s *Store) Cluster(ctx context.Context, id int64) (*claimtrail.Cluster, error) {
	return s.ClusterFn(ctx, id)
}
