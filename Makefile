# ITSS O&M capability suite: the two commands users need (see README.md).
.PHONY: run test test-upstream lint bench

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

# The modules we extend must keep passing their own tests with the suite installed.
test-upstream:
	bash scripts/test_upstream.sh

bench:
	bash scripts/bench.sh
