package ingest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLBoilerplate reads an invented page full of the furniture real
// news pages carry (captions, credits, "Continue reading", newsletter
// prompts, related-story lists, stray punctuation, a date line, a byline
// with its date glued on) and checks that the story is kept, the
// furniture dropped, the headline first and the blockquote a paragraph of
// its own.
func TestHTMLBoilerplate(t *testing.T) {
	items := collect(t, Options{}, filepath.Join("testdata", "news-furniture.html"))
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %+v", items)
	}
	a := items[0].Article
	if a.Title != "Harbor board backs ferry subsidy" {
		t.Errorf("Title %q: want the headline without the site name", a.Title)
	}
	if a.Author != "Priya Okafor" {
		t.Errorf("Author %q: want the name without the glued date and count", a.Author)
	}
	paras := strings.Split(a.Text, "\n\n")
	if paras[0] != a.Title {
		t.Errorf("first paragraph %q, want the headline", paras[0])
	}
	if strings.Count(a.Text, "Harbor board backs ferry subsidy") != 1 {
		t.Errorf("headline repeated:\n%s", a.Text)
	}
	keep := []string{
		"The harbor board voted five to two on Wednesday",
		`"The ferry is how half of the island gets to work," said board chair Ines Calloway`,
		"Calloway read from the letter the ferry workers had sent the board:",
		"We have kept the boat running through three storms this winter and we ask only that the board keeps it running too.",
		"Two members, Rolf Denning and Amara Quist, voted against",
		"The board will review the ferry's budget again in the autumn.",
	}
	for _, k := range keep {
		found := false
		for _, p := range paras {
			if strings.HasPrefix(strings.TrimLeft(p, " "), k) { // (a block quote is indented)
				found = true
			}
		}
		if !found {
			t.Errorf("no paragraph starts with %q; text:\n%s", k, a.Text)
		}
	}
	drop := []string{"Media caption", "Photo", "Credit", "Continue reading", "[Read:", "newsletter", "Subscribe",
		"Bridge closure", "Read more", "Island school asks", "Road repairs to start", "Photograph:",
		"Ferry fares rise", "Storm closes", "March 14, 2024", "The morning ferry leaves", "©", "Home"}
	for _, d := range drop {
		if strings.Contains(a.Text, d) {
			t.Errorf("boilerplate %q kept; text:\n%s", d, a.Text)
		}
	}
	for _, p := range paras {
		if p == "." || p == "___" {
			t.Errorf("stray punctuation paragraph %q kept", p)
		}
	}
}

// TestIsFurniture checks single paragraphs against the text rules.
func TestIsFurniture(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Media caption Mr Reyes said the tolls would fall", true},
		{"Image copyright Getty Images", true},
		{"View photo", true},
		{"Continue reading the main story", true},
		{"SIGN UP FOR OUR NEWSLETTER", true},
		{"JIM WATSON/AFP/Getty Images", true},
		{"Devindra Hardawar/AOL", true},
		{"22 Dec, 2016 22 Dec, 2016", true},
		{"2/26/2015 7:11 AM PST BY TMZ STAFF", true},
		{"Feb. 21, 2019", true},
		{"1 / 5", true},
		{"Related: Chicago is the most segregated city", true},
		{"A Con Edison worker repairing cables in Queens.CreditChang W. Lee/The New York Times", true},
		{"[What you need to know to start the day: Get New York Today in your inbox.]", true},
		{"Powered by SmartAsset.com", true},
		// the story
		{"\"We will not pay twice,\" said Mayor Elena Reyes on March 3, 2024.", false},
		{"The vote is set for Feb. 21, 2019, the council said.", false},
		{"Credit unions said the new rules would cost them members.", false},
		{"Photography is banned inside the chamber, the clerk said.", false},
		{"He said the ferry and/or the bus would run.", false},
		{"Analysts provided a few theories:", false},
		{"[T]he birth lottery matters more in the U.S. than in most well-off countries,\" the report said.", false},
	}
	for _, tt := range tests {
		if got := isFurniture(tt.p); got != tt.want {
			t.Errorf("isFurniture(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestCleanByline(t *testing.T) {
	for in, want := range map[string]string{
		"Lucas Nolan22 Dec 2016651":             "Lucas Nolan",
		"GILLIAN MOHNEY March 11, 2015 3:46 PM": "GILLIAN MOHNEY",
		"By Jane Doe":                           "Jane Doe",
		"21.dez.2018 às 10h55":                  "",
		"Maria de la Cruz":                      "Maria de la Cruz",
	} {
		if got := cleanByline(in); got != want {
			t.Errorf("cleanByline(%q) = %q, want %q", in, got, want)
		}
	}
}

// testPagesDir is go-readability's folder of real pages in the module
// cache, "" when it is not there.
func testPagesDir(t *testing.T) string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "codeberg.org", "readeck", "go-readability", "v2@v2.1.3", "test-pages")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// TestRealPagesFurniture reads the real news pages go-readability ships
// (skipped when its module is not in the cache): the furniture seen on
// them is gone, the headline comes first, the story is still there.
func TestRealPagesFurniture(t *testing.T) {
	dir := testPagesDir(t)
	if dir == "" {
		t.Skip("go-readability test-pages not in the module cache")
	}
	pages := map[string]string{ // page: a sentence of its story
		"bbc-1":          "President Barack Obama has admitted",
		"nytimes-1":      "Sudan",
		"nytimes-2":      "Verizon",
		"nytimes-3":      "rock salt",
		"nytimes-4":      "interest",
		"wapo-1":         "Tunisia",
		"wapo-2":         "Netanyahu",
		"guardian-1":     "Parata",
		"telegraph":      "Mugabe",
		"yahoo-1":        "PlayStation VR",
		"yahoo-3":        "Vanessa Hicks said she had no idea",
		"buzzfeed-1":     "The mother of a woman who took suspected diet pills",
		"cnet":           "Zuckerberg",
		"breitbart":      "Snopes",
		"herald-sun-1":   "metadata",
		"cnn":            "birth lottery",
		"seattletimes-1": "halibut",
		"salon-1":        "Uber",
		"citylab-1":      "neon",
	}
	furniture := []string{"Media caption", "Continue reading the main story", "SIGN UP FOR OUR NEWSLETTER", "View photo",
		"Getty Images", "More games news", "Read more:", "Related:", "CreditCredit", "Photo by "}
	for page, story := range pages {
		items := collect(t, Options{}, filepath.Join(dir, page, "source.html"))
		if len(items) != 1 || items[0].Err != nil {
			t.Errorf("%s: %+v", page, items)
			continue
		}
		a := items[0].Article
		if !strings.Contains(a.Text, story) {
			t.Errorf("%s: story lost (%q)", page, story)
		}
		if first, _, _ := strings.Cut(a.Text, "\n\n"); a.Title != "" && first != a.Title {
			t.Errorf("%s: first paragraph %q, title %q", page, first, a.Title)
		}
		for _, f := range furniture {
			if strings.Contains(a.Text, f) {
				t.Errorf("%s: %q left in the text", page, f)
			}
		}
		for _, p := range strings.Split(a.Text, "\n\n") {
			if furnitureWords[strings.ToLower(p)] {
				t.Errorf("%s: paragraph %q left", page, p)
			}
		}
	}
}

var furnitureWords = map[string]bool{"photo": true, "image": true, "credit": true, ".": true, "facebook": true}
