#!/bin/bash
# Print the accuracy bars a rule must keep, for one build of claimtrail:
# BASIL dev (found, verbatim, named persons), PolNeAR dev exact F1 (stances
# view), the seed article's reference answer, and the three hand-judged
# label files over real pages. Development aid, not run by CI.
#
#   go build -o /tmp/ct ./cmd/claimtrail
#   scripts/audit/bars.sh /tmp/ct [PAGES]
#
# PAGES is the folder of go-readability's test pages copied as NAME.html
# (default /tmp/pages); D is ../shared/data unless set.
set -u
B=${1:?usage: bars.sh BINARY [PAGES]}
PAGES=${2:-/tmp/pages}
cd "$(dirname "$0")/../.."
D=${D:-../shared/data}
echo "== BASIL dev"
"$B" eval basil "$D/basil/dev" 2>&1 | sed -n '1,7p'
echo "== PolNeAR dev (exact)"
"$B" eval polnear "$D/polnear/dev" 2>&1 | grep -E '^ +(source|cue|content) +exact'
echo "== seed"
"$B" eval expected "$D/seed/helsinki-midterms.expected.json" 2>&1 | head -1
for f in labels labels-wider labels-features; do
	echo "== judged $f"
	"$B" eval judged "testdata/judged/$f.tsv" "$PAGES" 2>&1 | grep -E '^(judged|precision)'
done
