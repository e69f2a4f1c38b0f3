"""Tiny JSON-over-HTTP client for OpenStack APIs (stdlib only).

Shared by fixtures.py and nova_emulator.py. Nothing here retries or raises on
HTTP status: callers look at the status the way a real service would.
"""
import json
import time
import urllib.error
import urllib.request


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def json(self):
        if not self.body:
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def error_message(self):
        """The human message of an OpenStack error body, whatever its shape."""
        data = self.json
        if isinstance(data, dict):
            for value in data.values():
                if isinstance(value, dict) and 'message' in value:
                    return str(value['message'])
            if 'NeutronError' in data:
                return str(data['NeutronError'].get('message'))
            if 'message' in data:
                return str(data['message'])
        return (self.body or b'').decode('utf-8', 'replace')[:300]

    def __repr__(self):
        return '<Response %s %s>' % (self.status, self.error_message()[:200])


def call(method, url, token=None, body=None, headers=None, timeout=60):
    """One request. body: dict (sent as JSON) or None. Returns a Response."""
    data = None
    hdrs = {'Accept': 'application/json'}
    if body is not None:
        data = json.dumps(body).encode()
        hdrs['Content-Type'] = 'application/json'
    if token:
        hdrs['X-Auth-Token'] = token
    hdrs.update(headers or {})
    req = urllib.request.Request(url, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Response(resp.status, resp.headers, resp.read())
    except urllib.error.HTTPError as err:
        return Response(err.code, err.headers, err.read())


def password_auth(auth_url, username, password, project, domain='Default'):
    """Project-scoped password auth. Returns (token, body) or raises RuntimeError."""
    body = {'auth': {
        'identity': {'methods': ['password'], 'password': {'user': {
            'name': username, 'password': password, 'domain': {'name': domain}}}},
        'scope': {'project': {'name': project, 'domain': {'name': domain}}}}}
    resp = call('POST', auth_url.rstrip('/') + '/auth/tokens?nocatalog', body=body)
    if resp.status != 201:
        raise RuntimeError('auth as %s failed: %s %s' % (username, resp.status,
                                                         resp.error_message()))
    return resp.headers['X-Subject-Token'], resp.json


def wait_for(predicate, timeout, interval=1.0, what='condition'):
    """Poll predicate() until it returns a truthy value; raise TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError('timed out after %ss waiting for %s' % (timeout, what))
        time.sleep(interval)
