package qualify

import "strings"

// News organisations, for relays ("according to the Washington Post")
// and interview channels ("told CNN"). A capitalised name counts as media
// when it is listed here in full, or when it has two or more words and
// ends in a typical masthead word ("... Post", "... News", "... Press");
// a single masthead word counts after "the" ("the Post", "the Times").

var mediaNames = setOf(
	"cnn", "msnbc", "cnbc", "nbc", "cbs", "abc", "pbs", "npr", "bbc", "itv", "gmtv", "c-span", "ap", "afp", "dpa",
	"reuters", "bloomberg", "axios", "politico", "vox", "slate", "buzzfeed", "huffpost", "propublica", "semafor",
	"breitbart", "tmz", "newsmax", "oann", "salon", "vice", "newsweek", "time", "fox", "fox news", "fox business",
	"al jazeera", "al arabiya", "der spiegel", "spiegel", "le monde", "le figaro", "haaretz", "interfax", "tass",
	"ria novosti", "xinhua", "yonhap", "kyodo", "nikkei", "asahi", "yomiuri", "el país", "el pais", "la repubblica",
	"corriere della sera", "bild", "ansa", "efe", "meduza", "sputnik", "rt", "univision", "telemundo",
	"agence france-presse", "agence france presse", "news letter", "mother jones", "punchbowl", "the hill", "hill", "the atlantic", "atlantic",
	"the economist", "economist", "the new yorker", "new yorker", "the intercept", "intercept", "the guardian",
	"guardian", "the independent", "the times", "the telegraph", "the information", "the bulwark", "the federalist",
	"the daily beast", "daily beast", "the washington post", "the new york times", "the wall street journal",
	"the associated press", "60 minutes", "meet the press", "face the nation", "fox news sunday", "good morning america",
	"the today show", "today show", "financial times", "wall street journal", "new york times", "washington post",
	"associated press", "los angeles times", "usa today", "the times of london", "times of london",
	// names whose last word is too general to be a masthead word
	"daily mail", "the mail", "mail on sunday", "the mail on sunday", "daily express", "sunday express",
	"the express", "the sun", "the star", "daily star", "morning star", "evening standard", "the standard",
	"daily record", "sunday mirror", "daily mirror", "the mirror", "arizona republic", "new republic",
	"the new republic", "christian science monitor", "des moines register", "orange county register",
	"national review", "new york review of books", "harvard business review", "the nation", "cable news network",
	"press association", "pa media", "news agency", "itar-tass", "anadolu", "anadolu agency", "bernama",
	"irna", "kcna", "sana", "wafa", "ani", "pti", "press trust of india", "the hindu", "dawn", "daily maverick",
	"sky", "sky news", "channel 4 news", "channel 4", "itv news", "newsnight", "panorama", "al-monitor",
	"ft", "wsj", "nyt", "bbc1", "bbc2", "bbc3", "bbc4", "itv1", "gmtv", "five live", "radio 4", "radio five live",
	"radio wales", "radio scotland", "radio ulster", "variety", "vanity fair", "the spectator", "spectator",
	"kommersant", "izvestia", "pravda", "vedomosti", "le parisien", "libération", "liberation", "el mundo",
	"la stampa", "süddeutsche zeitung", "frankfurter allgemeine", "nhk", "cctv", "ndtv", "rte", "rté",
	"france 24", "deutsche welle", "euronews", "the daily caller", "the daily wire", "the blaze", "the ringer",
	"the verge", "wired", "techcrunch", "the wrap", "rolling stone", "forbes", "fortune",
	"marketwatch", "yahoo news", "nbc news", "abc news", "cbs news", "pbs newshour", "voice of america",
	"radio free europe", "lci", "tf1", "zdf", "ard", "yahoo", "news of the world", "yahoo finance", "yahoo sports", "msn", "aol",
	"daily caller news foundation", "the daily caller news foundation", "thedcnf", "dcnf", "thedc",
	"lifesitenews", "lifesite news", "mailonline", "sun online", "the sun online", "jezebel", "gizmodo", "mutv",
	"ewtn", "jta", "kurdistan24", "new scientist", "the new scientist", "to vima", "cadena cope", "die tagespost",
	"cnn business", "cnn money", "cnnmoney", "quartz", "recode", "engadget", "the verge", "ars technica", "cnet", "zdnet",
)

var mastheadWords = setOf(
	"times", "post", "journal", "news", "press", "tribune", "herald", "gazette", "telegraph", "guardian",
	"independent", "observer", "chronicle", "inquirer", "enquirer", "globe", "examiner", "bulletin", "magazine",
	"radio", "television", "tv", "daily", "weekly", "wire", "today", "dispatch", "courier", "sentinel", "beacon",
	"reporter", "digest", "insider", "review", "spokesman-review", "beast", "caller", "intercept", "economist", "broadcasting", "statesman", "ledger",
	"bee", "zeitung", "gazeta", "post-dispatch", "times-picayune", "journal-constitution", "newswire", "newspaper",
	"review-journal", "herald-mail", "supplement", "herald-tribune", "star-telegram", "star-tribune", "free-press",
	"citizen", "echo", "argus", "advertiser",
)

// programmeBefore: words after which a capitalised "Today" is the
// programme of that name.
var programmeBefore = setOf("told", "tells", "telling", "tell", "on", "to")

// trailingDateWords are cut off the end of a name: "told CNN Tuesday".
var trailingDateWords = setOf(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
	"yesterday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
)

var nameConnectors = setOf("of", "and", "for", "the", "de", "du", "la", "le", "el", "della")

// reportedAdverbs may stand between a name and "reported".
var reportedAdverbs = setOf("has", "had", "have", "first", "previously", "also", "earlier", "originally", "initially", "later", "exclusively", "was", "is", "reportedly")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isMediaRun decides whether toks[s:e] (capitalised words, maybe joined
// by connectors) name a news organisation. afterThe says the name was
// preceded by "the".
func (q *state) isMediaRun(s, e int, afterThe bool) bool {
	if e <= s {
		return false
	}
	key := q.joinLower(s, e)
	if mediaNames[key] || (afterThe && mediaNames["the "+key]) {
		return true
	}
	if e-s == 1 && callSign(q.text[q.toks[s].bStart:q.toks[s].bEnd]) && !(e < len(q.toks) && outletNouns[q.lower(e)]) {
		return true // "told KNPR, a local NPR affiliate" ("KTRS radio": namedOutlet's, with its noun)
	}
	if stem, ok := webDomain(key); ok && (mediaNames[stem] || mastheadIn(stem)) {
		return true // "told FoxNews.com"
	}
	if q.subBrand(s, e) {
		return true
	}
	last := q.lower(e - 1)
	if last == "agency" && e-s >= 2 && (q.lower(e-2) == "news" || q.lower(e-2) == "press") {
		return true // "Kyodo News Agency"; not "the International Energy Agency"
	}
	if !mastheadWords[last] {
		return false
	}
	words := 0
	for k := s; k < e; k++ {
		if q.toks[k].kind == tokWord && q.toks[k].upper {
			words++
		}
	}
	return words >= 2 || afterThe
}

// mediaForward reads a media name starting at toks[i] (an optional "the"
// first) and returns the name's token range: a name the lists know, or
// one that a word such as "newspaper" introduces (describedOutlet).
func (q *state) mediaForward(i int) (int, int, bool) {
	if s, e, ok := q.mediaName(i); ok {
		return s, e, true
	}
	return q.describedOutlet(i)
}

// describedOutlet reads a name that the words before it say is an
// outlet's, one no list holds: "told the Danish tabloid Ekstra Bladet",
// "told the newspaper Politiken", "German magazine Kicker reported". An
// optional capitalised adjective, a lower-case outlet noun, then up to
// four capitalised words, which must end the clause's object ("that",
// a preposition, punctuation): "told the newspaper Trump had lied"
// names no outlet.
func (q *state) describedOutlet(i int) (int, int, bool) {
	toks := q.toks
	j := i
	if j < len(toks) && toks[j].kind == tokWord && q.lower(j) == "the" {
		j++
	}
	if j+1 < len(toks) && q.capital(j) && toks[j+1].kind == tokWord && !q.capital(j+1) {
		j++ // "Danish tabloid"
	}
	if j >= len(toks) || toks[j].kind != tokWord || q.capital(j) || !outletNouns[q.lower(j)] || q.possessive(j) {
		return 0, 0, false
	}
	s, k := j+1, j+1
	for k < len(toks) && k-s < 4 && toks[k].nl == 0 && toks[k].sent == toks[j].sent && q.capital(k) && !trailingDateWords[q.lower(k)] {
		k++
		if q.possessive(k - 1) {
			return 0, 0, false
		}
	}
	if k == s || k-s == 4 && k < len(toks) && q.capital(k) {
		return 0, 0, false
	}
	if k < len(toks) && toks[k].sent == toks[s].sent && toks[k].kind == tokWord && !outletObjectEnd[q.lower(k)] && !trailingDateWords[q.lower(k)] {
		return 0, 0, false
	}
	return s, k, true
}

// outletNouns introduce an outlet's name ("the tabloid Ekstra Bladet"):
// the words that follow one (outletTails) and a few more.
var outletNouns = func() map[string]bool {
	m := setOf("paper", "weekly", "broadcaster", "network", "channel", "station", "website", "site", "outlet", "agency")
	for w := range outletTails {
		m[w] = true
	}
	return m
}()

// outletObjectEnd may follow an outlet's name that ends the object of
// "told" or "according to": "told the newspaper Politiken that ...".
var outletObjectEnd = setOf("that", "in", "on", "at", "last", "this", "earlier", "about", "when", "after", "before",
	"during", "for", "and", "but", "while", "as", "of", "via", "through", "ahead", "over")

// mediaName reads a name the lists know, or that its masthead word,
// brand or the outlet word after it makes an outlet's.
func (q *state) mediaName(i int) (int, int, bool) {
	toks := q.toks
	if i >= len(toks) {
		return 0, 0, false
	}
	afterThe := false
	if toks[i].kind == tokWord && q.lower(i) == "the" {
		afterThe = true
		i++
	}
	k := i
	n := 0
	for k < len(toks) && n < 7 {
		t := &toks[k]
		if k > i && (t.nl > 0 || t.sent != toks[i].sent) {
			break
		}
		leadingNumber := n == 0 && t.kind == tokWord && t.upper && k+1 < len(toks) && q.capital(k+1) // "60 Minutes"
		if t.kind == tokWord && (q.capital(k) || n > 0 && digitAfterBrand(q, k) || leadingNumber) {
			k++
			n++
			if q.possessive(k - 1) {
				break
			}
			continue
		}
		if n > 0 && k+1 < len(toks) && toks[k+1].kind == tokWord && q.capital(k+1) && toks[k+1].nl == 0 &&
			((t.kind == tokWord && nameConnectors[q.lower(k)]) || (t.kind == tokPunct && t.punct == '&')) {
			k++
			continue
		}
		// "News of the World", "Times of India"
		if n > 0 && t.kind == tokWord && q.lower(k) == "of" && k+2 < len(toks) && q.lower(k+1) == "the" &&
			toks[k+2].kind == tokWord && q.capital(k+2) && toks[k+2].nl == 0 && toks[k+2].sent == toks[i].sent {
			k += 2
			continue
		}
		break
	}
	if k == i+1 && !afterThe && i > 0 && q.text[toks[i].bStart:toks[i].bEnd] == "Today" && programmeBefore[q.lower(i-1)] {
		return i, k, true // "told Today": the programme, not the day
	}
	for k > i && trailingDateWords[q.lower(k-1)] && !(k < len(toks) && toks[k].kind == tokWord && programmeTails[q.lower(k)]) {
		k-- // (not the programme's name: "the Today programme")
	}
	if n == 0 || k <= i {
		return 0, 0, false
	}
	if q.isMediaRun(i, k, afterThe) {
		// "US TV show 60 Minutes", "US TV network Fox News": the named
		// programme or network after a generic one
		if k-i == 2 && genericMedia[q.lower(k-1)] && k+1 < len(toks) && toks[k].kind == tokWord &&
			mediaKinds[q.lower(k)] && toks[k].sent == toks[i].sent {
			if ns, ne, ok := q.mediaForward(k + 1); ok && toks[ns].sent == toks[i].sent {
				return ns, ne, true
			}
		}
		return i, k, true
	}
	// a listed name of several words ends the run: "the Scottish Daily Mail"
	// (with the capitalised words right before it, but not across a
	// connector or a date: "wrote in February for Vanity Fair")
	for j := i + 1; j+1 < k; j++ {
		if mediaNames[q.joinLower(j, k)] {
			for j > i && q.capital(j-1) && !trailingDateWords[q.lower(j-1)] && !nameConnectors[q.lower(j-1)] {
				j--
			}
			return j, k, true
		}
	}
	// a brand followed by a name: "told CNN Wolf Blitzer", "told Fox
	// News host Jane Doe" is cut at the lower-case word already
	for j := k - 1; j > i; j-- {
		if q.brandPrefix(i, j) {
			return i, j, true
		}
	}
	if q.namedOutlet(i, k) {
		return i, k + 1, true
	}
	// a masthead run into the name of the claim's subject: "told the
	// Sunday Times Mr Campbell would ..."
	for j := i + 2; j < k; j++ {
		if nameTitles[q.lower(j)] && q.isMediaRun(i, j, afterThe) {
			return i, j, true
		}
	}
	return 0, 0, false
}

// nameTitles open a person's name after an outlet's ("the Sunday Times Mr
// Campbell").
var nameTitles = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "senator", "sen")

// namedOutlet: toks[s:e] is a name no list holds that the lower-case
// word after it says is an outlet's: call letters ("told KTRS radio",
// "WKYT television") or two capitalised words or more ("the Bisnis
// Indonesia newspaper"); not one word, which may be a nationality ("a
// Russian newspaper").
func (q *state) namedOutlet(s, e int) bool {
	toks := q.toks
	if e >= len(toks) || toks[e].kind != tokWord || toks[e].nl > 0 || toks[e].sent != toks[s].sent || q.capital(e) ||
		!outletTails[q.lower(e)] || q.possessive(e-1) || q.lower(s) == "a" || q.lower(s) == "an" {
		return false
	}
	if e-s >= 2 || programmeTails[q.lower(e)] {
		return true // (a programme's name may be one word: "told the Today programme")
	}
	w := q.text[toks[s].bStart:toks[s].bEnd]
	return len(w) >= 3 && strings.ToUpper(w) == w
}

// outletTails, written in lower case after a capitalised name, make it an
// outlet's: "KTRS radio", "WKYT television", "the Clarion newspaper",
// "the Today programme", "Five's Wright Stuff show".
var outletTails = setOf("radio", "television", "tv", "newspaper", "magazine", "daily", "tabloid", "broadsheet",
	"programme", "program", "show", "podcast")

// programmeTails follow a programme's name, which may be one word.
var programmeTails = setOf("programme", "program", "show", "podcast")

// genericMedia end a name such as "US TV" or "German radio" that only
// says what kind of outlet follows; mediaKinds introduce it.
var (
	genericMedia = setOf("tv", "television", "radio")
	mediaKinds   = setOf("show", "network", "programme", "program", "channel", "station", "broadcaster")
)

// subBrandWords may follow a broadcaster's brand in the name of one of its
// channels or programmes: "BBC Radio Five Live", "BBC Radio 4", "ITV News".
var subBrandWords = setOf("radio", "news", "sport", "sports", "one", "two", "three", "four", "five", "live",
	"world", "service", "online", "tv", "television", "channel", "breakfast", "business", "scotland", "wales",
	"ireland", "london", "america", "international", "arabic", "persian", "africa", "asia", "newsnight", "local",
	"extra", "digital", "politics", "weekend", "sunday", "morning", "evening", "network", "newsroom")

// brandPrefix: toks[s:e] is a listed name standing at the start of a
// longer capitalised run: an all-capitals brand ("CNN", "BBC") or a listed
// name of several words ("Fox News"). A single listed common word does not
// count ("the Guardian Council" is no newspaper).
func (q *state) brandPrefix(s, e int) bool {
	if !mediaNames[q.joinLower(s, e)] || q.possessive(e-1) {
		return false
	}
	if e-s >= 2 {
		return true
	}
	w := q.text[q.toks[s].bStart:q.toks[s].bEnd]
	return len(w) >= 2 && strings.ToUpper(w) == w
}

// subBrand: toks[s:e] is an all-capitals listed brand followed only by
// sub-brand words and numbers ("BBC Radio Five Live", "BBC Sport").
func (q *state) subBrand(s, e int) bool {
	if e-s < 2 || !q.brandPrefix(s, s+1) {
		return false
	}
	for k := s + 1; k < e; k++ {
		t := &q.toks[k]
		if t.kind != tokWord {
			return false
		}
		w := q.stem(k)
		if !subBrandWords[w] && !(w != "" && w[0] >= '0' && w[0] <= '9') {
			return false
		}
	}
	return true
}

// digitAfterBrand: toks[k] is a number naming a channel ("Radio 4",
// "Channel 4 News", "BBC News 24"); other numbers end a name ("told
// Reuters 10 firms had ...").
func digitAfterBrand(q *state, k int) bool {
	w := q.lower(k)
	if w == "" || w[0] < '0' || w[0] > '9' || len(q.stem(k)) > 2 {
		return false
	}
	p := q.lower(k - 1)
	return p == "radio" || p == "channel" || p == "news"
}

// capital: toks[k] is a word starting with a capital letter (the
// tokenizer's upper flag also holds for digits).
func (q *state) capital(k int) bool {
	t := &q.toks[k]
	if t.kind != tokWord || !t.upper {
		return false
	}
	c := q.text[t.bStart]
	return c < '0' || c > '9'
}

// mediaBackward reads a media name that ends at toks[end-1], as in
// "the Washington Post reported", trying the longest run first.
func (q *state) mediaBackward(end int) (int, int, bool) {
	toks := q.toks
	if end <= 0 || end > len(toks) {
		return 0, 0, false
	}
	k := end - 1
	if toks[k].kind != tokWord || !toks[k].upper || toks[k].quoted {
		return 0, 0, false
	}
	n := 1
	for k > 0 && n < 7 && toks[k].nl == 0 {
		p := &toks[k-1]
		if p.kind == tokWord && p.upper && !q.possessive(k-1) {
			k--
			n++
			continue
		}
		if k >= 2 && toks[k-2].kind == tokWord && toks[k-2].upper && p.nl == 0 &&
			((p.kind == tokWord && nameConnectors[q.lower(k-1)]) || (p.kind == tokPunct && p.punct == '&')) {
			k--
			continue
		}
		break
	}
	for s := k; s < end; s++ {
		if toks[s].kind != tokWord || nameConnectors[q.lower(s)] {
			continue
		}
		if q.lower(s) == "the" {
			continue
		}
		afterThe := s > 0 && toks[s-1].kind == tokWord && q.lower(s-1) == "the"
		if q.isMediaRun(s, end, afterThe) {
			return s, end, true
		}
	}
	return 0, 0, false
}

// IsMedia reports whether a speaker's name names a news organisation, by
// the same lists the relays use: listed in full ("Reuters", "NBC News"),
// or two or more capitalised words ending in a masthead word ("Kyiv
// Independent"), or one masthead word after "the" ("the Post").
func IsMedia(name string) bool {
	lw := strings.ToLower(strings.TrimSpace(name))
	afterThe := strings.HasPrefix(lw, "the ")
	key := strings.TrimPrefix(lw, "the ")
	if key == "" {
		return false
	}
	if mediaNames[key] || mediaNames["the "+key] {
		return true
	}
	if callSign(strings.TrimSpace(name)) {
		return true // "told KNPR, a local NPR affiliate"
	}
	if stem, ok := webDomain(key); ok && (mediaNames[stem] || mastheadIn(stem)) {
		return true // "told FoxNews.com", "wrote on Politico.com"
	}
	words := strings.Fields(key)
	if mastheadWords[words[len(words)-1]] && (len(words) >= 2 || afterThe) {
		for _, w := range strings.Fields(name) {
			if r := w[0]; r >= 'a' && r <= 'z' && !nameConnectors[strings.ToLower(w)] {
				return false
			}
		}
		return true
	}
	return false
}

// callSign reports whether name is a North American broadcaster's call
// sign ("KNPR", "WNYC", "KTLA-TV"): four capital letters opening with K
// or W, or three, with a band after a dash.
func callSign(name string) bool {
	base, band, _ := strings.Cut(name, "-")
	switch band {
	case "", "TV", "FM", "AM", "DT":
	default:
		return false
	}
	if len(base) < 3 || len(base) > 4 || base[0] != 'K' && base[0] != 'W' {
		return false
	}
	for i := 0; i < len(base); i++ {
		if base[i] < 'A' || base[i] > 'Z' {
			return false
		}
	}
	return len(base) == 4 || band != ""
}

// webDomain returns the name of a site written as its domain
// ("foxnews.com" -> "foxnews").
func webDomain(lw string) (string, bool) {
	for _, tld := range []string{".com", ".co.uk", ".net", ".org", ".ie", ".com.au"} {
		if stem, ok := strings.CutSuffix(lw, tld); ok && stem != "" && !strings.ContainsAny(stem, " ./") {
			return stem, true
		}
	}
	return "", false
}

// mastheadIn reports whether a site's name run together holds a word of
// a masthead ("foxnews", "nytimes", "huffingtonpost") or a known outlet
// ("foxnews" holds "fox").
func mastheadIn(stem string) bool {
	for w := range mastheadWords {
		if len(w) >= 4 && strings.Contains(stem, w) {
			return true
		}
	}
	return false
}
