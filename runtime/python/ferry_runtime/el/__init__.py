"""Oozie EL functions at run time (wf:, coord:, fs: and the basic ones), as Jinja macros."""

from ferry_runtime.el.functions import EL_FUNCTIONS, macros

__all__ = ["EL_FUNCTIONS", "macros"]
