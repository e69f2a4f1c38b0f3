#!/usr/bin/python3
"""Writes a sparse raw disk that looks like a used system disk, for bench-transfer.sh.

usage: make_bench_disk.py OUT SIZE_MIB DATA_PERCENT
About DATA_PERCENT of the disk gets data in 4 MiB regions: mostly shared-library bytes (compress
like programs do), some random bytes (incompressible); the rest stays holes.
"""
import glob
import os
import random
import sys

REGION = 4 << 20


def library_bytes():
    while True:
        for path in sorted(glob.glob('/usr/lib/x86_64-linux-gnu/*.so*')):
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, 'rb') as f:
                    while chunk := f.read(REGION):
                        yield chunk


def main():
    out, size_mib, percent = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(7)
    libs = library_bytes()
    pending = b''
    with open(out, 'wb') as f:
        f.truncate(size_mib << 20)
        for offset in range(0, size_mib << 20, REGION):
            if rng.randrange(100) >= percent:
                continue
            if rng.randrange(10) == 0:
                data = rng.randbytes(REGION)
            else:
                while len(pending) < REGION:
                    pending += next(libs)
                data, pending = pending[:REGION], pending[REGION:]
            f.seek(offset)
            f.write(data)


if __name__ == '__main__':
    main()
