"""``ville_numerique:fetch_infrastructure`` — the ARCEP commune table of fixed broadband.

The three commune statistics files of "Ma connexion internet"
(``commune_meilleure_techno_thd``, ``commune_debit_filaire``,
``commune_techno``) joined into one row per commune (``core.arcep_sources``),
optionally on commune polygons.
"""

import tempfile
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core import arcep
from ..core.arcep_sources import COMMUNE_FILES, ArcepClient, commune_table, is_url, local_source, normalise_code
from ..core.errors import DataError, InputError
from ..core.i18n import tr
from .base import BaseAlgorithm
from .compat import make_field
from .connectivity import file_list
from .coverage import number
from .open_data import check_canceled, open_clients, parse_commune_codes, progress_callback


def statistics_name(path):
    """Which of :data:`COMMUNE_FILES` a file is, from its name (``commune_debit_filaire.csv``…)."""
    stem = Path(str(path).split("?")[0]).name.lower()
    for name in sorted(COMMUNE_FILES, key=len, reverse=True):
        if stem.startswith(name + ".") or stem == name:
            return name
    return None


class FetchInfrastructureAlgorithm(BaseAlgorithm):
    NAME = "fetch_infrastructure"
    GROUP_ID = "data"

    COMMUNES = "COMMUNES"
    DEPARTMENTS = "DEPARTMENTS"
    COMMUNE_LAYER = "COMMUNE_LAYER"
    CODE_FIELD = "CODE_FIELD"
    STATISTICS = "STATISTICS"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Fetch the broadband table of the communes (ARCEP)")

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterString(self.COMMUNES, tr("INSEE commune codes"), optional=True)
        param.setHelp(tr("INSEE codes separated by commas, e.g. 62765,62525 (Saint-Omer, Longuenesse)."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.DEPARTMENTS, tr("Départements"), optional=True)
        param.setHelp(tr("e.g. 62, 59: every commune of these départements."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.COMMUNE_LAYER, tr("Commune polygons (optional)"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True)
        param.setHelp(tr("When given, the table is joined to these polygons, on their INSEE code."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("INSEE code field of the polygons"), defaultValue="code_insee",
            parentLayerParameterName=self.COMMUNE_LAYER, optional=True))
        param = QgsProcessingParameterMultipleLayers(
            self.STATISTICS, tr("ARCEP commune statistics (files or addresses)"), QgsProcessing.SourceType.TypeFile,
            optional=True)
        param.setHelp(tr("commune_meilleure_techno_thd.csv, commune_debit_filaire.csv and commune_techno.csv; "
                         "downloaded from data.arcep.fr when empty."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Broadband by commune")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of communes")))

    def run_algorithm(self, parameters, context, feedback):
        codes = parse_commune_codes(self.parameterAsString(parameters, self.COMMUNES, context))
        deps = arcep.parse_departements(self.parameterAsString(parameters, self.DEPARTMENTS, context))
        polygons = self.parameterAsSource(parameters, self.COMMUNE_LAYER, context) \
            if parameters.get(self.COMMUNE_LAYER) else None
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or "code_insee"
        polygon_codes = {}
        if polygons is not None:
            index = polygons.fields().lookupField(code_field)
            if index < 0:
                raise InputError(tr("The commune layer has no field '{name}'. Available fields: {fields}.").format(
                    name=code_field, fields=", ".join(polygons.fields().names())))
            for feature in polygons.getFeatures():
                polygon_codes.setdefault(normalise_code(feature.attributes()[index]), []).append(feature)
            codes = codes or sorted(polygon_codes)
        if not codes and not deps:
            raise InputError(tr("Give the communes: INSEE codes, départements or a commune layer."))
        references = file_list(self, parameters, self.STATISTICS, context)
        with tempfile.TemporaryDirectory(prefix="arcep_", dir=QgsProcessingUtils.tempFolder()) as folder:
            files = self._files(references, folder, feedback)
            rows, columns, dates = commune_table(files, codes=codes or None, departements=deps or None)
        for name, date in sorted(dates.items()):
            feedback.pushInfo(tr("{file}: edition of {date}.").format(file=name, date=date))
        if not rows:
            raise DataError(tr("The ARCEP commune tables have no row for these communes."))
        fields = QgsFields()
        for column in columns:
            kind = "string" if column in ("code_insee", "nom_com", "code_dep") else "double"
            fields.append(make_field(column, kind))
        fields.append(make_field("edition", "string"))
        geometry_type = polygons.wkbType() if polygons is not None else QgsWkbTypes.Type.NoGeometry
        crs = polygons.sourceCrs() if polygons is not None else None
        if crs is None:
            from qgis.core import QgsCoordinateReferenceSystem

            crs = QgsCoordinateReferenceSystem()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, geometry_type, crs)
        if sink is None:
            raise InputError(tr("The output layer could not be created."))
        edition = "; ".join("{} {}".format(n, d) for n, d in sorted(dates.items()))
        written = 0
        for row in rows:
            attributes = [row.get(c) if c in ("code_insee", "nom_com", "code_dep") else
                          (None if row.get(c) is None else number(row[c])) for c in columns] + [edition]
            targets = polygon_codes.get(row["code_insee"], [None]) if polygons is not None else [None]
            for source_feature in targets:
                feature = QgsFeature(fields)
                if source_feature is not None:
                    feature.setGeometry(source_feature.geometry())
                feature.setAttributes(attributes)
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
                written += 1
        missing = sorted(set(codes) - {r["code_insee"] for r in rows}) if codes else []
        if missing:
            feedback.pushWarning(tr("No ARCEP row for the commune(s) {codes}.").format(codes=", ".join(missing)))
        feedback.pushInfo(tr("{n} commune(s) written.").format(n=written))
        return {self.OUTPUT: dest_id, "COUNT": written}

    @staticmethod
    def _files(references, folder, feedback):
        """{statistics name: local path} of the three files (given, or downloaded)."""
        files = {}
        for reference in references:
            name = statistics_name(reference)
            if name is None:
                raise InputError(tr("{file} is not one of the ARCEP commune tables used ({names}).").format(
                    file=Path(reference).name, names=", ".join(n + ".csv" for n in COMMUNE_FILES)))
            if is_url(reference):
                clients = open_clients(feedback)
                files[name], _ = ArcepClient(clients.http).download(reference, folder, is_canceled=feedback)
            else:
                files[name] = local_source(reference, folder, suffixes=(".csv",), is_canceled=feedback)
        missing = [n for n in COMMUNE_FILES if n not in files]
        if missing:
            clients = open_clients(feedback)
            client = ArcepClient(clients.http)
            for k, name in enumerate(missing):
                check_canceled(feedback)
                url = client.commune_stats_url(name)
                feedback.pushInfo(tr("Downloading {url}…").format(url=url))
                files[name], _ = client.download(url, folder, progress=progress_callback(feedback, 30 * k, 30),
                                                 is_canceled=feedback)
        return {name: files[name] for name in COMMUNE_FILES}
