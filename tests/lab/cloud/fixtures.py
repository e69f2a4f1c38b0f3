#!/usr/bin/python3
"""Create the lab cloud's fixtures by raw API calls. Idempotent: only what is missing.

  fixtures.py identity  --config lab.json   projects, users, roles, catalog (Keystone only)
  fixtures.py resources --config lab.json   volume types, networks, quotas (needs every service)

The `openstack` CLI would cost seconds per call; these are plain HTTP calls.
`resources` writes the ids other tools want to <state>/ids.json.
"""
import argparse
import json
import os
import sys

from oshttp import call, password_auth, wait_for

ROLES = ('admin', 'member', 'reader', 'service')
SERVICE_USERS = ('glance', 'cinder', 'neutron', 'nova')
CATALOG = (  # (type, name, description)
    ('image', 'glance', 'Image service'),
    ('volumev3', 'cinderv3', 'Block Storage v3'),
    ('block-storage', 'cinder', 'Block Storage'),
    ('network', 'neutron', 'Networking'),
    ('compute', 'nova', 'Compute (XMS lab emulator)'),
)
VOLUME_TYPES = {'ssd': 'Fast tier (lab: sparse files)',
                'standard': 'Default tier (lab: sparse files)'}
NETWORKS = (  # (name, subnet, cidr, owner, shared)
    ('internal-net', 'internal-subnet', '10.10.0.0/24', 'infra', False),
    ('backend-net', 'backend-subnet', '10.20.0.0/24', 'infra', False),
    ('provider-net', 'provider-subnet', '192.0.2.0/24', 'admin', True),
)
CINDER_QUOTA = {'volumes': 10, 'gigabytes': 200, 'snapshots': 10,
                'volumes_ssd': 6, 'gigabytes_ssd': 120,
                'volumes_standard': 10, 'gigabytes_standard': 200}
NOVA_QUOTA = {'instances': 10, 'cores': 20, 'ram': 51200}
NEUTRON_QUOTA = {'network': 10, 'subnet': 10, 'port': 50}
# Neutron hands out .2-.199; .200 and up are the lab's static guests (keep-ip: lab-debian-static is .200).
ALLOCATION_POOLS = {'internal-subnet': [{'start': '10.10.0.2', 'end': '10.10.0.199'}]}


def die(msg):
    sys.exit('fixtures: ' + msg)


def ok(resp, what, codes=(200, 201, 202, 204)):
    if resp.status not in codes:
        die('%s failed: HTTP %s %s' % (what, resp.status, resp.error_message()))
    return resp.json


class Keystone:
    def __init__(self, cfg):
        self.url = cfg['auth_url'].rstrip('/')
        admin = cfg['admin']
        self.token, _ = password_auth(self.url, admin['username'], admin['password'],
                                      admin['project'])

    def get(self, path):
        return ok(call('GET', self.url + path, self.token), 'GET ' + path)

    def find(self, collection, **query):
        qs = '&'.join('%s=%s' % kv for kv in query.items())
        items = self.get('/%s?%s' % (collection, qs))[collection]
        return items[0] if items else None

    def ensure(self, collection, singular, body, **query):
        found = self.find(collection, **query)
        if found:
            return found
        resp = call('POST', '%s/%s' % (self.url, collection), self.token, {singular: body})
        return ok(resp, 'create %s %s' % (singular, query))[singular]

    def grant(self, project_id, user_id, role_id):
        path = '/projects/%s/users/%s/roles/%s' % (project_id, user_id, role_id)
        ok(call('PUT', self.url + path, self.token), 'grant role')


def identity(cfg):
    ks = Keystone(cfg)
    domain = ks.find('domains', name='Default') or die('domain Default is missing')
    roles = {name: ks.ensure('roles', 'role', {'name': name}, name=name) for name in ROLES}

    def project(name, description):
        return ks.ensure('projects', 'project',
                         {'name': name, 'domain_id': domain['id'], 'description': description},
                         name=name, domain_id=domain['id'])

    def user(name, password, proj, role_names):
        u = ks.ensure('users', 'user', {'name': name, 'password': password,
                                        'domain_id': domain['id'],
                                        'default_project_id': proj['id']},
                      name=name, domain_id=domain['id'])
        for role in role_names:
            ks.grant(proj['id'], u['id'], roles[role]['id'])
        return u

    service = project('service', 'OpenStack service users')
    for name in SERVICE_USERS:
        user(name, cfg['service_password'], service, ('admin', 'service'))
    for key, description in (('member', 'XMS lab target project'),
                             ('other', 'XMS lab second project')):
        who = cfg[key]
        user(who['username'], who['password'],
             project(who['project'], description), ('member', 'reader'))

    region = cfg['region']
    for stype, name, description in CATALOG:
        svc = ks.ensure('services', 'service',
                        {'type': stype, 'name': name, 'description': description},
                        type=stype, name=name)
        url = cfg['endpoints'][stype]
        for interface in ('public', 'internal', 'admin'):
            ep = ks.find('endpoints', service_id=svc['id'], interface=interface,
                         region_id=region)
            if ep is None:
                ks.ensure('endpoints', 'endpoint',
                          {'service_id': svc['id'], 'interface': interface,
                           'region_id': region, 'url': url},
                          service_id=svc['id'], interface=interface, region_id=region)
            elif ep['url'] != url:
                ok(call('PATCH', '%s/endpoints/%s' % (ks.url, ep['id']), ks.token,
                        {'endpoint': {'url': url}}), 'update endpoint')


def resources(cfg, ids_path):
    ks = Keystone(cfg)
    projects = {p['name']: p['id'] for p in ks.get('/projects')['projects']}
    admin_pid, infra, other = (projects[cfg['admin']['project']],
                               projects[cfg['member']['project']],
                               projects[cfg['other']['project']])
    ep = cfg['endpoints']
    cinder = ep['volumev3'].replace('%(project_id)s', admin_pid)
    token = ks.token
    ids = {'projects': {'admin': admin_pid, 'infra': infra, 'other': other},
           'volume_types': {}, 'networks': {}, 'subnets': {}}

    # The API answers before cinder-volume has reported its pool to the scheduler; a volume
    # created in that window would end in "error" (no valid backend), so wait for the report.
    def pools():
        resp = call('GET', cinder + '/scheduler-stats/get_pools', token)
        return resp.status == 200 and resp.json['pools']
    wait_for(pools, 180, what='cinder-volume to report its pool to the scheduler')

    # Cinder: public volume types on the one file backend, then quotas.
    existing = {t['name']: t for t in
                ok(call('GET', cinder + '/types?is_public=None', token), 'list types')['volume_types']}
    for name, description in VOLUME_TYPES.items():
        vt = existing.get(name)
        if vt is None:
            vt = ok(call('POST', cinder + '/types', token, {'volume_type': {
                'name': name, 'description': description,
                'os-volume-type-access:is_public': True,
                'extra_specs': {'volume_backend_name': 'file'}}}),
                'create volume type ' + name)['volume_type']
        ids['volume_types'][name] = vt['id']
    ok(call('PUT', '%s/os-quota-sets/%s' % (cinder, infra), token,
            {'quota_set': CINDER_QUOTA}), 'set Cinder quota')

    # Nova (the emulator): quotas of the target project.
    ok(call('PUT', '%s/os-quota-sets/%s' % (ep['compute'], infra), token,
            {'quota_set': NOVA_QUOTA}), 'set Nova quota')

    # Neutron: two project networks for infra, one shared provider network.
    neutron = ep['network'].rstrip('/') + '/v2.0'
    owners = {'infra': infra, 'admin': admin_pid}
    for net_name, subnet_name, cidr, owner, shared in NETWORKS:
        found = ok(call('GET', '%s/networks?name=%s' % (neutron, net_name), token),
                   'list networks')['networks']
        if found:
            net = found[0]
        else:
            body = {'name': net_name, 'project_id': owners[owner], 'shared': shared}
            if shared:
                body.update({'provider:network_type': 'flat',
                             'provider:physical_network': 'provider'})
            net = ok(call('POST', neutron + '/networks', token, {'network': body}),
                     'create network ' + net_name)['network']
        subs = ok(call('GET', '%s/subnets?name=%s&network_id=%s' % (neutron, subnet_name, net['id']),
                       token), 'list subnets')['subnets']
        if subs:
            sub = subs[0]
        else:
            sub = ok(call('POST', neutron + '/subnets', token, {'subnet': {
                'name': subnet_name, 'network_id': net['id'], 'project_id': owners[owner],
                'ip_version': 4, 'cidr': cidr, 'enable_dhcp': True,
                **({'allocation_pools': ALLOCATION_POOLS[subnet_name]} if subnet_name in ALLOCATION_POOLS else {})}}),
                'create subnet ' + subnet_name)['subnet']
        ids['networks'][net_name] = net['id']
        ids['subnets'][subnet_name] = sub['id']
    ok(call('PUT', '%s/quotas/%s' % (neutron, infra), token, {'quota': NEUTRON_QUOTA}),
       'set Neutron quota')

    tmp = ids_path + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(ids, f, indent=2, sort_keys=True)
    os.replace(tmp, ids_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('phase', choices=('identity', 'resources'))
    parser.add_argument('--config', required=True, help='lab.json written by `cloud up`')
    parser.add_argument('--ids', help='where `resources` writes ids.json')
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)
    if args.phase == 'identity':
        identity(cfg)
    else:
        resources(cfg, args.ids or os.path.join(os.path.dirname(args.config), 'ids.json'))


if __name__ == '__main__':
    main()
