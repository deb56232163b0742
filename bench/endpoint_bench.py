"""Benchmark our SPARQL endpoint against Oxigraph's own server on the same store.

One run: build a store of generated articles (or use ``--store``), start
``oxigraph serve-read-only`` and our server (gunicorn, several workers, read-only)
on it, drive both with the same load (``--connections`` keep-alive connections from
a few client processes) for a point query and an aggregation, and print requests/s,
latency percentiles, error counts and the ratios ours/Oxigraph.

Needs only the project's venv with the ``test`` extra (``oxigraph`` provides the
``oxigraph`` command next to the venv's python). Usage::

    .venv/bin/python bench/endpoint_bench.py                 # 5000 generated articles
    .venv/bin/python bench/endpoint_bench.py --store data/store --duration 20

Targets: ours >= 0.5 x Oxigraph on the point query, >= 0.9 x on the aggregation,
no errors. The client runs on the same machine, so absolute numbers include its
CPU use; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from kg.namespaces import DOCUMENT, ONTOLOGY
from kg.web.testing import LiveServer, free_port, generate_sample_store, http_request

ACCEPT = {"Accept": "application/sparql-results+json"}
AGGREGATION = (  # the ten entities mentioned by most articles
    f"SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?g {{ ?d <{ONTOLOGY}mentions> ?e }} }}"
    " GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 10"
)


def point_query(doc: int) -> str:
    return f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ <{DOCUMENT}doc-{doc}> ?p ?o }} }}"


def _client_thread(port: int, paths: list[str], until: float, out: list, errors: list) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = 0
    while time.perf_counter() < until:
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        try:
            conn.request("GET", path, headers=ACCEPT)
            resp = conn.getresponse()
            resp.read()
            if resp.status != 200:
                errors.append(resp.status)
                continue
            out.append(time.perf_counter() - start)
        except (OSError, http.client.HTTPException) as exc:
            errors.append(type(exc).__name__)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.close()


def _client_process(args: tuple) -> tuple[list[float], list]:
    port, paths, threads, duration, seed = args
    rng = random.Random(seed)
    until = time.perf_counter() + duration
    latencies: list[float] = []
    errors: list = []
    workers = []
    for _ in range(threads):
        own = paths[:]
        rng.shuffle(own)
        t = threading.Thread(target=_client_thread, args=(port, own, until, latencies, errors))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()
    return latencies, errors


def drive(port: int, paths: list[str], connections: int, processes: int, duration: float) -> dict:
    per_process = [connections // processes + (i < connections % processes) for i in range(processes)]
    jobs = [(port, paths, n, duration, i) for i, n in enumerate(per_process) if n]
    with multiprocessing.Pool(len(jobs)) as pool:
        results = pool.map(_client_process, jobs)
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = [e for _, err in results for e in err]
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies),
        "rps": len(latencies) / duration,
        "p50": q[49] * 1000,
        "p90": q[89] * 1000,
        "p99": q[98] * 1000,
        "errors": len(errors),
        "error_kinds": sorted({str(e) for e in errors}),
    }


def start_oxigraph(store: Path, log: Path) -> tuple[subprocess.Popen, int]:
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [exe, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=out,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if http_request("127.0.0.1", port, "GET", "/query?query=ASK%7B%7D", headers=ACCEPT).status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"oxigraph did not start; see {log}")


def check_same_answers(paths: list[str], ox_port: int, our_port: int) -> None:
    """Both servers must return the same rows, or the comparison means nothing."""
    import json

    for path in paths[:3]:
        a = http_request("127.0.0.1", ox_port, "GET", path.replace("/sparql?", "/query?"), headers=ACCEPT)
        b = http_request("127.0.0.1", our_port, "GET", path, headers=ACCEPT)
        rows = [json.loads(r.body)["results"]["bindings"] for r in (a, b)]
        key = lambda row: json.dumps(row, sort_keys=True)  # noqa: E731
        if sorted(rows[0], key=key) != sorted(rows[1], key=key):
            raise SystemExit(f"different answers for {path}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="existing store (default: generate one)")
    parser.add_argument("--documents", type=int, default=5000, help="generated articles")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--client-processes", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--query-workers", type=int, default=1, help="query children per worker")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    store = args.store
    if store is None:
        store = tmp / "store"
        quads = generate_sample_store(store, documents=args.documents, entities=max(10, args.documents // 10))
        print(f"generated {quads} quads in {args.documents} named graphs at {store}")
    documents = args.documents
    point_paths = [
        "/sparql?query=" + quote(point_query(random.Random(i).randrange(documents))) for i in range(200)
    ]
    agg_paths = ["/sparql?query=" + quote(AGGREGATION)]

    ox_proc, ox_port = start_oxigraph(store, tmp / "oxigraph.log")
    ours = LiveServer(
        store,
        workers=args.workers,
        threads=args.threads,
        settings={"KG_QUERY_WORKERS": args.query_workers},
        log_path=tmp / "server.log",
        gunicorn_args=("--worker-class", args.worker_class),
    )
    ours.start()
    try:
        check_same_answers(point_paths + agg_paths, ox_port, ours.port)
        print(
            f"load: {args.connections} keep-alive connections from {args.client_processes} processes,"
            f" {args.duration:g} s per run; ours = gunicorn {args.workers} {args.worker_class} workers x {args.threads}"
            f" threads, {args.query_workers} query children per worker"
        )
        header = (
            f"{'query':12} {'server':9} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>7}"
        )
        print(header)
        print("-" * len(header))
        for name, paths in (("point", point_paths), ("aggregation", agg_paths)):
            results = {}
            for server, port, ps in (
                ("oxigraph", ox_port, [p.replace("/sparql?", "/query?") for p in paths]),
                ("ours", ours.port, paths),
            ):
                drive(port, ps, args.connections, args.client_processes, min(2.0, args.duration))  # warm-up
                r = results[server] = drive(port, ps, args.connections, args.client_processes, args.duration)
                print(
                    f"{name:12} {server:9} {r['rps']:9.1f} {r['p50']:8.2f} {r['p90']:8.2f} {r['p99']:8.2f}"
                    f" {r['errors']:7d}{'  ' + ','.join(r['error_kinds']) if r['errors'] else ''}"
                )
            ratio = results["ours"]["rps"] / results["oxigraph"]["rps"] if results["oxigraph"]["rps"] else 0.0
            target = 0.5 if name == "point" else 0.9
            verdict = "OK" if ratio >= target and not results["ours"]["errors"] else "BELOW TARGET"
            print(f"{name:12} ratio ours/oxigraph = {ratio:.2f} (target >= {target}) {verdict}")
    finally:
        ours.stop()
        ox_proc.terminate()
        ox_proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
