package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// paragraphs are invented news paragraphs, three per language.
var paragraphs = map[string][]string{
	"en": {
		"The harbor board voted on Wednesday to keep the winter ferry running, ending a month of argument over whether the island could afford it.",
		"“We were never going to cut it,” said the board's chair, adding that the money would come from the port's reserve fund rather than from fares.",
		"Two members opposed the plan and said the council should have spent the money on road repairs instead.",
	},
	"de": {
		"Der Stadtrat hat am Mittwoch beschlossen, die Winterfähre weiter zu betreiben, nachdem wochenlang über die Kosten gestritten worden war.",
		"„Wir wollten sie nie abschaffen“, sagte die Vorsitzende des Hafenausschusses nach der Abstimmung vor Journalisten.",
		"Zwei Mitglieder stimmten dagegen und erklärten, das Geld solle lieber in die Reparatur der Straßen fließen.",
	},
	"fr": {
		"Le conseil du port a voté mercredi le maintien du bac d'hiver, mettant fin à un mois de débats sur le coût du service pour l'île.",
		"« Nous n'avons jamais eu l'intention de le supprimer », a déclaré la présidente du conseil à l'issue du vote.",
		"Deux membres se sont opposés au projet et ont estimé que l'argent devait plutôt servir à réparer les routes.",
	},
	"es": {
		"La junta del puerto votó el miércoles a favor de mantener el transbordador de invierno, poniendo fin a un mes de discusiones sobre su coste.",
		"«Nunca tuvimos la intención de suprimirlo», dijo la presidenta de la junta tras la votación ante los periodistas.",
		"Dos miembros se opusieron al plan y afirmaron que el dinero debería destinarse a la reparación de las carreteras.",
	},
	"it": {
		"Il consiglio del porto ha votato mercoledì per mantenere il traghetto invernale, ponendo fine a un mese di discussioni sui costi.",
		"«Non abbiamo mai pensato di sopprimerlo», ha detto la presidente del consiglio dopo il voto davanti ai giornalisti.",
		"Due membri si sono opposti al piano e hanno sostenuto che i soldi dovrebbero andare alla riparazione delle strade.",
	},
	"pt": {
		"O conselho do porto votou na quarta-feira pela manutenção da balsa de inverno, encerrando um mês de discussões sobre o custo do serviço.",
		"“Nunca tivemos a intenção de acabar com ela”, disse a presidente do conselho depois da votação aos jornalistas.",
		"Dois membros se opuseram ao plano e afirmaram que o dinheiro deveria ir para a reparação das estradas da ilha.",
	},
	"nl": {
		"Het havenbestuur heeft woensdag besloten de winterveerdienst te behouden, na een maand van discussie over de kosten van de dienst.",
		"„We waren nooit van plan om hem te schrappen”, zei de voorzitter van het bestuur na de stemming tegen verslaggevers.",
		"Twee leden stemden tegen het plan en zeiden dat het geld beter naar de reparatie van de wegen kon gaan.",
	},
}

// TestDetectParagraphs: every invented paragraph, and each language's
// three paragraphs together, get their language.
func TestDetectParagraphs(t *testing.T) {
	right, total := 0, 0
	for want, ps := range paragraphs {
		all := ""
		for _, p := range ps {
			total++
			if got := Detect(p); got == want {
				right++
			} else {
				t.Errorf("Detect(%q) = %q, want %q", p, got, want)
			}
			all += p + "\n\n"
		}
		if got := Detect(all); got != want {
			t.Errorf("%s article: Detect = %q", want, got)
		}
	}
	t.Logf("paragraphs: %d of %d right", right, total)
}

func TestDetectShort(t *testing.T) {
	for _, s := range []string{"", "Yes.", "Tolls fall", "  \n\n  "} {
		if got := Detect(s); got != "" {
			t.Errorf("Detect(%q) = %q, want unknown", s, got)
		}
	}
}

// TestDetectBBC: every BBC article is English (shared data; skips when
// absent). It also reports the time per article.
func TestDetectBBC(t *testing.T) {
	dir := shareddata.Dir(t, "bbc")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("no BBC articles")
	}
	texts := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	start := time.Now()
	wrong := 0
	for i, s := range texts {
		if got := Detect(s); got != English {
			wrong++
			if wrong <= 5 {
				t.Errorf("%s: Detect = %q", files[i], got)
			}
		}
	}
	t.Logf("BBC: %d of %d English, %v per article", len(texts)-wrong, len(texts), time.Since(start)/time.Duration(len(texts)))
}

func BenchmarkDetectBBC(b *testing.B) {
	dir := shareddata.Dir(b, "bbc")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	var texts []string
	for _, f := range files[:min(200, len(files))] {
		bs, _ := os.ReadFile(f)
		texts = append(texts, string(bs))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Detect(texts[i%len(texts)])
	}
}

func BenchmarkDetectForeign(b *testing.B) {
	var all string
	for _, p := range paragraphs["de"] {
		all += p + "\n\n"
	}
	for i := 0; i < b.N; i++ {
		Detect(all)
	}
}

// TestForEachWordLowers: the words forEachWord gives are those of a
// plain split lower-cased by strings.ToLower, ASCII or not, short or long.
func TestForEachWordLowers(t *testing.T) {
	s := "The SAID l'An Don’t ÉTÉ Straße x " + strings.Repeat("Ab", 20) + " " + strings.Repeat("É", 20) + " MiXeD-case 42 Über"
	var got []string
	forEachWord(s, func(w []byte) { got = append(got, string(w)) })
	want := []string{"the", "said", "l'an", "don’t", "été", "straße", "x", strings.ToLower(strings.Repeat("Ab", 20)), strings.ToLower(strings.Repeat("É", 20)), "mixed", "case", "über"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFirstLens: every function word passes the filter before the map.
func TestFirstLens(t *testing.T) {
	for w := range functionWords {
		if firstLens[len(w)]&(1<<(w[0]&63)) == 0 {
			t.Errorf("%q filtered out", w)
		}
	}
}

// TestCountWords: countWords counts what forEachWord and a look-up of
// every word count, on the invented paragraphs, on the shared corpora's
// samples when present, and on random strings of letters, apostrophes,
// spaces, digits, non-ASCII letters and invalid bytes.
func TestCountWords(t *testing.T) {
	reference := func(s string) (words int, hits [numLangs]int) {
		forEachWord(s, func(w []byte) {
			words++
			if l, ok := functionWords[string(w)]; ok {
				for i := range hits {
					if l&(1<<i) != 0 {
						hits[i]++
					}
				}
			}
		})
		return words, hits
	}
	var texts []string
	for _, ps := range paragraphs {
		texts = append(texts, strings.Join(ps, "\n"))
	}
	if root := shareddata.Root(); root != "" {
		files, _ := filepath.Glob(filepath.Join(root, "ptc", "*", "*.txt"))
		for i, f := range files {
			if i%10 == 0 {
				if b, err := os.ReadFile(f); err == nil {
					texts = append(texts, string(b))
				}
			}
		}
	}
	pieces := []string{"the", "The", "THE", "said", "a", "A", "l'an", "Don’t", "don't", "'", "’", " ", "  ", ",", "4", "Été", "der", "DIE", "según", "\xff", "\xe2\x80", "Straße", "x", "über", "Über", "sagte"}
	seed := uint32(1)
	for range 3000 {
		var b strings.Builder
		for range 12 {
			seed = seed*1664525 + 1013904223
			b.WriteString(pieces[int(seed>>8)%len(pieces)])
		}
		texts = append(texts, b.String())
	}
	t.Logf("%d texts", len(texts))
	for _, s := range texts {
		w1, h1 := countWords(s)
		w2, h2 := reference(s)
		if w1 != w2 || h1 != h2 {
			t.Fatalf("countWords(%.60q) = %d %v, forEachWord %d %v", s, w1, h1, w2, h2)
		}
	}
}

// TestLastLens: every function word passes the last-byte filter.
func TestLastLens(t *testing.T) {
	for w := range functionWords {
		if lastLens[len(w)]&(1<<(w[len(w)-1]&63)) == 0 {
			t.Errorf("%q filtered out", w)
		}
	}
}

// TestFunctionTable: the table gives the map's languages for every
// function word, and none for other words.
func TestFunctionTable(t *testing.T) {
	for w, l := range functionWords {
		if got := functionTable.langs([]byte(w)); got != l {
			t.Errorf("%q: %b, want %b", w, got, l)
		}
	}
	for _, w := range []string{"", "x", "thee", "saids", "dije", "straße", "théy"} {
		if got := functionTable.langs([]byte(w)); got != 0 {
			t.Errorf("%q: %b, want none", w, got)
		}
	}
}
