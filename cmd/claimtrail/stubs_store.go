package main

// Placeholders; delete this file when the real commands exist.

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
