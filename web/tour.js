// tour.js - the guided tour: the walkthrough of the seed articles, step by step.
//
// Each step types one command into the shell.  A command may name an
// address an earlier step got: {kmalloc}, {pages}, {vmalloc}, {highpfn},
// and hold's PIDs and address, are taken from what the kernel printed last
// (see ANSWERS).  `needs: "highmem"` marks a step that needs a HighMem
// zone, `needs: "program:NAME"` one that runs a program of the initramfs.

export const ANSWERS = {
  kmalloc: /kmalloc\(\d+, [^)]*\) = (0x[0-9a-f]+) phys/g,
  pages: /alloc_pages: address (0x[0-9a-f]+) \(page_address\)/g,
  vmalloc: /vmalloc\(\d+\) = (0x[0-9a-f]+) \(/g,
  highpfn: /alloc_pages\(GFP_HIGHUSER, 0\) = page 0x[0-9a-f]+ pfn (0x[0-9a-f]+) .*zone HighMem/g,
  holdparent: /hold: parent (\d+), child \d+:/g,
  holdchild: /hold: parent \d+, child (\d+):/g,
  holdmmap: /hold: parent \d+, child \d+: heap 0x[0-9a-f]+, mmap (0x[0-9a-f]+)/g,
};

export const TOUR = [
  {
    title: "The 3G/1G split",
    cmd: "layout",
    text: `<p>Every address a 32-bit process uses is below 4 GB.  Linux on i386 gives the
    lower 3 GB to user space and keeps the top gigabyte, from <code>PAGE_OFFSET</code> =
    0xc0000000, for itself.  The picture on the left draws both halves; the zoom shows the
    kernel's gigabyte: <b>lowmem</b>, where all physical memory up to about 896 MB is mapped
    at <i>physical + 3 GB</i>, then an <b>8 MB gap</b> (<code>VMALLOC_OFFSET</code>), then the
    <b>vmalloc</b> area, then <b>pkmap</b> and <b>fixmap</b> near the top.  The table in the
    terminal is <code>/proc/layout</code>, the same numbers in text.</p>`,
  },
  {
    title: "kmalloc: physically contiguous, at phys + 3 GB",
    cmd: "kmalloc 100",
    text: `<p><code>kmalloc(100, GFP_KERNEL)</code> rounds 100 bytes up to the 128-byte
    cache: look at <b>kmalloc-128</b> in the slab picture, one object fuller (▲).  The
    address it printed minus 0xc0000000 is its physical address: the object lies in lowmem,
    the kernel's direct map (seeds 000, 002, 003).</p>`,
  },
  {
    title: "The page-table walk behind it",
    cmd: "v2p {kmalloc}",
    text: `<p><code>v2p</code> walks the page tables as the MMU does: the top 10 bits of the
    address pick the page directory entry, the next 10 the page table entry, and the PTE
    holds the frame.  For a lowmem address the frame is always <i>address - 3 GB</i>, because
    <code>paging_init()</code> mapped every page of lowmem that way at boot.</p>`,
  },
  {
    title: "The struct page",
    cmd: "page {kmalloc}",
    text: `<p>Every page frame has a <code>struct page</code> in <code>mem_map</code> (drawn in
    lowmem in the layout picture).  For a slab page it names the cache, the first free
    object, and how many objects are in use.</p>`,
  },
  {
    title: "kfree gives it back",
    cmd: "kfree {kmalloc}",
    text: `<p>The object goes back to its slab's free list; kmalloc-128 is one object emptier
    (▼).  The slab itself stays with the cache for the next allocation: giving pages back is
    <code>kmem_cache_shrink</code>'s job.</p>`,
  },
  {
    title: "alloc_pages: the buddy allocator splits",
    cmd: "alloc_pages 3",
    text: `<p><code>alloc_pages(GFP_KERNEL, 3)</code> asks for 2<sup>3</sup> = 8 contiguous pages.
    The buddy allocator takes the smallest free block of order 3 or more; a bigger one is
    split in halves, one half going back on the free list of the order below, until a block
    of order 3 is left.  The bars show the free blocks of each order (▲▼ mark what changed),
    and the grid below them the 4 MB of memory where it happened, page by page (seed 001).</p>`,
  },
  {
    title: "free_pages: buddies merge",
    cmd: "free_pages {pages} 3",
    text: `<p>Freeing the 8 pages looks at their <i>buddy</i>, the block of the same order
    next to them: if it is free too, the two merge into one block of the order above, and so
    on up.  The counts go back to what they were before the allocation.</p>`,
  },
  {
    title: "vmalloc: virtually contiguous, physically scattered",
    cmd: "vmalloc 100000",
    text: `<p><code>vmalloc(100000)</code> reserves 25 pages of addresses in the vmalloc area,
    plus one unmapped <b>guard page</b> (hatched) that catches overruns, then takes 25 pages
    from the buddy allocator one at a time and maps them side by side.  The pfns it printed
    are not one run: vmalloc memory is contiguous for the CPU only, which is why it is no use
    for DMA (seeds 000, 002).</p>`,
  },
  {
    title: "Why virt_to_phys() is wrong for vmalloc",
    cmd: "v2p {vmalloc}",
    text: `<p>The walk ends at a frame that has nothing to do with <i>address - 3 GB</i>: a
    vmalloc address is mapped by its own PTE, so <code>__pa()</code> would give nonsense.
    Linux asks <code>vmalloc_to_page()</code> instead.</p>`,
  },
  {
    title: "vfree",
    cmd: "vfree {vmalloc}",
    text: `<p>The PTEs are cleared, the TLB flushed, the pages go back to the buddy allocator,
    and the area (with its guard page) leaves the picture.</p>`,
  },
  {
    title: "malloc: the third allocator, in user space",
    cmd: "run mallocdemo",
    needs: "program:mallocdemo",
    text: `<p>The articles compare three allocators, and this is the one below 3 GB.
    <code>mallocdemo</code> is an ordinary static glibc program from the initramfs.  It mallocs
    100 bytes, which glibc carves from its <b>brk heap</b> just above the program, and 1 MB,
    which is over glibc's 128 KB threshold and so gets an <b>mmap</b> of its own below the
    stack.  Through <code>/dev/mm386</code> it asks the kernel for <code>kmalloc(100)</code>
    and <code>vmalloc(1 MB)</code> too, and the kernel prints the five side by side: user
    addresses use page-directory entries of the process's own, kernel addresses the entries
    every process shares.  The last line checks that every page came back at its exit.</p>`,
  },
  {
    title: "A process that stays: fork",
    cmd: "run -b hold",
    needs: "program:hold",
    text: `<p><code>hold</code> mallocs as mallocdemo does, then forks, and both processes wait
    for a signal.  <code>-b</code> leaves them running, so the layout picture's user half
    shows their VMAs: the program at 0x08048000, its heap right above, the 1 MB mapping, and
    the stack just below 3 GB.  Click one of them: the shell walks that address.</p>`,
  },
  {
    title: "ps: the processes",
    cmd: "ps",
    text: `<p>PID 0 is the kernel itself (the boot, this shell, the idle loop).  For hold's two
    processes VSZ adds up their VMAs and RSS counts the pages mapped now: far fewer, because
    a page only arrives at its first touch (<b>demand paging</b>).  MINFLT counts those page
    faults, COW the pages copied after the fork.</p>`,
  },
  {
    title: "What hold was promised: Committed_AS",
    cmd: "meminfo",
    text: `<p>Three lines of /proc/meminfo tell malloc's side of the story.  <b>AnonPages</b>
    counts the pages hold's processes have touched.  <b>Committed_AS</b> counts what the kernel
    <i>promised</i> them: each writable private mapping, the heap and the stack, whole, touched
    or not; the child got promises of its own at fork.  <b>CommitLimit</b> is half of RAM.
    After <code>sysctl vm.overcommit_memory=2</code> the promises may not pass it, and a
    malloc fails at once instead of a process being killed later for a page it was promised.</p>`,
  },
  {
    title: "/proc/PID/maps",
    cmd: "maps {holdchild}",
    text: `<p>The child's VMAs in Linux's format: start-end, permissions, offset, device,
    inode, name.  The program's pages come from its ramfs file (<code>/hold</code>), read-only
    and shared with the parent; <code>[heap]</code>, the anonymous 1 MB mapping and
    <code>[stack]</code> are private memory.</p>`,
  },
  {
    title: "A user address, walked",
    cmd: "v2p {holdchild} {holdmmap}",
    text: `<p>The same walk as for a kernel address, through the child's own page directory:
    the top 10 bits pick one of the entries below 768, which belong to this process alone.
    The child wrote into this page after the fork, so the frame is a copy of its own.</p>`,
  },
  {
    title: "fork shares, a write copies",
    cmd: "pgdcmp {holdparent} {holdchild}",
    text: `<p>Parent and child compared: page-directory entries 768 to 1023 are identical,
    because the kernel's gigabyte is the same in every process.  Below that, the pages both
    map to one frame are shared copy-on-write (read-only until someone writes); the two the
    child wrote are different frames.</p>`,
  },
  {
    title: "GFP_DMA: memory an ISA device can reach",
    cmd: "kmalloc 512 GFP_DMA",
    text: `<p>With <code>GFP_DMA</code> the object comes from a <b>dma-kmalloc</b> cache whose
    slabs lie in the DMA zone, below 16 MB, the limit of the old ISA DMA controller (seed
    000's flag tree).  The physical address it printed is below 0x01000000.</p>`,
  },
  {
    title: "A slab cache of your own",
    cmd: "kmem_cache_create mycache 48",
    text: `<p>For objects made and freed all the time, a driver makes its own cache:
    <code>kmem_cache_create("mycache", 48, ...)</code>.  It has no slab yet; the next step
    allocates from it.</p>`,
  },
  {
    title: "kmem_cache_alloc",
    cmd: "cache_alloc mycache",
    text: `<p>The first allocation grows the cache by one slab (a page from the buddy
    allocator, cut into 48-byte objects): <b>mycache</b> appears in the slab picture with
    its active slab, one object used.</p>`,
  },
  {
    title: "HighMem: a page without an address",
    cmd: "alloc_pages 0 GFP_HIGHUSER",
    needs: "highmem",
    text: `<p>With more RAM than the kernel's gigabyte can map (boot with 2048 MB, or add
    <code>highmem=64M</code>), the rest is <b>HighMem</b>: <code>GFP_HIGHUSER</code> may take a
    page there, and such a page has no kernel address at all.</p>`,
  },
  {
    title: "kmap: a pkmap slot for it",
    cmd: "kmap {highpfn}",
    needs: "highmem",
    text: `<p><code>kmap()</code> maps the page into one of the 1024 <b>pkmap</b> slots just
    below the fixmap: a dark square in the pkmap picture.  <code>kunmap</code> makes it
    light (no users, but still mapped until the next lazy flush); <code>kmap_atomic</code>
    uses a fixmap slot instead and never sleeps (seed 001).</p>`,
  },
  {
    title: "The articles' demo",
    cmd: "demo",
    text: `<p>The demo runs seed 003's module in the kernel (<code>__get_free_page</code>,
    <code>kmalloc(100)</code>, <code>vmalloc(100000)</code>) and explains each address, then
    seed 000's GFP flag tree inside the timer interrupt, where <code>GFP_KERNEL</code> and
    <code>vmalloc</code> get Linux's "sleeping function called from invalid context".</p>`,
  },
];

// The command of @step with its {names} filled from @text; null if one is missing.
export function stepCommand(step, text) {
  let missing = false;
  const cmd = step.cmd.replace(/\{(\w+)\}/g, (_, name) => {
    const all = [...text.matchAll(ANSWERS[name])];
    if (!all.length) {
      missing = true;
      return "";
    }
    return all[all.length - 1][1];
  });
  return missing ? null : cmd;
}
