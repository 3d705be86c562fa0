"""What a branch changes, for the reviewer of a pull request: read from Git, no rendering here.

collect_changes compares a branch with where it left the target branch (the merge base)
and classifies every changed process and rutin. The checks and the Markdown live in
render/change_summary.py as section providers, so later features can add their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ledningssystem.core.file_names import ROLES_FILE
from ledningssystem.core.yaml_lines import YamlProblem, parse_yaml
from ledningssystem.doccontrol.document_meta import ParsedDocument, parse_document
from ledningssystem.doccontrol.git import merge_base, read_blobs, resolve, run_git
from ledningssystem.doccontrol.history import CONTENT_FOLDERS

KINDS = {"processes": "process", "routines": "rutin"}


@dataclass(frozen=True)
class FileChange:
    """One changed file between the merge base and the branch (any file, not only documents)."""

    status: str  # A, M, D, R, C, T as git reports it
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class DocumentChange:
    """A process or rutin added, changed, renamed or deleted on the branch."""

    file: FileChange
    kind: str  # "process" or "rutin"
    before: ParsedDocument | None  # None when added
    after: ParsedDocument | None  # None when deleted

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def title(self) -> str:
        for side in (self.after, self.before):
            if side and side.meta.title:
                return side.meta.title
        return self.path

    @property
    def content_changed(self) -> bool:
        """Whether what the document says changed, beyond its control fields."""
        if self.before is None or self.after is None:
            return True
        return self.before.content != self.after.content

    @property
    def editorial(self) -> str:
        """The `redaktionell_ändring` note this change adds: no new version needed, or ''."""
        if self.before is None or self.after is None:
            return ""
        note = self.after.meta.editorial_note
        return note if note and note != self.before.meta.editorial_note else ""

    @property
    def owners(self) -> list[str]:
        found = [s.meta.owner for s in (self.after, self.before) if s and s.meta.owner]
        return list(dict.fromkeys(found))


@dataclass(frozen=True)
class RoleInfo:
    name: str
    handles: tuple[str, ...]
    unit_handles: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class ChangeSet:
    """Everything a section provider may look at: refs, changed files, documents, roles."""

    root: Path
    base: str  # as the user named it, e.g. origin/main
    base_sha: str  # the merge base
    head_sha: str
    files: list[FileChange]
    documents: list[DocumentChange]
    roles: dict[str, RoleInfo] = field(default_factory=dict)

    def read(self, side: str, path: str) -> bytes | None:
        """A file's bytes on the "base" or "head" side (for providers reading other files)."""
        sha = self.base_sha if side == "base" else self.head_sha
        return read_blobs(self.root, [f"{sha}:{path}"])[0]

    def role_name(self, role_id: str) -> str:
        """The role's name; an owner `roll@enhet` is named with its unit."""
        role_id, _, unit = role_id.partition("@")
        role = self.roles.get(role_id)
        name = role.name if role else role_id
        return f"{name} ({unit})" if unit else name

    def handles(self, owner: str) -> tuple[str, ...]:
        """Git users of an owner: `roll@enhet` asks only the unit's holder (git_per_enhet)."""
        role_id, _, unit = owner.partition("@")
        role = self.roles.get(role_id)
        if role is None:
            return ()
        return role.unit_handles.get(unit, ()) if unit else role.handles

    @cached_property
    def documents_by_path(self) -> dict[str, DocumentChange]:
        return {d.path: d for d in self.documents}


def collect_changes(root: Path | str, base: str, head: str = "HEAD") -> ChangeSet:
    """Compare `head` with its merge base on `base`; raises GitUnavailable in Swedish."""
    root = Path(root)
    head_sha = resolve(root, head)
    base_sha = merge_base(root, base, head)
    out = run_git(root, "diff", "-z", "--name-status", "-M", "--relative", base_sha, head_sha)
    files = parse_name_status(out.decode("utf-8", "replace"))
    documents = _documents(root, base_sha, head_sha, files)
    return ChangeSet(root, base, base_sha, head_sha, files, documents, roles_at(root, head_sha))


def collect_worktree_documents(root: Path | str, base: str) -> list[DocumentChange]:
    """Processes and rutiner changed since `base`'s merge base, as the files are on disk now.

    Uncommitted and untracked files count: `make check` applies the version rule before
    the change is committed, not only in review. Raises GitUnavailable in Swedish.
    """
    root = Path(root)
    base_sha = merge_base(root, base, "HEAD")
    out = run_git(root, "diff", "-z", "--name-status", "-M", "--relative", base_sha)
    files = parse_name_status(out.decode("utf-8", "replace"))
    untracked = run_git(root, "ls-files", "-z", "--others", "--exclude-standard")
    files += [FileChange("A", p) for p in untracked.decode("utf-8", "replace").split("\0") if p]
    changed = [
        f for f in files if document_kind(f.path) or (f.old_path and document_kind(f.old_path))
    ]
    befores = read_blobs(root, [f"{base_sha}:{f.old_path or f.path}" for f in changed])
    documents = []
    for f, old in zip(changed, befores, strict=True):
        on_disk = root / f.path
        new = on_disk.read_bytes() if f.status != "D" and on_disk.is_file() else None
        before = parse_document(f.old_path or f.path, old) if f.status != "A" else None
        after = parse_document(f.path, new) if new is not None else None
        kind = document_kind(f.path) or document_kind(f.old_path or "") or ""
        documents.append(DocumentChange(f, kind, before, after))
    return documents


def parse_name_status(text: str) -> list[FileChange]:
    """Files of `git diff -z --name-status`: status, path (and the old path of a rename)."""
    tokens = [t for t in text.split("\0") if t]
    files = []
    i = 0
    while i < len(tokens):
        status = tokens[i][:1]
        if status in {"R", "C"}:
            files.append(FileChange(status, tokens[i + 2], tokens[i + 1]))
            i += 3
        else:
            files.append(FileChange(status, tokens[i + 1]))
            i += 2
    return sorted(files, key=lambda f: f.path)


def document_kind(path: str) -> str | None:
    """ "process" or "rutin" for a content file, else None."""
    folder, _, rest = path.partition("/")
    if folder not in CONTENT_FOLDERS or not rest:
        return None
    suffix = ".yml" if folder == "processes" else ".md"
    return KINDS[folder] if path.endswith(suffix) else None


def _documents(
    root: Path, base_sha: str, head_sha: str, files: list[FileChange]
) -> list[DocumentChange]:
    changed = [
        f for f in files if document_kind(f.path) or (f.old_path and document_kind(f.old_path))
    ]
    specs: list[str] = []
    for f in changed:
        specs.append(f"{base_sha}:{f.old_path or f.path}")
        specs.append(f"{head_sha}:{f.path}")
    blobs = read_blobs(root, specs)
    documents = []
    for index, f in enumerate(changed):
        old, new = blobs[2 * index], blobs[2 * index + 1]
        before = parse_document(f.old_path or f.path, old) if f.status != "A" else None
        after = parse_document(f.path, new) if f.status != "D" else None
        kind = document_kind(f.path) or document_kind(f.old_path or "") or ""
        documents.append(DocumentChange(f, kind, before, after))
    return documents


def roles_at(root: Path | str, sha: str) -> dict[str, RoleInfo]:
    """Role names and Git users as commit `sha` has them (read leniently: check validates)."""
    blob = read_blobs(root, [f"{sha}:{ROLES_FILE}"])[0]
    try:
        data: Any = parse_yaml(blob.decode("utf-8-sig"))[0] if blob else None
    except (YamlProblem, UnicodeDecodeError):
        return {}
    items: list[Any] = []
    if isinstance(data, dict) and isinstance(data.get("roller"), list):
        items = data["roller"]
    roles = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            handles: list[Any] = item["git"] if isinstance(item.get("git"), list) else []
            per_unit = item.get("git_per_enhet")
            roles[item["id"]] = RoleInfo(
                str(item.get("namn") or item["id"]),
                tuple(str(h) for h in handles),
                {
                    str(unit): tuple(str(h) for h in unit_list)
                    for unit, unit_list in (per_unit if isinstance(per_unit, dict) else {}).items()
                    if isinstance(unit_list, list)
                },
            )
    return roles
