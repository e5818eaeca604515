"""Synthetic corpus generator: realistic Vietnamese legal and Party documents with
planted citations and the ground truth to score the parser against.

Not a measure of accuracy: only forms the parser is specified to read are
planted, so a score on this corpus says the parser reads those forms, at
scale and at speed, never how well it reads real documents (for that, the
hand annotation in ``data/annotations/`` and ``tests/test_seeds_gold.py``).

Public API::

    from legalgraph.synth import generate_corpus, iter_documents
    generate_corpus("/tmp/corpus", 1000, seed=1)   # writes docs/, truth.jsonl, manifest.json

Modules: ``vocab`` (tables), ``plan`` (who issues what, keys, citability),
``render`` (text + truth), ``ocr`` (scan degradation), ``corpus`` (streaming writer).
"""

from legalgraph.synth.corpus import GeneratedDoc, generate_corpus, iter_documents, read_truth

__all__ = ["GeneratedDoc", "generate_corpus", "iter_documents", "read_truth"]
