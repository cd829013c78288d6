// main.js - the mm386 playground: boot build/kernel.elf in v86, put its serial
// console in an xterm.js terminal, and draw the allocators from the JSON
// snapshots the kernel sends on its second serial port ("telemetry").
//
// Every file is fetched by a relative path from this page's own folder, so
// the site works from any static server, GitHub Pages included, and offline.
//
// The example modules and user programs ticked before boot travel in one
// cpio archive made here (cpio.js), v86's initrd: mm386 unpacks it into
// ramfs, loads the modules at boot and keeps the programs for `run`.
//
// URL parameters preset the boot choices: ?mem=2048&params=demo,
// &modules=mem_module,cache_module, &programs=mallocdemo,hold (empty: none),
// and &boot=1 boots at once (tools/web_screenshot.mjs uses that).

import { V86 } from "./v86/libv86.esm.js";
import { Terminal } from "./xterm/xterm.esm.js";
import { draw, selectChunk } from "./pictures.js";
import { TOUR, stepCommand } from "./tour.js";
import { cpioArchive, MODE_PROGRAM, MODE_FILE } from "./cpio.js";

const $ = (sel) => document.querySelector(sel);
const form = $("#boot-form");
const MAX_SNAPSHOTS = 64;

// What tests and the curious can look at: window.mm386.
const state = {
  emulator: null,
  status: "idle",               // idle, booting, running, off
  snapshots: [],                // the newest last
  text: "",                     // everything the console printed, as text
  tourStep: 0,
  initrd: null,                 // what the boot's archive holds: {files: [names], bytes}
};
window.mm386 = state;

function setStatus(status, words) {
  state.status = status;
  $("#status").textContent = words;
  document.body.dataset.status = status;
}

/* ------------------------------------------------------------------
 * The terminal
 */

const term = new Terminal({
  cols: 100,
  rows: 30,
  scrollback: 10000,
  screenReaderMode: true,       // the text is in the DOM for screen readers (and tests)
  fontFamily: "DejaVu Sans Mono, Menlo, Consolas, monospace",
  fontSize: 13,
  theme: { background: "#1d1f21", foreground: "#e0e0e0" },
});
term.open($("#terminal"));

function copySelection() {
  const text = term.getSelection();
  if (text && navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
}

// Ctrl+Shift+C copies; Ctrl+C copies when text is selected, else it is ^C for the shell.
term.attachCustomKeyEventHandler((e) => {
  if (e.type !== "keydown" || !e.ctrlKey || e.key.toLowerCase() !== "c") return true;
  if (e.shiftKey || term.hasSelection()) {
    copySelection();
    e.preventDefault();
    return false;
  }
  return true;
});

// Kernel addresses in the terminal are links: a click asks the kernel (v2p).
term.registerLinkProvider({
  provideLinks(y, callback) {
    const row = term.buffer.active.getLine(y - 1);
    const text = row ? row.translateToString(true) : "";
    const links = [];
    for (const m of text.matchAll(/\b0x[0-9a-f]{8}\b/g)) {
      if (parseInt(m[0], 16) < 0xc0000000) continue;
      links.push({
        text: m[0],
        range: { start: { x: m.index + 1, y }, end: { x: m.index + m[0].length, y } },
        activate: () => type(`v2p ${m[0]}`),
      });
    }
    callback(links);
  },
});

term.onData((data) => {
  if (state.emulator && state.status === "running") state.emulator.serial0_send(data);
});

const decoder = new TextDecoder();
let pending = [];
let flushQueued = false;

function flushOutput() {
  flushQueued = false;
  const bytes = new Uint8Array(pending);
  pending = [];
  term.write(bytes);
  const text = decoder.decode(bytes, { stream: true }).replace(/\r/g, "");
  state.text += text;
  if (state.text.length > 1 << 20) state.text = state.text.slice(-(1 << 19));
  if (state.status === "booting" && state.text.includes("mm386> ")) setStatus("running", "Running: type into the terminal.");
  if (/mm386: powering off/.test(text)) setStatus("off", "Powered off. Boot again with the button above.");
}

function onConsoleByte(b) {
  pending.push(b);
  if (!flushQueued) {
    flushQueued = true;
    setTimeout(flushOutput, 10);
  }
}

/* ------------------------------------------------------------------
 * Telemetry: one JSON object per line on ttyS1
 */

let line = [];

function onTelemetryByte(b) {
  if (b !== 10) {
    line.push(b);
    return;
  }
  const text = new TextDecoder().decode(new Uint8Array(line));
  line = [];
  let snap;
  try {
    snap = JSON.parse(text);
  } catch (e) {
    console.warn("telemetry: a line that is not JSON:", text.slice(0, 200));
    return;
  }
  const prev = state.snapshots[state.snapshots.length - 1];
  state.snapshots.push(snap);
  if (state.snapshots.length > MAX_SNAPSHOTS) state.snapshots.shift();
  redraw(prev);
}

function redraw(prev) {
  const snap = state.snapshots[state.snapshots.length - 1];
  if (!snap) return;
  draw(snap, prev, { showAllCaches: $("#all-caches").checked });
  $("#snap-seq").textContent = `(snapshot ${snap.seq}, after ${snap.why === "boot" ? "boot" : "“" + snap.why + "”"})`;
  document.body.dataset.seq = snap.seq;
}

$("#all-caches").addEventListener("change", () => redraw(state.snapshots[state.snapshots.length - 2]));

/* ------------------------------------------------------------------
 * Typing a command for the user (pictures, tour)
 */

function type(cmd) {
  if (state.status !== "running") {
    $("#status").textContent = "Boot first: the command needs a running kernel.";
    return false;
  }
  state.emulator.serial0_send("\x15" + cmd + "\r");   // Ctrl-U clears a half-typed line
  term.focus();
  return true;
}

function onPictureAction(e) {
  const chunk = e.target.closest("[data-chunk]");
  if (chunk) {
    selectChunk(+chunk.dataset.chunk);
    redraw(state.snapshots[state.snapshots.length - 2]);
    return;
  }
  const el = e.target.closest("[data-cmd]");
  if (el) type(el.dataset.cmd);
}
$("#pictures").addEventListener("click", onPictureAction);
$("#pictures").addEventListener("keydown", (e) => {
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    onPictureAction(e);
  }
});

/* ------------------------------------------------------------------
 * Boot choices and booting
 */

async function fetchBuffer(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.arrayBuffer();
}

let manifest = { modules: [], programs: [] };

// Programs ticked unless the URL says otherwise: the tour's user-space steps need them.
const DEFAULT_PROGRAMS = ["mallocdemo", "hold"];

function addChoice(box, name, item, checked) {
  const label = document.createElement("label");
  label.innerHTML = `<input type="checkbox" name=""> <code></code>: <span></span>`;
  const input = label.querySelector("input");
  input.name = name;
  input.value = item.name;
  input.checked = checked;
  label.querySelector("code").textContent = item.name;
  label.querySelector("span").textContent = item.description || "";
  box.appendChild(label);
}

async function loadManifest() {
  try {
    manifest = await (await fetch("manifest.json")).json();
  } catch (e) {
    console.warn("manifest.json:", e);
  }
  for (const m of manifest.modules) addChoice($("#module-list"), "module", m, false);
  for (const p of manifest.programs || []) addChoice($("#program-list"), "program", p, DEFAULT_PROGRAMS.includes(p.name));
  $("#no-programs").hidden = (manifest.programs || []).length > 0;
}

// Tick exactly the @names (a comma-separated list) among the checkboxes called @name.
function tick(name, names) {
  const want = names.split(",").filter(Boolean);
  form.querySelectorAll(`input[name=${name}]`).forEach((i) => { i.checked = want.includes(i.value); });
}

function cmdline() {
  const f = new FormData(form);
  const words = ["telemetry"];
  if (f.get("demo")) words.push("demo");
  if (f.get("slab_debug")) words.push("slab_debug");
  words.push(...String(f.get("extra") || "").split(/\s+/).filter(Boolean));
  return words.join(" ");
}

function choices() {
  const f = new FormData(form);
  const mods = f.getAll("module"), progs = f.getAll("program");
  const files = [...mods.map((m) => m + ".ko"), ...progs];
  const archive = files.length ? `, initramfs: ${files.join(" ")}` : "";
  return `RAM ${f.get("mem")} MB, command line: ${cmdline()}${archive}`;
}

function updatePreview() {
  $("#cmdline-preview").textContent = choices();
}
form.addEventListener("input", updatePreview);

// The initramfs: the ticked modules (NAME.ko) and programs, fetched and packed.
async function makeInitrd() {
  const f = new FormData(form);
  const picked = [
    ...manifest.modules.filter((m) => f.getAll("module").includes(m.name))
      .map((m) => ({ name: `${m.name}.ko`, file: m.file, mode: MODE_FILE })),
    ...(manifest.programs || []).filter((p) => f.getAll("program").includes(p.name))
      .map((p) => ({ name: p.name, file: p.file, mode: MODE_PROGRAM })),
  ];
  if (!picked.length) return null;
  const datas = await Promise.all(picked.map((p) => fetchBuffer(p.file)));
  const archive = cpioArchive(picked.map((p, i) => ({ name: p.name, data: new Uint8Array(datas[i]), mode: p.mode })));
  state.initrd = { files: picked.map((p) => p.name), bytes: archive.length };
  return archive.buffer;
}

async function boot() {
  const f = new FormData(form);
  const mem = +f.get("mem");
  if (state.emulator) {
    try {
      await state.emulator.destroy();
    } catch (e) {
      console.warn("v86 destroy:", e);     // a powered-off machine may object
    }
    state.emulator = null;
  }
  term.reset();
  state.text = "";
  state.snapshots = [];
  state.initrd = null;
  line = [];
  setStatus("booting", `Booting with ${mem} MB…`);
  $("#cmdline-summary").textContent = `(booted: ${choices()})`;
  $("#setup-box").open = false;
  $("#reboot").hidden = false;
  try {
    const [bios, vga, kernel, initrd] = await Promise.all([
      fetchBuffer("bios/bios.bin"), fetchBuffer("bios/vgabios-stdvga.bin"),
      fetchBuffer("kernel.elf"), makeInitrd()]);
    const emulator = new V86({
      wasm_path: "v86/v86.wasm",
      bios: { buffer: bios },
      vga_bios: { buffer: vga },
      multiboot: { buffer: kernel },
      initrd: initrd ? { buffer: initrd } : undefined,
      cmdline: cmdline(),
      memory_size: mem * 1024 * 1024,
      vga_memory_size: 2 * 1024 * 1024,
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      uart1: true,
    });
    emulator.add_listener("serial0-output-byte", onConsoleByte);
    emulator.add_listener("serial1-output-byte", onTelemetryByte);
    state.emulator = emulator;
  } catch (e) {
    setStatus("idle", `Could not boot: ${e.message}`);
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  boot();
});
$("#reboot").addEventListener("click", boot);

// v86 reports the isa-debug-exit write (poweroff) on the console and stops.
const log = console.log.bind(console);
console.log = (...args) => {
  if (typeof args[0] === "string" && args[0].startsWith("Test exited with code")) {
    setStatus("off", `Powered off (${args[0].replace("Test exited with code ", "exit code ")}). Boot again with the button above.`);
  }
  log(...args);
};
window.addEventListener("error", (e) => {
  if (e.message && e.message.includes("HALT")) e.preventDefault();
});

/* ------------------------------------------------------------------
 * The tour
 */

function showStep() {
  const step = TOUR[state.tourStep];
  $("#tour-steps").querySelectorAll("li").forEach((li, i) => {
    li.classList.toggle("current", i === state.tourStep);
    if (i === state.tourStep) li.setAttribute("aria-current", "step");
    else li.removeAttribute("aria-current");
  });
  $("#tour-text").innerHTML = `<h3>${state.tourStep + 1}. ${step.title}</h3>` +
    `<p class="cmd">Command: <code></code></p>` + step.text;
  $("#tour-text .cmd code").textContent = step.cmd;
  $("#tour-prev").disabled = state.tourStep === 0;
  $("#tour-next").disabled = state.tourStep === TOUR.length - 1;
}

function runStep() {
  const step = TOUR[state.tourStep];
  const snap = state.snapshots[state.snapshots.length - 1];
  const high = snap && snap.zones.find((z) => z.name === "HighMem" && z.present > 0);
  if (step.needs === "highmem" && snap && !high) {
    $("#status").textContent = "This step needs HighMem: boot with 2048 MB, or add highmem=64M.";
    return;
  }
  const prog = step.needs && step.needs.startsWith("program:") ? step.needs.slice(8) : null;
  if (prog && state.status === "running" && !(state.initrd && state.initrd.files.includes(prog))) {
    $("#status").textContent = `This step runs ${prog}: tick it under "User programs" and boot again.`;
    return;
  }
  const cmd = stepCommand(step, state.text);
  if (cmd === null) {
    $("#status").textContent = "Run the step before this one first: this command uses its answer.";
    return;
  }
  type(cmd);
}

TOUR.forEach((step, i) => {
  const li = document.createElement("li");
  const a = document.createElement("button");
  a.type = "button";
  a.className = "linkish";
  a.textContent = step.title;
  a.addEventListener("click", () => {
    state.tourStep = i;
    showStep();
  });
  li.appendChild(a);
  $("#tour-steps").appendChild(li);
});
$("#tour-prev").addEventListener("click", () => { state.tourStep--; showStep(); });
$("#tour-next").addEventListener("click", () => { state.tourStep++; showStep(); });
$("#tour-run").addEventListener("click", runStep);
showStep();

/* ------------------------------------------------------------------
 * Start
 */

await loadManifest();
const url = new URLSearchParams(location.search);
if (url.has("mem")) form.querySelector(`input[name=mem][value="${url.get("mem")}"]`)?.click();
if (url.has("params")) $("#extra").value = url.get("params");
if (url.has("modules")) tick("module", url.get("modules"));
if (url.has("programs")) tick("program", url.get("programs"));
updatePreview();
if (url.get("boot") === "1") boot();
