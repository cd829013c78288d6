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
