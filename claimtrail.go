// Package claimtrail holds the domain of the project: articles, the
// attributed statements found in them, the speakers behind those
// statements and the clusters that follow one statement across outlets.
//
// Everything else lives in packages around it: the extraction pipeline
// (decode → segment → syntax → attribute → resolve → qualify, glued by
// extract), ingest for the formats articles arrive in, sqlite for storage,
// trail for clustering, http for the API and web UI, cmd/claimtrail to wire
// them. Those packages depend on this one, never the other way round.
package claimtrail

import (
	"context"
	"encoding/json"
	"time"
)

// Span is a piece of an article's text. Start and End are Unicode code
// point offsets into Article.Text, End exclusive, because outside scorers
// (Python, brat) count that way; Text is that slice, repeated so that a
// reader of the JSON does not need the article at hand.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Len is the span's length in code points.
func (s Span) Len() int { return s.End - s.Start }

// Kind says how the content of an attribution is rendered.
type Kind string

const (
	// KindDirect is a quotation in quote marks, the speaker's own words.
	KindDirect Kind = "direct"
	// KindIndirect is reported speech or thought: a paraphrase, a
	// that-clause, "according to X".
	KindIndirect Kind = "indirect"
	// KindMixed is reported speech that contains a partial quotation.
	KindMixed Kind = "mixed"
)

// SpeakerKind says what sort of entity a speaker is.
type SpeakerKind string

const (
	SpeakerPerson       SpeakerKind = "person"
	SpeakerOrganization SpeakerKind = "organization"
	SpeakerGroup        SpeakerKind = "group"
	// SpeakerUnknown is used when resolution could not decide; a user is
	// better served by an honest unknown than by a confident guess.
	SpeakerUnknown SpeakerKind = "unknown"
)

// Speaker is the canonical entity an attribution's source refers to.
// Within one article it is decided by the resolver; across articles the
// store merges speakers with the same identity (see trail).
type Speaker struct {
	ID   int64       `json:"id,omitempty"`
	Name string      `json:"name"`
	Kind SpeakerKind `json:"kind"`
	// Aliases are other names the speaker is written as ("Mr. Trump").
	Aliases []string `json:"aliases,omitempty"`
	// ExternalID is an optional identifier from an aliases file, such as
	// a Wikidata QID, carried through untouched.
	ExternalID string `json:"external_id,omitempty"`
}

// MarkerType classifies a reporter's qualification of a statement.
type MarkerType string

const (
	// MarkerUnsupported: "without evidence", "offered no evidence".
	MarkerUnsupported MarkerType = "unsupported"
	// MarkerFalse: "falsely claimed".
	MarkerFalse MarkerType = "false"
	// MarkerHedged: "reportedly", "allegedly", "seemingly".
	MarkerHedged MarkerType = "hedged"
	// MarkerRetracted: "walked back", "misspoke", "retracted".
	MarkerRetracted MarkerType = "retracted"
	// MarkerDenied: "denied".
	MarkerDenied MarkerType = "denied"
)

// Marker is a reporter's qualification found in the text, with its span.
type Marker struct {
	Type MarkerType `json:"type"`
	Span
}

// Channel names the medium a statement was made through: "Twitter",
// "press conference", "hearing", "interview", "statement", ... The empty
// channel means unknown and is written as JSON null.
type Channel string

// MarshalJSON writes the unknown channel as null.
func (c Channel) MarshalJSON() ([]byte, error) {
	if c == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(c))
}

// Attribution is one attributed statement: who (Source, resolved to
// Speaker) said or thought what (Content) and how (Cue), through which
// Channel, relayed by whom (AccordingTo), qualified by the reporter how
// (Markers).
type Attribution struct {
	ID        int64 `json:"id,omitempty"`
	ArticleID int64 `json:"article_id,omitempty"`
	Kind      Kind  `json:"kind"`
	// Source is the mention of the speaker as written ("he", "Director of
	// National Intelligence Dan Coats"); nil for a quote standing alone.
	Source *Span `json:"source"`
	// Cue is the word or phrase that introduces the content ("said",
	// "according to", "has implied"); nil for a quote standing alone.
	Cue *Span `json:"cue"`
	// Content is one span, or several when a quote is split by its cue.
	Content []Span `json:"content"`
	// Quotes are the verbatim quoted words inside Content, without their
	// quote marks: all of a direct quote, the quoted phrases of a mixed
	// one, none for an indirect one (see VerbatimQuotes). Search, trails
	// and highlighting compare these, not the paraphrase around them.
	Quotes      []Span   `json:"quotes"`
	Speaker     Speaker  `json:"speaker"`
	Channel     Channel  `json:"channel"`
	AccordingTo []string `json:"according_to"`
	Markers     []Marker `json:"markers"`
	// Confidence in [0,1] that the attribution and its speaker are right.
	Confidence float64 `json:"confidence"`
	// Flags record oddities a user should know about: "unclosed-quote",
	// "speaker-from-context", ...
	Flags []string `json:"flags,omitempty"`
	// ClusterID links a direct or mixed quote to its trail (0: none yet).
	ClusterID int64 `json:"cluster_id,omitempty"`
}

// ContentText joins the content pieces with a space, for display and
// full-text search.
func (a *Attribution) ContentText() string {
	switch len(a.Content) {
	case 0:
		return ""
	case 1:
		return a.Content[0].Text
	}
	n := 0
	for _, c := range a.Content {
		n += len(c.Text) + 1
	}
	b := make([]byte, 0, n)
	for i, c := range a.Content {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, c.Text...)
	}
	return string(b)
}

// Article is one news article as ingested. Text is exactly the text that
// all offsets of its attributions refer to.
type Article struct {
	ID int64 `json:"id,omitempty"`
	// Source is where the article came from as given to ingest: a path,
	// a URL, or "warc-file#record-id"; it identifies the item in error
	// messages and in trails.
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	// Published is in UTC; the zero time means unknown.
	Published time.Time `json:"published,omitzero"`
	Title     string    `json:"title,omitempty"`
	Author    string    `json:"author,omitempty"`
	Language  string    `json:"language,omitempty"` // ISO 639-1 code of Text, "" when unsure
	Text      string    `json:"text"`
	// Hash is a hex SHA-256 of Text, used to tell an unchanged article
	// from an updated one at the same URL.
	Hash string `json:"hash,omitempty"`
	// ExtractorVersion records which extractor produced Attributions, so
	// that reindex knows what is stale.
	ExtractorVersion string        `json:"extractor_version,omitempty"`
	Attributions     []Attribution `json:"attributions,omitempty"`
	// Markers are article-level reporter markers with no speaker
	// ("reportedly lasted two hours").
	Markers []Marker `json:"markers,omitempty"`
}

// Extraction is what an Extractor finds in one article.
type Extraction struct {
	// Title is the headline when the text's first line is one (plain-text
	// articles); empty otherwise.
	Title string `json:"title"`
	// Language is the text's ISO 639-1 code ("en", "de"), "" when unsure.
	Language     string        `json:"language,omitempty"`
	Attributions []Attribution `json:"attributions"`
	Markers      []Marker      `json:"markers"`
}

// Extractor turns an article's text into attributions. Implementations
// must be safe for concurrent use and must never panic on any input.
type Extractor interface {
	Extract(ctx context.Context, text string) (*Extraction, error)
	// Version changes whenever the output for the same text may change.
	Version() string
}
