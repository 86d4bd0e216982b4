#!/usr/bin/python3
"""Writes the synthetic seed files of the harvester fuzz test (docs/fuzzing.md).

Run with Debian's python3-h5py:  /usr/bin/python3 make_seeds.py OUTDIR
The files are small NeXus files that between them use the HDF5 structures the harvester meets in real files:
superblock v0 and v3, object header v1 and v2, symbol tables and dense (fractal heap / B-tree v2) link and attribute
storage, fixed and variable-length strings, Latin-1 and UTF-8 unit bytes, NaN/Inf, soft links (one a cycle), hard
links (one back to the parent), an external link to a missing file, a chunked deflated dataset, a compound attribute,
an enum and a user block. Nothing in them comes from another file.
"""
import sys
import os
import h5py
import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def fixed(s, enc='utf-8'):
    b = s.encode(enc) if isinstance(s, str) else s
    return np.bytes_(b)


def entry(f, big):
    f.attrs['NX_class'] = 'NXroot'
    f.attrs['default'] = 'entry'
    f.attrs['file_time'] = '2024-03-05T10:11:12+01:00'
    e = f.create_group('entry')
    e.attrs['NX_class'] = 'NXentry'
    e.attrs['default'] = 'data'
    e['title'] = 'fuzz seed: lysozyme 100 K'
    e['start_time'] = '2024-03-05T10:11:12.5+01:00'
    e['end_time'] = fixed('Tue Mar  5 10:20:00 2024')
    e['definition'] = fixed('NXmx')
    e['experiment_identifier'] = 'cm12345-1'
    e['entry_identifier'] = np.int64(42)
    prog = e.create_dataset('program_name', data='GDA 9.8')
    prog.attrs['version'] = '9.8.0'
    inst = e.create_group('instrument')
    inst.attrs['NX_class'] = 'NXinstrument'
    inst['name'] = 'DIAMOND BEAMLINE I03'
    inst['name'].attrs['short_name'] = 'i03'
    src = inst.create_group('source')
    src.attrs['NX_class'] = 'NXsource'
    src['name'] = 'Diamond Light Source'
    src['type'] = 'Synchrotron X-ray Source'
    src['probe'] = 'x-ray'
    cur = src.create_dataset('current', data=np.float32(300.1))
    cur.attrs['units'] = 'mA'
    beam = inst.create_group('beam')
    beam.attrs['NX_class'] = 'NXbeam'
    wl = beam.create_dataset('incident_wavelength', data=np.float64(0.9762))
    wl.attrs['units'] = 'Angstrom'
    fl = beam.create_dataset('flux', data=np.array([np.nan, np.inf, -np.inf, 1e300]))
    fl.attrs['units'] = fixed('1/s')
    det = inst.create_group('detector')
    det.attrs['NX_class'] = 'NXdetector'
    det['description'] = fixed('Eiger 16M')
    d = det.create_dataset('distance', data=np.float32(183.5))
    d.attrs['units'] = fixed('mm')
    px = det.create_dataset('x_pixel_size', data=np.float64(75.0))
    px.attrs['units'] = fixed('\u00b5m', 'latin-1')
    py = det.create_dataset('y_pixel_size', data=np.float64(75.0))
    py.attrs['units'] = fixed('\u03bcm', 'utf-8')
    det['depends_on'] = '/entry/instrument/detector/transformations/det_z'
    tr = det.create_group('transformations')
    tr.attrs['NX_class'] = 'NXtransformations'
    z = tr.create_dataset('det_z', data=np.array([183.5]))
    z.attrs['units'] = 'mm'
    z.attrs['transformation_type'] = 'translation'
    z.attrs['vector'] = np.array([0.0, 0.0, 1.0])
    z.attrs['depends_on'] = 'two_theta'
    tt = tr.create_dataset('two_theta', data=np.linspace(0, 10, 5))
    tt.attrs['units'] = 'deg'
    tt.attrs['transformation_type'] = 'rotation'
    tt.attrs['vector'] = np.array([1.0, 0.0, 0.0])
    tt.attrs['offset'] = np.array([0.0, 0.0, 0.0])
    tt.attrs['depends_on'] = '.'
    # more links than fit compactly: the group uses dense storage (fractal heap + B-tree v2) with libver latest
    ch = inst.create_group('positioners')
    ch.attrs['NX_class'] = 'NXcollection'
    for i in range(12):
        p = ch.create_dataset('motor_%02d' % i, data=np.float64(i * 0.5))
        p.attrs['units'] = ['mm', 'deg', 'keV', 'celsius'][i % 4]
    many = ch.attrs
    for i in range(12):
        many['note_%02d' % i] = 'attribute %d' % i
    sample = e.create_group('sample')
    sample.attrs['NX_class'] = 'NXsample'
    sample['name'] = 'lysozyme'
    sample['chemical_formula'] = 'C613H959N193O185S10'
    t = sample.create_dataset('temperature', data=np.float32(100.0))
    t.attrs['units'] = 'K'
    user = e.create_group('user')
    user.attrs['NX_class'] = 'NXuser'
    user['name'] = 'A. Scientist'
    user['ORCID'] = '0000-0002-1825-0097'
    note = e.create_group('notes')
    note.attrs['NX_class'] = 'NXnote'
    note['type'] = 'application/json'
    note['data'] = '{"plugin": "fuzz", "params": [1, 2.5, null]}'
    data = e.create_group('data')
    data.attrs['NX_class'] = 'NXdata'
    data.attrs['signal'] = 'data'
    data.attrs['axes'] = np.array([b'.', b'x', b'y'])
    shape = (3, 32, 32) if big else (2, 8, 8)
    ds = data.create_dataset('data', data=np.arange(np.prod(shape), dtype=np.uint16).reshape(shape),
                             chunks=(1,) + shape[1:], compression='gzip')
    ds.attrs['units'] = 'counts'
    data['x'] = np.arange(shape[1], dtype=np.float32)
    data['y'] = np.arange(shape[2], dtype=np.float32)
    data['x'].attrs['units'] = 'pixel'
    # links: soft, soft cycle, dangling soft, hard link back to an ancestor, external link to a missing file
    data['wavelength'] = h5py.SoftLink('/entry/instrument/beam/incident_wavelength')
    e['loop'] = h5py.SoftLink('/entry/loop')
    e['dangling'] = h5py.SoftLink('/entry/nowhere')
    sample['parent_entry'] = e
    e['raw'] = h5py.ExternalLink('missing_raw_000001.h5', '/entry/data/data')
    # odd attribute types
    comp = np.zeros(1, dtype=[('a', 'i4'), ('b', 'f8')])
    e.attrs.create('compound', comp)
    e.attrs.create('state', np.int8(1), dtype=h5py.enum_dtype({'OFF': 0, 'ON': 1}, basetype='i1'))
    e.attrs['vlen_list'] = ['one', 'two', '\u00e9t\u00e9']
    e.attrs['empty'] = h5py.Empty('f')


with h5py.File(os.path.join(out, 'synthetic_latest.nxs'), 'w', libver='latest') as f:
    entry(f, big=True)
with h5py.File(os.path.join(out, 'synthetic_earliest.nxs'), 'w', libver='earliest') as f:
    entry(f, big=False)
with h5py.File(os.path.join(out, 'synthetic_userblock_v2.nxs'), 'w', libver=('v108', 'v108'), userblock_size=512) as f:
    entry(f, big=False)
