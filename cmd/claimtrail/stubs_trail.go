package main

// Placeholders; delete this file when the real commands exist.

type ClustersCmd struct{}

func (c *ClustersCmd) Run() error { return errNotYet }

type TrailCmd struct{}

func (c *TrailCmd) Run() error { return errNotYet }
