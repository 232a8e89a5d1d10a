"""What DAGs migrated from Oozie import: `from ferry_runtime import oozie`."""

from ferry_runtime import oozie

__all__ = ["oozie"]
__version__ = "0.1.0"
