package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func tokens(text string) []string {
	d := Segment(text)
	out := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"He said it.", "He|said|it|."},
		{"They don’t want Halvorsen!", "They|do|n’t|want|Halvorsen|!"},
		{"I'm sure we'll win, they've said.", "I|'m|sure|we|'ll|win|,|they|'ve|said|."},
		{"Mr. Smith went to the U.S. on Jan. 5.", "Mr.|Smith|went|to|the|U.S.|on|Jan.|5|."},
		{"“Yes,” she said—“no.”", "“|Yes|,|”|she|said|—|“|no|.|”"},
		{"It cost $2,000... maybe", "It|cost|$2,000|...|maybe"},
		{"«Oui», dit-il.", "«|Oui|»|,|dit-il|."},
		{"the voters' choice", "the|voters|'|choice"},
		// curly double quotes glued to the words around them
		{"told Keir Simmons.“Certainly, he has.”", "told|Keir|Simmons|.|“|Certainly|,|he|has|.|”"},
		{"he said.”Next", "he|said|.|”|Next"},
		// reference marks glued to a word (Wikipedia): split off
		{"at a staff meeting.[8][9] A", "at|a|staff|meeting|.|[|8|]|[|9|]|A"},
		{"an open source[17] codec", "an|open|source|[|17|]|codec"},
		{"the array a[i] and [12]", "the|array|a[i|]|and|[|12|]"},
		// a list's dash glued to a capital is no part of the word; a
		// minus sign and a hyphen inside words stay
		{"-His campaign admits it", "-|His|campaign|admits|it"},
		{"fell -5% to a two-thirds low", "fell|-5%|to|a|two-thirds|low"},
		{"", ""},
	}
	for _, tt := range tests {
		got := strings.Join(tokens(tt.in), "|")
		if got != tt.want {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Mr. Smith met Sen. Jones in Washington. They talked. \"It went well,\" he said. Then he left. Shares fell 28.1%. Ann Cole met U.S. officials at 9 a.m. Friday. Zawinski named it at a meeting.[8][9] A group was formed. She joined Warner Bros. However, critics were cool. It won backing from Acme Bros. \"The benefits are obvious,\" said Jim Card. Rep. Robert C. \"Bobby\" Scott spoke.\n\nA new paragraph starts here."
	d := Segment(text)
	var got []string
	for _, s := range d.Sents {
		got = append(got, text[d.Tokens[s.First].Start:d.Tokens[s.Last-1].End])
	}
	want := []string{
		"Mr. Smith met Sen. Jones in Washington.",
		"They talked.",
		"\"It went well,\" he said.",
		"Then he left.",
		"Shares fell 28.1%.", // a number before a period is no initial
		"Ann Cole met U.S. officials at 9 a.m. Friday.",
		"Zawinski named it at a meeting.[8][9]", // reference marks close their sentence
		"A group was formed.",
		"She joined Warner Bros.", // a company's abbreviation before a sentence's adverb
		"However, critics were cool.",
		"It won backing from Acme Bros.", // nor does a name run on into a quotation
		"\"The benefits are obvious,\" said Jim Card.",
		"Rep. Robert C. \"Bobby\" Scott spoke.", // (a nickname after an initial)
		"A new paragraph starts here.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.Paras) != 2 || d.Sents[13].Para != 1 {
		t.Errorf("paragraphs: %d, last sentence in %d", len(d.Paras), d.Sents[len(d.Sents)-1].Para)
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []string // quote regions' text
		unclosed []bool
	}{
		{"curly", `He said “it is fine” today.`, []string{"“it is fine”"}, []bool{false}},
		{"straight", `"We won," she said, "and we will win again."`, []string{`"We won,"`, `"and we will win again."`}, []bool{false, false}},
		{"nested", `“He told me ‘never again’ twice,” she said.`, []string{"“He told me ‘never again’ twice,”", "‘never again’"}, []bool{false, false}},
		{"guillemets", `Il a dit « pas question » hier.`, []string{"« pas question »"}, []bool{false}},
		{"german", `Sie sagte „wir bauen“ gestern.`, []string{"„wir bauen“"}, []bool{false}},
		{"apostrophes are not quotes", `It’s the voters’ choice, isn’t it?`, nil, nil},
		{"multi-paragraph", "“First part of the quote.\n\n“Second part, closing.” Then more.", []string{"“First part of the quote.\n\n“Second part, closing.”"}, []bool{false}},
		{"unclosed", "She said “this never ends.\n\nNext paragraph.", []string{"“this never ends."}, []bool{true}},
		{"opens with a closing mark", `”We have crews,” she said.`, []string{"”We have crews,”"}, []bool{false}},
		{"opens with a closing mark after a space", `He spoke of ” a grave mistake.” Then he left.`, []string{"” a grave mistake.”"}, []bool{false}},
		{"stray closing mark is no quote", "It was ” odd.\n\nNext.", nil, nil},
		{"closes with an opening mark", `“The budget is balanced,“ she told the council.`, []string{"“The budget is balanced,“"}, []bool{false}},
		{"straight opens, curly closes", `"We won,” she said.`, []string{`"We won,”`}, []bool{false}},
		{"curly opens, straight closes", `“We won," she said.`, []string{`“We won,"`}, []bool{false}},
		{"danish guillemets", `Hun sagde »nej tak« i går.`, []string{"»nej tak«"}, []bool{false}},
		{"line lost its closing mark", "He said it was \"in plain sight.\n\"Burr must see it,\" Schiff said.", []string{"\"in plain sight.", "\"Burr must see it,\""}, []bool{true, false}},
		{"curly line lost its closing mark", "He said it was “in plain sight.\n“Burr must see it,” Schiff said.", []string{"“in plain sight.", "“Burr must see it,”"}, []bool{true, false}},
		{"quote over lines", "“First line of it.\nSecond line,” he said.", []string{"“First line of it.\nSecond line,”"}, []bool{false}},
		{"paragraphs run together", `She added: "Some women stayed. "What I think is shocking is this." The end.`, []string{`"Some women stayed. "What I think is shocking is this."`}, []bool{false}},
		{"curly paragraphs run together", `She added: “Some women stayed. “What I think is shocking is this.” The end.`, []string{`“Some women stayed. “What I think is shocking is this.”`}, []bool{false}},
		{"two quotes in a row still close", `"Stop," he said. "Go."`, []string{`"Stop,"`, `"Go."`}, []bool{false, false}},
		{"reopened after a nested quote ends the sentence", `He said: "You say 'wow.' "It is fine." Done.`, []string{`"You say 'wow.' "It is fine."`, "'wow.'"}, []bool{false, false}},
		{"lost close before another introduced quote", `He said: "I lost years. He added: "They made me." Done.`, []string{`"I lost years.`, `"They made me."`}, []bool{true, false}},
		{"single-quoted headline", `'We Will Count Every Vote,' Chief Insists`, []string{`'We Will Count Every Vote,'`}, []bool{false}},
		{"two apostrophes as double marks", `A reader would ask: ''Who pays?'' She said, ''We do.''`, []string{`''Who pays?''`, `''We do.''`}, []bool{false, false}},
		{"two apostrophes with a single quote inside", `He said, ''They call it 'the deal.' It is not.''`, []string{`''They call it 'the deal.' It is not.''`, `'the deal.'`}, []bool{false, false}},
		{"an empty pair is no quote", `The field was left as '' in the form.`, nil, nil},
		// one-sentence-a-line text in straight single marks (one paragraph)
		{"single quote over lines, each reopened", "He said: 'It does not mean that.\n'In fact, there will be more.\n'Now, how many is unknown.'\nThe letter came later.",
			[]string{"'It does not mean that.\n'In fact, there will be more.\n'Now, how many is unknown.'"}, []bool{false}},
		{"single quote lost its close before narrative", "He said: 'The vote was an option.\n'We have not had a vote.\nVell said there was 'no sign' of change.\n'I think it was wrong,' he told us.",
			[]string{"'The vote was an option.\n'We have not had a vote.", "'no sign'", "'I think it was wrong,'"}, []bool{false, false, false}},
		{"a decade's apostrophe opens nothing", "Back in the ‘90s it was the voters’ choice.", nil, nil},
		{"a curly opener far back pairs with no plural's apostrophe", "‘Tis the season.\nA\nB\nC\nD\nE\nF\nG\nH\nI\nJ\nK\nIt is the voters’ choice.", nil, nil},
		{"an opener far back pairs with no late closer", "'em all, she said.\nA\nB\nC\nD\nE\nF\nG\nH\nI\nJ\nK\nHe has a conflict of interest,' Vell added.",
			nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Segment(tt.in)
			var got []string
			var unc []bool
			for _, q := range d.Quotes {
				got = append(got, tt.in[q.Start:q.End])
				unc = append(unc, q.Unclosed)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("quotes %q, want %q", got, tt.want)
			}
			for i := range unc {
				if unc[i] != tt.unclosed[i] {
					t.Errorf("quote %d unclosed=%v, want %v", i, unc[i], tt.unclosed[i])
				}
			}
		})
	}
}

// FuzzSegment checks that any input segments without panicking and that
// every token, sentence and quote lies inside the text in order.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{"", "\"", "“”„«»‘’'`", "He said \"x\n\n\"y", "a.b.c. D. E", "\xff\xfe\x00", strings.Repeat("“", 100), "Mr. . . .", "'tis 'twas' '"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := Segment(text)
		prev := 0
		for i, tok := range d.Tokens {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %d [%d,%d) out of order or range", i, tok.Start, tok.End)
			}
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %d text mismatch", i)
			}
			prev = tok.End
		}
		for _, s := range d.Sents {
			if s.First >= s.Last || s.Last > len(d.Tokens) {
				t.Fatalf("bad sentence %+v", s)
			}
		}
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("bad quote %+v", q)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[q.Start:q.End]) {
				t.Fatalf("quote splits a character")
			}
		}
	})
}
