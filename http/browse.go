package http

import (
	"net/http"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// notSpeakers are closed-class words a resolver may leave as a speaker's
// name when it could not resolve a mention ("he", "many"): they name no
// one, so they get no speaker page and no place in the speaker listing.
var notSpeakers = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "us": true, "me": true, "who": true, "which": true,
	"that": true, "this": true, "these": true, "those": true, "one": true, "someone": true,
	"somebody": true, "anyone": true, "everyone": true, "nobody": true, "many": true, "some": true,
	"others": true, "other": true, "all": true, "both": true, "several": true, "few": true,
	"most": true, "each": true, "people": true,
}

// hasSpeakerPage reports whether a speaker names someone: known to the
// trail (a name, a proper-looking one when its kind is unknown) and not
// just a pronoun or quantifier.
func hasSpeakerPage(sp claimtrail.Speaker) bool {
	if sp.ID <= 0 || !trail.Known(sp.Name, sp.Kind) {
		return false
	}
	for _, w := range strings.FieldsFunc(sp.Name, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if !notSpeakers[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// negatedCue is a cue that reports no statement: "did not say", "declined
// to comment", "refused to say", "would not confirm".
func negatedCue(cue string) bool {
	for _, w := range strings.Fields(strings.ToLower(cue)) {
		w = strings.Trim(w, ".,;:")
		switch w {
		case "not", "never", "declined", "declines", "decline", "refused", "refuses", "refuse", "didn't", "won't", "wouldn't", "couldn't", "doesn't", "don't", "isn't", "wasn't":
			return true
		}
		if strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// isStatement reports whether an attribution says something the speaker
// said: it has content with words and is not a refusal or a denial of
// having said anything.
func isStatement(a claimtrail.Attribution) bool {
	if a.Cue != nil && negatedCue(a.Cue.Text) {
		return false
	}
	for _, r := range a.ContentText() {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// nextURL is the page's own URL with after set to the next cursor, or ""
// at the end.
func nextURL(r *http.Request, next string) string {
	if next == "" {
		return ""
	}
	v := r.URL.Query()
	v.Set("after", next)
	return r.URL.Path + "?" + v.Encode()
}

func (s *Server) uiArticles(w http.ResponseWriter, r *http.Request) {
	q := pageQuery(r)
	form := struct{ Outlet, Since, Until string }{q.str("outlet"), q.str("since"), q.str("until")}
	f := claimtrail.ArticleFilter{Outlet: form.Outlet, Since: q.date("since", false), Until: q.date("until", true), After: q.str("after"), Limit: 50}
	data := struct {
		Form     any
		Error    string
		Articles []*claimtrail.Article
		Next     string
	}{Form: form}
	status := http.StatusOK
	if q.err != nil {
		data.Error, status = claimtrail.ErrorMessage(q.err), http.StatusBadRequest
	} else {
		arts, next, err := s.Store.Articles(r.Context(), f)
		if err != nil && claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			s.writeError(w, r, err)
			return
		} else if err != nil {
			data.Error, status = claimtrail.ErrorMessage(err), http.StatusBadRequest
		}
		data.Articles, data.Next = arts, nextURL(r, next)
	}
	s.render(w, r, status, "articles", view{Title: "Articles", Nav: "articles", Data: data})
}

var speakerKinds = []string{string(claimtrail.SpeakerPerson), string(claimtrail.SpeakerOrganization), string(claimtrail.SpeakerGroup), string(claimtrail.SpeakerUnknown)}

func (s *Server) uiSpeakers(w http.ResponseWriter, r *http.Request) {
	q := pageQuery(r)
	form := struct {
		Name, Kind string
		Kinds      []string
	}{q.str("name"), q.enum("kind", speakerKinds), speakerKinds}
	data := struct {
		Form     any
		Error    string
		Speakers []claimtrail.SpeakerStat
		Next     string
	}{Form: form}
	status := http.StatusOK
	lister, ok := s.Store.(claimtrail.SpeakerLister)
	switch {
	case q.err != nil:
		data.Error, status = claimtrail.ErrorMessage(q.err), http.StatusBadRequest
	case ok:
		sps, next, err := lister.SpeakerPage(r.Context(), claimtrail.SpeakerFilter{Name: form.Name, Kind: claimtrail.SpeakerKind(form.Kind), After: q.str("after"), Limit: 50})
		if err != nil && claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			s.writeError(w, r, err)
			return
		} else if err != nil {
			data.Error, status = claimtrail.ErrorMessage(err), http.StatusBadRequest
		}
		data.Speakers, data.Next = sps, nextURL(r, next)
	default:
		sps, err := s.Store.Speakers(r.Context(), form.Name, maxLimit)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		data.Speakers = sps
	}
	kept := data.Speakers[:0:0]
	for _, sp := range data.Speakers {
		if hasSpeakerPage(sp.Speaker) && (form.Kind == "" || string(sp.Kind) == form.Kind) {
			kept = append(kept, sp)
		}
	}
	data.Speakers = kept
	s.render(w, r, status, "speakers", view{Title: "Speakers", Nav: "speakers", Data: data})
}
