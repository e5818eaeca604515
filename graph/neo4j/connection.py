"""Connecting to a Bolt server: settings, the driver, retried reads and
writes, and what a failure means for the user.

Settings come from flags or the environment, never the code: ``NEO4J_URI``,
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``; no user means no
authentication. Every failure a user can fix (nothing listening, wrong
credentials, no such database, not a Bolt server, a server lacking what
legalgraph needs) becomes a :class:`ServerError` whose one-line message names
the URI and what to do; the CLI exits 2 with it, the app shows it.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import urlsplit

from graph.errors import UserError
from graph.neo4j import falkordb
from graph.neo4j.dialect import Dialect, Unsupported, probe

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction

__all__ = [
    "AuthenticationFailed",
    "Connection",
    "GraphNotReady",
    "Neo4jConfig",
    "ServerError",
    "ServerUnreachable",
    "UnsupportedServer",
]

#: Where to read what legalgraph needs from a server.
DOCS = "docs/neo4j.md"
#: URI schemes of the Bolt protocol (the driver's HTTP preview is not used).
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

# The driver logs connection failures as warnings; without this, Python's
# last-resort handler would print them to stderr beside our one-line message.
# An application that configures logging still gets them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Neo4jConfig:
    """Where and how to connect. Build with :meth:`from_env`."""

    uri: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    @classmethod
    def from_env(cls, *, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None,
                 environ: Mapping[str, str] | None = None) -> Neo4jConfig:
        """Flags win over ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``/
        ``NEO4J_DATABASE``; raise ``ValueError`` if no URI is given at all."""
        env = os.environ if environ is None else environ
        uri = uri or env.get("NEO4J_URI")
        if not uri:
            raise ValueError("no Neo4j URI: pass --uri or set NEO4J_URI")
        return cls(uri=uri, user=user or env.get("NEO4J_USER") or None,
                   password=password if password is not None else env.get("NEO4J_PASSWORD"),
                   database=database or env.get("NEO4J_DATABASE") or None)

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.user, self.password or "") if self.user else None


# --------------------------------------------------------------------------
# Errors for users


class ServerError(UserError):
    """The server cannot be used as it is; the message says why and what to do."""


class ServerUnreachable(ServerError):
    """Nothing answers at the URI (down, wrong host or port, lost connection)."""


class AuthenticationFailed(ServerError):
    """The server refused the credentials."""


class UnsupportedServer(ServerError):
    """Something answers, but cannot run what legalgraph needs."""


class GraphNotReady(ServerError):
    """The server holds no complete push (none yet, or one still running or
    interrupted): answering would show a half-written graph."""


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0][:200] if text.strip() else type(exc).__name__


def _socket_reason(exc: OSError) -> str:
    if isinstance(exc, socket.gaierror):
        return "host name not found"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError):
        return "no answer"
    return _first_line(exc)


# --------------------------------------------------------------------------
# The connection

_URI_HELP = "use bolt://host:7687, neo4j://host:7687, or neo4j+s://host for Aura"


def _check_uri(uri: str) -> None:
    """Refuse what cannot be a Bolt server's address, before the driver does
    (its messages for these are tracebacks or talk of DNS)."""
    parts = urlsplit(uri)
    try:
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        raise ServerError(f"{uri}: the port is not a number; {_URI_HELP}") from None
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise ServerError(f"{uri}: not a Bolt URI; {_URI_HELP}")



def _close_driver(driver: Driver, uri: str, closing: Mapping[str, bool]) -> None:
    driver.close()
    if closing.get("unstick"):
        falkordb.unstick_after_close(uri)


class Connection:
    """A driver, the server's :class:`Dialect`, and retrying read/write
    helpers whose failures are :class:`ServerError` when a user can fix
    them. One per backend or push; the driver is closed when it is."""

    def __init__(self, config: Neo4jConfig) -> None:
        from neo4j import GraphDatabase

        self.config = config
        self.agent = "?"
        uri = config.uri
        _check_uri(uri)
        refused = falkordb.drain_stuck_handshakes(uri)
        if refused is not None:
            raise ServerUnreachable(f"{uri}: no server there ({_socket_reason(refused)}); "
                                    "start it, or fix NEO4J_URI / --uri")
        # A local server answers a handshake in milliseconds: give up on a
        # stuck one after seconds, not the default 30 (the retries then take a
        # fresh connection); remote servers keep the driver's default.
        local = urlsplit(uri).hostname in ("127.0.0.1", "localhost", "::1")
        try:
            self.driver: Driver = GraphDatabase.driver(
                uri, auth=config.auth,
                **({"connection_timeout": 5.0, "connection_acquisition_timeout": 10.0}
                   if local else {}))
        except ValueError as exc:  # the driver's ConfigurationError is one too
            raise ServerError(f"{uri}: not a Bolt URI ({_first_line(exc)}); {_URI_HELP}") \
                from exc
        self._closing = {"unstick": False}
        self._finalizer = weakref.finalize(self, _close_driver, self.driver, uri,
                                           self._closing)
        try:
            self.dialect: Dialect = _retrying(lambda: probe(self._run_raw))
        except Unsupported as exc:
            self.close()
            raise UnsupportedServer(f"{uri} ({self.agent}): {exc}; legalgraph needs a "
                                    f"Neo4j 5 compatible server, see {DOCS}") from exc
        except Exception as exc:
            self.close()
            self.fail(exc)
        # a server that pastes parameters is FalkorDB-like: clean up after GOODBYE
        self._closing["unstick"] = self.dialect.text_params

    def close(self) -> None:
        self._finalizer()

    def fail(self, exc: BaseException) -> NoReturn:
        """Raise ``exc`` as :meth:`explain` puts it for the user, or as it is."""
        err = self.explain(exc)
        if err is None:
            raise exc
        raise err from exc

    def explain(self, exc: BaseException) -> ServerError | None:
        """``exc`` as a :class:`ServerError` if a user can fix its cause, else
        None (ours already, or a bug: it keeps its traceback)."""
        from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

        uri = self.config.uri
        if isinstance(exc, (UserError, falkordb.ParametersTooLarge)):
            return None
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, AuthError) or falkordb.server_code(exc).endswith(
                "ClientError.Security.Unauthorized"):
            who = (f"user {self.config.user!r}" if self.config.user
                   else "no user given (NEO4J_USER unset)")
            return AuthenticationFailed(f"{uri}: the server refused the credentials ({who}); "
                                        "set NEO4J_USER and NEO4J_PASSWORD")
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return ServerError(f"{uri}: no database {self.config.database!r} there; create "
                               "it, or fix NEO4J_DATABASE / --database")
        if code.startswith("Neo.ClientError.Security"):
            return ServerError(f"{uri}: user {self.config.user!r} may not do this "
                               f"({_first_line(exc)}); use a user with write and schema "
                               "rights")
        if isinstance(exc, ServiceUnavailable) and any(
                k in str(exc).lower() for k in ("handshake", "looks like http", "protocol")):
            return UnsupportedServer(f"{uri}: what answers there does not speak Bolt (the "
                                     "HTTP port? Bolt is usually 7687); fix NEO4J_URI / --uri")
        if isinstance(exc, (DriverError, OSError)):
            return ServerUnreachable(f"{uri}: cannot reach the server ({_first_line(exc)}); "
                                     "check that it runs and that NEO4J_URI is right, then "
                                     "try again")
        if isinstance(exc, Neo4jError):
            return UnsupportedServer(f"{uri} ({self.agent}) rejected a statement legalgraph "
                                     f"needs ({_first_line(exc)}); see {DOCS} for the "
                                     "servers it runs on")
        return None

    def _session(self) -> Any:
        """A session that sees this process's earlier writes (causal
        consistency through the driver's bookmark manager, for clusters)."""
        return self.driver.session(database=self.config.database,
                                   bookmark_manager=self.driver.execute_query_bookmark_manager)

    def _run_raw(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """One auto-commit statement, as is (the probe); keeps the agent string."""
        with self._session() as s:
            result = s.run(cypher, params)
            rows = result.data()
            self.agent = result.consume().server.agent or "?"
            return rows

    @property
    def budget(self) -> int | None:
        """Most bytes of parameters one statement may carry (None: no limit)."""
        return falkordb.TEXT_PARAMS_BUDGET if self.dialect.text_params else None

    def params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """Parameters as this server needs them (escaped and within the budget
        on a server that pastes them into the query text)."""
        if not self.dialect.text_params:
            return dict(params)
        return falkordb.checked_params(dict(params))

    def read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of one read query in a managed read transaction (the driver
        retries transient failures)."""
        p = self.params(params)

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return tx.run(cypher, p).data()

        try:
            with self._session() as s:
                return s.execute_read(work)
        except Exception as exc:
            self.fail(exc)

    def write(self, cypher: str, params: Mapping[str, Any] | None = None, *,
              retries: int = 5, backoff: float = 0.2,
              on_commit: Callable[[], None] | None = None
              ) -> tuple[list[dict[str, Any]], int]:
        """Run one statement in an explicit write transaction; retry retryable
        failures with exponential back-off. ``on_commit`` runs just before the
        commit (tests use it to make a batch fail). Returns (rows, retries)."""
        p = self.params(params or {})
        for attempt in range(retries + 1):
            try:
                with self._session() as s, s.begin_transaction() as tx:
                    rows = tx.run(cypher, p).data()
                    if on_commit is not None:
                        on_commit()
                    tx.commit()
                    return rows, attempt
            except Exception as exc:  # noqa: BLE001 - filtered just below
                if attempt == retries or not _retryable(exc):
                    self.fail(exc)
                time.sleep(backoff * (2 ** attempt))
        raise AssertionError("unreachable")

    def try_read(self, cypher: str, **params: Any) -> list[dict[str, Any]] | None:
        """Rows, or None if the server rejects the statement (a feature it
        lacks: unknown procedure or syntax); other failures raise."""
        try:
            with self._session() as s:
                return s.run(cypher, self.params(params)).data()
        except Exception as exc:
            if _rejected(exc):
                return None
            self.fail(exc)

    def try_write(self, cypher: str, params: Mapping[str, Any] | None = None) -> bool:
        """Run a schema statement (or a probe) in an explicit transaction, as
        push runs its batches; False if the server rejects it (see
        :meth:`try_read`)."""
        try:
            with self._session() as s, s.begin_transaction() as tx:
                tx.run(cypher, self.params(params or {})).consume()
                tx.commit()
            return True
        except Exception as exc:
            if _rejected(exc):
                return False
            self.fail(exc)


def _retrying(fn: Callable[[], Any], *, retries: int = 3, backoff: float = 0.2) -> Any:
    """``fn()``, tried again after a retryable failure (lost connection)."""
    for attempt in range(retries + 1):
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - filtered just below
            if attempt == retries or not _retryable(exc):
                raise
            time.sleep(backoff * (2 ** attempt))
    raise AssertionError("unreachable")


def _retryable(exc: BaseException) -> bool:
    """Transient server errors and lost connections: worth another try."""
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    if isinstance(exc, AuthError):
        return False
    if isinstance(exc, (Neo4jError, DriverError)):
        return bool(exc.is_retryable())
    return False


def _rejected(exc: BaseException) -> bool:
    """The server refused this statement itself (unknown procedure, function
    or syntax: a feature it lacks), as opposed to a lost connection, a
    transient error, credentials, rights or a missing database."""
    from neo4j.exceptions import Neo4jError

    if not isinstance(exc, Neo4jError) or exc.is_retryable():
        return False
    code = exc.code or ""
    return not code.startswith(("Neo.ClientError.Security", "Neo.TransientError",
                                "Neo.ClientError.Database.DatabaseNotFound"))
