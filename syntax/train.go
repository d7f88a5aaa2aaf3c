package syntax

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Model file names under the output directory of Train (and syntax/models).
const (
	TaggerFile = "pos.model.gz"
	EntityFile = "ner.model.gz"
	ParserFile = "dep.model.gz"
)

// ReadDir reads every *.conllu file of dir in name order. A PolNeAR split
// folder (holding corenlp/) is accepted too.
func ReadDir(ctx context.Context, dir string) ([]Sentence, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(paths) == 0 {
		if sub, _ := filepath.Glob(filepath.Join(dir, "corenlp", "*.conllu")); len(sub) > 0 {
			paths = sub
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no .conllu files in %s", dir)
	}
	slices.Sort(paths)
	var out []Sentence
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		sents, err := ReadCoNLLU(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		out = append(out, sents...)
	}
	return out, nil
}

// TagAccuracy is the share of tokens whose predicted tag equals the gold.
func TagAccuracy(t *Tagger, sents []Sentence) float64 {
	correct, total := 0, 0
	var tags []string
	for i := range sents {
		s := &sents[i]
		tags = slices.Grow(tags[:0], s.Len())[:s.Len()]
		t.Tag(s.Words, tags)
		for j := range tags {
			if tags[j] == s.Tags[j] {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

func elapsed(start time.Time) string { return time.Since(start).Round(time.Millisecond).String() }

// TrainOptions tunes Train; the zero value means the defaults.
type trainOptions struct {
	// jackknifeFolds > 1 trains the entity tagger and parser on POS tags
	// predicted by taggers that did not see the sentence (k-fold), so they
	// learn from the kind of tags they get at run time; 0 uses silver tags.
	jackknifeFolds int
	tagger         tagTrainConfig
	entity         entTrainConfig
	parser         parseTrainConfig
}

var defaultTrainOptions = trainOptions{
	jackknifeFolds: 5,
	tagger:         defaultTagConfig,
	entity:         defaultEntConfig,
	parser:         defaultParseConfig,
}

// Train trains the POS tagger, the entity tagger and the dependency parser
// from the CoreNLP CoNLL-U files in trainDir (PolNeAR's train/corenlp, or
// train itself), reports accuracy on devDir (skipped when devDir is ""),
// and writes the three model files (TaggerFile, EntityFile, ParserFile) into
// outDir, logging progress to log. Training is deterministic: the same data
// gives byte-identical files. It takes about six minutes on one core; to
// ship new models, write them into syntax/models and rebuild.
func Train(ctx context.Context, trainDir, devDir, outDir string, log io.Writer) error {
	if log == nil {
		log = io.Discard
	}
	train, err := ReadDir(ctx, trainDir)
	if err != nil {
		return fmt.Errorf("train syntax: %w", err)
	}
	var dev []Sentence
	if devDir != "" {
		if dev, err = ReadDir(ctx, devDir); err != nil {
			return fmt.Errorf("train syntax: %w", err)
		}
	}
	fmt.Fprintf(log, "syntax: %d training sentences, %d dev sentences\n", len(train), len(dev))
	files, err := trainAll(ctx, train, dev, defaultTrainOptions, log)
	if err != nil {
		return fmt.Errorf("train syntax: %w", err)
	}
	for _, name := range []string{TaggerFile, EntityFile, ParserFile} {
		path := filepath.Join(outDir, name)
		if err := writeFileAtomic(path, files[name]); err != nil {
			return fmt.Errorf("train syntax: %w", err)
		}
		fmt.Fprintf(log, "syntax: wrote %s (%d bytes)\n", path, len(files[name]))
	}
	return nil
}

// trainAll trains the three models and returns their encoded files by name.
func trainAll(ctx context.Context, train, dev []Sentence, opt trainOptions, log io.Writer) (map[string][]byte, error) {
	files := map[string][]byte{}
	start := time.Now()
	tagger, err := trainTagger(ctx, train, opt.tagger, log)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "tagger: trained in %s, %d features, %d dictionary words\n", elapsed(start), tagger.model.numFeatures(), len(tagger.tagdict))
	if len(dev) > 0 {
		fmt.Fprintf(log, "tagger: dev accuracy %.2f%%\n", 100*TagAccuracy(tagger, dev))
	}
	if files[TaggerFile], err = tagger.encode(); err != nil {
		return nil, err
	}

	tags := make([][]string, len(train))
	if opt.jackknifeFolds > 1 {
		start = time.Now()
		if err := jackknifeTags(ctx, train, tags, opt, log); err != nil {
			return nil, err
		}
		fmt.Fprintf(log, "jackknife: %d folds in %s\n", opt.jackknifeFolds, elapsed(start))
	} else {
		for i := range train {
			tags[i] = train[i].Tags
		}
	}
	tagsOf := func(i int) []string { return tags[i] }

	start = time.Now()
	ent, err := trainEntityTagger(ctx, train, tagsOf, opt.entity, log)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "ner: trained in %s, %d features\n", elapsed(start), ent.model.numFeatures())
	if len(dev) > 0 {
		for _, sc := range EntityF1(ent, tagger, dev) {
			name := sc.Type
			if name == "" {
				name = "all"
			}
			fmt.Fprintf(log, "ner: dev %-4s P %.1f R %.1f F1 %.1f (%d gold)\n", name, 100*sc.Precision, 100*sc.Recall, 100*sc.F1, sc.Gold)
		}
	}
	if files[EntityFile], err = ent.encode(); err != nil {
		return nil, err
	}

	start = time.Now()
	parser, err := trainParser(ctx, train, tagsOf, opt.parser, log)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "parser: trained in %s, %d features\n", elapsed(start), parser.model.numFeatures())
	if len(dev) > 0 {
		uas, las := AttachmentScores(parser, tagger, dev)
		fmt.Fprintf(log, "parser: dev UAS %.2f%% LAS %.2f%% (predicted tags)\n", 100*uas, 100*las)
	}
	if files[ParserFile], err = parser.encode(); err != nil {
		return nil, err
	}
	return files, nil
}

// jackknifeTags fills tags[i] for every training sentence with the tags of
// a tagger trained on the other folds (fold = sentence index mod k).
func jackknifeTags(ctx context.Context, train []Sentence, tags [][]string, opt trainOptions, log io.Writer) error {
	k := opt.jackknifeFolds
	for fold := range k {
		var rest []Sentence
		for i := range train {
			if i%k != fold {
				rest = append(rest, train[i])
			}
		}
		t, err := trainTagger(ctx, rest, opt.tagger, io.Discard)
		if err != nil {
			return err
		}
		// score with the perceptron's general table (float sums), as the
		// fold taggers of the shipped entity tagger and parser did: the
		// tagTable's int16 weights would tag a few words differently and
		// those models would not come out byte for byte the same
		t.table = nil
		correct, total := 0, 0
		for i := fold; i < len(train); i += k {
			tags[i] = make([]string, train[i].Len())
			t.Tag(train[i].Words, tags[i])
			for j, tg := range tags[i] {
				if tg == train[i].Tags[j] {
					correct++
				}
				total++
			}
		}
		fmt.Fprintf(log, "jackknife: fold %d accuracy %.2f%%\n", fold+1, 100*float64(correct)/float64(max(total, 1)))
	}
	return nil
}
