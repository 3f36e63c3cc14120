"""CPython's cyclic garbage collector, paused while the command line parses a document.

A parse builds tens of thousands of objects per megabyte of text and no reference cycles
(tests/test_collector.py holds it to that), so reference counting frees all of it and the cyclic
collector's passes find nothing to collect. They are not free: each pass walks the objects that are
alive, which for a large report is the growing document itself, again and again (a 10 MB report
parsed in 3.7 s with the collector on, 2.3 s with it off; docs/benchmarks.md).

The collector is a setting of the whole process, so the library's parse functions leave it alone:
that is the application's choice. The command line and the local batch runner (``docparse
convert``, :func:`docparse.batch.convert` without Dask) are the application, and pause it around
each document. A Dask worker is someone else's process: it is left alone there.

At exit, the command line also keeps the collector from its last passes (:func:`before_exit`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Switch the cyclic collector off for the block if it is on, and back on after it.

    Only ever switches back on what it switched off itself, so a caller that has disabled the
    collector keeps it disabled, and nested or concurrent uses end with it on.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def before_exit() -> None:
    """Take every object out of the collector's reach (``gc.freeze``) when the process is about to end.

    CPython's tear-down runs the cyclic collector over everything still alive (the modules, the
    models' schemas, the grammars): 35 of the 45 ms a ``docparse`` command spent exiting after its
    work was done (docs/benchmarks.md). Only for a process that ends right after: frozen objects are
    never collected. Nothing is lost by it: the commands have closed their files by then, ``atexit``
    handlers still run, objects outside cycles are still freed, and the standard streams are still
    flushed.
    """
    gc.freeze()
