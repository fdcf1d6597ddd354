"""Page 2. Data: the offline sample, open data for the perimeter, data.gouv.fr (``data.ui``)."""


from qgis.core import Qgis, QgsVectorLayer
from qgis.PyQt.QtWidgets import QAbstractItemView, QCheckBox, QHeaderView, QTableWidgetItem

from ...core import about, categories
from ...core.i18n import tr
from ...core.services import CATEGORIES
from ...processing.fetch import IGN_LAYERS
from ...processing.infrastructure import FetchInfrastructureAlgorithm as Infrastructure
from .. import algorithms
from ..actions import sample_path
from ..search import search_rows
from ..tasks import AlgorithmRun
from ..widgets import hint
from . import Page

IGN_LAYER_KEYS = [spec.key for spec in IGN_LAYERS]
#: ``ville_numerique:fetch_infrastructure``: the ARCEP broadband table of the communes.
FETCH_INFRASTRUCTURE = "{}:{}".format(algorithms.PROVIDER_ID, Infrastructure.NAME)
SAMPLE_CODE_FIELD = "code"  # INSEE code field of the sample's communes layer

#: Resource formats "Add to the map" prefers, best first.


def category_icon(code):
    from qgis.PyQt.QtGui import QIcon

    return QIcon(about.icon_path("categories/{}.svg".format(code)))


class DataPage(Page):
    UI = "data"

    def __init__(self, host, state, parent=None):
        super().__init__(host, state, parent)
        self._search_rows = []
        hint(self.categories_hint)
        self.category_checks = {}
        for code in CATEGORIES:
            check = QCheckBox(categories.label(code, short=True), self.categories_box)
            check.setToolTip(categories.label(code))
            check.setIcon(category_icon(code))
            check.setChecked(True)
            check.setObjectName("VilleNumeriqueCategory_{}".format(code))
            check.toggled.connect(self._categories_changed)
            self.category_checks[code] = check
            self.categories_layout.insertWidget(self.categories_layout.count() - 1, check)
        self._categories_changed()
        self.sample_button.clicked.connect(self.host.load_sample)
        self.fetch_all_button.clicked.connect(self.fetch_all)
        self.fetch_services_button.clicked.connect(lambda: self.fetch(algorithms.FETCH_SERVICES))
        self.fetch_population_button.clicked.connect(lambda: self.fetch(algorithms.FETCH_POPULATION))
        self.infrastructure_tooltip = tr(
            "The ARCEP table of fixed broadband (fibre, speeds) of the communes of the perimeter, on their "
            "boundaries (ville_numerique:fetch_infrastructure, internet needed).")
        self.fetch_infrastructure_button.setToolTip(self.infrastructure_tooltip)
        self.fetch_infrastructure_button.clicked.connect(self.fetch_infrastructure)
        self.search_edit.setPlaceholderText(tr("e.g. médiation numérique, wifi public…"))
        self.search_button.clicked.connect(self.search_datagouv)
        self.search_edit.returnPressed.connect(self.search_datagouv)
        table = self.search_table
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels([tr("Title"), tr("Organisation"), tr("Last update"), tr("Formats")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setMinimumHeight(110)
        self.add_dataset_button.clicked.connect(self.add_dataset)

    def _categories_changed(self, *_args):
        self.state.set(categories=self.checked_categories())

    def checked_categories(self):
        return [code for code, check in self.category_checks.items() if check.isChecked()]

    def _fetch_values(self, alg_id):
        """What the fetch algorithms get from the panel (the perimeter, else the commune), or None."""
        if not self.checked_categories() and alg_id == algorithms.FETCH_SERVICES:
            self.host.message(tr("Tick at least one category of services."), Qgis.MessageLevel.Warning)
            return None
        values = self.host.context_values()
        if self.state.perimeter is None:
            commune = self.host.territory.commune_place()
            if commune is None:
                self.host.message(tr("Make or choose a perimeter, or a commune, first (1. Territory)."),
                                  Qgis.MessageLevel.Warning)
                return None
            values["communes"] = commune.code  # the algorithms can fetch by INSEE code
        return values

    def fetch(self, alg_id):
        values = self._fetch_values(alg_id)
        if values is None:
            return False
        role = "services" if alg_id == algorithms.FETCH_SERVICES else "population"

        def done(ok, _results, layers, message):
            if not ok:
                self.host._failed(message, tr("Canceled: nothing was added."))
                return
            self.host.analysis.use_fetched(role, layers)
            self.host.message(tr("{n} layer(s) added.").format(n=len(layers)), Qgis.MessageLevel.Success)

        return self.host.run_or_dialog(alg_id, values, done, tr("Fetching the data…"), {"OUTPUT": (role, None)})

    def fetch_all(self):
        """Services, population grid and commune boundaries of the perimeter, one after the other.

        Each step is a Processing algorithm run in the task manager; a failed or
        canceled step stops the chain and keeps the layers already added.
        """
        values = self._fetch_values(algorithms.FETCH_SERVICES)
        if values is None:
            return False
        steps = [
            (algorithms.FETCH_SERVICES, {}, "services", tr("digital services")),
            (algorithms.FETCH_POPULATION, {}, "population", tr("INSEE population grid")),
            (algorithms.FETCH_IGN, {"LAYER": IGN_LAYER_KEYS.index("communes")}, "communes",
             tr("commune boundaries")),
        ]
        total, added = len(steps), []

        def next_step():
            if not steps:
                self.host.message(tr("{n} layer(s) added: services, population and communes of the perimeter.")
                                  .format(n=len(added)), Qgis.MessageLevel.Success)
                return True
            alg_id, extra, role, what = steps.pop(0)
            parameters = algorithms.prefill(alg_id, values)
            parameters.update(extra)
            parameters = algorithms.complete_outputs(alg_id, parameters, self.project)
            run = AlgorithmRun(alg_id, parameters, styles={"OUTPUT": (role, None)}, project=self.project,
                               parent=self)
            status = tr("Fetching the data ({step}/{total}): {what}…").format(step=total - len(steps),
                                                                              total=total, what=what)
            return self.host._start(run, lambda *args: done(role, *args), status)

        def done(role, ok, _results, layers, message):
            if not ok:
                kept = tr("Canceled: the {n} layer(s) already added are kept.").format(n=len(added)) if added \
                    else tr("Canceled: nothing was added.")
                self.host._failed(message, kept)
                return
            added.extend(layers)
            self.host.analysis.use_fetched(role, layers)
            next_step()

        return next_step()

    def infrastructure_parameters(self):
        """``fetch_infrastructure``'s parameters for the perimeter, or None after saying what is missing.

        The communes: those of the territory list whose boundary meets the
        perimeter, else the chosen commune; on the sample's commune polygons
        when they are the sample's communes (a layer to map, not a bare table).
        """
        territory = self.host.territory
        perimeter = self.state.perimeter
        codes = []
        if perimeter is not None:
            codes = territory.communes_in(perimeter)
        if not codes:
            commune = territory.commune_place()
            if commune is None:
                self.host.message(tr("Make or choose a perimeter, or a commune, first (1. Territory)."),
                                  Qgis.MessageLevel.Warning)
                return None
            codes = [commune.code]
        parameters = {Infrastructure.COMMUNES: ",".join(codes)}
        sample_codes = {place.code for place in territory.communes if place.source == "sample"}
        if set(codes) <= sample_codes:
            parameters[Infrastructure.COMMUNE_LAYER] = "{}|layername=communes".format(sample_path())
            parameters[Infrastructure.CODE_FIELD] = SAMPLE_CODE_FIELD
        return parameters

    def fetch_infrastructure(self):
        """Run ``ville_numerique:fetch_infrastructure`` for the perimeter's communes; the table is loaded."""
        if not algorithms.exists(FETCH_INFRASTRUCTURE):
            return False
        parameters = self.infrastructure_parameters()
        if parameters is None:
            return False
        parameters = algorithms.complete_outputs(FETCH_INFRASTRUCTURE, parameters, self.project)
        run = AlgorithmRun(FETCH_INFRASTRUCTURE, parameters, project=self.project, parent=self)

        def done(ok, _results, layers, message):
            if not ok:
                self.host._failed(message, tr("Canceled: nothing was added."))
                return
            self.host.message(tr("Broadband of {n} commune(s) added: {layer}.").format(
                n=sum(layer.featureCount() for layer in layers if isinstance(layer, QgsVectorLayer)),
                layer=", ".join(layer.name() for layer in layers)), Qgis.MessageLevel.Success)

        return self.host._start(run, done, tr("Fetching the broadband table (ARCEP)…"))

    # -- data.gouv.fr -------------------------------------------------------------
    def search_datagouv(self):
        query = self.search_edit.text().strip()
        if not query:
            self.host.message(tr("Type what to search for on data.gouv.fr."), Qgis.MessageLevel.Warning)
            return False
        return self.host.run_or_dialog(algorithms.DATAGOUV_SEARCH, {"query": query}, self._search_done,
                                       tr("Searching data.gouv.fr…"), load=False)

    def _search_done(self, ok, results, _layers, message):
        if not ok:
            self.host._failed(message, tr("Search canceled."))
            return
        self.show_search_results(search_rows(results))

    def show_search_results(self, rows):
        self._search_rows = rows
        self.search_table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, key in enumerate(("title", "organization", "last_update", "formats")):
                self.search_table.setItem(index, column, QTableWidgetItem(str(row.get(key) or "")))
        self.search_table.resizeColumnsToContents()
        if not rows:
            self.host.message(tr("No dataset found."), Qgis.MessageLevel.Info)

    def add_dataset(self):
        index = self.search_table.currentRow()
        if index < 0 or index >= len(self._search_rows):
            self.host.message(tr("Select a dataset in the results first."), Qgis.MessageLevel.Warning)
            return False
        row = self._search_rows[index]
        if not row.get("resource"):
            self.host.message(tr("This dataset has no file that can be added to the map."),
                              Qgis.MessageLevel.Warning)
            return False
        values = {"resource": row["resource"], "dataset": row.get("id")}

        def done(ok, _results, layers, message):
            if not ok:
                self.host._failed(message, tr("Canceled: nothing was added."))
            else:
                self.host.message(tr("{n} layer(s) added.").format(n=len(layers)), Qgis.MessageLevel.Success)

        return self.host.run_or_dialog(algorithms.DATAGOUV_LOAD, values, done, tr("Loading the dataset…"))
