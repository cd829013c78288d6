# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/mm386_procs.py - GDB commands for user processes (mm386.py
sources this file; it uses mm386.py's helpers).

    mm-ps                 the tasks: PID, parent, state, size, command
    mm-maps PID           /proc/PID/maps, read from the process's VMAs
    mm-v2p PID ADDR       (in mm386.py) the walk through PID's page directory
    mm-pgdcmp PID1 PID2   two page directories side by side: PDEs 768-1023
                          (the kernel's gigabyte) identical, 0-767 each one's own

mm-maps prints what the kernel's /proc/PID/maps prints (fs/proc.c), line
for line; mm-pgdcmp what the shell's pgdcmp prints (shell/procs.c).
"""
import gdb

TASK_INTERRUPTIBLE = 1
EXIT_ZOMBIE = 0x20
VM_READ, VM_WRITE, VM_EXEC, VM_MAYSHARE = 0x1, 0x2, 0x4, 0x80


def tasks():
    """Every task, task 0 first (kernel/sched/core.c's task_list)."""
    return list_for_each_entry(value("task_list"), "struct task_struct", "tasks")


def find_task(cmd, pid):
    for t in tasks():
        if int(t["pid"]) == pid:
            return t
    raise gdb.GdbError("%s: no process %d" % (cmd, pid))


def process_mm(cmd, arg):
    """(task, mm) of the PID in @arg, which must have an address space."""
    t = find_task(cmd, parse_number(cmd, arg, "PID"))
    if not ulong(t["mm"]) or int(t["exit_state"]):
        raise gdb.GdbError("%s: %s[%d] has no user address space"
                           % (cmd, t["comm"].string(), int(t["pid"])))
    return t, t["mm"].dereference()


def vmas(mm):
    return list_for_each_entry(mm["mmap_list"], "struct vm_area_struct", "vm_list")


def vma_label(vma, mm):
    """The last column of a maps line (fs/proc.c's vma_label)."""
    if ulong(vma["vm_file"]):
        return "/" + vma["vm_file"]["name"].string()
    if ulong(vma["vm_ops"]) and ulong(vma["vm_ops"]["name"]):
        return vma["vm_ops"]["name"].string()
    start, end = ulong(vma["vm_start"]), ulong(vma["vm_end"])
    if start <= ulong(mm["brk"]) and end >= ulong(mm["start_brk"]):
        return "[heap]"
    if start <= ulong(mm["start_stack"]) <= end:
        return "[stack]"
    return ""


def vma_ino(vma):
    """The inode number of what @vma maps: its file's, its shared anonymous
    memory's object's (mm/shmem.c: shmem_ino), or 0."""
    if ulong(vma["vm_file"]):
        return ulong(vma["vm_file"]["ino"])
    if ulong(vma["vm_ops"]) == ulong(gdb.parse_and_eval("&shmem_anon_vm_ops")):
        obj = vma["vm_private_data"].cast(gdb.lookup_type("struct shmem_object").pointer())
        return ulong(obj["ino"])
    return 0


def maps_line(vma, mm):
    flags, ino = ulong(vma["vm_flags"]), vma_ino(vma)
    line = "%08x-%08x %s%s%s%s %08x %02x:%02x %d " % (
        ulong(vma["vm_start"]), ulong(vma["vm_end"]),
        "r" if flags & VM_READ else "-", "w" if flags & VM_WRITE else "-",
        "x" if flags & VM_EXEC else "-", "s" if flags & VM_MAYSHARE else "p",
        ulong(vma["vm_pgoff"]) << arch().page_shift if ino else 0, 0, 1 if ino else 0, ino)
    label = vma_label(vma, mm)
    return line.ljust(48) + label if label else line


@register
class Ps(MMCommand):
    """List the tasks, as the shell's ps.
Usage: mm-ps
PID, parent, process group, state (R running or runnable, S sleeping,
Z exited), the size of its VMAs and its resident pages in kB, its page
faults and copy-on-write copies, and its name."""

    name = "mm-ps"

    def run(self, arg):
        out("  PID  PPID  PGID S      VSZ     RSS  MINFLT    COW COMMAND")
        current = ulong(value("current_task"))
        for t in tasks():
            mm = t["mm"]
            vsz = rss = 0
            if ulong(mm):
                vsz = ulong(mm["total_vm"]) * 4
                r = mm["rss_stat"]
                rss = (ulong(r[0]) + ulong(r[1]) + ulong(r[3])) * 4
            if int(t["exit_state"]) == EXIT_ZOMBIE:
                state = "Z"
            elif ulong(t) == current or int(t["__state"]) == 0:
                state = "R"
            else:
                state = "S" if int(t["__state"]) == TASK_INTERRUPTIBLE else "D"
            parent = t["parent"]
            out("%5d %5d %5d %s %8d %7d %7d %6d %s" % (
                int(t["pid"]), int(parent["pid"]) if ulong(parent) else 0, int(t["pgid"]),
                state, vsz, rss, ulong(t["min_flt"]), ulong(t["cow_flt"]),
                t["comm"].string()))


@register
class Maps(MMCommand):
    """Print /proc/PID/maps from the process's VMAs.
Usage: mm-maps PID
One line per VMA of the process's mm_struct (its mmap_list, in address
order): start-end, permissions (p private, s shared), the file offset,
device and inode of the file it maps, and its name: the file, [heap],
[stack], or nothing for anonymous memory.  The same lines as the kernel's
/proc/PID/maps (fs/proc.c)."""

    name = "mm-maps"

    def run(self, arg):
        t, mm = process_mm(self.name, arg)
        for vma in vmas(mm):
            out(maps_line(vma, mm))


def present(entry):
    return entry & 1


@register
class PgdCmp(MMCommand):
    """Compare two processes' page directories, as the shell's pgdcmp.
Usage: mm-pgdcmp PID1 PID2
PDEs 768-1023 map the kernel's gigabyte and must be identical in every
process (mm/pgtable.c copies them, and new ones through pgd_list); PDEs
0-767 are each process's own.  For each user PDE present in either, the
pages both map to the same physical page (shared: copy-on-write after
fork), the zero page, different pages, and pages only one of them maps."""

    name = "mm-pgdcmp"

    def run(self, arg):
        args = arg.split()
        if len(args) != 2:
            raise gdb.GdbError("usage: mm-pgdcmp PID1 PID2")
        (ta, ma), (tb, mb) = process_mm(self.name, args[0]), process_mm(self.name, args[1])
        a = arch()
        n = 1 << (32 - a.pgdir_shift)
        kernel = a.page_offset >> a.pgdir_shift
        pa, pb = ulong(ma["pgd"]), ulong(mb["pgd"])
        name = lambda t: "%s[%d]" % (t["comm"].string(), int(t["pid"]))  # noqa: E731
        out("page directories: %s at phys 0x%08x, %s at phys 0x%08x"
            % (name(ta), a.pa(pa), name(tb), a.pa(pb)))
        da, db = read_table(pa), read_table(pb)
        same = sum(da[i] == db[i] for i in range(kernel, n))
        out("kernel half, PDEs %d-%d: %d of %d identical%s" % (
            kernel, n - 1, same, n - kernel,
            " (the kernel's page tables, shared by every process)" if same == n - kernel
            else ": NOT THE SAME"))
        ua = sum(bool(present(da[i])) for i in range(kernel))
        ub = sum(bool(present(db[i])) for i in range(kernel))
        us = sum(bool(present(da[i])) and da[i] == db[i] for i in range(kernel))
        out("user half, PDEs 0-%d: %d present in %s, %d in %s, %d identical "
            "(each process has its own page tables)" % (kernel - 1, ua, name(ta), ub, name(tb), us))
        zero_pfn = (ulong(value("empty_zero_page")) - ulong(value("mem_map"))) \
            // value("mem_map").type.target().sizeof
        for i in range(kernel):
            if not present(da[i]) and not present(db[i]):
                continue
            c = dict(both=0, same=0, zero=0, differ=0, a=0, b=0)
            ta_, tb_ = ([0] * 1024 if not present(d[i]) else read_table(a.va(d[i] & ~0xfff))
                        for d in (da, db))
            for j in range(a.ptrs_per_pte):
                ea, eb = ta_[j], tb_[j]
                if present(ea) and present(eb):
                    c["both"] += 1
                    if ea >> 12 != eb >> 12:
                        c["differ"] += 1
                    elif ea >> 12 == zero_pfn:
                        c["zero"] += 1
                    else:
                        c["same"] += 1
                else:
                    c["a"] += bool(present(ea))
                    c["b"] += bool(present(eb))
            out("  PDE %3d (%08x-%08x): in both %d: same page %d, zero page %d, different %d; "
                "only in %d: %d, only in %d: %d" % (
                    i, i << a.pgdir_shift, ((i + 1) << a.pgdir_shift) - 1, c["both"], c["same"],
                    c["zero"], c["differ"], int(ta["pid"]), c["a"], int(tb["pid"]), c["b"]))
        out("  (same page: shared, read-only until one writes it: copy-on-write; "
            "different: copied, or two pages of their own)")
