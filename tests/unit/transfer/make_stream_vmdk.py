#!/usr/bin/python3
"""Writes a raw disk as a streamOptimized VMDK laid out the way vSphere's ExportVm sends it.

qemu-img writes its grain directory at the start and no metadata markers; vSphere streams grains,
then a grain-table marker after each table's grains, a grain-directory marker, the footer and the
end-of-stream marker, with gdOffset = GD_AT_END in the header. This writer produces that second shape
so the decoder is tested on it; qemu-img reads it back, which checks the writer.

usage: make_stream_vmdk.py RAW OUT [--grain-sectors N] [--level L] [--overhead SECTORS]
"""
import argparse
import struct
import zlib

SECTOR = 512
GTES_PER_GT = 512
GD_AT_END = 0xFFFFFFFFFFFFFFFF


def header(capacity, grain, gd_offset, overhead):
    h = struct.pack('<4sIIQQQQIQQQB4sH', b'KDMV', 3, 0x30001, capacity, grain, 1, 1,
                    GTES_PER_GT, 0, gd_offset, overhead, 0, b'\n \r\n', 1)
    return h.ljust(SECTOR, b'\0')


def meta_marker(sectors, kind):
    return struct.pack('<QII', sectors, 0, kind).ljust(SECTOR, b'\0')


def pad(data):
    return data + b'\0' * (-len(data) % SECTOR)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('raw')
    ap.add_argument('out')
    ap.add_argument('--grain-sectors', type=int, default=128)
    ap.add_argument('--level', type=int, default=6)
    ap.add_argument('--overhead', type=int, default=128, help='sectors before the first marker (vSphere: 128)')
    a = ap.parse_args()

    with open(a.raw, 'rb') as f:
        raw = f.read()
    capacity = (len(raw) + SECTOR - 1) // SECTOR
    grain_bytes = a.grain_sectors * SECTOR
    grains = (capacity + a.grain_sectors - 1) // a.grain_sectors
    tables = (grains + GTES_PER_GT - 1) // GTES_PER_GT
    descriptor = ('# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n'
                  'createType="streamOptimized"\n\n# Extent description\n'
                  f'RDONLY {capacity} SPARSE "generated.vmdk"\n\n# The Disk Data Base\n#DDB\n\n'
                  'ddb.adapterType = "lsilogic"\nddb.virtualHWVersion = "4"\n').encode()
    assert len(descriptor) <= SECTOR

    with open(a.out, 'wb') as out:
        out.write(header(capacity, a.grain_sectors, GD_AT_END, a.overhead))
        out.write(descriptor.ljust(SECTOR, b'\0'))
        out.write(b'\0' * (a.overhead * SECTOR - out.tell()))
        gd = [0] * tables
        for t in range(tables):
            gt = [0] * GTES_PER_GT
            for i in range(GTES_PER_GT):
                g = t * GTES_PER_GT + i
                if g >= grains:
                    break
                data = raw[g * grain_bytes:(g + 1) * grain_bytes]
                if not data.strip(b'\0'):
                    continue  # holes are not sent
                data = data.ljust(min(grain_bytes, capacity * SECTOR - g * grain_bytes), b'\0')
                packed = zlib.compress(data, a.level)
                gt[i] = out.tell() // SECTOR
                out.write(pad(struct.pack('<QI', g * a.grain_sectors, len(packed)) + packed))
            if any(gt):
                out.write(meta_marker(4, 1))
                gd[t] = out.tell() // SECTOR
                out.write(struct.pack(f'<{GTES_PER_GT}I', *gt))
        gd_sectors = (tables * 4 + SECTOR - 1) // SECTOR
        out.write(meta_marker(gd_sectors, 2))
        gd_offset = out.tell() // SECTOR
        out.write(pad(struct.pack(f'<{tables}I', *gd)))
        out.write(meta_marker(1, 3))
        out.write(header(capacity, a.grain_sectors, gd_offset, a.overhead))
        out.write(meta_marker(0, 0))


if __name__ == '__main__':
    main()
