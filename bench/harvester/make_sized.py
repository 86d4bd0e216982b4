#!/usr/bin/python3
"""Writes two NeXus (NXmx-like) master files that differ only in the size of /entry/instrument/detector/data:

  big.nxs   uint16 (FRAMES, 1024, 1024), chunked one frame per chunk, deflate: FRAMES*2 MiB logical (6.3 GB for
            3000 frames); on disk about 37 % of that (2.3 GB), because each frame is Poisson noise (mean 20 counts)
            that deflate cannot squeeze much;
  tiny.nxs  uint16 (1, 16, 16), same chunking rule and filter.

Chunks are compressed once (8 distinct frames, used in turn) and written with write_direct_chunk, so a multi-GB
file takes seconds of disk writing rather than minutes of compression; the file is the same as if h5py had
compressed every frame itself. Usage: make_sized.py OUTDIR [FRAMES=3000]
"""
import os
import sys
import zlib

import h5py
import numpy as np


def nexus(path, frames, height, width):
    with h5py.File(path, "w") as f:
        f.attrs["default"] = "entry"
        e = f.create_group("entry")
        e.attrs["NX_class"] = "NXentry"
        e.attrs["default"] = "data"
        e["definition"] = "NXmx"
        e["title"] = "data-size independence benchmark"
        e["start_time"] = "2026-11-24T10:00:00Z"
        e["end_time"] = "2026-11-24T10:05:00Z"
        e["experiment_identifier"] = "cm00000-1"
        inst = e.create_group("instrument")
        inst.attrs["NX_class"] = "NXinstrument"
        inst["name"] = "Diamond Light Source Beamline I03"
        inst["name"].attrs["short_name"] = "i03"
        src = inst.create_group("source")
        src.attrs["NX_class"] = "NXsource"
        src["name"] = "Diamond Light Source"
        src["type"] = "Synchrotron X-ray Source"
        beam = inst.create_group("beam")
        beam.attrs["NX_class"] = "NXbeam"
        beam["incident_wavelength"] = 0.9762
        beam["incident_wavelength"].attrs["units"] = "angstrom"
        det = inst.create_group("detector")
        det.attrs["NX_class"] = "NXdetector"
        det["description"] = "Eiger 16M"
        det["distance"] = 237.5
        det["distance"].attrs["units"] = "mm"
        det["x_pixel_size"] = 0.075
        det["x_pixel_size"].attrs["units"] = "mm"
        det["y_pixel_size"] = 0.075
        det["y_pixel_size"].attrs["units"] = "mm"
        det["count_time"] = 0.01
        det["count_time"].attrs["units"] = "s"
        det["sensor_material"] = "Si"
        det["depends_on"] = "/entry/instrument/detector/transformations/det_z"
        tr = det.create_group("transformations")
        tr.attrs["NX_class"] = "NXtransformations"
        tr["det_z"] = 237.5
        tr["det_z"].attrs.update({"units": "mm", "transformation_type": "translation",
                                  "vector": np.array([0.0, 0.0, 1.0]), "depends_on": "."})
        data = det.create_dataset("data", shape=(frames, height, width), dtype="uint16",
                                  chunks=(1, height, width), compression="gzip", compression_opts=1)
        rng = np.random.default_rng(20261124)
        payloads = [zlib.compress(rng.poisson(20, (height, width)).astype("<u2").tobytes(), 1) for _ in range(8)]
        for i in range(frames):
            data.id.write_direct_chunk((i, 0, 0), payloads[i % len(payloads)])
        sample = e.create_group("sample")
        sample.attrs["NX_class"] = "NXsample"
        sample["name"] = "thaumatin"
        sample["temperature"] = 100.0
        sample["temperature"].attrs["units"] = "K"
        nxdata = e.create_group("data")
        nxdata.attrs.update({"NX_class": "NXdata", "signal": "data"})
        nxdata["data"] = data  # hard link, as NXmx writers do


def main():
    out = sys.argv[1]
    frames = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    os.makedirs(out, exist_ok=True)
    nexus(os.path.join(out, "tiny.nxs"), 1, 16, 16)
    nexus(os.path.join(out, "big.nxs"), frames, 1024, 1024)
    for name in ("tiny.nxs", "big.nxs"):
        p = os.path.join(out, name)
        with h5py.File(p, "r") as f:
            d = f["entry/instrument/detector/data"]
            print(f"{p}\t{os.path.getsize(p)}\t{d.shape}\t{d.size * d.dtype.itemsize}\t{d.id.get_storage_size()}")


if __name__ == "__main__":
    main()
