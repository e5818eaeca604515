"""The Streamlit app's UI helpers: Vietnamese labels, cached data access,
HTML/graph rendering. ``app.py`` and the page scripts in ``pages/`` are thin
layers of ``st.*`` calls over these and over :mod:`graph`.
"""
