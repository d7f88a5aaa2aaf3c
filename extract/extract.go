// Package extract composes the extraction pipeline over one article:
// segment (paragraphs, sentences, tokens, quotes) → syntax (POS tags,
// entities, dependencies) → attribute (cues, sources, contents) → resolve
// (speakers) → qualify (channel, relay, reporter markers).
package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/extract/lang"
	"github.com/claimtrail/claimtrail/qualify"
	"github.com/claimtrail/claimtrail/resolve"
	"github.com/claimtrail/claimtrail/segment"
	"github.com/claimtrail/claimtrail/syntax"
)

// RulesVersion is the part of the extractor version that a person bumps:
// change it whenever code or rules (lexicons, layout rules, resolution,
// qualification) change the output for the same text and models. The
// models' part is derived from their bytes (see ModeVersion), so a
// retraining changes the version by itself.
const RulesVersion = "0.8.643"

//go:embed models/attribution.model.gz
var attributionModel []byte

// The fast model is trained on segmented text only (claimtrail --fast
// train attribution): no tagging, a little less accurate (see README). It
// is also the first pass of the other modes.
//
//go:embed models/attribution-fast.model.gz
var attributionFastModel []byte

// The accurate model also reads dependency parses (claimtrail --accurate
// train attribution): the best scores, at about half the speed.
//
//go:embed models/attribution-accurate.model.gz
var attributionAccurateModel []byte

// Mode is how much analysis the extractor runs before attribution.
type Mode int

const (
	// ModeDefault tags parts of speech in the sentences a first pass
	// picks: PolNeAR dev exact F1 71.6 / 69.3 / 51.5 (source / cue /
	// content) at about 1,200 BBC articles a second on one core.
	ModeDefault Mode = iota
	// ModeFast only segments: 68.9 / 67.6 / 50.3 at about 1,900 a second.
	ModeFast
	// ModeAccurate also parses those sentences: 72.9 / 69.6 / 52.8 at
	// about 670 a second.
	ModeAccurate
)

func (m Mode) String() string {
	switch m {
	case ModeFast:
		return "fast"
	case ModeAccurate:
		return "accurate"
	}
	return "default"
}

// Extractor is the default claimtrail.Extractor. It is safe for
// concurrent use: models are read-only after loading.
type Extractor struct {
	mode Mode
	// embedded says the models are the embedded ones of mode, so that
	// Version is ModeVersion(mode), digested when first asked (a SHA-256
	// over the models: 337M instructions under valgrind, which is more
	// than a hundred articles, for commands that never print it);
	// false for a model given by the caller.
	embedded bool
	model    *attribute.Model
	syntax   *syntaxModels // nil in fast mode
	// selector, outside the fast mode, is the fast model used as a first
	// pass: sentences where it sees no cue within selectorSlack are
	// neither tagged, parsed nor searched.
	selector *attribute.Model
	// stances keeps what PolNeAR annotates beyond statements and
	// thoughts: wishes, plans, stances and actions reported of a source
	// ("wants", "hopes", "opposed", "showed"; see stanceCue). Off, the
	// default: a fact-checker's record holds what was said or thought.
	stances bool
}

// selectorSlack is how far below a cue start the fast model may score a
// sentence's best token for the full model still to look at it; set on
// PolNeAR dev so that the full model's scores do not move.
//
// Measured on dev with the accurate model (session 1): without the first
// pass 71.5/68.3/53.2 exact F1 at 257 BBC articles/s; with slack 15,
// 72.0/68.3/52.6 at 329/s; slack 10, 71.9/68.2/52.5 at 345/s.
//
// Measured again in session 22 (default mode, cachegrind instructions
// per BBC article as a ratio to slack 15, PolNeAR dev exact F1 from
// 73.3/69.3/55.7): slack 12, 0.990 and 73.3/69.2/55.6; 10, 0.985 and
// 73.2/69.2/55.5; 8, 0.983; 5, 0.974 and 72.9/69.0/55.4; 0, 0.956 and
// 72.6/68.7/55.3 with a seed quote lost. Every step down costs cue and
// content points for a few percent of the time: not worth it.
const selectorSlack = 15

var _ claimtrail.Extractor = (*Extractor)(nil)

// New loads the embedded models of the default mode.
func New() (*Extractor, error) { return NewMode(ModeDefault) }

// NewFast loads the embedded fast model: no syntax stage.
func NewFast() (*Extractor, error) { return NewMode(ModeFast) }

// NewAccurate loads the embedded accurate model, tagger and parser.
func NewAccurate() (*Extractor, error) { return NewMode(ModeAccurate) }

// NewMode loads the embedded models of mode.
func NewMode(mode Mode) (*Extractor, error) {
	data := attributionModel
	switch mode {
	case ModeFast:
		data = attributionFastModel
	case ModeAccurate:
		data = attributionAccurateModel
	}
	m, err := attribute.ReadModel(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("load embedded %s attribution model: %w", mode, err)
	}
	e, err := NewModeWithModel(mode, m)
	if err != nil {
		return nil, err
	}
	e.embedded = true
	return e, nil
}

// embeddedVersions computes each mode's version once per process (a
// SHA-256 over a few MB of models, ~10 ms), when first asked for it.
var embeddedVersions = func() func(Mode) string {
	var (
		mu   sync.Mutex
		memo = map[Mode]string{}
	)
	return func(mode Mode) string {
		mu.Lock()
		defer mu.Unlock()
		if v, ok := memo[mode]; ok {
			return v
		}
		v := ModeVersion(mode)
		memo[mode] = v
		return v
	}
}()

// NewWithModel returns a default-mode Extractor using the given model.
func NewWithModel(m *attribute.Model) (*Extractor, error) { return NewModeWithModel(ModeDefault, m) }

// NewFastWithModel returns a fast-mode Extractor using the given model.
func NewFastWithModel(m *attribute.Model) *Extractor { return &Extractor{mode: ModeFast, model: m} }

// NewModeWithModel returns an Extractor of mode using the given
// attribution model (trained for that mode) and the embedded tagger,
// parser and first-pass model.
func NewModeWithModel(mode Mode, m *attribute.Model) (*Extractor, error) {
	if mode == ModeFast {
		return NewFastWithModel(m), nil
	}
	syn, err := loadSyntax(mode == ModeAccurate)
	if err != nil {
		return nil, err
	}
	// the first pass only tags cues: the fast model's rankers are not read
	sel, err := attribute.ReadCueModel(bytes.NewReader(attributionFastModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded fast attribution model: %w", err)
	}
	return &Extractor{mode: mode, model: m, syntax: syn, selector: sel}, nil
}

// Mode reports the extractor's mode.
func (e *Extractor) Mode() Mode { return e.mode }

// WithStances returns a copy of e that also reports stances, wishes,
// plans and actions as attributions, as PolNeAR annotates them ("Russia
// wants Turkey to close its borders", "the study showed"), when on is
// true. Its version says so, so that a store never mixes the two views.
func (e *Extractor) WithStances(on bool) *Extractor {
	c := *e
	c.stances = on
	return &c
}

// Stances reports whether e reports stances as well as statements.
func (e *Extractor) Stances() bool { return e.stances }

// Version reports the extractor version: RulesVersion, a digest of the
// models the mode uses and the mode ("0.5.0+3f9a0c21b7d4-default"), so
// that the store re-extracts (claimtrail reindex) whatever an older rule
// set or model produced. An extractor built around a model given by the
// caller (training, evaluation) says "custom" instead of a digest.
func (e *Extractor) Version() string {
	v := RulesVersion + "+custom-" + e.mode.String()
	if e.embedded {
		v = embeddedVersions(e.mode)
	}
	if e.stances {
		v += "+stances"
	}
	return v
}

// ModeVersion is the version of the extractor NewMode(mode) returns.
func ModeVersion(mode Mode) string { return versionOf(mode, modeModels(mode)...) }

// modeModels lists the embedded model files whose bytes decide a mode's
// output: its attribution model, and outside the fast mode the first-pass
// model and the tagger (plus the parser in the accurate mode), and the
// statement filter's model (statement.go).
func modeModels(mode Mode) [][]byte {
	switch mode {
	case ModeFast:
		return [][]byte{attributionFastModel, statementModelBytes}
	case ModeAccurate:
		return [][]byte{attributionAccurateModel, attributionFastModel, syntax.ModelBytes("pos"), syntax.ModelBytes("dep"), statementModelBytes}
	}
	return [][]byte{attributionModel, attributionFastModel, syntax.ModelBytes("pos"), statementModelBytes}
}

// versionOf derives a version from the rules version, the model files
// (each length-prefixed, so that moving bytes from one file to the next
// changes the digest) and the mode.
func versionOf(mode Mode, models ...[]byte) string {
	h := sha256.New()
	for _, m := range models {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(m)))
		h.Write(n[:])
		h.Write(m)
	}
	return RulesVersion + "+" + hex.EncodeToString(h.Sum(nil))[:12] + "-" + mode.String()
}

// Prepare segments, tags and parses text as the mode asks: everything
// before attribution, over every sentence.
func (e *Extractor) Prepare(text string) *doc.Doc {
	d := segment.Segment(text)
	if e.mode != ModeFast {
		e.syntax.annotate(d, nil, e.mode == ModeAccurate)
	}
	return d
}

// MaxText is the largest text Extract accepts; larger texts get an
// ETOOLARGE error rather than exhausting memory.
const MaxText = 16 << 20

// Extract finds the attributions in text. It never panics: a failure in
// one stage becomes an error for this text only.
func (e *Extractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	return e.extract(ctx, text, "", false)
}

// extract is Extract, told text's language when detected is set (see
// ExtractDetected) rather than detecting it.
func (e *Extractor) extract(ctx context.Context, text, language string, detected bool) (x *claimtrail.Extraction, err error) {
	if len(text) > MaxText {
		return nil, claimtrail.Errorf(claimtrail.ETOOLARGE, "text of %d bytes is over the %d-byte limit", len(text), MaxText)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, claimtrail.Errorf(claimtrail.EINTERNAL, "extract: internal error: %v", r)
		}
	}()
	// ctx is looked at between stages and inside the long loops (every
	// few milliseconds of work), so that a cancelled or timed-out
	// extraction of a huge text returns ctx.Err() promptly.
	if !detected {
		language = lang.Detect(text)
	}
	if language != "" && language != lang.English {
		d, err := segment.SegmentContext(ctx, text)
		if err != nil {
			return nil, err
		}
		x = extractForeignDoc(d, language) // the models know English only
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return x, nil
	}
	old, _ := docPool.Get().(*doc.Doc)
	d, err := segment.SegmentReuse(ctx, text, old)
	if err != nil {
		return nil, err
	}
	view := attribute.NewText(d)
	var sel []bool
	if e.selector != nil {
		if sel, err = e.selector.CueSentencesContext(ctx, view, selectorSlack); err != nil {
			return nil, err
		}
	}
	if e.mode != ModeFast {
		if err := e.syntax.annotateContext(ctx, d, sel, e.mode == ModeAccurate); err != nil {
			return nil, err
		}
	}
	all, err := e.model.FindContext(ctx, view, sel)
	if err != nil {
		return nil, err
	}
	view.Release()
	found := nounCompoundReports(d, dropCredits(d, all))
	fixHeadlineCues(d, found)
	found = append(found, layoutAttributions(d, found)...)
	found = append(found, wordsOfAttributions(d, found)...)
	found = append(found, judgedQuotes(d, found)...)
	found = append(found, leadSentenceQuotes(d, found)...)
	found = append(found, trailingPronounQuotes(d, found)...)
	found = append(found, namedAfterQuotes(d, found)...)
	found = append(found, verbThenQuotes(d, found)...)
	found = quoteRules(d, found)
	found = append(found, mannerQuotes(d, found)...)
	found = append(found, characterizedQuotes(d, found)...)
	found = append(found, possessiveClaims(d, found)...)
	citingSources(d, found)
	quotedContents(d, found)
	sourceAfterQuote(d, found)
	colonBlockContent(d, found)
	relativeSaying(d, found)
	trimRelativePieces(d, found)
	closeObjectRelative(d, found)
	closeSubjectRelative(d, found)
	snapQuoteStarts(d, found)
	snapQuoteEnds(d, found)
	snapMixedQuoteEnds(d, found)
	nounOutOfCue(d, found)
	sourceInWhatClause(d, found)
	found = answerAfterAsked(d, found)
	trimNestedSources(d, found)
	trimAccordingToInSource(d, found)
	prepositionObjectSource(d, found)
	cueObjectInContent(d, found)
	timeBeforeThat(d, found)
	accordingToName(d, found)
	accordingToSourceCut(d, found)
	accordingToSourceTail(d, found)
	accordingToClauseAfter(d, found)
	relayAsideRest(d, found)
	closeAppositiveGap(d, found)
	surveyedInSource(d, found)
	quoteAfterRelay(d, found)
	trimReportInSource(d, found)
	outerReportInSource(d, found)
	trimClauseBeforeSource(d, found)
	trimSourceOpening(d, found)
	nameBeforeRole(d, found)
	trimDatelines(d, found)
	trimSourceAdjunct(d, found)
	hedgeCues(d, found)
	invertedContents(d, found)
	balanceParens(d, found)
	fixContentBounds(d, found)
	relativeThatStart(d, found)
	swapInvertedName(d, found)
	swapInvertedDescription(d, found)
	swapInvertedAside(d, found)
	swapInvertedNounPhrase(d, found)
	found = invertedHeadline(d, found)
	headlineLabelSource(d, found)
	sourceTakenForContent(d, found)
	swapAppositiveSource(d, found)
	quoteBeforeSource(d, found)
	channelRelativeContent(d, found)
	modalOutOfSource(d, found)
	titleOutOfCue(d, found)
	approximatorOutOfCue(d, found)
	sourceInContent(d, found)
	thatClauseToItsVerb(d, found)
	endAtCoordinatedReport(d, found)
	sourceFromRelative(d, found)
	sourceFromRelativeObject(d, found)
	relativeAsideSource(d, found)
	sourceInsideRelative(d, found)
	passiveRaisingSource(d, found)
	subjectInCue(d, found)
	caughtSaying(d, found)
	endAtNextReport(d, found)
	relativeContentEndsAtMainCue(d, found)
	relativeSourceAdverb(d, found)
	quoteAfterAsideReport(d, found)
	endBeforeAccordingTo(d, found)
	contentFromDash(d, found)
	accordingToWholeClause(d, found)
	accordingToInRelative(d, found)
	subordinateClauseEnd(d, found)
	relativeClauseEnd(d, found)
	resumptiveAsideEnd(d, found)
	objectBeforeInfinitive(d, found)
	trimTrailingJoiner(d, found)
	parentheticalRelative(d, found)
	quotationAfterLead(d, found)
	quotationAfterObject(d, found)
	trailingReportContent(d, found)
	dropPiecesAfterOtherCue(d, found)
	found = coordinatedParticiple(d, found)
	untangleNested(d, found)
	possessorSource(d, found)
	conjunctionSource(d, found)
	sharedSubjectSource(d, found)
	listSubjectStart(d, found)
	coordinatedSubjectSource(d, found)
	dropTitlePieces(d, found)
	dropAppositivePiece(d, found)
	verblessThatClause(d, found)
	participleSubject(d, found)
	found = invertedSourceParticiple(d, found)
	participleAfterReport(d, found)
	participleAfterAddressee(d, found)
	byGerundSubject(d, found)
	participleAfterNounClause(d, found)
	participleAfterSubordinate(d, found)
	nonfiniteCueSubject(d, found)
	closeDashAside(d, found)
	found = dropInnerDuplicates(d, found)
	found = dropCueInsideQuote(d, found)
	found = dropShellOverReport(d, found)
	found = dropRelayOverReport(d, found)
	found = dropHypothetical(d, found)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if x, err = build(ctx, d, found, e.stances); err != nil {
		return nil, err
	}
	// nothing made from d holds its tokens (spans and names are
	// offsets and slices of the text): its memory serves the next
	// article (speed_doc.go)
	if r := segment.Release(d); r != nil {
		docPool.Put(r)
	}
	// a result finished after the deadline is not returned: the caller
	// has given up on it (and the last stages check no context)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x.Language = language
	return x, nil
}

// build turns found attributions into the output contract, in code
// points: speakers resolved, quotes standing alone attributed from
// context, channel, relay and markers qualified.
func build(ctx context.Context, d *doc.Doc, found []attribute.Found, stances bool) (*claimtrail.Extraction, error) {
	runes := doc.NewRunes(d.Text)
	x := &claimtrail.Extraction{Title: title(d), Attributions: make([]claimtrail.Attribution, 0, len(found)+4)}
	span := func(r attribute.Range) claimtrail.Span {
		s, e := d.Tokens[r.Start].Start, d.Tokens[r.End-1].End
		return claimtrail.Span{Start: runes.At(s), End: runes.At(e), Text: d.Text[s:e]}
	}
	var mentions []resolve.Mention
	var mentionOf []int // attribution index of each mention
	unclosedEnds := unclosedQuoteEnds(d)
	for _, f := range found {
		a := claimtrail.Attribution{AccordingTo: []string{}, Markers: []claimtrail.Marker{}}
		c := span(f.Cue)
		a.Cue = &c
		if !f.Source.Empty() {
			s := span(f.Source)
			a.Source = &s
			mentions = append(mentions, resolve.Mention{Start: f.Source.Start, End: f.Source.End})
			mentionOf = append(mentionOf, len(x.Attributions))
		}
		for _, p := range f.Pieces {
			if !p.Empty() {
				a.Content = append(a.Content, span(p))
			}
		}
		a.Kind = kindOf(d, f.Pieces)
		if unclosed(d, unclosedEnds, f.Pieces) {
			a.Flags = append(a.Flags, "unclosed-quote")
		}
		a.Speaker = claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}
		a.Confidence = confidence(f)
		x.Attributions = append(x.Attributions, a)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	speakers, err := resolve.ResolveContext(ctx, d, mentions)
	if err != nil {
		return nil, err
	}
	for i, sp := range speakers {
		a := &x.Attributions[mentionOf[i]]
		a.Speaker = claimtrail.Speaker{Name: sp.Name, Kind: sp.Kind}
		a.Confidence = round3(a.Confidence * (0.5 + 0.5*sp.Confidence))
	}
	for i := range x.Attributions {
		if a := &x.Attributions[i]; a.Source == nil {
			a.Confidence = round3(a.Confidence * 0.6)
		}
	}
	if err := citedSpeakers(ctx, d, found, x.Attributions); err != nil {
		return nil, err
	}
	if err := quotedSpeakers(ctx, d, found, x.Attributions); err != nil {
		return nil, err
	}
	// a first qualification gives the sourced attributions their channels,
	// which help pick the speaker of quotes standing alone; the second,
	// over all, is the one kept
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if _, err := qualify.QualifyContext(ctx, d.Text, x.Attributions); err != nil {
		return nil, err
	}
	// a direct quote whose cue has no subject ("Read the statement:")
	// is spoken by whoever leads into it, as a quote standing alone is
	leads := newLeadIns(d, runes, x.Attributions)
	for i := range x.Attributions {
		if i%256 == 255 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a := &x.Attributions[i]
		if a.Source == nil && a.Kind == claimtrail.KindDirect && a.Speaker.Name == "" && len(a.Content) > 0 {
			if leads.lead(a, i, leads.paraAt(a.Content[0].Start), a.Content[0].Start) {
				a.Flags = append(a.Flags, "speaker-from-context")
			}
		}
	}
	alone, err := standaloneQuotes(ctx, d, found, leads, span)
	if err != nil {
		return nil, err
	}
	x.Attributions = append(x.Attributions, alone...)
	blockFirstPerson(x.Attributions)
	transcriptTurns(d.Text, runes, x.Attributions)
	noBodySaysI(x.Attributions)
	x.Attributions = append(x.Attributions, headlineQuotes(d, runes, found, x.Attributions, span)...)
	headlineSpeakers(d, runes, x.Attributions)
	headlineLeads(d, runes, x.Attributions)
	x.Attributions = dropNonStatements(ctx, d, runes, x.Attributions, stances)
	tweetFirstPerson(d.Text, runes, x.Attributions)
	notTheReporter(x.Attributions)
	repeatedQuoteSpeakers(x.Attributions)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(x.Attributions, func(i, j int) bool { return firstOffset(&x.Attributions[i]) < firstOffset(&x.Attributions[j]) })
	dropBorrowedPieces(x.Attributions)
	if x.Markers, err = qualify.QualifyContext(ctx, d.Text, x.Attributions); err != nil {
		return nil, err
	}
	for i := range x.Attributions {
		a := &x.Attributions[i]
		if a.Kind == claimtrail.KindIndirect {
			// a paraphrase that quotes a word or two of its speaker
			// (calling the deal “grossly unfair”) quotes them verbatim
			if q := claimtrail.VerbatimQuotes(claimtrail.KindMixed, a.Content); len(q) > 0 {
				a.Kind = claimtrail.KindMixed
			}
		}
		a.Quotes = claimtrail.VerbatimQuotes(a.Kind, a.Content)
		dropSpeakerAsRelay(a)
	}
	x.Attributions = dropNamedThings(d, runes, x.Attributions)
	companies := itsSpeakers(x.Attributions)
	for name := range employerSpeakers(d.Text, x.Attributions) {
		if companies == nil {
			companies = map[string]bool{}
		}
		companies[name] = true
	}
	for i := range x.Attributions {
		// relabelled last: the rules above learned their kinds as the
		// resolver gives them
		if sp := &x.Attributions[i].Speaker; sp.Kind == claimtrail.SpeakerPerson && (outletName(sp.Name) || companies[sp.Name]) {
			sp.Kind = claimtrail.SpeakerOrganization
		} else if sp.Kind == claimtrail.SpeakerPerson && peopleName(sp.Name) {
			sp.Kind = claimtrail.SpeakerGroup
		} else if sp.Kind == claimtrail.SpeakerPerson && editionName(sp.Name) {
			sp.Kind = claimtrail.SpeakerOrganization
		} else if sp.Kind == claimtrail.SpeakerGroup && numbersNouns[lastWord(sp.Name)] {
			sp.Kind = claimtrail.SpeakerDescription
		} else if name, ok := honorificOf(sp.Name); ok && (sp.Kind == claimtrail.SpeakerGroup || sp.Kind == claimtrail.SpeakerOrganization) {
			sp.Name, sp.Kind = name, claimtrail.SpeakerPerson
		}
	}
	oneKindPerName(x.Attributions)
	possessorsWords(x.Attributions)
	if !stances {
		x.Attributions = dropContainedContent(dropSameContent(x.Attributions))
	}
	if x.Markers == nil {
		x.Markers = []claimtrail.Marker{}
	}
	return x, nil
}

// editionName reports whether a name read as a person's is a body's
// with the place or reach it serves last ("Wired Italy", "Breitbart
// London", "Universities Scotland", "Amnesty International UK", "Lycos
// Europe"): a person's name ends with a place only after a given name
// or a title ("Michael London", "Baroness Scotland").
func editionName(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	if !editionWords[f[len(f)-1]] || slices.Contains(f, "of") {
		return false // (a city is too often a surname: "Edie Windsor", "Patricio Cartagena")
	}
	first := strings.TrimSuffix(f[0], ".")
	return !resolve.FirstName(first) && !resolve.Honorific(first) && !resolve.PeerTitle(first) && !resolve.PersonNoun(strings.ToLower(first))
}

// utteranceNouns name what a person said or wrote as the person's own
// act ("Mr Tanzi's statement said", "Mr Campbell's e-mail read"), unlike
// a work with a life of its own ("Mr Peston's book", "the NAO's annual
// report") or a spokesman, who speaks for the person.
var utteranceNouns = wordSet("statement statements e-mail email e-mails emails apology speech comments remarks tweet tweets testimony letter")

// possessorsWords gives an attribution whose source is a person's
// utterance ("Mr Tanzi's statement", "Mr. Braley’s apology noted") that
// person, when the article names them as a speaker elsewhere (the
// possessor's surname is the last word of a person speaker's name): the
// resolver left it a description or nobody.
func possessorsWords(atts []claimtrail.Attribution) {
	var bySurname map[string]claimtrail.Speaker // made when first needed
	for i := range atts {
		a := &atts[i]
		if a.Source == nil || a.Speaker.Kind != claimtrail.SpeakerDescription && a.Speaker.Kind != claimtrail.SpeakerUnknown {
			continue
		}
		words := strings.Fields(a.Source.Text)
		k := -1 // the possessor's last word
		for j, w := range words {
			if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") {
				k = j
				break
			}
		}
		if k < 0 || k+1 >= len(words) || k+3 < len(words) || !utteranceNouns[strings.ToLower(strings.Trim(words[len(words)-1], ".,;:"))] {
			continue
		}
		surname := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(words[k], "'s"), "’s"), "'’") // "Tanzi's", "Sands'"
		if r, _ := utf8.DecodeRuneInString(surname); !unicode.IsUpper(r) {
			continue
		}
		if bySurname == nil {
			bySurname = map[string]claimtrail.Speaker{}
			for _, b := range atts {
				if f := strings.Fields(b.Speaker.Name); b.Speaker.Kind == claimtrail.SpeakerPerson && len(f) > 1 {
					bySurname[f[len(f)-1]] = b.Speaker
				}
			}
		}
		if sp, ok := bySurname[surname]; ok {
			a.Speaker = sp
			a.Flags = append(a.Flags, "speaker-from-context")
		}
	}
}

// editionWords end the names of bodies' national branches and editions.
var editionWords = wordSet("International Europe UK US USA America Britain England Scotland Wales Ireland Italy " +
	"Germany France Spain Japan China India Australia Canada Africa Asia London")

// numbersNouns head plural names of figures, never of people ("Labor
// Department figures", "Email Systems analysis", "Official figures"):
// what they say is a finding, a description speaker, not a group's.
var numbersNouns = wordSet("figures data statistics estimates analysis numbers results findings")

// honorificOf reads a speaker named with an honorific and a name and
// then "of" a place or body ("Lord Nicholls of Birkenhead", "Mr Skeens of
// Brownsville", "Dr Jeremy Philpott of the UK Patent Office") as the
// person: a peer's "of" is part of the title and stays, anyone else's
// says where they are from and goes. Possessives and lists ("Mr Blair's
// spokesman", "Lord Woolf and Lord Falconer") are no one person.
func honorificOf(name string) (string, bool) {
	words := strings.Fields(name)
	if len(words) < 4 {
		return "", false
	}
	title := resolve.Honorific(words[0])
	switch words[0] {
	case "Dr", "Dr.", "Prof", "Prof.", "Professor":
		title = true
	}
	if !title || !capitalised(words[1]) || strings.ContainsAny(name, "’'") {
		return "", false
	}
	of := -1
	for k, w := range words {
		if w == "and" || w == "&" {
			return "", false
		}
		if w == "of" && of < 0 {
			of = k
		}
	}
	if of < 2 {
		return "", false
	}
	for _, w := range words[1:of] {
		if !capitalised(w) {
			return "", false
		}
	}
	if resolve.PeerTitle(words[0]) {
		return name, true
	}
	return strings.Join(words[:of], " "), true
}

// itsSpeakers are the one-word names read as persons that speak of
// themselves as "it": a content of theirs opens with "its" or "it" and a
// verb of the future or past ("Toshiba said its profits", "Disney said it
// would"), and none of their attributions has "he", "she" or a title for
// a source. They are organisations: a person is never "its".
func itsSpeakers(atts []claimtrail.Attribution) map[string]bool {
	var its map[string]bool
	for i := range atts {
		a := &atts[i]
		if a.Speaker.Kind != claimtrail.SpeakerPerson || strings.Contains(a.Speaker.Name, " ") || len(a.Content) == 0 || a.Kind == claimtrail.KindDirect {
			continue // (a quote's "it" is the speaker's word for something else: “It could, but ...”)
		}
		c := lowerFields(a.Content[0].Text)
		if len(c) > 2 && c[0] == "that" {
			c = c[1:]
		}
		if len(c) < 2 || !(c[0] == "its" || c[0] == "it" && (itVerbs[c[1]] || c[1] == "has" && len(c) > 2 && doneVerb(c[2]))) {
			continue
		}
		if its == nil {
			its = map[string]bool{}
		}
		its[a.Speaker.Name] = true
	}
	for i := range atts {
		a := &atts[i]
		if len(its) > 0 && a.Speaker.Kind == claimtrail.SpeakerPerson {
			// the first word of a person's full name is that person
			// ("Garuda spokesperson Ikhsan Rosan ... Ikhsan said")
			if first, _, ok := strings.Cut(a.Speaker.Name, " "); ok {
				delete(its, first)
			}
		}
		if !its[a.Speaker.Name] || a.Source == nil {
			continue
		}
		// a person's pronoun or title before the name says otherwise
		src := lowerOf(a.Source.Text)
		if src == "he" || src == "she" || src != lowerOf(a.Speaker.Name) && !strings.HasSuffix(src, " "+lowerOf(a.Speaker.Name)) && strings.Contains(src, lowerOf(a.Speaker.Name)) {
			delete(its, a.Speaker.Name)
		}
		for _, w := range strings.Fields(src) {
			if resolve.Honorific(w) {
				delete(its, a.Speaker.Name)
			}
		}
	}
	return its
}

// doneVerb: a past participle of what a company does after "it has"
// ("Intel has said it has found a way", "it has agreed"); "it has been"
// is anyone's.
func doneVerb(w string) bool {
	switch w {
	case "been", "need", "seed", "speed", "bleed":
		return false
	case "found", "made", "won", "lost", "sold", "bought", "taken", "paid", "cut", "built", "begun", "set":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// itVerbs follow a company's "it" in what it said: "it would", "it had
// agreed", "it expects".
var itVerbs = wordSet("would will had expected expects planned plans intended intends hoped hopes")

// dropSpeakerAsRelay removes from a's relays its own speaker's name read
// as an outlet ("Forbes said" is Rep. Randy Forbes, not Forbes magazine;
// "Hill claims" is Anita Hill, not The Hill).
func dropSpeakerAsRelay(a *claimtrail.Attribution) {
	if len(a.AccordingTo) == 0 || a.Source == nil || a.Speaker.Kind != claimtrail.SpeakerPerson {
		return
	}
	kept := a.AccordingTo[:0]
	for _, r := range a.AccordingTo {
		if r == a.Speaker.Name || strings.HasSuffix(a.Speaker.Name, " "+r) && strings.TrimSpace(a.Source.Text) == r {
			continue
		}
		kept = append(kept, r)
	}
	a.AccordingTo = kept
}

// peopleName reports a one-word capitalised plural for people
// ("Republicans", "Democrats"), which a relative "who" can hand on as a
// person's name: a group speaks.
func peopleName(name string) bool {
	if strings.ContainsRune(name, ' ') || len(name) <= 3 || !capitalised(name) || !strings.HasSuffix(name, "s") || strings.HasSuffix(name, "ss") {
		return false
	}
	// the singular must be a word for a person, not a name: "Evans",
	// "Williams" and "Davis" are surnames
	singular := strings.TrimSuffix(name, "s")
	return resolve.PeopleNoun(singular) && !resolve.FirstName(singular)
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// lastOffset is where an attribution ends in the text.
func lastOffset(a *claimtrail.Attribution) int {
	_, last := attributionBounds(a)
	return last
}

// firstOffset orders attributions by where they start in the text.
func firstOffset(a *claimtrail.Attribution) int {
	first, _ := attributionBounds(a)
	return first
}

// attributionBounds returns where a's source, cue and content pieces
// start first and end last.
func attributionBounds(a *claimtrail.Attribution) (first, last int) {
	first = 1 << 62
	for _, x := range []*claimtrail.Span{a.Source, a.Cue} {
		if x != nil {
			first, last = min(first, x.Start), max(last, x.End)
		}
	}
	for _, c := range a.Content {
		first, last = min(first, c.Start), max(last, c.End)
	}
	return first, last
}

// unclosedQuoteEnds returns where the quote regions that never closed end.
func unclosedQuoteEnds(d *doc.Doc) map[int]bool {
	var ends map[int]bool
	for _, q := range d.Quotes {
		if q.Unclosed {
			if ends == nil {
				ends = map[int]bool{}
			}
			ends[q.End] = true
		}
	}
	return ends
}

// unclosed reports whether a piece ends in a quote region that never
// closed (ends from unclosedQuoteEnds: a look-up, not a pass over every
// quote for every attribution).
func unclosed(d *doc.Doc, ends map[int]bool, pieces []attribute.Range) bool {
	for _, p := range pieces {
		if !p.Empty() && ends[d.Tokens[p.End-1].End] {
			return true
		}
	}
	return false
}

// standaloneQuotes attributes quotes of four or more words that no cue
// claimed (a tweet alone in its paragraph, a quote run into a sentence) to
// the speaker of the nearest attribution before them in the same or the
// two previous paragraphs. Shorter quotes are scare quotes, nicknames or
// titles and are left alone.
func standaloneQuotes(ctx context.Context, d *doc.Doc, found []attribute.Found, leads *leadIns, span func(attribute.Range) claimtrail.Span) ([]claimtrail.Attribution, error) {
	var out []claimtrail.Attribution
	var beats []resolve.Mention // subjects of beats before quotes (beatSubject), names heading lists of quotes
	var beatAt []int
	var listed []bool          // beats[k] names a list of quotes
	var headings quoteHeadings // read at the first quote standing alone (most articles have none)
	headingsRead := false
	covered := coverage(d, found)
	ti := 0
	for qi, q := range d.Quotes {
		if qi%256 == 255 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if q.Depth != 0 || !wordsAtLeast(d.Text[q.Start:q.End], 4) || covered(q.Start, q.End) || titleOfWork(d.Text, q) || titleAlone(d.Text, q) || inHeadline(d, q) || codeLine(d.Text, q.Start) || asIfToSay(d.Text, q) {
			continue
		}
		for ti < len(d.Tokens) && d.Tokens[ti].Start < q.Start {
			ti++
		}
		first := ti
		last := first
		for last < len(d.Tokens) && d.Tokens[last].End <= q.End {
			last++
		}
		if last <= first {
			continue
		}
		r := attribute.Range{Start: first, End: last}
		c := span(r)
		a := claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{c}, AccordingTo: []string{}, Markers: []claimtrail.Marker{},
			Speaker: claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}, Confidence: 0.3, Flags: []string{"no-cue"}}
		if q.Unclosed {
			a.Flags = append(a.Flags, "unclosed-quote")
		}
		para := leads.paraAt(c.Start)
		if leads.lead(&a, -1, para, c.Start) {
			a.Flags = append(a.Flags, "speaker-from-context")
			if leads.continues(c.Start) {
				a.Flags = append(a.Flags, "quote-continued")
			}
		}
		if !headingsRead {
			headings, headingsRead = quoteListHeadings(d.Text), true
		}
		if name, ok := headings.before(d, q.Start); ok {
			// a list of quotes under "Some Farrakhan quotes:"
			beats = append(beats, resolve.Mention{Start: name.Start, End: name.End})
			beatAt = append(beatAt, len(out))
			listed = append(listed, true)
		} else if subj, ok := beatSubject(d, first, found); ok && !hasFlag(a.Flags, "quote-continued") && leads.rightBefore(c.Start) < 0 && speakerVoice(a.Content) {
			beats = append(beats, resolve.Mention{Start: subj.Start, End: subj.End})
			beatAt = append(beatAt, len(out))
			listed = append(listed, false)
		}
		out = append(out, a)
	}
	if len(beats) > 0 {
		speakers, err := resolve.ResolveContext(ctx, d, beats)
		if err != nil {
			return nil, err
		}
		for k, sp := range speakers {
			if sp.Kind != claimtrail.SpeakerPerson || sp.Name == "" {
				continue
			}
			// a name of two words, or one that speaks elsewhere in the
			// article: a capitalised word opening a sentence may be
			// anything ("Doing so ...", "Physio Johnston ...")
			if m := beats[k]; !listed[k] && m.End-m.Start < 2 && !speaksIn(leads.atts, sp.Name) {
				continue
			}
			a := &out[beatAt[k]]
			a.Speaker = claimtrail.Speaker{Name: sp.Name, Kind: sp.Kind}
			a.Channel = ""
			if !hasFlag(a.Flags, "speaker-from-context") {
				a.Flags = append(a.Flags, "speaker-from-context")
			}
			if listed[k] {
				a.Flags = append(a.Flags, flagQuoteList)
			}
		}
	}
	return append(out, standaloneBlocks(d, covered, leads, span)...), nil
}

// beatSubject returns the subject of the sentence just before a quote
// that opens a sentence at token first in the same paragraph, when that
// sentence is a beat of its speaker's, no report: "Ann Vell, the
// committee chair, paused at the door. “We have the votes ...”", "He
// gulped from a water bottle. “I'm glad ...”". News and stories write
// the speaker's action before a quote so; the quote is the subject's,
// not the last speaker's before it. The sentence opens with a
// capitalised name of at most four words (an apposition between commas
// may follow it; a pronoun is left to the rules before, for "He had
// toured Africa" may be whom the quote is about), then a lower-case
// word, and holds no quote mark and no attribution's cue.
func beatSubject(d *doc.Doc, first int, found []attribute.Found) (attribute.Range, bool) {
	toks := d.Tokens
	if first < 2 || !endsSentence(toks[first-1].Text) || toks[first-1].Quote != 0 {
		return attribute.Range{}, false
	}
	prev, cur := toks[first-1].Sent, toks[first].Sent
	if prev == cur || d.Sents[prev].Para != d.Sents[cur].Para {
		return attribute.Range{}, false
	}
	s, e := d.Sents[prev].First, d.Sents[prev].Last
	if e-s < 3 || e-s > 30 {
		return attribute.Range{}, false
	}
	for k := s; k < e; k++ {
		if toks[k].Quote != 0 || doc.IsQuoteToken(toks[k].Text) {
			return attribute.Range{}, false
		}
	}
	for _, f := range found {
		if !f.Cue.Empty() && f.Cue.Start >= s && f.Cue.Start < e {
			return attribute.Range{}, false
		}
	}
	k := s
	if lw := strings.ToLower(toks[s].Text); subjectPronouns[lw] || lw == "it" || lw == "you" {
		return attribute.Range{}, false
	}
	for k < e && k-s < 4 && capitalised(toks[k].Text) && !notNames[toks[k].Text] && isWordToken(toks[k].Text) {
		k++
	}
	if k == s {
		return attribute.Range{}, false
	}
	subj := attribute.Range{Start: s, End: k}
	if k < e && toks[k].Text == "," && k > s {
		// an apposition: "Ann Vell, the committee chair, paused"
		j := k + 1
		for j < e && j-k < 10 && toks[j].Text != "," {
			j++
		}
		if j >= e || toks[j].Text != "," {
			return attribute.Range{}, false
		}
		k = j + 1
	}
	if k >= e {
		return attribute.Range{}, false
	}
	v := toks[k].Text
	if !isWordToken(v) || strings.ToLower(v) != v || beatNotVerbs[v] {
		return attribute.Range{}, false
	}
	return subj, true
}

// speakerVoice reports whether a quote speaks in the first or second
// person ("I'm glad", "We have the votes", "You think ..."): a speaker's
// own words, not a line from a document or a title.
func speakerVoice(content []claimtrail.Span) bool {
	for _, c := range content {
		for _, w := range strings.FieldsFunc(c.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			switch strings.ToLower(w) {
			case "i", "me", "my", "we", "us", "our", "you", "your":
				return true
			}
		}
	}
	return false
}

// speaksIn reports whether name is the speaker of one of atts.
func speaksIn(atts []claimtrail.Attribution, name string) bool {
	for i := range atts {
		if atts[i].Speaker.Name == name {
			return true
		}
	}
	return false
}

// beatNotVerbs are lower-case words after a sentence's first name that
// show it is no subject doing something ("Obama and Biden", "Paris in
// spring").
var beatNotVerbs = wordSet("and or of in on at to for with from by the a an as than 's")

// isWordToken reports whether t starts with a letter.
func isWordToken(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

// standaloneBlocks attributes block quotes with no quote marks (HTML
// <blockquote>s, which ingest indents, and indented testimony in plain
// text) that no lead-in with a colon claimed ("These deals don't just
// pop up over night, he said. ¶ <indented> I've been building
// relationships ...") to whoever spoke with a verb of saying in the
// paragraph just before (or to the block before, for a run of blocks);
// a block with no such lead-in (a quoted document, a table, a comment a
// blog post shows) is left alone.
func standaloneBlocks(d *doc.Doc, covered func(s, e int) bool, leads *leadIns, span func(attribute.Range) claimtrail.Span) []claimtrail.Attribution {
	var out []claimtrail.Attribution
	lastBlock := -2 // the paragraph of the last block attributed
	var lastSpeaker claimtrail.Speaker
	for pi, p := range d.Paras {
		if pi == 0 || !deeplyIndented(d, p) {
			continue
		}
		first, last := paraTokens(d, p)
		if last-first < 8 || doc.IsQuoteToken(d.Tokens[first].Text) || isDash(d.Tokens[first].Text) || d.Tokens[first].Text == "•" || d.Tokens[first].Text == "*" ||
			!endsSentence(d.Tokens[last-1].Text) || covered(d.Tokens[first].Start, d.Tokens[last-1].End) {
			continue
		}
		prevFirst, prevLast := paraTokens(d, d.Paras[pi-1])
		if prevLast <= prevFirst || d.Tokens[prevLast-1].Text == ":" {
			continue // (a lead-in with a colon is blockQuotes' to read)
		}
		sp, ok := lastSpeaker, lastBlock == pi-1
		if !ok {
			sp, ok = speakerIn(leads.atts, span(attribute.Range{Start: prevFirst, End: prevLast}))
		}
		if !ok {
			continue
		}
		a := claimtrail.Attribution{Kind: claimtrail.KindDirect, Content: []claimtrail.Span{span(attribute.Range{Start: first, End: last})},
			AccordingTo: []string{}, Markers: []claimtrail.Marker{}, Speaker: sp, Confidence: 0.5,
			Flags: []string{"no-cue", "block-quote", "speaker-from-context"}}
		out = append(out, a)
		lastBlock, lastSpeaker = pi, sp
	}
	return out
}

// speakerIn returns the speaker of the last attribution whose cue, a verb
// of saying, lies in the paragraph para and who is named (a person or an
// organisation).
func speakerIn(atts []claimtrail.Attribution, para claimtrail.Span) (claimtrail.Speaker, bool) {
	best := -1
	for i := range atts {
		a := &atts[i]
		if a.Cue == nil || a.Cue.Start < para.Start || a.Cue.End > para.End || a.Speaker.Name == "" ||
			a.Speaker.Kind != claimtrail.SpeakerPerson && a.Speaker.Kind != claimtrail.SpeakerOrganization {
			continue
		}
		words := strings.Fields(strings.ToLower(a.Cue.Text))
		if len(words) == 0 || !speechVerbs[words[0]] && !speechVerbs[words[len(words)-1]] {
			continue
		}
		if best < 0 || a.Cue.Start > atts[best].Cue.Start {
			best = i
		}
	}
	if best < 0 {
		return claimtrail.Speaker{}, false
	}
	return atts[best].Speaker, true
}

// deeplyIndented reports whether a paragraph's line starts with a tab or
// two spaces or more (a block quote; one space before a list's dash is
// how some corpora write lists).
func deeplyIndented(d *doc.Doc, p doc.Paragraph) bool {
	i := p.Start
	return i > 0 && d.Text[i-1] == '\t' || i > 1 && d.Text[i-1] == ' ' && d.Text[i-2] == ' '
}

// oneKindPerName gives a name printed as both a person and an
// organisation in one article one kind: a person when it opens with a
// given name, an honorific or a title ("Jeremy de Souza", "Archbishop of
// Canterbury") or "he" or "she" stands for it at least as often as it
// is printed as an organisation, else an organisation ("UK Coal",
// "Deutsche Boerse", "Royal Mail"). The rules that relabel kinds see one
// attribution at a time; a reader sees the article.
func oneKindPerName(atts []claimtrail.Attribution) {
	type count struct{ person, org, heShe int }
	var counts map[string]*count
	for i := range atts {
		sp := &atts[i].Speaker
		if sp.Name == "" || sp.Kind != claimtrail.SpeakerPerson && sp.Kind != claimtrail.SpeakerOrganization {
			continue
		}
		if counts == nil {
			counts = map[string]*count{}
		}
		c := counts[sp.Name]
		if c == nil {
			c = &count{}
			counts[sp.Name] = c
		}
		if sp.Kind == claimtrail.SpeakerPerson {
			c.person++
		} else {
			c.org++
		}
		if src := atts[i].Source; src != nil {
			if w := strings.ToLower(src.Text); w == "he" || w == "she" {
				c.heShe++
			}
		}
	}
	for i := range atts {
		sp := &atts[i].Speaker
		c := counts[sp.Name]
		if c == nil || c.person == 0 || c.org == 0 {
			continue
		}
		first, _, _ := strings.Cut(sp.Name, " ")
		if resolve.FirstName(first) || resolve.Honorific(first) || resolve.PeerTitle(first) || titleOpener[strings.ToLower(first)] || c.heShe >= c.org {
			sp.Kind = claimtrail.SpeakerPerson
		} else {
			sp.Kind = claimtrail.SpeakerOrganization
		}
	}
}

// titleOpener are offices a person's name or description opens with.
var titleOpener = wordSet("archbishop bishop cardinal pope president senator governor mayor judge justice minister secretary chancellor")

// dropBorrowedPieces takes from an attribution a content piece after its
// first that lies inside another attribution's content whose cue follows
// that content: the words belong to the report the later cue closes
// ("“Jesus … who is Ellen Fetter?” Rothman recalls thinking at the time.
// “It’s one of the most important papers ...,” he said" gave Rothman's
// thought the start of what he said; "MPs have warned" took
// "Sustainable communities" from the committee's "... were being
// promoted ..., the Environmental Audit Committee said"). A quote left
// alone in marks is a direct quote.
func dropBorrowedPieces(atts []claimtrail.Attribution) {
	// the content pieces of reports closed by a cue after them, by start
	// (a sorted index: an article of thousands of quotes is not read
	// once per quote)
	type span struct{ start, end, owner int }
	var trailing []span
	for j := range atts {
		b := &atts[j]
		if b.Cue == nil {
			continue
		}
		for _, q := range b.Content {
			if b.Cue.Start >= q.End {
				trailing = append(trailing, span{q.Start, q.End, j})
			}
		}
	}
	if len(trailing) == 0 {
		return
	}
	slices.SortFunc(trailing, func(x, y span) int { return x.start - y.start })
	inside := func(self int, p claimtrail.Span) bool {
		last := sort.Search(len(trailing), func(k int) bool { return trailing[k].start > p.Start }) - 1
		for k := last; k >= 0 && last-k < maxBorrowScan && p.Start-trailing[k].start < maxBorrowReach; k-- {
			q := trailing[k]
			if q.owner != self && p.End <= q.end && (p.Start > q.start || p.End < q.end) {
				return true
			}
		}
		return false
	}
	for i := range atts {
		a := &atts[i]
		if len(a.Content) < 2 {
			continue
		}
		kept := a.Content[:1]
		for _, p := range a.Content[1:] {
			if !inside(i, p) {
				kept = append(kept, p)
			}
		}
		if len(kept) == len(a.Content) {
			continue
		}
		a.Content = kept
		if a.Kind == claimtrail.KindMixed && len(kept) == 1 && wholeQuote(kept[0].Text) {
			a.Kind = claimtrail.KindDirect
		}
	}
}

// maxBorrowReach and maxBorrowScan bound how far back dropBorrowedPieces
// looks for a report holding a piece: its content starts at most this
// many code points before the piece, and no more pieces are read.
const (
	maxBorrowReach = 20000
	maxBorrowScan  = 64
)

// wholeQuote reports whether a content piece is one quotation: it opens
// with a quote mark and ends with one (after a comma or a stop).
func wholeQuote(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ",.")
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return claimtrail.IsQuoteMark(first) && claimtrail.IsQuoteMark(last) && claimtrail.HasMarkedQuote([]claimtrail.Span{{Text: t}})
}

// Flags of a first-person report whose "I" is a quoted speaker's, not the
// writer's: inside a block quote, or in a transcript turn (writerFirstPerson
// leaves both alone).
const (
	flagInBlockQuote   = "in-block-quote"
	flagTranscriptTurn = "transcript-turn"
)

// transcriptLabels returns the [start, end) byte ranges of the speakers'
// labels that open lines of a transcript, "HANNITY:", "JOHN SOLOMON, THE
// HILL:": a capital letter, one to forty capitals, spaces, stops, commas,
// apostrophes or hyphens, and a colon (the regexp
// (?m)^[A-Z][A-Z .,'’-]{1,40}: written as a scan of line starts, which
// costs a byte test a line instead of a match attempt a byte).
func transcriptLabels(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			k, n := i+1, 0
			for k < len(text) && n <= 40 {
				r, size := utf8.DecodeRuneInString(text[k:])
				if !('A' <= r && r <= 'Z' || r == ' ' || r == '.' || r == ',' || r == '\'' || r == '’' || r == '-') {
					break
				}
				k += size
				n++
			}
			if n >= 1 && n <= 40 && k < len(text) && text[k] == ':' {
				out = append(out, [2]int{i, k + 1})
			}
		}
		next := strings.IndexByte(text[i:], '\n')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return out
}

// maxTurnLines bounds how many lines a transcript turn runs for.
const maxTurnLines = 12

// transcriptTurns gives a report by "I" or "we" in a transcript the
// speaker of the turn it stands in: the label opening the line, or the
// lines after it, up to the next label ("SOLOMON: I do. ¶ I think the
// place we will be talking about ..." is Solomon's thought, not the
// writer's). Only a label that was read as an attribution names its
// speaker; a transcript has at least three labels.
func transcriptTurns(text string, runes *doc.Runes, atts []claimtrail.Attribution) {
	if strings.Count(text, ":") < 3 {
		return
	}
	labels := transcriptLabels(text)
	if len(labels) < 3 {
		return
	}
	type turn struct {
		start, end int // code points: the label's start, the next label's
		sp         claimtrail.Speaker
	}
	// the labels read as attributions, by where their source starts
	labelled := map[int]claimtrail.Speaker{}
	for i := range atts {
		a := &atts[i]
		if a.Source != nil && a.Cue != nil && strings.TrimSpace(a.Cue.Text) == ":" && a.Speaker.Name != "" &&
			(a.Speaker.Kind == claimtrail.SpeakerPerson || a.Speaker.Kind == claimtrail.SpeakerOrganization) {
			if _, ok := labelled[a.Source.Start]; !ok {
				labelled[a.Source.Start] = a.Speaker
			}
		}
	}
	var turns []turn
	for li, l := range labels {
		start := runes.At(l[0])
		end := runes.At(len(text))
		if li+1 < len(labels) {
			end = runes.At(labels[li+1][0])
		}
		if n := strings.Count(text[l[0]:min(len(text), l[1]+2000)], "\n"); n > maxTurnLines {
			// a long turn: only its first lines
			k := l[0]
			for j := 0; j <= maxTurnLines; j++ {
				next := strings.IndexByte(text[k:], '\n')
				if next < 0 {
					break
				}
				k += next + 1
			}
			end = min(end, runes.At(k))
		}
		if sp, ok := labelled[start]; ok {
			turns = append(turns, turn{start, end, sp})
		}
	}
	if len(turns) == 0 {
		return
	}
	for i := range atts {
		a := &atts[i]
		if a.Source == nil {
			continue
		}
		if w := strings.ToLower(strings.TrimSpace(a.Source.Text)); w != "i" && w != "we" {
			continue
		}
		// the last turn starting before the source (turns are in text order)
		if k := sort.Search(len(turns), func(k int) bool { return turns[k].start >= a.Source.Start }) - 1; k >= 0 {
			if t := turns[k]; a.Source.Start < t.end {
				a.Speaker, a.Confidence = t.sp, 0.6
				a.Flags = append(a.Flags, "speaker-from-context", flagTranscriptTurn)
			}
		}
	}
}

// noBodySaysI takes back the speaker a quote standing alone got from the
// attribution before it when that speaker is an organisation or a group
// and the quote speaks as one person ("I felt we did enough to win" is no
// club's, "It is going against everything I've seen for 44 years" no
// committee's): someone the page does not name here said it.
func noBodySaysI(atts []claimtrail.Attribution) {
	for i := range atts {
		a := &atts[i]
		if a.Cue != nil || a.Source != nil || a.Speaker.Kind != claimtrail.SpeakerOrganization && a.Speaker.Kind != claimtrail.SpeakerGroup ||
			!slices.Contains(a.Flags, "speaker-from-context") || !firstPersonSingular(a.Content) {
			continue
		}
		a.Speaker = claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}
		a.Flags = slices.DeleteFunc(a.Flags, func(f string) bool { return f == "speaker-from-context" || f == "quote-continued" })
	}
}

// notTheReporter keeps a definite description inside what someone
// reports from naming that someone: "Referees chief Keith Hackett
// believes ... the Blues boss has questioned their integrity", "Mr
// Mubanga said the “MI6 agent” told him": whoever "the Blues boss" is,
// the one who speaks of him so is another person. The resolver, which
// sees no contents, took the salient person; the description is kept as
// a description.
func notTheReporter(atts []claimtrail.Attribution) {
	for i := range atts {
		a := &atts[i]
		if a.Source == nil || a.Speaker.Kind != claimtrail.SpeakerPerson || !strings.HasPrefix(a.Source.Text, "the ") && !strings.HasPrefix(a.Source.Text, "The ") {
			continue
		}
		for j := range atts {
			b := &atts[j]
			if j == i || b.Speaker.Name != a.Speaker.Name || b.Source == nil {
				continue
			}
			inside := false
			for _, c := range b.Content {
				inside = inside || c.Start <= a.Source.Start && a.Source.End <= c.End
			}
			if inside {
				name := strings.Trim(strings.TrimSpace(a.Source.Text[4:]), "\"“”'‘’ ")
				a.Speaker = claimtrail.Speaker{Name: name, Kind: claimtrail.SpeakerDescription}
				break
			}
		}
	}
}

// tweetFirstPerson gives "I" or "we" left without a speaker the signer
// of the embedded tweet right below it: pages that paste a tweet line by
// line ("I urge the #UK to clarify its intentions as soon as possible. /
// Time is almost up #Brexit https://t.co/... — Jean-Claude Juncker
// (@JunckerEU)") leave its first lines to the model, which reads them as
// the writer's. Only when every line between is a tweet's (no line of
// the article's, articleLine, no blank line) and there are at most four.
func tweetFirstPerson(text string, runes *doc.Runes, atts []claimtrail.Attribution) {
	var tweets []int
	for i := range atts {
		if a := &atts[i]; a.Cue != nil && a.Source != nil && isDash(a.Cue.Text) && a.Channel == "Twitter" && a.Speaker.Name != "" && len(a.Content) > 0 {
			tweets = append(tweets, i)
		}
	}
	if len(tweets) == 0 {
		return
	}
	byteOf := func(cp int) int { return sort.Search(len(text)+1, func(b int) bool { return runes.At(b) >= cp }) }
	for i := range atts {
		a := &atts[i]
		if a.Source == nil || a.Speaker.Kind != claimtrail.SpeakerUnknown || len(a.Content) == 0 {
			continue
		}
		if src := a.Source.Text; src != "I" && src != "We" && src != "we" {
			continue
		}
		end := lastOffset(a)
		for _, ti := range tweets {
			t := &atts[ti]
			start := t.Content[0].Start
			if start < end || start-end > 600 {
				continue
			}
			between := strings.TrimSuffix(text[byteOf(end):byteOf(start)], "\n")
			lines := strings.Split(between, "\n")
			if len(lines) > 5 {
				continue
			}
			ok := true
			for _, l := range lines[1:] {
				if articleLine(strings.TrimSpace(l)) {
					ok = false
					break
				}
			}
			if ok {
				a.Speaker, a.Channel = t.Speaker, "Twitter"
				a.Flags = append(a.Flags, "speaker-from-context")
				break
			}
		}
	}
}

// firstPersonSingular reports whether the content holds "I", "I'm",
// "I've", "I'd", "I'll", "me", "my" or "myself" as a word.
func firstPersonSingular(content []claimtrail.Span) bool {
	for _, c := range content {
		for _, w := range strings.FieldsFunc(c.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
			switch strings.Trim(w, "'’") {
			case "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "me", "my", "myself", "Me", "My":
				return true
			}
		}
	}
	return false
}

// blockFirstPerson gives a report by "I" or "we" inside a block quote
// (standaloneBlocks) the block's speaker: "That's less my thing, but I
// think ..." in Zuckerberg's block quote is Zuckerberg's thought, not
// the writer's.
func blockFirstPerson(atts []claimtrail.Attribution) {
	for _, b := range atts {
		if !slices.Contains(b.Flags, "block-quote") {
			continue
		}
		for i := range atts {
			a := &atts[i]
			if a.Source == nil || a.Speaker.Kind != claimtrail.SpeakerUnknown || a.Source.Start < b.Content[0].Start || a.Source.End > b.Content[0].End {
				continue
			}
			if w := strings.ToLower(a.Source.Text); w == "i" || w == "we" {
				a.Speaker, a.Confidence = b.Speaker, b.Confidence
				a.Flags = append(a.Flags, "speaker-from-context", flagInBlockQuote)
			}
		}
	}
}

// leadIns finds, for a quote standing alone, the attribution that leads
// into it (see lead). It indexes the attributions once by where they
// start, with their paragraphs and nesting, so that each quote looks back
// only over the attributions just before it (looking at every
// attribution, and working out their nesting, for every quote was
// quadratic: 4 s for 0.5 MB of short paragraphs alternating a statement
// and a quote). The attributions' spans must not change while it is in
// use; their speakers and channels may (build gives direct quotes their
// speakers one by one, and later quotes see them).
type leadIns struct {
	d      *doc.Doc
	runes  *doc.Runes
	atts   []claimtrail.Attribution
	nested []bool
	order  []int // attribution indices by first offset, then index
	off    []int // first offset of each attribution
	para   []int // the line paragraph holding its end (paraAt): a quote run over many lines leads in from its last
	block  []int // the segmenter's paragraph holding its start (rightBefore: what runs on in one paragraph)
	breaks []int // code point offsets of the first line break of each run (paraAt)
	plain  []int // plain[k]: lines before line k that do not open with a quote mark (lineGap)
}

// newLeadIns returns the lead-ins of atts; the index is built on first
// use (most articles have no quote standing alone).
func newLeadIns(d *doc.Doc, runes *doc.Runes, atts []claimtrail.Attribution) *leadIns {
	return &leadIns{d: d, runes: runes, atts: atts}
}

func (l *leadIns) index() {
	if l.order != nil {
		return
	}
	n := len(l.atts)
	l.order, l.off, l.para, l.block = make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	for i := range l.atts {
		l.order[i], l.off[i] = i, firstOffset(&l.atts[i])
		l.para[i] = l.paraAt(lastOffset(&l.atts[i]))
		l.block[i] = paraOf(l.d, l.runes, l.off[i])
	}
	sort.SliceStable(l.order, func(a, b int) bool { return l.off[l.order[a]] < l.off[l.order[b]] })
	l.nested = nestedAll(l.atts)
}

// paraAt returns the line paragraph holding code point off: the number of
// line breaks (a run of them counting once) before it. A quote's lead-in
// is looked for by lines, not by the blank-line paragraphs of the segmenter:
// a page that breaks lines without blank ones is one paragraph, and a
// tweet quoted twenty lines up outranked the statement on the line right
// before a quote standing alone.
func (l *leadIns) paraAt(off int) int {
	l.lines()
	return sort.Search(len(l.breaks), func(i int) bool { return l.breaks[i] >= off })
}

// lines finds the line breaks (paraAt) and counts the lines that do not
// open with a quote mark or run on inside a quote (lineGap), once.
func (l *leadIns) lines() {
	if l.breaks != nil {
		return
	}
	text := l.d.Text
	l.breaks, l.plain = []int{}, []int{0}
	qi := 0 // the quote regions before b (sorted by start)
	opens := func(b int) bool {
		for qi < len(l.d.Quotes) && l.d.Quotes[qi].Start < b {
			qi++
		}
		for k := qi - 1; k >= 0 && k >= qi-4; k-- {
			if q := l.d.Quotes[k]; q.Depth == 0 && q.End > b {
				return true // the line runs on inside a quote
			}
		}
		r, _ := utf8.DecodeRuneInString(text[b:])
		return lineOpeningMark(r) || topicLabelLine(text[b:])
	}
	plain := 0
	if !opens(0) {
		plain++
	}
	l.plain = append(l.plain, plain)
	for b := 0; b < len(text); {
		j := strings.IndexByte(text[b:], '\n')
		if j < 0 {
			break
		}
		b += j
		l.breaks = append(l.breaks, l.runes.At(b))
		for b < len(text) && (text[b] == '\n' || text[b] == ' ' || text[b] == '\t' || text[b] == '\r') {
			b++
		}
		if b < len(text) && !opens(b) {
			plain++
		}
		l.plain = append(l.plain, plain)
	}
}

// lineOpeningMark reports whether r may open a quote at the start of a line.
func lineOpeningMark(r rune) bool {
	return r == '"' || r == '\'' || r == '“' || r == '‘' || r == '”' || r == '«' || r == '„'
}

// topicLabelLine reports whether line opens with a short label of a
// topic and a colon before a quote mark ("On the economy: “...”", "Her
// plans: “...”"), as interviews printed as lists of answers do: such a
// line is a quote line, and a run of them keeps the lead-in above in
// reach as a run of bare quotes does. The label is at most five words,
// opens with a capital and holds no sentence's end.
func topicLabelLine(line string) bool {
	colon := strings.IndexByte(line[:min(len(line), 48)], ':')
	if colon <= 0 {
		return false
	}
	label := line[:colon]
	if r, _ := utf8.DecodeRuneInString(label); !unicode.IsUpper(r) || strings.ContainsAny(label, ".!?\"“”‘’\n") || len(strings.Fields(label)) > 5 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[colon+1:], " "))
	return lineOpeningMark(r)
}

// lineGap is how far line paragraph from is before line paragraph to,
// counting only the lines between that do not open with a quote mark:
// a quote run over several lines, each opening a mark ("Mr Corbyn said:
// 'The issue ...\n'We haven't ...\n'This vote ..."), does not carry its
// lead-in out of reach of the quote after it.
func (l *leadIns) lineGap(from, to int) int {
	if from >= to {
		return 0
	}
	l.lines()
	return l.plain[to] - l.plain[from+1] + 1
}

// lead gives a, a quote starting at code point start in line paragraph para (paraAt),
// the speaker of the attribution that leads into it: in the nearest
// paragraph (this one or up to two before) with a known speaker,
// preferring reported speech with a channel ("X claimed on Twitter"), then
// one not nested in another's content, then the latest; relays
// ("according to X") never lead in. It reports whether it found one.
//
// The attributions are looked at backwards from start, so the first
// paragraph with a candidate is the nearest, and the first candidate of a
// rank is the latest of that rank (ties on the offset go to the later
// attribution, as a forward scan keeping the last best would have it).
func (l *leadIns) lead(a *claimtrail.Attribution, self, para, start int) bool {
	if l.labelled(start) {
		return false
	}
	l.index()
	best, bestRank := l.scan(para, start, len(l.atts))
	if best < 0 {
		return false
	}
	if self < 0 {
		if j := l.rightBefore(start); j >= 0 {
			// a quote run on right after another speaker's quote and
			// its "said X." goes on with X ("“...,” said Robbie Bach.
			// “We regret ...”"), whoever spoke through a channel before
			best = j
		} else if j := l.paragraphAbove(start); j >= 0 {
			best = j // and so does the paragraph after it (continues)
		} else if k := l.atts[best].Speaker.Kind; (k == claimtrail.SpeakerOrganization || k == claimtrail.SpeakerGroup) && firstPersonSingular(a.Content) {
			// a quote that speaks as one person ("The amount I get is
			// ...") is no body's (noBodySaysI): the person leading into
			// it, when one does ("According to Peter Keating at Vanity
			// Fair, ..."), though a body's quote ranks higher
			if j := l.scanPerson(para, start); j >= 0 && (l.off[j] > l.off[best] || inContent(&l.atts[j], l.off[best])) {
				best = j // (one nearer the quote than the body, or holding it)
			}
		}
	}
	p := &l.atts[best]
	sp, ch, conf := p.Speaker, p.Channel, round3(0.6*p.Confidence)
	if self >= 0 && l.off[self] < start && para-l.para[self] <= 2 && !isRelay(a) {
		// a is one of the attributions (build's direct quotes): a
		// forward scan setting a's speaker at each better candidate
		// reached a itself holding the best of those before it, and took
		// it as a candidate too; kept so that the output does not change
		if before, _ := l.scan(para, start, self); before >= 0 {
			b := &l.atts[before]
			rank := l.rank(self, b.Channel)
			if l.para[self] > l.para[best] || l.para[self] == l.para[best] && (rank > bestRank || rank == bestRank && (l.off[self] > l.off[best] || l.off[self] == l.off[best] && self > best)) {
				sp, ch, conf = b.Speaker, b.Channel, round3(0.6*round3(0.6*b.Confidence))
			}
		}
	}
	if addressedIn(a.Content, sp.Name) {
		return false // "“But the blots, Turkey,” intimated I.": Turkey is spoken to
	}
	a.Speaker, a.Channel, a.Confidence = sp, ch, conf
	return true
}

// rightBefore returns the direct or mixed attribution with a known
// speaker that ends at most a space and a mark before start in the
// segmenter's paragraph holding start (a line break without a blank line
// runs on); failing that, the latest such one, not nested in another's
// content, that the quote follows after only the rest of its sentence
// (sentenceTail); -1 for none.
func (l *leadIns) rightBefore(start int) int {
	block := paraOf(l.d, l.runes, start)
	k := sort.Search(len(l.order), func(j int) bool { return l.off[l.order[j]] >= start })
	tail := -1 // the first attribution whose sentence the quote follows
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		i := l.order[j]
		if l.block[i] != block {
			break
		}
		p := &l.atts[i]
		end := lastOffset(p)
		if end > start {
			continue
		}
		// (a paraphrase that quotes a word or two, "described the
		// intervention as “very important”.", is mixed by the time it is
		// printed: its speaker goes on in the quote after it)
		// A person's paraphrase leads into the quote after it too ("Martin
		// Bell ... said politicians often failed to see themselves as
		// others did. “We need public figures we trust ...”"), unless it
		// is nested in another's report or a relative clause after
		// another's ("..., Clinton said, pointing to allegations against
		// Trump, who has denied them. “I think I did the right thing.”").
		paraphrase := p.Kind == claimtrail.KindIndirect && !claimtrail.HasMarkedQuote(p.Content)
		personsOwn := p.Speaker.Kind == claimtrail.SpeakerPerson && !l.nested[i] && !l.relativeAfterMain(i)
		speaks := !(paraphrase && !personsOwn || p.Speaker.Kind == claimtrail.SpeakerUnknown || p.Speaker.Name == "" || isRelay(p))
		if start-end > 3 {
			// not right before: the quote may still follow the rest of its
			// sentence (an attribution inside another's content does not
			// end a sentence of its own)
			if tail < 0 && speaks && !l.nested[i] && l.sentenceTail(end, start) {
				tail = i
			}
			continue
		}
		if !speaks {
			return -1
		}
		return i
	}
	return tail
}

// maxSentenceTail bounds the words sentenceTail reads between an
// attribution and the quote after it.
const maxSentenceTail = 160

// sentenceTail reports whether the text between code points end and start
// only finishes the sentence that ends at end: "“...,” said Officer Dale
// Brown of the city police in a clip of Sunday's report.\n“So he had
// ...”". The quote after it goes on with that speaker, however high a
// channel ranks an earlier one (a page that breaks lines without blank
// ones is one paragraph, and a tweet's signature three lines up held the
// quote). Any quote mark or second sentence in between, or a line break
// before the stop, and it does not.
func (l *leadIns) sentenceTail(end, start int) bool {
	text := l.d.Text
	from, to := l.byteOf(end), l.byteOf(start)
	if to-from > maxSentenceTail || from >= to {
		return false
	}
	gap := strings.TrimRight(text[from:to], " \t\r\n")
	if gap == "" {
		return true
	}
	if !strings.HasSuffix(gap, ".") {
		return false
	}
	body := gap[:len(gap)-1]
	if strings.ContainsAny(body, ".!?\n\"“”‘«»") || strings.HasSuffix(body, " ") {
		return false
	}
	for i := strings.Index(body, "’"); i >= 0; i = strings.Index(body, "’") {
		// only an apostrophe inside a word ("Sunday’s")
		before, _ := utf8.DecodeLastRuneInString(body[:i])
		after, _ := utf8.DecodeRuneInString(body[i+len("’"):])
		if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
			return false
		}
		body = body[i+len("’"):]
	}
	return true
}

// continues reports whether a quote starting at start goes on with the direct quote right before it: one whose mark never
// closed (the convention of a quote run over paragraphs, each opening a
// mark and only the last closing, also where the page breaks lines
// without blank ones), or one with its own source ("“...,” the letter
// states. “However, ...”"). The speaker is then that quote's, not a
// guess from context.
//
// So does a quote opening the paragraph after one that ends with a
// sourced direct quote ("“...,” the organisation said in a statement.
// ¶ “By handing down this harsh sentence ...”"): news writes a speaker's
// next paragraph so, whoever the speaker is (a description too).
func (l *leadIns) continues(start int) bool {
	j := l.rightBefore(start)
	if j >= 0 {
		return l.atts[j].Kind == claimtrail.KindDirect && (hasFlag(l.atts[j].Flags, "unclosed-quote") || l.atts[j].Source != nil)
	}
	return l.paragraphAbove(start) >= 0
}

// paragraphAbove returns the direct quote with a source that ends the
// paragraph before the quote at start, nothing but its sentence's tail
// after it (continues); -1 for none.
func (l *leadIns) paragraphAbove(start int) int {
	block := paraOf(l.d, l.runes, start)
	k := sort.Search(len(l.order), func(j int) bool { return l.off[l.order[j]] >= start })
	last, lastEnd := -1, -1
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		i := l.order[j]
		if l.block[i] < block-1 {
			break
		}
		if e := lastOffset(&l.atts[i]); e <= start && e > lastEnd {
			last, lastEnd = i, e
		}
	}
	if last < 0 || l.block[last] != block-1 || l.nested[last] {
		return -1
	}
	p := &l.atts[last]
	if p.Kind != claimtrail.KindDirect || p.Source == nil || p.Speaker.Kind == claimtrail.SpeakerUnknown || p.Speaker.Name == "" || isRelay(p) ||
		!l.sentenceTail(lastEnd, start) {
		return -1
	}
	return last
}

// rank is how strongly attribution i, with channel ch, leads into a quote.
func (l *leadIns) rank(i int, ch claimtrail.Channel) int {
	rank := 0
	if ch != "" {
		rank += 2
	}
	if !l.nested[i] {
		rank++
	}
	return rank
}

// scan returns the attribution (of index below limit) leading into a
// quote at start in paragraph para, and its rank; -1 for none.
func (l *leadIns) scan(para, start, limit int) (best, bestRank int) {
	k := sort.Search(len(l.order), func(j int) bool { return l.off[l.order[j]] >= start })
	best, bestPara, bestRank := -1, -1, -1
	for j := k - 1; j >= 0; j-- {
		i := l.order[j]
		pp := l.para[i]
		if l.lineGap(pp, para) > 2 || pp < bestPara {
			break // paragraphs only get further from here
		}
		p := &l.atts[i]
		if i >= limit || p.Speaker.Kind == claimtrail.SpeakerUnknown || p.Speaker.Name == "" || isRelay(p) && !relayedPerson(p) || isQuestion(p) {
			continue
		}
		if editorsNote(p) || l.relativeAfterMain(i) {
			// "(Italics added.)" marks type, and leads into nothing
			continue
		}
		rank := l.rank(i, p.Channel)
		if best >= 0 && rank <= bestRank {
			continue
		}
		best, bestPara, bestRank = i, pp, rank
		if rank == 3 {
			break // the best rank: earlier ones are no later
		}
	}
	return best, bestRank
}

// relativeAfterMain reports whether attribution i is a relative clause
// ("who has denied them") hanging on a sentence whose main report is
// another speaker's, earlier in the same sentence ("..., Clinton said,
// pointing to allegations against Trump, who has denied them."): the
// clause is background, and a quote standing alone after the sentence
// goes on with the main speaker, not with the one the clause is about.
// Only within relativeReach code points, and a sentence's end (".", "!",
// "?" before a space) between the two leaves the clause its own.
func (l *leadIns) relativeAfterMain(i int) bool {
	p := &l.atts[i]
	if p.Source == nil || p.Cue == nil {
		return false
	}
	switch lowerOf(strings.TrimSpace(p.Source.Text)) {
	case "who", "which", "whom":
	default:
		return false
	}
	text := l.d.Text
	k := sort.Search(len(l.order), func(j int) bool { return l.off[l.order[j]] >= p.Source.Start })
	for j := k - 1; j >= 0 && p.Source.Start-l.off[l.order[j]] <= relativeReach; j-- {
		q := &l.atts[l.order[j]]
		if q.Source == nil || q.Cue == nil || q.Cue.End > p.Source.Start || q.Speaker.Name == "" || q.Speaker.Name == p.Speaker.Name {
			continue
		}
		if w := lowerOf(strings.TrimSpace(q.Source.Text)); w == "who" || w == "which" || w == "whom" {
			continue
		}
		from, to := l.byteOf(q.Cue.End), l.byteOf(p.Source.Start)
		if from < to && !sentenceEndIn(text[from:to]) {
			return true
		}
	}
	return false
}

// byteOf returns the byte offset in the text of code point cp.
// addressedIn reports whether a word of name (three letters or more,
// capitalised) is spoken to in the content: after a comma and before a
// comma or an end mark ("But the blots, Turkey,"), or opening it before
// one ("Bartleby! quick, I am waiting."). A quote is not the words of the
// person it addresses.
func addressedIn(content []claimtrail.Span, name string) bool {
	for _, w := range append(strings.Fields(name), name) {
		w = strings.TrimRight(w, ".")
		if len(w) < 3 || !capitalised(w) {
			continue
		}
		for _, c := range content {
			t := strings.TrimLeft(c.Text, "\"“‘'")
			for k := strings.Index(t, w); k >= 0; {
				after := t[k+len(w):]
				called := strings.HasPrefix(after, ",") || strings.HasPrefix(after, "!") || strings.HasPrefix(after, "?") || strings.HasPrefix(after, ".")
				if called && (k == 0 || k >= 2 && t[k-2:k] == ", ") {
					return true
				}
				n := strings.Index(t[k+1:], w)
				if n < 0 {
					break
				}
				k += 1 + n
			}
		}
	}
	return false
}

// labelled reports whether the quote starting at code point start
// names a slogan, motto, maxim or headline written just before it ("the
// old maxim: “No pain, no gain.”", "the national motto, “In God We
// Trust,”", "under the headline “Save Star Trek”"): words nobody in the
// paragraph is saying, which no lead-in gives a speaker.
func (l *leadIns) labelled(start int) bool {
	before := strings.TrimRight(l.d.Text[max(0, l.byteOf(start)-40):l.byteOf(start)], " \t")
	before = strings.TrimRight(before, ":,")
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	return labelNouns[strings.ToLower(before[i+1:])]
}

var labelNouns = wordSet("maxim maxims adage proverb motto mottos mottoes slogan slogans headline headlines headlined " +
	"sub-headline subheadline phrase catchphrase mantra hashtag chant chants banner banners placard placards caption captioned")

func (l *leadIns) byteOf(cp int) int {
	return sort.Search(len(l.d.Text)+1, func(b int) bool { return l.runes.At(b) >= cp })
}

// relativeReach bounds how far before a relative clause the main report
// of its sentence is looked for (relativeAfterMain), in code points.
const relativeReach = 400

// sentenceEndIn reports whether s holds a sentence's end: ".", "!" or "?"
// before white space, or a line break.
func sentenceEndIn(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return true
		case '.', '!', '?':
			if i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\n') {
				return true
			}
		}
	}
	return false
}

// inContent reports whether code point off lies in a's content.
func inContent(a *claimtrail.Attribution, off int) bool {
	for _, c := range a.Content {
		if c.Start <= off && off < c.End {
			return true
		}
	}
	return false
}

// scanPerson is scan for a person's attribution only, whatever its rank:
// the latest one on the quote's line or the line before; -1 for none.
func (l *leadIns) scanPerson(para, start int) int {
	k := sort.Search(len(l.order), func(j int) bool { return l.off[l.order[j]] >= start })
	for j := k - 1; j >= 0; j-- {
		i := l.order[j]
		if l.lineGap(l.para[i], para) > 1 {
			break
		}
		p := &l.atts[i]
		if p.Speaker.Kind == claimtrail.SpeakerPerson && p.Speaker.Name != "" && (!isRelay(p) || relayedPerson(p)) && !isQuestion(p) {
			return i
		}
	}
	return -1
}

// asIfToSay reports whether the quote q follows words that only imagine
// speech: "a flicker across the president's face as if to say “You think
// you got me?”", "she shrugged, as though to ask “why me?”". Nobody said
// it.
func asIfToSay(text string, q doc.Quote) bool {
	before := strings.TrimRight(text[max(0, q.Start-40):q.Start], " ,:")
	before = lowerOf(before)
	for _, p := range imaginedSpeech {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// imaginedSpeech are the words before a quote that nobody spoke.
var imaginedSpeech = []string{"as if to say", "as though to say", "as if to ask", "as though to ask", "as if saying", "as if asking",
	"seemed to say", "seeming to say", "as if to suggest",
	// (what someone would have said: counterfactualCue drops its report)
	"would have said", "could have said", "might have said", "should have said", "would have written"}

// titleOfWork: a quote in title case ("Democracy Runs on Patience"), or
// one introduced by "titled", "called", "dubbed" or "named", names a work
// or a thing, it does not report speech.
func titleOfWork(text string, q doc.Quote) bool {
	if namedBefore(text, q) || epithet(text, q) || namesThingAfter(text, q) {
		return true
	}
	if wordsOver(text[q.Start:q.End], 25) {
		return false
	}
	words := strings.Fields(text[q.Start:q.End])
	caps := 0
	for _, w := range words {
		if upperAfterMarks(w) {
			caps++
		}
	}
	return caps*10 >= len(words)*7
}

// titleAlone: a quote no cue claimed whose words are in title case, small
// words left low (“The Mosqueing of the Public Schools.”), is a title;
// one that opens with a pronoun speaks (“It’s ‘Showtime at the
// Apollo.’”).
func titleAlone(text string, q doc.Quote) bool {
	s := text[q.Start:q.End]
	if moreWordsThan(s, 12) || !titleCased(s) {
		return false
	}
	first := strings.ToLower(strings.TrimFunc(strings.Fields(s + " x")[0], func(r rune) bool { return !unicode.IsLetter(r) }))
	if i := strings.IndexAny(first, "'’"); i > 0 {
		first = first[:i]
	}
	return !speakingPronouns[first]
}

var speakingPronouns = wordSet("i we you he she it they this that there let")

// namedBefore: a quote introduced by "titled", "called", "dubbed" or
// "named" names a thing, as does one right after the noun of a work ("in
// the chapter “...”", "his book “...”").
func namedBefore(text string, q doc.Quote) bool {
	before := strings.ToLower(strings.TrimSpace(text[max(0, q.Start-12):q.Start]))
	for _, w := range []string{"titled", "entitled", "called", "dubbed", "named", "headlined"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	words := strings.Fields(strings.ToLower(text[max(0, q.Start-24):q.Start]))
	if len(words) > 0 && !strings.ContainsAny(text[max(0, q.Start-2):q.Start], ",:") {
		w := words[len(words)-1]
		return titleNouns[w] || w == "chapter"
	}
	return false
}

// codeLine reports whether the line holding byte offset b is a line of
// program code or a shell command, whose quoted strings are nobody's
// words: a string passed to a call ("console.log("Fetch failed!", e);"),
// a statement closed by ");", a command after a "$ " prompt.
func codeLine(text string, b int) bool {
	s := strings.LastIndexByte(text[:b], '\n') + 1
	e := strings.IndexByte(text[b:], '\n')
	if e < 0 {
		e = len(text)
	} else {
		e += b
	}
	line := strings.TrimSpace(text[s:e])
	if strings.HasPrefix(line, "$ ") || strings.HasSuffix(line, ");") || strings.HasSuffix(line, ") {") {
		return true
	}
	for i := 1; i+1 < len(line); i++ {
		// a call: a name glued to "(" and a string ("alert("...")")
		if line[i] == '(' && (line[i+1] == '"' || line[i+1] == '\'') {
			c := line[i-1]
			if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				return true
			}
		}
	}
	return false
}

// namesThingAfter: a quote of a few words between a determiner or a
// possessive and a noun for a policy, a law or a campaign is that thing's
// name ("the military's former “don't ask, don't tell” policy", "the
// “stand your ground” law"), not words spoken there. Its inside must not
// close a sentence.
func namesThingAfter(text string, q doc.Quote) bool {
	inner := strings.TrimRight(text[q.Start:q.End], "\"”’'»")
	if inner == "" || strings.ContainsAny(inner[len(inner)-1:], ".!?") || moreWordsThan(inner, 8) {
		return false
	}
	after := strings.Fields(text[q.End:min(len(text), q.End+30)])
	if len(after) == 0 || !namedThingNouns[strings.Trim(after[0], ".,;:")] {
		return false
	}
	before := strings.Fields(text[max(0, q.Start-40):q.Start])
	if len(before) == 0 {
		return false
	}
	for k := len(before) - 1; k >= 0 && k >= len(before)-2; k-- {
		if w := strings.ToLower(before[k]); determiners[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return true // "the", "the military's former"
		}
	}
	return false
}

// namedThingNouns follow the name of a thing in quote marks.
var namedThingNouns = wordSet("policy policies law laws rule rules campaign campaigns program programme programs slogan doctrine bill act agenda plan strategy movement initiative provision clause")

// epithet: a quote in parentheses right after a name is what the name is
// called ("Edward Bernays (“the father of public relations”)"), not what
// it said.
func epithet(text string, q doc.Quote) bool {
	if nicknameInName(text, q) {
		return true
	}
	before := strings.TrimRight(text[max(0, q.Start-40):q.Start], " ")
	if !strings.HasSuffix(before, "(") || !strings.HasPrefix(strings.TrimLeft(text[q.End:min(len(text), q.End+4)], " "), ")") {
		return false
	}
	words := strings.Fields(strings.TrimSuffix(before, "("))
	if len(words) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[len(words)-1])
	return unicode.IsUpper(r)
}

// nicknameInName: a quote between the parts of a name (Jean-Claude
// “When things get tough you have to lie” Juncker) is what the person is
// called, not words spoken there; a quote that closes a sentence or a
// clause inside its marks does not stand there.
func nicknameInName(text string, q doc.Quote) bool {
	if q.Start < 2 || q.End+2 > len(text) || text[q.Start-1] != ' ' || text[q.End] != ' ' {
		return false
	}
	inner := strings.TrimRight(text[q.Start:q.End], "\"”’'»")
	if inner == "" || strings.ContainsAny(inner[len(inner)-1:], ".,!?;:") {
		return false
	}
	words := strings.Fields(text[max(0, q.Start-30) : q.Start-1])
	if len(words) == 0 {
		return false
	}
	prev := words[len(words)-1]
	next, _ := utf8.DecodeRuneInString(text[q.End+1:])
	first, _ := utf8.DecodeRuneInString(prev)
	last, _ := utf8.DecodeLastRuneInString(prev)
	return unicode.IsUpper(first) && unicode.IsLetter(last) && unicode.IsUpper(next) && len(words) > 1 && !strings.ContainsAny(words[len(words)-2][len(words[len(words)-2])-1:], ".!?")
}

// isRelay: "according to X" and "citing X" attribute a whole sentence to a
// relay; such a source does not speak the quotes around it.
func isRelay(a *claimtrail.Attribution) bool {
	if a.Cue == nil {
		return false
	}
	c := lowerOf(a.Cue.Text)
	return strings.HasPrefix(c, "according to") || c == "citing" || c == "cited"
}

// relayedPerson reports whether a relay names a person who is no outlet
// ("The problem, according to Mr Lane, is ... Mr Blair himself. “I have a
// new slogan ...”"): the quote standing alone after it goes on with that
// person, where one after "according to The Independent" or "according
// to police" has no speaker from it.
func relayedPerson(a *claimtrail.Attribution) bool {
	return a.Speaker.Kind == claimtrail.SpeakerPerson && !outletName(a.Speaker.Name) && (a.Source == nil || !outletName(trimArticle(a.Source.Text)))
}

// isQuestion reports whether a reports a question ("X was asked by Y if
// ...", "Y asked whether ..."): the quote after it is the answer, not the
// asker's words, so it does not lead into a quote standing alone. A
// question put in the asker's own words after it ("X asked some leading
// questions:") still does.
func isQuestion(a *claimtrail.Attribution) bool {
	if a.Cue == nil || len(a.Content) == 0 || !cueLemmaIn(a.Cue.Text, questionVerbs) {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimLeft(a.Content[0].Text, " “\"'‘"), " ")
	return questionOpeners[strings.ToLower(first)]
}

var (
	questionVerbs   = wordSet("ask question quiz query wonder")
	questionOpeners = wordSet("if whether why how what who whom when where which about")
)

// nestedAll reports for each attribution whether its cue lies inside
// another attribution's content ("X claims that the ministry is helping
// Y"), relays' contents aside. The contents are sorted by start with a
// running maximum of their ends (and the best end of any other
// attribution than the one holding the maximum), so that each cue costs a
// binary search.
func nestedAll(atts []claimtrail.Attribution) []bool {
	type piece struct{ start, end, owner int }
	var ps []piece
	for j := range atts {
		if isRelay(&atts[j]) {
			continue
		}
		for _, p := range atts[j].Content {
			ps = append(ps, piece{p.Start, p.End, j})
		}
	}
	sort.Slice(ps, func(a, b int) bool { return ps[a].start < ps[b].start })
	// best[k]: the largest end among ps[:k+1] and its owner; other[k]: the
	// largest end among ps[:k+1] owned by someone else
	type run struct{ best, owner, other int }
	runs := make([]run, len(ps))
	cur := run{best: -1, owner: -1, other: -1}
	for k, p := range ps {
		switch {
		case p.end > cur.best:
			if p.owner != cur.owner {
				cur.other = cur.best
			}
			cur.best, cur.owner = p.end, p.owner
		case p.owner != cur.owner && p.end > cur.other:
			cur.other = p.end
		}
		runs[k] = cur
	}
	out := make([]bool, len(atts))
	for i := range atts {
		c := atts[i].Cue
		if c == nil {
			continue
		}
		k := sort.Search(len(ps), func(k int) bool { return ps[k].start > c.Start }) - 1
		if k < 0 {
			continue
		}
		end := runs[k].best
		if runs[k].owner == i {
			end = runs[k].other
		}
		out[i] = end >= c.End
	}
	return out
}

// coverage returns whether a byte range lies inside some found
// attribution's content piece or source: the spans sorted by start with a
// running maximum of their ends, one binary search a query.
func coverage(d *doc.Doc, found []attribute.Found) func(s, e int) bool {
	type span struct{ start, end int }
	var spans []span
	for _, f := range found {
		for _, p := range f.Pieces {
			if !p.Empty() {
				spans = append(spans, span{d.Tokens[p.Start].Start, d.Tokens[p.End-1].End})
			}
		}
		if !f.Source.Empty() {
			spans = append(spans, span{d.Tokens[f.Source.Start].Start, d.Tokens[f.Source.End-1].End})
		}
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].start < spans[b].start })
	maxEnd := make([]int, len(spans))
	for k, sp := range spans {
		maxEnd[k] = sp.end
		if k > 0 {
			maxEnd[k] = max(maxEnd[k], maxEnd[k-1])
		}
	}
	return func(s, e int) bool {
		k := sort.Search(len(spans), func(k int) bool { return spans[k].start > s }) - 1
		if k < 0 {
			return false
		}
		// (a piece that stops short of the quote's last period and marks
		// covers it: the quote is no second attribution)
		return maxEnd[k] >= e || maxEnd[k] > s && onlyClosing(d.Text[maxEnd[k]:e])
	}
}

// onlyClosing reports whether t holds only spaces, closing punctuation
// and quote marks.
func onlyClosing(t string) bool {
	for _, r := range t {
		switch r {
		case ' ', '.', ',', '!', '?', ';', ':', '"', '\'', '”', '’', '»':
		default:
			return false
		}
	}
	return true
}

// paraOf finds the paragraph holding code-point offset off.
func paraOf(d *doc.Doc, runes *doc.Runes, off int) int {
	k := sort.Search(len(d.Paras), func(i int) bool { return runes.At(d.Paras[i].End) > off })
	return min(k, len(d.Paras)-1)
}

// kindOf: direct when every piece is a whole quote, mixed when a piece
// contains a quote of three or more words, else indirect.
//
// Quotes are sorted by start, so only those starting inside a piece are
// looked at (all of them for every piece made this quadratic).
func kindOf(d *doc.Doc, pieces []attribute.Range) claimtrail.Kind {
	direct, mixed := len(pieces) > 0, false
	for _, p := range pieces {
		if p.Empty() {
			continue
		}
		first, last := d.Tokens[p.Start], d.Tokens[p.End-1]
		whole := isBlock(d, p)
		k := sort.Search(len(d.Quotes), func(k int) bool { return d.Quotes[k].Start >= first.Start })
		for ; k < len(d.Quotes) && d.Quotes[k].Start < last.End; k++ {
			q := d.Quotes[k]
			if q.Depth == 0 && q.Start == first.Start && (q.End == last.End || q.End == d.Tokens[max(p.End-2, p.Start)].End) {
				whole = true
			}
			if !mixed && q.End <= last.End && wordsAtLeast(d.Text[q.Start:q.End], 3) {
				mixed = true
			}
			if mixed && q.Start > first.Start {
				break // nothing more to learn from this piece
			}
		}
		if !whole {
			direct = false
		}
	}
	switch {
	case direct:
		return claimtrail.KindDirect
	case mixed:
		return claimtrail.KindMixed
	}
	return claimtrail.KindIndirect
}

// wordsAtLeast reports whether s has n or more words (white-space
// separated, as strings.Fields splits), reading no further than
// it must.
func wordsAtLeast(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			if words++; words >= n {
				return true
			}
		}
		in = !space
	}
	return false
}

// confidence maps the model's margins to (0,1): a logistic squash of the
// weakest of the cue score and the span margins.
func confidence(f attribute.Found) float64 {
	m := f.CueScore
	if f.ContentMargin < m {
		m = f.ContentMargin
	}
	if !f.Source.Empty() && f.SourceMargin < m {
		m = f.SourceMargin
	}
	return float64(int(1000*squash(float64(m))+0.5)) / 1000
}

func squash(x float64) float64 {
	// margins are in perceptron units; about 5 is already a clear win
	return 1 / (1 + math.Exp(-x/3))
}

// dropCredits removes attributions found in bylines and photo credits
// ("By Jane Roe, Staff Writer", "Photo: Jo Bloggs Reuters", "Ann Smith
// Getty Images"): short one-line paragraphs that are no sentence.
//
// Each paragraph is judged once (a long paragraph of many cues is not
// re-read per cue), and isCredit reads no more than a dozen words of it.
func dropCredits(d *doc.Doc, found []attribute.Found) []attribute.Found {
	out := found[:0]
	lastPara, lastCredit := -1, false
	for _, f := range found {
		pi := d.Sents[d.Tokens[f.Cue.Start].Sent].Para
		if pi != lastPara {
			p := d.Paras[pi]
			lastPara, lastCredit = pi, isCredit(d.Text[p.Start:p.End])
		}
		if !lastCredit {
			out = append(out, f)
		}
	}
	return out
}

var creditWords = []string{"getty images", "reuters", "associated press", "afp", "epa", "shutterstock", "ap photo", "bloomberg", "staff writer", "staff reporter", "correspondent", "contributor"}

func isCredit(p string) bool {
	p = strings.TrimSpace(p)
	// the word count first: it stops after eleven words, where looking
	// for a line break would read the whole paragraph
	if moreWordsThan(p, 10) || strings.ContainsRune(p, '\n') {
		return false
	}
	lp := strings.ToLower(p)
	for _, pre := range []string{"by ", "photo", "image", "credit", "picture", "pictured", "illustration", "video:"} {
		if strings.HasPrefix(lp, pre) {
			return true
		}
	}
	for _, w := range creditWords {
		if strings.HasSuffix(lp, w) || strings.Contains(lp, w+" ") && !strings.ContainsAny(p, ".!?") {
			return true
		}
	}
	return false
}

// moreWordsThan reports whether s has more than n space-separated words,
// reading no further than it must.
func moreWordsThan(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if !space && !in {
			if words++; words > n {
				return true
			}
		}
		in = !space
	}
	return false
}

// title is the first paragraph when it reads like a headline: a single
// line, no final period, reasonably short.
func title(d *doc.Doc) string {
	if len(d.Paras) < 2 {
		return ""
	}
	p := d.Paras[0]
	t := strings.TrimSpace(d.Text[p.Start:p.End])
	if strings.ContainsRune(t, '\n') || len(t) > 300 || strings.HasSuffix(t, ".") {
		return ""
	}
	return t
}
