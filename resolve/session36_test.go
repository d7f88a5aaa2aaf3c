package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestFirmByFullOrList: a lone word the article also writes before a
// business's last word ("Norvex Communications", "Tallis Securities"),
// or in a list after a plural of firms ("electronics giants Norvex and
// Tallis", "Makers such as Norvex and Tallis"), is a body's, not a
// person's. Near misses: a surname before "Foundation" (a person's
// name names many), and a list after a plural for people ("producers
// Norvex and Brandt").
func TestFirmByFullOrList(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the full name", "Bid\n\nThe offer came after Norvex Communications raised its bid. Norvex said the board had refused a deal.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerOrganization},
		{"two words then the tail", "Bid\n\nShares of Tallis Home Securities rose 3%. Tallis said talks had begun.",
			[]string{"Tallis"}, []int{1}, "Tallis", claimtrail.SpeakerOrganization},
		{"a list after firms", "Screens\n\nElectronics giants Norvex and Tallis are joining forces. Tallis recently announced a deal to buy a plant.",
			[]string{"Tallis"}, []int{1}, "Tallis", claimtrail.SpeakerOrganization},
		{"such as", "Jets\n\nMakers such as Norvex, Brisk and Tallis expect orders. Tallis announced a deal with a supplier.",
			[]string{"Tallis"}, []int{1}, "Tallis", claimtrail.SpeakerOrganization},
		// near misses
		{"a foundation", "Gift\n\nThe Norvex Foundation gave money to the school. Norvex said the gift was a start.",
			[]string{"Norvex"}, []int{1}, "Norvex", claimtrail.SpeakerPerson},
		{"people in a list", "Film\n\nThe film, by producers Norvex and Brandt, opens in May. Brandt recently announced a deal to make a sequel.",
			[]string{"Brandt"}, []int{1}, "Brandt", claimtrail.SpeakerPerson},
	})
}
