package http

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
)

// authorized compares the bearer token in constant time. Both sides are
// hashed first so that the comparison does not leak the token's length.
func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || s.Token == "" {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	want := sha256.Sum256([]byte(s.Token))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}

// ingestArticle is one article as a client sends it. Field names follow
// the JSONL ingest format, with the variants common in news corpora.
type ingestArticle struct {
	ID          string `json:"id"`
	Source      string `json:"source"`
	URL         string `json:"url"`
	Link        string `json:"link"`
	Outlet      string `json:"outlet"`
	Site        string `json:"site"`
	SiteName    string `json:"site_name"`
	Publisher   string `json:"publisher"`
	Published   string `json:"published"`
	Date        string `json:"date"`
	PublishedAt string `json:"published_at"`
	Title       string `json:"title"`
	Headline    string `json:"headline"`
	Author      string `json:"author"`
	Byline      string `json:"byline"`
	Text        string `json:"text"`
	Body        string `json:"body"`
	Content     string `json:"content"`
	MainText    string `json:"maintext"`
}

var dateLayouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.DateOnly, time.RFC1123Z, time.RFC1123}

func (in *ingestArticle) article() (*claimtrail.Article, error) {
	a := &claimtrail.Article{
		URL:    cmp.Or(in.URL, in.Link),
		Outlet: cmp.Or(in.Outlet, in.SiteName, in.Site, in.Publisher),
		Title:  cmp.Or(in.Title, in.Headline),
		Author: cmp.Or(in.Author, in.Byline),
		Text:   cmp.Or(in.Text, in.Body, in.Content, in.MainText),
	}
	a.Source = cmp.Or(in.Source, a.URL, in.ID)
	if strings.TrimSpace(a.Text) == "" {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "no text (send it as text, body, content or maintext)")
	}
	if d := cmp.Or(in.Published, in.Date, in.PublishedAt); d != "" {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, d); err == nil {
				a.Published = t.UTC()
				break
			}
		}
		if a.Published.IsZero() {
			return nil, claimtrail.Errorf(claimtrail.EINVALID, "published %q is not a date I can read (use RFC 3339)", d)
		}
	}
	return a, nil
}

// ingestResult reports what happened to one article of the request.
type ingestResult struct {
	Index   int    `json:"index"`
	Source  string `json:"source,omitempty"`
	ID      int64  `json:"id,omitempty"`
	Outcome string `json:"outcome"`
	Error   string `json:"error,omitempty"`
}

// apiIngest takes one JSON article, a JSON array of articles, or JSONL
// (one article a line); a bad article is reported in its result and the
// others are still stored.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.Ingest == nil || s.Token == "" {
		writeJSONError(w, http.StatusForbidden, "forbidden", "ingest over HTTP is disabled; start the server with --allow-ingest --token TOKEN")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="claimtrail"`)
		writeJSONError(w, http.StatusUnauthorized, "unauthorized", "missing or wrong bearer token (Authorization: Bearer TOKEN)")
		return
	}
	items, err := decodeIngest(r.Body)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	counts := map[string]int{}
	results := make([]ingestResult, 0, len(items))
	for i, raw := range items {
		res := ingestResult{Index: i}
		var in ingestArticle
		a, err := (*claimtrail.Article)(nil), json.Unmarshal(raw, &in)
		if err == nil {
			a, err = in.article()
		}
		if err == nil && len(a.Text) > s.MaxArticleBytes {
			err = claimtrail.Errorf(claimtrail.ETOOLARGE, "article text is %d bytes, over the %d-byte limit", len(a.Text), s.MaxArticleBytes)
		}
		if err == nil {
			res.Source = a.Source
			var out claimtrail.PutOutcome
			out, err = s.Ingest(r.Context(), a)
			res.Outcome, res.ID = string(out), a.ID
		}
		if err != nil {
			if r.Context().Err() != nil {
				s.writeError(w, r, fmt.Errorf("ingest item %d: %w", i, err))
				return
			}
			res.Outcome = "failed"
			res.Error = claimtrail.ErrorMessage(err)
			if claimtrail.ErrorCode(err) == claimtrail.EINTERNAL {
				s.Logger.Error("ingest over HTTP", "item", i, "err", err)
				res.Error = err.Error()
			}
		}
		counts[res.Outcome]++
		results = append(results, res)
	}
	if counts[string(claimtrail.PutInserted)]+counts[string(claimtrail.PutUpdated)] > 0 {
		if s.IngestDone != nil {
			if err := s.IngestDone(r.Context()); err != nil {
				s.writeError(w, r, fmt.Errorf("after ingest: %w", err))
				return
			}
		}
		s.stats.invalidate()
		s.overview.invalidate()
	}
	status := http.StatusOK
	if counts["failed"] == len(items) {
		status = http.StatusUnprocessableEntity
	}
	writeJSON(w, status, map[string]any{
		"inserted": counts[string(claimtrail.PutInserted)], "updated": counts[string(claimtrail.PutUpdated)],
		"unchanged": counts[string(claimtrail.PutUnchanged)], "failed": counts["failed"],
		"results": results,
	})
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	var body apiError
	body.Error.Code, body.Error.Message = code, msg
	writeJSON(w, status, body)
}

// decodeIngest splits the body into raw article objects: one object, an
// array of objects, or a stream of objects (JSONL).
func decodeIngest(body io.Reader) ([]json.RawMessage, error) {
	br := bufio.NewReader(body)
	dec := json.NewDecoder(br)
	var items []json.RawMessage
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, err
			}
			return nil, claimtrail.Errorf(claimtrail.EINVALID, "article %d is not valid JSON: %v", len(items)+1, err)
		}
		raw = bytes.TrimSpace(raw)
		switch {
		case len(raw) > 0 && raw[0] == '[':
			var arr []json.RawMessage
			if err := json.Unmarshal(raw, &arr); err != nil {
				return nil, claimtrail.Errorf(claimtrail.EINVALID, "array: %v", err)
			}
			items = append(items, arr...)
		case len(raw) > 0 && raw[0] == '{':
			items = append(items, raw)
		default:
			return nil, claimtrail.Errorf(claimtrail.EINVALID, "article %d is not a JSON object", len(items)+1)
		}
	}
	if len(items) == 0 {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "empty body: send a JSON article, an array of them, or JSONL")
	}
	return items, nil
}
