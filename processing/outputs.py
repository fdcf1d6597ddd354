"""Outputs that never touch inputs, appear complete or not at all.

Every Ville numérique algorithm runs inside an :class:`OutputTransaction`
(``BaseAlgorithm.processAlgorithm``):

1. **before any work**, each file output (layer, table in a GeoPackage, JSON,
   HTML, PDF) is resolved to a real path and compared with every input file:
   an output that would overwrite an input (same file after ``realpath``; for a
   table written into an existing GeoPackage, the same table) is refused with a
   sentence, and every output folder is checked writable;
2. the algorithm writes each file output to a hidden temporary file beside its
   target (``vn-part-<pid>-…``; a table written into an existing GeoPackage
   goes into a temporary copy of that GeoPackage);
3. only when the algorithm has finished, and was not canceled, are the
   temporary files moved over their targets (``os.replace``, atomic); on a
   failure or a cancel they are removed and the previous outputs stay as they were.

Memory layers and database outputs (``memory:``, ``postgres:``…) are left to QGIS.
"""

import errno
import glob
import os
import re
import shutil
import tempfile

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
    QgsProperty,
    QgsProviderRegistry,
)

from ..core.errors import CanceledError, InputError
from ..core.files import TEMP_PREFIX
from ..core.i18n import tr

#: Files that belong to one dataset: a shapefile's ``.shp`` comes with these.
_SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qml", ".qmd")
_OGR_DEST = re.compile(r"^ogr:dbname='(?P<path>(?:[^']|'')*)'\s+table=\"(?P<table>(?:[^\"]|\"\")*)\"")
_SPECIAL = ("TEMPORARY_OUTPUT", "memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:",
            "hana:", "ogr:" + "dbname='PG:")


def _real(path):
    return os.path.realpath(os.path.abspath(os.path.expanduser(path)))


def _dataset_key(path):
    """Paths that name the same dataset compare equal (``a.shp`` and ``a.dbf`` too)."""
    real = _real(path)
    stem, ext = os.path.splitext(real)
    if ext.lower() in _SIDECARS:
        return stem.lower() if os.name == "nt" else stem + ".shp"
    return real.lower() if os.name == "nt" else real


class Target:
    """One file output: where it goes, and where it is staged meanwhile."""

    def __init__(self, name, description, path, table=None, kind="file"):
        self.name = name  # parameter name
        self.description = description  # parameter description, for messages
        self.path = _real(path)
        self.table = table  # a table written into a GeoPackage, or None for the whole file
        self.kind = kind  # "sink", "file" or "folder"
        self.staged = None  # temporary path written by the algorithm
        self.named_layer = None  # layer name given to a new GeoPackage (its final name)

    @property
    def directory(self):
        return os.path.dirname(self.path)


def destination_of(value, context):
    """The string a destination parameter value stands for (path, ``ogr:…``, ``memory:``…)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        if value.propertyType() == QgsProperty.Type.StaticProperty:
            value = value.staticValue()
        else:
            value = value.valueAsString(context.expressionContext())[0]  # PyQGIS: (text, ok)
    return "" if value is None else str(value)


def parse_destination(text):
    """``(path, table)`` of a file destination, or None for memory/database outputs."""
    text = (text or "").strip()
    if not text or any(text.startswith(prefix) for prefix in _SPECIAL):
        return None
    match = _OGR_DEST.match(text)
    if match:
        return match.group("path").replace("''", "'"), match.group("table").replace('""', '"')
    if text.startswith("ogr:"):
        return None  # an OGR connection string we do not know: left to QGIS
    if "|layername=" in text:
        path, _, rest = text.partition("|layername=")
        return path, rest.split("|")[0]
    if "://" in text:
        return None
    return text, None


class OutputTransaction:
    """Check, stage and commit the file outputs of one algorithm run (see module doc)."""

    def __init__(self, algorithm, parameters, context):
        self.algorithm = algorithm
        self.parameters = parameters
        self.context = context
        self.targets = []
        self.inputs = []  # (description, path, table or None)

    # -- 1. check --------------------------------------------------------------------------------
    def collect(self):
        for definition in self.algorithm.parameterDefinitions():
            name = definition.name()
            value = self.parameters.get(name)
            if value is None:
                continue
            if definition.isDestination():
                self._collect_output(definition, value)
            else:
                self._collect_inputs(definition, value)
        return self

    def _collect_output(self, definition, value):
        text = destination_of(value, self.context)
        parsed = parse_destination(text)
        if parsed is None:
            return
        path, table = parsed
        if isinstance(definition, QgsProcessingParameterFolderDestination):
            kind = "folder"
        elif isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                                     QgsProcessingParameterRasterDestination)):
            kind = "sink"
        elif isinstance(definition, QgsProcessingParameterFileDestination):
            kind = "file"
        else:
            kind = "file"
        self.targets.append(Target(definition.name(), definition.description(), path, table, kind))

    def _collect_inputs(self, definition, value):
        description = definition.description()
        kind = definition.type()
        texts = _strings(value)
        if any(_is_remote(text) for text in texts):
            # an address is never an output's file; asking QGIS for the layer would download it
            texts = [text for text in texts if not _is_remote(text)]
            value = texts
        layers = []
        if kind in ("source", "vector", "layer", "raster", "mesh", "pointcloud") and value:
            try:
                layer = self.algorithm.parameterAsLayer({definition.name(): value}, definition.name(),
                                                        self.context)
            except Exception:  # noqa: BLE001 - the algorithm reports unreadable inputs itself
                layer = None
            layers = [layer] if layer is not None else []
        elif kind == "multilayer" and value:
            try:
                layers = self.algorithm.parameterAsLayerList({definition.name(): value}, definition.name(),
                                                             self.context)
            except Exception:  # noqa: BLE001
                layers = []
        for layer in layers:
            try:
                parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
            except Exception:  # noqa: BLE001
                continue
            path = parts.get("path") or ""
            if path and os.path.exists(path):
                self.inputs.append((description, path, parts.get("layerName") or None))
        if not layers:
            for text in texts:
                candidate = text.split("|")[0]
                if candidate and os.path.isfile(candidate):
                    table = None
                    if "|layername=" in text:
                        table = text.partition("|layername=")[2].split("|")[0]
                    self.inputs.append((description, candidate, table))

    def check(self):
        """Refuse outputs that resolve to an input or to each other; check folders are writable."""
        seen = {}
        for target in self.targets:
            if target.kind == "folder":
                continue
            key = (_dataset_key(target.path), target.table)
            if key in seen or (target.table is None and any(k[0] == key[0] for k in seen)) or \
                    (target.table is not None and (key[0], None) in seen):
                raise InputError(tr(
                    "The outputs '{first}' and '{second}' are the same file ({path}): "
                    "give each output its own file name.").format(
                        first=seen.get(key, seen.get((key[0], None), target.description)),
                        second=target.description, path=target.path))
            seen[key] = target.description
            for description, path, table in self.inputs:
                if _dataset_key(path) != _dataset_key(target.path):
                    continue
                if target.table is not None and not _same_table(path, table, target.table):
                    continue  # another table of the same GeoPackage: allowed
                raise InputError(tr(
                    "The output '{output}' would overwrite the input '{input}' ({path}). "
                    "Nothing was written: choose another file name for the output.").format(
                        output=target.description, input=description, path=target.path))
            if os.path.isdir(target.path):
                raise InputError(tr(
                    "The output '{output}' is a folder ({path}): give a file name.").format(
                        output=target.description, path=target.path))
            _check_writable(target)
        return self

    # -- 2. stage --------------------------------------------------------------------------------
    def stage(self):
        """The parameters with every file output redirected to its temporary file."""
        staged = dict(self.parameters)
        for target in self.targets:
            if target.kind == "folder":
                continue
            _remove_stale_parts(target.directory)
            base = os.path.basename(target.path)
            handle, tmp = tempfile.mkstemp(prefix="{}{}-".format(TEMP_PREFIX, os.getpid()),
                                           suffix="-" + base, dir=target.directory)
            os.close(handle)
            os.remove(tmp)  # the driver creates it; only the unique name was wanted
            if target.table is not None and os.path.exists(target.path):
                shutil.copy2(target.path, tmp)  # the other tables of the GeoPackage go along
            target.staged = tmp
            value = self.parameters[target.name]
            table = target.table
            if table is None and target.kind == "sink" and base.lower().endswith((".gpkg", ".sqlite")):
                # the layer inside is named after the final file, not after the temporary one
                table = os.path.splitext(base)[0]
                target.named_layer = table
            new_text = tmp if table is None else "ogr:dbname='{}' table=\"{}\" (geom)".format(
                tmp.replace("'", "''"), table.replace('"', '""'))
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                definition = QgsProcessingOutputLayerDefinition(value)
                definition.sink = QgsProperty.fromValue(new_text)
                staged[target.name] = definition
            else:
                staged[target.name] = new_text
        return staged

    # -- 3. commit or discard --------------------------------------------------------------------
    def commit(self, results, feedback=None):
        """Move the staged files over their targets; results and layers to load point at them."""
        if feedback is not None and feedback.isCanceled():
            raise CanceledError(tr("Canceled: the previous outputs were left as they were."))
        # the sinks' files are closed: their writers were the algorithm's locals, freed when it returned
        # (no gc.collect() here: it may run in a task's thread and free other threads' Qt objects)
        renames = {}
        for target in self.targets:
            if target.staged is None:
                continue
            if not any(os.path.exists(p) for p in _dataset_files(target.staged)):
                continue  # the algorithm chose not to write this output (e.g. optional)
            _replace_dataset(target.staged, target.path)
            if target.named_layer:
                # the output id the user gave (a plain file), as QGIS gives it for a one-layer file
                renames["{}|layername={}".format(target.staged, target.named_layer)] = target.path
            renames[target.staged] = target.path
            target.staged = None
        self._rename_layers_to_load(renames)
        return {key: _renamed(value, renames) for key, value in results.items()}

    def final_path(self, path):
        for target in self.targets:
            if target.staged and os.path.abspath(str(path)) == os.path.abspath(target.staged):
                return target.path
        return path

    def discard(self):
        for target in self.targets:
            if target.staged is not None:
                for path in _dataset_files(target.staged):
                    _silent_remove(path)
                target.staged = None

    def release(self):
        """Drop the references to the algorithm, its parameters and context (QGIS deletes them)."""
        self.algorithm = self.parameters = self.context = None

    def _rename_layers_to_load(self, renames):
        """Point the layers QGIS loads on completion at the final files.

        QGIS deletes the post-processors of the entries it replaces, so each renamed
        entry gets fresh details and, for a styled output, a fresh style post-processor.
        """
        from .styles import StylePostProcessor, post_processor

        keys = list(self.context.layersToLoadOnCompletion().keys())
        if not renames or all(_renamed(key, renames) == key for key in keys):
            return
        entries = []
        for key in keys:
            details = self.context.layerToLoadOnCompletionDetails(key)
            fresh = QgsProcessingContext.LayerDetails(details.name, details.project, details.outputName)
            for attribute in ("forceName", "layerTypeHint", "layerSortKey", "groupName"):
                if hasattr(details, attribute):
                    setattr(fresh, attribute, getattr(details, attribute))
            processor = details.postProcessor()
            style = (processor.style_name, processor.layer_name) if isinstance(processor, StylePostProcessor) \
                else None
            entries.append((_renamed(key, renames), fresh, style))
        self.context.setLayersToLoadOnCompletion({key: fresh for key, fresh, _ in entries})
        for key, _, style in entries:
            if style is not None:
                self.context.layerToLoadOnCompletionDetails(key).setPostProcessor(post_processor(*style))


def _is_remote(text):
    """An address QGIS would fetch over the network (http, ftp, /vsicurl/…), not a local file."""
    lowered = text.strip().lower()
    return ("://" in lowered and not lowered.startswith("file://")) or lowered.startswith("/vsicurl")


def _strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    return []


def _same_table(path, input_table, output_table):
    """Whether a GeoPackage input ``input_table`` (None: its first layer) is ``output_table``."""
    if input_table is None:
        try:
            from osgeo import ogr

            dataset = ogr.Open(path)
            input_table = dataset.GetLayer(0).GetName() if dataset and dataset.GetLayerCount() else None
        except Exception:  # noqa: BLE001 - unreadable: assume the worst
            return True
    return input_table is None or input_table.lower() == output_table.lower()


def _check_writable(target):
    directory = target.directory
    try:
        os.makedirs(directory, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=TEMP_PREFIX + "probe-", dir=directory)
        os.close(handle)
        os.remove(probe)
    except OSError as error:
        reason = error.strerror or str(error)
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            reason = tr("permission denied or read-only")
        raise InputError(tr(
            "The folder of the output '{output}' cannot be written ({path}: {reason}). "
            "Nothing was written: choose a folder where you may write.").format(
                output=target.description, path=directory, reason=reason)) from None
    if os.path.exists(target.path) and not os.access(target.path, os.W_OK):
        raise InputError(tr(
            "The output '{output}' exists and is read-only ({path}). Nothing was written.").format(
                output=target.description, path=target.path))


def _dataset_files(path):
    """The files of a dataset: itself, and for ``x.shp`` its sidecars; ``x.qml`` styles too."""
    stem, ext = os.path.splitext(path)
    files = [path]
    suffixes = _SIDECARS if ext.lower() == ".shp" else (".qml", ".qmd")
    files += [stem + s for s in suffixes if stem + s != path]
    files += [path + "-wal", path + "-shm", path + "-journal", path + ".aux.xml"]
    return files


def _replace_dataset(staged, final):
    staged_stem = os.path.splitext(staged)[0]
    final_stem, final_ext = os.path.splitext(final)
    if final_ext.lower() == ".shp":  # the previous shapefile's sidecars must not outlive it
        for old in _dataset_files(final):
            if old != final and not os.path.exists(staged_stem + old[len(final_stem):]):
                _silent_remove(old)
    for path in _dataset_files(staged):
        if path.endswith(("-wal", "-shm", "-journal")):
            _silent_remove(path)
            continue
        if os.path.exists(path):
            suffix = path[len(staged):] if path.startswith(staged) else path[len(staged_stem):]
            destination = (final + suffix) if path.startswith(staged) else (final_stem + suffix)
            os.replace(path, destination)


def _renamed(value, renames):
    if isinstance(value, str):
        for staged, final in renames.items():
            if staged in value:
                return value.replace(staged, final)
    return value


def _silent_remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


def _remove_stale_parts(directory):
    """Remove temporary files left by a run that was killed (its process no longer exists)."""
    for path in glob.glob(os.path.join(glob.escape(directory), TEMP_PREFIX + "*")):
        match = re.match(re.escape(TEMP_PREFIX) + r"(\d+)-", os.path.basename(path))
        if not match:
            continue
        pid = int(match.group(1))
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            _silent_remove(path)
        except OSError:
            pass
