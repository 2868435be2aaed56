#!/usr/bin/python3
"""notify-received.py DIR...: what the sinks of tests/t2100-notify.sh received.

For each DIR/NNNN.eml (smtp-sink.py) and DIR/NNNN.req (http-sink.py) writes
a decoded copy NNNN.txt beside it (mail: Subject decoded, the other headers,
the base64 body decoded; HTTP: the request line, headers and, for a JSON
body, every field on its own line with its value unescaped) -- so that a
test can grep for what a person would read -- and prints one line per
message: "WHERE KEY", WHERE being the mail directory's name or the first
segment of the request path (line, tg, hook, ...), KEY the tracking code
(or survey-ID) the message is about, "?" when none is found.
"""
import email
import email.header
import email.policy
import json
import os
import re
import sys

# \b on both sides: LINE's X-Line-Retry-Key is a UUID, whose hex digits can
# look like a code from inside (seen once: a digits-only stretch)
CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def key_of(text):
    m = CODE.search(text)
    if m:
        return m.group(0)
    m = re.search(r"survey-\d+", text)
    if m:
        return m.group(0)
    m = re.search(r"\(number\): (\d+)", text)
    return "survey-" + m.group(1) if m else "?"


for d in sys.argv[1:]:
    if not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        path = os.path.join(d, name)
        if name.endswith(".eml"):
            raw = open(path, "rb").read()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            body = msg.get_content()
            out = ["Subject: " + str(msg["Subject"])]
            for h in ("Message-ID", "From", "To", "Date", "X-Auth-User", "X-Envelope-To",
                      "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted"):
                for v in msg.get_all(h) or []:
                    out.append("%s: %s" % (h, v))
            out += ["", body]
            text = "\n".join(out)
            where = os.path.basename(os.path.normpath(d))
            key = key_of(str(msg["Message-ID"]))
        elif name.endswith(".req"):
            raw = open(path, "rb").read().decode("utf-8")
            head, _, body = raw.partition("\n\n")
            if not body and "\r\n\r\n" in raw:
                head, _, body = raw.partition("\r\n\r\n")
            out = [head]
            try:
                j = json.loads(body)
                def walk(prefix, v):
                    if isinstance(v, dict):
                        for k, x in v.items():
                            walk(prefix + "." + k if prefix else k, x)
                    elif isinstance(v, list):
                        for i, x in enumerate(v):
                            walk("%s[%d]" % (prefix, i), x)
                    else:
                        out.append("%s=%s" % (prefix, json.dumps(v, ensure_ascii=False) if v is None or
                                               not isinstance(v, str) else v))
                walk("", j)
            except ValueError:
                out.append("NOT JSON: " + body)
            text = "\n".join(out)
            where = head.split("\n", 1)[0].split(" ")[1].strip("/").split("/")[0]
            key = key_of(text)
        else:
            continue
        with open(path[:-4] + ".txt", "w") as f:
            f.write(text + "\n")
        print(where, key)
