#!/usr/bin/env python3
"""tools/mkinitramfs.py - write an initramfs: a cpio archive in the "newc"
format, as Linux's usr/gen_init_cpio and `cpio -o -H newc` write it
(include/linux/initramfs.h draws the format; fs/initramfs.c reads it).

    tools/mkinitramfs.py OUT FILE[=NAME]...

Each FILE becomes a regular file called NAME (default: its base name) in
the archive, mode 0755 if FILE is executable, else 0644; a NAME with
slashes ("bin/hello") gets its directories first, as `find | cpio` would
list them.  --crc writes the "070702" variant, whose c_check is the sum of
the data's bytes.  Every time and owner is 0, so the same files make the
same archive, byte for byte.

mm386 unpacks it into ramfs at boot: its programs wait for the shell's
`run` (or rdinit=PROG), its .ko files are loaded at the end of boot.

    make initramfs U="mallocdemo hold"       # build/initramfs.cpio
    make run INITRAMFS=1 U="mallocdemo hold" # boot with it

The functions are also what the tests use to write broken archives.
"""
import argparse
import os
import stat
import sys

TRAILER = "TRAILER!!!"


def pad4(data):
    return data + b"\0" * (-len(data) % 4)


def header(name, size, mode, ino, nlink=1, check=0, magic="070701", namesize=None):
    """The 110-byte header, the name and the padding that follows it."""
    name_bytes = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, nlink, 0, size, 0, 0, 0, 0,
              len(name_bytes) if namesize is None else namesize, check]
    return pad4(magic.encode() + b"".join(b"%08X" % f for f in fields) + name_bytes)


def entry(name, data=b"", mode=0o100644, ino=0, crc=False):
    """One entry: header, name, data, each padded to 4 bytes."""
    check = sum(data) & 0xffffffff if crc else 0
    return header(name, len(data), mode, ino, nlink=2 if stat.S_ISDIR(mode) else 1,
                  check=check, magic="070702" if crc else "070701") + pad4(data)


def trailer(crc=False):
    return entry(TRAILER, b"", 0, 0, crc)


def archive(files, crc=False):
    """files: [(name, data, mode)] -> the archive's bytes, with its trailer.
    Missing parent directories of a name with slashes come first."""
    out, seen, ino = [], set(), 721      # gen_init_cpio's first inode number
    for name, data, mode in files:
        parts = name.strip("/").split("/")
        for i in range(1, len(parts)):
            d = "/".join(parts[:i])
            if d not in seen:
                seen.add(d)
                out.append(entry(d, b"", 0o040755, ino, crc))
                ino += 1
        out.append(entry(name.strip("/"), data, mode, ino, crc))
        ino += 1
    return b"".join(out) + trailer(crc)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("files", nargs="*", metavar="FILE[=NAME]")
    ap.add_argument("--crc", action="store_true", help='write "070702" archives (with c_check)')
    args = ap.parse_args()
    files = []
    for spec in args.files:
        path, eq, name = spec.partition("=")
        if not os.path.isfile(path):
            sys.exit(f"mkinitramfs: {path}: no such file")
        with open(path, "rb") as f:
            data = f.read()
        mode = 0o100755 if os.access(path, os.X_OK) else 0o100644
        files.append((name if eq else os.path.basename(path), data, mode))
    data = archive(files, args.crc)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
