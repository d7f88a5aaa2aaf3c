package qualify

import (
	"strings"

	"github.com/claimtrail/claimtrail"
)

// class says what a lexicon entry finds.
type class uint8

const (
	classMarker class = iota
	classChannel
	classRelay
	numClasses
)

type elemKind uint8

const (
	elemWord  elemKind = iota // one word among alternatives, case-insensitive
	elemExact                 // one word, case-sensitive ("X" the platform)
	elemSkip                  // up to n words of anything (not punctuation)
	elemMedia                 // a media organisation's name (see media.go)
)

type elem struct {
	kind elemKind
	alts []string // lower-case; ' for both apostrophes
	n    int
}

// entry is one compiled lexicon phrase.
type entry struct {
	phrase  string
	elems   []elem
	cls     class
	marker  claimtrail.MarkerType
	channel claimtrail.Channel
	// weak entries are ambiguous out of context ("dismissed", "wrongly"):
	// they count only when they sit in an attribution's own frame, and are
	// never article-level markers.
	weak bool
	// carrier relays name the outlet a statement was made to or through
	// ("told Reuters", "in an interview with CNN", "a memo seen by the
	// Post"): they may sit on the attribution's own cue or in its source.
	carrier bool
	generic bool
	// notPassive: skip when preceded by a form of "be" ("was denied bail").
	notPassive bool
	// notNegated: skip after "not", "never", "n't", "refused (to)" ("had
	// not denied", "refuses to retract").
	notNegated bool
	// rank breaks ties between channels found at the same distance: the
	// more specific medium wins ("interview" over "television").
	rank int
	// anchor is the element the entry is indexed by: its first element
	// that is not a common word, so that "in ~3 statement" is tried at
	// "statement", not at every "in". Elements before it match backwards.
	anchor int
}

// commonWords are never used to index an entry when a rarer element exists.
var commonWords = map[string]bool{
	"in": true, "at": true, "on": true, "a": true, "an": true, "the": true, "during": true, "from": true,
	"after": true, "before": true, "via": true, "through": true, "throughout": true, "following": true,
	"with": true, "by": true, "his": true, "her": true, "their": true, "its": true, "to": true, "of": true,
	"as": true, "is": true, "are": true, "was": true, "were": true, "did": true, "does": true, "do": true,
	"has": true, "have": true, "had": true, "not": true, "no": true, "little": true, "first": true,
}

// chooseAnchor picks the first word element none of whose alternatives is
// common; the first element when there is none.
func chooseAnchor(els []elem) int {
	for i, el := range els {
		if el.kind != elemWord && el.kind != elemExact {
			if el.kind == elemMedia {
				break
			}
			continue
		}
		common := false
		for _, a := range el.alts {
			if commonWords[a] {
				common = true
				break
			}
		}
		if !common {
			return i
		}
	}
	return 0
}

// The lexicons below are written for this project from general knowledge
// of news English. Pattern syntax: words separated by spaces; a|b|c means
// one of; ~N skips up to N words; =Word is case-sensitive; @media is a
// news organisation's name, captured as the relay's name.

type lexItem struct {
	pattern string
	value   string
	weak    bool
	carrier bool
	// generic channels ("told CNN": interview) give way to a more
	// specific medium right after them ("told CNN in a statement").
	generic bool
}

var markerLexicon = map[claimtrail.MarkerType][]lexItem{
	claimtrail.MarkerUnsupported: {
		{pattern: "without ~2 evidence|proof|substantiation|basis"},
		{pattern: "with no ~1 evidence|proof"},
		{pattern: "offered|offering|offers|offer|provided|providing|provides|provide|presented|presenting|presents|present|cited|citing|cites|cite|gave|giving|gives|give|produced|producing|produces|produce|showed|shown|showing|shows|supplied|supplying|supplies no|little ~1 evidence|proof|support"},
		{pattern: "did|does|do|has|have|had not offer|offered|provide|provided|present|presented|cite|cited|give|given|produce|produced|show|shown|supply|supplied ~1 evidence|proof"},
		{pattern: "didn't|doesn't|don't|hasn't|haven't|hadn't offer|offered|provide|provided|present|presented|cite|cited|give|given|produce|produced|show|shown|supply|supplied ~1 evidence|proof"},
		{pattern: "baselessly"},
		{pattern: "baseless|unfounded|unsubstantiated|unproven|unverified|evidence-free claim|claims|allegation|allegations|assertion|assertions|accusation|accusations|charge|charges|theory|theories|rumor|rumors|rumour|rumours"},
		{pattern: "unsubstantiated"},
		{pattern: "evidence-free"},
	},
	claimtrail.MarkerFalse: {
		{pattern: "falsely claimed|claiming|claims|claim|said|says|saying|stated|states|asserted|asserts|suggested|suggests|alleged|alleges|accused|accuses|insisted|insists|told"},
		{pattern: "falsely"},
		{pattern: "untruthfully"},
		{pattern: "false claim|claims|statement|statements|assertion|assertions|allegation|allegations"},
		{pattern: "debunked claim|claims|theory|theories|allegation|allegations"},
		{pattern: "misleading claim|claims|statement|statements|assertion|assertions|account|accounts|information|remarks|comments"},
		{pattern: "widely|thoroughly|long|wholly|repeatedly|since debunked"},
		{pattern: "long-debunked"},
		{pattern: "debunked", weak: true},
		{pattern: "wrongly", weak: true},
		{pattern: "incorrectly", weak: true},
		{pattern: "inaccurately", weak: true},
		{pattern: "misleadingly", weak: true},
		{pattern: "erroneously", weak: true},
		{pattern: "mistakenly", weak: true},
		{pattern: "misstated", weak: true},
		{pattern: "lied", weak: true},
	},
	claimtrail.MarkerHedged: {
		{pattern: "reportedly"},
		{pattern: "allegedly"},
		{pattern: "apparently"},
		{pattern: "seemingly"},
		{pattern: "purportedly"},
		{pattern: "supposedly"},
		{pattern: "ostensibly"},
		{pattern: "is|are|was|were said|alleged|rumored|rumoured|reported|understood|believed|thought to"},
		{pattern: "unconfirmed report|reports"},
	},
	claimtrail.MarkerRetracted: {
		{pattern: "walked|walks|walking|walk back"},
		{pattern: "backtracked|backtracks|backtracking|backtrack"},
		{pattern: "backpedaled|backpedalled|backpedaling|backpedalling|backpedals|backpedal"},
		{pattern: "misspoke|misspoken|misspeaks|misspeak"},
		{pattern: "retracted|retracts|retracting|retract|retraction"},
		{pattern: "recanted|recants|recanting|recant"},
		{pattern: "reversed|reverses|reversing|reverse course"},
		{pattern: "reversed|reverses|reversing himself|herself|themselves|itself"},
		{pattern: "corrected|corrects himself|herself|themselves"},
		{pattern: "withdrew|withdrawn|withdraws his|her|their|its|the ~1 claim|claims|remark|remarks|comment|comments|statement|allegation|allegations"},
		{pattern: "took|takes|taking back his|her|their|its|the ~1 claim|claims|remark|remarks|comment|comments|statement|words"},
		{pattern: "clarified|clarifies", weak: true},
		{pattern: "u-turn|u-turned", weak: true},
	},
	claimtrail.MarkerDenied: {
		{pattern: "denied|denies|denying"},
		{pattern: "deny", weak: true},
		{pattern: "rejected|rejects|rejecting|dismissed|dismisses|dismissing|disputed|disputes|disputing|refuted|refutes|refuting the|any|those|these|such ~1 claim|claims|allegation|allegations|accusation|accusations|report|reports|reporting|assertion|assertions|suggestion|suggestions|idea|notion"},
		{pattern: "dismissed|dismisses|dismissing", weak: true},
		{pattern: "rejected|rejects|rejecting", weak: true},
		{pattern: "disputed|disputes|disputing", weak: true},
		{pattern: "refuted|refutes|refuting", weak: true},
	},
}

// Channel names, normalised.
const (
	chTwitter        = "Twitter"
	chFacebook       = "Facebook"
	chInstagram      = "Instagram"
	chTruthSocial    = "Truth Social"
	chSocial         = "social media"
	chPress          = "press conference"
	chInterview      = "interview"
	chStatement      = "statement"
	chHearing        = "hearing"
	chRally          = "rally"
	chSpeech         = "speech"
	chLetter         = "letter"
	chEmail          = "email"
	chTelevision     = "television"
	chRadio          = "radio"
	chPodcast        = "podcast"
	chVideo          = "video"
	chOpEd           = "op-ed"
	chBlog           = "blog"
	chMemo           = "memo"
	chCourt          = "court filing"
	chReport         = "report"
	chDebate         = "debate"
	chTownHall       = "town hall"
	chTextMessage    = "text message"
	chPhoneCall      = "phone call"
	chMeeting        = "meeting"
	chPrepositions   = "at|during|in|from|after|before|on|via|through|throughout|following"
	socialPlatforms  = "twitter|facebook|instagram|tiktok|youtube|telegram|linkedin|reddit|bluesky|weibo|snapchat|gab|parler|substack|mastodon|whatsapp"
	mediaNounsTold   = "newspaper|paper|magazine|network|broadcaster|station|outlet|tabloid|daily|website|channel|media|television|tv|radio|programme|program|show|podcast|wire|newsletter"
	tellVerbs        = "told|tells|telling|tell"
	speakingToVerbs  = "speaking|spoke|speaks|talking|talked|talks"
	televisionOutlet = "cnn|msnbc|fox|cbs|nbc|abc|pbs|bbc|cnbc|c-span|newsmax|univision|telemundo|sky|itv|gmtv|rt"
)

// channelLexicon: value is the normalised channel; listing order is the
// rank (earlier is more specific).
var channelLexicon = []lexItem{
	{pattern: "in|during ~3 interview|interviews", value: chInterview},
	{pattern: "interview|interviews|interviewed", value: chInterview},
	{pattern: tellVerbs + " @media", value: chInterview, generic: true},
	{pattern: tellVerbs + " ~2 " + mediaNounsTold, value: chInterview, generic: true},
	{pattern: speakingToVerbs + " to|with @media", value: chInterview},
	{pattern: "in comments|remarks to @media", value: chInterview},
	{pattern: tellVerbs + " reporters|journalists|newsmen|correspondents", value: chPress},
	{pattern: tellVerbs + " the|a press|media", value: chPress},
	{pattern: tellVerbs + " a|the news|press conference|briefing", value: chPress},
	{pattern: speakingToVerbs + " to|with reporters|journalists|correspondents", value: chPress},
	{pattern: speakingToVerbs + " to|with the press|media", value: chPress},
	{pattern: chPrepositions + " ~3 press|news conference|conferences|briefing|briefings", value: chPress},
	{pattern: "press|news conference|conferences|briefing|briefings", value: chPress},
	{pattern: chPrepositions + " ~3 briefing|gaggle", value: chPress},
	{pattern: "tweeted|tweets|tweeting|tweet|retweeted|retweeting", value: chTwitter},
	{pattern: "on|via ~2 twitter", value: chTwitter},
	{pattern: "twitter post|posts|account|feed|thread", value: chTwitter},
	{pattern: "posted|wrote|said|says|shared|claimed|writing|posting on =X", value: chTwitter},
	{pattern: "on|via ~2 facebook", value: chFacebook},
	{pattern: "facebook post|posts|page|live|video", value: chFacebook},
	{pattern: "on|via ~2 instagram", value: chInstagram},
	{pattern: "instagram post|posts|story|stories|live|video", value: chInstagram},
	{pattern: "on|via ~2 truth social", value: chTruthSocial},
	{pattern: "truth social post|posts|account", value: chTruthSocial},
	{pattern: "on|via ~2 " + socialPlatforms, value: "*"}, // name as written
	{pattern: "on|via ~1 social media", value: chSocial},
	{pattern: "social media post|posts", value: chSocial},
	{pattern: tellVerbs + " ~1 lawmakers|senators|congressmen|congresswomen|congress|committee|subcommittee|panel|legislators|mps|parliament", value: chHearing},
	{pattern: "testified|testifies|testifying|testify", value: chHearing},
	{pattern: "in|during|at ~2 testimony", value: chHearing},
	{pattern: chPrepositions + " ~3 hearing|hearings", value: chHearing},
	{pattern: "hearing|hearings", value: chHearing, weak: true},
	{pattern: "in|with ~3 statement|statements", value: chStatement},
	{pattern: "issued|released|put ~2 statement", value: chStatement},
	{pattern: "statement from|released|issued", value: chStatement},
	{pattern: "in|with ~3 press|news release", value: chStatement},
	{pattern: "press|news release", value: chStatement},
	{pattern: "in ~2 communique|communiqué", value: chStatement},
	{pattern: "emailed|e-mailed ~1 statement", value: chStatement},
	{pattern: "at|during ~3 rally|rallies", value: chRally},
	{pattern: "rally|rallies", value: chRally, weak: true},
	{pattern: "at|during ~3 campaign event|stop|events|stops", value: chRally},
	{pattern: tellVerbs + " supporters|rallygoers|rally-goers", value: chRally},
	{pattern: tellVerbs + " a|the cheering|roaring ~1 crowd", value: chRally},
	{pattern: "in|during ~3 speech|speeches|address|remarks", value: chSpeech},
	{pattern: "speech|speeches", value: chSpeech, weak: true},
	{pattern: "on the senate|house floor", value: chSpeech},
	{pattern: "floor speech", value: chSpeech},
	{pattern: "in|with ~3 letter|letters", value: chLetter},
	{pattern: "wrote ~2 letter", value: chLetter},
	{pattern: "in|by|via ~2 email|e-mail|emails|e-mails", value: chEmail},
	{pattern: "emailed|e-mailed|emailing", value: chEmail},
	{pattern: "in|by|via ~2 text message|messages", value: chTextMessage},
	{pattern: "texted|texting", value: chTextMessage},
	{pattern: "in|during ~2 phone|telephone call|calls", value: chPhoneCall},
	{pattern: "by phone|telephone", value: chPhoneCall},
	{pattern: "on|in ~2 podcast", value: chPodcast},
	{pattern: "on ~1 television|tv", value: chTelevision},
	{pattern: "televised", value: chTelevision},
	{pattern: "on ~1 " + televisionOutlet, value: chTelevision},
	{pattern: "on =Meet the =Press", value: chTelevision},
	{pattern: "on =Face the =Nation", value: chTelevision},
	{pattern: "on ~2 sunday show|shows", value: chTelevision},
	{pattern: "on ~1 radio|npr", value: chRadio},
	{pattern: "in|on ~3 video|videos|livestream", value: chVideo},
	{pattern: "in|on ~3 op-ed|op-eds|essay|column|opinion piece", value: chOpEd},
	{pattern: "wrote|writes|writing in @media", value: chOpEd},
	{pattern: "op-ed|op-eds", value: chOpEd},
	{pattern: "in|on ~2 blog|blogpost", value: chBlog},
	{pattern: "blog post|posts", value: chBlog},
	{pattern: "in ~2 memo|memos|memorandum", value: chMemo},
	{pattern: "in ~3 filing|filings|affidavit|lawsuit|indictment|motion|complaint", value: chCourt},
	{pattern: "in ~1 court papers|documents|filings|filing", value: chCourt},
	{pattern: "in ~3 report|reports", value: chReport},
	{pattern: "at|during|in ~3 debate|debates", value: chDebate},
	{pattern: "at|during|in ~3 town hall|halls", value: chTownHall},
	{pattern: "at|during|in ~2 town-hall|townhall", value: chTownHall},
	{pattern: "at|during|in ~3 meeting|meetings", value: chMeeting},
}

// relayLexicon: a media organisation through which a statement reached
// the reporter. "X reported" (name before the verb) is found in code.
var relayLexicon = []lexItem{
	{pattern: "according to @media"},
	{pattern: "according to a|an|the ~2 report|reports|story|article|interview|investigation by|in|from @media"},
	{pattern: "citing @media"},
	{pattern: "citing a|an|the ~2 report|reports|story|article by|in|from @media"},
	{pattern: "reported|reporting by @media"},
	{pattern: "first|originally|previously|initially reported|reporting by @media"},
	{pattern: "as ~1 reported|noted|disclosed|revealed by|in @media"},
	{pattern: "a|an|the ~2 report|story|article|investigation by|in|from @media"},
	// carriers: the outlet the speaker spoke or wrote to, or that saw the
	// document; "told reporters" names no outlet and is no relay.
	{pattern: tellVerbs + " @media", carrier: true},
	{pattern: "interview|interviews|interviewed with|to|on|by @media", carrier: true},
	{pattern: "in|during ~2 interview|interviews with|to|on @media", carrier: true},
	{pattern: "in|with ~2 statement|statements|comments|comment|remarks|email|e-mail|letter to @media", carrier: true},
	{pattern: speakingToVerbs + " to|with|on @media", carrier: true},
	{pattern: "appearing|appeared|appears|said|says|saying on @media", carrier: true},
	{pattern: "statement|statements|comments|comment|remarks|email|e-mail|letter to @media", carrier: true},
	{pattern: "seen|obtained|reviewed|viewed|quoted|cited by @media", carrier: true},
	{pattern: "wrote|writes|writing in|for @media", carrier: true},
}

// passiveAux are forms of "be" before which "denied" means refused.
var passiveAux = setOf("was", "were", "be", "been", "being", "is", "are", "get", "got", "gets")

// negators before a denial verb cancel it.
var negators = setOf("not", "never", "didn't", "hasn't", "haven't", "hadn't", "won't", "doesn't", "don't", "didn’t", "hasn’t", "haven’t", "hadn’t", "won’t", "doesn’t", "don’t",
	"refuses", "refused", "refusing", "refuse", "declined", "declines", "declining", "decline") // ("refused to retract")

// matcher is the compiled lexicon: every entry indexed by the words its
// first element accepts.
type matcher struct {
	byFirst map[string][]*entry
	sizes   [numClasses]int
	// filter is a one-hash Bloom filter over byFirst's keys, so that most
	// words skip the map look-up.
	filter [filterBits / 64]uint64
}

const filterBits = 4096

// filterHash mixes a word's first and last bytes and length.
func filterHash(w string) uint {
	return (uint(w[0])*131 + uint(w[len(w)-1])*31 + uint(len(w))*7919) % filterBits
}

// mayHave reports whether w could be a key of byFirst.
func (m *matcher) mayHave(w string) bool {
	if w == "" {
		return false
	}
	h := filterHash(w)
	return m.filter[h/64]&(1<<(h%64)) != 0
}

func compile() *matcher {
	m := &matcher{byFirst: map[string][]*entry{}}
	add := func(e *entry) {
		e.anchor = chooseAnchor(e.elems)
		first := e.elems[e.anchor]
		if first.kind != elemWord && first.kind != elemExact {
			panic("qualify: lexicon entry must be anchored on a word: " + e.phrase)
		}
		for _, el := range e.elems[:e.anchor] {
			if el.kind == elemMedia {
				panic("qualify: @media must follow the anchor: " + e.phrase)
			}
		}
		for _, w := range first.alts {
			w = strings.ToLower(w)
			if cueBound(e) {
				cueBoundWords[w] = true
			}
			m.byFirst[w] = append(m.byFirst[w], e)
			h := filterHash(w)
			m.filter[h/64] |= 1 << (h % 64)
		}
		m.sizes[e.cls]++
	}
	types := claimtrail.MarkerTypes
	for _, t := range types {
		for _, it := range markerLexicon[t] {
			e := &entry{phrase: it.pattern, elems: parsePattern(it.pattern), cls: classMarker, marker: t, weak: it.weak}
			e.notPassive = t == claimtrail.MarkerDenied                                    // "was denied bail", "is rejected by MPs"
			e.notNegated = t == claimtrail.MarkerDenied || t == claimtrail.MarkerRetracted // "had not denied", "refuses to retract"
			add(e)
		}
	}
	for i, it := range channelLexicon {
		add(&entry{phrase: it.pattern, elems: parsePattern(it.pattern), cls: classChannel, channel: claimtrail.Channel(it.value), weak: it.weak, generic: it.generic, rank: i})
	}
	for _, it := range relayLexicon {
		add(&entry{phrase: it.pattern, elems: parsePattern(it.pattern), cls: classRelay, carrier: it.carrier})
	}
	return m
}

func parsePattern(p string) []elem {
	var out []elem
	for _, f := range strings.Fields(p) {
		switch {
		case f == "@media":
			out = append(out, elem{kind: elemMedia})
		case f[0] == '~':
			n := 0
			for _, c := range f[1:] {
				n = n*10 + int(c-'0')
			}
			out = append(out, elem{kind: elemSkip, n: n})
		case f[0] == '=':
			out = append(out, elem{kind: elemExact, alts: []string{f[1:]}})
		default:
			var alts []string
			for _, a := range strings.Split(f, "|") {
				alts = append(alts, a)
				if strings.Contains(a, "'") {
					alts = append(alts, strings.ReplaceAll(a, "'", "’"))
				}
			}
			out = append(out, elem{kind: elemWord, alts: alts})
		}
	}
	return out
}

var lex = compile()
