"""The open data API answers as its OpenAPI 3.1 document says, on the demonstration province."""
import json
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def fetch(base_url, path):
    try:
        with urllib.request.urlopen(base_url + path, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="module")
def spec(base_url):
    status, _, body = fetch(base_url, "/api/v1/openapi.json")
    assert status == 200
    document = json.loads(body)
    validate(document)  # a valid OpenAPI 3.1 document
    return document


def validator_for(spec, path, method, status, content_type="application/json"):
    """A validator for one response schema, resolving its "#/components/..." references
    against the whole document."""
    def escape(part):
        return part.replace("~", "~0").replace("/", "~1")
    pointer = "/".join(["", "paths", escape(path), method, "responses", str(status), "content",
                        escape(content_type), "schema"])
    resource = Resource.from_contents(spec, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:lumbung:openapi", resource)
    return Draft202012Validator({"$ref": "urn:lumbung:openapi#" + pointer}, registry=registry)


def check(spec, base_url, path, template, status=200):
    code, headers, body = fetch(base_url, path)
    assert code == status, (path, code, body[:300])
    assert headers.get("access-control-allow-origin") == "*" or status >= 400
    instance = json.loads(body)
    errors = sorted(validator_for(spec, template, "get", status).iter_errors(instance), key=str)
    assert not errors, f"{path}: {errors[0].message} at {list(errors[0].absolute_path)}"
    return instance


def test_search_responses_match_the_document(spec, base_url):
    page = check(spec, base_url, "/api/v1/innovations?per_page=100", "/api/v1/innovations")
    assert page["total"] > 0 and len(page["items"]) == min(100, page["total"])
    narrowed = check(spec, base_url, "/api/v1/innovations?q=pelayanan&category=publicService&sort=newest",
                     "/api/v1/innovations")
    assert narrowed["total"] <= page["total"]
    assert all(item["category"] == "publicService" for item in narrowed["items"])


def test_detail_and_agencies_match_the_document(spec, base_url):
    page = check(spec, base_url, "/api/v1/innovations?per_page=5", "/api/v1/innovations")
    for item in page["items"]:
        detail = check(spec, base_url, f"/api/v1/innovations/{item['id']}", "/api/v1/innovations/{id}")
        assert detail["id"] == item["id"]
    agencies = check(spec, base_url, "/api/v1/agencies", "/api/v1/agencies")
    assert sum(a["published_innovations"] for a in agencies) == page["total"]


def test_errors_match_the_document(spec, base_url):
    check(spec, base_url, "/api/v1/innovations?page=-1", "/api/v1/innovations", status=400)
    check(spec, base_url, "/api/v1/innovations?per_page=1000000", "/api/v1/innovations", status=400)
    check(spec, base_url, "/api/v1/innovations?q=" + "x" * 10000, "/api/v1/innovations", status=400)
    check(spec, base_url, "/api/v1/innovations/999999", "/api/v1/innovations/{id}", status=404)


def test_csv_is_the_same_selection(base_url):
    code, headers, body = fetch(base_url, "/api/v1/innovations.csv?category=governance")
    assert code == 200 and headers["content-type"].startswith("text/csv")
    lines = body.decode("utf-8-sig").strip().split("\r\n")
    _, _, page = fetch(base_url, "/api/v1/innovations?category=governance")
    assert len(lines) - 1 == json.loads(page)["total"]
