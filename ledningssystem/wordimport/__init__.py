"""`import-word`: Word rutiner, riktlinjer and checklistor (.docx) as rutin drafts.

Reads the document (docx_reader), turns its HTML into Markdown, finds its metadata and
roles, and writes a rutin file the core validates like any other, with a report.
"""
