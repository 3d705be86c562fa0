"""The site: everything a build makes from loaded content, for any engine.

Owns the build options and the one prepared build (build), the generated pages (pages),
the macros authors call (macro_api), the preview under `make serve`, the engine-neutral
export, `check`'s readiness, the search index, the own-resources check, the swap into place
and the archive. Knows nothing of MkDocs: hooks/ and macros/ call into it.
"""
