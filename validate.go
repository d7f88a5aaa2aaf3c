package claimtrail

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// Validate refuses an article that no store should keep: no source or no
// text, text that is not UTF-8, a URL that is not http(s) (a
// "javascript:" link would be handed to every browser that shows it), a
// kind, marker type or speaker kind outside the closed sets, or an
// attribution whose spans do not fit the text. Every offset must be inside
// the text and every span's text must be the slice it names, or the store
// would hand out wrong highlights forever. Errors are EINVALID and name
// the article's source.
func (a *Article) Validate() error {
	if a.Source == "" {
		return Errorf(EINVALID, "article has no source")
	}
	if strings.TrimSpace(a.Text) == "" {
		return Errorf(EINVALID, "%s: article has no text", a.Source)
	}
	if !utf8.ValidString(a.Text) {
		return Errorf(EINVALID, "%s: article text is not valid UTF-8", a.Source)
	}
	if a.URL != "" && !WebURL(a.URL) {
		return Errorf(EINVALID, "%s: url %q is not an http(s) URL", a.Source, a.URL)
	}
	// Offsets are code points; index the text once, and only when there
	// is a span to check.
	var runes []rune
	check := func(what string, sp Span) error {
		if runes == nil {
			runes = []rune(a.Text)
		}
		if sp.Start < 0 || sp.End < sp.Start || sp.End > len(runes) {
			return Errorf(EINVALID, "%s: %s span [%d,%d) outside the text (%d code points)", a.Source, what, sp.Start, sp.End, len(runes))
		}
		if got := string(runes[sp.Start:sp.End]); got != sp.Text {
			return Errorf(EINVALID, "%s: %s span [%d,%d) is %q in the text, not %q", a.Source, what, sp.Start, sp.End, got, sp.Text)
		}
		return nil
	}
	checkMarker := func(m Marker) error {
		if !m.Type.Valid() {
			return Errorf(EINVALID, "%s: marker type %q is not one of %s", a.Source, m.Type, strings.Join(Strings(MarkerTypes), ", "))
		}
		return check("marker", m.Span)
	}
	for i := range a.Attributions {
		at := &a.Attributions[i]
		if at.Kind != "" && !at.Kind.Valid() {
			return Errorf(EINVALID, "%s: attribution kind %q is not one of %s", a.Source, at.Kind, strings.Join(Strings(Kinds), ", "))
		}
		if at.Speaker.Kind != "" && !at.Speaker.Kind.Valid() {
			return Errorf(EINVALID, "%s: speaker kind %q is not one of %s", a.Source, at.Speaker.Kind, strings.Join(Strings(SpeakerKinds), ", "))
		}
		if at.Source != nil {
			if err := check("source", *at.Source); err != nil {
				return err
			}
		}
		if at.Cue != nil {
			if err := check("cue", *at.Cue); err != nil {
				return err
			}
		}
		for _, c := range at.Content {
			if err := check("content", c); err != nil {
				return err
			}
		}
		for _, m := range at.Markers {
			if err := checkMarker(m); err != nil {
				return err
			}
		}
	}
	for _, m := range a.Markers {
		if err := checkMarker(m); err != nil {
			return err
		}
	}
	return nil
}

// WebURL reports whether s is an absolute http or https URL with a host:
// the only links claimtrail stores and shows.
func WebURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "http" || scheme == "https"
}
