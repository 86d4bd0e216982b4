#!/usr/bin/python3
"""The h5py peer of the harvester: the equivalent metadata walk of a file.

Visits every group and dataset once (hard links recognised by object address, soft links followed, external
links recorded and not followed), reads every attribute, describes every dataset (shape, dtype, chunks,
filters) and reads the values of datasets with at most MAX_ELEMENTS elements (the harvester's limit, 16).

  h5walk.py corpus LIST REPEATS WARMUP   -> file, median ms, objects (or the error)
  h5walk.py size FILE... REPEATS          -> file, median ms, rchar of one walk
Run with Debian's /usr/bin/python3 (python3-h5py).
"""
import os
import statistics
import sys
import time

import h5py

MAX_ELEMENTS = 16


def walk(path):
    seen = set()
    count = 0
    with h5py.File(path, "r") as f:
        stack = [f]
        while stack:
            g = stack.pop()
            for _ in g.attrs.items():  # reads each attribute value
                pass
            for name in g:
                link = g.get(name, getlink=True)
                if isinstance(link, h5py.ExternalLink):
                    count += 1  # recorded (filename, path), not followed
                    continue
                try:
                    obj = g[name]
                except (KeyError, OSError):
                    continue  # broken soft link
                addr = h5py.h5o.get_info(obj.id).addr
                count += 1
                if addr in seen:
                    continue
                seen.add(addr)
                if isinstance(obj, h5py.Group):
                    stack.append(obj)
                elif isinstance(obj, h5py.Dataset):
                    for _ in obj.attrs.items():
                        pass
                    obj.shape, obj.dtype, obj.chunks, obj.compression
                    dcpl = obj.id.get_create_plist()
                    for i in range(dcpl.get_nfilters()):
                        dcpl.get_filter(i)
                    if (obj.size or 0) <= MAX_ELEMENTS:
                        try:
                            obj[()]
                        except Exception:
                            pass
    return count


def timed(path, repeats, warmup):
    for _ in range(warmup):
        walk(path)
    t = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        walk(path)
        t.append((time.perf_counter() - t0) * 1000)
    return statistics.median(t)


def rchar():
    with open("/proc/self/io") as io:
        for line in io:
            if line.startswith("rchar:"):
                return int(line.split()[1])


def main():
    mode = sys.argv[1]
    if mode == "corpus":
        files = [l.strip() for l in open(sys.argv[2]) if l.strip()]
        repeats, warmup = int(sys.argv[3]), int(sys.argv[4])
        for path in files:
            try:
                n = walk(path)
                print(f"{path}\t{timed(path, repeats, warmup)}\t{n} objects", flush=True)
            except Exception as e:  # not HDF5, corrupt: timed like the harvester times its refusals
                t = timed_error(path, repeats, warmup)
                print(f"{path}\t{t}\terror: {type(e).__name__}", flush=True)
    elif mode == "size":
        files, repeats = sys.argv[2:-1], int(sys.argv[-1])
        times = {path: [] for path in files}
        for i in range(repeats + 3):  # files take turns, as in the Java driver; 3 warm-up rounds
            for path in files:
                t0 = time.perf_counter()
                walk(path)
                if i >= 3:
                    times[path].append((time.perf_counter() - t0) * 1000)
        for path in files:
            before = rchar()
            walk(path)
            print(f"{path}\t{statistics.median(times[path])}\t{rchar() - before}\t{os.path.getsize(path)}", flush=True)


def timed_error(path, repeats, warmup):
    t = []
    for i in range(warmup + repeats):
        t0 = time.perf_counter()
        try:
            walk(path)
        except Exception:
            pass
        if i >= warmup:
            t.append((time.perf_counter() - t0) * 1000)
    return statistics.median(t)


if __name__ == "__main__":
    main()
