package extract

import "testing"

// TestDescriptionAfterAName: a source the model took as the description
// after a name ("Dana Whitcombe, a fund manager at Larkspur Capital
// said") is the person named; not when the name is no subject ("Asked
// about Dana Whitcombe, a fund manager ... said") or a place ("In New
// Zealand, some economists").
func TestDescriptionAfterAName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a name before the description", "Port deal\n\nShares in the port operator rose on Monday. However, Dana Whitcombe, a fund manager at Larkspur Capital said taking the stake \"is a bold move\".\n", "said", "Dana Whitcombe"},
		{"a name after a preposition", "Port deal\n\nShares in the port operator rose on Monday. Asked about Dana Whitcombe, a fund manager at Larkspur Capital said taking the stake \"is a bold move\".\n", "said", "fund manager at Larkspur Capital"},
		{"a place", "Growth\n\nThe storm hit the coast. In New Zealand, some economists have said that as much as 1% of growth may be lost.\n", "have said", "some economists"},
	})
}

// TestAddresseeThenChannel: whom words were told and how ("warned staff
// in a memo that") are no part of what was said.
func TestAddresseeThenChannel(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"in a memo", "Audit\n\nThe water commissioner warned staff in a memo that the audit will be painful.\n", "warned", "The water commissioner", "that the audit will be painful"},
		{"in an email", "Audit\n\nThe club's chairman told members in an email that the ground would be sold.\n", "told", "The club's chairman", "that the ground would be sold"},
	})
}

// TestOfficeNamedByItsOwner: "the Water Regulator's Office" is one
// organisation, not "Office".
func TestOfficeNamedByItsOwner(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a spokesman for it", "Leak inquiry\n\nResidents complained about the leak. A spokesman for the Water Regulator's Office said it was examining one complaint.\n", "said", "Water Regulator's Office"},
		{"as the subject", "Leak inquiry\n\nResidents complained about the leak. The Water Regulator's Office said it was examining one complaint.\n", "said", "Water Regulator's Office"},
	})
}

// TestToldNamesWhomNotWho: the words after "told" are whom words were
// told, never the speaker, even after a subject with a clause of its own
// or a quote.
func TestToldNamesWhomNotWho(t *testing.T) {
	speakerOfContent(t, "Selection row\n\nTory MP Alan Pike has been deselected by his local party. The MP, who is consulting his lawyers, told BBC News: \"They selected me and they can dispose of me.\"\n",
		"They selected me", "Alan Pike")
	speakerOfContent(t, "Marathon\n\nCoach Mary Hobbs backed her runner. \"She is just doing what she wants to do,\" Hobbs told BBC Sport.\n",
		"doing what she wants", "Mary Hobbs")
}
