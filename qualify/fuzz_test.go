package qualify

import (
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// FuzzQualify feeds random text and random spans, in and out of range:
// Qualify must not panic, and every marker it returns must point at its
// own text.
func FuzzQualify(f *testing.F) {
	f.Add("Trump claims on Twitter, seemingly without evidence, that X, according to the Washington Post.", 0, 5, 6, 12, 52, 60, 3)
	f.Add("“He allegedly stole it,” the officer said. The meeting reportedly lasted two hours.", 25, 36, 37, 41, 0, 24, 1)
	f.Add("According to the\n\nPost, he was denied bail „quote“ ‘single’ «x»", -3, 400, 10, 2, 5, 5, 0)
	f.Add("\xff\xfe\"'’ reportedly\u2029told CNN", 1, 2, 3, 4, 5, 6, 2)
	recoverPanics = false
	defer func() { recoverPanics = true }()
	f.Fuzz(func(t *testing.T, text string, s0, e0, s1, e1, s2, e2, n int) {
		n = n % 4
		if n < 0 {
			n = -n
		}
		atts := make([]claimtrail.Attribution, 0, n+1)
		for i := 0; i <= n; i++ {
			a := claimtrail.Attribution{Speaker: claimtrail.Speaker{Name: "S"}}
			if i%2 == 0 {
				a.Source = &claimtrail.Span{Start: s0 + i, End: e0 + i}
			}
			if i != 3 {
				a.Cue = &claimtrail.Span{Start: s1 - i, End: e1}
			}
			a.Content = []claimtrail.Span{{Start: s2, End: e2}, {Start: e2, End: e2 + 7*i}}
			atts = append(atts, a)
		}
		check := func(ms []claimtrail.Marker) {
			for _, m := range ms {
				if m.Start < 0 || m.End <= m.Start || m.End > utf8.RuneCountInString(text) {
					t.Fatalf("marker span %d-%d out of text", m.Start, m.End)
				}
				if string([]rune(text)[m.Start:m.End]) != m.Text && utf8.ValidString(text) {
					t.Fatalf("marker %q does not match its span %d-%d", m.Text, m.Start, m.End)
				}
			}
		}
		check(Qualify(text, atts))
		for i := range atts {
			check(atts[i].Markers)
		}
	})
}
