"""QGIS-native reference routes for the benchmarks, run in-process.

The QGIS application is started once (:func:`start_qgis`, headless,
throwaway profile folder), inputs become memory layers (the fastest
provider for the native algorithms; building them is not timed) and the
algorithms run through ``processing.run`` with a fresh context (no
ellipsoid: planimetric distances, the cheaper path of
``QgsDistanceArea``) and outputs in memory (``memory:``): the most
favourable setting for the native route.
"""

import os
import sys
import tempfile
import time

import numpy as np

_APP = None


def start_qgis():
    """Start a headless QgsApplication with Processing (idempotent)."""
    global _APP
    if _APP is not None:
        return _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    profile = tempfile.mkdtemp(prefix="vn-bench-qgis-")
    os.environ.setdefault("XDG_RUNTIME_DIR", profile)
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False, profile)
    app.initQgis()
    plugins = "/usr/share/qgis/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    _APP = app
    return app


def algorithm_exists(alg_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(alg_id) is not None


def point_layer(xy, name="points", crs="EPSG:2154", fields=None):
    """A memory point layer: field ``id`` (row number) plus ``fields`` {name: (type, values)}.

    ``type`` is ``integer``, ``double`` or ``string``.
    """
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    fields = fields or {}
    uri = "Point?crs={}&field=id:integer".format(crs) + "".join(
        "&field={}:{}".format(k, t) for k, (t, _) in fields.items()
    )
    layer = QgsVectorLayer(uri, name, "memory")
    columns = [v for _, v in fields.values()]
    features = []
    for k, (x, y) in enumerate(np.asarray(xy, dtype=float)):
        f = QgsFeature()
        f.setAttributes([k] + [_plain(c[k]) for c in columns])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def line_layer(lines, attributes=None, name="network", crs="EPSG:2154"):
    """A memory line layer from ``(n, 2)`` arrays; ``highway`` attribute when given."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs={}&field=id:integer&field=highway:string".format(crs),
                           name, "memory")
    features = []
    for k, line in enumerate(lines):
        f = QgsFeature()
        highway = (attributes[k] or {}).get("highway") if attributes else None
        f.setAttributes([k, highway])
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(float(x), float(y)) for x, y in line]))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _plain(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    return value


def _number(value):
    """A float, or None for NULL (a NULL QVariant in QGIS 3.22)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _context():
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("NONE")
    return context


def run(alg_id, params):
    """``processing.run`` with a fresh context; returns ``(seconds, results)``."""
    from qgis.core import QgsProcessingFeedback

    import processing

    context = _context()
    feedback = QgsProcessingFeedback()
    t0 = time.perf_counter()
    results = processing.run(alg_id, params, context=context, feedback=feedback)
    return time.perf_counter() - t0, results


def nearest_hub(points, hubs):
    """``qgis:distancetonearesthubpoints`` (metres, layer units); returns ``(seconds, distances)``."""
    seconds, results = run("qgis:distancetonearesthubpoints", {
        "INPUT": points, "HUBS": hubs, "FIELD": "id", "UNIT": 0, "OUTPUT": "memory:",
    })
    out = results["OUTPUT"]
    ids = out.fields().indexOf("id")
    dist = out.fields().indexOf("HubDist")
    values = np.full(out.featureCount(), np.nan)
    for f in out.getFeatures():
        values[f.attributes()[ids]] = f.attributes()[dist]
    return seconds, values


def shortest_path_point_to_layer(network, start_xy, end_points, crs="EPSG:2154"):
    """``native:shortestpathpointtolayer`` from one start point to every end point.

    Shortest (distance) strategy, both directions, default tolerance 0.
    Returns ``(seconds, cost)``: the network cost (metres) per end point
    ``id`` (NaN where QGIS gives no route).
    """
    seconds, results = run("native:shortestpathpointtolayer", {
        "INPUT": network, "STRATEGY": 0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0,
        "START_POINT": "{!r},{!r} [{}]".format(float(start_xy[0]), float(start_xy[1]), crs),
        "END_POINTS": end_points, "OUTPUT": "memory:",
    })
    out = results["OUTPUT"]
    ids = out.fields().indexOf("id")
    cost = out.fields().indexOf("cost")
    values = np.full(end_points.featureCount(), np.nan)
    for f in out.getFeatures():
        attrs = f.attributes()
        value = _number(attrs[cost])
        if value is not None:
            values[int(attrs[ids])] = value
    return seconds, values
