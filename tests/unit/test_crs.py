"""core/crs.py: the metric CRS, the legal-territory flag and the far-service mask."""

import numpy as np
from ville_numerique.core import crs


def test_legal_territories():
    assert crs.metric_crs_for_extent(2.2, 50.7, 2.3, 50.8) == (2154, "France métropolitaine")
    assert crs.is_legal_territory("France métropolitaine") and crs.is_legal_territory("La Réunion")
    # Lille + one service in La Réunion: the extent of both is no territory -> UTM 35N (issue 15), not legal
    epsg, name = crs.metric_crs_for_extent(3.0, -21.0, 55.5, 50.7)
    assert (epsg, name) == (32635, "UTM 35N") and not crs.is_legal_territory(name)


def test_far_from_extent():
    xy = np.array([[0.0, 0.0], [150.0, 50.0], [100.0, 251.0], [-300.0, -400.0], [100.0, 249.0]])
    far = crs.far_from_extent(xy, (0.0, 0.0, 100.0, 100.0), 150.0)
    # inside; 50 m east; 151 m north; 500 m south-west; 149 m north
    assert far.tolist() == [False, False, True, True, False]
    assert crs.far_from_extent(np.empty((0, 2)), (0, 0, 1, 1), 10).tolist() == []


def test_legal_crs_warning():
    assert crs.legal_crs_warning("EPSG:2154", "France métropolitaine") is None
    warning = crs.legal_crs_warning("EPSG:32635", "UTM 35N")
    assert warning.startswith("Distances are measured in EPSG:32635 (UTM 35N), not in the legal projection")
