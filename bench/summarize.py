#!/usr/bin/python3
"""Parses the raw runs of bench/run.sh and writes the summary.

    summarize.py meta   RUN_DIR                         (environment -> RUN_DIR/meta.json)
    summarize.py line   RUN_DIR BASE WORKLOAD ENGINE RC (one progress line for one run)
    summarize.py report RUN_DIR                         (runs.json, summary.json, summary.md; prints the table)

RUN_DIR/manifest.tsv has one row per run: workload, engine, phase (first|rep), rep, exit
status, start time, base name; RUN_DIR/raw/BASE.{out,err,time} hold the process's standard
output, standard error and the report of /usr/bin/time -v.
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

# relative tolerance for "results agree"
TOLERANCE = {'W1': 1e-6, 'W1m': 1e-6, 'W2': 1e-4, 'W2u': 1e-4, 'W3': 1e-9, 'W3d': 1e-9,
             'W4': 1e-9, 'W5': 1e-6}
NOTES = {'W2': 'random data: results differ by sampling, loose check',
         'W2u': 'random data: results differ by sampling, loose check'}
# a run is "quiet" when other processes used at most this share (%) of the machine's CPU during it
QUIET_PCT = 10
# statements whose elapsed_ms counts as compute (None: all); W4's second statement reads back the result
TIMED_STATEMENTS = {'W4': 1}
STARTUP_NAMES = {'S-jvm': 'tessera --version (JVM + picocli, no query)',
                 'S-sql': 'tessera -c "SELECT 1 AS one" (JVM + planner + executor start)',
                 'S-py': '/usr/bin/python3 -c "import dask, dask.array, h5py, numpy"'}

TIME_FIELDS = {
    'User time (seconds)': ('user_s', float),
    'System time (seconds)': ('sys_s', float),
    'Percent of CPU this job got': ('cpu_pct', lambda v: float(v.rstrip('%') or 0)),
    'Maximum resident set size (kbytes)': ('max_rss_kb', int),
    'Major (requiring I/O) page faults': ('major_faults', int),
    'Minor (reclaiming a frame) page faults': ('minor_faults', int),
    'Voluntary context switches': ('vol_cs', int),
    'Involuntary context switches': ('invol_cs', int),
    'File system inputs': ('fs_inputs', int),
    'Exit status': ('time_exit_status', int),
}


def parse_time(path):
    """The report of /usr/bin/time -v."""
    r = {}
    if not os.path.exists(path):
        return r
    for line in open(path, errors='replace'):
        line = line.strip()
        if line.startswith('Command terminated by signal'):
            r['signal'] = int(line.split()[-1])
            continue
        if line.startswith('Command exited with non-zero status'):
            continue
        if line.startswith('Elapsed (wall clock) time'):
            v = line.rsplit(': ', 1)[1]
            secs = 0.0
            for part in v.split(':'):
                secs = secs * 60 + float(part)
            r['wall_s'] = secs
            continue
        if ': ' in line:
            k, v = line.rsplit(': ', 1)
            if k in TIME_FIELDS:
                name, conv = TIME_FIELDS[k]
                try:
                    r[name] = conv(v)
                except ValueError:
                    pass
    return r


def read(path):
    try:
        return open(path, errors='replace').read()
    except OSError:
        return ''


def parse_tessera(out, workload):
    """Tessera's --format json: one object per statement."""
    r = {'statements': []}
    objs = []
    for line in out.splitlines():
        line = line.strip()
        if not line.startswith('{'):
            continue
        try:
            objs.append(json.loads(line))
        except ValueError:
            r.setdefault('unparsed', []).append(line[:300])
    for o in objs:
        if 'error' in o:
            r['error'] = o['error'].get('message', str(o['error'])) if isinstance(o['error'], dict) else str(o['error'])
    selects = [o for o in objs if 'elapsed_ms' in o or 'values' in o]
    r['statements'] = [o.get('elapsed_ms') for o in objs]
    if selects and 'error' not in r:
        n = TIMED_STATEMENTS.get(workload)
        timed = [o for o in objs if 'elapsed_ms' in o]
        if n is not None:
            timed = timed[:n]
        r['compute_s'] = sum(o['elapsed_ms'] for o in timed) / 1000.0
        r['all_statements_s'] = sum(o.get('elapsed_ms', 0) for o in objs) / 1000.0
        last = selects[-1]
        vals = last.get('values')
        r['result'] = flatten(vals)
        r['dtypes'] = [c.get('dtype') for c in last.get('columns', [])]
    return r


def flatten(v):
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(flatten(x))
        return out
    return [v]


PEER_LINE = re.compile(r'^(\S+) (\S+) result=(\S+) seconds=(\S+)')


def parse_dask(out):
    r = {}
    for line in out.splitlines():
        m = PEER_LINE.match(line)
        if m:
            r['compute_s'] = float(m.group(4))
            try:
                r['result'] = [float(x) for x in m.group(3).split(',')]
            except ValueError:
                r['result'] = m.group(3).split(',')
        elif line.startswith('#'):
            r['info'] = line[1:].strip()
            m = re.search(r'setup_seconds=(\S+)', line)
            if m:
                r['setup_s'] = float(m.group(1))
    return r


def parse_run(run_dir, base, workload, engine, rc, j0=None, j1=None, hz=None):
    raw = os.path.join(run_dir, 'raw', base)
    out, err = read(raw + '.out'), read(raw + '.err')
    run = {'workload': workload, 'engine': engine, 'base': base, 'rc': int(rc)}
    run.update(parse_time(raw + '.time'))
    if 'max_rss_kb' in run:
        run['max_rss_mib'] = run['max_rss_kb'] / 1024.0
    if engine == 'tessera' or workload == 'S-sql':
        run.update(parse_tessera(out, workload))
    elif engine == 'dask':
        run.update(parse_dask(out))
    rc = int(rc)
    if rc in (124, 137) or run.get('signal') == 9:
        run['status'] = 'timeout'
    elif rc != 0:
        run['status'] = 'failed'
    elif engine != 'startup' and 'compute_s' not in run:
        run['status'] = 'no-result'
    else:
        run['status'] = 'ok'
    if run['status'] != 'ok':
        msg = run.get('error') or (err.strip().splitlines() or out.strip().splitlines() or [''])[-1]
        run['error'] = msg[:2000]
        run['stderr_tail'] = '\n'.join(err.strip().splitlines()[-15:])[:4000]
    if 'wall_s' in run and 'compute_s' in run:
        run['outside_compute_s'] = run['wall_s'] - run['compute_s']
    if j0 and j1 and hz:
        # CPU the whole machine spent while the run lasted, from /proc/stat, less the run's own
        (b0, s0), (b1, s1), hz = map(int, j0.split()), map(int, j1.split()), int(hz)
        run['machine_busy_s'] = (b1 - b0) / hz
        run['steal_s'] = (s1 - s0) / hz
        if 'user_s' in run:
            run['others_cpu_s'] = max(0.0, run['machine_busy_s'] - run['user_s'] - run['sys_s'])
            if run.get('wall_s'):
                run['others_cpu_pct'] = 100.0 * run['others_cpu_s'] / (run['wall_s'] * (os.cpu_count() or 1))
    return run


def fnum(v, nd=2):
    if v is None:
        return '—'
    if isinstance(v, float):
        if abs(v) >= 100:
            return f'{v:.0f}'
        return f'{v:.{nd}f}'
    return str(v)


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def agree(ts, ds, tol):
    """Whether every result of the two engines agrees within the relative tolerance."""
    if not ts or not ds:
        return None, 'missing result'
    ref = ds[0]
    worst = 0.0
    for res in ts + ds:
        if len(res) != len(ref):
            return False, f'different number of values: {res} vs {ref}'
        for a, b in zip(res, ref):
            try:
                a, b = float(a), float(b)
            except (TypeError, ValueError):
                return False, f'not a number: {a!r} vs {b!r}'
            rel = abs(a - b) / max(abs(a), abs(b), 1e-300)
            worst = max(worst, rel)
    return worst <= tol, f'max rel diff {worst:.2e} (tolerance {tol:g})'


# ----------------------------------------------------------------------------- commands

def cmd_meta(run_dir):
    e = os.environ

    def sh(c):
        try:
            p = subprocess.run(c, shell=True, capture_output=True, text=True, timeout=120)
            return (p.stdout + p.stderr).strip()
        except Exception as ex:  # noqa: BLE001
            return str(ex)

    queries = {}
    for line in read(os.path.join(run_dir, 'queries.tsv')).splitlines():
        if '\t' in line:
            w, q = line.split('\t', 1)
            queries[w] = q
    trepo = e.get('M_TREPO', '')
    meta = dict(
        date=time.strftime('%Y-%m-%d %H:%M:%S %z'), host=platform.node(), size=e.get('M_SIZE'),
        reps=int(e.get('M_REPS', 0)), warmup=e.get('M_WARMUP') == '1', drop_caches=e.get('M_DROP') == '1', cold=e.get('M_COLD') == '1',
        workloads=e.get('M_SELECTED', '').split(), skipped=e.get('M_SKIPPED', '').split(),
        not_ready=e.get('M_NOT_READY', '').split(), engines=e.get('M_ENGINES', '').split(),
        bench_data=e.get('BENCH_DATA'), tessera=e.get('M_TESSERA'),
        tessera_commit=sh(f"git -C '{trepo}' rev-parse --short HEAD"),
        tessera_branch=sh(f"git -C '{trepo}' rev-parse --abbrev-ref HEAD"),
        tessera_dirty=bool(sh(f"git -C '{trepo}' status --porcelain --untracked-files=no -- . ':!bench'")),
        java_opts=e.get('M_JAVA_OPTS', ''), memory_limit=e.get('M_MEMORY_LIMIT', ''),
        threads=e.get('M_THREADS', ''), tessera_timeout_s=int(e.get('M_TT', 0)),
        dask_timeout_s=int(e.get('M_DT', 0)), peer=e.get('M_PEER'),
        java=sh('java -version 2>&1 | head -1'),
        python=sh("/usr/bin/python3 -c 'import sys,dask,numpy,h5py;print(sys.version.split()[0],"
                  "\"dask\",dask.__version__,\"numpy\",numpy.__version__,\"h5py\",h5py.__version__)'"),
        cpus=os.cpu_count(), mem_total_gib=round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30, 1),
        kernel=platform.release(), queries=queries,
    )
    with open(os.path.join(run_dir, 'meta.json'), 'w') as f:
        json.dump(meta, f, indent=1)


def cmd_line(run_dir, base, workload, engine, rc, j0=None, j1=None, hz=None):
    r = parse_run(run_dir, base, workload, engine, rc, j0, j1, hz)
    parts = [f'{workload} {engine} {base.split(".")[-1]}: {r["status"]}']
    if 'compute_s' in r:
        parts.append(f'compute {r["compute_s"]:.3f}s')
    for k, lab in (('wall_s', 'whole'), ('user_s', 'user'), ('sys_s', 'sys')):
        if k in r:
            parts.append(f'{lab} {r[k]:.2f}s')
    if 'max_rss_mib' in r:
        parts.append(f'rss {r["max_rss_mib"]:.0f}MiB')
    if 'others_cpu_s' in r:
        parts.append(f'others {r["others_cpu_s"]:.2f}cpu-s')
    if 'result' in r:
        parts.append(f'result {",".join(str(x) for x in r["result"])}')
    if r['status'] != 'ok':
        parts.append(f'error: {r.get("error", "")[:300]}')
    return ' '.join(parts)


def load_runs(run_dir):
    runs = []
    for line in read(os.path.join(run_dir, 'manifest.tsv')).splitlines():
        f = line.split('\t')
        if len(f) < 7:
            continue
        w, engine, phase, rep, rc, start, base = f[:7]
        j0, j1, hz = (f[7:10] + [None, None, None])[:3]
        r = parse_run(run_dir, base, w, engine, rc, j0, j1, hz)
        r.update(phase=phase, rep=int(rep), start=float(start))
        runs.append(r)
    return runs


def stats(rs):
    ok = [r for r in rs if r['status'] == 'ok']
    d = {'n': len(rs), 'n_ok': len(ok)}
    for k in ('compute_s', 'wall_s', 'max_rss_mib', 'user_s', 'sys_s', 'outside_compute_s',
              'minor_faults', 'major_faults', 'cpu_pct', 'setup_s', 'others_cpu_s', 'others_cpu_pct',
              'steal_s'):
        vals = [r[k] for r in ok if k in r]
        if vals:
            d[k] = median(vals)
            d[k + '_min'] = min(vals)
            d[k + '_max'] = max(vals)
    busy = [r['base'] for r in ok if r.get('others_cpu_pct', 0) > 10]
    if busy:
        d['disturbed_runs'] = busy
    fails = [r for r in rs if r['status'] != 'ok']
    if fails:
        d['failures'] = [{'base': r['base'], 'status': r['status'], 'rc': r['rc'],
                          'error': r.get('error', ''), 'wall_s': r.get('wall_s')} for r in fails]
    return d


def first_of(rs):
    fs = [r for r in rs if r['phase'] == 'first']
    if not fs:
        return None
    r = fs[0]
    return {k: r.get(k) for k in ('status', 'rc', 'compute_s', 'wall_s', 'max_rss_mib', 'user_s', 'sys_s',
                                  'result', 'error')}


def cmd_report(run_dir):
    meta = json.load(open(os.path.join(run_dir, 'meta.json'))) if os.path.exists(
        os.path.join(run_dir, 'meta.json')) else {}
    runs = load_runs(run_dir)
    with open(os.path.join(run_dir, 'runs.json'), 'w') as f:
        json.dump({'meta': meta, 'runs': runs}, f, indent=1)

    workloads = []
    for r in runs:
        if r['engine'] != 'startup' and r['workload'] not in workloads:
            workloads.append(r['workload'])
    summary = {'meta': meta, 'workloads': {}, 'startup': {}}
    for w in workloads:
        t = [r for r in runs if r['workload'] == w and r['engine'] == 'tessera']
        d = [r for r in runs if r['workload'] == w and r['engine'] == 'dask']
        tm = [r for r in t if r['phase'] == 'rep']
        dm = [r for r in d if r['phase'] == 'rep']
        ts, ds = stats(tm), stats(dm)
        quiet = lambda rs: [r for r in rs if r.get('others_cpu_pct', 0) <= QUIET_PCT]  # noqa: E731
        tq, dq = stats(quiet(tm)), stats(quiet(dm))
        tol = TOLERANCE.get(w, 1e-9)
        ok, why = agree([r['result'] for r in t if r['status'] == 'ok' and 'result' in r],
                        [r['result'] for r in d if r['status'] == 'ok' and 'result' in r], tol)
        summary['workloads'][w] = {
            'query': meta.get('queries', {}).get(w),
            'tessera': ts, 'dask': ds,
            'tessera_first': first_of(t), 'dask_first': first_of(d),
            'ratio_compute': ratio(ds.get('compute_s'), ts.get('compute_s')),
            'ratio_wall': ratio(ds.get('wall_s'), ts.get('wall_s')),
            'ratio_rss': ratio(ds.get('max_rss_mib'), ts.get('max_rss_mib')),
            'quiet': {'tessera': tq, 'dask': dq,
                      'ratio_compute': ratio(dq.get('compute_s'), tq.get('compute_s')),
                      'ratio_wall': ratio(dq.get('wall_s'), tq.get('wall_s'))},
            'agree': ok, 'agree_detail': why, 'note': NOTES.get(w, ''),
            'tessera_result': next((r['result'] for r in t if 'result' in r), None),
            'dask_result': next((r['result'] for r in d if 'result' in r), None),
        }
    for s in STARTUP_NAMES:
        rs = [r for r in runs if r['workload'] == s]
        if rs:
            summary['startup'][s] = dict(stats(rs), what=STARTUP_NAMES[s])
            if s == 'S-sql':
                ms = [r['compute_s'] for r in rs if 'compute_s' in r]
                if ms:
                    summary['startup'][s]['elapsed_ms_s'] = median(ms)
    with open(os.path.join(run_dir, 'summary.json'), 'w') as f:
        json.dump(summary, f, indent=1)
    md = markdown(summary)
    with open(os.path.join(run_dir, 'summary.md'), 'w') as f:
        f.write(md)
    print(md)


def markdown(s):
    m = s['meta']
    L = []
    L.append(f'# Tessera vs Dask — {m.get("size", "?")} data, {m.get("date", "")}')
    L.append('')
    L.append(f'- machine: {m.get("host")} ({m.get("cpus")} CPUs, {m.get("mem_total_gib")} GiB), kernel {m.get("kernel")}')
    L.append(f'- tessera: `{m.get("tessera")}` {m.get("tessera_branch")}@{m.get("tessera_commit")}'
             f'{" (uncommitted changes)" if m.get("tessera_dirty") else ""}; {m.get("java")}; '
             f'JAVA_OPTS=`{m.get("java_opts") or ""}`; --memory-limit `{m.get("memory_limit") or "default"}`; '
             f'--threads `{m.get("threads") or "default"}`')
    L.append(f'- dask: {m.get("python")}; `{m.get("peer")} W --impl dask`')
    L.append(f'- data: {m.get("bench_data")} ({m.get("size")}); reps {m.get("reps")} per engine'
             f'{", plus one first (warm-up) run each, not in the medians" if m.get("warmup") else " (no warm-up run)"}'
             f'{"; page cache dropped before every run (cold)" if m.get("cold") else "; page cache dropped before each first run" if m.get("drop_caches") else ""}')
    if m.get('skipped'):
        L.append(f'- skipped (Tessera does not implement them yet; name them to run anyway): {" ".join(m["skipped"])}')
    L.append('')
    L.append('Medians of the measured runs. Ratios are Dask / Tessera: above 1 means Tessera is faster '
             '(or uses less memory).')
    L.append('')
    L.append('| workload | Tessera compute s | Dask compute s | ratio | Tessera whole s | Dask whole s | ratio '
             '| Tessera peak MiB | Dask peak MiB | ratio | results agree | ok runs T/D |')
    L.append('|---|---|---|---|---|---|---|---|---|---|---|---|')
    for w, x in s['workloads'].items():
        t, d = x['tessera'], x['dask']
        ag = {True: 'yes', False: 'NO', None: '—'}[x['agree']]
        L.append(f'| {w} | {fnum(t.get("compute_s"), 3)} | {fnum(d.get("compute_s"), 3)} | {fnum(x["ratio_compute"])} '
                 f'| {fnum(t.get("wall_s"))} | {fnum(d.get("wall_s"))} | {fnum(x["ratio_wall"])} '
                 f'| {fnum(t.get("max_rss_mib"), 0)} | {fnum(d.get("max_rss_mib"), 0)} | {fnum(x["ratio_rss"])} '
                 f'| {ag} | {t["n_ok"]}/{t["n"]} {d["n_ok"]}/{d["n"]} |')
    L.append('')
    if any(x['tessera_first'] or x['dask_first'] for x in s['workloads'].values()):
        L.append('First (cold: fresh JVM, page cache as the previous workload left it) runs, not in the medians:')
        L.append('')
        L.append('| workload | Tessera first compute s | Tessera first whole s | Tessera first peak MiB '
                 '| Dask first compute s | Dask first whole s | Dask first peak MiB |')
        L.append('|---|---|---|---|---|---|---|')
        for w, x in s['workloads'].items():
            tf, df = x['tessera_first'] or {}, x['dask_first'] or {}
            st = lambda f: '' if not f or f.get('status') == 'ok' else f' ({f.get("status")})'  # noqa: E731
            L.append(f'| {w} | {fnum(tf.get("compute_s"), 3)}{st(tf)} | {fnum(tf.get("wall_s"))} | {fnum(tf.get("max_rss_mib"), 0)} '
                     f'| {fnum(df.get("compute_s"), 3)}{st(df)} | {fnum(df.get("wall_s"))} | {fnum(df.get("max_rss_mib"), 0)} |')
        L.append('')
    L.append('Where the time goes (medians): "outside" = whole process − compute (Tessera: JVM start, '
             'class loading, output, exit; Dask: Python start, imports, graph build and file opening, exit); '
             'user/sys = CPU seconds of the whole process; faults = minor page faults; others = CPU seconds '
             'other processes on the machine used during the run (/proc/stat), as a share of the machine in brackets.')
    L.append('')
    L.append('| workload | engine | compute s | outside s | whole s | user s | sys s | CPU % | minor faults | major faults | others CPU s | spread of compute (min–max) |')
    L.append('|---|---|---|---|---|---|---|---|---|---|---|---|')
    for w, x in s['workloads'].items():
        for e in ('tessera', 'dask'):
            t = x[e]
            if not t.get('n_ok'):
                continue
            L.append(f'| {w} | {e} | {fnum(t.get("compute_s"), 3)} | {fnum(t.get("outside_compute_s"))} | {fnum(t.get("wall_s"))} '
                     f'| {fnum(t.get("user_s"))} | {fnum(t.get("sys_s"))} | {fnum(t.get("cpu_pct"), 0)} '
                     f'| {t.get("minor_faults", "—")} | {t.get("major_faults", "—")} '
                     f'| {fnum(t.get("others_cpu_s"))} ({fnum(t.get("others_cpu_pct"), 0)}%) '
                     f'| {fnum(t.get("compute_s_min"), 3)}–{fnum(t.get("compute_s_max"), 3)} |')
    L.append('')
    disturbed = [b for x in s['workloads'].values() for e in ('tessera', 'dask') for b in x[e].get('disturbed_runs', [])]
    if disturbed:
        L.append(f'Warning: other processes used more than {QUIET_PCT}% of the machine during {len(disturbed)} measured '
                 f'run(s): {", ".join(disturbed)}; their times are less reliable. Medians of the quiet runs only:')
        L.append('')
        L.append('| workload | Tessera compute s | Dask compute s | ratio | Tessera whole s | Dask whole s | ratio | quiet runs T/D |')
        L.append('|---|---|---|---|---|---|---|---|')
        for w, x in s['workloads'].items():
            q = x['quiet']
            t, d = q['tessera'], q['dask']
            L.append(f'| {w} | {fnum(t.get("compute_s"), 3)} | {fnum(d.get("compute_s"), 3)} | {fnum(q["ratio_compute"])} '
                     f'| {fnum(t.get("wall_s"))} | {fnum(d.get("wall_s"))} | {fnum(q["ratio_wall"])} '
                     f'| {t["n_ok"]}/{x["tessera"]["n"]} {d["n_ok"]}/{x["dask"]["n"]} |')
        L.append('')
    if s['startup']:
        L.append('Startup probes (medians):')
        L.append('')
        L.append('| probe | whole s | user s | sys s | peak MiB | statement elapsed s |')
        L.append('|---|---|---|---|---|---|')
        for k, x in s['startup'].items():
            L.append(f'| {x["what"]} | {fnum(x.get("wall_s"))} | {fnum(x.get("user_s"))} | {fnum(x.get("sys_s"))} '
                     f'| {fnum(x.get("max_rss_mib"), 0)} | {fnum(x.get("elapsed_ms_s"), 3)} |')
        L.append('')
    L.append('Results:')
    L.append('')
    for w, x in s['workloads'].items():
        note = f' — {x["note"]}' if x['note'] else ''
        L.append(f'- {w}: Tessera `{x["tessera_result"]}`, Dask `{x["dask_result"]}`: {x["agree_detail"]}{note}')
    fails = [(w, e, f) for w, x in s['workloads'].items() for e in ('tessera', 'dask')
             for f in x[e].get('failures', [])]
    for w, x in s['workloads'].items():
        for e in ('tessera', 'dask'):
            f = x[e + '_first']
            if f and f.get('status') != 'ok':
                fails.append((w, e, {'base': 'first run', 'status': f.get('status'), 'error': f.get('error', ''),
                                     'wall_s': f.get('wall_s'), 'rc': f.get('rc', '')}))
    if fails:
        L.append('')
        L.append('Failures:')
        L.append('')
        for w, e, f in fails:
            err = (f.get('error') or '').replace('\n', ' ')[:500]
            L.append(f'- {w} {e} {f["base"]}: {f["status"]} (exit {f["rc"]}, after {fnum(f.get("wall_s"))} s): `{err}`')
    L.append('')
    L.append('Queries:')
    L.append('')
    for w, q in m.get('queries', {}).items():
        L.append(f'- {w}: `{q}`')
    L.append('')
    return '\n'.join(L)


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ''
    if cmd == 'meta':
        cmd_meta(sys.argv[2])
    elif cmd == 'line':
        print(cmd_line(*sys.argv[2:10]))
    elif cmd == 'report':
        cmd_report(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
