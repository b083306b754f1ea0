#!/usr/bin/env python3
"""SQLite FTS5 with its trigram tokenizer over the corpus's passages, as
`sql.js-httpvfs` would read it from a static host: a one-off measurement
for ARCHITECTURE.md's comparison of corpus search engines (issue 22),
beside `cargo xtask bench corpus` (shilu and Pagefind).

Needs `pip install apsw` (SQLite with a Python VFS, to count the bytes a
query reads) and a site built by `cargo xtask bench corpus` (its passages
are read from shilu's index; its query list from target/bench-corpus/).

    python3 xtask/tools/fts5_bench.py target/bench-corpus

Each passage is folded as shilu folds it (OpenCC's t2s table, width, case,
white space), so the comparison is of the index, not of the fold. A query
is cold: a new connection, no page cache; the bytes are the database
pages SQLite reads (what an HTTP range-request VFS fetches, before its
read-ahead) to list the first 20 passages, newest first, with their text.
"""
import json, os, re, resource, subprocess, sys, time, unicodedata
import apsw

work = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
index = os.path.join(work, 'site', 'index')

t2s = {}
for line in open(os.path.join(root, 'core/src/corpus/t2s.tsv'), encoding='utf-8'):
    a, _, b = line.rstrip('\n').partition('\t')
    if a and b:
        t2s[a] = b

def fold(s):
    out = []
    space = False
    for c in s:
        if c.isspace():
            space = True
            continue
        if space and out:
            out.append(' ')
        space = False
        if '\uff01' <= c <= '\uff5e':
            c = chr(ord(c) - 0xfee0)
        c = t2s.get(c, c)
        out.append(c.lower() if len(c.lower()) == 1 else c)
    return ''.join(out)

def part(name):
    b = bytearray()
    i = 0
    while os.path.exists(os.path.join(index, name, f'{i:03}.bin')):
        b += open(os.path.join(index, name, f'{i:03}.bin'), 'rb').read()
        i += 1
    return bytes(b)

def le(b, i):
    return int.from_bytes(b[i * 8:i * 8 + 8], 'little')

reads = [0]

class CountingVFS(apsw.VFS):
    def __init__(self):
        super().__init__('counting', '')
    def xOpen(self, name, flags):
        return CountingFile('counting', name, flags)

class CountingFile(apsw.VFSFile):
    def __init__(self, vfs, name, flags):
        super().__init__('', name, flags)
    def xRead(self, amount, offset):
        reads[0] += amount
        return super().xRead(amount, offset)

db_path = os.path.join(work, 'fts5.db')
if not os.path.exists(db_path):
    cidx, pidx, text = part('cidx'), part('pidx'), part('text')
    docs = len(cidx) // 24 - 1
    started = time.time()
    con = apsw.Connection(db_path + '.new')
    con.execute('PRAGMA page_size=4096; PRAGMA journal_mode=off;')
    con.execute("CREATE VIRTUAL TABLE p USING fts5(text, doc UNINDEXED, passage UNINDEXED, tokenize='trigram')")
    con.execute('BEGIN')
    for d in range(docs):
        p0, p1 = le(cidx, d * 3 + 2), le(cidx, d * 3 + 5)
        for g in range(p0, p1):
            t = json.loads(text[le(pidx, g):le(pidx, g + 1)])['text']
            con.execute('INSERT INTO p(text, doc, passage) VALUES (?, ?, ?)', (fold(t), d, g - p0))
    con.execute('COMMIT')
    con.execute("INSERT INTO p(p) VALUES ('optimize')")
    con.close()
    os.rename(db_path + '.new', db_path)
    print(f'built in {time.time() - started:.1f} s, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, '
          f'{os.path.getsize(db_path) / 1e6:.1f} MB')

vfs = CountingVFS()
queries = open(os.path.join(work, 'queries.txt'), encoding='utf-8').read().split('\n')
shilu = os.path.join(root, 'target/release/shilu')
rows = []
for q in filter(None, queries):
    # Terms as shilu parses them: words, "phrases", -exclusions.
    terms = re.findall(r'(-?)(?:"([^"]*)"|(\S+))', q)
    req = [fold(a or b) for m, a, b in terms if not m]
    exc = [fold(a or b) for m, a, b in terms if m]
    # Terms of three characters or more through the trigram index, in one
    # MATCH; shorter ones cannot use it: LIKE, which reads every row.
    quote = lambda t: '"' + t.replace('"', '""') + '"'
    long_req = [quote(t) for t in req if len(t) >= 3]
    long_exc = [quote(t) for t in exc if len(t) >= 3]
    where, args = [], []
    if long_req:
        where.append('p MATCH ?')
        args.append(' AND '.join(long_req) + ''.join(' NOT ' + t for t in long_exc))
        long_exc = []
    for t in long_exc:
        where.append('p.rowid NOT IN (SELECT rowid FROM p WHERE p MATCH ?)')
        args.append(t)
    for t, neg in [(t, False) for t in req if len(t) < 3] + [(t, True) for t in exc if len(t) < 3]:
        where.append(('NOT ' if neg else '') + "text LIKE ? ESCAPE '\\'")
        args.append('%' + t.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_') + '%')
    # Rows were inserted oldest transcript first: the newest 20 are the
    # last rowids, which FTS5 reads backwards without the rest.
    sql = 'SELECT doc, passage, text FROM p WHERE ' + ' AND '.join(where)
    con = apsw.Connection(db_path, flags=apsw.SQLITE_OPEN_READONLY, vfs='counting')
    con.execute('PRAGMA cache_size=-65536')
    reads[0] = 0
    started = time.time()
    first = list(con.execute(sql + ' ORDER BY p.rowid DESC LIMIT 20', args))
    ms = (time.time() - started) * 1e3
    cold = reads[0]
    docs = {d for d, in con.execute('SELECT DISTINCT doc FROM (' + sql + ')', args)}
    con.close()
    out = subprocess.run([shilu, 'search', os.path.join(work, 'site'), q, '--json'], capture_output=True)
    truth = len(json.loads(out.stdout)['by_transcript']) if out.returncode == 0 else -1
    rows.append((q, truth, len(docs), cold, ms))
    print(f'{q:<16} truth {truth:>5}  fts5 {len(docs):>5}  {cold / 1e3:>9.1f} KB  {ms:>7.0f} ms', flush=True)

def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
exact = sum(1 for r in rows if r[1] == r[2])
print(f'\n{len(rows)} queries: same number of transcripts as the truth for {exact}; '
      f'cold KB median {median([r[3] / 1e3 for r in rows]):.1f}, max {max(r[3] for r in rows) / 1e3:.1f}; '
      f'ms median {median([r[4] for r in rows]):.0f}; database {os.path.getsize(db_path) / 1e6:.1f} MB')
