"""Safe extraction of ZIP archives (zip-slip, links, zip bombs, sizes refused before
anything is written)."""

import re
import stat
import zipfile
import zlib
from pathlib import Path

from .errors import DataError
from .file_limits import MB, READ_CHUNK, limits_of, too_large_to_load
from .i18n import tr

MIN_BOMB_BYTES = 16 * MB  # members expanding to less than this are never judged bombs

LOADABLE = (".gpkg", ".shp", ".geojson", ".json", ".csv", ".tsv", ".txt")


def _unsafe_reason(info):
    """Why a ZIP member must not be extracted, or None."""
    name = info.filename
    parts = re.split(r"[\\/]+", name)
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return tr("absolute path")
    if ".." in parts:
        return tr("path leaving the folder")
    if stat.S_ISLNK(info.external_attr >> 16):
        return tr("symbolic link")
    return None


def safe_extract(zip_path, dest, max_bytes=None, limits=None, member=None):
    """Extract ``zip_path`` into ``dest``; return the extracted file paths.

    The whole archive is refused (DataError) before anything is written if
    one member has an absolute path, a ``..`` component or is a link
    (zip-slip), if it would expand beyond ``max_bytes`` (default: the
    ``unzip_max_mb`` setting), if a member larger than 16 MB expands more
    than ``zip_max_ratio`` times (a zip bomb), or if the data file to load
    (``member``, or the one :func:`load_zip` would pick) is larger than
    ``table_max_mb``. While extracting, a member writing more than it
    declared stops the extraction.
    """
    limits = limits_of(limits)
    max_bytes = int(limits.unzip_max_mb * MB) if max_bytes is None else max_bytes
    dest = Path(dest).resolve()
    name = Path(zip_path).name
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise DataError(
            tr("{name} is not a valid ZIP archive: {error}").format(name=name, error=error)
        ) from None
    with archive:
        members = archive.infolist()
        _check_members(members, dest, name, max_bytes, limits.zip_max_ratio)
        _check_data_member(members, dest, member, name, limits)
        try:
            return [_extract_member(archive, info, dest, name) for info in members if not info.is_dir()]
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError,
                zlib.error) as error:
            raise DataError(
                tr("{name} is not a valid ZIP archive: {error}").format(name=name, error=error)
            ) from None


def _check_members(members, dest, name, max_bytes, max_ratio):
    for info in members:
        reason = _unsafe_reason(info)
        if reason is None and not (dest / info.filename).resolve().is_relative_to(dest):
            reason = tr("path leaving the folder")
        if reason is not None:
            raise DataError(
                tr("The archive {name} was refused: its member '{member}' is unsafe ({reason}).").format(
                    name=name, member=info.filename, reason=reason
                )
            )
    total = sum(info.file_size for info in members)
    if total > max_bytes:
        raise DataError(
            tr(
                "The archive {name} was refused: it would take {size} MB once extracted, more than the limit "
                "of {limit} MB (Ville numérique settings)."
            ).format(name=name, size=_mb(total), limit=_mb(max_bytes))
        )
    for info in members:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MIN_BOMB_BYTES and ratio > max_ratio:
            raise DataError(
                tr(
                    "The archive {name} was refused: its member '{member}' would expand {ratio} times "
                    "(to {size} MB), which is how zip bombs are made. If the file is genuine, extract it "
                    "yourself and load the extracted file."
                ).format(name=name, member=info.filename, ratio="{:.0f}".format(ratio), size=_mb(info.file_size))
            )


def _mb(size):
    return "{:g}".format(round(size / MB, 1))


def _check_data_member(members, dest, member, name, limits):
    """DataError when the data file that will be read is larger than ``table_max_mb``."""
    sizes = {dest / info.filename: info.file_size for info in members if not info.is_dir()}
    try:
        target = pick_member(list(sizes), member, name)
    except DataError:
        return  # reported after extraction, with the same sentence
    size = sizes[target]
    if target.suffix.lower() == ".shp":
        size += sizes.get(target.with_suffix(".dbf"), 0)
    limit = limits.table_max_mb * MB
    if size > limit:
        raise too_large_to_load("{}!{}".format(name, target.relative_to(dest).as_posix()), size, limit)


def _extract_member(archive, info, dest, name):
    target = dest / info.filename
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with archive.open(info) as src, open(target, "wb") as out:
        for chunk in iter(lambda: src.read(READ_CHUNK), b""):
            written += len(chunk)
            if written > info.file_size:
                raise DataError(
                    tr("The archive {name} was refused: its member '{member}' is larger than it declares.").format(
                        name=name, member=info.filename
                    )
                )
            out.write(chunk)
    return target



def pick_member(files, member, name):
    if member:
        chosen = [f for f in files if f.as_posix().endswith(member)]
    else:
        chosen = sorted(
            (f for f in files if f.suffix.lower() in LOADABLE),
            key=lambda f: (LOADABLE.index(f.suffix.lower()), str(f)),
        )
    if not chosen:
        raise DataError(tr("The archive {name} contains no data file that can be loaded.").format(name=name))
    return chosen[0]
