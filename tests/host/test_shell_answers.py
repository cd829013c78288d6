"""The shell's answers: $_, what it handed out, and plain words for flags.

$_ is the last address the shell printed, so a session written down in the
docs ("kmalloc 100", then "v2p $_") can be typed as written on any build.
The free commands refuse to free a live object, area or block that the
shell did not hand out (the kernel's own, a module's), name its cache and
allocator as well as the kernel knows them, and take -f to do it anyway;
what is not live still goes to the allocator, whose checks report it.
"""
import re

import qemu
from test_modules import build_module, source_dir

HEX = r"0x([0-9a-f]+)"


def test_answer_is_the_last_address_printed(shell):
    sh = shell()
    assert sh.run("v2p $_").startswith("$_, $pfn: no address printed yet")
    out = sh.run("kmalloc 100")
    addr = re.search(rf"= {HEX} phys", out).group(1)
    assert sh.run("echo $_") == f"0x{addr}\n"
    assert sh.run("echo $pfn") == f"pfn:{(int(addr, 16) - 0xc0000000) >> 12:#x}\n"
    walk = sh.run("v2p $_")
    assert walk.startswith(f"virtual 0x{addr}: lowmem (direct map)"), walk
    assert "page:" in sh.run("page $_")
    assert sh.run("kfree $_") == f"kfree(0x{addr}): done\n"
    out = sh.run("vmalloc 8192")
    va = re.search(rf"= {HEX} \(2 pages\)", out).group(1)
    assert sh.run("echo $_") == f"0x{va}\n"
    assert sh.run("vfree $_") == f"vfree(0x{va}): done\n"
    assert sh.poweroff() == qemu.STATUS_OK


def test_flags_may_be_written_with_spaces_around_the_bar(shell):
    sh = shell()
    out = sh.run("kmalloc 100 GFP_ATOMIC | __GFP_ZERO")
    assert re.search(r"^kmalloc\(100, GFP_ATOMIC\|__GFP_ZERO\) = 0x", out, re.M), out
    assert sh.run("kfree $_").endswith(": done\n")
    assert sh.poweroff() == qemu.STATUS_OK


def test_highuser_pages_say_which_zone_served_them(shell):
    sh = shell(mem=160)
    out = sh.run("alloc_pages 3 GFP_HIGHUSER")
    assert re.search(r"^alloc_pages: GFP_HIGHUSER asks for HighMem first, but this machine "
                     r"has none .*: zone Normal served it$", out, re.M), out
    assert sh.run("free_pages $_ 3").endswith(": done\n")
    assert sh.poweroff() == qemu.STATUS_OK
    sh = shell(mem=2048)
    out = sh.run("alloc_pages 3 GFP_HIGHUSER")
    assert "zone HighMem" in out and "asks for HighMem first" not in out, out
    assert sh.run("echo $_").startswith("pfn:0x")
    out = sh.run("kmap $pfn")
    assert re.search(r"^kmap\(pfn 0x[0-9a-f]+\) = 0xff[89a-f][0-9a-f]{5} \(pkmap slot", out), out
    assert sh.run("echo $_").startswith("0xff")      # the mapped address now
    assert sh.run("kunmap $pfn").startswith("kunmap(pfn ")
    assert sh.run("free_pages $pfn 3").endswith(": done\n")
    assert sh.poweroff() == qemu.STATUS_OK


def test_what_the_shell_did_not_hand_out_is_refused_without_f(shell):
    ko = build_module(source_dir("mem_module"))
    sh = shell(initrd=[ko], params="slab_debug=U")
    page, kmem, vmem = (re.search(rf"^{n}mem addr={HEX}", sh.boot, re.M).group(1)
                        for n in ("page", "kmalloc", "vmalloc"))
    before = sh.run("slabinfo")
    out = sh.run(f"kfree 0x{kmem}")
    assert out.startswith(f"kfree: 0x{kmem} is a live object of cache kmalloc-128, which the "
                          "shell did not hand out\n"), out
    # mem_module_init is __init code, gone once init returned: %pS can then
    # only print its address (as Linux's does), inside the module's area.
    caller = int(re.search(r"^kfree: it was allocated by 0x([0-9a-f]+)$", out, re.M).group(1), 16)
    assert "kfree -f ... does it anyway" in out
    out = sh.run(f"vfree 0x{vmem}")
    # 100000 bytes are 25 pages, and the guard page makes 26.
    assert f"vfree: 0x{vmem} is a vmalloc area of 106496 bytes (guard page included)" in out, out
    vcaller = int(re.search(r"^vfree: it was allocated by 0x([0-9a-f]+)$", out, re.M).group(1), 16)
    assert abs(vcaller - caller) < 0x1000       # both in mem_module_init
    out = sh.run(f"free_pages 0x{page} 0")
    assert "an allocated page block, which the shell did not hand out" in out, out
    # Nothing was freed.
    assert sh.run("slabinfo") == before
    assert re.search(rf"^0x{vmem}-0x[0-9a-f]+ +106496 .* pages=25 vmalloc$", sh.run("vmallocinfo"),
                     re.M)
    # -f frees it: the module's own kfree at rmmod is then a double free,
    # which the allocator reports: the reason the shell asks first.
    assert sh.run(f"kfree -f 0x{kmem}") == f"kfree(0x{kmem}): done\n"
    out = sh.run("rmmod mem_module")
    assert f"double free of 0x{kmem}" in out or "Object already free" in out, out
    assert sh.poweroff() == qemu.STATUS_OK


def test_a_double_free_still_reaches_the_allocator(shell):
    sh = shell()
    sh.run("kmalloc 64")
    assert sh.run("kfree $_").endswith(": done\n")
    out = sh.run("kfree $_")
    assert "Object already free" in out and "refused (see the report above)" in out, out
    assert sh.poweroff() == qemu.STATUS_OK


def test_ktest_in_the_shell_marks_the_errors_it_provokes(shell):
    sh = shell()
    out = sh.run("ktest lib")
    refusals = out.index('Malformed kernel parameter "size=12Q"')
    note = out.index("param_parsing: expected: the next 5 lines are refusals provoked on purpose")
    assert note < refusals, out
    out = sh.run("ktest nosuch")
    assert "not ok 1 nosuch # no such test suite" in out
    valid = re.search(r"^# valid suites: (.*)$", out, re.M)
    assert valid and {"buddy", "lib", "slab"} <= set(valid.group(1).split()), out
    out = sh.run("ktest buddy")
    assert re.search(r"# \w+: the \d+ reports? above (was|were) provoked on purpose, as expected",
                     out), out[-3000:]
    assert sh.poweroff() == qemu.STATUS_OK
