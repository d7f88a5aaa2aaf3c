package syntax

import (
	_ "embed"
	"fmt"
	"os"
	"sync"
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

// The models are decoded once and shared: they are read-only, so one
// instance serves every goroutine.
var (
	loadTagger = sync.OnceValues(func() (*Tagger, error) { return decodeTagger(embeddedTagger) })
	loadEntity = sync.OnceValues(func() (*EntityTagger, error) { return decodeEntityTagger(embeddedEntity) })
	loadParser = sync.OnceValues(func() (*Parser, error) { return decodeParser(embeddedParser) })
)

// LoadTagger returns the embedded POS tagger.
func LoadTagger() (*Tagger, error) {
	t, err := loadTagger()
	if err != nil {
		return nil, fmt.Errorf("load embedded POS tagger: %w", err)
	}
	return t, nil
}

// LoadEntityTagger returns the embedded named-entity tagger.
func LoadEntityTagger() (*EntityTagger, error) {
	e, err := loadEntity()
	if err != nil {
		return nil, fmt.Errorf("load embedded entity tagger: %w", err)
	}
	return e, nil
}

// LoadParser returns the embedded dependency parser.
func LoadParser() (*Parser, error) {
	p, err := loadParser()
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
