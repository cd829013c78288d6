"""tools/check_cost.py, the price of each slab misuse check: its source
edits still apply to the tree, taking a check out really takes
instructions out of kmalloc()+kfree(), and docs/performance.md's table is
the tool's, for the kernel that docs/bench.json measured."""
import json
import os
import subprocess
import sys

import qemu

TOOL = ["/usr/bin/python3", "tools/check_cost.py"]


def run(*args):
    return subprocess.run(TOOL + list(args), cwd=qemu.ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=600)


def test_every_check_edit_applies_to_the_tree():
    r = run("--verify")
    assert r.returncode == 0, r.stdout
    assert "all 6 edits apply, alone and together" in r.stdout


def test_show_prints_the_edit_and_rejects_an_unknown_check():
    r = run("--show", "interior")
    assert r.returncode == 0, r.stdout
    assert "-\treturn !(off % s->size || off / s->size >= s->num ||" in r.stdout
    r = run("--show", "nosuch")
    assert r.returncode != 0 and "no check 'nosuch'" in r.stdout


def test_an_unknown_check_or_compiler_is_refused_by_name():
    r = run("--only", "interior,nosuch")
    assert r.returncode != 0 and "no check 'nosuch'" in r.stdout, r.stdout
    r = run("--cc", "gcc,tcc")
    assert r.returncode != 0 and "no compiler 'tcc': gcc, clang" in r.stdout, r.stdout
    r = run("--update-docs", "--cc", "gcc")
    assert r.returncode != 0 and "every check with both compilers" in r.stdout, r.stdout


def test_taking_the_interior_pointer_check_out_costs_fewer_instructions(tmp_path):
    out = tmp_path / "cost.json"
    r = run("--cc", "gcc", "--only", "interior", "--json", str(out))
    assert r.returncode == 0, r.stdout
    table = json.loads(out.read_text())
    assert set(table) == {"(none)", "interior"}
    base, without = table["(none)"]["gcc"], table["interior"]["gcc"]
    # the div and its two compares are gone from kfree()
    assert without["kmalloc(100)+kfree"] < base["kmalloc(100)+kfree"]
    assert without["fix_size zeroed"] < base["fix_size zeroed"]


def test_docs_table_is_rendered_from_saved_results_of_todays_kernel():
    # docs/performance.md's table is what the tool renders from
    # docs/check_cost.json (make docs writes both), and its "(none)" row is
    # the kernel that docs/bench.json measured: a change to the kernel's
    # figures without a new make docs fails here.
    sys.path.insert(0, os.path.join(qemu.ROOT, "tools"))
    import check_cost
    table = json.load(open(check_cost.JSON))
    bench = json.load(open(os.path.join(qemu.ROOT, "docs", "bench.json")))
    assert list(table) == ["(none)"] + [c[0] for c in check_cost.CHECKS] + ["all"]
    m = check_cost.MARK.search(open(check_cost.DOC).read())
    assert m and m.group(2) == check_cost.render_markdown(table) + "\n"
    for cc in ("gcc", "clang"):
        assert table["(none)"][cc] == {
            "kmalloc(100)+kfree": bench[cc]["all"]["ops"]["kmalloc_100"],
            "fix_size zeroed": bench[cc]["test_vmalloc"]["ops"]["test_vmalloc_fix_size"]}
