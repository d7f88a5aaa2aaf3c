package extract

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/segment"
)

// TestNamedAfterQuotes: a quote whose speaker is named just after it with
// a verb of saying the model does not read ("agreed Mr Okafor", "Palma
// detailed", "Ruiz probed", "Jones positively purred") is that speaker's,
// not the person named last in the paragraph or addressed inside it; the
// rest of the sentence's quote after the name is the same speaker's. A
// quote inside another clause ("Asked, “...?” Vell replied", "he is
// “glad,” reported the Gazette") gets nothing from the name after it.
func TestNamedAfterQuotes(t *testing.T) {
	const intro = "Harbour talks\n\nDale Okafor, chairman of the harbour board, met union leaders Joan Vell, Rita Palma and Ana Ruiz on Monday.\n\n"
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"verb then name", intro + "\"Consumers are hungry for it and we will find new models together,\" agreed Ms Vell. The talks go on.\n", "Consumers are hungry for it and we will find new models together,", "Joan Vell"},
		{"name then verb", intro + "\"Every other person that I have talked to has said the same thing,\" Palma detailed.\n", "Every other person that I have talked to has said the same thing,", "Rita Palma"},
		{"question, verb then adverb", intro + "Okafor sat down.\n\n“Is that a recent development?” Ruiz probed gently.\n", "Is that a recent development?", "Ana Ruiz"},
		{"adverb before a tag", intro + "“If only my hands were free, I would clap for you, Dale,” Ruiz positively purred.\n", "If only my hands were free, I would clap for you, Dale,", "Ana Ruiz"},
	})
	runPieceCases(t, []pieceCase{
		{"the second piece", intro + "\"Dale,\" interrupted Ms Vell, \"you will please sit down.\"\n", "you will please sit down.", "Joan Vell"},
	})
	// near misses: the quote is not the named person's
	for _, tc := range []struct{ name, text, quote string }{
		{"inside a participle clause", intro + "Asked point-blank, \"Is that picture you?\" Ruiz replied, \"You know I will not talk about it.\"\n", "Is that picture you?"},
		{"inside a reported clause", intro + "His first reaction is that he is “glad it’s over,” reported the Harbour Gazette.\n", "glad it’s over,"},
		{"not a verb of saying", intro + "\"We will see,\" Ruiz walked out.\n", "We will see,"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, a := range extractOf(t, tc.text) {
				if len(a.Quotes) == 1 && a.Quotes[0].Text == tc.quote && a.Speaker.Name != "" && a.Speaker.Name != "Dale Okafor" {
					t.Errorf("quote %q given to %q (source %+v)", tc.quote, a.Speaker.Name, a.Source)
				}
			}
		})
	}
}

// TestDropCueInsideQuote: a reading of a quote's speaker whose cue lies
// inside the quote ("She added: “Four people ... stated that ...”", read
// also as her "stated") goes when a reading with the same source holds
// the quote; a report written inside the quote with its own source stays.
func TestDropCueInsideQuote(t *testing.T) {
	const text = "Vell speaks\n\nShe added: “Four people, including my supervisor, stated that I came to them.” “Some members noted that a rise was due,” the minutes said."
	d := segment.Segment(text)
	tok := func(word string, nth int) int { return nthToken(t, d, word, nth) }
	rng := func(s, e int) attribute.Range { return attribute.Range{Start: s, End: e} }
	she, added, stated := tok("She", 0), tok("added", 0), tok("stated", 0)
	quoteEnd := tok("them", 0) + 3 // them . ”
	added2 := attribute.Found{Source: rng(she, she+1), Cue: rng(added, added+2), Pieces: []attribute.Range{rng(added+2, quoteEnd)}}
	statedRead := attribute.Found{Source: rng(she, she+1), Cue: rng(stated, stated+1), Pieces: []attribute.Range{rng(stated+1, quoteEnd-1)}}
	some, noted := tok("Some", 0), tok("noted", 0)
	inner := attribute.Found{Source: rng(some, some+2), Cue: rng(noted, noted+1), Pieces: []attribute.Range{rng(noted+1, noted+6)}}
	minutes := tok("minutes", 0)
	outer := attribute.Found{Source: rng(minutes-1, minutes+1), Cue: rng(minutes+1, minutes+2), Pieces: []attribute.Range{rng(some-1, minutes-1)}}
	for _, f := range []*attribute.Found{&added2, &statedRead, &inner, &outer} {
		f.Content = f.Pieces[0]
	}
	got := dropCueInsideQuote(d, []attribute.Found{added2, statedRead, inner, outer})
	if len(got) != 3 {
		t.Fatalf("kept %d readings, want 3", len(got))
	}
	for _, f := range got {
		if f.Cue == statedRead.Cue {
			t.Errorf("the reading with its cue inside the quote was kept")
		}
	}
}

// TestNounOutOfCue: a cue that opens with the noun its source's
// possessive or determiner goes with ("the killer’s | public defender will
// call") gives the noun back to the source; a cue opening with a verb, or
// a headline's capitalised words, stays as it is.
func TestNounOutOfCue(t *testing.T) {
	for _, tc := range []struct{ name, text, source, cue, wantSource, wantCue string }{
		{"possessive", "Verdict\n\nThe killer’s public defender will call it a vindication for the rights of immigrants.", "The killer’s", "public defender will call", "The killer’s public defender", "will call"},
		{"a verb", "Verdict\n\nThe public defender will call it a vindication for the rights of immigrants.", "The public defender", "will call", "The public defender", "will call"},
		{"headline words", "Senator Ben Kale Calls Review Outrageous\n\nThe review was late.", "Senator Ben Kale", "Calls Review", "Senator Ben Kale", "Calls Review"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := taggedDoc(t, tc.text)
			rangeOf := func(s string) attribute.Range {
				i := strings.Index(d.Text, s)
				r := attribute.Range{Start: -1}
				for k, tk := range d.Tokens {
					if tk.Start == i {
						r.Start = k
					}
					if tk.End == i+len(s) {
						r.End = k + 1
					}
				}
				if r.Start < 0 || r.End <= r.Start {
					t.Fatalf("%q is not a run of tokens", s)
				}
				return r
			}
			f := []attribute.Found{{Source: rangeOf(tc.source), Cue: rangeOf(tc.cue)}}
			nounOutOfCue(d, f)
			text := func(r attribute.Range) string { return rangeText(d, r) }
			if got := text(f[0].Source); got != tc.wantSource {
				t.Errorf("source %q, want %q", got, tc.wantSource)
			}
			if got := text(f[0].Cue); got != tc.wantCue {
				t.Errorf("cue %q, want %q", got, tc.wantCue)
			}
		})
	}
}

// TestLabelledQuoteNoLeadIn: a quote that names a maxim, motto, slogan or
// headline written just before it is nobody's in the paragraph; a quote
// standing alone after a speaker's words is still the speaker's.
func TestLabelledQuoteNoLeadIn(t *testing.T) {
	const story = "Hale on the rack\n\nMichael Hale told the rally in Leeds that the cuts would hurt. \"We will see it through,\" he said.\n\n"
	runPieceCases(t, []pieceCase{
		{"maxim", story + "His hope must be that voters will bear out the old maxim: \"No pain, no gain.\"\n", "No pain, no gain.", ""},
		{"motto", story + "The council voted to keep the town motto, \"Onward and upward,\" on its crest.\n", "Onward and upward,", ""},
		{"headline", story + "The Courier ran the story under the headline \"Hale holds firm\" on Saturday.\n", "Hale holds firm", ""},
		// near miss: a quote standing alone after his words
		{"his words", story + "Mr Hale went on. \"There is no other way.\"\n", "There is no other way.", "Michael Hale"},
	})
}

// TestQuoteAfterPersonsParaphrase: a quote standing alone right after a
// person's paraphrase is that person's, not that of a speaker earlier in
// the paragraph who spoke through a channel; not when the paraphrase is
// a relative clause hanging on another speaker's report.
func TestQuoteAfterPersonsParaphrase(t *testing.T) {
	const lead = "Trust in politics\n\nFormer minister Ellen Marsh told BBC Radio that there was a \"real problem of trust\" between the public and politicians. "
	runPieceCases(t, []pieceCase{
		{"paraphrase", lead + "Tom Bellamy, who won his seat on an anti-corruption platform, said politicians often failed to see themselves as others did. \"We need public figures we trust to tell the truth.\"\n", "We need public figures we trust to tell the truth.", "Tom Bellamy"},
		{"relative clause", lead + "\"I defended the rules,\" Marsh said, pointing to claims against Governor Tom Bellamy, who has denied them. \"I think I did the right thing as a minister.\"\n", "I think I did the right thing as a minister.", "Ellen Marsh"},
	})
}

// TestSourceInWhatClause: a report written as a free relative that names
// a thing ("what he described as “...”", "what she proudly claimed were
// “...”") has its source between "what" and the cue; one that does not
// name ("taken what Vell said as an apology") gets none, and a quote
// after a colon stays out of the describer's content.
func TestSourceInWhatClause(t *testing.T) {
	d := taggedDoc(t, "Budget row\n\nJoan Vell tabled what she proudly claimed were “legally binding” changes to the deal. "+
		"Some may not have taken what Vell said as an apology. The minister replied in what one reporter described as a “snippy tone”: “We will see.”")
	at := func(w string) int { return nthToken(t, d, w, 0) }
	whats := []int{}
	for k, tk := range d.Tokens {
		if tk.Text == "what" {
			whats = append(whats, k)
		}
	}
	if len(whats) != 3 {
		t.Fatalf("%d tokens \"what\"", len(whats))
	}
	claimed, said, described := at("claimed"), at("said"), at("described")
	piece := func(from int) attribute.Range {
		e := from
		for e < len(d.Tokens) && d.Tokens[e].Text != "." {
			e++
		}
		return attribute.Range{Start: from, End: e}
	}
	found := []attribute.Found{
		{Cue: attribute.Range{Start: claimed, End: claimed + 1}, Pieces: []attribute.Range{piece(whats[0])}},
		{Cue: attribute.Range{Start: said, End: said + 1}, Pieces: []attribute.Range{piece(whats[1])}},
		{Cue: attribute.Range{Start: described, End: described + 1}, Pieces: []attribute.Range{piece(whats[2])}},
	}
	for i := range found {
		found[i].Content = found[i].Pieces[0]
	}
	sourceInWhatClause(d, found)
	text := func(r attribute.Range) string {
		if r.Empty() {
			return ""
		}
		return rangeText(d, r)
	}
	for i, want := range []struct{ source, cue, content string }{
		{"she", "proudly claimed", "what she proudly claimed were “legally binding” changes to the deal"},
		{"", "said", "what Vell said as an apology"},
		{"one reporter", "described", "what one reporter described as a “snippy tone”"},
	} {
		if got := text(found[i].Source); got != want.source {
			t.Errorf("%d: source %q, want %q", i, got, want.source)
		}
		if got := text(found[i].Cue); got != want.cue {
			t.Errorf("%d: cue %q, want %q", i, got, want.cue)
		}
		if got := text(found[i].Pieces[0]); got != want.content {
			t.Errorf("%d: content %q, want %q", i, got, want.content)
		}
	}
}

// TestAddressedNotSpeaker: a quote standing alone is not given to the
// person it addresses by name ("But the blots, Turkey,", "Bartleby!
// quick, I am waiting."); one that names him otherwise still is his.
func TestAddressedNotSpeaker(t *testing.T) {
	for _, tc := range []struct {
		name, quote, speaker string
		want                 bool
	}{
		{"after a comma", `"But the blots, Turkey, are on every page."`, "Turkey", true},
		{"opening", `"Bartleby! quick, I am waiting."`, "Bartleby", true},
		{"question", `"What do you think of it, Alden Park?"`, "Alden Park", true},
		{"named, not addressed", `"Turkey is a good clerk, in the mornings."`, "Turkey", false},
		{"a word inside another", `"The Turkeys, I think, will come."`, "Turkey", false},
	} {
		got := addressedIn([]claimtrail.Span{{Text: tc.quote}}, tc.speaker)
		if got != tc.want {
			t.Errorf("%s: addressedIn = %v, want %v", tc.name, got, tc.want)
		}
	}
	runPieceCases(t, []pieceCase{
		{"lead-in", "The office\n\n\"I would prefer not to,\" said Bartleby. He sat down at his desk and did not look up at me for an hour.\n\n\"Bartleby! quick, I am waiting.\"\n", "Bartleby! quick, I am waiting.", ""},
	})
}

// TestAnswerAfterAsked: "Asked why ... Lord Vell said: “...”" read as a
// sourceless "Asked" whose content runs through the answer becomes Lord
// Vell's "said:" with the quote; when the answer was also read on its
// own, the garbled reading goes; a question holding "said" inside it
// leaves the answer's verb to the one before a colon.
func TestAnswerAfterAsked(t *testing.T) {
	const text = "Dossier row\n\nAsked why he said the warnings were not there Lord Vell said: “One has to remember the purpose of the dossier.”"
	d := segment.Segment(text)
	tok := func(w string, nth int) int { return nthToken(t, d, w, nth) }
	asked, lord, said := tok("Asked", 0), tok("Lord", 0), tok("said", 1)
	end := len(d.Tokens)
	garbled := attribute.Found{Cue: attribute.Range{Start: asked, End: asked + 1}, Pieces: []attribute.Range{{Start: asked + 1, End: end}}}
	garbled.Content = garbled.Pieces[0]
	text1 := func(r attribute.Range) string { return rangeText(d, r) }

	got := answerAfterAsked(d, []attribute.Found{garbled})
	if len(got) != 1 || got[0].Source.Empty() {
		t.Fatalf("got %+v, want one reading with a source", got)
	}
	if s, c, p := text1(got[0].Source), text1(got[0].Cue), text1(got[0].Pieces[0]); s != "Lord Vell" || c != "said:" || p != "“One has to remember the purpose of the dossier.”" {
		t.Errorf("source %q cue %q content %q", s, c, p)
	}
	own := attribute.Found{Source: attribute.Range{Start: lord, End: said}, Cue: attribute.Range{Start: said, End: said + 2}, Pieces: []attribute.Range{{Start: said + 2, End: end}}}
	own.Content = own.Pieces[0]
	got = answerAfterAsked(d, []attribute.Found{garbled, own})
	if len(got) != 1 || got[0].Cue != own.Cue {
		t.Errorf("with the answer read on its own: %d readings, want only that one", len(got))
	}
}

// TestDropShellOverReport: a reading whose cue is no verb of saying and
// whose content is a word, "and", then another reading ("Vell had
// recently undergone heart | surgery and spokesman Tom Dale said: “...”")
// goes; a verb of saying before such a content stays.
func TestDropShellOverReport(t *testing.T) {
	for _, tc := range []struct {
		name, text, cue string
		want            int
	}{
		{"garbled", "Coach dies\n\nVell had recently undergone heart surgery and spokesman Tom Dale said: “He was one of the best.”", "had recently undergone heart", 1},
		{"a verb of saying", "Coach dies\n\nVell had recently said goodbye and spokesman Tom Dale said: “He was one of the best.”", "had recently said", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := segment.Segment(tc.text)
			tok := func(w string) int { return nthToken(t, d, w, 0) }
			had, tom, said := tok("had"), tok("spokesman"), tok("said")
			if tc.want == 2 {
				said = tok(":") - 1
			}
			n := len(strings.Fields(tc.cue))
			end := len(d.Tokens)
			shell := attribute.Found{Source: attribute.Range{Start: had - 1, End: had}, Cue: attribute.Range{Start: had, End: had + n}, Pieces: []attribute.Range{{Start: had + n, End: end}}}
			inner := attribute.Found{Source: attribute.Range{Start: tom, End: said}, Cue: attribute.Range{Start: said, End: said + 2}, Pieces: []attribute.Range{{Start: said + 2, End: end}}}
			for _, f := range []*attribute.Found{&shell, &inner} {
				f.Content = f.Pieces[0]
			}
			if got := len(dropShellOverReport(d, []attribute.Found{shell, inner})); got != tc.want {
				t.Errorf("kept %d readings, want %d", got, tc.want)
			}
		})
	}
}

// TestVerbThenQuotes: a quote right after a verb of saying or thinking
// is the verb's subject's ("the jury concluded “...”", "Ruiz, who
// believes “...”", "The Met has confirmed “...”"); not after a verb of
// naming ("a speech titled “...”"), nor a subject after a preposition,
// nor a scare quote of three words or fewer.
func TestVerbThenQuotes(t *testing.T) {
	const intro = "Cup hopes\n\nAna Ruiz scored twice for the club on Saturday.\n\n"
	runQuoteSpeakerCases(t, []quoteSpeakerCase{
		{"who believes", intro + "It is a view shared by Ruiz, who believes “if we can get past Milan, we have a great chance”.\n", "if we can get past Milan, we have a great chance", "Ana Ruiz"},
		{"auxiliary", intro + "The club has confirmed “that a man in his 30s was arrested outside the ground on Saturday”.\n", "that a man in his 30s was arrested outside the ground on Saturday", "club"},
	})
	for _, tc := range []struct{ name, text, quote string }{
		{"naming", intro + "Ruiz gave a speech titled “How to Win the Cup Next Year” at the club.\n", "How to Win the Cup Next Year"},
		{"after a preposition", intro + "She denied it, but at the same time acknowledges “the team did not play well today”.\n", "the team did not play well today"},
		{"scare quote", intro + "Ruiz decries “career sexism” in the game.\n", "career sexism"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, a := range extractOf(t, tc.text) {
				if len(a.Quotes) == 1 && a.Quotes[0].Text == tc.quote && a.Source != nil && a.Cue != nil && a.Content[0].Start > a.Cue.Start {
					if src := a.Source.Text; src == "time" || src == "the same time" || src == "a speech" || src == "Ruiz gave a speech" {
						t.Errorf("quote %q given to source %q", tc.quote, src)
					}
				}
			}
		})
	}
}

// TestNonfiniteCueSubject: a sourceless gerund after a preposition or an
// infinitive after "as" is said by the subject of its sentence's verb
// ("the bishop was accused of insensitivity after insisting that ...");
// not when that verb is a relative clause's ("The party, which Ms Vell's
// allies rely on, urged her to stand firm in demanding that ...").
func TestNonfiniteCueSubject(t *testing.T) {
	for _, tc := range []struct{ name, text, cue, want string }{
		{"after a gerund", "Visit row\n\nIn January, the bishop was accused of insensitivity after insisting that the survivors had no proof.", "insisting", "the bishop"},
		{"as to", "Visit row\n\nThe cardinal even went so far as to suggest that the victim should ask forgiveness.", "to suggest", "The cardinal"},
		{"relative clause", "Visit row\n\nThe party, which Ms Vell's allies rely on, urged her to stand firm in demanding that the plan change.", "demanding", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := taggedDoc(t, tc.text)
			i := strings.Index(d.Text, tc.cue)
			c := -1
			for k, tk := range d.Tokens {
				if tk.Start == i {
					c = k
				}
			}
			n := len(strings.Fields(tc.cue))
			end := len(d.Tokens) - 1
			f := []attribute.Found{{Cue: attribute.Range{Start: c, End: c + n}, Pieces: []attribute.Range{{Start: c + n, End: end}}}}
			f[0].Content = f[0].Pieces[0]
			nonfiniteCueSubject(d, f)
			got := ""
			if !f[0].Source.Empty() {
				got = d.Text[d.Tokens[f[0].Source.Start].Start:d.Tokens[f[0].Source.End-1].End]
			}
			if got != tc.want {
				t.Errorf("source %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNameBeforeRoleInClause: a role cut from the name before it, in a
// clause after "after" or "and" ("the day after Peter Vell, former
// minister and now a commissioner, warned"), takes the name back.
func TestNameBeforeRoleInClause(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"after", "Mail row\n\nThe e-mail was revealed the day after Peter Vell, former Labour minister and now a European Commissioner, warned the BBC to steer away from \"demonising\" Mr Dale.\n", "warned", "Peter Vell"},
	})
}

// TestWheneverOutOfSource: "whenever" and "wherever" open a clause, no
// part of its subject ("Whenever a programmer thinks, “...”").
func TestWheneverOutOfSource(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"whenever", "Skins\n\nWhenever a programmer thinks, \"Hey, skins, what a cool idea,\" the speakers should scream.\n", "thinks", "programmer"},
	})
}

// nthToken returns the index of the nth (from 0) token of d written
// word, failing the test when there is none.
func nthToken(t *testing.T, d *doc.Doc, word string, nth int) int {
	t.Helper()
	for k, tk := range d.Tokens {
		if tk.Text == word {
			if nth == 0 {
				return k
			}
			nth--
		}
	}
	t.Fatalf("no token %q", word)
	return -1
}
