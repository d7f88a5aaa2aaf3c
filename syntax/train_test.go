package syntax

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/shareddata"
)

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
	tp, classes, labels, err := trainParserWeights(ctx, train, func(i int) []string { return train[i].Tags }, cfg, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train %s", time.Since(start))
	for _, thr := range []float64{0.5, 1, 2, 3, 5, 8} {
		p := newParser(tp.average(classes, thr), labels)
		data, _ := p.encode()
		os.WriteFile(fmt.Sprintf("/tmp/dep-%g.model.gz", thr), data, 0o644)
		start := time.Now()
		uas, las := AttachmentScores(p, nil, dev)
		t.Logf("min %g: features %d, entries %d, size %d, dev UAS %.2f LAS %.2f (silver tags), eval %s", thr, p.model.numFeatures(), len(p.model.cls), len(data), 100*uas, 100*las, time.Since(start))
	}
}

// TestWriteTaggerModels writes freshly trained tagger and entity models to
// $SYNTAX_OUT (a development helper; Train writes all three).
func TestWriteTaggerModels(t *testing.T) {
	out := os.Getenv("SYNTAX_OUT")
	if out == "" {
		t.Skip("set SYNTAX_OUT=dir")
	}
	ctx := context.Background()
	train, err := ReadDir(ctx, shareddata.Dir(t, "polnear", "train", "corenlp"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := trainTagger(ctx, train, defaultTagConfig, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := tg.encode()
	writeFileAtomic(out+"/"+TaggerFile, data)
	e, err := trainEntityTagger(ctx, train, func(i int) []string { return train[i].Tags }, defaultEntConfig, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	data, _ = e.encode()
	writeFileAtomic(out+"/"+EntityFile, data)
}
