package claimtrail

import (
	"strings"
	"testing"
)

func TestArticleValidate(t *testing.T) {
	const text = "Aña said “yes” today."
	good := func() *Article {
		src, cue, content := Span{0, 3, "Aña"}, Span{4, 8, "said"}, Span{9, 14, "“yes”"}
		return &Article{Source: "a.txt", URL: "https://x.example/a", Text: text, Attributions: []Attribution{{
			Kind: KindDirect, Source: &src, Cue: &cue, Content: []Span{content},
			Speaker: Speaker{Name: "Aña", Kind: SpeakerPerson},
			Markers: []Marker{{Type: MarkerHedged, Span: Span{15, 20, "today"}}},
		}}}
	}
	if err := good().Validate(); err != nil {
		t.Fatalf("good article: %v", err)
	}
	for _, tc := range []struct {
		name   string
		change func(a *Article)
		want   string
	}{
		{"no source", func(a *Article) { a.Source = "" }, "no source"},
		{"blank text", func(a *Article) { a.Text = " \n" }, "no text"},
		{"bad utf-8", func(a *Article) { a.Text = "a\xffb" }, "UTF-8"},
		{"javascript url", func(a *Article) { a.URL = "javascript:alert(1)" }, "not an http(s) URL"},
		{"relative url", func(a *Article) { a.URL = "/a/b" }, "not an http(s) URL"},
		{"span past the end", func(a *Article) { a.Attributions[0].Content[0].End = 99 }, "outside the text"},
		{"negative span", func(a *Article) { a.Attributions[0].Cue.Start = -1 }, "outside the text"},
		{"span text differs", func(a *Article) { a.Attributions[0].Source.Text = "Ana" }, "not \"Ana\""},
		{"bad kind", func(a *Article) { a.Attributions[0].Kind = "quote" }, "kind \"quote\""},
		{"bad marker", func(a *Article) { a.Attributions[0].Markers[0].Type = "sarcastic" }, "marker type"},
		{"bad speaker kind", func(a *Article) { a.Attributions[0].Speaker.Kind = "robot" }, "speaker kind"},
		{"article marker outside", func(a *Article) { a.Markers = []Marker{{Type: MarkerFalse, Span: Span{30, 31, "x"}}} }, "outside the text"},
	} {
		a := good()
		tc.change(a)
		err := a.Validate()
		if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want EINVALID containing %q", tc.name, err, tc.want)
		}
	}
}
