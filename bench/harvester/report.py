#!/usr/bin/python3
"""Turns the tab-separated outputs of run.sh into Markdown. Usage: report.py RUN_DIR DATA_DIR REPEATS WARMUP"""
import os
import statistics
import sys

import h5py


def rows(path):
    with open(path) as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip()]


def main():
    run, data, repeats, warmup = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    meta = dict(rows(os.path.join(run, "meta.tsv")))
    java = [rows(os.path.join(run, f"java{r}.tsv")) for r in (1, 2)]
    py = [rows(os.path.join(run, f"py{r}.tsv")) for r in (1, 2)]
    print("# Harvester benchmarks")
    print()
    print(f"h5py {h5py.__version__} (HDF5 {h5py.version.hdf5_version}), Debian /usr/bin/python3; harvester = "
          f"`NexusHarvester.harvest` (sniff, jhdf 0.11 open, one record per NXentry) in a warm JVM. "
          f"Per-file time = mean of two rounds' medians ({repeats} timed runs after {warmup} warm-up runs per round; "
          f"rounds alternate harvester, h5py, harvester, h5py). Load average (1/5/15 min): start {meta['load_start']}, "
          f"after round 1 {meta['load_round1']}, after round 2 {meta['load_round2']}, after throughput "
          f"{meta['load_throughput']}, end {meta['load_end']}.")
    print()
    print("## (a) Side by side: harvester vs h5py walk, every shared file")
    print()
    print("| file | harvester ms | h5py ms | harvester/h5py | harvester outcome | h5py outcome |")
    print("|---|---:|---:|---:|---|---|")
    masters = []
    for i, (j1, j2, p1, p2) in enumerate(zip(*java, *py)):
        f = os.path.relpath(j1[0], data)
        tj = (float(j1[1]) + float(j2[1])) / 2
        tp = (float(p1[1]) + float(p2[1])) / 2
        print(f"| `{f}` | {tj:.2f} | {tp:.2f} | {tj / tp:.2f} | {j1[2]} | {p1[2]} |")
        if j1[2].endswith("records"):
            masters.append((f, tj, tp))
    print()
    ratios = [tj / tp for _, tj, tp in masters]
    med_file = sorted(masters, key=lambda m: m[1])[len(masters) // 2]
    tj_all = [m[1] for m in masters]
    tp_all = [m[2] for m in masters]
    print(f"Over the {len(masters)} files the harvester turns into records (the typical master files): "
          f"median harvester {statistics.median(tj_all):.2f} ms, median h5py {statistics.median(tp_all):.2f} ms, "
          f"**ratio of medians {statistics.median(tj_all) / statistics.median(tp_all):.2f}**; median of per-file ratios "
          f"{statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f}); the median file by harvester "
          f"time is `{med_file[0]}`: {med_file[1]:.2f} ms vs {med_file[2]:.2f} ms, ratio {med_file[1] / med_file[2]:.2f}. "
          f"Sequential sums: harvester {sum(tj_all):.0f} ms, h5py {sum(tp_all):.0f} ms.")
    print()
    print("Throughput over those files, harvested round-robin for 10 s after warm-up (JVM start excluded):")
    print()
    print("| threads | files harvested | seconds | files/s | JVM CPU seconds | files per CPU second |")
    print("|---:|---:|---:|---:|---:|---:|")
    for t in (1, 2):
        r = rows(os.path.join(run, f"throughput{t}.tsv"))[0]
        print(f"| {r[0]} | {r[1]} | {float(r[2]):.1f} | **{float(r[3]):.0f}** | {float(r[4]):.1f} | {float(r[5]):.0f} |")
    print()
    print("files/s is bounded by the CPU the shared machine gives the JVM; files per CPU second (all JVM threads, JIT "
          "and GC included) does not depend on the other sessions' load: two idle cores would give at most twice it.")
    print()
    print("## (b) Data-size independence")
    print()
    sj = {os.path.basename(r[0]): r for r in rows(os.path.join(run, "size_java.tsv"))}
    sp = {os.path.basename(r[0]): r for r in rows(os.path.join(run, "size_py.tsv"))}
    print("| file | detector data (shape, logical, stored) | file size | harvester ms | h5py ms | bytes asked by jhdf | rchar (mmap path) | read_bytes, cold cache | h5py rchar |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in ("big.nxs", "tiny.nxs"):
        j, p = sj[name], sp[name]
        with h5py.File(j[0], "r") as f:
            d = f["entry/instrument/detector/data"]
            desc = f"{d.shape} uint16, {d.size * 2 / 1e9:.3g} GB, {d.id.get_storage_size() / 1e9:.3g} GB"
        print(f"| `{name}` | {desc} | {int(j[5]):,} | {float(j[1]):.2f} | {float(p[1]):.2f} | {int(j[2]):,} | {int(j[3]):,} | {int(j[4]):,} | {int(p[2]):,} |")
    print()
    rb = float(sj["big.nxs"][1]) / float(sj["tiny.nxs"][1])
    rp = float(sp["big.nxs"][1]) / float(sp["tiny.nxs"][1])
    print(f"**Harvester time big/tiny: {rb:.2f}** (target ≤ 1.5); h5py big/tiny: {rp:.2f}. (Medians of {repeats} runs, "
          f"the two files taking turns.) Bytes asked by jhdf: every byte the reader requested, counted by a channel "
          f"wrapped around the file (same extraction); rchar: bytes through read syscalls during one production harvest; "
          f"read_bytes: bytes fetched from storage during one production harvest after the file was dropped from the "
          f"page cache (dd iflag=nocache), kernel read-ahead included.")
    cache = rows(os.path.join(run, "cache.tsv"))
    if cache:
        print()
        print("## Candidate change, measured: jhdf reading through a block cache")
        print()
        print("The same harvester with `JhdfSource(opener)` given a channel that reads 64 KiB aligned blocks once and "
              "serves jhdf's repeated small metadata reads from memory (`BlockCacheChannel`), against the harvester as "
              "it is, alternating, same files:")
        print()
        print("| file | as is ms | block cache ms | ratio | same records |")
        print("|---|---:|---:|---:|---|")
        for r in cache:
            print(f"| `{os.path.relpath(r[0], data)}` | {float(r[1]):.2f} | {float(r[2]):.2f} | {float(r[2]) / float(r[1]):.2f} | {r[3]} |")
        a = [float(r[1]) for r in cache]
        b = [float(r[2]) for r in cache]
        print()
        print(f"Median as is {statistics.median(a):.2f} ms, with block cache {statistics.median(b):.2f} ms; sums "
              f"{sum(a):.0f} vs {sum(b):.0f} ms; median per-file ratio "
              f"{statistics.median([y / x for x, y in zip(a, b)]):.2f}.")


if __name__ == "__main__":
    main()
