#!/usr/bin/python3
"""Everything in the lab cloud that carries a job's mark, found by listing each service (not the job's ledger).

  sweep.py JOB_ID [INSTANCE_NAME]   -> JSON {"images": [...], "volumes": [...], "ports": [...], "servers": [...]}

A resource belongs to the job when it has the job's tag — Glance property / Cinder and Nova metadata
`xms_job` = JOB_ID — or a name XMS gives the job's resources (`xms-<first 8 of the id>-…`, the instance name
for a server). Deleted-but-still-listed resources (a volume in "deleting") count until they are gone:
call again after a few seconds. Uses the plain-HTTP cloud (OS_* from `tests/lab/lab env`), so proxy faults
set by a test never hide anything from it.
"""
import json
import os
import sys
import urllib.request


def call(method, url, token=None, body=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header('Content-Type', 'application/json')
    req.add_header('Accept', 'application/json')
    if token:
        req.add_header('X-Auth-Token', token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.headers, json.loads(r.read() or b'{}')


def login():
    env = os.environ
    try:
        auth = {'auth': {'identity': {'methods': ['password'], 'password': {'user': {
            'name': env['OS_USERNAME'], 'password': env['OS_PASSWORD'],
            'domain': {'name': env.get('OS_USER_DOMAIN_NAME', 'Default')}}}},
            'scope': {'project': {'name': env['OS_PROJECT_NAME'],
                                  'domain': {'name': env.get('OS_PROJECT_DOMAIN_NAME', 'Default')}}}}}
    except KeyError as missing:
        sys.exit('sweep.py: %s is not set — run through tests/lab/with-lab (the lab must be up)' % missing)
    headers, doc = call('POST', env['OS_AUTH_URL'].rstrip('/') + '/auth/tokens', body=auth)
    endpoints = {}
    for svc in doc['token']['catalog']:
        for ep in svc['endpoints']:
            if ep['interface'] == 'public':
                endpoints[svc['type']] = ep['url'].rstrip('/')
    return headers['X-Subject-Token'], endpoints


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: sweep.py JOB_ID [INSTANCE_NAME]')
    job, instance = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
    prefix = 'xms-%s-' % job[:8]
    token, ep = login()

    def mine(name, tags):
        return tags.get('xms_job') == job or (name or '').startswith(prefix)

    found = {'images': [], 'volumes': [], 'ports': [], 'servers': []}
    _, doc = call('GET', ep['image'] + '/v2/images?limit=1000', token)
    found['images'] = ['%s %s (%s)' % (i['id'], i.get('name'), i.get('status')) for i in doc.get('images', [])
                       if mine(i.get('name'), i)]
    volume_ep = ep.get('volumev3') or ep['block-storage']
    _, doc = call('GET', volume_ep + '/volumes/detail?limit=1000', token)
    found['volumes'] = ['%s %s (%s)' % (v['id'], v.get('name'), v.get('status')) for v in doc.get('volumes', [])
                        if mine(v.get('name'), v.get('metadata') or {})]
    _, doc = call('GET', ep['network'] + '/v2.0/ports', token)
    found['ports'] = ['%s %s (%s)' % (p['id'], p.get('name'), p.get('status')) for p in doc.get('ports', [])
                      if mine(p.get('name'), {})]
    _, doc = call('GET', ep['compute'] + '/servers/detail', token)
    found['servers'] = ['%s %s (%s)' % (s['id'], s.get('name'), s.get('status')) for s in doc.get('servers', [])
                        if mine(s.get('name'), s.get('metadata') or {}) or (instance and s.get('name') == instance)]
    print(json.dumps(found))


if __name__ == '__main__':
    main()
