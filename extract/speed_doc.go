package extract

import "sync"

// docPool holds Docs handed back by segment.Release after an article's
// extraction, so that the next article is segmented into the same token,
// sentence, paragraph and quote slices (segment.SegmentReuse): the token
// slice was 45% of the bytes the default mode allocated per BBC article,
// and each garbage collection they brought on marks the models' heap.
var docPool sync.Pool
