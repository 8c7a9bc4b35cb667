#!/usr/bin/env python3
"""Eight clients that keep posting 60 MB bodies, as an attacker would: each opens a connection,
declares a 60 MB multipart body, sends it as fast as the server takes it, reads the answer,
and starts again. Raw sockets and one preallocated buffer, so the load generator itself
costs little of the machine it shares with the server.

    python3 bench/hostile_posts.py HOST PORT PATH --clients 8 --seconds 20

Prints JSON: {"posts": n, "statuses": {"413": n}, "bytes_sent": n, "errors": {...}}.
"""
import argparse
import collections
import json
import socket
import threading
import time

BODY_BYTES = 60 * 1024 * 1024
CHUNK = b"\0" * (256 * 1024)


def client(host, port, path, deadline, results, lock):
    while time.time() < deadline:
        sent = 0
        try:
            with socket.create_connection((host, port), timeout=5) as sock:
                head = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                        f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {BODY_BYTES}\r\n\r\n")
                sock.sendall(head.encode())
                sock.settimeout(0.5)
                while sent < BODY_BYTES and time.time() < deadline:
                    try:
                        sent += sock.send(CHUNK)
                    except socket.timeout:
                        break  # the server stopped reading: look for its answer
                sock.settimeout(5)
                answer = sock.recv(256).decode("latin-1", "replace")
                status = answer.split(" ")[1] if answer.startswith("HTTP/") else "none"
                with lock:
                    results["statuses"][status] += 1
        except OSError as error:
            with lock:
                results["errors"][type(error).__name__] += 1
        with lock:
            results["posts"] += 1
            results["bytes_sent"] += sent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("path")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    results = {"posts": 0, "bytes_sent": 0, "statuses": collections.Counter(), "errors": collections.Counter()}
    lock = threading.Lock()
    deadline = time.time() + args.seconds
    threads = [threading.Thread(target=client, args=(args.host, args.port, args.path, deadline, results, lock))
               for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
