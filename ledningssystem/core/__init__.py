"""The core every feature builds on: the content model, reading and validating it.

Owns the pydantic models (`core.model`), reading YAML with the line of every value, the
Swedish messages and ContentErrors, personnummer detection, ids (slugs) and page urls,
review state, facts written once, and the HTML allow-list. Imports nothing else from the
engine (the berättelse's type on `Ledningssystem.reports` is imported for type checking only).
"""
