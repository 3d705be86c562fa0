"""Document control: what is in force, what is due, and what changed, from Git.

Owns the Git calls and the history of every document, document metadata read from any
revision, the review radar (overdue, due, drafts), the reviewer's summary of a branch, the
Ändringslogg, the version in force on a date, CODEOWNERS, and the renderers of those
(banners and version history, lists as CSV/JSON, the review-due report). Renderers here
receive history; only git.py, history.py, changes.py and as_of.py run Git.
"""
