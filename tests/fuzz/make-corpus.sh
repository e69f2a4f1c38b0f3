#!/usr/bin/env bash
# Generates the fuzz seed corpus (small real streams) into DIR: streamOptimized VMDKs in vSphere's and
# qemu-img's layouts, raw data, and the starts of formats the decoder must refuse. Nothing is committed.
set -euo pipefail
out=${1:?usage: make-corpus.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
gen=$here/../unit/transfer/make_stream_vmdk.py
command -v qemu-img >/dev/null || { echo "make-corpus: qemu-img missing; install qemu-utils" >&2; exit 1; }
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Small disks: text so that grains compress to a few hundred bytes.
text() { head -c "$1" < <(yes 'vmdk grain marker sector stream'); }
text 6000 > "$tmp/a.raw" && truncate -s 8K "$tmp/a.raw"
{ head -c 3000 /dev/zero; text 9000; } > "$tmp/b.raw" && truncate -s 66048 "$tmp/b.raw"
truncate -s 4K "$tmp/empty.raw"
text 70000 > "$tmp/q.raw" && truncate -s 128K "$tmp/q.raw"

/usr/bin/python3 "$gen" --grain-sectors 8 --overhead 2 "$tmp/a.raw" "$out/vsphere-4k-grains.vmdk"
/usr/bin/python3 "$gen" --grain-sectors 16 --overhead 2 "$tmp/b.raw" "$out/vsphere-odd-size.vmdk"
/usr/bin/python3 "$gen" --grain-sectors 8 --overhead 2 "$tmp/empty.raw" "$out/vsphere-empty.vmdk"
qemu-img convert -O vmdk -o subformat=streamOptimized "$tmp/q.raw" "$out/qemu-stream.vmdk"
qemu-img convert -O vmdk -o subformat=monolithicSparse "$tmp/a.raw" "$tmp/sparse.vmdk"
head -c 2048 "$tmp/sparse.vmdk" > "$out/hosted-sparse-head.vmdk"
qemu-img convert -O qcow2 "$tmp/a.raw" "$tmp/a.qcow2"
head -c 1024 "$tmp/a.qcow2" > "$out/qcow2-head"
head -c 1500 "$tmp/a.raw" > "$out/raw"
echo "make-corpus: $(ls "$out" | wc -l) seeds in $out"
