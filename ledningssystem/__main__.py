import sys

from ledningssystem.cli import main

sys.exit(main())
