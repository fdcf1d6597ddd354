"""Files written so that a reader never sees half of them: the one atomic-write helper.

Every file the plugin writes (summaries, reports, cache entries, downloads) goes
through :func:`atomic_write`: the content is written to a hidden temporary file in
the target's folder, then moved over the target with ``os.replace`` — an atomic
rename on the same file system. A failure or a cancel removes the temporary file
and leaves the previous target untouched.
"""

import json
import os
import tempfile

#: Prefix of the temporary files (removed on failure; not hidden: GDAL drivers choose their
#: format from the extension, and QGIS finds none in a name that starts with a dot).
TEMP_PREFIX = "vn-part-"


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path, write, suffix="", mode=0o666, makedirs=True):
    """Call ``write(tmp_path)``, then move ``tmp_path`` over ``path``.

    ``suffix`` is kept at the end of the temporary name (drivers that choose a
    format by extension, e.g. GDAL, see the right one). The file gets the usual
    permissions (``mode`` less the umask) rather than ``mkstemp``'s private 0600.
    """
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    if makedirs:
        os.makedirs(directory, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=directory)
    os.close(handle)
    try:
        write(tmp)
        os.chmod(tmp, mode & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise
    return path


def write_bytes_atomically(path, data, **options):
    """``data`` (bytes) to ``path``, atomically."""

    def write(tmp):
        with open(tmp, "wb") as stream:
            stream.write(data)

    return atomic_write(path, write, **options)


def write_text_atomically(path, text, encoding="utf-8", **options):
    """``text`` to ``path``, atomically."""
    return write_bytes_atomically(path, text.encode(encoding), **options)


def write_json_atomically(path, data, **options):
    """``data`` as indented UTF-8 JSON (no NaN: ``null`` must be written explicitly)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return write_text_atomically(path, text, suffix=".json", **options)
