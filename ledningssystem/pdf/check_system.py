"""`python -m ledningssystem.pdf.check_system`: can this machine make PDFs? (used by `make pdf`)."""

from __future__ import annotations

import sys

from ledningssystem.pdf.engine import SystemLibrariesMissing, import_weasyprint


def main() -> int:
    """0 when WeasyPrint and its system libraries load; else 1 with the apt-get line."""
    try:
        import_weasyprint()
    except SystemLibrariesMissing as error:
        print(error, file=sys.stderr)
        return 1
    except ImportError as error:
        print(
            f"WeasyPrint saknas i den virtuella miljön ({error}). Kör: make install",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
