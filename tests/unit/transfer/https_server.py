#!/usr/bin/python3
"""A small HTTPS peer for the CurlTransfer tests, on 127.0.0.1 only.

Prints "PORT <n>" once listening. Exits when its parent (the test) goes away.
  GET  /files/<name>          a file from --dir, with Range support
  GET  /drop/<name>?after=N   announces the whole file, sends N bytes, then cuts the connection
  GET  /slow                  trickles data forever (4 KiB every 50 ms)
  GET  /stall                 sends headers and 10 bytes, then nothing
  GET  /status/<code>         that status with a recognisable body
  GET  /cookie                200 when the --cookie value is sent, else 403
  PUT|POST /upload            needs X-Auth-Token = --token; reads Content-Length or chunked bodies and
                              answers 201 {"sha256", "length", "chunked", "method"}
"""
import argparse
import hashlib
import json
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            self.request.do_handshake()
        except (ssl.SSLError, OSError):
            return  # the client refused our certificate: that is what some tests want
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass

    def reply(self, code, body, ctype='text/plain'):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        parts = url.path.strip('/').split('/')
        if parts[0] == 'files':
            return self.send_file(parts[1], None)
        if parts[0] == 'drop':
            return self.send_file(parts[1], int(parse_qs(url.query)['after'][0]))
        if parts[0] == 'slow':
            self.send_response(200)
            self.send_header('Content-Length', str(1 << 40))
            self.end_headers()
            while True:
                self.wfile.write(b's' * 4096)
                self.wfile.flush()
                time.sleep(0.05)
        if parts[0] == 'stall':
            self.send_response(200)
            self.send_header('Content-Length', '1000')
            self.end_headers()
            self.wfile.write(b'0123456789')
            self.wfile.flush()
            time.sleep(60)
            return
        if parts[0] == 'status':
            code = int(parts[1])
            return self.reply(code, f'error body for {code}: the server says no'.encode())
        if parts[0] == 'cookie':
            ok = self.server.cookie in self.headers.get('Cookie', '')
            return self.reply(200 if ok else 403, b'cookie ok' if ok else b'no session cookie')
        self.reply(404, b'no such path')

    def send_file(self, name, cut_after):
        path = os.path.join(self.server.files, os.path.basename(name))
        size = os.path.getsize(path)
        start = 0
        rng = self.headers.get('Range')
        if rng and rng.startswith('bytes=') and rng.endswith('-'):
            start = int(rng[6:-1])
        self.send_response(206 if start else 200)
        if start:
            self.send_header('Content-Range', f'bytes {start}-{size - 1}/{size}')
        self.send_header('Content-Length', str(size - start))
        self.end_headers()
        sent = 0
        with open(path, 'rb') as f:
            f.seek(start)
            while True:
                chunk = f.read(1 << 20)
                if cut_after is not None:
                    chunk = chunk[:max(0, cut_after - sent)]
                if not chunk:
                    break
                self.wfile.write(chunk)
                sent += len(chunk)
        if cut_after is not None:
            self.wfile.flush()
            self.close_connection = True
            self.request.close()

    def do_PUT(self):
        self.receive()

    def do_POST(self):
        self.receive()

    def receive(self):
        if self.headers.get('X-Auth-Token') != self.server.token:
            self.close_connection = True
            return self.reply(401, b'{"error": "authentication required"}', 'application/json')
        digest = hashlib.sha256()
        length = 0
        chunked = 'chunked' in self.headers.get('Transfer-Encoding', '')
        if chunked:
            while True:
                size = int(self.rfile.readline().split(b';')[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b'\r\n', b'\n', b''):
                        pass
                    break
                data = self.rfile.read(size)
                digest.update(data)
                length += len(data)
                self.rfile.readline()
        else:
            left = int(self.headers.get('Content-Length', '0'))
            while left:
                data = self.rfile.read(min(left, 1 << 20))
                if not data:
                    break
                digest.update(data)
                length += len(data)
                left -= len(data)
        body = json.dumps({'sha256': digest.hexdigest(), 'length': length, 'chunked': chunked,
                           'method': self.command}).encode()
        self.reply(201, body, 'application/json')


def watch_parent(parent):
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cert', required=True)
    ap.add_argument('--key', required=True)
    ap.add_argument('--dir', required=True)
    ap.add_argument('--token', default='secret-token')
    ap.add_argument('--cookie', default='vmware_soap_session="abc"')
    a = ap.parse_args()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(a.cert, a.key)
    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    server.socket = ctx.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    server.files, server.token, server.cookie = a.dir, a.token, a.cookie
    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()
    print(f'PORT {server.server_address[1]}', flush=True)
    server.serve_forever()


if __name__ == '__main__':
    sys.exit(main())
