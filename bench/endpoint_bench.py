"""Benchmark our SPARQL endpoint against Oxigraph's own server on the same store.

One run: build a store of generated articles (or use ``--store``), start
``oxigraph serve-read-only``, our server twice (read-only, result cache on as
by default, and cache off) and ``bare_wsgi.py`` (pyoxigraph behind granian and
nothing else: the ceiling of any Python layer), drive each with the same load
generator for a point query, a point query with a join and an aggregation, and
print requests/s, latency percentiles, errors, our cache hit rate and the ratios
to Oxigraph.

The load generator is ``wrk`` (C, keep-alive connections; far less CPU than a
Python client, which matters on a 2-core machine) with one Lua script for all
servers: it cycles through the request paths, counts every status other than 200
as an error and reads our ``Cache-Status`` header. If ``wrk`` is missing and this
runs as root, it is installed with ``apt-get install -y wrk``. Usage::

    .venv/bin/python bench/endpoint_bench.py                 # 5000 generated articles
    .venv/bin/python bench/endpoint_bench.py --store data/store --duration 20

Acceptance (server as deployed, cache on): ours >= 0.5 x Oxigraph on the point
query, >= 0.9 x on the aggregation, no errors in any run. The cache-off figures
are printed too, as the honest cost of a query that was not asked before.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from kg.namespaces import DOCUMENT, ONTOLOGY
from kg.web.serve import SERVERS, granian_argv
from kg.web.testing import LiveServer, free_port, generate_sample_store, http_request

ACCEPT = "application/sparql-results+json"
AGGREGATION = (  # the ten entities mentioned by most articles
    f"SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?g {{ ?d <{ONTOLOGY}mentions> ?e }} }}"
    " GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 10"
)
TARGETS = {"point": 0.5, "aggregation": 0.9}

# wrk script: args = paths file, Accept header. Prints one JSON line at the end.
WRK_SCRIPT = r"""
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  reqs = {}
  for line in io.lines(args[1]) do
    reqs[#reqs + 1] = wrk.format("GET", line, {["Accept"] = args[2]})
  end
  math.randomseed(id * 7919)
  for k = #reqs, 2, -1 do local j = math.random(k); reqs[k], reqs[j] = reqs[j], reqs[k] end
  n, hits, misses, bad = 0, 0, 0, 0
end
function request()
  n = n + 1
  return reqs[(n - 1) % #reqs + 1]
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
  local cs = headers["Cache-Status"] or headers["cache-status"]
  if cs then
    if cs:find("hit", 1, true) then hits = hits + 1 else misses = misses + 1 end
  end
end
function done(summary, latency, requests)
  local h, m, b = 0, 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); m = m + t:get("misses"); b = b + t:get("bad") end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%f,"p50":%f,"p90":%f,"p99":%f,"bad":%d,"socket_errors":%d,"hits":%d,"misses":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, b, e.connect + e.read + e.write + e.timeout, h, m))
end
"""


def point_query(doc: int) -> str:
    """One triple pattern: our server runs it in the web process (kg.web.inline)."""
    return f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ <{DOCUMENT}doc-{doc}> ?p ?o }} }}"


def join_query(doc: int) -> str:
    """A point lookup with a join (what the article mentions, and their labels):
    our server sends it to a query child (kg.web.executor). No target; shown
    for the cost of that round trip."""
    return (
        f"SELECT ?e ?label WHERE {{ GRAPH ?g {{ <{DOCUMENT}doc-{doc}> <{ONTOLOGY}mentions> ?e ."
        f" ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }}"
    )


def find_wrk() -> str:
    """The ``wrk`` executable; installed with apt-get when missing and possible."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk not found: apt-get install -y wrk", flush=True)
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, stdout=subprocess.DEVNULL)
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("this benchmark needs wrk: install it (Debian/Ubuntu: apt-get install wrk)")
    return found


def drive(wrk: str, script: Path, port: int, paths: Path, args: argparse.Namespace, seconds: float) -> dict:
    """One wrk run; requests/s counts the 200 answers only."""
    cmd = [wrk, f"-t{args.client_threads}", f"-c{args.connections}", f"-d{seconds:g}s", "--timeout", "30s",
           "-s", str(script), f"http://127.0.0.1:{port}", "--", str(paths), ACCEPT]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    r = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    r["errors"] = r["bad"] + r["socket_errors"]
    r["rps"] = (r["requests"] - r["bad"]) / r["seconds"]
    counted = r["hits"] + r["misses"]
    r["hit_rate"] = r["hits"] / counted if counted else None
    return r


def start_server(name: str, argv: list[str], log: Path, probe: str, env: dict | None = None) -> tuple[subprocess.Popen, int]:
    """Start ``argv`` (``{port}`` filled in) and wait until ``probe`` answers 200."""
    port = free_port()
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [part.format(port=port) for part in argv], stdout=out, stderr=out,
            env={**os.environ, **(env or {})},
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if http_request("127.0.0.1", port, "GET", probe).status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{name} did not start; see {log}")


def start_oxigraph(store: Path, log: Path) -> tuple[subprocess.Popen, int]:
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    argv = [exe, "serve-read-only", "--location", str(store), "--bind", "127.0.0.1:{port}"]
    return start_server("oxigraph", argv, log, "/query?query=ASK%7B%7D")


def start_bare(store: Path, log: Path, args: argparse.Namespace) -> tuple[subprocess.Popen, int]:
    """``bare_wsgi.py`` under granian with our server's workers and threads."""
    argv = granian_argv("127.0.0.1", 0, args.workers, args.threads)
    argv[argv.index("--port") + 1] = "{port}"
    argv = [a for a in argv if a != "--factory"][:-1] + ["bare_wsgi:app"]
    env = {"BARE_STORE": str(store), "PYTHONPATH": str(Path(__file__).resolve().parent)}
    return start_server("the bare WSGI app", argv, log, "/sparql?query=ASK%7B%7D", env)


def check_same_answers(paths: list[str], ox_port: int, our_port: int) -> None:
    """Both servers must return the same rows, or the comparison means nothing."""
    headers = {"Accept": ACCEPT}
    for path in paths:
        a = http_request("127.0.0.1", ox_port, "GET", path.replace("/sparql?", "/query?"), headers=headers)
        b = http_request("127.0.0.1", our_port, "GET", path, headers=headers)
        rows = [json.loads(r.body)["results"]["bindings"] for r in (a, b)]
        key = lambda row: json.dumps(row, sort_keys=True)  # noqa: E731
        if sorted(rows[0], key=key) != sorted(rows[1], key=key):
            raise SystemExit(f"different answers for {path}")


def _row(name: str, server: str, r: dict) -> str:
    hits = "-" if r["hit_rate"] is None else f"{100 * r['hit_rate']:.1f}%"
    return (f"{name:12} {server:18} {r['rps']:9.1f} {r['p50']:8.2f} {r['p90']:8.2f} {r['p99']:8.2f}"
            f" {r['errors']:7d} {hits:>9}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="existing store (default: generate one)")
    parser.add_argument("--documents", type=int, default=5000, help="generated articles")
    parser.add_argument("--distinct", type=int, default=200, help="distinct point queries in the mix")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up before each")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--client-threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--server", default="granian", choices=SERVERS, help="our HTTP server")
    parser.add_argument("--workers", type=int, default=2, help="our worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker process (as `kg serve`)")
    parser.add_argument("--query-workers", type=int, default=1, help="query children per worker")
    parser.add_argument("--cache-bytes", type=int, default=64_000_000, help="KG_RESULT_CACHE_BYTES when on")
    args = parser.parse_args(argv)

    wrk = find_wrk()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    script = tmp / "load.lua"
    script.write_text(WRK_SCRIPT)
    store = args.store
    if store is None:
        store = tmp / "store"
        quads = generate_sample_store(store, documents=args.documents, entities=max(10, args.documents // 10))
        print(f"generated {quads} quads in {args.documents} named graphs at {store}")
    point = ["/sparql?query=" + quote(point_query(random.Random(i).randrange(args.documents)))
             for i in range(args.distinct)]
    join = ["/sparql?query=" + quote(join_query(random.Random(i).randrange(args.documents)))
            for i in range(args.distinct)]
    queries = {"point": point, "point join": join, "aggregation": ["/sparql?query=" + quote(AGGREGATION)]}

    ox_proc, ox_port = start_oxigraph(store, tmp / "oxigraph.log")
    bare_proc, bare_port = start_bare(store, tmp / "bare.log", args)
    ours = {
        f"ours cache {state}": LiveServer(
            store, workers=args.workers, threads=args.threads, server=args.server,
            settings={"KG_QUERY_WORKERS": args.query_workers, "KG_RESULT_CACHE_BYTES": size},
            log_path=tmp / f"server-{state}.log",
        )
        for state, size in (("on", args.cache_bytes), ("off", 0))
    }
    results: dict[tuple[str, str], dict] = {}
    try:
        check_same_answers(point[:3] + join[:3] + queries["aggregation"], ox_port, bare_port)
        for server in ours.values():
            server.start()
            check_same_answers(point[:3] + join[:3] + queries["aggregation"], ox_port, server.port)
        print(
            f"load: wrk, {args.connections} keep-alive connections, {args.client_threads} threads,"
            f" {args.warmup:g} s warm-up + {args.duration:g} s per run; ours = {args.server},"
            f" {args.workers} workers x {args.threads} threads, {args.query_workers} query children per"
            f" worker; cache on = {args.cache_bytes} bytes per worker; {args.distinct} distinct point queries"
        )
        header = (f"{'query':12} {'server':18} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}"
                  f" {'errors':>7} {'cache hit':>9}")
        print(header + "\n" + "-" * len(header))
        ports = {"oxigraph": ox_port, "bare pyoxigraph": bare_port, **{n: s.port for n, s in ours.items()}}
        for name, paths in queries.items():
            for server, port in ports.items():
                file = tmp / f"{name}-{server.replace(' ', '-')}.txt"
                prefix = "/query?" if server == "oxigraph" else "/sparql?"
                file.write_text("".join(p.replace("/sparql?", prefix) + "\n" for p in paths))
                drive(wrk, script, port, file, args, args.warmup)
                results[name, server] = r = drive(wrk, script, port, file, args, args.duration)
                print(_row(name, server, r), flush=True)
        return report(results)
    finally:
        for server in ours.values():
            server.stop()
        for proc in (ox_proc, bare_proc):
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def report(results: dict[tuple[str, str], dict]) -> int:
    """Print the ratios and the verdict; 0 when the acceptance holds."""
    ok = all(r["errors"] == 0 for r in results.values())
    for name in dict.fromkeys(n for n, _ in results):
        base = results[name, "oxigraph"]["rps"]
        on, off, bare = (
            results[name, server]["rps"] / base if base else 0.0
            for server in ("ours cache on", "ours cache off", "bare pyoxigraph")
        )
        print(f"{name:12} bare pyoxigraph WSGI app / oxigraph = {bare:.2f} (the ceiling of a Python layer)")
        target = TARGETS.get(name)
        if target is None:
            print(f"{name:12} ours/oxigraph = {on:.2f} with cache, {off:.2f} with cache off (no target)")
            continue
        verdict = "OK" if on >= target else "BELOW TARGET"
        ok = ok and on >= target
        print(f"{name:12} ours/oxigraph = {on:.2f} with cache (target >= {target}) {verdict};"
              f" {off:.2f} with cache off (no target)")
    errors = sum(r["errors"] for r in results.values())
    print(f"acceptance (cache on, no errors in any run): {'PASS' if ok else 'FAIL'}; errors in all runs: {errors}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
