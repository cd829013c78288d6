"""The browser playground (make web): Debian's chromium, driven by
playwright-core, boots mm386 in v86 and checks the terminal and the
pictures (tests/web/playground.mjs).  Here: build the site, serve it the
way `make serve` does (python3 -m http.server), run the script with node.
Its screenshots are kept in build/web-test/ as artefacts."""
import os
import socket
import subprocess
import time

import pytest

import qemu

WEB = os.path.join(qemu.BUILD, "web")
ARTEFACTS = os.path.join(qemu.BUILD, "web-test")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site():
    subprocess.run(["make", "-s", "-C", qemu.ROOT, f"O={qemu.BUILD}", "web"], check=True)
    port = free_port()
    server = subprocess.Popen(["/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1",
                               "--directory", WEB, str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_site_is_complete_and_relative(site):
    for f in ["index.html", "main.js", "pictures.js", "tour.js", "cpio.js", "style.css",
              "manifest.json", "kernel.elf", "v86/libv86.esm.js", "v86/v86.wasm",
              "xterm/xterm.esm.js", "xterm/xterm.css", "bios/bios.bin", "bios/vgabios-stdvga.bin",
              "modules/mem_module.ko", "user/mallocdemo", "user/hold"]:
        assert os.path.getsize(os.path.join(WEB, f)) > 0, f
    for f in ["index.html", "main.js", "pictures.js", "tour.js", "cpio.js"]:
        text = open(os.path.join(WEB, f)).read()
        for bad in ['src="/', 'href="/', 'fetch("/', "cdn", "unpkg", "jsdelivr"]:
            assert bad not in text, f"{f}: {bad}"


def test_manifest_offers_modules_and_programs(site):
    """Every example module and every user program, each with the first
    sentence of its comment, and the files the page fetches are there."""
    import json
    m = json.load(open(os.path.join(WEB, "manifest.json")))
    programs = {p["name"]: p for p in m["programs"]}
    users = sorted(f[:-2] for f in os.listdir(os.path.join(qemu.ROOT, "user")) if f.endswith(".c"))
    assert sorted(programs) == users
    assert programs["mallocdemo"]["description"] == "the articles' comparison, from user space."
    assert programs["hold"]["file"] == "user/hold"
    assert {"mem_module", "cache_module", "kmap_module"} <= {x["name"] for x in m["modules"]}
    for item in m["modules"] + m["programs"]:
        assert os.path.isfile(os.path.join(WEB, item["file"])), item


def test_page_archive_is_mkinitramfs_archive(site, tmp_path):
    """web/cpio.js writes, byte for byte, the archive tools/mkinitramfs.py
    writes for the same files (which the kernel's tests unpack)."""
    import sys
    sys.path.insert(0, os.path.join(qemu.ROOT, "tools"))
    import mkinitramfs
    files = [("mem_module.ko", open(os.path.join(WEB, "modules/mem_module.ko"), "rb").read(), 0o100644),
             ("hello_raw", open(os.path.join(WEB, "user/hello_raw"), "rb").read(), 0o100755),
             ("odd", b"abcde", 0o100644)]
    script = tmp_path / "cpio.mjs"
    script.write_text(
        "import fs from 'node:fs';\n"
        f"import {{ cpioArchive }} from {json_str(os.path.join(WEB, 'cpio.js'))};\n"
        "const files = JSON.parse(process.argv[2]).map(([name, path, mode]) =>\n"
        "  ({ name, mode, data: path ? new Uint8Array(fs.readFileSync(path)) : new TextEncoder().encode('abcde') }));\n"
        "process.stdout.write(Buffer.from(cpioArchive(files)));\n")
    arg = [["mem_module.ko", os.path.join(WEB, "modules/mem_module.ko"), 0o100644],
           ["hello_raw", os.path.join(WEB, "user/hello_raw"), 0o100755], ["odd", None, 0o100644]]
    import json
    out = subprocess.run(["node", str(script), json.dumps(arg)], stdout=subprocess.PIPE,
                         check=True).stdout
    assert out == mkinitramfs.archive(files)


def json_str(s):
    import json
    return json.dumps(s)


def test_the_playground_in_chromium(site):
    t0 = time.time()
    p = subprocess.run(["timeout", "120", "node",
                        os.path.join(qemu.ROOT, "tests", "web", "playground.mjs"), site, ARTEFACTS],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    took = time.time() - t0
    assert p.returncode == 0, p.stdout[-6000:]
    assert "0 failed" in p.stdout, p.stdout[-6000:]
    assert took < 60, f"the browser test took {took:.0f} s"
    for png in ["playground-160mb.png", "playground-2048mb.png"]:
        assert os.path.getsize(os.path.join(ARTEFACTS, png)) > 10000


def test_screenshot_keeps_the_same_picture_and_takes_a_changed_one(tmp_path):
    """tools/png_same.mjs: a picture whose only difference is rows of text
    moved one pixel (chromium's rounding, run to run) is the same picture,
    so make docs leaves docs/images/playground.png alone; one changed pixel,
    or a row moved two pixels, is a new picture.  The decoder reads the
    committed screenshot, and the PNGs zlib writes with each filter."""
    script = tmp_path / "same.mjs"
    script.write_text(
        "import fs from 'node:fs';\n"
        "import zlib from 'node:zlib';\n"
        f"import {{ decodePng, samePicture }} from {json_str(os.path.join(qemu.ROOT, 'tools', 'png_same.mjs'))};\n"
        "const W = 40, H = 30;\n"
        "// A white picture with a few lines of 'text' (grey runs), each at a row.\n"
        "function picture(lines, poke) {\n"
        "  const rows = [];\n"
        "  for (let y = 0; y < H; y++) rows.push(Buffer.alloc(W * 3, 255));\n"
        "  for (const [y, x0] of lines)\n"
        "    for (let x = x0; x < x0 + 12; x++) rows[y].fill(40 + 10 * (x % 5), x * 3, x * 3 + 3);\n"
        "  if (poke) rows[poke[0]][poke[1] * 3] = 0;\n"
        "  return rows;\n"
        "}\n"
        "// The same picture as a PNG, every row with PNG filter @f.\n"
        "function png(rows, f) {\n"
        "  const chunk = (t, b) => { const h = Buffer.alloc(8); h.writeUInt32BE(b.length); h.write(t, 4, 'latin1');\n"
        "    return Buffer.concat([h, b, Buffer.alloc(4)]); };\n"
        "  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4);\n"
        "  ihdr[8] = 8; ihdr[9] = 2;\n"
        "  const raw = [];\n"
        "  rows.forEach((r, y) => { const out = Buffer.alloc(r.length); const up = rows[y - 1] || Buffer.alloc(r.length);\n"
        "    for (let x = 0; x < r.length; x++) { const a = x >= 3 ? r[x - 3] : 0, b = up[x], c = x >= 3 ? up[x - 3] : 0;\n"
        "      const e = a + b - c, pa = Math.abs(e - a), pb = Math.abs(e - b), pc = Math.abs(e - c);\n"
        "      const p = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][f];\n"
        "      out[x] = (r[x] - p) & 255; }\n"
        "    raw.push(Buffer.from([f]), out); });\n"
        "  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),\n"
        "    chunk('IDAT', zlib.deflateSync(Buffer.concat(raw))), chunk('IEND', Buffer.alloc(0))]);\n"
        "}\n"
        "const base = picture([[5, 3], [12, 20], [20, 8]]);\n"
        "const res = {};\n"
        "for (let f = 0; f < 5; f++)\n"
        "  res['filter' + f] = decodePng(png(base, f)).rows.every((r, y) => r.equals(base[y]));\n"
        "const d = (rows) => decodePng(png(rows, 4));\n"
        "res.identical = samePicture(d(base), d(base));\n"
        "res.moved = samePicture(d(base), d(picture([[6, 3], [12, 20], [19, 8]])));\n"
        "res.moved2 = samePicture(d(base), d(picture([[7, 3], [12, 20], [20, 8]])));\n"
        "res.poked = samePicture(d(base), d(picture([[5, 3], [12, 20], [20, 8]], [25, 30])));\n"
        "res.sideways = samePicture(d(base), d(picture([[5, 4], [12, 20], [20, 8]])));\n"
        "const shot = decodePng(fs.readFileSync(process.argv[2]));\n"
        "res.committed = [shot.width, shot.height, samePicture(shot, shot)];\n"
        "console.log(JSON.stringify(res));\n")
    import json
    out = subprocess.run(["node", str(script), os.path.join(qemu.ROOT, "docs", "images", "playground.png")],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert out.returncode == 0, out.stdout
    res = json.loads(out.stdout)
    assert all(res[f"filter{f}"] for f in range(5)), res
    assert res["identical"] and res["moved"], res
    assert not res["moved2"] and not res["poked"] and not res["sideways"], res
    assert res["committed"] == [1600, 1000, True]
