package main

// Placeholders for commands not yet written; each moves to its own
// cmd_*.go file when implemented (and is deleted from here).

import "errors"

var errNotYet = errors.New("not implemented yet")

type EvalCmd struct{}

func (c *EvalCmd) Run() error { return errNotYet }

type TrainCmd struct{}

func (c *TrainCmd) Run() error { return errNotYet }

type BenchCmd struct{}

func (c *BenchCmd) Run() error { return errNotYet }

type IngestCmd struct{}

func (c *IngestCmd) Run() error { return errNotYet }

type ReindexCmd struct{}

func (c *ReindexCmd) Run() error { return errNotYet }

type QuotesCmd struct{}

func (c *QuotesCmd) Run() error { return errNotYet }

type SearchCmd struct{}

func (c *SearchCmd) Run() error { return errNotYet }

type SpeakersCmd struct{}

func (c *SpeakersCmd) Run() error { return errNotYet }

type ShowCmd struct{}

func (c *ShowCmd) Run() error { return errNotYet }

type StatsCmd struct{}

func (c *StatsCmd) Run() error { return errNotYet }

type ErrorsCmd struct{}

func (c *ErrorsCmd) Run() error { return errNotYet }

type ExportCmd struct{}

func (c *ExportCmd) Run() error { return errNotYet }

type ClustersCmd struct{}

func (c *ClustersCmd) Run() error { return errNotYet }

type TrailCmd struct{}

func (c *TrailCmd) Run() error { return errNotYet }

type ServeCmd struct{}

func (c *ServeCmd) Run() error { return errNotYet }

type DemoCmd struct{}

func (c *DemoCmd) Run() error { return errNotYet }
