#!/usr/bin/python3
"""Contract test of the lab's TLS and fault proxy (tests/lab/proxy) in front of the real cloud.

Raw http.client over TLS with the lab CA: the catalog points through the proxy, keep-alive, a chunked
upload streamed to Glance and read back byte-identical, each fault action (status with the service's
error shape, drop, reset, stall, phase "after", nth), plain_catalog, and the control port's refusals.
    eval "$(tests/lab/lab env)"; tests/lab/smoke/test_fault_proxy.py
"""
import hashlib
import http.client
import json
import os
import socket
import ssl
import sys
import time
import urllib.parse

REQUIRED = ('XMS_LAB_CA_BUNDLE', 'XMS_LAB_TLS_AUTH_URL', 'XMS_LAB_FAULT_URL', 'OS_USERNAME', 'OS_PASSWORD',
            'OS_PROJECT_NAME', 'XMS_LAB_VC_FAULT_URL', 'XMS_LAB_VC_CA_FILE', 'XMS_LAB_VC_PORT')
missing = [v for v in REQUIRED if not os.environ.get(v)]
if missing:
    sys.exit('test_fault_proxy: FAIL - %s not set. Run: tests/lab/lab up && eval "$(tests/lab/lab env)"'
             % ', '.join(missing))
E = os.environ
CTX = ssl.create_default_context(cafile=E['XMS_LAB_CA_BUNDLE'])
CONTROL = urllib.parse.urlparse(E['XMS_LAB_FAULT_URL'])
failures = []


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        failures.append(what)


def tls(url):
    u = urllib.parse.urlparse(url)
    return http.client.HTTPSConnection(u.hostname, u.port, context=CTX, timeout=60), u.path.rstrip('/')


def request(conn, method, path, token=None, body=None, headers=None):
    hdrs = {'Accept': 'application/json', **(headers or {})}
    if token:
        hdrs['X-Auth-Token'] = token
    if isinstance(body, dict):
        body = json.dumps(body).encode()
        hdrs['Content-Type'] = 'application/json'
    conn.request(method, path, body=body, headers=hdrs)
    r = conn.getresponse()
    data = r.read()
    return r, data


def control(method, path, body=None):
    c = http.client.HTTPConnection(CONTROL.hostname, CONTROL.port, timeout=10)
    r, data = request(c, method, path, body=body)
    c.close()
    return r.status, json.loads(data or b'{}')


def fault(**rule):
    status, body = control('POST', '/faults', rule)
    assert status == 201, (status, body)
    return body['id']


def rule(rid):
    return next(r for r in control('GET', '/faults')[1]['faults'] if r['id'] == rid)


def login():
    conn, base = tls(E['XMS_LAB_TLS_AUTH_URL'])
    r, data = request(conn, 'POST', base + '/auth/tokens', body={'auth': {
        'identity': {'methods': ['password'], 'password': {'user': {
            'name': E['OS_USERNAME'], 'domain': {'name': 'Default'}, 'password': E['OS_PASSWORD']}}},
        'scope': {'project': {'name': E['OS_PROJECT_NAME'], 'domain': {'name': 'Default'}}}}})
    assert r.status == 201, (r.status, data[:300])
    catalog = {s['type']: next(e['url'] for e in s['endpoints'] if e['interface'] == 'public')
               for s in json.loads(data)['token']['catalog']}
    return r.getheader('X-Subject-Token'), catalog


def vc_check():
    front = urllib.parse.urlparse(E['XMS_LAB_VC_FAULT_URL'])
    direct_port = int(E['XMS_LAB_VC_PORT'])
    vc_ctx = ssl.create_default_context(cafile=E['XMS_LAB_VC_CA_FILE'])
    vc_ctx.check_hostname = False

    def fetch(port):
        c = http.client.HTTPSConnection(front.hostname, port, context=vc_ctx, timeout=30)
        r, data = request(c, 'GET', '/about')
        der = c.sock.getpeercert(binary_form=True)
        r2, _ = request(c, 'GET', '/about')  # kept alive
        c.close()
        return r.status, data, der, r2.status

    direct = fetch(direct_port)
    fronted = fetch(front.port)
    check(fronted[2] == direct[2], 'the vCenter front presents the simulator\'s own certificate')
    check(fronted[0] == 200 and fronted[1] == direct[1] and fronted[3] == 200,
          'the vCenter front relays the simulator (GET /about twice on one connection: %s)' % fronted[0])
    rid = fault(service='vcenter', method='GET', path='^/about', action='status', status=503, nth=1)
    c = http.client.HTTPSConnection(front.hostname, front.port, context=vc_ctx, timeout=30)
    c.request('GET', '/about')
    r = c.getresponse()
    body = r.read().decode()
    check(r.status == 503 and 'text/xml' in r.getheader('Content-Type', '') and '<faultstring>' in body,
          'a vcenter status fault answers a SOAP fault: %s %s' % (r.status, body[:80]))
    c.close()
    check(rule(rid)['fired'] == 1, 'the vcenter rule fired once')
    control('DELETE', '/faults')


def main():
    control('DELETE', '/faults')
    control('DELETE', '/requests')
    token, catalog = login()
    check(all(u.startswith('https://127.0.0.1:1') for u in catalog.values()),
          'every catalog endpoint points through the proxy over https: %s' % sorted(catalog.values()))

    # keep-alive: two requests on one TLS connection, one TCP connection seen by the peer
    conn, _ = tls(catalog['compute'])
    r1, _ = request(conn, 'GET', '/v2.1/flavors', token)
    sock = conn.sock
    r2, _ = request(conn, 'GET', '/v2.1/flavors', token)
    check(r1.status == r2.status == 200 and conn.sock is sock, 'two requests on one kept-alive connection')

    # a chunked upload streamed through to Glance and read back identical
    glance, _ = tls(catalog['image'])
    r, data = request(glance, 'POST', '/v2/images', token,
                      {'name': 'xms-proxy-test-%d' % os.getpid(), 'disk_format': 'raw', 'container_format': 'bare'})
    image = json.loads(data)['id']
    blob = os.urandom(1 << 20) * 48  # 48 MiB in 1 MiB chunks
    digest = hashlib.sha256(blob).hexdigest()
    glance.putrequest('PUT', '/v2/images/%s/file' % image)
    for k, v in (('X-Auth-Token', token), ('Content-Type', 'application/octet-stream'),
                 ('Transfer-Encoding', 'chunked')):
        glance.putheader(k, v)
    glance.endheaders()
    for i in range(0, len(blob), 1 << 20):
        glance.send(b'%x\r\n' % (1 << 20) + blob[i:i + (1 << 20)] + b'\r\n')
    glance.send(b'0\r\n\r\n')
    r = glance.getresponse()
    r.read()
    check(r.status == 204, 'chunked 48 MiB upload through the proxy: %d' % r.status)
    r, back = request(glance, 'GET', '/v2/images/%s/file' % image, token)
    check(r.status == 200 and hashlib.sha256(back).hexdigest() == digest, 'download is byte-identical')

    # status faults carry the service's error shape; nth counts matching requests
    rid = fault(service='glance', method='GET', path='^/v2/images/%s$' % image, nth=2, action='status', status=503)
    statuses = [request(glance, 'GET', '/v2/images/%s' % image, token)[0].status for _ in range(3)]
    check(statuses == [200, 503, 200], 'nth=2 fires on the second request only: %s' % statuses)
    check(rule(rid)['seen'] == 3 and rule(rid)['fired'] == 1, 'the rule counted 3 seen, 1 fired')
    control('DELETE', '/faults')
    shapes = {'cinder': ('volumev3', '/types', 'overLimit', 413), 'neutron': ('network', '/v2.0/networks',
              'NeutronError', 409), 'nova': ('compute', '/v2.1/flavors', 'forbidden', 403)}
    for service, (ctype, path, key, code) in shapes.items():
        fault(service=service, path=path, action='status', status=code, message='shape test')
        c, base = tls(catalog[ctype])
        r, data = request(c, 'GET', base + path if ctype == 'volumev3' else path, token)
        body = json.loads(data)
        check(r.status == code and key in body and 'shape test' in json.dumps(body),
              '%s %d has the %s shape: %s' % (service, code, key, data[:120]))
        control('DELETE', '/faults')

    # drop closes the connection cleanly without an answer; reset sends a TCP RST (a TLS error, not an EOF)
    for action in ('drop', 'reset'):
        fault(service='nova', path='/flavors', action=action, nth=1)
        u = urllib.parse.urlparse(catalog['compute'])
        s = CTX.wrap_socket(socket.create_connection((u.hostname, u.port), timeout=30), server_hostname=u.hostname,
                            suppress_ragged_eofs=False)
        s.sendall(b'GET /v2.1/flavors HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ' + token.encode() + b'\r\n\r\n')
        try:
            outcome = s.recv(100)
        except (ssl.SSLError, ConnectionError) as e:
            outcome = e
        s.close()
        if action == 'drop':
            check(outcome == b'', 'drop closes without an answer: %r' % (outcome,))
        else:
            check(isinstance(outcome, (ssl.SSLEOFError, ConnectionResetError)), 'reset breaks the connection: %r'
                  % (outcome,))
        control('DELETE', '/faults')
    fault(service='nova', path='/flavors', action='stall', seconds=2, nth=1)
    c, _ = tls(catalog['compute'])
    t0 = time.monotonic()
    r, _ = request(c, 'GET', '/v2.1/flavors', token)
    check(r.status == 200 and time.monotonic() - t0 >= 2, 'stall delays the answer by 2 s, then forwards')
    control('DELETE', '/faults')

    # phase "after": the cloud creates the volume, the client never hears
    name = 'xms-proxy-after-%d' % os.getpid()
    fault(service='cinder', method='POST', path='/volumes$', action='drop', phase='after')
    c, base = tls(catalog['volumev3'])
    try:
        request(c, 'POST', base + '/volumes', token, {'volume': {'size': 1, 'name': name}})
        check(False, 'phase after: the answer is lost')
    except (http.client.RemoteDisconnected, ConnectionError, ssl.SSLError):
        check(True, 'phase after: the answer is lost')
    control('DELETE', '/faults')
    c, base = tls(catalog['volumev3'])
    r, data = request(c, 'GET', base + '/volumes?name=' + name, token)
    vols = json.loads(data)['volumes']
    check(len(vols) == 1, 'phase after: the cloud did create the volume (found by name)')
    for v in vols:
        for _ in range(60):
            r, data = request(c, 'GET', base + '/volumes/' + v['id'], token)
            if json.loads(data)['volume']['status'] in ('available', 'error'):
                break
            time.sleep(0.5)
        request(c, 'DELETE', base + '/volumes/' + v['id'], token)

    # plain_catalog leaves a type on http
    fault(action='plain_catalog', service_type='volumev3')
    _, cat2 = login()
    check(cat2['volumev3'].startswith('http://127.0.0.1:8776/') and cat2['compute'].startswith('https://'),
          'plain_catalog leaves volumev3 on http only: %s' % cat2['volumev3'])
    control('DELETE', '/faults')

    # the vCenter front: the simulator's own certificate, SOAP/NFC relayed, SOAP-shaped faults
    vc_check()

    # the control port refuses nonsense with a reason
    status, body = control('POST', '/faults', {'action': 'explode'})
    check(status == 400 and 'action must be' in body.get('error', ''), 'unknown action refused: %s' % body)
    status, body = control('POST', '/faults', {'action': 'status', 'status': 418})
    check(status == 400 and 'status must be' in body.get('error', ''), 'unknown status refused: %s' % body)

    request(glance, 'DELETE', '/v2/images/%s' % image, token)
    control('DELETE', '/requests')
    if failures:
        sys.exit('test_fault_proxy: FAIL - %d check(s): %s' % (len(failures), '; '.join(failures)))
    print('test_fault_proxy: PASS')


if __name__ == '__main__':
    try:
        main()
    finally:
        control('DELETE', '/faults')
