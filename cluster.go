package claimtrail

import (
	"cmp"
	"strconv"
	"strings"
	"time"
)

// Cluster is one utterance followed across articles: every direct or
// mixed quote of the same words, cut or slightly changed, joins it.
type Cluster struct {
	ID int64 `json:"id"`
	// Text is the canonical form: the longest well-attested member.
	Text string `json:"text"`
	// Speaker is the majority of the members' resolved speakers (the
	// unknown speaker, kind "unknown" and no name, when none is known).
	Speaker Speaker `json:"speaker"`
	// Speakers are the canonical speakers the members were attributed
	// to, by name; more than one may mean a misattribution.
	Speakers    []Speaker `json:"speakers"`
	FirstSeen   time.Time `json:"first_seen,omitzero"`
	FirstOutlet string    `json:"first_outlet,omitempty"`
	Articles    int       `json:"articles"`
	// Quotes counts the members (an article may quote it twice).
	Quotes            int  `json:"quotes"`
	Outlets           int  `json:"outlets"`
	PossibleMisattrib bool `json:"possible_misattribution"`
	// MarkerCounts counts, per marker type, the outlets that attached it.
	MarkerCounts map[MarkerType]int `json:"marker_counts,omitempty"`
	Members      []ClusterMember    `json:"members,omitempty"`
}

// CompareClusterOrder is the order in which clusters are listed (the
// stores' Clusters, trail's Index.Clusters): most articles first; among
// clusters of two articles or more with the same count, the newest
// first seen first (to the second), the undated last; then by id.
// Clusters of one article are by id alone. A first seen is a fact of
// the members (the earliest date), so the order does not depend on the
// order quotes came in. It is not the id alone for ties since the id is
// a hash: a store indexing the listing by it wrote a cluster whose
// count changed to a random place of the index, and the clusters that
// gain articles are mostly recent ones, which sit together by first
// seen. Seconds, not the full time, keep the stores' index keys small.
func CompareClusterOrder(a, b Cluster) int {
	if a.Articles != b.Articles {
		return cmp.Compare(b.Articles, a.Articles)
	}
	if a.Articles > 1 {
		switch az, bz := a.FirstSeen.IsZero(), b.FirstSeen.IsZero(); {
		case az && !bz:
			return 1
		case bz && !az:
			return -1
		case !az && a.FirstSeen.Unix() != b.FirstSeen.Unix():
			return cmp.Compare(b.FirstSeen.Unix(), a.FirstSeen.Unix())
		}
	}
	return cmp.Compare(a.ID, b.ID)
}

// ClusterPlace is where a cluster stands in the listing order
// (CompareClusterOrder) apart from its id: its article count and, for a
// cluster of two articles or more, its first seen in Unix seconds
// (Dated false when it has none). The stores page their listings by it.
type ClusterPlace struct {
	Articles  int
	Dated     bool
	FirstSeen int64
}

// ClusterPlaceKey writes c's place as the key of a listing cursor:
// "articles" for a cluster of one article, "articles seconds" for the
// others, "articles " when undated. Every store writes it so, and a
// cursor from one store works on another.
func ClusterPlaceKey(c Cluster) string {
	key := strconv.Itoa(c.Articles)
	if c.Articles > 1 {
		key += " "
		if !c.FirstSeen.IsZero() {
			key += strconv.FormatInt(c.FirstSeen.Unix(), 10)
		}
	}
	return key
}

// ParseClusterPlaceKey reads ClusterPlaceKey's key; ok is false for a
// malformed one, and for a cluster of two articles or more written
// without its first seen, a key handed out before ties were ordered by
// first seen (it names no place in the listing).
func ParseClusterPlaceKey(key string) (place ClusterPlace, ok bool) {
	n, fs, dated := strings.Cut(key, " ")
	articles, err := strconv.Atoi(n)
	if err != nil || articles > 1 && !dated {
		return ClusterPlace{}, false
	}
	place.Articles = articles
	if articles > 1 && fs != "" {
		if place.FirstSeen, err = strconv.ParseInt(fs, 10, 64); err != nil {
			return ClusterPlace{}, false
		}
		place.Dated = true
	}
	return place, true
}

// ClusterCursor is the position after the last cluster of a listing
// page: its place in the listing order and its id.
type ClusterCursor struct {
	ClusterPlace
	ID int64
}

// EncodeClusterCursor writes the cursor after c: its place in the
// listing (ClusterPlaceKey) and its id, as a Cursor. Every store writes
// it so, and a cursor from one store works on another.
func EncodeClusterCursor(c Cluster) string {
	return Cursor{Key: ClusterPlaceKey(c), ID: c.ID}.Encode()
}

// DecodeClusterCursor reads EncodeClusterCursor's cursor. A malformed
// one is an EINVALID error, and so is one of a cluster of two articles
// or more without its first seen: handed out before ties were ordered
// by first seen (sqlite migration 113, postgres 150), it names no place
// in the listing (ParseClusterPlaceKey).
func DecodeClusterCursor(s string) (ClusterCursor, error) {
	cur, err := DecodeCursor(s)
	if err != nil {
		return ClusterCursor{}, err
	}
	place, ok := ParseClusterPlaceKey(cur.Key)
	if !ok {
		return ClusterCursor{}, Errorf(EINVALID, "bad cursor %q", s)
	}
	return ClusterCursor{ClusterPlace: place, ID: cur.ID}, nil
}

// ClusterMember is one quote in a cluster, located in its article.
type ClusterMember struct {
	AttributionID int64 `json:"attribution_id"`
	// Piece is which verbatim quoted piece of the attribution this member
	// is (0 for the first): each piece joins a cluster on its own.
	Piece     int   `json:"piece"`
	ArticleID int64 `json:"article_id"`
	// Source is the article's source (path or URL as ingested).
	Source    string    `json:"source"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Start and End are code points into the article's text.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Speaker is the canonical name ("" when unknown); in JSON the member's
	// speaker is an object like every other speaker (see member_json.go).
	Speaker     string      `json:"-"`
	SpeakerID   int64       `json:"-"`
	SpeakerKind SpeakerKind `json:"-"`
	Markers     []Marker    `json:"markers,omitempty"`
	// Diff lists the words where this member differs from the canonical
	// text ("perceived" for "perceives"); empty for exact or cut forms.
	Diff []WordDiff `json:"diff,omitempty"`
}

// WordDiff is one word-level difference against the canonical text.
type WordDiff struct {
	Op        string `json:"op"` // "equal", "insert", "delete", "replace"
	Canonical string `json:"canonical,omitempty"`
	Variant   string `json:"variant,omitempty"`
}
