package claimtrail

// SpeakerDescription is a speaker the article only describes with common
// nouns ("analysts", "the company", "the report", "critics"): who it is
// cannot be told beyond the article, so two articles' "analysts" are not
// one speaker. Stores keep such speakers with their attribution and never
// merge them across articles.
const SpeakerDescription SpeakerKind = "description"
