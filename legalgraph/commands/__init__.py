"""One module per group of ``legalgraph`` subcommands.

Each module defines ``register(subparsers)`` which adds its subcommands and
sets ``func`` (a callable taking the parsed ``argparse.Namespace`` and
returning an exit code).
"""

#: Modules registered by :func:`legalgraph.cli.main`, in help order.
COMMAND_MODULES: tuple[str, ...] = (
    "legalgraph.commands.parse",
    "legalgraph.commands.graph",
    "legalgraph.commands.audit",
    "legalgraph.commands.generate",
    "legalgraph.commands.neo4j",
)
