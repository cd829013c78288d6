// cpio.js - an initramfs made in the page: the example modules and user
// programs the student ticks, packed into one cpio archive in the "newc"
// format, which v86 hands the kernel as its initrd.
//
// v86's multiboot loader passes one module, without a name, so the files
// travel as Linux's do: in an archive whose entries carry their names.
// mm386's fs/initramfs.c unpacks it into ramfs; it loads the .ko files at
// boot and keeps the programs for the shell's `run`.  The bytes are the
// same as tools/mkinitramfs.py writes for the same files (test_web.py
// compares them).
//
// An entry is a 110-byte header of 8-digit hexadecimal fields after the
// magic "070701" (inode, mode, uid, gid, nlink, mtime, file size, four
// device numbers, name size, check), the name with its NUL, padding to a
// multiple of 4, the data, padding again.  "TRAILER!!!" ends the archive.

const encoder = new TextEncoder();
const hex8 = (n) => n.toString(16).toUpperCase().padStart(8, "0");
const padding = (n) => new Uint8Array((4 - (n % 4)) % 4);

function entry(name, data, mode, ino) {
  const nameBytes = encoder.encode(name + "\0");
  const fields = [ino, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0];
  const head = encoder.encode("070701" + fields.map(hex8).join(""));
  return [head, nameBytes, padding(head.length + nameBytes.length), data, padding(data.length)];
}

// files: [{name, data: Uint8Array, mode}] -> the archive, a Uint8Array.
export function cpioArchive(files) {
  const parts = [];
  files.forEach((f, i) => parts.push(...entry(f.name, f.data, f.mode, 721 + i)));
  parts.push(...entry("TRAILER!!!", new Uint8Array(0), 0, 0));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const MODE_PROGRAM = 0o100755;
export const MODE_FILE = 0o100644;
