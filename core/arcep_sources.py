"""Where the ARCEP files come from: downloads, local files, 7-Zip archives, commune tables.

* :class:`ArcepClient` downloads the files of data.arcep.fr through the
  shared :class:`~.http.HttpClient` (cache, offline mode, proxy, retries);
  the base URL is overridable by ``VILLE_NUMERIQUE_ARCEP_URL``;
* :func:`local_source` accepts what a trainer or an offline agency already
  has: ``.csv``, ``.csv.gz``, ``.gpkg`` or a ``.7z`` archive of them;
* :func:`extract_7z` uses the ``7zz``/``7z``/``7za``/``7zr`` command
  (Debian packages ``7zip`` or ``p7zip-full``) or the ``py7zr`` module
  (``python3-py7zr``), and says plainly what to install when none is there;
* :func:`commune_table` joins the three commune statistics files into shares.
"""

import csv
import importlib.util
import re
import shutil
import subprocess
import time
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .arcep import (
    LICENCE_MCI,
    SOURCE_MCI,
    TTL,
    TextSource,
    base_url,
    buildings_url,
    commune_stats_url,
    eligibility_url,
    file_edition,
)
from .cache import cache_key
from .errors import DataError
from .http import cancel_check, raise_if_canceled
from .i18n import tr

SEVEN_ZIP_COMMANDS = ("7zz", "7z", "7za", "7zr")
MAX_EXTRACTED_BYTES = 32 * 1024**3
DATA_SUFFIXES = (".gpkg", ".csv", ".shp", ".geojson")

#: The commune statistics files read, and the prefix of their shares in the commune table.
COMMUNE_FILES = {
    "commune_meilleure_techno_thd": "best",
    "commune_debit_filaire": "wired",
    "commune_techno": "techno",
}
#: Column renamed between editions (``elig_4fg`` before 2021).
RENAMED_COLUMNS = {"elig_4fg": "elig_4gf"}
#: A quarter in an address: ``last/`` redirects to it (``2026T3``, ``2026_T3``).
EDITION_PATTERN = re.compile(r"/((?:19|20)\d\d_?T[1-4])/")
#: Cache key parameters of the entry holding the address a download was redirected to (a key of its
#: own: never the file's).
FINAL_URL_PARAMS = {"ville_numerique": "final_url"}
#: Denominator of each file: premises of the commune.
DENOMINATORS = ("nbr_elig_8", "nbr")


# --------------------------------------------------------------------------
# Downloads
# --------------------------------------------------------------------------
def file_name_of(url):
    name = PurePosixPath(urlsplit(url).path).name
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name) or "arcep.csv"


class ArcepClient:
    """Downloads ARCEP files into a folder through the shared HTTP client."""

    def __init__(self, http, base=None):
        self.http = http
        self.base = (base or base_url(getattr(http, "settings", None))).rstrip("/")

    def buildings_url(self, dep):
        return buildings_url(dep, self.base)

    def eligibility_url(self, dep):
        return eligibility_url(dep, self.base)

    def commune_stats_url(self, name):
        return commune_stats_url(name, self.base)

    def download(self, url, folder, progress=None, is_canceled=None):
        """Download ``url`` into ``folder``; returns ``(path, edition)``.

        ``edition`` tells the user which file was used: its address, the
        server's ``Last-Modified`` date, when it was downloaded (from the
        cache entry, also in offline mode) and, when ``last/`` redirected to
        a quarter (``.../2026T3/...``), that quarter as ``edition``: it is
        kept in the cache beside the file, so that an offline run says it too.
        """
        dest = Path(folder) / file_name_of(url)
        resolved = []
        self.http.download(url, dest, progress=progress, is_canceled=is_canceled, ttl=TTL,
                           final_url=resolved.append)
        if resolved:
            self._remember_final_url(url, resolved[-1])
        return dest, self.edition(url, dest)

    def edition(self, url, path):
        edition = {"url": url, "file": Path(path).name, "source": SOURCE_MCI, "licence": LICENCE_MCI}
        cache = getattr(self.http, "cache", None)
        entry = cache.get(cache_key("GET", url)) if cache is not None else None
        if entry is not None:
            if entry.last_modified:
                edition["last_modified"] = entry.last_modified
            edition["downloaded"] = time.strftime("%Y-%m-%d", time.gmtime(entry.stored_at))
        final = self._final_url(url)
        if final and final != url:
            edition["final_url"] = final
        quarter = edition_of(final or url)
        if quarter:
            edition["edition"] = quarter
        return edition

    def _remember_final_url(self, url, final):
        cache = getattr(self.http, "cache", None)
        if cache is not None:
            cache.put(cache_key("GET", url, FINAL_URL_PARAMS), final.encode("utf-8"), url=url, ttl=TTL)

    def _final_url(self, url):
        cache = getattr(self.http, "cache", None)
        entry = cache.get(cache_key("GET", url, FINAL_URL_PARAMS)) if cache is not None else None
        if entry is None:
            return None
        try:
            return entry.read().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None


def edition_of(url):
    """The quarter in an ARCEP address (``.../2026T3/...`` or ``2026_T3``), or None (``last/``)."""
    match = EDITION_PATTERN.search(urlsplit(url or "").path)
    return match.group(1) if match else None


def is_url(text):
    return urlsplit(str(text or "")).scheme in ("http", "https")


# --------------------------------------------------------------------------
# Local files and 7-Zip
# --------------------------------------------------------------------------
def seven_zip_tool(commands=SEVEN_ZIP_COMMANDS):
    """The first 7-Zip command on the PATH, or None."""
    for name in commands:
        path = shutil.which(name)
        if path:
            return path
    return None


def have_py7zr():
    return importlib.util.find_spec("py7zr") is not None


def no_7z_message(name):
    return tr(
        "{name} is a 7-Zip archive and no 7-Zip tool is installed. Install the package 7zip "
        "(or p7zip-full, or python3-py7zr) on Debian or Ubuntu, 7-Zip on Windows or macOS, or "
        "extract the archive yourself and give the extracted file."
    ).format(name=name)


def _safe_member(name):
    parts = re.split(r"[\\/]+", name)
    return not (name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts)


def extract_7z(path, dest, *, commands=SEVEN_ZIP_COMMANDS, use_py7zr=True, max_bytes=MAX_EXTRACTED_BYTES,
               is_canceled=None):
    """Extract the 7-Zip archive ``path`` into ``dest``; returns the extracted files.

    Members with an absolute path or ``..`` are refused, and so is an archive
    larger than ``max_bytes`` once extracted or than the free disk space.
    """
    path, dest = Path(path), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    check = cancel_check(is_canceled)
    tool = seven_zip_tool(commands)
    if tool is not None:
        members = _list_with_tool(tool, path)
        _check_members(path, dest, members, max_bytes)
        _run_tool(tool, ["x", "-y", "-bd", "-o" + str(dest), str(path)], path, check)
    elif use_py7zr and have_py7zr():
        import py7zr

        try:
            with py7zr.SevenZipFile(str(path), mode="r") as archive:
                members = [(info.filename, info.uncompressed or 0) for info in archive.list()]
                _check_members(path, dest, members, max_bytes)
                raise_if_canceled(check)
                archive.extractall(path=str(dest))
        except (py7zr.exceptions.Bad7zFile, OSError, EOFError) as error:
            raise DataError(
                tr("{name} is not a valid 7-Zip archive: {error}").format(name=path.name, error=error)
            ) from None
    else:
        raise DataError(no_7z_message(path.name))
    return sorted(p for p in dest.rglob("*") if p.is_file())


def _list_with_tool(tool, path):
    proc = subprocess.run([tool, "l", "-slt", "-ba", str(path)], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        proc = subprocess.run([tool, "l", "-slt", str(path)], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise DataError(
            tr("{name} is not a valid 7-Zip archive: {error}").format(
                name=path.name, error=(proc.stderr or proc.stdout).strip().splitlines()[-1:] or "?"
            )
        )
    members, name = [], None
    for line in proc.stdout.splitlines():
        if line.startswith("Path = "):
            name = line[len("Path = "):]
        elif line.startswith("Size = ") and name is not None:
            size = line[len("Size = "):].strip()
            members.append((name, int(size) if size.isdigit() else 0))
            name = None
    # the archive itself is listed first as "Path = <archive>" without a size in some versions
    return [(n, s) for n, s in members if n != str(path)]


def _check_members(path, dest, members, max_bytes):
    for name, _size in members:
        if not _safe_member(name):
            raise DataError(
                tr("The archive {name} was refused: its member '{member}' is unsafe.").format(
                    name=path.name, member=name
                )
            )
    total = sum(size for _name, size in members)
    if total > max_bytes:
        raise DataError(tr("The archive {name} is too large once extracted.").format(name=path.name))
    free = shutil.disk_usage(dest).free
    if total > free:
        raise DataError(
            tr("Extracting {name} needs {need:.1f} GB and the disk has {free:.1f} GB free.").format(
                name=path.name, need=total / 1e9, free=free / 1e9
            )
        )


def _run_tool(tool, args, path, check):
    process = subprocess.Popen([tool, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while process.poll() is None:
            if check():
                process.kill()
                process.wait()
                raise_if_canceled(check)
            time.sleep(0.1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    error = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise DataError(
            tr("{name} could not be extracted ({error}). The archive may be damaged: download it again.").format(
                name=path.name, error=error.splitlines()[-1] if error else process.returncode
            )
        )


def local_source(path, workdir, suffixes=DATA_SUFFIXES, is_canceled=None):
    """A usable data file for ``path``: itself, or the data file inside a ``.7z``."""
    path = Path(path)
    if not path.exists():
        raise DataError(tr("The file {path} does not exist.").format(path=path))
    if path.suffix.lower() != ".7z":
        return path
    folder = Path(workdir) / (path.stem.replace(".", "_") + "_7z")
    files = extract_7z(path, folder, is_canceled=is_canceled)
    wanted = [f for f in files if "".join(f.suffixes[-2:]).lower() == ".csv.gz" or f.suffix.lower() in suffixes]
    if not wanted:
        raise DataError(tr("The archive {name} contains no data file that can be loaded.").format(name=path.name))
    return sorted(wanted, key=lambda f: (suffixes.index(f.suffix.lower()) if f.suffix.lower() in suffixes else 9,
                                         str(f)))[0]


# --------------------------------------------------------------------------
# Commune statistics
# --------------------------------------------------------------------------
def normalise_code(code):
    """An INSEE code as 5 characters of text (a leading zero lost by a spreadsheet restored)."""
    text = str(code or "").strip().upper()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text.zfill(5) if text.isdigit() and len(text) < 5 else text


def read_commune_stats(path):
    """Rows of a commune statistics file (``;``, UTF-8): a list of dicts, codes as text.

    Only the ``type = all`` row of each commune is kept when the file has a
    ``type`` column. Counts become floats (empty → None).
    """
    with TextSource(path) as source:
        sample = source.text.readline()
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
        header = [RENAMED_COLUMNS.get(h.strip().strip('"').lower(), h.strip().strip('"').lower())
                  for h in sample.rstrip("\r\n").split(delimiter)]
        if "code_insee" not in header:
            raise DataError(
                tr("{name} is not an ARCEP commune table: it has no column code_insee.").format(
                    name=Path(path).name
                )
            )
        rows = []
        for values in csv.reader(source.text, delimiter=delimiter):
            if not values:
                continue
            row = dict(zip(header, values))
            if "type" in row and row["type"].strip().lower() not in ("all", ""):
                continue
            row["code_insee"] = normalise_code(row.get("code_insee"))
            for key in header:
                if key.startswith(("nbr", "elig_", "inel_")):
                    row[key] = _float(row.get(key))
            rows.append(row)
    return rows


def _float(value):
    try:
        text = str(value).strip().replace(",", ".")
        return float(text) if text else None
    except ValueError:
        return None


def commune_table(files, codes=None, departements=None):
    """One row per commune from the statistics files ``{name: path}`` (see :data:`COMMUNE_FILES`).

    Each count column ``elig_*``/``inel_*`` of a file becomes a share
    ``<prefix>_<column>`` = count / premises of that file (``nbr_elig_8`` for
    the best technology, ``nbr`` for the others); ``premises`` is the
    commune's ``nbr`` (or ``nbr_elig_8``). Rows are kept for ``codes`` (and/or
    ``departements``) when given. Returns ``(rows, columns, dates)``.
    """
    codes = {normalise_code(c) for c in codes} if codes else None
    deps = set(departements) if departements else None
    table, columns, dates = {}, ["code_insee", "nom_com", "code_dep", "premises"], {}
    for name, path in files.items():
        prefix = COMMUNE_FILES.get(name, name)
        rows = read_commune_stats(path)
        counts = []
        for row in rows:
            for key in row:
                if key.startswith(("elig_", "inel_")) and key not in counts:
                    counts.append(key)
        columns += ["{}_{}".format(prefix, key) for key in counts]
        for row in rows:
            code = row["code_insee"]
            dep = str(row.get("code_dep") or "").strip().upper() or (code[:3] if code.startswith("97") else code[:2])
            if (codes is not None and code not in codes) or (deps is not None and dep not in deps):
                continue
            out = table.setdefault(code, {"code_insee": code, "nom_com": row.get("nom_com"), "code_dep": dep})
            denominator = next((row[d] for d in DENOMINATORS if row.get(d)), None)
            for key in DENOMINATORS:
                if row.get(key) is not None:
                    out.setdefault("_" + key, row[key])
            for key in counts:
                value = row.get(key)
                share = value / denominator if value is not None and denominator else None
                out["{}_{}".format(prefix, key)] = None if share is None else round(share, 6)
            if row.get("date"):
                dates[name] = str(row["date"]).strip()
    result = []
    for code in sorted(table):
        out = table[code]
        nbr, elig_8 = out.pop("_nbr", None), out.pop("_nbr_elig_8", None)
        out["premises"] = nbr if nbr is not None else elig_8
        result.append(out)
    return result, columns, dates


def local_edition(path):
    edition = file_edition(path)
    edition.update(source=SOURCE_MCI, licence=LICENCE_MCI)
    return edition
