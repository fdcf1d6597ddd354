"""Text encodings of the files the loaders read: text files (CSV, GeoJSON) and Shapefile
attribute tables (.dbf) that come without a ``.cpg`` file.

Text files: :func:`detect_encoding` and :func:`decode` follow a byte-order mark (UTF-8, UTF-16,
UTF-32), recognise BOM-less UTF-16, then try UTF-8, cp1252 and latin-1 (which always decodes).

Shapefiles:

A Shapefile's ``.dbf`` does not say reliably how its texts are encoded: the
``.cpg`` sidecar does, and French producers often leave it out. GDAL then reads
the texts as ISO-8859-1 or as the DBF's language-driver byte says, so that a
UTF-8 file shows "BÃ©thune" and a cp1252 file read as UTF-8 shows "B?thune".

:func:`shapefile_encoding` looks at the bytes of the records: bytes that decode
as UTF-8 and contain at least one non-ASCII sequence are UTF-8; anything else
with bytes above 127 is cp1252 (the Windows superset of latin-1 used by French
desktop software). Pure Python, no GDAL.
"""

import codecs
from pathlib import Path

from .errors import DataError
from .file_limits import READ_CHUNK
from .i18n import tr

ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(head):
    """The encoding announced by a byte-order mark at the start of ``head``, or None."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


def _utf16_without_bom(head):
    """``utf-16-le``/``utf-16-be`` when ``head`` looks like BOM-less UTF-16 text, else None."""
    sample = head[: 4096 - (len(head[:4096]) % 2)]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(raw, encoding=None, name=""):
    """Text of ``raw`` bytes and the encoding used (first that decodes cleanly).

    Without ``encoding``: the byte-order mark's (UTF-8, UTF-16, UTF-32), then
    UTF-8, cp1252, latin-1 (which always decodes).
    """
    if not encoding:
        encoding = _bom_encoding(raw[:4]) or _utf16_without_bom(raw[:4096])
    for candidate in (encoding,) if encoding else ENCODINGS:
        try:
            return raw.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    raise DataError(tr("The file {name} is not encoded in {encoding}.").format(name=name, encoding=encoding))


def _decodes(path, encoding):
    """Whether the whole file decodes in ``encoding`` (read in chunks: bounded memory)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(READ_CHUNK), b""):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False


def detect_encoding(path, encoding=None):
    """The encoding to read the text file ``path`` with (see :func:`decode`)."""
    name = Path(path).name
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DataError(
                tr("The file {name} is not encoded in {encoding}.").format(name=name, encoding=encoding)
            ) from None
        return encoding
    guessed = _bom_encoding(head) or _utf16_without_bom(head)
    if guessed:
        return guessed
    for candidate in ENCODINGS:
        if candidate == ENCODINGS[-1] or _decodes(path, candidate):
            return candidate
    return ENCODINGS[-1]


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


def cpg_encoding(text):
    """The GDAL encoding name of the content of a .cpg file, or None when it is not understood.

    ``UTF-8`` / ``UTF8``; a bare code page number (``1252``, ``65001``); ``ANSI 1252``,
    ``ISO 8859-1``, ``LATIN1``… passed on in the spelling GDAL knows.
    """
    value = " ".join(str(text).split()).upper()
    if not value:
        return None
    if value in ("UTF-8", "UTF8", "65001"):
        return UTF8
    if value.startswith("ANSI "):
        value = value[5:]
    if value.isdigit():
        return "CP" + value
    if value.replace(" ", "").replace("-", "").replace("_", "") in ("ISO88591", "LATIN1", "88591"):
        return "ISO-8859-1"
    return value.replace(" ", "")


def shapefile_encoding(shp_path):
    """``(encoding, message)`` to open a .shp with: the GDAL ``ENCODING`` open option to use,
    and a warning for the user when it was detected (no readable .cpg), else None.

    The encoding is always given to GDAL: QGIS sets ``SHAPE_ENCODING`` to "" (no recoding)
    for its own provider, which makes GDAL ignore even a .cpg file. ``(None, None)`` for
    other files, a .shp without .dbf, or texts that are pure ASCII.
    """
    shp_path = Path(shp_path)
    if shp_path.suffix.lower() != ".shp":
        return None, None
    siblings = {p.suffix.lower(): p for p in shp_path.parent.glob(shp_path.stem + ".*")
                if p.stem == shp_path.stem}
    if ".dbf" not in siblings:
        return None, None
    if ".cpg" in siblings:
        try:
            declared = cpg_encoding(siblings[".cpg"].read_text(encoding="ascii", errors="replace")[:100])
        except OSError:
            declared = None
        if declared:
            return declared, None
    encoding = guess_text_encoding(dbf_records_bytes(siblings[".dbf"]))
    if encoding is None:
        return None, None
    message = tr(
        "{name} has no .cpg file saying how its texts are encoded: read as {encoding} (detected). "
        "Check names with accents; add a .cpg file to make it explicit."
    ).format(name=shp_path.name, encoding=encoding)
    return encoding, message
