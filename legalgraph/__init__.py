"""Command-line front end of the Vietnamese legal citation graph."""
