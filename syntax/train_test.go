package syntax

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/shareddata"
)

// The tests in this file are development helpers for the full PolNeAR
// data, skipped unless an environment variable asks for them:
//   SYNTAX_TRAIN=1        train each model alone and report dev scores
//                         (SYNTAX_SMALL=1: parser on 5,000 sentences)
//   SYNTAX_TAG_SWEEP=1    tagger dev accuracy over dictionary/pruning settings
//   SYNTAX_TRAIN_OUT=dir  run Train, writing the model files into dir
//   SYNTAX_PARSER_FILE=f  score a parser file on dev with predicted tags
//   SYNTAX_PRUNE_FILE=f   re-prune a parser file at several thresholds
//                         (with SYNTAX_TAGGER_FILE=tagger file)
//   SYNTAX_TAG_PRUNE=dir  re-prune the shipped tagger at several
//                         thresholds, writing each model file into dir

func TestTrainTaggerDev(t *testing.T) {
	if os.Getenv("SYNTAX_TRAIN") == "" {
		t.Skip("set SYNTAX_TRAIN=1")
	}
	ctx := context.Background()
	train, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "train", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "dev", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	tg, err := trainTagger(ctx, train, defaultTagConfig, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := tg.encode()
	t.Logf("train %s, features %d, dict %d, size %d, dev acc %.2f%%", time.Since(start), tg.model.numFeatures(), len(tg.tagdict), len(data), 100*TagAccuracy(tg, dev))
}

func TestTrainEntityDev(t *testing.T) {
	if os.Getenv("SYNTAX_TRAIN") == "" {
		t.Skip("set SYNTAX_TRAIN=1")
	}
	ctx := context.Background()
	train, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "train", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "dev", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	e, err := trainEntityTagger(ctx, train, func(i int) []string { return train[i].Tags }, defaultEntConfig, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := e.encode()
	t.Logf("train %s, features %d, size %d", time.Since(start), e.model.numFeatures(), len(data))
	for _, sc := range EntityF1(e, nil, dev) {
		t.Logf("%-4s P %.1f R %.1f F1 %.1f (gold %d)", sc.Type, 100*sc.Precision, 100*sc.Recall, 100*sc.F1, sc.Gold)
	}
}

func TestTrainParserDev(t *testing.T) {
	if os.Getenv("SYNTAX_TRAIN") == "" {
		t.Skip("set SYNTAX_TRAIN=1")
	}
	ctx := context.Background()
	train, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "train", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "dev", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := defaultParseConfig
	if os.Getenv("SYNTAX_SMALL") != "" {
		train = train[:5000]
		cfg.epochs = 3
	}
	if e := os.Getenv("SYNTAX_EPOCHS"); e != "" {
		fmt.Sscan(e, &cfg.epochs)
	}
	start := time.Now()
	w, err := trainParserWeights(ctx, train, func(i int) []string { return train[i].Tags }, cfg, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train %s", time.Since(start))
	for _, thr := range []float64{1, 1.5, 2, 3} {
		p := w.parser(thr)
		data, _ := p.encode()
		start := time.Now()
		uas, las := AttachmentScores(p, nil, dev)
		t.Logf("min %g: features %d, label entries %d, size %d, dev UAS %.2f LAS %.2f (silver tags), eval %s", thr, p.model.numFeatures(), len(p.model.lws), len(data), 100*uas, 100*las, time.Since(start))
	}
}

// TestEvalParserFile reports dev scores of the parser in
// $SYNTAX_PARSER_FILE with predicted tags (a development helper).
func TestEvalParserFile(t *testing.T) {
	path := os.Getenv("SYNTAX_PARSER_FILE")
	if path == "" {
		t.Skip("set SYNTAX_PARSER_FILE")
	}
	dev, err := ReadDir(context.Background(), shareddata.Dir(t, "polnear", "dev", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadParserFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := LoadTagger()
	if err != nil {
		t.Fatal(err)
	}
	uas, las := AttachmentScores(p, tagger, dev)
	t.Logf("%s: dev UAS %.2f LAS %.2f (predicted tags)", path, 100*uas, 100*las)
}

// TestTrainAll runs Train on PolNeAR into $SYNTAX_TRAIN_OUT (a development
// helper; the lead wires Train into `claimtrail train`).
func TestTrainAll(t *testing.T) {
	out := os.Getenv("SYNTAX_TRAIN_OUT")
	if out == "" {
		t.Skip("set SYNTAX_TRAIN_OUT=dir")
	}
	start := time.Now()
	err := Train(context.Background(), shareddata.Dir(t, "polnear", "train", "corenlp"), shareddata.Dir(t, "polnear", "dev", "corenlp"), out, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Train took %s", time.Since(start))
}

// TestPruneParserFile re-prunes the parser in $SYNTAX_PARSER_FILE at
// several thresholds and reports size and dev scores (development helper).
func TestPruneParserFile(t *testing.T) {
	path := os.Getenv("SYNTAX_PRUNE_FILE")
	if path == "" {
		t.Skip("set SYNTAX_PRUNE_FILE")
	}
	dev, err := ReadDir(context.Background(), shareddata.Dir(t, "polnear", "dev", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadParserFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := ReadTaggerFile(os.Getenv("SYNTAX_TAGGER_FILE"))
	if err != nil {
		t.Fatal(err)
	}
	for _, thr := range []float64{1, 1.5, 2, 2.5, 3, 4} {
		for _, lthr := range []float64{thr, thr * 2} {
			q := newParser(newParseModel(p.model.moves.pruned(thr), p.model.labels.pruned(lthr)), p.labels)
			data, _ := q.encode()
			uas, las := AttachmentScores(q, tagger, dev)
			t.Logf("moves ≥ %g labels ≥ %g: features %d, size %d, UAS %.2f LAS %.2f", thr, lthr, q.model.numFeatures(), len(data), 100*uas, 100*las)
		}
	}
}

// TestPruneShippedTagger re-prunes the embedded tagger at several weight
// thresholds (training keeps |w| >= 0.5) and reports its size and
// the dev scores of the tagger and of the shipped entity tagger and parser
// on its tags; each pruned model is written into $SYNTAX_TAG_PRUNE
// (pos-<threshold>.model.gz), to be copied into syntax/models and scored
// end to end. A development helper: the entity tagger and the parser were
// trained on fold taggers' tags, which pruning the shipped tagger leaves as
// they were.
func TestPruneShippedTagger(t *testing.T) {
	dir := os.Getenv("SYNTAX_TAG_PRUNE")
	if dir == "" {
		t.Skip("set SYNTAX_TAG_PRUNE=dir")
	}
	dev, err := ReadDir(context.Background(), shareddata.Dir(t, "polnear", "dev", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := decodeTagger(embeddedTagger)
	if err != nil {
		t.Fatal(err)
	}
	_, ner, parser := loadModels(t)
	for _, thr := range []float64{0.8, 0.9, 0.95, 1, 1.5, 2, 3} {
		tg := newTagger(shipped.model.pruned(thr), shipped.tagdict)
		data, err := tg.encode()
		if err != nil {
			t.Fatal(err)
		}
		if err := writeFileAtomic(filepath.Join(dir, fmt.Sprintf("pos-%g.model.gz", thr)), data); err != nil {
			t.Fatal(err)
		}
		ents := EntityF1(ner, tg, dev)
		uas, las := AttachmentScores(parser, tg, dev)
		t.Logf("weights ≥ %g: features %d, weights %d, table %d bytes, file %d bytes; dev POS %.2f%%, NER F1 %.1f, UAS %.2f, LAS %.2f",
			thr, tg.model.numFeatures(), len(tg.model.cls), 4*len(tg.table.dir)+len(tg.table.data), len(data),
			100*TagAccuracy(tg, dev), 100*ents[len(ents)-1].F1, 100*uas, 100*las)
	}
}

// TestTagConfigSweep trains the tagger over a grid of dictionary and
// pruning settings and reports dev accuracy, dictionary coverage and model
// size (a development helper: SYNTAX_TAG_SWEEP=1, ~5 s per setting).
func TestTagConfigSweep(t *testing.T) {
	if os.Getenv("SYNTAX_TAG_SWEEP") == "" {
		t.Skip("set SYNTAX_TAG_SWEEP=1")
	}
	ctx := context.Background()
	train, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "train", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "dev", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	for _, minFreq := range []int{2, 3, 5, 20} {
		for _, share := range []float64{0.95, 0.97, 0.99} {
			for _, minWeight := range []float64{0.5, 1, 1.5, 2} {
				cfg := defaultTagConfig
				cfg.dictMinFreq, cfg.dictMinShare, cfg.minWeight = minFreq, share, minWeight
				tg, err := trainTagger(ctx, train, cfg, io.Discard)
				if err != nil {
					t.Fatal(err)
				}
				in, total := 0, 0
				for i := range dev {
					for _, w := range dev[i].Words {
						if _, ok := tg.tagdict[lex(w).exact]; ok {
							in++
						}
						total++
					}
				}
				t.Logf("dict ≥%d ≥%.2f, weights ≥%g: dev acc %.2f%%, dictionary %d words (%.1f%% of dev tokens), features %d, weights %d, table %d bytes",
					minFreq, share, minWeight, 100*TagAccuracy(tg, dev), len(tg.tagdict), 100*float64(in)/float64(max(total, 1)), tg.model.numFeatures(), len(tg.model.cls), 4*len(tg.table.dir)+len(tg.table.data))
			}
		}
	}
}
