package http

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

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

// IngestResult reports what happened to one item of the request.
type IngestResult struct {
	Index   int    `json:"index"`
	Source  string `json:"source,omitempty"`
	ID      int64  `json:"id,omitempty"`
	Outcome string `json:"outcome"`
	Error   string `json:"error,omitempty"`
}

// apiIngest takes one JSON article, a JSON array of articles, or JSONL
// (one article a line), read by the same ingest service as `claimtrail
// ingest` reads a .jsonl or .json file: the same field names and dates, a
// broken line fails that item only, a link that is not http(s) is
// dropped, an unreadable date leaves the article undated. Each item is
// reported in its result and the others are still stored. The request's
// deadline (RequestTimeout) bounds the work: when it passes, what was
// extracted is committed and the answer is 503 naming how many items
// were stored. Speaker merging and clustering run after the answer, in
// the background (IngestDone).
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
	body := &watchedBody{r: r.Body}
	br := bufio.NewReaderSize(body, 64<<10)
	if err := checkJSONStart(br); err != nil {
		if body.tooLarge != nil {
			err = body.tooLarge
		}
		s.writeError(w, r, err)
		return
	}
	counts := map[string]int{}
	results := []IngestResult{}
	err := s.Ingest(r.Context(), br, func(res IngestResult) {
		counts[res.Outcome]++
		results = append(results, res)
	})
	switch {
	case body.tooLarge != nil:
		s.writeError(w, r, body.tooLarge)
		return
	case err != nil && r.Context().Err() != nil:
		stored := counts[string(claimtrail.PutInserted)] + counts[string(claimtrail.PutUpdated)]
		s.writeError(w, r, fmt.Errorf("ingest stopped at the request deadline after %d items (%d stored); send the rest again: %w", len(results), stored, err))
		return
	case err != nil:
		s.writeError(w, r, fmt.Errorf("ingest: %w", err))
		return
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
	if len(results) == 0 {
		s.writeError(w, r, claimtrail.Errorf(claimtrail.EINVALID, "no articles in the body: send a JSON article, an array of them, or JSONL"))
		return
	}
	if counts["failed"] == len(results) {
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

// checkJSONStart refuses a body that is not JSON before anything is read
// as an article: the API takes JSON articles, not pages or feeds.
func checkJSONStart(br *bufio.Reader) error {
	for {
		b, err := br.Peek(1)
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return err
			}
			return claimtrail.Errorf(claimtrail.EINVALID, "empty body: send a JSON article, an array of them, or JSONL")
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.ReadByte()
			continue
		case 0xEF: // a UTF-8 byte order mark
			if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xEF\xBB\xBF")) {
				br.Discard(3)
				continue
			}
		case '{', '[':
			return nil
		}
		return claimtrail.Errorf(claimtrail.EINVALID, "the body is not JSON: send a JSON article, an array of them, or JSONL")
	}
}

// watchedBody remembers whether the body went over its size cap, which
// the ingest service would otherwise report as one failed item.
type watchedBody struct {
	r        io.Reader
	tooLarge error
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	var mbe *http.MaxBytesError
	if err != nil && errors.As(err, &mbe) {
		b.tooLarge = err
	}
	return n, err
}
