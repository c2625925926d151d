"""The benchmark: a synthetic corpus, and timed builds of the project and the stock stack.

``python -m bench`` (``make bench``) runs it; ``python -m bench.corpus`` only
writes a corpus; ``python -m bench.profile`` profiles one cold build.
"""
