#!/usr/bin/python3
"""http-sink.py DIR PORTFILE [PORT]: a tiny HTTP receiver for the notify tests.

Listens on 127.0.0.1 (PORT, or a free port), writes the port to PORTFILE once
it is listening, and records each request as DIR/NNNN.req: the request line,
the headers as received, a blank line, then the body.  Answers 200 with
{"ok":true} -- or, when DIR/status exists, the status code written in it
(e.g. 500, 409).  Stops on SIGTERM.
"""
import http.server
import os
import signal
import sys
import threading

out_dir, port_file = sys.argv[1], sys.argv[2]
port = int(sys.argv[3]) if len(sys.argv) > 3 else 0
os.makedirs(out_dir, exist_ok=True)
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n) if n else b""
        status = 200
        try:
            with open(os.path.join(out_dir, "status")) as f:
                status = int(f.read().strip())
        except (OSError, ValueError):
            pass
        with lock:
            k = len([x for x in os.listdir(out_dir) if x.endswith(".req")]) + 1
            tmp = os.path.join(out_dir, "%04d.tmp" % k)
            with open(tmp, "wb") as f:
                f.write(("%s %s\n" % (self.command, self.path)).encode())
                f.write(bytes(self.headers))
                f.write(body)
            os.rename(tmp, os.path.join(out_dir, "%04d.req" % k))
        answer = b'{"ok":true}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, fmt, *args):
        pass


http.server.ThreadingHTTPServer.allow_reuse_address = True
srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=srv.shutdown).start())
with open(port_file + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(port_file + ".tmp", port_file)
srv.serve_forever()
