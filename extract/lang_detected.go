package extract

import (
	"context"

	"github.com/claimtrail/claimtrail"
)

// ExtractDetected is Extract for a text whose language the caller has
// already detected: language must be lang.Detect(text) ("" included, the
// detector's "unsure"), as ingest.Walk sets Article.Language. Detection
// reads the first 2 KB word by word, about 1% of an article's extraction:
// `claimtrail extract` ran it twice per article (ingest, then Extract)
// before. A language from anywhere else (a page's lang attribute, a
// client) may differ from the detector's and so change the output: pass
// such texts to Extract.
func (e *Extractor) ExtractDetected(ctx context.Context, text, language string) (*claimtrail.Extraction, error) {
	return e.extract(ctx, text, language, true)
}
