#!/usr/bin/python3
"""The lab's TLS front and fault injector for the cloud (Python 3 stdlib only).

Terminates TLS (a certificate from the lab CA) on its own 127.0.0.1 ports and forwards each request to
one plain-HTTP cloud service, streaming both bodies (Content-Length, chunked or until close; keep-alive
on both sides). Keystone token responses get their catalog rewritten so every endpoint points back
through this proxy over https. A control port (plain HTTP, loopback) sets faults at runtime:

  POST   /faults      {"service": "cinder", "method": "POST", "path": "/volumes$", "nth": 1,
                       "action": "status", "status": 503}             -> {"id": N}
  GET    /faults      the rules with their hit counts
  DELETE /faults[/N]  clear all rules, or one
  GET    /requests    the last requests seen: service, method, path, status or fault
  DELETE /requests    forget them

Actions: "drop" (close without answering), "reset" (TCP RST), "stall" (wait "seconds", then go on),
"status" (answer "status" with an OpenStack-shaped error body, "message" optional), "corrupt" (forward the
request with one byte of its body inverted, at body offset "offset": a middlebox damaging an upload), "plain_catalog"
(leave catalog endpoints of "service_type" on plain http). "phase": "after" forwards the request and
applies the fault to the response instead (the cloud did it, the client never hears). "nth": fire on
the nth matching request only (default: every one). See tests/lab/README.md.
"""
import argparse
import json
import os
import re
import select
import signal
import socket
import socketserver
import ssl
import struct
import sys
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHUNK = 256 * 1024
REQUEST_LOG = 500
ERROR_TITLES = {400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
                413: 'Request Entity Too Large', 500: 'Internal Server Error', 503: 'Service Unavailable'}
NOVA_KEYS = {400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'itemNotFound', 409: 'conflictingRequest',
             413: 'overLimit', 500: 'computeFault', 503: 'serviceUnavailable'}


class Faults:
    """Rules set through the control port; every proxied request consults them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rules = []
        self.next_id = 1
        self.log = deque(maxlen=REQUEST_LOG)

    def add(self, rule):
        action = rule.get('action')
        if action not in ('drop', 'reset', 'stall', 'status', 'corrupt', 'plain_catalog'):
            raise ValueError('action must be drop, reset, stall, status, corrupt or plain_catalog')
        if action == 'status' and int(rule.get('status', 0)) not in ERROR_TITLES:
            raise ValueError('status must be one of %s' % sorted(ERROR_TITLES))
        if action == 'plain_catalog' and not rule.get('service_type'):
            raise ValueError('plain_catalog needs service_type (for example "volumev3")')
        re.compile(rule.get('path', ''))
        with self.lock:
            rule = dict(rule, id=self.next_id, seen=0, fired=0)
            self.next_id += 1
            self.rules.append(rule)
            return rule['id']

    def clear(self, rule_id=None):
        with self.lock:
            self.rules = [r for r in self.rules if rule_id is not None and r['id'] != rule_id]

    def snapshot(self):
        with self.lock:
            return [dict(r) for r in self.rules]

    def match(self, service, method, path):
        """The rule that fires for this request, if any (counting every rule that matches)."""
        fired = None
        with self.lock:
            for r in self.rules:
                if r['action'] == 'plain_catalog':
                    continue
                if r.get('service') not in (None, service):
                    continue
                if r.get('method') not in (None, method):
                    continue
                if not re.search(r.get('path', ''), path):
                    continue
                r['seen'] += 1
                nth = int(r.get('nth', 0))
                if fired is None and (nth == 0 or r['seen'] == nth):
                    r['fired'] += 1
                    fired = dict(r)
        return fired

    def plain_types(self):
        with self.lock:
            return {r['service_type'] for r in self.rules if r['action'] == 'plain_catalog'}

    def record(self, **entry):
        with self.lock:
            self.log.append(dict(entry, time=time.time()))


class Closed(Exception):
    """The peer went away."""


class Stream:
    """Buffered reads on a socket with exact-length and line reads."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b''

    def fill(self):
        data = self.sock.recv(CHUNK)
        if not data:
            raise Closed()
        self.buf += data

    def line(self, limit=65536):
        while b'\n' not in self.buf:
            if len(self.buf) > limit:
                raise ValueError('line too long')
            self.fill()
        i = self.buf.index(b'\n') + 1
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def some(self, n):
        if not self.buf:
            self.fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def head(self):
        """Start line and header list; None on a clean close before any byte."""
        try:
            first = self.line()
        except Closed:
            if self.buf:
                raise
            return None
        headers = []
        while True:
            line = self.line()
            if line in (b'\r\n', b'\n'):
                break
            name, _, value = line.decode('latin-1').partition(':')
            headers.append((name.strip(), value.strip()))
        return first.decode('latin-1').rstrip('\r\n'), headers


def header(headers, name):
    for k, v in headers:
        if k.lower() == name:
            return v
    return None


def without(headers, *names):
    return [(k, v) for k, v in headers if k.lower() not in names]


def usable(sock):
    """An idle kept-alive upstream connection the service has not closed meanwhile."""
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return True
    if isinstance(sock, ssl.SSLSocket):  # no MSG_PEEK on TLS: an idle TLS socket that is readable is closing
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK) != b''
    except OSError:
        return False


def encode_head(first, headers):
    return (first + '\r\n' + ''.join('%s: %s\r\n' % kv for kv in headers) + '\r\n').encode('latin-1')


def corrupting(send, offset):
    """send(bytes) of a body's data with the byte at `offset` inverted (framing passes through send itself)."""
    seen = [0]

    def data(piece):
        at = offset - seen[0]
        seen[0] += len(piece)
        if 0 <= at < len(piece):
            piece = piece[:at] + bytes([piece[at] ^ 0xff]) + piece[at + 1:]
        send(piece)
    return data


def copy_body(src, send, headers, until_close=False, corrupt_at=None):
    """Streams one message body from src to send(bytes) as framed by headers; never holds more than CHUNK.
    corrupt_at: invert the body's data byte at this offset (the "corrupt" fault)."""
    te = (header(headers, 'transfer-encoding') or '').lower()
    data = send if corrupt_at is None else corrupting(send, corrupt_at)
    if 'chunked' in te:
        while True:
            size_line = src.line()
            send(size_line)
            size = int(size_line.split(b';')[0].strip() or b'0', 16)
            if size == 0:
                while True:  # trailers, up to the empty line
                    t = src.line()
                    send(t)
                    if t in (b'\r\n', b'\n'):
                        return
            left = size
            while left:
                piece = src.some(min(left, CHUNK))
                left -= len(piece)
                data(piece)
            crlf = b''
            while len(crlf) < 2:  # the chunk's CRLF
                crlf += src.some(2 - len(crlf))
            send(crlf)
    length = header(headers, 'content-length')
    if length is not None:
        left = int(length)
        while left:
            piece = src.some(min(left, CHUNK))
            left -= len(piece)
            data(piece)
    elif until_close:
        while True:
            try:
                send(src.some(CHUNK))
            except Closed:
                return


def read_body(src, headers, until_close=False):
    parts = []
    copy_body(src, parts.append, headers, until_close)
    return b''.join(parts)


def dechunk(raw):
    out, rest = [], raw
    while True:
        size_line, _, rest = rest.partition(b'\r\n')
        size = int(size_line.split(b';')[0] or b'0', 16)
        if size == 0:
            return b''.join(out)
        out.append(rest[:size])
        rest = rest[size + 2:]


def error_payload(service, status, message):
    """(content type, body) of an error as the service would answer it."""
    if service == 'vcenter':  # vSphere's SOAP fault (a 5xx from a real vCenter carries one)
        fault = ('<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope '
                 'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>'
                 '<faultcode>ServerFaultCode</faultcode><faultstring>%s</faultstring><detail/></soapenv:Fault>'
                 '</soapenv:Body></soapenv:Envelope>') % message.replace('&', '&amp;').replace('<', '&lt;')
        return 'text/xml; charset=utf-8', fault.encode()
    return 'application/json', json.dumps(error_body(service, status, message)).encode()


def error_body(service, status, message):
    title = ERROR_TITLES[status]
    if service == 'keystone':
        return {'error': {'code': status, 'title': title, 'message': message}}
    if service == 'neutron':
        return {'NeutronError': {'type': 'XmsLabFault', 'message': message, 'detail': ''}}
    if service == 'glance':
        return {'code': '%d %s' % (status, title), 'title': title, 'message': message}
    return {NOVA_KEYS[status]: {'code': status, 'message': message}}


class Proxy:
    def __init__(self, faults, ports, upstream_host, tls_host, tls_upstreams=()):
        self.faults = faults
        # Services whose upstream speaks TLS itself (the vCenter simulator): re-encrypted, not verified
        # (the client pins the certificate this proxy presents for them — the upstream's own).
        self.upstream_tls = {}
        for name in tls_upstreams:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            self.upstream_tls[name] = ctx
        self.ports = ports  # service -> (listen port, upstream port)
        self.upstream_host = upstream_host
        self.tls_host = tls_host
        self.by_upstream = {up: listen for listen, up in ports.values()}

    def rewrite_catalog(self, body):
        """Points each catalog endpoint of a token body through the proxy (https), unless asked not to."""
        doc = json.loads(body)
        plain = self.faults.plain_types()
        pattern = re.compile(r'^http://(127\.0\.0\.1|localhost):(\d+)(.*)$')
        for svc in doc.get('token', {}).get('catalog', []):
            if svc.get('type') in plain:
                continue
            for ep in svc.get('endpoints', []):
                m = pattern.match(ep.get('url', ''))
                if m and int(m.group(2)) in self.by_upstream:
                    ep['url'] = 'https://%s:%d%s' % (self.tls_host, self.by_upstream[int(m.group(2))], m.group(3))
        return json.dumps(doc).encode()

    def serve(self, service, client_sock):
        client = Stream(client_sock)
        upstream = None
        try:
            while True:
                head = client.head()
                if head is None:
                    return
                first, headers = head
                method, target, _ = first.split(' ', 2)
                keep = (header(headers, 'connection') or '').lower() != 'close'
                fault = self.faults.match(service, method, target)
                if fault and fault['action'] == 'corrupt':  # forwarded, damaged on the way
                    self.faults.record(service=service, method=method, path=target, fault='corrupt', rule=fault['id'])
                elif fault and fault.get('phase', 'before') == 'before':
                    if not self.apply(fault, service, method, target, client_sock, client, headers):
                        return
                    if fault['action'] != 'stall':
                        if not keep:
                            return
                        continue
                    fault = None
                if upstream is not None and not usable(upstream.sock):
                    upstream.sock.close()
                    upstream = None
                if upstream is None:
                    sock = socket.create_connection((self.upstream_host, self.ports[service][1]))
                    if service in self.upstream_tls:
                        sock = self.upstream_tls[service].wrap_socket(sock, server_hostname=self.upstream_host)
                    upstream = Stream(sock)
                status, keep_up = self.forward(service, method, target, headers, client, client_sock, upstream,
                                               fault)
                if not keep_up:
                    upstream.sock.close()
                    upstream = None
                if status is None or not keep:
                    return
        except (Closed, ConnectionError, ssl.SSLError, OSError, ValueError):
            return
        finally:
            if upstream is not None:
                upstream.sock.close()

    def apply(self, fault, service, method, target, client_sock, client, headers):
        """Carries out a fault instead of (or after) forwarding. False: the client connection is gone."""
        action = fault['action']
        self.faults.record(service=service, method=method, path=target, fault=action, rule=fault['id'])
        if action == 'stall':
            time.sleep(float(fault.get('seconds', 10)))
            return True
        if action in ('drop', 'reset'):
            if action == 'reset':  # linger 0: close() sends RST instead of FIN
                client_sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
                client_sock.close()
            else:
                try:
                    client_sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                client_sock.close()
            return False
        status = int(fault['status'])
        message = fault.get('message') or 'Injected by the lab fault proxy (rule %d).' % fault['id']
        content_type, body = error_payload(service, status, message)
        if fault.get('phase', 'before') == 'before' and header(headers, 'expect') is None:
            copy_body(client, lambda _: None, headers)  # the body was sent: consume it (unbuffered), keep the connection
            conn = []
        else:
            conn = [('Connection', 'close')]  # body not read (Expect: 100-continue): this connection is done
        head = [('Content-Type', content_type), ('Content-Length', str(len(body))),
                ('X-Xms-Lab-Fault', str(fault['id']))] + conn
        client_sock.sendall(encode_head('HTTP/1.1 %d %s' % (status, ERROR_TITLES[status]), head) + body)
        return not conn

    def forward(self, service, method, target, headers, client, client_sock, upstream, after_fault):
        """One request to the upstream and its answer back. Returns (status or None, upstream reusable)."""
        up_headers = without(headers, 'expect', 'proxy-connection')
        if header(headers, 'expect'):  # answer "go on" ourselves: the upstream sees a plain request
            client_sock.sendall(b'HTTP/1.1 100 Continue\r\n\r\n')
        upstream.sock.sendall(encode_head('%s %s HTTP/1.1' % (method, target), up_headers))
        corrupt = after_fault is not None and after_fault['action'] == 'corrupt'
        copy_body(client, upstream.sock.sendall, headers, corrupt_at=int(after_fault.get('offset', 0)) if corrupt else None)
        if corrupt:
            after_fault = None
        while True:
            head = upstream.head()
            if head is None:
                raise Closed()
            status_line, resp_headers = head
            status = int(status_line.split(' ', 2)[1])
            if status >= 200:
                break
        no_body = method == 'HEAD' or status in (204, 304)
        conn = (header(resp_headers, 'connection') or '').lower()
        keep_up = conn == 'keep-alive' if status_line.startswith('HTTP/1.0') else conn != 'close'
        framed = header(resp_headers, 'content-length') is not None or 'chunked' in (
            header(resp_headers, 'transfer-encoding') or '').lower()
        until_close = not no_body and not framed
        if until_close:
            keep_up = False
        if after_fault and after_fault['action'] == 'stall':  # the cloud did it; the answer comes late
            self.faults.record(service=service, method=method, path=target, fault='stall', rule=after_fault['id'])
            time.sleep(float(after_fault.get('seconds', 10)))
            after_fault = None
        if after_fault:
            if not no_body:
                read_body(upstream, resp_headers, until_close)
            self.faults.record(service=service, method=method, path=target, status=status)
            ok = self.apply(after_fault, service, method, target, client_sock, client, [('Expect', 'no-body')])
            return (status if ok else None), keep_up
        if service == 'keystone' and target.split('?')[0].rstrip('/').endswith('/auth/tokens') and not no_body \
                and 200 <= status < 300:
            raw = read_body(upstream, resp_headers, until_close)
            if 'chunked' in (header(resp_headers, 'transfer-encoding') or '').lower():
                raw = dechunk(raw)
            body = self.rewrite_catalog(raw) if raw else raw
            resp_headers = without(resp_headers, 'content-length', 'transfer-encoding') + [
                ('Content-Length', str(len(body)))]
            client_sock.sendall(encode_head(status_line, resp_headers) + body)
        else:
            if until_close:  # the client must learn where the body ends: close after it
                resp_headers = without(resp_headers, 'connection') + [('Connection', 'close')]
            client_sock.sendall(encode_head(status_line, resp_headers))
            if not no_body:
                copy_body(upstream, client_sock.sendall, resp_headers, until_close)
        self.faults.record(service=service, method=method, path=target, status=status)
        return (None if until_close else status), keep_up


class TlsServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, addr, service, proxy, context):
        self.service, self.proxy, self.context = service, proxy, context
        super().__init__(addr, None)

    def finish_request(self, request, client_address):
        request.settimeout(600)
        try:
            tls = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return  # the client refused our certificate (a test of an untrusted CA does this)
        try:
            self.proxy.serve(self.service, tls)
        finally:
            try:
                tls.close()
            except OSError:
                pass

    def handle_error(self, request, client_address):
        pass


class Control(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    faults = None

    def log_message(self, *args):
        pass

    def answer(self, code, doc):
        body = json.dumps(doc).encode()
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == '/faults':
            return self.answer(200, {'faults': self.faults.snapshot()})
        if self.path == '/requests':
            with self.faults.lock:
                return self.answer(200, {'requests': list(self.faults.log)})
        self.answer(404, {'error': 'GET /faults or /requests'})

    def do_POST(self):
        if self.path != '/faults':
            return self.answer(404, {'error': 'POST /faults'})
        try:
            rule = json.loads(self.rfile.read(int(self.headers.get('Content-Length', 0))) or b'{}')
            self.answer(201, {'id': self.faults.add(rule)})
        except (ValueError, re.error, TypeError) as e:
            self.answer(400, {'error': str(e)})

    def do_DELETE(self):
        m = re.fullmatch(r'/faults(?:/(\d+))?', self.path)
        if m:
            self.faults.clear(int(m.group(1)) if m.group(1) else None)
            return self.answer(200, {'faults': self.faults.snapshot()})
        if self.path == '/requests':
            with self.faults.lock:
                self.faults.log.clear()
            return self.answer(200, {})
        self.answer(404, {'error': 'DELETE /faults[/id] or /requests'})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cert', required=True)
    ap.add_argument('--key', required=True)
    ap.add_argument('--host', default='127.0.0.1')
    ap.add_argument('--control-port', type=int, required=True)
    ap.add_argument('--route', action='append', required=True, help='service=listen_port:upstream_port')
    ap.add_argument('--tls-route', action='append', default=[],
                    help='service=listen_port:upstream_port:cert:key — an https upstream, fronted with its own '
                         'certificate and key so that clients pinning it (and its NFC lease thumbprints) still match')
    args = ap.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    ports, contexts = {}, {}
    for r in args.route:
        name, _, pair = r.partition('=')
        listen, _, up = pair.partition(':')
        ports[name], contexts[name] = (int(listen), int(up)), context
    for r in args.tls_route:
        name, _, rest = r.partition('=')
        listen, up, cert, key = rest.split(':', 3)
        own = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        own.load_cert_chain(cert, key)
        ports[name], contexts[name] = (int(listen), int(up)), own
    faults = Faults()
    proxy = Proxy(faults, ports, args.host, args.host, [r.partition('=')[0] for r in args.tls_route])
    servers = [TlsServer((args.host, listen), name, proxy, contexts[name]) for name, (listen, _) in ports.items()]
    Control.faults = faults
    control = ThreadingHTTPServer((args.host, args.control_port), Control)
    control.daemon_threads = True
    servers.append(control)
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print('faultproxy: serving %s, control on %d' % (
        ', '.join('%s %d->%d' % (n, l, u) for n, (l, u) in ports.items()), args.control_port), flush=True)
    signal.pause() if hasattr(signal, 'pause') else threading.Event().wait()


if __name__ == '__main__':
    sys.exit(main())
