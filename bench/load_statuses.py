#!/usr/bin/env python3
"""Asks the server the same few pages from several threads until told to stop (or until the
server is gone) and counts what came back: each status, and each kind of connection error.

    python3 bench/load_statuses.py URL [URL ...] --threads 8 --seconds 10 [--cookie 'name=value']

Prints one JSON object: {"statuses": {"200": n, "503": n}, "errors": {"ConnectionRefusedError": n,
"closedWhileIdle": n, "dropped:…": n}, "requests": n, "dropped": n}.
Used by bench/shutdown.sh to check that stopping the server under load answers every request
it accepted, with a page or with 503.
"""
import argparse
import collections
import http.client
import json
import threading
import time
import urllib.parse


def worker(urls, deadline, cookie, statuses, errors, lock, stop):
    """A request that fails on a kept-alive connection is sent once more on a new one, as
    browsers do: the server may close an idle connection just as the next request leaves.
    A request that fails on a connection opened for it (other than a refused connection, which
    means the server no longer listens) is counted as dropped: the server accepted it and gave
    no answer."""
    index = 0
    connection = None
    reused = False
    retrying = None
    while time.time() < deadline and not stop.is_set():
        if retrying is not None:
            url, retrying = retrying, None
        else:
            url = urllib.parse.urlsplit(urls[index % len(urls)])
            index += 1
        try:
            if connection is None:
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=15)
                reused = False
            headers = {"Cookie": cookie} if cookie else {}
            connection.request("GET", url.path + ("?" + url.query if url.query else ""), headers=headers)
            response = connection.getresponse()
            response.read()
            with lock:
                statuses[str(response.status)] += 1
            reused = True
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException) as error:
            name = type(error).__name__
            with lock:
                if isinstance(error, ConnectionRefusedError):
                    errors[name] += 1
                elif reused:
                    errors["closedWhileIdle"] += 1
                    retrying = url
                else:
                    errors["dropped:" + name] += 1
            if connection is not None:
                connection.close()
            connection = None
            if isinstance(error, ConnectionRefusedError):
                time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--cookie", default="")
    args = parser.parse_args()
    statuses, errors = collections.Counter(), collections.Counter()
    lock, stop = threading.Lock(), threading.Event()
    deadline = time.time() + args.seconds
    threads = [threading.Thread(target=worker, args=(args.urls, deadline, args.cookie, statuses, errors, lock, stop))
               for _ in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    dropped = sum(n for name, n in errors.items() if name.startswith("dropped:"))
    print(json.dumps({"statuses": dict(statuses), "errors": dict(errors), "requests": sum(statuses.values()), "dropped": dropped}))


if __name__ == "__main__":
    main()
