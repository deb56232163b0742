"""The ``kg`` command line: a thin shell over :mod:`kg.ingest`, :mod:`kg.querying`,
:mod:`kg.evaluation` and :mod:`kg.web.serve`.

Domain errors (:class:`~kg.errors.KGError`) become one-line messages with a non-zero
exit code; anything else is reported as an internal error, with the traceback only
under ``kg --debug`` (or ``KG_DEBUG=1``).
"""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import click

from .cli_gazetteer import gazetteer
from .errors import InputError, KGError, QueryNotFound, QuerySyntaxError, UpdateNotAllowed

#: Exit code for mistakes in what the user asked (bad query, unknown name or format).
USAGE_EXIT = 2
_USAGE_ERRORS = (QuerySyntaxError, QueryNotFound, UpdateNotAllowed)


class KGCommandError(click.ClickException):
    """A one-line error, exit code 1."""

    exit_code = 1


class KGUsageError(KGCommandError):
    """A one-line error about what the user asked for, exit code 2 (no usage text)."""

    exit_code = USAGE_EXIT


class KGGroup(click.Group):
    """Turns exceptions from any subcommand into one-line errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            error = KGUsageError if isinstance(exc, _USAGE_ERRORS) else KGCommandError
            raise error(" ".join(exc.message.split())) from exc
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (`kg query ... | head`): stop quietly
            _silence_stdout()
            raise click.exceptions.Exit(1) from None
        except Exception as exc:
            if ctx.params.get("debug") or os.environ.get("KG_DEBUG") == "1":
                raise
            brief = " ".join(str(exc).split())[:200]
            raise KGCommandError(
                f"internal error ({type(exc).__name__}: {brief}); "
                "rerun with `kg --debug ...` to see the traceback") from exc


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _stderr(message: str) -> None:
    click.echo(message, err=True)


def _report_error(exc: KGError) -> None:
    _stderr("error: " + " ".join(exc.message.split()))


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r}: write NAME=VALUE", param_hint="--param")
        out[name.strip().lstrip("?$")] = value
    return out


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show Python tracebacks of internal errors.")
@click.version_option(package_name="kg-news", prog_name="kg")
def main(debug: bool) -> None:
    """Turn news articles about armed conflicts into a queryable knowledge graph.

    \b
    Example:
      kg ingest ../shared/corpus --store data/store
      kg query who-controls-what --store data/store
      kg serve --store data/store --port 5000
    """


INPUTS = click.argument("inputs", metavar="FILE_OR_DIR...", nargs=-1, required=True,
                        type=click.Path(path_type=Path))
ONLINE = click.option("--online", is_flag=True,
                      help="Also link entities through Wikidata online (cached on disk).")
STORE = click.option("--store", "store_path", required=True, metavar="DIR",
                     type=click.Path(file_okay=False, path_type=Path),
                     help="Oxigraph store directory.")


@main.command()
@INPUTS
@click.option("-o", "--output", required=True, metavar="OUT",
              help="Output file (.nq, .trig, .ttl, .nt, .jsonld), or - for stdout.")
@click.option("--format", "fmt", type=click.Choice(["nq", "trig", "ttl", "nt", "jsonld"]),
              default=None, help="Output format (default: from the extension of OUT).")
@ONLINE
def extract(inputs: tuple[Path, ...], output: str, fmt: str | None, online: bool) -> None:
    """Extract facts from articles and write the RDF graph, without a store.

    Inputs are .txt articles (with an optional NAME.meta.json beside them), folders
    of them, or .jsonl files with one article per line. All articles go to one
    output file, one named graph each.

    \b
    Example:
      kg extract ../shared/corpus/kharkiv-counteroffensive-2022-09-10.txt -o out/kharkiv.trig
    """
    from ._rdfio import rdf_format
    from .ingest import build_graph

    if output == "-" and fmt is None:
        raise click.UsageError("writing to stdout (-o -) needs --format")
    rdf_format(output, fmt)  # an unknown extension fails before any work
    target = sys.stdout.buffer if output == "-" else Path(output)
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
    report = build_graph(inputs, target, on_error=_report_error, fmt=fmt, online=online)
    where = "stdout" if output == "-" else output
    _stderr(f"extracted {report.summary()} -> {where}")
    if report.failed:
        raise click.exceptions.Exit(1)


@main.command()
@INPUTS
@STORE
@ONLINE
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024),
              help="Articles per batch through the spaCy pipeline.")
@click.option("--shacl/--no-shacl", default=True, show_default=True,
              help="Check each article's graph against the SHACL shapes before storing it.")
def ingest(inputs: tuple[Path, ...], store_path: Path, online: bool, batch_size: int,
           shacl: bool) -> None:
    """Extract articles and store one named graph per article.

    Re-ingesting an article (same id) replaces its graph. Bad inputs are reported
    one line each and skipped; the exit code is 1 if any input failed.

    \b
    Example:
      kg ingest ../shared/corpus eval/dev/corpus --store data/store
    """
    from .ingest import ingest_paths
    from .store import KGStore

    with KGStore.open(store_path) as store:
        report = ingest_paths(store, inputs, on_error=_report_error, batch_size=batch_size,
                              online=online, validate_shapes=shacl)
    _stderr(f"ingested {report.summary()} into {store_path}")
    if report.failed:
        raise click.exceptions.Exit(1)


@main.command()
@click.argument("query", metavar="SPARQL_OR_FILE_OR_NAME")
@STORE
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "csv", "tsv", "xml", "turtle", "ntriples",
                                 "nquads"]),
              help="SELECT/ASK: table, json, csv, tsv, xml. CONSTRUCT/DESCRIBE: turtle "
                   "(also for table), ntriples, nquads, json (JSON-LD).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (repeatable), e.g. --param place=Izium.")
def query(query: str, store_path: Path, fmt: str, params: tuple[str, ...]) -> None:
    """Run a SPARQL query against the store (opened read-only).

    The query is SPARQL text, a .rq file, or the name of a query in queries/.

    \b
    Example:
      kg query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --store data/store
      kg query about-place --param place=Izyum --store data/store --format csv
    """
    from .querying import render, resolve_query, run_query
    from .store import KGStore

    try:
        sparql = resolve_query(query, _parse_params(params))
        with KGStore.open(store_path, read_only=True) as store:
            data = render(run_query(store, sparql), fmt)
    except InputError as exc:  # a bad parameter or .rq file, a format that does not fit
        raise KGUsageError(exc.message) from exc
    out = sys.stdout.buffer
    out.write(data if data.endswith(b"\n") or not data else data + b"\n")
    out.flush()


@main.command()
@STORE
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Output file (.nq or .trig keep the named graphs; .jsonld too), or -.")
@click.option("--format", "fmt", type=click.Choice(["nq", "trig", "jsonld"]), default=None,
              help="Output format (default: from the extension of FILE).")
def export(store_path: Path, output: str, fmt: str | None) -> None:
    """Write the whole dataset (every named graph) to one file.

    \b
    Example:
      kg export --store data/store -o dump.nq
    """
    import pyoxigraph as ox

    from ._rdfio import rdf_format
    from .namespaces import PREFIXES
    from .store import KGStore

    if output == "-" and fmt is None:
        raise click.UsageError("writing to stdout (-o -) needs --format")
    rdf_fmt = rdf_format(output, fmt)
    if not rdf_fmt.supports_datasets:
        raise InputError(f"{output}: {rdf_fmt.name} cannot hold named graphs; use .nq or .trig")
    with KGStore.open(store_path, read_only=True) as store:
        target = sys.stdout.buffer if output == "-" else output
        prefixes = PREFIXES if rdf_fmt == ox.RdfFormat.TRIG else None
        store.oxigraph.dump(target, rdf_fmt, prefixes=prefixes)
        count = len(store)
    _stderr(f"exported {count} quads -> {'stdout' if output == '-' else output}")


@main.command()
@STORE
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535),
              help="TCP port to listen on.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="gunicorn worker processes (1 when writes are enabled).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 256),
              help="Threads per worker process.")
@click.option("--timeout", "timeout_s", default=30.0, show_default=True,
              type=click.FloatRange(min=0.1), help="Time limit of one query, seconds.")
@click.option("--write-token", envvar="KG_WRITE_TOKEN", default=None, metavar="TOKEN",
              help="Accept SPARQL Update and Graph Store writes with this bearer token "
                   "(or set KG_WRITE_TOKEN). Without it the endpoint is read-only.")
def serve(store_path: Path, host: str, port: int, workers: int, threads: int,
          timeout_s: float, write_token: str | None) -> None:
    """Serve the store as a SPARQL 1.1 endpoint with a query page (gunicorn).

    \b
    Example:
      kg serve --store data/store --port 5000
      then open http://127.0.0.1:5000/ or query http://127.0.0.1:5000/sparql
    """
    from .web.serve import run_server

    run_server(store_path, host=host, port=port, workers=workers, threads=threads,
               write_token=write_token, timeout_s=timeout_s)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--entities", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="Gold entities (default: GOLD_DIR/entities.jsonl).")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="Articles (default: GOLD_DIR/corpus or GOLD_DIR/../corpus).")
@click.option("--split", type=click.Choice(["all", "tune", "heldout"]), default="all",
              show_default=True, help="Documents to score, from GOLD_DIR/SPLIT.json.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--links", is_flag=True, help="Also score entity linking on GOLD_DIR/links.")
@click.option("--graphs-out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write each document's graph to DIR/<id>.nq.")
@ONLINE
def evaluate(gold_dir: Path, entities: Path | None, corpus: Path | None, split: str,
             as_json: bool, links: bool, graphs_out: Path | None, online: bool) -> None:
    """Score the extractor against gold facts: P/R/F1 per relation, errors per document.

    Scores agree with shared/eval/score.py on the same graphs.

    \b
    Example:
      kg eval eval/dev --split tune --links
      kg eval ../shared/eval --corpus ../shared/corpus
    """
    import json

    from .evaluation import EvalLayout, format_report
    from .evaluation import evaluate as run_eval

    layout = EvalLayout.resolve(gold_dir, corpus=corpus, entities=entities)
    report = run_eval(layout, split, online=online, graphs_out=graphs_out, links=links)
    click.echo(json.dumps(report.as_dict(), indent=1) if as_json else format_report(report))


main.add_command(gazetteer)
