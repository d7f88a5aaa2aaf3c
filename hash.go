package claimtrail

import (
	"crypto/sha256"
	"encoding/hex"
)

// HashText is the hex SHA-256 of an article's text: Article.Hash. Stores
// use it to tell an unchanged article from an updated one at the same URL
// and to identify an article without a URL, so every store and the ingest
// service must compute it the same way; this is the one place that does.
func HashText(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
