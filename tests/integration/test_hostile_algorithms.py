"""Issue 10 through the Processing algorithms, in this process: a damaged cache heals with a
warning in the run's log; a data.gouv.fr link redirecting to a local address is refused."""

import json

import pytest
from qgis.core import QgsProcessingException

from .test_open_data_algorithms import (  # noqa: F401 - fixtures used by name
    Feedback,
    check_scenario,
    env,
    fake,
    run,
    scenario_parameters,
    served_files,
)


@pytest.mark.parametrize("name", ["fetch_ign", "datagouv_load"])
def test_a_damaged_cache_is_healed_with_a_warning(run_alg, fake, env, tmp_path, name):  # noqa: F811
    first = check_scenario(name, run(run_alg, name, scenario_parameters(name, "memory:")))
    sent = len(fake.requests)
    metadata = list((tmp_path / "cache").glob("*.json"))
    assert metadata
    for path in metadata:  # valid JSON, wrong types: every later run failed before
        meta = json.loads(path.read_text())
        meta.update(expires_at="tomorrow", headers=["etag"])
        path.write_text(json.dumps(meta))
    feedback = Feedback()
    second = check_scenario(name, run(run_alg, name, scenario_parameters(name, "memory:"), feedback))
    assert second.featureCount() == first.featureCount()
    assert len(fake.requests) > sent  # fetched again
    assert any("A damaged entry of the download cache" in w for w in feedback.warnings), feedback.warnings


def test_a_resource_link_redirecting_to_a_local_address_is_refused(run_alg, fake, env, tmp_path, monkeypatch):  # noqa: F811
    """data.gouv.fr (here reached through a proxy: the fake) redirects a resource to 127.0.0.1."""
    from ville_numerique.core.http import HttpClient
    from ville_numerique.core.settings import load_settings
    from ville_numerique.processing import open_data

    target = fake.base + "/files/sites-paris-wi-fi.csv"
    rid = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    monkeypatch.setenv("VILLE_NUMERIQUE_DATAGOUV_URL", "http://www.data.gouv.fr")
    monkeypatch.setattr(
        open_data, "make_http_client", lambda: HttpClient(load_settings(), proxies={"http": fake.base})
    )
    monkeypatch.setattr(fake, "resource", lambda _rid: ({"id": "d"}, {"id": rid, "url": target, "format": "csv",
                                                                       "title": "Bornes", "type": "main"}))
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException) as info:
        run(run_alg, "datagouv_load", {"RESOURCE": rid, "OUTPUT": str(output)})
    text = str(info.value)
    assert "redirected the request to {}".format(target) in text and "local or private network" in text
    assert "Traceback" not in text and not output.exists()
    assert not any(path.startswith("/files/") for _method, path, _args in fake.requests)
