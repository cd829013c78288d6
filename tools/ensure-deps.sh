#!/bin/sh
# ensure-deps.sh TOOL... - make sure the tools a make target needs exist.
#
# Each TOOL is a command name (or one of the pseudo-tools "pytest",
# "pexpect", "psutil", "compiler-rt", "seabios", "i386-glibc": the static glibc user
# programs link with; "fuzz-i386": what 32-bit host programs with libFuzzer
# need, make fuzz's).  Missing ones are mapped to their Debian packages and
# installed with apt-get (through sudo when not root); the script says what
# it installs.  Without apt-get it names what is missing
# and fails, so an OSDev toolchain on macOS gets a clear message instead.
#
# "npm-ci:DIR" installs the npm packages pinned in DIR/package-lock.json
# with `npm ci`, when DIR/node_modules is missing or older than the lockfile
# (web/: v86, xterm.js, playwright-core; never a browser download).
set -eu

pkg_for() {
	case "$1" in
	i686-linux-gnu-gcc) echo gcc-i686-linux-gnu ;;
	i686-linux-gnu-ld|i686-linux-gnu-nm|i686-linux-gnu-objcopy) echo binutils-i686-linux-gnu ;;
	nasm) echo nasm ;;
	clang) echo clang ;;
	ld.lld) echo lld ;;
	llvm-nm) echo llvm ;;
	compiler-rt) echo libclang-rt-14-dev ;;
	qemu-system-i386) echo qemu-system-x86 ;;
	grub-mkrescue) echo "grub-common grub-pc-bin" ;;
	xorriso) echo xorriso ;;
	gdb) echo gdb ;;
	pytest) echo python3-pytest ;;
	pexpect) echo python3-pexpect ;;
	free|vmstat|slabtop) echo procps ;;
	psutil) echo python3-psutil ;;
	i386-glibc) echo libc6-dev-i386-cross ;;
	fuzz-i386) echo "libc6-dev-i386-cross libstdc++-12-dev-i386-cross libc6-i386 lib32stdc++6" ;;
	qemu-i386) echo qemu-user ;;
	node) echo nodejs ;;
	npm) echo npm ;;
	chromium) echo chromium ;;
	seabios) echo seabios ;;
	*) echo "" ;;
	esac
}

have() {
	case "$1" in
	pytest) /usr/bin/python3 -c 'import pytest' 2>/dev/null ;;
	pexpect) /usr/bin/python3 -c 'import pexpect' 2>/dev/null ;;
	psutil) /usr/bin/python3 -c 'import psutil' 2>/dev/null ;;
	i386-glibc) [ -s /usr/i686-linux-gnu/lib/libc.a ] ;;
	fuzz-i386) [ -s /usr/i686-linux-gnu/lib/libc.a ] && [ -s /usr/lib/gcc-cross/i686-linux-gnu/12/libstdc++.so ] &&
		[ -s /lib32/ld-linux.so.2 ] && [ -s /usr/lib32/libstdc++.so.6 ] ;;
	compiler-rt)
		f=$(clang --target=i386-linux-gnu -rtlib=compiler-rt -print-libgcc-file-name 2>/dev/null) &&
			[ -s "$f" ] ;;
	grub-mkrescue) command -v grub-mkrescue >/dev/null 2>&1 && [ -d /usr/lib/grub/i386-pc ] ;;
	seabios) [ -s /usr/share/seabios/bios.bin ] && [ -s /usr/share/seabios/vgabios-stdvga.bin ] ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

# npm_ci DIR: the pinned packages of DIR/package-lock.json, if not there yet.
npm_ci() {
	stamp="$1/node_modules/.package-lock.json"
	[ -f "$stamp" ] && [ ! "$1/package-lock.json" -nt "$stamp" ] && return 0
	echo "mm386: installing the npm packages of $1/package-lock.json (npm ci)"
	(cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
}

missing=""
pkgs=""
npm_dirs=""
for tool in "$@"; do
	[ -n "$tool" ] || continue
	case "$tool" in
	npm-ci:*) npm_dirs="$npm_dirs ${tool#npm-ci:}"; continue ;;
	esac
	have "$tool" && continue
	missing="$missing $tool"
	for p in $(pkg_for "$tool"); do
		case " $pkgs " in *" $p "*) ;; *) pkgs="$pkgs $p" ;; esac
	done
done
install_npm() {
	for d in $npm_dirs; do
		npm_ci "$d" || exit 1
	done
	exit 0
}
[ -z "$missing" ] && install_npm

if [ -z "$pkgs" ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "mm386: missing tools:$missing" >&2
	echo "mm386: install them (see README.md, 'Toolchains'), or set CROSS_COMPILE / CC" >&2
	exit 1
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "mm386: missing:$missing"
echo "mm386: installing Debian packages:$pkgs"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $pkgs
for tool in $missing; do
	if ! have "$tool"; then
		echo "mm386: $tool is still missing after installing:$pkgs" >&2
		exit 1
	fi
done
install_npm
