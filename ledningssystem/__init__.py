"""Ledningssystem för systematiskt kvalitetsarbete: content model, loading and rendering.

The engine knows nothing of MkDocs; hooks/ and macros/ call into it.
"""
