#!/usr/bin/env python3
"""tools/find_dups.py - where does the tree repeat itself?  (`make dups`)

Lists runs of at least N (default 6) lines that appear in two places of
the tracked source files: the same code after white space is folded and
blank lines, comment-only lines and lone braces are skipped.  A row is a
place to look, not a verdict: two copies of one idea want one helper,
two tables that merely look alike may be fine.

    tools/find_dups.py [--min-lines N] [--changed [REV]] [PATH...]

--changed keeps only the runs in which one side has lines changed since
REV (default HEAD: the uncommitted change), which is what to run before a
commit.
"""
import argparse
import collections
import re
import subprocess
import sys

SOURCE = re.compile(r"\.(c|h|asm|inc|S|py|sh|js|mjs|ld)$|(^|/)Makefile$")
SKIP = re.compile(r"^(//.*|/?\*.*|#include.*|import .*|from .* import .*|#(?!define|if|else|endif).*|[{}();,]*|;.*)$")


def tracked(paths):
    out = subprocess.run(["git", "ls-files", "--"] + paths, stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    return [f for f in out.splitlines() if SOURCE.search(f)]


def significant(path):
    """(line number, folded text) of each line that carries code."""
    try:
        text = open(path, errors="replace").read()
    except OSError:
        return []
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        folded = " ".join(line.split())
        if folded and not SKIP.match(folded):
            rows.append((n, folded))
    return rows


def changed_lines(rev):
    """{file: set of line numbers added or changed since @rev}."""
    diff = subprocess.run(["git", "diff", "-U0", rev], stdout=subprocess.PIPE, text=True).stdout
    lines, cur = collections.defaultdict(set), None
    for l in diff.splitlines():
        if l.startswith("+++ "):
            cur = l[6:] if l.startswith("+++ b/") else None
        m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", l)
        if m and cur:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines[cur].update(range(start, start + count))
    for f in subprocess.run(["git", "ls-files", "--others", "--exclude-standard"],
                            stdout=subprocess.PIPE, text=True).stdout.splitlines():
        lines[f].update(range(1, 100000))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-lines", type=int, default=6)
    ap.add_argument("--changed", nargs="?", const="HEAD", metavar="REV")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    n = args.min_lines
    files = {f: significant(f) for f in tracked(args.paths)}
    windows = collections.defaultdict(list)
    for f, rows in files.items():
        for i in range(len(rows) - n + 1):
            key = "\n".join(t for _, t in rows[i:i + n])
            windows[key].append((f, i))
    # Grow each pair of matching windows into the longest run.
    seen, runs = set(), []
    for places in windows.values():
        if len(places) < 2 or len(places) > 8:
            continue
        for a in range(len(places)):
            for b in range(a + 1, len(places)):
                (fa, ia), (fb, ib) = places[a], places[b]
                if (fa, ia, fb, ib) in seen or (fa == fb and abs(ia - ib) < n):
                    continue
                ra, rb, k = files[fa], files[fb], n
                while ia + k < len(ra) and ib + k < len(rb) and ra[ia + k][1] == rb[ib + k][1]:
                    k += 1
                for j in range(k - n + 1):
                    seen.add((fa, ia + j, fb, ib + j))
                runs.append((k, fa, ra[ia][0], ra[ia + k - 1][0], fb, rb[ib][0],
                             rb[ib + k - 1][0]))
    if args.changed:
        ch = changed_lines(args.changed)
        runs = [r for r in runs if any(ch[r[1]] & set(range(r[2], r[3] + 1)) or
                                       ch[r[4]] & set(range(r[5], r[6] + 1)) for _ in [0])]
    runs.sort(key=lambda r: -r[0])
    if not runs:
        print(f"no repeated runs of {n} or more lines in {len(files)} files")
        return 0
    print(f"{len(runs)} repeated runs of {n} or more lines in {len(files)} files:")
    for k, fa, a0, a1, fb, b0, b1 in runs:
        print(f"  {k:3d} lines  {fa}:{a0}-{a1}  ~  {fb}:{b0}-{b1}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
