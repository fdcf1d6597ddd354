"""``ville_numerique:fetch_ign`` and ``ville_numerique:fetch_population``: the
layers of a territory, fetched from the IGN Géoplateforme (the digital services
are in ``fetch_services.py``)."""

from dataclasses import dataclass

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..core.errors import DataError
from ..core.i18n import tr
from ..core.ign import (
    BUILDINGS,
    COMMUNE_FIELDS,
    COMMUNES,
    FILOSOFI_200M,
    FILOSOFI_COUNT_FIELDS,
    IRIS,
    IRIS_FIELDS,
    MAX_COUNT,
    PASSENGER_STATIONS_FILTER,
    ROAD_SECTIONS,
    TRANSPORT_EQUIPMENT,
    WALKABLE_ROADS_FILTER,
    WfsLayer,
    canonical_properties,
    filosofi_properties,
)
from .base import BaseAlgorithm
from .open_data import (
    WGS84,
    AreaParameters,
    Schema,
    add_area_parameters,
    advanced,
    area_from_parameters,
    check_canceled,
    features_to_rows,
    geometry_family,
    open_clients,
    progress_callback,
    schema_of,
    wkb_type,
    write_sink,
)
from .styles import apply_style, default_layer_name


# --------------------------------------------------------------------------
# IGN layers
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class IgnLayer:
    """A layer the plugin fetches: WFS type, fixed filter, attribute names."""

    key: str
    wfs: WfsLayer
    cql: str = None
    aliases: dict = None
    code_field: str = None  # attribute holding the INSEE commune code, to filter on it
    filosofi: bool = False

    def label(self):
        return {
            "communes": tr("Communes (ADMIN EXPRESS)"),
            "iris": tr("IRIS (statistical units)"),
            "buildings": tr("Buildings (BD TOPO)"),
            "walkable_roads": tr("Road sections usable on foot (BD TOPO)"),
            "stations": tr("Passenger stations and stops (BD TOPO)"),
            "grid_200m": tr("INSEE 200 m grid (Filosofi)"),
        }[self.key]

    def properties(self, properties):
        if self.aliases:
            return canonical_properties(properties, self.aliases)
        if self.filosofi:
            return filosofi_properties(properties)
        return dict(properties or {})


IGN_LAYERS = (
    IgnLayer("communes", COMMUNES, aliases=COMMUNE_FIELDS, code_field="code_insee"),
    IgnLayer("iris", IRIS, aliases=IRIS_FIELDS, code_field="code_insee"),
    IgnLayer("buildings", BUILDINGS),
    IgnLayer("walkable_roads", ROAD_SECTIONS, cql=WALKABLE_ROADS_FILTER),
    IgnLayer("stations", TRANSPORT_EQUIPMENT, cql=PASSENGER_STATIONS_FILTER),
    IgnLayer("grid_200m", FILOSOFI_200M, filosofi=True),
)
GRID_LAYER = IGN_LAYERS[-1]
#: Map style and layer name of the IGN layers the plugin draws its own way (the others keep QGIS's).
IGN_STYLES = {
    "communes": lambda: ("communes", default_layer_name("communes")),
    "grid_200m": lambda: ("population", default_layer_name("population")),
}
PAGE_SIZE = "PAGE_SIZE"


def fetch_ign_layer(spec, area, clients, feedback, page_size, start=10.0, span=70.0):
    """Features of ``spec`` in ``area`` with normalised attributes.

    Commune codes without buffer filter layers that carry the code on that
    attribute (communes, IRIS); otherwise the area's bounding box is asked to
    the WFS and each feature is kept if it intersects the area.
    """
    by_code = bool(area.codes) and spec.code_field and not area.buffer_m
    options = {"cql_filter": spec.cql}
    if by_code:
        codes = "{} IN ({})".format(spec.code_field, ",".join("'{}'".format(c) for c in area.codes))
        options["cql_filter"] = "({}) AND {}".format(spec.cql, codes) if spec.cql else codes
    else:
        options["bbox"] = area.bbox
    feedback.pushInfo(
        tr("Fetching {layer} ({typename}) from the IGN Géoplateforme…").format(
            layer=spec.label(), typename=spec.wfs.typename
        )
    )
    features = clients.ign.get_features(
        spec.wfs,
        page_size=page_size,
        progress=progress_callback(feedback, start, span),
        is_canceled=feedback,
        **options,
    )
    check_canceled(feedback)
    result = []
    for feature in features:
        properties = spec.properties(feature.get("properties"))
        if by_code and str(properties.get(spec.code_field) or "").upper() not in area.codes:
            continue
        result.append({"geometry": feature.get("geometry"), "properties": properties})
    return result, by_code


def ign_layer_rows(spec, area, features, by_code, feedback):
    """Schema, geometry type and rows of fetched WFS features; DataError when none is in the area."""
    family = geometry_family([f.get("geometry") for f in features])
    if family is None:
        raise DataError(
            tr("The IGN Géoplateforme returned no {layer} in the area ({area}).").format(
                layer=spec.label(), area=area.label
            )
        )
    kinds = {name: "double" for name in FILOSOFI_COUNT_FIELDS} if spec.filosofi else None
    schema = schema_of([f["properties"] for f in features], kinds=kinds)
    if spec.filosofi:  # only the INSEE counts the layer really has
        keep = [
            i
            for i, name in enumerate(schema.names)
            if name not in FILOSOFI_COUNT_FIELDS
            or any(f["properties"].get(name) is not None for f in features)
        ]
        schema = Schema(
            [schema.names[i] for i in keep],
            [schema.out_names[i] for i in keep],
            [schema.kinds[i] for i in keep],
        )
    rows, dropped = features_to_rows(
        features, schema, *family, area=None if by_code else area, feedback=feedback
    )
    if dropped["outside"]:
        feedback.pushInfo(
            tr("{n} feature(s) of the bounding box outside the area left out.").format(n=dropped["outside"])
        )
    if dropped["geometry_type"] or dropped["no_geometry"]:
        feedback.pushWarning(
            tr("{n} feature(s) without a usable geometry left out.").format(
                n=dropped["geometry_type"] + dropped["no_geometry"]
            )
        )
    if not rows:
        raise DataError(
            tr("The IGN Géoplateforme returned no {layer} in the area ({area}).").format(
                layer=spec.label(), area=area.label
            )
        )
    return schema, wkb_type(*family), rows


def add_page_size_parameter(alg):
    param = QgsProcessingParameterNumber(
        PAGE_SIZE,
        tr("Features per WFS request"),
        QgsProcessingParameterNumber.Type.Integer,
        defaultValue=1000,
        minValue=1,
        maxValue=MAX_COUNT,
    )
    param.setHelp(
        tr("The Géoplateforme serves at most 5000 features per request; larger areas take several.")
    )
    alg.addParameter(advanced(param))


class FetchIgnAlgorithm(AreaParameters, BaseAlgorithm):
    NAME = "fetch_ign"
    GROUP_ID = "data"

    LAYER = "LAYER"
    OUTPUT = "OUTPUT"
    #: Codes of the LAYER options, in their order (the value is the index).
    LAYERS = tuple(spec.key for spec in IGN_LAYERS)

    def displayName(self):  # noqa: N802
        return tr("Fetch an IGN Géoplateforme layer")

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterEnum(
            self.LAYER, tr("Layer"), options=[spec.label() for spec in IGN_LAYERS], defaultValue=0
        )
        self.addParameter(param)
        add_area_parameters(self)
        add_page_size_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("IGN layer")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of features")))

    def run_algorithm(self, parameters, context, feedback):
        spec = IGN_LAYERS[self.parameterAsEnum(parameters, self.LAYER, context)]
        page_size = self.parameterAsInt(parameters, PAGE_SIZE, context) or 1000
        clients = open_clients(feedback)
        area = area_from_parameters(self, parameters, context, feedback, clients)
        feedback.setProgress(10)
        features, by_code = fetch_ign_layer(spec, area, clients, feedback, page_size)
        schema, geometry_type, rows = ign_layer_rows(spec, area, features, by_code, feedback)
        feedback.setProgress(90)
        dest_id = write_sink(
            self, parameters, self.OUTPUT, context, schema.fields(), geometry_type, WGS84, rows
        )
        feedback.pushInfo(tr("{n} feature(s) of {layer} written.").format(n=len(rows), layer=spec.label()))
        if spec.key in IGN_STYLES:
            apply_style(context, dest_id, *IGN_STYLES[spec.key]())
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "COUNT": len(rows)}


class FetchPopulationAlgorithm(AreaParameters, BaseAlgorithm):
    NAME = "fetch_population"
    GROUP_ID = "data"

    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Fetch the INSEE 200 m population grid")

    def initAlgorithm(self, config=None):  # noqa: N802
        add_area_parameters(self)
        add_page_size_parameter(self)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Population grid (200 m)"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of cells")))
        self.addOutput(QgsProcessingOutputNumber("POPULATION_TOTAL", tr("Inhabitants in the cells")))

    def run_algorithm(self, parameters, context, feedback):
        page_size = self.parameterAsInt(parameters, PAGE_SIZE, context) or 1000
        clients = open_clients(feedback)
        area = area_from_parameters(self, parameters, context, feedback, clients)
        feedback.setProgress(10)
        features, by_code = fetch_ign_layer(GRID_LAYER, area, clients, feedback, page_size)
        schema, geometry_type, rows = ign_layer_rows(GRID_LAYER, area, features, by_code, feedback)
        total = 0.0
        if "ind" in schema.names:
            index = schema.names.index("ind")
            total = sum(row[1][index] or 0.0 for row in rows)
        else:
            feedback.pushWarning(tr("The grid served has no field ind (inhabitants)."))
        feedback.setProgress(90)
        dest_id = write_sink(
            self, parameters, self.OUTPUT, context, schema.fields(), geometry_type, WGS84, rows
        )
        feedback.pushInfo(
            tr("{n} cell(s) of 200 m, {population:.1f} inhabitants.").format(n=len(rows), population=total)
        )
        apply_style(context, dest_id, "population", default_layer_name("population"))
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "COUNT": len(rows), "POPULATION_TOTAL": total}
