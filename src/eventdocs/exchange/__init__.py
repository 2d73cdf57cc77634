"""Exchange with translators' tools: a language's strings out to PO or XLIFF and back in.

``units`` is what both formats carry; each format reads and writes it, and an import passes
the same rules as ``check`` before anything is written to ``locales/``.
"""
