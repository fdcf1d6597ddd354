"""Bulk writing of a GeoPackage output (issue 14) into the (empty) table QGIS made.

SQLite copies the population's rows (fids kept, geometry blobs as they are) joined with their
results, a chunk of fids at a time, when both tables allow it; otherwise GDAL copies the rows
(C++) and the result columns are filled in one SQLite transaction keyed by fid. Either way the
population's spatial index is copied when it indexes exactly the copied rows. Reading, and when
either path applies: ``processing/fast_io.py``.
"""

import os
import sqlite3
from pathlib import Path

import numpy as np
from qgis.core import QgsProcessingOutputLayerDefinition

from ..core.errors import CanceledError
from ..core.i18n import tr
from .fast_io import FallbackError, _ogr

#: Rows written per SQL chunk (a cancel is seen between chunks; Python floats cost 32 bytes each).
CHUNK = 50000


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
    When both tables are GeoPackage tables SQLite can copy row for row (same
    geometry type and CRS, same column affinities: :func:`_sql_copy_plan`), the
    rows and their results go in with one ``INSERT … SELECT`` per chunk;
    otherwise GDAL copies the rows and an ``UPDATE`` per row fills the results.
    """
    plan = _sql_copy_plan(out_path, out_table, spec, kept_names, pop_ids)
    if plan is not None:
        _fill_by_sql(out_path, spec, plan, columns, pop_ids, feedback, start, span)
    else:
        _fill_by_gdal(out_path, out_table, spec, kept_names, columns, pop_ids, feedback, start, span)


# --------------------------------------------------------------------------- SQLite copy
class _CopyPlan:
    def __init__(self, table, geometry, fid, source_table, source_geometry, pairs):
        self.table, self.geometry, self.fid = table, geometry, fid
        self.source_table, self.source_geometry = source_table, source_geometry
        self.pairs = pairs  # (source column, output column) copied as they are


def _affinity(declared):
    """SQLite's column affinity of a declared type (https://sqlite.org/datatype3.html, 3.1)."""
    kind = (declared or "").upper()
    if "INT" in kind:
        return "INTEGER"
    if "CHAR" in kind or "CLOB" in kind or "TEXT" in kind:
        return "TEXT"
    if "BLOB" in kind or not kind:
        return "BLOB"
    if "REAL" in kind or "FLOA" in kind or "DOUB" in kind:
        return "REAL"
    return "NUMERIC"


def _geometry_column(connection, schema, table):
    row = connection.execute(
        "SELECT table_name, column_name, lower(geometry_type_name), srs_id, z, m FROM {}.gpkg_geometry_columns "
        "WHERE lower(table_name) = lower(?)".format(schema), (table,)).fetchone()
    return row


def _same_crs(connection, srs_id):
    rows = [connection.execute(
        "SELECT lower(organization), organization_coordsys_id, definition FROM {}.gpkg_spatial_ref_sys "
        "WHERE srs_id = ?".format(schema), (srs_id,)).fetchone() for schema in ("main", "src")]
    if rows[0] is None or rows[1] is None:
        return False
    if rows[0][:2] == rows[1][:2] and rows[0][0] == "epsg":
        return True
    return rows[0] == rows[1]


def _sql_copy_plan(out_path, out_table, spec, kept_names, pop_ids):
    """How SQLite copies the population into the output table, or None when only GDAL can.

    Checked before anything is changed: both GeoPackages, the same geometry type
    and CRS (the GeoPackage geometry blobs, which name their ``srs_id``, are
    copied as they are), every kept column of the same affinity on both sides
    (so values are stored as in the population), fids unique, and no trigger on
    the output table but those of its R-tree and feature count.
    """
    ids = np.asarray(pop_ids, dtype=np.int64)
    if len(ids) != len(np.unique(ids)):
        return None
    if os.path.realpath(out_path) == os.path.realpath(spec.path):
        return None
    connection = sqlite3.connect(out_path, uri=True)
    try:
        connection.execute("ATTACH DATABASE ? AS src", (_read_only_uri(spec.path),))
        if out_table is None:
            tables = connection.execute("SELECT table_name FROM main.gpkg_contents WHERE data_type = 'features'"
                                        ).fetchall()
            if len(tables) != 1:
                return None
            out_table = tables[0][0]
        target, source = _geometry_column(connection, "main", out_table), _geometry_column(connection, "src",
                                                                                            spec.layer)
        if target is None or source is None or target[2:] != source[2:] or not _same_crs(connection, target[3]):
            return None
        table, source_table = target[0], source[0]
        out_columns = {r[1].lower(): (r[1], r[2], r[5]) for r in connection.execute(
            "PRAGMA main.table_info({})".format(_quote(table)))}
        source_columns = {r[1].lower(): (r[1], r[2], r[5]) for r in connection.execute(
            "PRAGMA src.table_info({})".format(_quote(source_table)))}
        fid = [c[0] for c in out_columns.values() if c[2]]
        if len(fid) != 1 or not spec.fid_column or spec.fid_column.lower() not in source_columns:
            return None
        pairs = [(source_columns[spec.fid_column.lower()][0], fid[0]), (source[1], target[1])]
        for name in kept_names:
            if name.lower() in (spec.fid_column.lower(), fid[0].lower()):
                continue  # QGIS shows a GeoPackage's fid as a field: copied once, as the fid
            if name.lower() not in source_columns or name.lower() not in out_columns:
                return None
            (source_name, source_type, _), (out_name, out_type, _) = source_columns[name.lower()], out_columns[
                name.lower()]
            if _affinity(source_type) != _affinity(out_type):
                return None
            pairs.append((source_name, out_name))
        rtree = "rtree_{}_{}_".format(table, target[1]).lower()
        counting = ("trigger_insert_feature_count_" + table).lower(), ("trigger_delete_feature_count_" + table).lower()
        for (trigger,) in connection.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = lower(?)",
                (table,)):
            if not trigger.lower().startswith(rtree) and trigger.lower() not in counting:
                return None
        return _CopyPlan(table, target[1], fid[0], source_table, source[1], pairs)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _read_only_uri(path):
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def _fill_by_sql(out_path, spec, plan, columns, pop_ids, feedback, start, span):
    """The rows of the population and their results, inserted by SQLite, a chunk of fids at a time."""
    indexed, reuse = _suspend_index(out_path, plan.table, plan.geometry, spec)
    try:
        _insert_rows(out_path, spec, plan, columns, pop_ids, feedback, start, span)
    finally:  # after a cancel too: the (empty) table keeps a valid R-tree and its triggers
        _restore_index(out_path, plan.table, plan.geometry, spec, indexed, reuse)
    if feedback is not None:
        feedback.setProgress(start + span)


def _insert_rows(out_path, spec, plan, columns, pop_ids, feedback, start, span):
    """One transaction: per chunk of fids, their results into a temporary table, then the population's
    rows joined with them into the output (progress up to 90 % of ``span``; a cancel rolls it back)."""
    ids = np.asarray(pop_ids, dtype=np.int64)
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    arrays = [(kind, None if values is None else np.asarray(values)) for _, kind, values in columns]
    names = [name for name, _, _ in columns]
    results = ["c{}".format(i) for i in range(len(names))]
    statement = ("INSERT INTO main.{} ({}) SELECT {} FROM src.{} AS p "
                 "LEFT JOIN temp.vn_results AS r ON r.id = p.{}").format(
        _quote(plan.table), ", ".join(_quote(o) for _, o in plan.pairs + [(None, n) for n in names]),
        ", ".join(["p." + _quote(s) for s, _ in plan.pairs] + ["r." + c for c in results]),
        _quote(plan.source_table), _quote(plan.pairs[0][0]))
    source_fid = "p." + _quote(plan.pairs[0][0])
    connection = sqlite3.connect(out_path, uri=True)
    _guard_geometry_functions(connection)
    try:
        connection.execute("ATTACH DATABASE ? AS src", (_read_only_uri(spec.path),))
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("CREATE TEMP TABLE vn_results (id INTEGER PRIMARY KEY{})".format(
            "".join(", " + c for c in results)))
        insert = "INSERT INTO temp.vn_results VALUES (?{})".format(", ?" * len(results))
        if feedback is not None:  # a cancel interrupts the statement running
            connection.set_progress_handler(lambda: 1 if feedback.isCanceled() else 0, 20000)
        connection.execute("BEGIN")
        # the feature count's triggers (one UPDATE per row) are put back after the rows, count set once
        counting = connection.execute(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = lower(?) AND "
            "lower(name) LIKE 'trigger_%_feature_count_%'", (plan.table,)).fetchall()
        for name, _ in counting:
            connection.execute("DROP TRIGGER main.{}".format(_quote(name)))
        total = len(sorted_ids)
        for begin in range(0, max(total, 1), CHUNK):
            end = min(begin + CHUNK, total)
            rows = order[begin:end]
            connection.executemany(insert, zip(sorted_ids[begin:end].tolist(), *_result_lists(arrays, rows)))
            bounds = []  # this chunk's fids: from its first (none before the first chunk) to the next's first
            if begin > 0:
                bounds.append("{} >= {}".format(source_fid, int(sorted_ids[begin])))
            if end < total:
                bounds.append("{} < {}".format(source_fid, int(sorted_ids[end])))
            connection.execute(statement + (" WHERE " + " AND ".join(bounds) if bounds else ""))
            connection.execute("DELETE FROM temp.vn_results")
            if feedback is not None:
                feedback.setProgress(start + span * 0.9 * end / max(total, 1))
        for _, sql in counting:
            connection.execute(sql)
        _copy_contents(connection, plan, spec)
        if feedback is not None and feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        connection.commit()
    except CanceledError:
        connection.rollback()
        raise
    except sqlite3.Error as error:
        connection.rollback()
        if feedback is not None and feedback.isCanceled():
            raise CanceledError(tr("Canceled.")) from None
        raise OSError(str(error)) from None
    finally:
        connection.close()


def _copy_contents(connection, plan, spec):
    """The output's extent (the population's: the same geometries) and feature count."""
    extent = connection.execute(
        "SELECT min_x, min_y, max_x, max_y FROM src.gpkg_contents WHERE lower(table_name) = lower(?)",
        (plan.source_table,)).fetchone() or (None, None, None, None)
    connection.execute(
        "UPDATE main.gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
        "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(table_name) = lower(?)",
        tuple(extent) + (plan.table,))
    counted = connection.execute("SELECT count(*) FROM main.sqlite_master WHERE name = 'gpkg_ogr_contents'"
                                 ).fetchone()[0]
    if counted:
        connection.execute("UPDATE main.gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM main.{}) "
                           "WHERE lower(table_name) = lower(?)".format(_quote(plan.table)), (plan.table,))


def _result_lists(arrays, rows):
    """The result columns at ``rows`` as lists of SQL values (NaN and infinities as NULL)."""
    lists = []
    for kind, array in arrays:
        if array is None:
            lists.append([None] * len(rows))
        elif kind == "int":
            lists.append(array[rows].astype(np.int64).tolist())
        else:
            floats = array[rows].astype(float)
            listed = floats.tolist()
            for i in np.flatnonzero(~np.isfinite(floats)):
                listed[i] = None
            lists.append(listed)
    return lists


def _guard_geometry_functions(connection):
    for function in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        # named by the R-tree triggers of the table, which are detached (or fire only when a fid or
        # geometry changes): an error if they ever ran, not a silent wrong index
        connection.create_function(function, 1, _never)


# --------------------------------------------------------------------------- the output's R-tree
def _suspend_index(out_path, table, geometry_column, spec):
    """Before the rows go in: ``(indexed, reuse)``. The population's R-tree, when it indexes exactly
    the copied rows, is copied afterwards (``reuse``: the output's triggers, dropped meanwhile);
    otherwise one R-tree is built at the end (GDAL), not one trigger per inserted row."""
    gdal, _, _ = _ogr()
    dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    indexed = bool(geometry_column) and _has_spatial_index(dataset, table, geometry_column)
    dataset = None
    if not indexed:
        return False, None
    reuse = _detach_rtree_triggers(out_path, table, geometry_column, spec)
    if reuse is None:
        dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        dataset.ExecuteSQL("SELECT DisableSpatialIndex('{}', '{}')".format(
            table.replace("'", "''"), geometry_column.replace("'", "''")))
        dataset = None
    return True, reuse


def _restore_index(out_path, table, geometry_column, spec, indexed, reuse):
    """After the rows: the population's R-tree copied (``reuse``), or one built by GDAL."""
    if not indexed:
        return
    gdal, _, _ = _ogr()
    if reuse is not None and _attach_rtree(out_path, table, geometry_column, spec, reuse):
        return
    dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if reuse is not None:  # the copy did not match: the triggers are back, start from an empty index
        dataset.ExecuteSQL("SELECT DisableSpatialIndex('{}', '{}')".format(
            table.replace("'", "''"), geometry_column.replace("'", "''")))
    dataset.ExecuteSQL("SELECT CreateSpatialIndex('{}', '{}')".format(
        table.replace("'", "''"), geometry_column.replace("'", "''")))
    dataset = None


# --------------------------------------------------------------------------- GDAL copy
def _fill_by_gdal(out_path, out_table, spec, kept_names, columns, pop_ids, feedback, start, span):
    """GDAL copies the population's rows (C++, fids kept), then one ``UPDATE`` per row sets its results."""
    gdal, _, _ = _ogr()
    dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayerByName(out_table) if out_table else dataset.GetLayer(0)
    if layer is None:
        raise FallbackError("fast_io:458")
    table = layer.GetName()
    fid_column = layer.GetFIDColumn() or "fid"
    geometry_column = layer.GetGeometryColumn()
    source = gdal.OpenEx(spec.path, gdal.OF_VECTOR | gdal.OF_READONLY)
    source_definition = source.GetLayerByName(spec.layer).GetLayerDefn()
    target_definition = layer.GetLayerDefn()
    kept = set(kept_names)
    field_map = []  # source field -> output field; -1 for a field replaced by a result
    for i in range(source_definition.GetFieldCount()):
        name = source_definition.GetFieldDefn(i).GetName()
        field_map.append(target_definition.GetFieldIndex(name) if name in kept else -1)
    source = source_definition = target_definition = layer = dataset = None

    def progress(fraction, _message, _data):
        if feedback is not None:
            if feedback.isCanceled():
                return 0
            feedback.setProgress(start + span * 0.6 * fraction)
        return 1

    indexed, reuse = _suspend_index(out_path, table, geometry_column, spec)
    result = None
    try:
        dataset = gdal.OpenEx(out_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        options = gdal.VectorTranslateOptions(
            options=["-preserve_fid"] + (["-fieldmap", ",".join(str(i) for i in field_map)] if field_map else []),
            layers=[spec.layer], layerName=table, accessMode="append", callback=progress,
        )
        result = gdal.VectorTranslate(dataset, spec.path, options=options)
        if feedback is not None and feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        if result is None:
            raise OSError("GDAL could not copy the population layer")
        result = dataset = None
    finally:
        result = dataset = None  # closed before the index is touched
        _restore_index(out_path, table, geometry_column, spec, indexed, reuse)

    names = [name for name, _, _ in columns]
    arrays = [(kind, None if values is None else np.asarray(values)) for _, kind, values in columns]
    ids = [int(i) for i in pop_ids]
    if not names:
        return
    statement = 'UPDATE "{}" SET {} WHERE "{}" = ?'.format(
        table.replace('"', '""'), ", ".join('"{}" = ?'.format(n.replace('"', '""')) for n in names),
        fid_column.replace('"', '""'))
    connection = sqlite3.connect(out_path)
    _guard_geometry_functions(connection)
    try:
        connection.execute("BEGIN")
        for begin in range(0, len(ids), CHUNK):
            if feedback is not None and feedback.isCanceled():
                connection.rollback()
                raise CanceledError(tr("Canceled."))
            end = min(begin + CHUNK, len(ids))
            connection.executemany(statement, zip(*_result_lists(arrays, np.arange(begin, end)), ids[begin:end]))
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


class _Detached:
    """The population's R-tree to copy (``source``, checked to index exactly its rows) and the SQL of
    the output's R-tree triggers to put back."""

    def __init__(self, source, triggers):
        self.source, self.triggers = source, triggers


def _detach_rtree_triggers(out_path, table, column, spec):
    """Drop the R-tree triggers of the (empty) output table before the bulk copy, when the population's
    R-tree can be copied afterwards; returns a :class:`_Detached`, or None."""
    connection = sqlite3.connect(out_path)
    try:
        connection.execute("ATTACH DATABASE ? AS src", (spec.path,))
        source = _source_rtree(connection, spec)
        if source is None:
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
        return _Detached(source, [sql for _, sql in triggers])
    except sqlite3.Error:
        connection.rollback()
        return None
    finally:
        connection.close()


def _attach_rtree(out_path, table, column, spec, detached):
    """Copy the population's R-tree (its shadow tables) into the output's and put the triggers back.

    Returns False (nothing changed but the triggers put back) when the copied rows do not match.
    """
    name = "rtree_{}_{}".format(table, column)
    source, triggers = detached.source, detached.triggers
    connection = sqlite3.connect(out_path)
    try:
        connection.execute("ATTACH DATABASE ? AS src", (spec.path,))
        fid_column = [r[1] for r in connection.execute("PRAGMA main.table_info({})".format(_quote(table)))
                      if r[5]]
        rows = connection.execute("SELECT count(*), total({}) FROM main.{} WHERE {} IS NOT NULL".format(
            _quote(fid_column[0] if fid_column else "fid"), _quote(table), _quote(column))).fetchone()
        same = tuple(rows) == tuple(connection.execute(
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
