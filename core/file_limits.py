"""Limits on the files the plugin reads into memory or extracts (settings ``table_max_mb``,
``unzip_max_mb``, ``zip_max_ratio``)."""

from pathlib import Path

from .errors import DataError
from .i18n import tr
from .settings import load_settings

MB = 1024 * 1024
READ_CHUNK = MB  # files are read in slices of this size


def limits_of(limits=None):
    """The limit settings to apply (``limits``, or the current settings)."""
    return limits if limits is not None else load_settings()


def check_file_size(path, limits=None, extra=()):
    """DataError when ``path`` (with the files ``extra``) is larger than ``table_max_mb``."""
    limit = limits_of(limits).table_max_mb * MB
    size = 0
    for item in (path, *extra):
        try:
            size += Path(item).stat().st_size
        except OSError:
            continue
    if size > limit:
        raise too_large_to_load(Path(path).name, size, limit)


def too_large_to_load(name, size, limit):
    return DataError(
        tr(
            "{name} is {size} MB, more than the {limit} MB the plugin reads in memory. Open it in QGIS "
            "(Layer > Add Layer) and keep the part you need, or raise the limit in the Ville numérique settings."
        ).format(name=name, size="{:g}".format(round(size / MB, 1)), limit="{:g}".format(round(limit / MB, 1)))
    )
