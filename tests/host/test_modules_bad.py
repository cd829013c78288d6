"""Bad modules: every kind of broken .ko file (a bad header, bad sections,
symbols and relocations, a module too big, unknown symbols, an init that
fails, the same module twice, a blacklisted one) is refused in one line
that names the module and the problem, and leaves nothing behind: free
pages, page tables and vmalloc areas are counted before and after.  The
good modules and the loader's other paths: test_modules.py."""
import os
import re
import shutil
import struct

import pytest

from test_modules import ko  # noqa: F401 (the fixture)
from test_modules import sections, boot, loaded, vmallocinfo, proc_modules, same_as_blacklisted, NOT_LOADED_RE


def section(data, name):
    return next(s for s in sections(data) if s[1] == name)


def put(data, off, fmt, *values):
    struct.pack_into(fmt, data, off, *values)
    return data


def first_global_symbol(data):
    """(offset of its Elf32_Sym, index, name) of the first global symbol."""
    sym = next(s for s in sections(data) if s[2] == 2)
    strtab = sections(data)[sym[5]][3]
    for i in range(sym[4] // 16):
        st_name, _, _, info, _, shndx = struct.unpack_from("<IIIBBH", data, sym[3] + 16 * i)
        if info >> 4 == 1 and shndx != 0:
            return sym[3] + 16 * i, i, data[strtab + st_name:data.index(b"\0", strtab + st_name)].decode()
    raise AssertionError("no global symbol")


def set_reloc(data, r_offset=None, r_sym=None, r_type=None):
    """Change the first relocation of .rel.init.text."""
    rel = section(data, ".rel.init.text")[3]
    off, info = struct.unpack_from("<II", data, rel)
    off = off if r_offset is None else r_offset
    info = ((info >> 8 if r_sym is None else r_sym) << 8) | (info & 0xff if r_type is None else r_type)
    return put(data, rel, "<II", off, info)


def corrupt_symbol(field):
    def fn(d):
        off, i, name = first_global_symbol(d)
        if field == "shndx":
            return put(d, off + 14, "<H", 500)
        return put(d, off, "<I", 0x7fffffff)
    return fn


def set_section(name, field, value):
    """Set a field of section @name's header (by its Elf32_Shdr offset)."""
    offsets = {"type": 4, "size": 20, "link": 24, "align": 32, "entsize": 36}

    def fn(d):
        sec = section(d, name) if not name.startswith("type:") else \
            next(s for s in sections(d) if s[2] == int(name[5:]))
        return put(d, sec[0] + offsets[field], "<I", value)
    return fn


def reloc_symbol_in(secname):
    """Move the symbol of .rel.init.text's first relocation into @secname."""
    def fn(d):
        rel = section(d, ".rel.init.text")
        symsec = next(s for s in sections(d) if s[2] == 2)
        symidx = struct.unpack_from("<I", d, rel[3] + 4)[0] >> 8
        index = [s[1] for s in sections(d)].index(secname)
        return put(d, symsec[3] + 16 * symidx + 14, "<H", index)
    return fn


def set_init_symbol(shndx=None, value=None, into=None):
    """Move mem_module's init_module symbol: to section index @shndx, or
    into the section named @into, or to offset @value (past its end when
    @value is "end")."""
    def fn(d):
        symsec = next(s for s in sections(d) if s[2] == 2)
        strtab = sections(d)[symsec[5]][3]
        for i in range(symsec[4] // 16):
            off = symsec[3] + 16 * i
            st_name, st_value, _, _, _, st_shndx = struct.unpack_from("<IIIBBH", d, off)
            if d[strtab + st_name:d.index(b"\0", strtab + st_name)] != b"init_module":
                continue
            index = [s[1] for s in sections(d)].index(into) if into else shndx
            if index is not None:
                put(d, off + 14, "<H", index)
            if value == "end":
                put(d, off + 4, "<I", sections(d)[st_shndx][4] + 0x40)
            elif value is not None:
                put(d, off + 4, "<I", value)
            return d
        raise AssertionError("no init_module symbol")
    return fn


def modinfo_name(d):
    i = d.index(b"name=mem_module")
    d[i + len("name=mem")] = ord("/")
    return d


# (file name, corruption of mem_module.ko, the message after "module NAME: ")
CORRUPTIONS = [
    ("bad_magic", lambda d: put(d, 3, "B", ord("G")),
     r"not an ELF file \(magic 7f 45 4c 47, expected 7f 45 4c 46\)"),
    ("bad_class", lambda d: put(d, 4, "B", 2),
     r"not a 32-bit ELF file \(class 2, ELFCLASS64, expected ELFCLASS32 = 1\)"),
    ("bad_endian", lambda d: put(d, 5, "B", 2),
     r"not little-endian \(data encoding 2, ELFDATA2MSB, expected ELFDATA2LSB = 1\)"),
    ("bad_machine", lambda d: put(d, 18, "<H", 62),
     r"built for machine 62 \(x86-64\), not for i386 \(EM_386 = 3\)"),
    ("bad_type", lambda d: put(d, 16, "<H", 2),
     r"not relocatable: e_type 2 \(ET_EXEC, an executable\); a module is ET_REL = 1, made by ld -r"),
    ("bad_shoff", lambda d: put(d, 32, "<I", len(d) + 64),
     r"section header table \(offset \d+, \d+ entries\) lies outside the file \(\d+ bytes\)"),
    ("truncated", lambda d: d[:len(d) * 2 // 3],
     r"section header table \(offset \d+, \d+ entries\) lies outside the file \(\d+ bytes\)"),
    ("tiny", lambda d: d[:20],
     r"truncated: 20 bytes, smaller than an ELF header \(52 bytes\)"),
    ("bad_shstrndx", lambda d: put(d, 50, "<H", 999),
     r"section name table index 999 out of range \(\d+ sections\)"),
    ("bad_secname", lambda d: put(d, sections(d)[1][0], "<I", 0x7fffffff),
     r"section 1: name offset 2147483647 is outside the section name table \(\d+ bytes\)"),
    ("bad_secoffset", lambda d: put(d, section(d, ".init.text")[0] + 16, "<I", len(d)),
     r"section \d+ \(\.init\.text\) at offset \d+, \d+ bytes, lies outside the file \(\d+ bytes\)"),
    ("no_symtab", lambda d: put(d, next(s for s in sections(d) if s[2] == 2)[0] + 4, "<I", 1),
     r"no symbol table \(stripped\?\)"),
    ("bad_symshndx", corrupt_symbol("shndx"),
     r"symbol \d+ \(\w+\): section index 500 out of range \(\d+ sections\)"),
    ("bad_symname", corrupt_symbol("name"),
     r"symbol \d+: name offset 2147483647 is outside the string table \(\d+ bytes\)"),
    ("rela", lambda d: put(d, section(d, ".rel.init.text")[0] + 4, "<I", 4),
     r"\.rel\.init\.text: RELA relocations are not used on i386 \(only REL\)"),
    ("bad_relsym", lambda d: set_reloc(d, r_sym=0xffff),
     r"\.rel\.init\.text: relocation 0 refers to symbol 65535, the symbol table has \d+"),
    ("bad_reloffset", lambda d: set_reloc(d, r_offset=0x10000),
     r"\.rel\.init\.text: relocation 0 patches offset 0x10000, outside \.init\.text \(\d+ bytes\)"),
    ("bad_shentsize", lambda d: put(d, 46, "<H", 32),
     r"section headers of 32 bytes, expected 40"),
    ("no_sections", lambda d: put(d, 48, "<H", 0),
     r"0 sections: mm386 loads 1 to 65279"),
    ("two_symtabs", set_section(".comment", "type", 2),
     r"two symbol tables \(sections \d+ and \d+\)"),
    ("bad_align", set_section(".init.text", "align", 3),
     r"section \d+ \(\.init\.text\): alignment 3 is not a power of two up to 4096"),
    ("bad_symentsize", set_section("type:2", "entsize", 12),
     r"symbol table of \d+ bytes with entries of 12 bytes, expected 16"),
    ("strtab_no_nul", lambda d: put(d, section(d, ".strtab")[3] + section(d, ".strtab")[4] - 1, "B", 0x78),
     r"the symbol string table \(section \d+\) is not a string table inside the file"),
    ("bad_rellink", set_section(".rel.init.text", "link", 5),
     r"relocation section \d+ \(\.rel\.init\.text\): patches section \d+ with symbol table 5 "
     r"\(\d+ sections, symbols in \d+\)"),
    ("bad_relentsize", set_section(".rel.init.text", "entsize", 12),
     r"\.rel\.init\.text: entries of 12 bytes, expected 8"),
    ("bad_modname", modinfo_name,
     r"bad character 0x2f in the module name in \.modinfo"),
    ("common_symbol", lambda d: put(d, first_global_symbol(d)[0] + 14, "<H", 0xfff2),
     r"common symbol \w+: compile with -fno-common"),
    ("huge_bss", set_section(".bss", "size", 0x7fffffff),
     r"section \.bss of 2147483647 bytes: the module would need more than 64 MB"),
    ("reloc_to_comment", reloc_symbol_in(".comment"),
     r"\.init\.text\+0x[0-9a-f]+ refers to \w+ in section \.comment, which is not loaded"),
    # init_module and cleanup_module are called: they must lie inside the image
    ("init_in_comment", set_init_symbol(into=".comment"),
     r"init_module is in section \.comment, which is not loaded; not called"),
    ("init_absolute", set_init_symbol(shndx=0xfff1, value=0xc0100000),
     r"init_module is an absolute symbol \(0xc0100000\), outside the module's image; not called"),
    ("init_past_end", set_init_symbol(value="end"),
     r"init_module is at offset 0x[0-9a-f]+, past the end of section \.init\.text \(\d+ bytes\); not called"),
    ("init_in_data", set_init_symbol(into=".bss"),
     r"init_module is in section \.bss, which holds no code; not called"),
    ("bad_reltype", lambda d: set_reloc(d, r_type=10),
     r"unsupported relocation type 10 \(R_386_GOTPC\) at \.init\.text\+0x[0-9a-f]+ "
     r"\(mm386 handles R_386_32, R_386_PC32, R_386_PLT32\)"),
]

# Refused before .modinfo is read: the message names the file's module name.
EARLY = {"bad_magic", "bad_class", "bad_endian", "bad_machine", "bad_type", "bad_shoff",
         "truncated", "tiny", "bad_shstrndx", "bad_secname", "bad_secoffset", "no_symtab",
         "bad_symshndx", "bad_symname", "rela", "bad_relsym", "bad_reloffset", "bad_shentsize",
         "no_sections", "two_symtabs", "bad_align", "bad_symentsize", "strtab_no_nul", "bad_rellink",
         "bad_relentsize", "bad_modname"}


def check_refused(log, files, errno, leaked_nothing=True):
    """The accounting line of each refused file; returns them."""
    lines = NOT_LOADED_RE.findall(log)
    assert [(os.path.basename(l[0]), l[1]) for l in lines] == [(os.path.basename(f), errno) for f in files], \
        log[-3000:]
    for l in lines:
        assert l[2] == l[3] and l[4] == l[5] and l[6] == "nothing leaked", l
    return lines


@pytest.mark.parametrize("fname,corrupt,message", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_bad_elf_file_is_refused(ko, tmp_path, fname, corrupt, message):
    data = corrupt(bytearray(open(ko["mem_module"], "rb").read()))
    path = str(tmp_path / f"{fname}.ko")
    with open(path, "wb") as f:
        f.write(data)
    log = boot([path], "dump=vmallocinfo,modules,meminfo,layout").log
    name = fname if fname in EARLY else "mem_module"
    errors = re.findall(r"^module \w+: .*$", log, re.M)
    errors = [e for e in errors if not e.startswith("module: ")]
    assert len(errors) == 1 and re.fullmatch(rf"module {name}: {message}", errors[0]), errors
    check_refused(log, [path], "-ENOEXEC")
    assert vmallocinfo(log) == [] and proc_modules(log) == []
    assert "pagemem addr=" not in log
    if fname not in EARLY:      # refused after its memory was allocated
        same_as_blacklisted([path], "mem_module", log)


def test_module_bigger_than_free_ram_is_refused(ko, tmp_path):
    """A .bss of 60 MB at -m 32: refused before any vmalloc() is tried."""
    data = set_section(".bss", "size", 60 << 20)(bytearray(open(ko["mem_module"], "rb").read()))
    path = str(tmp_path / "big_bss.ko")
    with open(path, "wb") as f:
        f.write(data)
    log = boot([path], "dump=vmallocinfo,modules", mem=32).log
    assert re.search(r"^module mem_module: needs 614\d\d kB, more than the \d+ kB of free RAM$", log, re.M)
    assert not re.search(r"^(WARNING|BUG)", log, re.M)
    check_refused(log, [path], "-ENOMEM")
    assert vmallocinfo(log) == [] and proc_modules(log) == []


def test_unknown_symbols_are_each_named(ko):
    initrd = [ko["unknown_sym_module"]]
    log = boot(initrd, "dump=vmallocinfo,modules,meminfo,layout").log
    assert re.findall(r"^module unknown_sym_module: unknown symbol (\w+) \(not exported by the kernel\)$",
                      log, re.M) == ["no_such_function", "mm_init"]
    assert "module unknown_sym_module: 2 unknown symbols" in log
    check_refused(log, initrd, "-ENOENT")
    assert vmallocinfo(log) == [] and proc_modules(log) == []
    same_as_blacklisted(initrd, "unknown_sym_module", log)


def test_init_error_unloads_the_module(ko):
    initrd = [ko["bad_init_module"]]
    log = boot(initrd, "dump=vmallocinfo,modules,meminfo,layout").log
    assert "bad_init_module: init takes memory, gives it back, and fails" in log
    assert re.search(r"^module bad_init_module: init (bad_init_init|init_module) returned -EINVAL; "
                     r"unloading it \(its exit function is not run\)$", log, re.M)
    assert "exit ran" not in log
    check_refused(log, initrd, "-EINVAL")
    assert vmallocinfo(log) == [] and proc_modules(log) == []
    same_as_blacklisted(initrd, "bad_init_module", log)


def test_same_module_twice_is_refused(ko, tmp_path):
    again = str(tmp_path / "mem_module_again.ko")
    shutil.copy(ko["mem_module"], again)
    log = boot([ko["mem_module"], again], "dump=modules").log
    start = loaded(log)["mem_module"][0]
    assert re.search(rf"^module mem_module: already loaded \(at 0x{start:08x}\); not loaded again$",
                     log, re.M)
    check_refused(log, [again], "-EEXIST")
    assert [m[0] for m in proc_modules(log)] == ["mem_module"]
    assert len(re.findall(r"^pagemem addr=", log, re.M)) == 1


def test_blacklisted_module_is_not_loaded(ko):
    log = boot([ko["mem_module"]], "module_blacklist=cache_module,mem_module dump=modules").log
    assert "Module mem_module is blacklisted" in log
    check_refused(log, [ko["mem_module"]], "-EPERM")
    assert proc_modules(log) == []


