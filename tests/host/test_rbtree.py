"""Red-black trees (lib/rbtree.c, tests/kernel/rbtree_test.c): the ktest
suite checks the five properties, the order and the augmented subtree
maximum after every batch of random insertions and erasures."""
import re

RBTREE_CASES = ["empty_and_single", "sorted_insertion_stays_balanced", "random_insert_erase",
                "augmented_subtree_max"]


def test_rbtree_suite(run_ktest):
    r = run_ktest("rbtree")
    suite = r.ktap.suite("rbtree")
    assert [c.name for c in suite.cases] == RBTREE_CASES
    assert all(c.ok and not c.skip for c in suite.cases)
    # 10,000 operations over 600 nodes: both kinds happened, and the count adds up.
    m = re.search(r"^rbtree: (\d+) inserts, (\d+) erases, (\d+) nodes left$", r.log, re.M)
    assert m
    inserts, erases, left = map(int, m.groups())
    assert inserts + erases == 10000 and inserts - erases == left
    assert 0 < left <= 600
