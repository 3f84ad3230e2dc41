"""The corpus side: a store of analysed articles (SQLite or PostgreSQL), stories grown as
articles arrive, and per-story first reports, citations, corroboration, contradictions.

Nothing heavy is imported here, so the command line starts fast: import
`rumorscope.corpus.store` for `Store`."""

DEFAULT_URL = "sqlite:///rumorscope.db"
