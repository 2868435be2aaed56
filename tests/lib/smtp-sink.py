#!/usr/bin/python3
"""smtp-sink.py DIR PORTFILE MODE [CERT KEY [USER PASS]]: an SMTP receiver
for the notify tests, on Debian's python3-aiosmtpd.

MODE: plain (no TLS), starttls (STARTTLS offered and required before MAIL),
smtps (TLS from the first byte).  With USER and PASS, AUTH PLAIN/LOGIN is
offered (after TLS) and required.  Listens on 127.0.0.1, on a free port
written to PORTFILE once ready; records each message as DIR/NNNN.eml: lines
"X-Envelope-From:", "X-Envelope-To:", "X-Auth-User:" then the data as
received.  Stops on SIGTERM.
"""
import asyncio
import os
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

out_dir, port_file, mode = sys.argv[1], sys.argv[2], sys.argv[3]
cert = sys.argv[4] if len(sys.argv) > 4 else None
key = sys.argv[5] if len(sys.argv) > 5 else None
user = sys.argv[6].encode() if len(sys.argv) > 6 else None
password = sys.argv[7].encode() if len(sys.argv) > 7 else None
os.makedirs(out_dir, exist_ok=True)
lock = threading.Lock()


class Handler:
    async def handle_DATA(self, server, session, envelope):
        with lock:
            k = len([x for x in os.listdir(out_dir) if x.endswith(".eml")]) + 1
            tmp = os.path.join(out_dir, "%04d.tmp" % k)
            with open(tmp, "wb") as f:
                f.write(b"X-Envelope-From: %s\r\n" % envelope.mail_from.encode())
                for r in envelope.rcpt_tos:
                    f.write(b"X-Envelope-To: %s\r\n" % r.encode())
                f.write(b"X-Auth-User: %s\r\n" % (session.auth_data or b"-"))
                f.write(envelope.original_content)
            os.rename(tmp, os.path.join(out_dir, "%04d.eml" % k))
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password:
        return AuthResult(success=True, auth_data=auth_data.login)
    return AuthResult(success=False, handled=False)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


ctx = None
if mode != "plain":
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
kw = {}
if user:
    # with smtps the whole session is TLS, but aiosmtpd only knows of TLS
    # that STARTTLS began: do not make it wait for one
    kw.update(authenticator=authenticator, auth_required=True, auth_require_tls=(mode == "starttls"))
else:
    kw.update(auth_require_tls=False)
if mode == "starttls":
    kw.update(tls_context=ctx, require_starttls=True)
port = free_port()
if mode == "smtps":
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, ssl_context=ctx,
                            server_kwargs=kw)
else:
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, server_kwargs=kw)
controller.start()
with open(port_file + ".tmp", "w") as f:
    f.write(str(port))
os.rename(port_file + ".tmp", port_file)
done = threading.Event()
signal.signal(signal.SIGTERM, lambda *a: done.set())
done.wait()
controller.stop()
