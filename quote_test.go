package claimtrail

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestVerbatimQuotes(t *testing.T) {
	tests := []struct {
		name    string
		kind    Kind
		content []string
		want    []string
	}{
		{"direct curly", KindDirect, []string{"“We will win.”"}, []string{"We will win."}},
		{"direct straight with space", KindDirect, []string{` "No." `}, []string{"No."}},
		{"split quote", KindDirect, []string{"“We will,”", "“and soon.”"}, []string{"We will,", "and soon."}},
		{"multi paragraph", KindDirect, []string{"“First part.\n\n“Second part.”"}, []string{"First part.", "Second part."}},
		{"opens with a closing mark", KindDirect, []string{"”Odd marks.”"}, []string{"Odd marks."}},
		{"apostrophe at the end stays", KindDirect, []string{"“for the voters’”"}, []string{"for the voters’"}},
		{"single-quoted headline", KindDirect, []string{"‘Pushing Very Hard’"}, []string{"Pushing Very Hard"}},
		{"mixed", KindMixed, []string{"that Russia “will be pushing very hard for the Democrats”"}, []string{"will be pushing very hard for the Democrats"}},
		{"mixed two phrases and an apostrophe", KindMixed, []string{"he didn't say it was “a disaster” or “a hoax”"}, []string{"a disaster", "a hoax"}},
		{"mixed single marks", KindMixed, []string{"a 'fundamental lack of trust' in Blair's plan"}, []string{"fundamental lack of trust"}},
		{"mixed numbers in lower case", KindMixed, []string{`there's a "1 in 3" chance that they lose`}, []string{"1 in 3"}},
		{"mixed title", KindMixed, []string{`said on Fox News' "America's Newsroom" today`}, nil},
		{"mixed guillemets", KindMixed, []string{"qu'il «ne se représentera pas»"}, []string{"ne se représentera pas"}},
		{"indirect", KindIndirect, []string{"that the Kremlin is supporting Democrats"}, nil},
		{"mixed unclosed", KindMixed, []string{"that it was “a disgrace"}, nil},
		{"paragraphs run together", KindDirect, []string{`"Some women stayed. "What I think is shocking is this."`}, []string{"Some women stayed.", "What I think is shocking is this."}},
		{"reopened after a nested quote", KindDirect, []string{`"You say 'wow.' "It is fine."`}, []string{"You say 'wow.'", "It is fine."}},
		{"nested straight marks stay one piece", KindDirect, []string{`"He called it "crazy" today."`}, []string{`He called it "crazy" today.`}},
		{"mixed over paragraphs", KindMixed, []string{"an analyst. “We do not know.\n\n“We tried to find it.” The sale"}, []string{"We do not know.", "We tried to find it."}},
		{"mixed, run together", KindMixed, []string{`analysts say. "We do not know. "We tried." The sale`}, []string{"We do not know.", "We tried."}},
		{"split by its cue, first part", KindMixed, []string{`"It's very ambitious`}, []string{"It's very ambitious"}},
		{"split by its cue, last part", KindMixed, []string{`a director at the centre, "This is new."`}, []string{"This is new."}},
		{"split by its cue, last part without opener", KindMixed, []string{`and the policies are new."`}, []string{"and the policies are new."}},
		{"one quoted word", KindMixed, []string{`Steele's comments are “irresponsible.”`}, []string{"irresponsible."}},
		{"one single-quoted word is a scare quote", KindMixed, []string{`the 'reform' he wants`}, nil},
		{"title of a work", KindMixed, []string{`he told “Face the Nation” that taxes will rise`}, nil},
		{"doubled opening mark", KindMixed, []string{`""We have learned something important," and then "And you exemplify it."`}, []string{"We have learned something important,", "And you exemplify it."}},
		{"empty quote", KindMixed, []string{`a "" left blank and "a real quote here"`}, []string{"a real quote here"}},
		{"coined name after a", KindMixed, []string{`that Obama is waging a "War on Religion," and more`}, []string{"War on Religion,"}},
		{"coined name before a verb", KindMixed, []string{`an "Axis of Evil" is misplaced`}, []string{"Axis of Evil"}},
		{"title before a noun", KindMixed, []string{`reading a “Harry Potter” novel`}, nil},
		{"title after a possessive", KindMixed, []string{`his book “The Art of the Deal” sold well`}, nil},
		{"title-case headline", KindMixed, []string{`Harbour ‘Will Not Close This Winter’`}, []string{"Will Not Close This Winter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// place the pieces in an invented article so offsets are checked
			text := "Intro é. "
			var content []Span
			for _, c := range tt.content {
				start := utf8.RuneCountInString(text)
				text += c + " said X, "
				content = append(content, Span{Start: start, End: start + utf8.RuneCountInString(c), Text: c})
			}
			got := VerbatimQuotes(tt.kind, content)
			var texts []string
			runes := []rune(text)
			for _, q := range got {
				texts = append(texts, q.Text)
				if string(runes[q.Start:q.End]) != q.Text {
					t.Errorf("span %d-%d is %q in the text, not %q", q.Start, q.End, string(runes[q.Start:q.End]), q.Text)
				}
			}
			if !reflect.DeepEqual(texts, tt.want) {
				t.Errorf("got %q, want %q", texts, tt.want)
			}
			if got == nil {
				t.Error("nil slice: want [] so JSON writes a list")
			}
		})
	}
}

// TestHasMarkedQuote: HasMarkedQuote says what VerbatimQuotes of a mixed
// content says, on contents with and without quotes of every kind.
func TestHasMarkedQuote(t *testing.T) {
	texts := []string{
		"",
		"no quotes at all",
		`that the plan "will not work" and more`,
		`“the end of a quote its cue split,”`,
		`“the start of a quote its cue split`,
		`the 'single' word and the 'single quoted phrase' here`,
		`a "Title Case Work" named`,
		`he called it "a disaster" and "a farce"`,
		`don't say it's "never" over`,
		`“one” and then “two,” he said`,
		`«guillemets here» and „low marks“`,
		`"unclosed and 'mixed`,
		`it’s the 1990s' "boom"`,
	}
	for _, a := range texts {
		for _, b := range texts {
			content := []Span{{Text: a}}
			if b != "" {
				content = append(content, Span{Start: 100, Text: b})
			}
			want := len(VerbatimQuotes(KindMixed, content)) > 0
			if got := HasMarkedQuote(content); got != want {
				t.Errorf("HasMarkedQuote(%q, %q) = %v, VerbatimQuotes says %v", a, b, got, want)
			}
		}
	}
}

// TestHasMarkedQuoteMemo: remembered answers are those of the search,
// asked again, from several goroutines at once, of contents that differ
// only in how their texts are split, and of contents too long or with too
// many pieces to be remembered.
func TestHasMarkedQuoteMemo(t *testing.T) {
	long := strings.Repeat("words without marks ", maxMarkedMemo/10)
	texts := []string{"", "no quotes", `a "quoted phrase" here`, `a "`, `quoted phrase" here`, `a "Title Case Work" named`, long, long + `"a quote"`}
	var contents [][]Span
	for _, a := range texts {
		contents = append(contents, []Span{{Text: a}})
		for _, b := range texts {
			contents = append(contents, []Span{{Text: a}, {Text: b}})
			contents = append(contents, []Span{{Text: a}, {Text: b}, {Text: a}, {Text: b}})
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 3; round++ {
				for _, c := range contents {
					if got, want := HasMarkedQuote(c), hasMarkedQuote(c); got != want {
						t.Errorf("HasMarkedQuote(%d pieces, %.40q...) = %v, the search says %v", len(c), c[0].Text, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
