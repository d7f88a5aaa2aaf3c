package attribute

import "compress/gzip"

// storedModels is the gzip level the models are written at: none, stored
// blocks. Their weights are varints of hashed rows that deflate shrank by
// only a third (attribution.model.gz 6.25 to 4.31 MB, pos.model.gz 2.71 to
// 2.39 MB), while inflating them was two thirds of a CLI command's start:
// `claimtrail extract` of an empty folder ran 1,787M instructions (cachegrind,
// GOMAXPROCS=1), 1,200M of them in compress/flate, and runs 566M over the
// same models stored. The files stay gzip streams holding the same bytes
// (ReadModel reads either form); the binary, which embeds six models, grows
// by 6.8 MB.
const storedModels = gzip.NoCompression
