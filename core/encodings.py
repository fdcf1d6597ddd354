"""Text encoding of Shapefile attribute tables (.dbf) that come without a ``.cpg`` file.

A Shapefile's ``.dbf`` does not say reliably how its texts are encoded: the
``.cpg`` sidecar does, and French producers often leave it out. GDAL then reads
the texts as ISO-8859-1 or as the DBF's language-driver byte says, so that a
UTF-8 file shows "BÃ©thune" and a cp1252 file read as UTF-8 shows "B?thune".

:func:`shapefile_encoding` looks at the bytes of the records: bytes that decode
as UTF-8 and contain at least one non-ASCII sequence are UTF-8; anything else
with bytes above 127 is cp1252 (the Windows superset of latin-1 used by French
desktop software). Pure Python, no GDAL.
"""

from pathlib import Path

from .i18n import tr

#: At most this many bytes of the .dbf records are read to decide.
MAX_SNIFF_BYTES = 4 * 1024 * 1024

UTF8 = "UTF-8"
CP1252 = "CP1252"


def dbf_records_bytes(path, max_bytes=MAX_SNIFF_BYTES):
    """The bytes of the records of a .dbf file (header skipped), at most ``max_bytes``."""
    with open(path, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return b""
        header_length = int.from_bytes(header[8:10], "little")
        handle.seek(header_length)
        return handle.read(max_bytes)


def guess_text_encoding(raw):
    """``UTF8``, ``CP1252`` or None (only ASCII: nothing to decide) for raw text bytes."""
    if not any(byte > 127 for byte in raw):
        return None
    try:
        raw.decode("utf-8")
        return UTF8
    except UnicodeDecodeError as error:
        # a multi-byte sequence cut by the read limit is not a decoding error
        if error.start >= len(raw) - 3 and len(raw) >= MAX_SNIFF_BYTES - 3:
            return UTF8
        return CP1252


def shapefile_encoding(shp_path):
    """``(encoding, message)`` for a .shp whose .dbf has no .cpg sidecar, else ``(None, None)``.

    ``encoding`` is the GDAL ``ENCODING`` open option to use; ``message`` the
    warning for the user (the guess is a guess).
    """
    shp_path = Path(shp_path)
    if shp_path.suffix.lower() != ".shp":
        return None, None
    siblings = {p.suffix.lower(): p for p in shp_path.parent.glob(shp_path.stem + ".*")
                if p.stem == shp_path.stem}
    if ".cpg" in siblings or ".dbf" not in siblings:
        return None, None
    encoding = guess_text_encoding(dbf_records_bytes(siblings[".dbf"]))
    if encoding is None:
        return None, None
    message = tr(
        "{name} has no .cpg file saying how its texts are encoded: read as {encoding} (detected). "
        "Check names with accents; add a .cpg file to make it explicit."
    ).format(name=shp_path.name, encoding=encoding)
    return encoding, message
