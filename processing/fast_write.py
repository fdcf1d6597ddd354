"""Bulk writing of a GeoPackage output (issue 14): GDAL copies the population's features into
the output table QGIS made (C++, fids kept), the result columns are filled in one SQLite
transaction keyed by fid, and the population's spatial index is copied when it indexes exactly
the copied rows. Reading, and when either path applies: ``processing/fast_io.py``.
"""

import sqlite3

import numpy as np
from qgis.core import QgsProcessingOutputLayerDefinition

from ..core.errors import CanceledError
from ..core.i18n import tr
from .fast_io import FallbackError, _ogr


# --------------------------------------------------------------------------- writing
def bulk_output_table(algorithm, parameters, output_name, context, population_spec):
    """``(path, table or None)`` of a GeoPackage output writable in bulk, else None."""
    if population_spec is None or population_spec.driver != "GPKG" or not population_spec.fid_column:
        return None
    if not population_spec.matches(algorithm.parameterAsSource(parameters, algorithm.POPULATION, context)):
        return None
    from .outputs import destination_of, parse_destination

    value = parameters.get(output_name)
    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.useRemapping():
        return None
    parsed = parse_destination(destination_of(value, context))
    if parsed is None:
        return None
    path, table = parsed
    if not path.lower().endswith(".gpkg"):
        return None
    return path, table


def fill_geopackage(out_path, out_table, spec, kept_names, columns, pop_ids, feedback, start, span):
    """Copy the population into the (empty, QGIS-made) output table and fill the result columns.

    ``columns`` as in ``UnitWriter``; ``pop_ids`` the population fid of each
    computed row. Progress runs from ``start`` over ``span``; a cancel stops it.
    """
    gdal, _, _ = _ogr()
    dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayerByName(out_table) if out_table else dataset.GetLayer(0)
    if layer is None:
        raise FallbackError("fast_io:458")
    table = layer.GetName()
    fid_column = layer.GetFIDColumn() or "fid"
    source = gdal.OpenEx(spec.path, gdal.OF_VECTOR | gdal.OF_READONLY)
    source_definition = source.GetLayerByName(spec.layer).GetLayerDefn()
    target_definition = layer.GetLayerDefn()
    kept = set(kept_names)
    field_map = []  # source field -> output field; -1 for a field replaced by a result
    for i in range(source_definition.GetFieldCount()):
        name = source_definition.GetFieldDefn(i).GetName()
        field_map.append(target_definition.GetFieldIndex(name) if name in kept else -1)
    source = source_definition = target_definition = None

    def progress(fraction, _message, _data):
        if feedback is not None:
            if feedback.isCanceled():
                return 0
            feedback.setProgress(start + span * 0.6 * fraction)
        return 1

    geometry_column = layer.GetGeometryColumn()
    indexed = bool(geometry_column) and _has_spatial_index(dataset, table, geometry_column)
    reuse = None
    if indexed:
        # the output rows are the population's rows (same fids, same geometries): its R-tree, when
        # it indexes exactly those rows, is copied as it is; otherwise one R-tree is built at the
        # end (GDAL), not one trigger per inserted row
        dataset = layer = None
        reuse = _detach_rtree_triggers(out_path, table, geometry_column, spec)
        dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        layer = dataset.GetLayerByName(table)
        if reuse is None:
            dataset.ExecuteSQL("SELECT DisableSpatialIndex('{}', '{}')".format(
                table.replace("'", "''"), geometry_column.replace("'", "''")))
    options = gdal.VectorTranslateOptions(
        options=["-preserve_fid"] + (["-fieldmap", ",".join(str(i) for i in field_map)] if field_map else []),
        layers=[spec.layer], layerName=table, accessMode="append", callback=progress,
    )
    result = gdal.VectorTranslate(dataset, spec.path, options=options)
    if feedback is not None and feedback.isCanceled():
        raise CanceledError(tr("Canceled."))
    if result is None:
        raise OSError("GDAL could not copy the population layer")
    result = dataset = layer = None
    if indexed and reuse is not None:
        if not _attach_rtree(out_path, table, geometry_column, spec, reuse):
            indexed, reuse = True, None
            dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
            dataset.ExecuteSQL("SELECT DisableSpatialIndex('{}', '{}')".format(
                table.replace("'", "''"), geometry_column.replace("'", "''")))
    if indexed and reuse is None:
        if dataset is None:
            dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        dataset.ExecuteSQL("SELECT CreateSpatialIndex('{}', '{}')".format(
            table.replace("'", "''"), geometry_column.replace("'", "''")))
    dataset = None

    names = [name for name, _, _ in columns]
    arrays = [(kind, None if values is None else np.asarray(values)) for _, kind, values in columns]

    def rows(begin, end):
        """Rows ``begin:end`` as SQL parameters (a chunk at a time: Python floats cost 32 bytes each)."""
        lists = []
        for kind, array in arrays:
            if array is None:
                lists.append([None] * (end - begin))
            elif kind == "int":
                lists.append(array[begin:end].astype(np.int64).tolist())
            else:
                floats = array[begin:end].astype(float)
                listed = floats.tolist()
                for i in np.flatnonzero(~np.isfinite(floats)):
                    listed[i] = None
                lists.append(listed)
        return zip(*lists, ids[begin:end])

    ids = [int(i) for i in pop_ids]
    if not names:
        return
    statement = 'UPDATE "{}" SET {} WHERE "{}" = ?'.format(
        table.replace('"', '""'), ", ".join('"{}" = ?'.format(n.replace('"', '""')) for n in names),
        fid_column.replace('"', '""'))
    connection = sqlite3.connect(out_path)
    for function in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        # named by the R-tree triggers of the table, which fire only when a fid or geometry
        # changes (never here): an error if they ever ran, not a silent wrong index
        connection.create_function(function, 1, _never)
    try:
        connection.execute("BEGIN")
        chunk = 50000
        for begin in range(0, len(ids), chunk):
            if feedback is not None and feedback.isCanceled():
                connection.rollback()
                raise CanceledError(tr("Canceled."))
            end = min(begin + chunk, len(ids))
            connection.executemany(statement, rows(begin, end))
            if feedback is not None:
                feedback.setProgress(start + span * (0.6 + 0.4 * end / max(len(ids), 1)))
        connection.commit()
    finally:
        connection.close()


def _quote(name):
    return '"{}"'.format(name.replace('"', '""'))


def _source_rtree(connection, spec):
    """``(rtree table, geometry column)`` of the population's R-tree in schema ``src``, if it indexes
    exactly the rows with a geometry (same count and same sum of fids), else None."""
    try:
        found = connection.execute(
            "SELECT table_name, column_name FROM src.gpkg_extensions WHERE lower(table_name) = lower(?) AND "
            "extension_name = 'gpkg_rtree_index'", (spec.layer,)).fetchone()
    except sqlite3.Error:  # no extension at all: no R-tree
        return None
    if not found or not spec.fid_column:
        return None
    name = "rtree_{}_{}".format(*found)
    exists = connection.execute("SELECT count(*) FROM src.sqlite_master WHERE type = 'table' AND name = ?",
                                (name,)).fetchone()[0]
    if not exists:
        return None
    indexed = connection.execute("SELECT count(*), total(id) FROM src.{}".format(_quote(name))).fetchone()
    rows = connection.execute("SELECT count(*), total({}) FROM src.{} WHERE {} IS NOT NULL".format(
        _quote(spec.fid_column), _quote(found[0]), _quote(found[1]))).fetchone()
    return name if tuple(indexed) == tuple(rows) else None


def _detach_rtree_triggers(out_path, table, column, spec):
    """Drop the R-tree triggers of the (empty) output table before the bulk copy, when the population's
    R-tree can be copied afterwards; returns the triggers' SQL to put back, or None."""
    connection = sqlite3.connect(out_path)
    try:
        connection.execute("ATTACH DATABASE ? AS src", (spec.path,))
        if _source_rtree(connection, spec) is None:
            return None
        if connection.execute("PRAGMA main.page_size").fetchone() != connection.execute(
                "PRAGMA src.page_size").fetchone():
            return None
        name = "rtree_{}_{}".format(table, column)
        triggers = [t for t in connection.execute(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,))
            if t[0].startswith(name + "_")]
        if not triggers:
            return None
        connection.execute("DETACH DATABASE src")
        connection.execute("BEGIN")
        for trigger, _ in triggers:
            connection.execute("DROP TRIGGER {}".format(_quote(trigger)))
        connection.commit()
        return [sql for _, sql in triggers]
    except sqlite3.Error:
        connection.rollback()
        return None
    finally:
        connection.close()


def _attach_rtree(out_path, table, column, spec, triggers):
    """Copy the population's R-tree (its shadow tables) into the output's and put the triggers back.

    Returns False (nothing changed but the triggers put back) when the copied rows do not match.
    """
    name = "rtree_{}_{}".format(table, column)
    connection = sqlite3.connect(out_path)
    try:
        connection.execute("ATTACH DATABASE ? AS src", (spec.path,))
        source = _source_rtree(connection, spec)
        fid_column = [r[1] for r in connection.execute("PRAGMA main.table_info({})".format(_quote(table)))
                      if r[5]]
        rows = connection.execute("SELECT count(*), total({}) FROM main.{} WHERE {} IS NOT NULL".format(
            _quote(fid_column[0] if fid_column else "fid"), _quote(table), _quote(column))).fetchone()
        same = source is not None and tuple(rows) == tuple(connection.execute(
            "SELECT count(*), total(id) FROM src.{}".format(_quote(source))).fetchone())
        connection.execute("BEGIN")
        try:
            if same:
                for suffix in ("_node", "_parent", "_rowid"):
                    connection.execute("DELETE FROM main.{}".format(_quote(name + suffix)))
                    connection.execute("INSERT INTO main.{} SELECT * FROM src.{}".format(
                        _quote(name + suffix), _quote(source + suffix)))
        except sqlite3.Error:
            connection.rollback()
            connection.execute("BEGIN")
            same = False
        for sql in triggers:
            connection.execute(sql)
        connection.commit()
        if same:
            check = connection.execute("SELECT rtreecheck('main', ?)", (name,)).fetchone()[0]
            if check != "ok":
                return False
        return same
    finally:
        connection.close()


def _has_spatial_index(dataset, table, column):
    found = dataset.ExecuteSQL(
        "SELECT COUNT(*) FROM gpkg_extensions WHERE lower(table_name) = lower('{}') AND "
        "lower(column_name) = lower('{}') AND extension_name = 'gpkg_rtree_index'".format(
            table.replace("'", "''"), column.replace("'", "''")))
    try:
        feature = found.GetNextFeature() if found is not None else None
        return bool(feature and feature.GetField(0))
    finally:
        if found is not None:
            dataset.ReleaseResultSet(found)


def _never(_value):
    raise sqlite3.OperationalError("geometry function called while filling results")
