package attribute

import "strings"

// reportVerbs are verbs of saying, thinking, feeling and evaluating that
// introduce attributed content. The cue tagger learns most cues from
// PolNeAR train word by word, but a third of dev cues never occur in train;
// membership in this hand-written list is a feature that carries what was
// learned about listed verbs over to unseen ones. Forms are matched on the
// lower-case word and on its crude stem (see stemOf), so base forms and the
// irregular past forms are listed.
var reportVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
	say said says saying tell told tells telling speak spoke spoken talk write wrote written writes
	claim insist acknowledge admit deny imply suggest argue assert allege announce warn tweet
	add note explain state declare believe think thought hope fear worry expect predict promise
	vow pledge urge call demand ask question accuse blame criticize criticise praise mock slam blast
	attack defend reject dismiss concede confirm reveal disclose report indicate show shown find found
	conclude estimate recall recount describe characterize characterise complain boast brag joke quip
	muse wonder doubt contend maintain reiterate repeat stress emphasize emphasise observe comment
	remark respond reply retort counter object protest propose recommend advise caution threaten
	forecast speculate guess assume suppose imagine reckon feel felt know knew known realize realise
	recognize recognise understand understood agree disagree support endorse oppose favor favour want
	wish prefer plan intend seek sought refuse decline testify swear swore vouch lament regret
	apologize apologise thank congratulate condemn denounce decry deplore hail applaud cheer welcome
	signal hint insinuate charge reason theorize theorise posit opine proclaim broadcast post share
	retweet email text message cite quote reference mention highlight underscore grant allow confess
	grumble whine shout yell scream whisper murmur mutter sing sang chant lecture preach brief inform
	notify alert assure reassure convince persuade debate discuss negotiate pitch tout promote press
	lobby rail fume rage vent rant scoff sneer snap bark jab tease taunt ridicule deride lampoon
	challenge dispute contest refute rebut contradict correct clarify retract recant backtrack reverse
	amend revise specify detail outline elaborate summarize summarise surmise infer deduce determine
	judge rule decide discover learn learnt hear heard see saw seen read notice sense perceive view
	regard consider deem label brand dub term nickname portray paint frame depict present insist
	assert aver affirm avow attest certify guarantee predict anticipate envision envisage foresee
	acknowledge stipulate specify concur dissent endorse recommend suggest advocate champion back
	campaign vote oppose resist fight condemn lambast berate scold chide rebuke reprimand castigate
	excoriate pillory assail slam knock trash bash savage skewer belittle disparage dismiss downplay
	minimize minimise shrug acknowledge appear seem indicate imply mean intend`) {
		reportVerbs[w] = true
		if strings.HasSuffix(w, "e") {
			reportStemsE[w[:len(w)-1]] = true
		}
	}
	reportWordSet = newHashSet(reportVerbs)
	reportStemSet = newHashSet(reportStemsE)
}

// hashSet is a set of strings keyed by their strHash, which the view has
// already computed for every token: a lookup is a probe or two in a small
// table and one string comparison on a hit, where a map would hash the
// string again. Open addressing with linear probing in a table of at
// least four times the set's size, so probes are short.
type hashSet struct {
	keys []uint64
	strs []string // "" marks an empty slot
}

func newHashSet(words map[string]bool) hashSet {
	n := 64
	for n < 4*len(words) {
		n *= 2
	}
	s := hashSet{keys: make([]uint64, n), strs: make([]string, n)}
	mask := uint64(n - 1)
	for w := range words {
		if w == "" {
			continue
		}
		h := strHash(w)
		i := h & mask
		for s.strs[i] != "" {
			i = (i + 1) & mask
		}
		s.keys[i], s.strs[i] = h, w
	}
	return s
}

// has reports whether w, whose strHash is h, is in the set.
func (s *hashSet) has(w string, h uint64) bool {
	mask := uint64(len(s.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if s.strs[i] == "" {
			return false
		}
		if s.keys[i] == h && s.strs[i] == w {
			return true
		}
	}
}

// reportWordSet and reportStemSet hold reportVerbs and reportStemsE for
// isReportVerbHashed.
var reportWordSet, reportStemSet hashSet

// reportStemsE holds the listed verbs ending in "e" without it, so that
// a stem ("claim", "argu" of "argued") is looked up without building
// stem+"e".
var reportStemsE = map[string]bool{}

// isReportVerb reports whether a lower-case word or its stem is listed.
func isReportVerb(w, stem string) bool {
	return reportVerbs[w] || reportVerbs[stem] || reportStemsE[stem]
}

// isReportVerbHashed is isReportVerb given the strHash of the word and of
// the stem (as the view keeps them); stem is stemOf(w), so a stem as long
// as its word is the word, looked up once.
func isReportVerbHashed(w string, hw uint64, stem string, hst uint64) bool {
	return reportWordSet.has(w, hw) || len(stem) != len(w) && reportWordSet.has(stem, hst) || reportStemSet.has(stem, hst)
}
