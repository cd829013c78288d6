#!/bin/sh
# mkweb.sh OUT KERNEL [MODULE_DIR...] - lay out the browser playground in OUT.
#
# OUT gets the page (web/*.html, *.js, *.css), v86's library and wasm and
# xterm.js (from web/node_modules, installed by `npm ci`), the SeaBIOS images
# of Debian's seabios package, the kernel, the example modules (built
# beforehand by make M=DIR into the build directory's modules/), the user
# programs (make user: the build directory's user/), and manifest.json, the
# list of modules and programs the page offers.  The page packs those chosen
# into a cpio archive, the initramfs it boots with (web/cpio.js).  Every path
# in the page is relative: OUT works from any static server, GitHub Pages
# included, and makes no request outside its folder.
set -eu

out=$1
kernel=$2
shift 2
web=web
nm=$web/node_modules
modules=$(dirname "$kernel")/modules
user=$(dirname "$kernel")/user
bios=/usr/share/seabios

for f in "$nm/v86/build/libv86.mjs" "$nm/v86/build/v86.wasm" "$nm/@xterm/xterm/lib/xterm.mjs" \
	"$bios/bios.bin" "$bios/vgabios-stdvga.bin" "$kernel"; do
	[ -f "$f" ] || { echo "mkweb: $f is missing (make deps-web, make)" >&2; exit 1; }
done

rm -rf "$out"
mkdir -p "$out/v86" "$out/xterm" "$out/bios" "$out/modules" "$out/user" "$out/licenses"
cp "$web/index.html" "$web/main.js" "$web/pictures.js" "$web/tour.js" "$web/cpio.js" "$web/style.css" "$out/"
# ES modules under a .js name: every static server sends those as JavaScript.
cp "$nm/v86/build/libv86.mjs" "$out/v86/libv86.esm.js"
cp "$nm/v86/build/v86.wasm" "$out/v86/"
sed '/^\/\/# sourceMappingURL=/d' "$nm/@xterm/xterm/lib/xterm.mjs" > "$out/xterm/xterm.esm.js"
cp "$nm/@xterm/xterm/css/xterm.css" "$out/xterm/"
cp "$bios/bios.bin" "$bios/vgabios-stdvga.bin" "$out/bios/"
cp "$kernel" "$out/kernel.elf"
cp "$nm/v86/LICENSE" "$out/licenses/v86.txt"
cp "$nm/@xterm/xterm/LICENSE" "$out/licenses/xterm.txt"
[ -f /usr/share/doc/seabios/copyright ] && cp /usr/share/doc/seabios/copyright "$out/licenses/seabios.txt"

# What a comment's first lines say: "/*\n * user/hold.c - two live processes..." gives
# "two live processes to look at from the shell." (up to its first full stop), JSON-escaped.
describe() {
	sed -n '2,/^ \*$/p' "$1" | sed 's/^ \* *//' | tr '\n' ' ' |
		sed 's/^[^ ]* - //; s/\([.]\) .*/\1/; s/ *$//; s/\\/\\\\/g; s/"/\\"/g'
}

# manifest.json: {"modules": [{name, file, description}], "programs": [{name, file, description}]}
{
	printf '{"modules": ['
	sep=""
	for dir in "$@"; do
		name=$(basename "$dir" | tr - _)
		ko=$modules/$name.ko
		[ -f "$ko" ] || { echo "mkweb: $ko is missing (make M=$dir)" >&2; exit 1; }
		cp "$ko" "$out/modules/"
		desc=$(sed -n 's/^MODULE_DESCRIPTION("\(.*\)");$/\1/p' "$dir"/*.c | head -n 1 |
			sed 's/\\/\\\\/g; s/"/\\"/g')
		printf '%s\n  {"name": "%s", "file": "modules/%s.ko", "description": "%s"}' \
			"$sep" "$name" "$name" "$desc"
		sep=","
	done
	printf '],\n "programs": ['
	sep=""
	for src in user/*.c; do
		name=$(basename "$src" .c)
		[ -f "$user/$name" ] || { echo "mkweb: $user/$name is missing (make user)" >&2; exit 1; }
		cp "$user/$name" "$out/user/"
		printf '%s\n  {"name": "%s", "file": "user/%s", "description": "%s"}' \
			"$sep" "$name" "$name" "$(describe "$src")"
		sep=","
	done
	printf ']}\n'
} > "$out/manifest.json"
echo "  WEB     $out/index.html"
