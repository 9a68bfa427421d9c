#!/usr/bin/env python3
"""A stand-in for the MediaWiki and Wikibase APIs on 127.0.0.1, for the fetching tests.

    python3 api_server.py FOLDER

Prints the port on its first line, then serves until stdin closes (the test ends it):

- /w/api.php?action=query&prop=revisions&titles=T  FOLDER/pages/T.json (a MediaWiki
  formatversion=2 answer), else the API's answer for a missing page
- /wiki/Special:EntityData/Q1.json                 FOLDER/entities/Q1.json
- /sparql?query=…&format=json                       FOLDER/sparql/Q1.json for the position the
                                                    query binds, else no results
- /w/api.php?action=wbgetentities&ids=A|B           each id from FOLDER/entities, else an item
                                                    whose English label is "Label of ID"
- failures, before any of the above: /slow/… never answers; /flaky/… answers 429 with
  Retry-After: 0 once per path, then normally; /error500/… answers 500 with a MediaWiki
  error; /truncated/… promises more bytes than it sends; /html/… answers an HTML page;
  /away/… redirects to another host; /big/… answers more bytes than a client should read;
  /gzip/… answers gzip-compressed (only to clients that accept it); /moved/… redirects
  within the same host.

Every request is logged to FOLDER/requests.log: path and query, then the User-Agent.
"""
import gzip as gzip_module
import json
import os
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FOLDER = sys.argv[1]
FLAKY_SEEN = set()
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json; charset=utf-8", headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with LOCK, open(os.path.join(FOLDER, "requests.log"), "a") as log:
            log.write(f"{self.path}\t{self.headers.get('User-Agent', '')}\t{self.headers.get('Accept-Encoding', '')}\n")
        path = self.path
        for mode in ("slow", "flaky", "error500", "truncated", "html", "away", "big", "gzip", "moved"):
            if path.startswith(f"/{mode}/"):
                return getattr(self, mode)(path[len(mode) + 1:])
        self.answer(path)

    def answer(self, path):
        url = urllib.parse.urlsplit(path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path.startswith("/wiki/Special:EntityData/"):
            entity = url.path.rsplit("/", 1)[1].removesuffix(".json")
            file = os.path.join(FOLDER, "entities", entity + ".json")
            if not os.path.exists(file):
                return self.send(404, b"<html><body>Not Found: no such entity</body></html>", "text/html")
            return self.send(200, {"entities": {entity: json.load(open(file))}})
        if url.path == "/w/api.php" and query.get("action") == "wbgetentities":
            ids = query["ids"].split("|")
            if len(ids) > 50:
                return self.send(200, {"error": {"code": "too-many", "info": "Too many values supplied for parameter \"ids\". The limit is 50."}})
            entities = {}
            for id in ids:
                file = os.path.join(FOLDER, "entities", id + ".json")
                entities[id] = (json.load(open(file)) if os.path.exists(file)
                                else {"type": "item", "id": id, "labels": {"en": {"language": "en", "value": f"Label of {id}"}}})
            return self.send(200, {"entities": entities, "success": 1})
        if url.path == "/sparql":
            match = re.search(r"BIND\(wd:(Q[0-9]+) AS \?position\)", query.get("query", ""))
            file = os.path.join(FOLDER, "sparql", (match.group(1) if match else "none") + ".json")
            if not match or query.get("format") != "json":
                return self.send(400, b"Parse error: the query names no position", "text/plain")
            if os.path.exists(file):
                return self.send(200, json.load(open(file)), "application/sparql-results+json")
            return self.send(200, {"head": {"vars": []}, "results": {"bindings": []}}, "application/sparql-results+json")
        if url.path == "/w/api.php" and query.get("action") == "query":
            title = query.get("titles", "")
            file = os.path.join(FOLDER, "pages", title + ".json")
            if os.path.exists(file):
                return self.send(200, json.load(open(file)))
            return self.send(200, {"batchcomplete": True, "query": {"pages": [{"ns": 0, "title": title, "missing": True}]}})
        self.send(400, {"error": {"code": "badrequest", "info": "Unrecognized request " + url.path}})

    def gzip(self, path):
        # The answer compressed, as Wikimedia's servers send it to clients that accept gzip.
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return self.send(406, {"error": {"code": "gzip", "info": "this stand-in answers gzip only"}})
        raw = self.wfile
        self.wfile = Compressing(self)
        try:
            self.answer(path)
        finally:
            self.wfile = raw

    def moved(self, path):
        self.send(301, b"", headers={"Location": path})

    def slow(self, path):
        # Answer nothing; wait for the client to give up and close.
        self.rfile.read()

    def flaky(self, path):
        with LOCK:
            seen = path in FLAKY_SEEN
            FLAKY_SEEN.add(path)
        if not seen:
            return self.send(429, {"error": {"code": "ratelimited", "info": "You've exceeded your rate limit."}}, headers={"Retry-After": "0"})
        self.answer(path)

    def error500(self, path):
        self.send(500, {"error": {"code": "internal_api_error_DBQueryError", "info": "A database query error has occurred."}},
                  headers={"Retry-After": "0"})

    def truncated(self, path):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b'{"batchcomplete": true, "que')
        self.wfile.flush()
        self.close_connection = True

    def html(self, path):
        self.send(200, b"<!DOCTYPE html><html><body><p>Please log in</p></body></html>", "text/html")

    def away(self, path):
        port = self.server.server_address[1]
        self.send(302, b"", headers={"Location": f"http://localhost:{port}{path}"})

    def big(self, path):
        chunk = b" " * (1 << 20)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(chunk) * 80))
        self.end_headers()
        try:
            for _ in range(80):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Compressing:
    """Collects what the handler writes and sends it gzip-compressed, with its own headers."""

    def __init__(self, handler):
        self.handler = handler
        self.raw = handler.wfile
        self.buffer = b""

    def write(self, data):
        self.buffer += data
        head, sep, body = self.buffer.partition(b"\r\n\r\n")
        if not sep:
            return
        lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"content-length")]
        length = int([line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")][0].split(b":")[1])
        if len(body) < length:
            return
        packed = gzip_module.compress(body[:length])
        lines += [b"Content-Encoding: gzip", b"Content-Length: " + str(len(packed)).encode()]
        self.raw.write(b"\r\n".join(lines) + b"\r\n\r\n" + packed)
        self.buffer = b""

    def flush(self):
        self.raw.flush()


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
server.shutdown()
