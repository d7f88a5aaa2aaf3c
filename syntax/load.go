package syntax

import (
	_ "embed"
	"fmt"
	"os"
	"sync"
	"weak"
)

// The shipped models, trained by Train from PolNeAR train (CoreNLP silver
// annotations) and committed under syntax/models.
var (
	//go:embed models/pos.model.gz
	embeddedTagger []byte
	//go:embed models/ner.model.gz
	embeddedEntity []byte
	//go:embed models/dep.model.gz
	embeddedParser []byte
)

// ModelBytes returns the embedded model file of the given name ("pos",
// "ner" or "dep"; nil for another), so that the extractor's version can
// be derived from the models it uses and changes with any retraining.
// The slice is shared: it must not be modified.
func ModelBytes(name string) []byte {
	switch name {
	case "pos":
		return embeddedTagger
	case "ner":
		return embeddedEntity
	case "dep":
		return embeddedParser
	}
	return nil
}

// The models are decoded once and shared while in use: they are
// read-only, so one instance serves every goroutine. The caches hold
// them weakly, so that a process done with extraction gets their memory
// back (the tagger is 19 MB live, which an ingest's clustering step
// otherwise carries to its peak, doubled by the collector's goal); a
// model loaded again after that is decoded again.
var (
	loadTagger = sharedModel[Tagger]{decode: func() (*Tagger, error) { return decodeTagger(embeddedTagger) }}
	loadEntity = sharedModel[EntityTagger]{decode: func() (*EntityTagger, error) { return decodeEntityTagger(embeddedEntity) }}
	loadParser = sharedModel[Parser]{decode: func() (*Parser, error) { return decodeParser(embeddedParser) }}
)

// sharedModel is a decoded model held by a weak pointer: the one
// instance while anything holds it, decoded again when nothing did.
type sharedModel[T any] struct {
	mu     sync.Mutex
	p      weak.Pointer[T]
	decode func() (*T, error)
}

func (s *sharedModel[T]) get() (*T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v := s.p.Value(); v != nil {
		return v, nil
	}
	v, err := s.decode()
	if err != nil {
		return nil, err
	}
	s.p = weak.Make(v)
	return v, nil
}

// LoadTagger returns the embedded POS tagger.
func LoadTagger() (*Tagger, error) {
	t, err := loadTagger.get()
	if err != nil {
		return nil, fmt.Errorf("load embedded POS tagger: %w", err)
	}
	return t, nil
}

// LoadEntityTagger returns the embedded named-entity tagger.
func LoadEntityTagger() (*EntityTagger, error) {
	e, err := loadEntity.get()
	if err != nil {
		return nil, fmt.Errorf("load embedded entity tagger: %w", err)
	}
	return e, nil
}

// LoadParser returns the embedded dependency parser.
func LoadParser() (*Parser, error) {
	p, err := loadParser.get()
	if err != nil {
		return nil, fmt.Errorf("load embedded parser: %w", err)
	}
	return p, nil
}

// ReadTaggerFile, ReadEntityTaggerFile and ReadParserFile load models
// written by Train (e.g. to try a retrained model without rebuilding).
func ReadTaggerFile(path string) (*Tagger, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	return decodeTagger(data)
}

func ReadEntityTaggerFile(path string) (*EntityTagger, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read entity tagger: %w", err)
	}
	return decodeEntityTagger(data)
}

func ReadParserFile(path string) (*Parser, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	return decodeParser(data)
}
