package extract

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// foreignArticles are invented articles in German, French, Spanish and
// Italian; want lists, for each quote in order, the speaker expected
// ("" for a quote found from its marks only).
var foreignArticles = []struct {
	lang string
	text string
	want []string
}{
	{"de", `Stadtrat beschließt neue Hafengebühren

Der Stadtrat von Lindau hat am Dienstag eine Erhöhung der Hafengebühren beschlossen. Die Entscheidung fiel nach einer langen Debatte mit den Fischern der Stadt.

„Wir können die Kosten für den Hafen nicht länger allein tragen“, sagte Bürgermeisterin Anna Keller nach der Sitzung.

Der Vorsitzende der Fischereigenossenschaft, Jonas Brenner, widersprach deutlich. Brenner sagte: „Diese Gebühren treffen die kleinen Betriebe am härtesten.“

„Wir werden gegen den Beschluss klagen“, fügte er hinzu. Die neuen Gebühren sollen im März in Kraft treten, so die Stadtverwaltung in einer Mitteilung.

„Das ist ein fairer Kompromiss für alle Seiten“, erklärte Stadtkämmerer Paul Seidel am Abend.`,
		[]string{"Anna Keller", "Jonas Brenner", "Jonas Brenner", "Paul Seidel"}},
	{"fr", `Le conseil municipal augmente les tarifs du port

Le conseil municipal de Sète a voté mardi une hausse des tarifs du port, après un long débat avec les pêcheurs de la ville.

« Nous ne pouvons plus assumer seuls le coût du port », a déclaré la maire Claire Fontaine à l'issue de la séance.

Le président de la coopérative des pêcheurs, Julien Marchand, s'y est opposé. Julien Marchand a affirmé : « Ces tarifs frappent d'abord les petites entreprises. »

« Nous allons contester cette décision », a-t-il ajouté devant la mairie.

Selon Hélène Roux, adjointe aux finances, « c'est un compromis équitable pour tout le monde ».`,
		[]string{"Claire Fontaine", "Julien Marchand", "Julien Marchand", "Hélène Roux"}},
	{"es", `El ayuntamiento sube las tasas del puerto

El ayuntamiento de Cádiz aprobó el martes una subida de las tasas del puerto tras un largo debate con los pescadores de la ciudad.

«No podemos seguir asumiendo solos el coste del puerto», dijo la alcaldesa Lucía Herrera al término del pleno.

El presidente de la cofradía de pescadores, Andrés Molina, se opuso con firmeza. Andrés Molina afirmó: "Estas tasas golpean primero a las pequeñas empresas".

"Vamos a recurrir la decisión", añadió Molina ante el ayuntamiento.

Según Marta Ibáñez, concejala de Hacienda, «es un compromiso justo para todas las partes».

"Un texto sin verbo de habla alguno aparece aquí entre comillas" en medio de una frase larga del artículo.`,
		[]string{"Lucía Herrera", "Andrés Molina", "Andrés Molina", "Marta Ibáñez", ""}},
	{"it", `Il comune aumenta le tariffe del porto

Il consiglio comunale di Livorno ha approvato martedì un aumento delle tariffe del porto dopo un lungo dibattito con i pescatori.

«Non possiamo più sostenere da soli il costo del porto», ha detto la sindaca Giulia Ferri al termine della seduta.`,
		[]string{""}},
}

// TestForeignArticles: a German, French or Spanish article gets its
// language, its quotes with named speakers from the language rules, and no
// attribution from the English models; an Italian one gets its quotes
// from quote marks alone, flagged so.
func TestForeignArticles(t *testing.T) {
	ex, err := NewFast()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range foreignArticles {
		t.Run(tt.lang, func(t *testing.T) {
			x, err := ex.Extract(context.Background(), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if x.Language != tt.lang {
				t.Errorf("Language %q, want %q", x.Language, tt.lang)
			}
			if x.Title == "" {
				t.Error("no title")
			}
			var got []string
			for _, a := range x.Attributions {
				if a.Kind != "direct" || len(a.Content) != 1 || len(a.Quotes) != 1 {
					t.Errorf("attribution %+v: want one direct quote", a)
				}
				if !slices.Contains(a.Flags, FlagLanguageRules) && !slices.Contains(a.Flags, FlagQuoteMarksOnly) {
					t.Errorf("attribution %q carries neither %s nor %s: %v", a.Content[0].Text, FlagLanguageRules, FlagQuoteMarksOnly, a.Flags)
				}
				if a.Speaker.Name == "" && !slices.Contains(a.Flags, FlagQuoteMarksOnly) {
					t.Errorf("quote %q without speaker is not flagged %s", a.Content[0].Text, FlagQuoteMarksOnly)
				}
				if f := strings.Fields(a.Speaker.Name); a.Source != nil && !strings.Contains(a.Source.Text, f[len(f)-1]) {
					t.Errorf("source %q does not hold speaker %q", a.Source.Text, a.Speaker.Name)
				}
				if r := []rune(tt.text); a.Content[0].Start < 0 || a.Content[0].End > len(r) || string(r[a.Content[0].Start:a.Content[0].End]) != a.Content[0].Text {
					t.Errorf("content span %+v does not match the text", a.Content[0])
				}
				got = append(got, a.Speaker.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEnglishLanguage: an English article says so and still goes through
// the models.
func TestEnglishLanguage(t *testing.T) {
	ex, err := NewFast()
	if err != nil {
		t.Fatal(err)
	}
	x, err := ex.Extract(context.Background(), "Council backs toll cut\n\nThe council voted on Tuesday to cut the harbor tolls after months of complaints.\n\n\"We listened to the crews,\" said council chair Maren Holt after the vote.")
	if err != nil {
		t.Fatal(err)
	}
	if x.Language != "en" {
		t.Errorf("Language %q, want en", x.Language)
	}
	for _, a := range x.Attributions {
		if slices.Contains(a.Flags, FlagQuoteMarksOnly) || slices.Contains(a.Flags, FlagLanguageRules) {
			t.Errorf("English attribution flagged %v", a.Flags)
		}
	}
}

// FuzzExtractForeign: the language rules never panic and every span they
// give matches the text, in every language's rule set.
func FuzzExtractForeign(f *testing.F) {
	for _, a := range foreignArticles {
		f.Add(a.text, a.lang)
	}
	f.Add("«Sí», dijo", "es")
	f.Add("„“, sagte Er", "de")
	f.Add("« », a-t-il", "fr")
	f.Fuzz(func(t *testing.T, text, lang string) {
		if len(text) > 1<<16 || !utf8.ValidString(text) {
			return // Extract is given decoded text, always valid UTF-8
		}
		x := extractForeign(text, lang)
		runes := []rune(text)
		check := func(s *claimtrail.Span) {
			if s == nil {
				return
			}
			if s.Start < 0 || s.End > len(runes) || s.Start > s.End || string(runes[s.Start:s.End]) != s.Text {
				t.Fatalf("span %+v does not match the text %q", *s, text)
			}
		}
		for _, a := range x.Attributions {
			check(a.Source)
			check(a.Cue)
			for i := range a.Content {
				check(&a.Content[i])
			}
		}
	})
}

// TestLanguageRuleForms: the common orders of quote, verb and speaker in
// each language, one sentence each (invented).
func TestLanguageRuleForms(t *testing.T) {
	tests := []struct {
		lang, text, speaker, cue string
	}{
		{"de", "„Das ist ein guter Tag für die Stadt“, sagte Oberbürgermeister Markus Lehmann am Montag.", "Markus Lehmann", "sagte"},
		{"de", "Ministerin Sabine Roth erklärte: „Wir werden das Gesetz noch in diesem Jahr ändern.“", "Sabine Roth", "erklärte"},
		{"de", "„Die Lage ist ernst und wird sich verschärfen“, so Thomas Berger vom Roten Kreuz.", "Thomas Berger", "so"},
		{"de", "„Wir warten auf die Zahlen“, betonte die Sprecherin Eva Brandt.", "Eva Brandt", "betonte"},
		{"fr", "« La réforme est nécessaire pour le pays », estime le ministre Bruno Lemaire.", "Bruno Lemaire", "estime"},
		{"fr", "La directrice Anne Girard a déclaré : « Nous tiendrons bon jusqu'au bout. »", "Anne Girard", "a déclaré"},
		{"fr", "« Il faut agir vite et fort », a affirmé Jean-Luc Moreau devant la presse.", "Jean-Luc Moreau", "a affirmé"},
		{"es", "\"La economía crecerá este año\", aseguró el ministro de Economía, Carlos Cuerpo.", "Carlos Cuerpo", "aseguró"},
		{"es", "La alcaldesa Rosa Vidal dijo: «No vamos a cerrar el mercado».", "Rosa Vidal", "dijo"},
		{"es", "«Es un día histórico para la región», afirmó Juan Carlos de la Fuente en la rueda de prensa.", "Juan Carlos de la Fuente", "afirmó"},
		{"es", "«Nadie nos ha consultado nada», dijo el portavoz de la asociación.", "", ""},
	}
	for _, tt := range tests {
		x := extractForeign(tt.text, tt.lang)
		if len(x.Attributions) != 1 {
			t.Errorf("%s: %d attributions, want 1", tt.text, len(x.Attributions))
			continue
		}
		a := x.Attributions[0]
		cue := ""
		if a.Cue != nil {
			cue = a.Cue.Text
		}
		if a.Speaker.Name != tt.speaker || cue != tt.cue {
			t.Errorf("%s: speaker %q cue %q, want %q %q", tt.text, a.Speaker.Name, cue, tt.speaker, tt.cue)
		}
	}
}
