"""Page 1. Territory: the commune, the station and the perimeter of the study (``territory.ui``)."""

from qgis.core import (
    NULL,
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QCompleter

from ...core.errors import InputError
from ...core.i18n import tr
from ...processing.defaults import minutes_to_metres
from ...processing.fetch import IGN_LAYERS
from ...processing.open_data import COMMUNE_CODE
from ...processing.styles import load_style
from .. import algorithms
from ..actions import sample_path
from ..maptool import PolygonMapTool
from ..places import SOURCE_BDTOPO, SOURCE_IGN, SOURCE_SAMPLE, SOURCE_SNCF, WGS84, Place, expand_saint
from ..tasks import AlgorithmRun, output_definition
from ..widgets import compact, format_number, hint
from . import Page

SHAPE_BUFFER, SHAPE_ISOCHRONE = "buffer", "isochrone"  # the two shapes of a station perimeter
IGN_LAYER_KEYS = [spec.key for spec in IGN_LAYERS]  # positions of the LAYER enum of fetch_ign
GEOCODE_COMMUNES = 1  # KIND of ville_numerique:geocode: communes only
STATION_SEARCH_BUFFER_M = 1000  # BD TOPO stations up to 1 km outside the commune
SAMPLE_COMMUNE = "62765"  # Saint-Omer, the sample's station commune


def output_rows(results):
    """``(attributes, geometry, crs)`` of each feature of the OUTPUT file; nulls left out."""
    layer = QgsVectorLayer(str(results.get("OUTPUT", "")), "output", "ogr")
    if not layer.isValid():
        return []
    names = layer.fields().names()
    return [({n: str(v) for n, v in zip(names, feature.attributes()) if v is not None and v != NULL},
             QgsGeometry(feature.geometry()), layer.crs())
            for feature in layer.getFeatures()]


class TerritoryPage(Page):
    UI = "territory"

    def __init__(self, host, state, parent=None):
        super().__init__(host, state, parent)
        self.communes = []
        self.stations = []
        self.map_tool = None
        self._previous_tool = None
        hint(self.hint_label)
        for combo in (self.commune_combo, self.station_combo, self.perimeter_shape_combo, self.perimeter_combo):
            compact(combo, 10)
        for combo in (self.station_combo, self.perimeter_shape_combo, self.perimeter_combo):
            combo.currentTextChanged.connect(combo.setToolTip)  # the whole text, cut in a narrow dock
        self.commune_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.commune_combo.lineEdit().setPlaceholderText(tr("Name or INSEE code"))
        self.commune_combo.lineEdit().returnPressed.connect(self._commune_typed)
        completer = QCompleter(self.commune_combo.model(), self.commune_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.commune_combo.setCompleter(completer)
        self.commune_combo.activated.connect(self._commune_chosen)
        for button in (self.commune_search_button, self.station_search_button):
            button.setIcon(QgsApplication.getThemeIcon("/mIconWms.svg" if button is self.station_search_button
                                                       else "/search.svg"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.commune_search_button.clicked.connect(self.search_commune_online)
        self.station_search_button.clicked.connect(self.search_stations_online)
        self.walk_spin.setSuffix(tr(" min"))
        self.walk_spin.valueChanged.connect(self._update_walk_label)
        self.perimeter_shape_combo.addItem(tr("Walking distance as the crow flies (offline)"), SHAPE_BUFFER)
        self.perimeter_shape_combo.addItem(tr("IGN walking isochrone on the street network (online)"),
                                           SHAPE_ISOCHRONE)
        self.station_perimeter_button.clicked.connect(self.make_station_perimeter)
        self.commune_perimeter_button.clicked.connect(self.make_commune_perimeter)
        self.draw_button.clicked.connect(self.start_drawing)
        self.selection_button.clicked.connect(self.use_selection)
        self.perimeter_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.perimeter_combo.setAllowEmptyLayer(True)
        self.perimeter_combo.setLayer(None)
        self._update_walk_label()
        self.fill_territory_lists()
        self._tips = {button: button.toolTip() for button in (self.station_perimeter_button,
                                                              self.commune_perimeter_button)}
        self.commune_combo.editTextChanged.connect(lambda _text: self.refresh())
        self.station_combo.currentIndexChanged.connect(lambda _index: self.refresh())

    def refresh(self):
        """The perimeter buttons only when their place is chosen (else the tooltip says what to do)."""
        if not hasattr(self, "_tips"):
            return
        running = self.host.is_running()
        for button, ready, reason in (
                (self.station_perimeter_button, self.station_place() is not None, tr("Choose a station first.")),
                (self.commune_perimeter_button, self.commune_place() is not None, tr("Choose a commune first."))):
            button.setEnabled(ready and not running)
            button.setToolTip(self._tips[button] if ready else reason)

    def _update_walk_label(self):
        self.walk_metres.setText(tr("≈ {metres} m at 4 km/h").format(
            metres=format_number(minutes_to_metres(self.walk_spin.value()))))

    # -- communes and stations -------------------------------------------------
    @staticmethod
    def _sample_layer(name):
        layer = QgsVectorLayer("{}|layername={}".format(sample_path(), name), name, "ogr")
        return layer if layer.isValid() else None

    def fill_territory_lists(self):
        """Communes and stations of the offline sample (SNCF stations, their names written out)."""
        self.communes = []
        layer = self._sample_layer("communes")
        if layer is not None:
            for feature in layer.getFeatures():
                self.communes.append(Place(str(feature["nom"]), str(feature["code"]), "",
                                           QgsGeometry(feature.geometry()), layer.crs(), SOURCE_SAMPLE))
            self.communes.sort(key=lambda place: place.name)
        self._fill_communes()
        self.stations = []
        layer = self._sample_layer("gare")
        if layer is not None:
            for feature in layer.getFeatures():
                self.stations.append(Place(expand_saint(feature["libelle"]), str(feature["code_uic"]),
                                           str(feature["commune"]).title(), QgsGeometry(feature.geometry()),
                                           layer.crs(), SOURCE_SNCF))
        self.select_commune(SAMPLE_COMMUNE)

    def _fill_communes(self):
        self.commune_combo.clear()
        for place in self.communes:
            if place.source == SOURCE_SAMPLE:
                text = tr("{name} ({code})").format(name=place.name, code=place.code)
            else:
                text = tr("{name} ({code}) — IGN").format(name=place.name, code=place.code)
            self.commune_combo.addItem(text, place.code)

    def select_commune(self, code):
        index = self.commune_combo.findData(code)
        if index >= 0:
            self.commune_combo.setCurrentIndex(index)
        self._fill_stations()
        return index >= 0

    def commune_place(self):
        """The chosen commune (a :class:`Place`), also when its name or code is typed."""
        code = self.commune_combo.currentData()
        text = self.commune_combo.currentText().strip().lower()
        for place in self.communes:
            if text in (place.name.lower(), place.code.lower()):
                return place
        for place in self.communes:
            if place.code == code and text == self.commune_combo.itemText(
                    self.commune_combo.currentIndex()).strip().lower():
                return place
        return None

    def communes_in(self, layer):
        """INSEE codes of the listed communes whose boundary meets the features of ``layer``."""
        codes = []
        for feature in layer.getFeatures():
            area = QgsGeometry(feature.geometry())
            for place in self.communes:
                if place.code in codes or place.geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
                    continue
                geometry = QgsGeometry(place.geometry)
                if place.crs != layer.crs():
                    try:
                        geometry.transform(QgsCoordinateTransform(place.crs, layer.crs(), self.project))
                    except QgsCsException:
                        continue
                if geometry.intersects(area):
                    codes.append(place.code)
        return sorted(codes)

    def station_place(self):
        code = self.station_combo.currentData()
        return next((place for place in self.stations if place.code == code), None)

    def _fill_stations(self):
        commune = self.commune_place()
        stations = list(self.stations)
        if commune is not None:
            centre = commune.point(WGS84, self.project)

            def distance(station):
                point = station.point(WGS84, self.project)
                return centre.distance(point) if centre is not None and point is not None else float("inf")
            stations.sort(key=distance)
        current = self.station_combo.currentData()
        self.station_combo.clear()
        for place in stations:
            if place.source == SOURCE_SNCF:
                text = tr("{name} — {commune} (UIC {code})").format(name=place.name, commune=place.town,
                                                                     code=place.code)
            else:
                text = tr("{name} — {commune} (BD TOPO)").format(name=place.name, commune=place.town)
            self.station_combo.addItem(text, place.code)
        index = self.station_combo.findData(current)
        if index >= 0:
            self.station_combo.setCurrentIndex(index)

    def _commune_chosen(self, _index=None):
        self._fill_stations()
        place = self.commune_place()
        if place is not None:
            self.host.zoom_to(place.geometry.boundingBox(), place.crs)

    def _commune_typed(self):
        """Enter in the commune box: the commune of the list, else a search online."""
        if self.commune_place() is not None:
            self._commune_chosen()
        elif self.commune_combo.currentText().strip():
            self.search_commune_online()

    def _run_unloaded(self, alg_id, parameters, on_done, status):
        """Run ``alg_id`` with its outputs written to temporary files the page reads (not added to the map)."""
        parameters = algorithms.complete_outputs(alg_id, parameters, self.project, load=False)
        run = AlgorithmRun(alg_id, parameters, project=self.project, load=False, parent=self)
        return self.host._start(run, on_done, status)

    def search_commune_online(self):
        """Look for the typed commune with ``ville_numerique:geocode``; the answers join the list."""
        text = self.commune_combo.currentText().strip()
        place = self.commune_place()
        if place is not None and place.source == SOURCE_SAMPLE:
            text = place.name
        if not text:
            self.host.message(tr("Type the name or the INSEE code of a commune first."), Qgis.MessageLevel.Warning)
            return False
        if COMMUNE_CODE.match(text.upper()):  # an INSEE code: the commune itself from ADMIN EXPRESS
            alg_id = algorithms.FETCH_IGN
            parameters = {"LAYER": IGN_LAYER_KEYS.index("communes"), "COMMUNES": text.upper()}
        else:  # a name: the geocoder's communes, best first
            alg_id = algorithms.GEOCODE
            parameters = {"QUERY": text, "KIND": GEOCODE_COMMUNES, "LIMIT": 5}
        return self._run_unloaded(alg_id, parameters, self._communes_found, tr("Looking for the commune…"))

    def _communes_found(self, ok, results, _layers, message):
        if not ok:
            self.host._failed(message, tr("Search canceled."))
            return
        found = []
        for values, geometry, crs in output_rows(results):
            # geocoder answers (citycode, name, context) or ADMIN EXPRESS communes (code_insee, nom)
            code = values.get("citycode") or values.get("code_insee") or ""
            if not code or code in [place.code for place in found]:
                continue
            known = [place for place in self.communes if place.code == code]
            found.append(known[0] if known else Place(
                values.get("name") or values.get("nom") or values.get("label", code), code,
                values.get("context", ""), geometry, crs, SOURCE_IGN))
        if not found:
            self.host.message(tr("No commune of that name was found."), Qgis.MessageLevel.Warning)
            return
        self.communes += [place for place in found if place not in self.communes]
        self._fill_communes()
        self.select_commune(found[0].code)
        self._commune_chosen()
        names = ", ".join(tr("{name} ({code})").format(name=p.name, code=p.code) for p in found)
        self.host.message(tr("Found: {communes}.").format(communes=names), Qgis.MessageLevel.Success)

    def search_stations_online(self):
        """Passenger stations of BD TOPO around the commune (``ville_numerique:fetch_ign``)."""
        place = self.commune_place()
        if place is None:
            self.host.message(tr("Choose a commune first."), Qgis.MessageLevel.Warning)
            return False
        parameters = {"LAYER": IGN_LAYER_KEYS.index("stations"), "COMMUNES": place.code,
                      "BUFFER": STATION_SEARCH_BUFFER_M}
        return self._run_unloaded(algorithms.FETCH_IGN, parameters, self._stations_found,
                                  tr("Looking for stations…"))

    def _stations_found(self, ok, results, _layers, message):
        if not ok:
            self.host._failed(message, tr("Search canceled."))
            return
        found = []
        for number, (values, geometry, crs) in enumerate(output_rows(results)):
            name = expand_saint(values.get("toponyme") or values.get("nature") or tr("Station"))
            code = values.get("cleabs") or "bdtopo:{}".format(number)
            found.append(Place(name, code, values.get("commune", ""), geometry, crs, SOURCE_BDTOPO))
        self.stations = [s for s in self.stations if s.source != SOURCE_BDTOPO] + found
        self._fill_stations()
        if found:
            nearest = [self.station_combo.itemData(i) for i in range(self.station_combo.count())
                       if self.station_combo.itemData(i) in [s.code for s in found]]
            self.station_combo.setCurrentIndex(self.station_combo.findData(nearest[0]))
        self.host.message(tr("{n} BD TOPO station(s) added to the list.").format(n=len(found)),
                          Qgis.MessageLevel.Success if found else Qgis.MessageLevel.Warning)

    # -- the perimeter ----------------------------------------------------------
    def perimeter_layer(self):
        return self.perimeter_combo.currentLayer()

    def set_perimeter(self, layer):
        self.perimeter_combo.setLayer(layer)
        if layer is not None:
            self.host.zoom_to(layer.extent(), layer.crs())
            self.host.message(tr("Perimeter ready: {name}.").format(name=layer.name()), Qgis.MessageLevel.Success)

    def _place_on_top(self, layer):
        self.project.layerTreeRoot().insertLayer(0, layer)

    def _run_perimeter(self, alg_id, parameters, name):
        parameters["OUTPUT"] = output_definition("TEMPORARY_OUTPUT", name, self.project)
        run = AlgorithmRun(alg_id, parameters, styles={"OUTPUT": ("perimeter", name)},
                           place=self._place_on_top, project=self.project, parent=self)
        return self.host._start(run, self._perimeter_done(name), tr("Making the perimeter…"))

    def make_station_perimeter(self):
        """A walking-distance buffer (offline) or an IGN walking isochrone around the station."""
        station = self.station_place()
        if station is None:
            self.host.message(tr("Choose a station first."), Qgis.MessageLevel.Warning)
            return False
        minutes = self.walk_spin.value()
        try:
            point_file = station.write_point(QgsProcessingUtils.generateTempFilename("station.gpkg"),
                                             self.project)
        except InputError as error:
            self.host.message(str(error), Qgis.MessageLevel.Critical)
            return False
        if self.perimeter_shape_combo.currentData() == SHAPE_ISOCHRONE:
            name = tr("{minutes} min walk (IGN isochrone) around {station}").format(
                minutes=minutes, station=station.name)
            return self._run_perimeter(algorithms.ISOCHRONE, {"INPUT": point_file, "ID_FIELD": "code",
                                                              "MINUTES": str(minutes)}, name)
        name = tr("{minutes} min walk around {station}").format(minutes=minutes, station=station.name)
        return self._run_perimeter("native:buffer", {"INPUT": point_file, "DISTANCE": minutes_to_metres(minutes),
                                                     "SEGMENTS": 24, "DISSOLVE": True}, name)

    def make_commune_perimeter(self):
        place = self.commune_place()
        if place is None:
            self.host.message(tr("Choose a commune first."), Qgis.MessageLevel.Warning)
            return False
        name = tr("Commune of {name}").format(name=place.name)
        if place.source == SOURCE_SAMPLE:
            return self._run_perimeter("native:extractbyattribute", {
                "INPUT": "{}|layername=communes".format(sample_path()), "FIELD": "code", "OPERATOR": 0,
                "VALUE": place.code}, name)
        # a commune found online: its boundary from the IGN (ADMIN EXPRESS)
        return self._run_perimeter(algorithms.FETCH_IGN, {"LAYER": IGN_LAYER_KEYS.index("communes"),
                                                          "COMMUNES": place.code}, name)

    def use_selection(self):
        iface = self.host.iface
        layer = iface.activeLayer() if iface is not None else None
        polygons = QgsWkbTypes.GeometryType.PolygonGeometry
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != polygons:
            self.host.message(tr("Make a polygon layer active and select the feature(s) of the perimeter."),
                              Qgis.MessageLevel.Warning)
            return False
        if layer.selectedFeatureCount() == 0:
            self.host.message(tr("No feature is selected in {layer}.").format(layer=layer.name()),
                              Qgis.MessageLevel.Warning)
            return False
        name = tr("Selection of {layer}").format(layer=layer.name())
        return self._run_perimeter("native:saveselectedfeatures", {"INPUT": layer.id()}, name)

    def _perimeter_done(self, name):
        """What to do when a perimeter algorithm ends: the (styled, named) layer becomes the perimeter."""
        def done(ok, _results, layers, message):
            if not ok:
                self.host._failed(message, tr("Canceled: no perimeter was made."))
                return
            if layers:
                load_style(layers[0], "perimeter")  # also over an algorithm's own style
                layers[0].setName(expand_saint(name))
                self.set_perimeter(layers[0])
        return done

    def start_drawing(self):
        iface = self.host.iface
        if iface is None:
            return
        canvas = iface.mapCanvas()
        if self.map_tool is None:
            self.map_tool = PolygonMapTool(canvas)
            self.map_tool.polygonDrawn.connect(self.add_drawn_perimeter)
            self.map_tool.canceled.connect(self.stop_drawing)
        self._previous_tool = canvas.mapTool()
        canvas.setMapTool(self.map_tool)
        self.host.message(tr("Click the vertices of the perimeter on the map; right-click to finish, Esc to "
                             "cancel."))

    def stop_drawing(self):
        iface = self.host.iface
        if iface is not None and self.map_tool is not None:
            canvas = iface.mapCanvas()
            if canvas.mapTool() is self.map_tool:
                canvas.unsetMapTool(self.map_tool)
                if self._previous_tool is not None:
                    canvas.setMapTool(self._previous_tool)

    def add_drawn_perimeter(self, geometry, crs=None):
        """A memory layer holding the drawn polygon, styled and added to the project."""
        self.stop_drawing()
        if crs is None:
            crs = self.host.iface.mapCanvas().mapSettings().destinationCrs()
        layer = QgsVectorLayer("Polygon?crs={}".format(crs.authid() or "EPSG:2154"), tr("Drawn perimeter"),
                               "memory")
        if not crs.authid():
            layer.setCrs(crs)
        feature = QgsFeature()
        feature.setGeometry(geometry)
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
        load_style(layer, "perimeter")
        self.project.addMapLayer(layer, False)
        self._place_on_top(layer)
        self.set_perimeter(layer)
        return layer

    def collect(self):
        from .. import presets

        return {"commune": self.commune_combo.currentData(), "station": self.station_combo.currentData(),
                "walk_minutes": self.walk_spin.value(), "perimeter_shape": self.perimeter_shape_combo.currentData(),
                "perimeter": presets.layer_reference(self.perimeter_layer())}

    def apply(self, territory, perimeter):
        self.select_commune(territory.get("commune"))
        index = self.station_combo.findData(territory.get("station"))
        if index >= 0:
            self.station_combo.setCurrentIndex(index)
        if territory.get("walk_minutes"):
            self.walk_spin.setValue(int(territory["walk_minutes"]))
        index = self.perimeter_shape_combo.findData(territory.get("perimeter_shape"))
        if index >= 0:
            self.perimeter_shape_combo.setCurrentIndex(index)
        self.perimeter_combo.setLayer(perimeter)
