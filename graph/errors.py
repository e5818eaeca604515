"""Errors a user can fix: a server that is down, wrong credentials, a graph
not loaded yet. Their message is one line naming the thing (URI, folder) and
what to do; the CLI prints it and exits with status 2, the app shows it,
neither shows a traceback."""

from __future__ import annotations

__all__ = ["UserError"]


class UserError(Exception):
    """A problem the user can fix; ``str(exc)`` is the whole message."""
