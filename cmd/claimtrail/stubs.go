package main

import "errors"

// errNotYet is returned by commands that are not written yet.
var errNotYet = errors.New("not implemented yet")
