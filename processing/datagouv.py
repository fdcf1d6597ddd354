"""``ville_numerique:datagouv_search`` and ``ville_numerique:datagouv_load``:
the data.gouv.fr catalogue as a table, and any of its files as a layer."""

import tempfile
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core import loaders
from ..core.errors import DataError, InputError
from ..core.http import host_of
from ..core.i18n import tr
from .base import BaseAlgorithm
from .open_data import (
    Schema,
    advanced,
    check_canceled,
    download_reference,
    family_label,
    features_to_rows,
    geometry_family,
    open_clients,
    schema_of,
    split_references,
    wkb_type,
    write_sink,
)

SEARCH_FIELDS = (
    ("id", "string"),
    ("title", "string"),
    ("organization", "string"),
    ("last_update", "string"),
    ("license", "string"),
    ("page", "string"),
    ("resource_id", "string"),
    ("resource_title", "string"),
    ("resource_type", "string"),
    ("format", "string"),
    ("url", "string"),
    ("stable_url", "string"),
    ("filesize", "longlong"),
    ("last_modified", "string"),
    ("schema", "string"),
)


def _iso(date):
    return date.isoformat(timespec="seconds") if date else None


class DataGouvSearchAlgorithm(BaseAlgorithm):
    NAME = "datagouv_search"
    GROUP_ID = "data"

    Q = "Q"
    ORGANIZATION = "ORGANIZATION"
    TAG = "TAG"
    SCHEMA = "SCHEMA"
    MAX_RESULTS = "MAX_RESULTS"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Search data.gouv.fr")

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterString(self.Q, tr("Search text"), optional=True)
        param.setHelp(tr("Words that must all appear, e.g. lieux de médiation numérique."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.ORGANIZATION, tr("Organisation"), optional=True)
        param.setHelp(tr("Identifier or slug of the publishing organisation (end of its page address)."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.TAG, tr("Tags"), optional=True)
        param.setHelp(tr("Tags separated by commas; a dataset must have all of them."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.SCHEMA, tr("Data schema"), optional=True)
        param.setHelp(tr("Schema declared by the files, e.g. LaMednum/standard-mediation-num."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.MAX_RESULTS,
            tr("Maximum number of datasets"),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=50,
            minValue=1,
            maxValue=1000,
        )
        self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Datasets and resources"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber("DATASETS", tr("Number of datasets")))
        self.addOutput(QgsProcessingOutputNumber("RESOURCES", tr("Number of resources")))

    def run_algorithm(self, parameters, context, feedback):
        query = self.parameterAsString(parameters, self.Q, context).strip()
        organization = self.parameterAsString(parameters, self.ORGANIZATION, context).strip()
        tags = [
            t.strip() for t in self.parameterAsString(parameters, self.TAG, context).split(",") if t.strip()
        ]
        schema = self.parameterAsString(parameters, self.SCHEMA, context).strip()
        max_results = self.parameterAsInt(parameters, self.MAX_RESULTS, context) or 50
        if not (query or organization or tags or schema):
            raise InputError(tr("Give something to search for: a text, an organisation, tags or a schema."))
        clients = open_clients(feedback)
        organization_id = None
        if organization:
            organization_id = clients.datagouv.organization_id(organization, is_canceled=feedback)
        feedback.pushInfo(
            tr("Searching the catalogue of {host}…").format(host=host_of(clients.datagouv.base_url))
        )
        datasets = clients.datagouv.search_datasets(
            query or None,
            organization=organization_id,
            tag=tags or None,
            schema=schema or None,
            page_size=min(max_results, 100),
            max_results=max_results,
            is_canceled=feedback,
        )
        check_canceled(feedback)
        if not datasets:
            criteria = ", ".join(
                "{}={}".format(name, value)
                for name, value in (
                    ("q", query),
                    ("organization", organization),
                    ("tag", ",".join(tags)),
                    ("schema", schema),
                )
                if value
            )
            raise DataError(
                tr("No dataset of {host} matches the search ({criteria}). Try fewer or other words.").format(
                    host=host_of(clients.datagouv.base_url), criteria=criteria
                )
            )
        records = []
        for dataset in datasets:
            base = {
                "id": dataset.id,
                "title": dataset.title,
                "organization": dataset.organization,
                "last_update": _iso(dataset.last_update),
                "license": dataset.license,
                "page": dataset.page,
            }
            for resource in dataset.resources or [None]:
                row = dict(base)
                if resource is not None:
                    row.update(
                        resource_id=resource.id,
                        resource_title=resource.title,
                        resource_type=resource.type,
                        format=resource.format,
                        url=resource.url,
                        stable_url=resource.stable_url,
                        filesize=resource.filesize,
                        last_modified=_iso(resource.last_modified),
                        schema=resource.schema,
                    )
                records.append(row)
        names = [name for name, _ in SEARCH_FIELDS]
        schema_out = Schema(names, names, [kind for _, kind in SEARCH_FIELDS])
        fields = schema_out.fields()
        rows = [(None, schema_out.attributes(r)) for r in records]
        n_resources = sum(len(d.resources) for d in datasets)
        dest_id = write_sink(
            self,
            parameters,
            self.OUTPUT,
            context,
            fields,
            QgsWkbTypes.Type.NoGeometry,
            QgsCoordinateReferenceSystem(),
            rows,
        )
        feedback.pushInfo(
            tr("{datasets} dataset(s), {resources} resource(s).").format(
                datasets=len(datasets), resources=n_resources
            )
        )
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "DATASETS": len(datasets), "RESOURCES": n_resources}


class DataGouvLoadAlgorithm(BaseAlgorithm):
    NAME = "datagouv_load"
    GROUP_ID = "data"

    RESOURCE = "RESOURCE"
    LAYER = "LAYER"
    LON_FIELD = "LON_FIELD"
    LAT_FIELD = "LAT_FIELD"
    SOURCE_CRS = "SOURCE_CRS"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Load a data.gouv.fr resource")

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterString(self.RESOURCE, tr("Resource (identifier or address)"))
        param.setHelp(
            tr(
                "A data.gouv.fr resource identifier, its address (…/datasets/r/<id>) or any address of a "
                "CSV, GeoJSON, zipped Shapefile or GeoPackage file."
            )
        )
        self.addParameter(param)
        param = QgsProcessingParameterString(
            self.LAYER, tr("Layer or file inside the resource"), optional=True
        )
        param.setHelp(tr("Layer of a GeoPackage, or file of a ZIP archive; the first one by default."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.LON_FIELD, tr("Longitude (or x) column"), optional=True)
        param.setHelp(tr("Only when the coordinate columns of a CSV file are not found by themselves."))
        self.addParameter(advanced(param))
        param = QgsProcessingParameterString(self.LAT_FIELD, tr("Latitude (or y) column"), optional=True)
        self.addParameter(advanced(param))
        param = QgsProcessingParameterCrs(self.SOURCE_CRS, tr("Coordinate system of these columns"), optional=True)
        param.setHelp(
            tr("For projected x/y columns (e.g. EPSG:2154 for x_l93/y_l93); guessed from the values when empty.")
        )
        self.addParameter(advanced(param))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Loaded layer")))
        self.addOutput(QgsProcessingOutputNumber("READ", tr("Records read")))
        self.addOutput(QgsProcessingOutputNumber("KEPT", tr("Records kept")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", tr("Records rejected")))

    def run_algorithm(self, parameters, context, feedback):
        references = split_references(self.parameterAsString(parameters, self.RESOURCE, context))
        if len(references) != 1:
            raise InputError(tr("Give one resource: an identifier or an address."))
        layer = self.parameterAsString(parameters, self.LAYER, context).strip() or None
        lon_field = self.parameterAsString(parameters, self.LON_FIELD, context).strip() or None
        lat_field = self.parameterAsString(parameters, self.LAT_FIELD, context).strip() or None
        if bool(lon_field) != bool(lat_field):
            raise InputError(tr("Give both the longitude and the latitude columns, or neither."))
        source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        epsg = None
        if source_crs.isValid():
            if not source_crs.authid().upper().startswith("EPSG:"):
                raise InputError(tr("Give the coordinate system of the columns as an EPSG code."))
            epsg = int(source_crs.authid().split(":", 1)[1])
        clients = open_clients(feedback)
        with tempfile.TemporaryDirectory(prefix="datagouv_", dir=QgsProcessingUtils.tempFolder()) as folder:
            path, label = download_reference(clients, references[0], folder, feedback, 0, 60)
            check_canceled(feedback)
            feedback.pushInfo(tr("Reading {name}…").format(name=path.name))
            result = self._load(path, layer, lon_field, lat_field, feedback, epsg)
        check_canceled(feedback)
        feedback.setProgress(75)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        if result.format == "csv" and not result.geometry_fields:
            if not result.records:
                raise DataError(
                    tr("No coordinates found in {name}, and no row to load as a table: the file is empty.").format(
                        name=label
                    )
                )
            return self._write_table(parameters, context, feedback, result, label)
        if not result.records:
            raise DataError(
                tr("{name} has no record with a usable position. {summary}").format(
                    name=label, summary=result.summary(5)
                )
            )
        family = geometry_family([r.get("geometry") for r in result.records])
        if family is None:
            raise DataError(tr("{name} has no point, line or polygon geometry.").format(name=label))
        schema = schema_of(
            result.records,
            text_numbers=result.format == "csv",
            decimal_comma=result.format == "csv" and result.delimiter != ",",
        )
        features = [{"geometry": r.get("geometry"), "properties": r} for r in result.records]
        rows, dropped = features_to_rows(features, schema, *family, feedback=feedback)
        other_types = dropped["geometry_type"] + dropped["no_geometry"]
        rejected = len(result.rejected) + other_types
        if result.rejected:
            feedback.pushWarning(result.summary(5))
        else:
            feedback.pushInfo(result.summary(5))
        if other_types:
            feedback.pushWarning(
                tr(
                    "{n} record(s) with another kind of geometry left out: the layer keeps the {family}s."
                ).format(n=other_types, family=family_label(family[0]))
            )
        crs = (
            QgsCoordinateReferenceSystem("EPSG:{}".format(result.crs))
            if result.crs
            else QgsCoordinateReferenceSystem()
        )
        if not crs.isValid():
            feedback.pushWarning(
                tr("The coordinate reference system of the file is unknown: set it on the layer.")
            )
        dest_id = write_sink(
            self, parameters, self.OUTPUT, context, schema.fields(), wkb_type(*family), crs, rows
        )
        feedback.pushInfo(
            tr("{kept} feature(s) written in {crs}; {rejected} record(s) rejected.").format(
                kept=len(rows), crs=crs.authid() or "?", rejected=rejected
            )
        )
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "READ": result.read, "KEPT": len(rows), "REJECTED": rejected}

    def _write_table(self, parameters, context, feedback, result, label):
        """A CSV without coordinates: a table without geometry, to be joined (e.g. the IFN by IRIS)."""
        schema = schema_of(result.records, text_numbers=True, decimal_comma=result.delimiter != ",")
        rows = [(None, schema.attributes(r)) for r in result.records]
        dest_id = write_sink(
            self, parameters, self.OUTPUT, context, schema.fields(), QgsWkbTypes.Type.NoGeometry,
            QgsCoordinateReferenceSystem(), rows,
        )
        feedback.pushWarning(
            tr("{name} has no coordinates: loaded as a table without geometry ({n} rows), to be joined to "
               "a layer.").format(name=label, n=len(rows))
        )
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "READ": result.read, "KEPT": len(rows), "REJECTED": len(result.rejected)}

    @staticmethod
    def _load(path, layer, lon_field, lat_field, feedback, epsg=None):
        suffix = path.suffix.lower()
        options = {}
        if suffix in (".csv", ".tsv", ".txt"):
            options["require_geometry"] = False
        if lon_field:
            if suffix not in (".csv", ".tsv", ".txt", ".zip"):
                raise InputError(tr("The longitude and latitude columns only apply to CSV files."))
            options.update(lon_field=lon_field, lat_field=lat_field)
            if epsg:
                options["crs"] = epsg
        if suffix == ".zip":
            if layer:
                options["member"] = layer
        elif suffix in (".gpkg", ".shp"):
            names = ogr_layer_names(path)
            if layer and layer not in names:
                raise InputError(
                    tr("{name} has no layer {layer}; its layers: {layers}.").format(
                        name=path.name, layer=layer, layers=", ".join(names)
                    )
                )
            if not layer and len(names) > 1:
                feedback.pushWarning(
                    tr(
                        "{name} has {n} layers ({layers}); the first one was loaded: choose another with "
                        "the layer parameter."
                    ).format(name=path.name, n=len(names), layers=", ".join(names))
                )
            options["layer"] = layer
        try:
            return loaders.load(path, **options)
        except TypeError:
            raise InputError(tr("The longitude and latitude columns only apply to CSV files.")) from None


def ogr_layer_names(path):
    """Names of the layers of a GDAL vector file."""
    from ..core.loaders import open_vector

    source = open_vector(Path(path))
    if source is None:
        return []
    return [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
