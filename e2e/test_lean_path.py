"""What a slow link gets: gzip for text when the browser accepts it (never an error for an
Accept-Encoding header that is malformed or names only what the server does not speak), and
the stylesheet and script cached for a year under their content hash, revalidated by ETag."""
import gzip
import re
import urllib.request
import zlib


def fetch(base_url, path, headers=None):
    request = urllib.request.Request(base_url + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_text_is_gzipped_when_accepted_and_plain_otherwise(base_url):
    plain_status, plain_headers, plain = fetch(base_url, "/catalogue?q=layanan")
    assert plain_status == 200 and "Content-Encoding" not in plain_headers
    status, headers, body = fetch(base_url, "/catalogue?q=layanan", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("Content-Encoding") == "gzip", headers
    assert gzip.decompress(body) .startswith(b"<!doctype html>")
    assert len(body) * 3 < len(plain), (len(body), len(plain))
    # What browsers send: either is fine (the server picks deflate when both weigh the same).
    for path in ("/api/v1/innovations?q=layanan", "/api/v1/innovations.csv?q=layanan", "/app.css"):
        status, headers, body = fetch(base_url, path, {"Accept-Encoding": "gzip, deflate, br"})
        encoding = headers.get("Content-Encoding")
        assert status == 200 and encoding in ("gzip", "deflate"), (path, headers)
        assert len(gzip.decompress(body) if encoding == "gzip" else zlib.decompress(body)) > len(body)


def test_odd_accept_encoding_headers_get_an_uncompressed_answer(base_url):
    for value in ("br", "gzip;q=0", "gzip;q=abc, ,;;", "x" * 500, "identity"):
        status, headers, body = fetch(base_url, "/catalogue", {"Accept-Encoding": value})
        assert status == 200, (value, status)
        assert headers.get("Content-Encoding") in (None, "identity"), (value, headers)
        assert body.startswith(b"<!doctype html>"), value


def test_assets_are_cached_under_their_hash_and_revalidate(base_url):
    _, _, page = fetch(base_url, "/catalogue")
    href = re.search(rb'href="(/app\.css\?v=[0-9a-f]{12})"', page).group(1).decode()
    status, headers, _ = fetch(base_url, href)
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable", headers
    status, headers, _ = fetch(base_url, "/app.css")
    assert headers["Cache-Control"] == "public, no-cache"
    status, _, body = fetch(base_url, "/app.css", {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""
