"""A map tool to draw the project perimeter: click the vertices, right-click to finish."""

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor


class PolygonMapTool(QgsMapTool):
    """Left click adds a vertex, right click (or double click) closes the polygon,
    Backspace removes the last vertex, Escape cancels.

    ``polygonDrawn(QgsGeometry)`` carries the polygon in the canvas CRS.
    """

    polygonDrawn = pyqtSignal(QgsGeometry)  # noqa: N815 (Qt signal)
    canceled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.points = []
        self.rubber_band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.rubber_band.setColor(QColor(63, 0, 125, 200))
        self.rubber_band.setFillColor(QColor(63, 0, 125, 40))
        self.rubber_band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def _redraw(self, moving=None):
        self.rubber_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        points = self.points + ([moving] if moving is not None else [])
        for index, point in enumerate(points):
            self.rubber_band.addPoint(point, index == len(points) - 1)

    def canvasMoveEvent(self, event):  # noqa: N802 (QGIS API)
        if self.points:
            self._redraw(self.toMapCoordinates(event.pos()))

    def canvasReleaseEvent(self, event):  # noqa: N802 (QGIS API)
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.points.append(QgsPointXY(self.toMapCoordinates(event.pos())))
            self._redraw()

    def canvasDoubleClickEvent(self, event):  # noqa: N802 (QGIS API)
        self.finish()

    def keyPressEvent(self, event):  # noqa: N802 (QGIS API)
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            self.canceled.emit()
        elif event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._redraw()

    def finish(self):
        if len(self.points) >= 3:
            geometry = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
            self.reset()
            self.polygonDrawn.emit(geometry)

    def reset(self):
        self.points = []
        self.rubber_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self):
        self.reset()
        super().deactivate()
