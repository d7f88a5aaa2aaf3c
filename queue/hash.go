package queue

import (
	"crypto/sha256"
	"encoding/hex"
)

// hashText is the hex SHA-256 of an article's text (claimtrail.Article.Hash).
func hashText(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
