#!/usr/bin/python3
"""The lab's Nova: a small compute API v2.1 on top of the real Keystone, Cinder and Neutron.

Real: tokens (validated against Keystone), request validation (Nova's own JSON schemas and
image-metadata objects from python3-nova), volumes (reserved, attached and detached through
Cinder's attachments API), ports (bound/unbound, or created/deleted, in Neutron), quotas
(instances, cores, RAM). Emulated: the hypervisor. A server is a record in <state>/nova.json
that goes BUILD -> ACTIVE after a few seconds; stop/start/reboot only change its state.

Test hook: metadata {"xms-lab-fault": "<text>"} makes the build fail the way a scheduling
failure does: ERROR, fault {"code": 500, "message": "No valid host was found. <text>"},
volumes released.

Usage: nova_emulator.py --config lab.json      (the "nova" section of the file written by `cloud up`)
"""
import os

# Importing nova would monkey-patch eventlet into this plain-threads server; opt out first.
os.environ.setdefault('OS_NOVA_DISABLE_EVENTLET_PATCHING', '1')

import argparse  # noqa: E402
import datetime  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import urllib.error  # noqa: E402
import uuid  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402
from urllib.parse import parse_qs, urlsplit  # noqa: E402

from nova import block_device as nova_block_device  # noqa: E402
from nova import exception as nova_exception  # noqa: E402
from nova import objects as nova_objects  # noqa: E402
from nova.api.openstack.compute.schemas import quota_sets as quota_schemas  # noqa: E402
from nova.api.openstack.compute.schemas import servers as server_schemas  # noqa: E402
from nova.api.validation import validators as nova_validators  # noqa: E402

from oshttp import call, password_auth  # noqa: E402

LOG = logging.getLogger('nova-emulator')

MIN_VERSION, MAX_VERSION = (2, 1), (2, 89)
CINDER_VERSION = '3.44'  # attachments API with os-complete

FLAVORS = [
    {'id': '1', 'name': 'm1.tiny', 'vcpus': 1, 'ram': 512, 'disk': 1},
    {'id': '2', 'name': 'm1.small', 'vcpus': 1, 'ram': 2048, 'disk': 20},
    {'id': '3', 'name': 'm1.medium', 'vcpus': 2, 'ram': 4096, 'disk': 40},
    {'id': '4', 'name': 'm1.large', 'vcpus': 4, 'ram': 8192, 'disk': 80},
]
DEFAULT_QUOTA = {'instances': 10, 'cores': 20, 'ram': 51200, 'metadata_items': 128,
                 'key_pairs': 100, 'server_groups': 10, 'server_group_members': 10,
                 'injected_files': 5, 'injected_file_content_bytes': 10240,
                 'injected_file_path_bytes': 255}
NETWORK_QUOTA_BEFORE_2_36 = {'floating_ips': 10, 'fixed_ips': -1, 'security_groups': 10,
                             'security_group_rules': 20}
# (first microversion, schema) as in nova/api/openstack/compute/servers.py
CREATE_SCHEMAS = [((2, 1), 'create'), ((2, 19), 'create_v219'), ((2, 32), 'create_v232'),
                  ((2, 33), 'create_v233'), ((2, 37), 'create_v237'), ((2, 42), 'create_v242'),
                  ((2, 52), 'create_v252'), ((2, 57), 'create_v257'), ((2, 63), 'create_v263'),
                  ((2, 67), 'create_v267'), ((2, 74), 'create_v274')]
QUOTA_SCHEMAS = [((2, 1), 'update'), ((2, 36), 'update_v236'), ((2, 57), 'update_v257')]
FAULT_NAMES = {400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'itemNotFound',
               405: 'badMethod', 409: 'conflictingRequest', 413: 'overLimit', 415: 'badMediaType',
               429: 'overLimit', 501: 'notImplemented', 503: 'serviceUnavailable'}
POWER_RUNNING, POWER_SHUTDOWN = 1, 4
FAULT_HOOK = 'xms-lab-fault'


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def bad_request(message):
    return ApiError(400, message)


def policy_error(rule):
    return ApiError(403, "Policy doesn't allow %s to be performed." % rule)


def now_iso():
    return datetime.datetime.utcnow().strftime('%Y-%m-%dT%H:%M:%SZ')


def vstr(version):
    return '%d.%d' % version


def pick_schema(table, module, version):
    name = [n for first, n in table if version >= first][-1]
    return getattr(module, name)


_validators = {}


def validate(schema, body):
    """Validate like nova.api.validation: same validator class, same 400 messages."""
    key = id(schema)
    if key not in _validators:
        _validators[key] = nova_validators._SchemaValidator(schema)
    try:
        _validators[key].validate(body)
    except nova_exception.ValidationError as err:
        raise bad_request(err.format_message())


# --------------------------------------------------------------------------- Keystone
class Identity:
    """Service token for our own calls; user tokens validated and cached briefly."""

    CACHE_SECONDS = 60

    def __init__(self, cfg):
        self.auth_url = cfg['auth_url'].rstrip('/')
        self.user = cfg['nova']['service_user']
        self.password = cfg['service_password']
        self._lock = threading.Lock()
        self._token, self._expires = None, 0.0
        self._cache = {}

    def service_token(self, refresh=False):
        with self._lock:
            if refresh or not self._token or time.time() > self._expires - 300:
                token, body = password_auth(self.auth_url, self.user, self.password, 'service')
                self._token = token
                self._expires = parse_time(body['token']['expires_at'])
            return self._token

    def validate(self, token):
        """Returns the token's context dict, or None when Keystone does not accept it."""
        hit = self._cache.get(token)
        if hit and hit[0] > time.time():
            return hit[1]
        for attempt in (0, 1):
            resp = call('GET', self.auth_url + '/auth/tokens?nocatalog',
                        self.service_token(refresh=attempt == 1),
                        headers={'X-Subject-Token': token})
            if resp.status != 401:
                break
        if resp.status in (401, 403, 404):
            return None
        if resp.status != 200:
            raise ApiError(503, 'Keystone answered %s while validating a token' % resp.status)
        t = resp.json['token']
        if 'project' not in t:
            return None  # Nova only serves project-scoped tokens
        ctx = {'token': token, 'user_id': t['user']['id'], 'user_name': t['user']['name'],
               'project_id': t['project']['id'], 'project_name': t['project']['name'],
               'roles': [r['name'] for r in t.get('roles', [])]}
        expires = parse_time(t['expires_at'])
        self._cache[token] = (min(time.time() + self.CACHE_SECONDS, expires), ctx)
        if len(self._cache) > 1000:
            self._cache = {k: v for k, v in self._cache.items() if v[0] > time.time()}
        return ctx


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace('Z', '+00:00')).timestamp()


class Context:
    def __init__(self, info, version):
        self.__dict__.update(info)
        self.version = version
        self.is_admin = 'admin' in self.roles


# --------------------------------------------------------------------------- state
class Store:
    """Servers and quotas in one JSON file; every change is written atomically."""

    def __init__(self, state_dir):
        os.makedirs(state_dir, exist_ok=True)
        self.path = os.path.join(state_dir, 'nova.json')
        self.lock = threading.RLock()
        self.data = {'servers': {}, 'quotas': {}, 'next_instance': 1}
        if os.path.exists(self.path):
            with open(self.path) as f:
                self.data.update(json.load(f))

    def save(self):
        with self.lock:
            tmp = self.path + '.tmp'
            with open(tmp, 'w') as f:
                json.dump(self.data, f, indent=1, sort_keys=True)
            os.replace(tmp, self.path)

    @property
    def servers(self):
        return self.data['servers']

    def update(self, sid, **changes):
        with self.lock:
            srv = self.servers.get(sid)
            if srv is None:
                return None
            srv.update(changes)
            srv['updated'] = now_iso()
            self.save()
            return srv


# --------------------------------------------------------------------------- the API
class Nova:
    def __init__(self, cfg):
        self.cfg = cfg
        n = cfg['nova']
        self.base = 'http://%s:%d' % (n['host'], n['port'])
        self.az = n['availability_zone']
        self.compute_host = n['compute_host']
        self.build_seconds = float(n['build_seconds'])
        self.cinder_url = n['cinder_url'].rstrip('/')
        self.neutron_url = n['neutron_url'].rstrip('/')
        self.glance_url = n['glance_url'].rstrip('/')
        self.identity = Identity(cfg)
        self.store = Store(n['state_dir'])
        self._op_locks = {}
        nova_objects.register_all()
        self._resume()

    # -- upstream helpers --------------------------------------------------
    def service_ctx(self):
        return Context(self.identity.validate(self.identity.service_token()), MAX_VERSION)

    def cinder(self, method, path, ctx, body=None):
        # Like Nova's [service_user] send_service_user_token: Cinder lets only a service
        # delete an in-use attachment (bug 2004555) and otherwise asks Nova (us, 2.89).
        url = '%s/%s%s' % (self.cinder_url, ctx.project_id, path)
        return call(method, url, ctx.token, body,
                    headers={'OpenStack-API-Version': 'volume ' + CINDER_VERSION,
                             'X-Service-Token': self.identity.service_token()})

    def neutron(self, method, path, token, body=None):
        return call(method, self.neutron_url + path, token, body)

    def op_lock(self, sid):
        with self.store.lock:
            return self._op_locks.setdefault(sid, threading.Lock())

    # -- requests ------------------------------------------------------------
    def authenticate(self, headers):
        token = headers.get('X-Auth-Token')
        info = self.identity.validate(token) if token else None
        if info is None:
            raise ApiError(401, 'The request you have made requires authentication.')
        return info

    def routes(self):
        s = r'(?P<sid>[^/]+)'
        return [
            ('GET', r'/extensions', self.list_extensions),
            ('GET', r'/flavors', lambda c, p, q, b: self.list_flavors(c, q, False)),
            ('GET', r'/flavors/detail', lambda c, p, q, b: self.list_flavors(c, q, True)),
            ('GET', r'/flavors/(?P<fid>[^/]+)', self.show_flavor),
            ('GET', r'/flavors/(?P<fid>[^/]+)/os-extra_specs', self.flavor_extra_specs),
            ('GET', r'/os-availability-zone', lambda c, p, q, b: self.list_azs(c, False)),
            ('GET', r'/os-availability-zone/detail', lambda c, p, q, b: self.list_azs(c, True)),
            ('GET', r'/limits', self.show_limits),
            ('GET', r'/os-quota-sets/(?P<pid>[^/]+)', lambda c, p, q, b: self.show_quota(c, p, '')),
            ('GET', r'/os-quota-sets/(?P<pid>[^/]+)/detail',
             lambda c, p, q, b: self.show_quota(c, p, 'detail')),
            ('GET', r'/os-quota-sets/(?P<pid>[^/]+)/defaults',
             lambda c, p, q, b: self.show_quota(c, p, 'defaults')),
            ('PUT', r'/os-quota-sets/(?P<pid>[^/]+)', self.update_quota),
            ('GET', r'/servers', lambda c, p, q, b: self.list_servers(c, q, False)),
            ('GET', r'/servers/detail', lambda c, p, q, b: self.list_servers(c, q, True)),
            ('POST', r'/servers', self.create_server),
            ('GET', r'/servers/' + s, self.show_server),
            ('DELETE', r'/servers/' + s, self.delete_server),
            ('POST', r'/servers/' + s + r'/action', self.server_action),
            ('GET', r'/servers/' + s + r'/os-volume_attachments', self.list_attachments),
            ('GET', r'/servers/' + s + r'/os-volume_attachments/(?P<vid>[^/]+)',
             self.show_attachment),
            ('GET', r'/servers/' + s + r'/os-interface', self.list_interfaces),
        ]

    def link(self, kind, ident):
        return [{'rel': 'self', 'href': '%s/v2.1/%s/%s' % (self.base, kind, ident)},
                {'rel': 'bookmark', 'href': '%s/%s/%s' % (self.base, kind, ident)}]

    def version_doc(self):
        return {'id': 'v2.1', 'status': 'CURRENT', 'version': vstr(MAX_VERSION),
                'min_version': vstr(MIN_VERSION), 'updated': '2013-07-23T11:33:21Z',
                'links': [{'rel': 'self', 'href': self.base + '/v2.1/'},
                          {'rel': 'describedby', 'type': 'text/html',
                           'href': 'http://docs.openstack.org/'}],
                'media-types': [{'base': 'application/json',
                                 'type': 'application/vnd.openstack.compute+json;version=2.1'}]}

    def list_extensions(self, ctx, params, query, body):
        return 200, {'extensions': []}

    # -- flavors -------------------------------------------------------------
    def flavor_view(self, ctx, f, detail=True):
        view = {'id': f['id'], 'name': f['name'], 'links': self.link('flavors', f['id'])}
        if ctx.version >= (2, 55):
            view['description'] = None
        if not detail:
            return view
        view.update({'ram': f['ram'], 'disk': f['disk'], 'vcpus': f['vcpus'],
                     'swap': 0 if ctx.version >= (2, 75) else '',
                     'OS-FLV-EXT-DATA:ephemeral': 0, 'OS-FLV-DISABLED:disabled': False,
                     'os-flavor-access:is_public': True, 'rxtx_factor': 1.0})
        if ctx.version >= (2, 61):
            view['extra_specs'] = {}
        return view

    def find_flavor(self, fid):
        for f in FLAVORS:
            if f['id'] == str(fid):
                return f
        return None

    def list_flavors(self, ctx, query, detail):
        items = list(FLAVORS)
        if 'minRam' in query:
            items = [f for f in items if f['ram'] >= int(query['minRam'][0])]
        if 'minDisk' in query:
            items = [f for f in items if f['disk'] >= int(query['minDisk'][0])]
        items = paginate(items, query)
        return 200, {'flavors': [self.flavor_view(ctx, f, detail) for f in items]}

    def show_flavor(self, ctx, params, query, body):
        f = self.find_flavor(params['fid'])
        if f is None:
            raise ApiError(404, 'Flavor %s could not be found.' % params['fid'])
        return 200, {'flavor': self.flavor_view(ctx, f)}

    def flavor_extra_specs(self, ctx, params, query, body):
        self.show_flavor(ctx, params, query, body)
        return 200, {'extra_specs': {}}

    # -- availability zones --------------------------------------------------
    def list_azs(self, ctx, detail):
        if not detail:
            return 200, {'availabilityZoneInfo': [
                {'zoneName': self.az, 'zoneState': {'available': True}, 'hosts': None}]}
        if not ctx.is_admin:
            raise policy_error('os_compute_api:os-availability-zone:detail')
        svc = {'available': True, 'active': True, 'updated_at': now_iso()}
        return 200, {'availabilityZoneInfo': [
            {'zoneName': 'internal', 'zoneState': {'available': True},
             'hosts': {'lab-controller': {'nova-conductor': svc, 'nova-scheduler': svc}}},
            {'zoneName': self.az, 'zoneState': {'available': True},
             'hosts': {self.compute_host: {'nova-compute': svc}}}]}

    # -- quotas and limits ---------------------------------------------------
    def quota_for(self, project_id):
        q = dict(DEFAULT_QUOTA)
        q.update(self.store.data['quotas'].get(project_id, {}))
        return q

    def usage_for(self, project_id):
        used = {'instances': 0, 'cores': 0, 'ram': 0}
        for srv in self.store.servers.values():
            if srv['project_id'] == project_id:
                used['instances'] += 1
                used['cores'] += srv['flavor']['vcpus']
                used['ram'] += srv['flavor']['ram']
        return used

    def target_project(self, ctx, project_id, rule):
        if project_id != ctx.project_id and not ctx.is_admin:
            raise policy_error(rule)
        return project_id

    def show_limits(self, ctx, params, query, body):
        pid = ctx.project_id
        if 'tenant_id' in query:
            pid = self.target_project(ctx, query['tenant_id'][0], 'os_compute_api:limits:other_project')
        with self.store.lock:
            q, used = self.quota_for(pid), self.usage_for(pid)
        absolute = {'maxTotalInstances': q['instances'], 'maxTotalCores': q['cores'],
                    'maxTotalRAMSize': q['ram'], 'maxServerMeta': q['metadata_items'],
                    'maxImageMeta': q['metadata_items'], 'maxTotalKeypairs': q['key_pairs'],
                    'maxServerGroups': q['server_groups'],
                    'maxServerGroupMembers': q['server_group_members'],
                    'totalInstancesUsed': used['instances'], 'totalCoresUsed': used['cores'],
                    'totalRAMUsed': used['ram'], 'totalServerGroupsUsed': 0}
        if ctx.version < (2, 36):
            absolute.update({'maxSecurityGroups': 10, 'maxSecurityGroupRules': 20,
                             'maxTotalFloatingIps': 10, 'totalFloatingIpsUsed': 0,
                             'totalSecurityGroupsUsed': 0})
        if ctx.version < (2, 57):
            absolute.update({'maxPersonality': q['injected_files'],
                             'maxPersonalitySize': q['injected_file_content_bytes']})
        return 200, {'limits': {'rate': [], 'absolute': absolute}}

    def quota_view(self, ctx, pid, values, detail=False, used=None):
        values = dict(values)
        if ctx.version < (2, 36):
            values.update(NETWORK_QUOTA_BEFORE_2_36)
        if ctx.version >= (2, 57):
            for key in ('injected_files', 'injected_file_content_bytes',
                        'injected_file_path_bytes'):
                values.pop(key, None)
        if detail:
            values = {k: {'limit': v, 'in_use': (used or {}).get(k, 0), 'reserved': 0}
                      for k, v in values.items()}
        values['id'] = pid
        return {'quota_set': values}

    def show_quota(self, ctx, params, kind):
        pid = self.target_project(ctx, params['pid'], 'os_compute_api:os-quota-sets:show')
        if kind == 'defaults':
            return 200, self.quota_view(ctx, pid, DEFAULT_QUOTA)
        with self.store.lock:
            q, used = self.quota_for(pid), self.usage_for(pid)
        return 200, self.quota_view(ctx, pid, q, kind == 'detail', used)

    def update_quota(self, ctx, params, query, body):
        if not ctx.is_admin:
            raise policy_error('os_compute_api:os-quota-sets:update')
        validate(pick_schema(QUOTA_SCHEMAS, quota_schemas, ctx.version), body)
        pid = params['pid']
        changes = {k: int(v) for k, v in body['quota_set'].items()
                   if k in DEFAULT_QUOTA}
        with self.store.lock:
            self.store.data['quotas'].setdefault(pid, {}).update(changes)
            self.store.save()
            q = self.quota_for(pid)
        view = self.quota_view(ctx, pid, q)
        view['quota_set'].pop('id')
        return 200, view

    # -- servers: views ------------------------------------------------------
    def get_server(self, ctx, sid):
        srv = self.store.servers.get(sid)
        if srv is None or (srv['project_id'] != ctx.project_id and not ctx.is_admin):
            raise ApiError(404, 'Instance %s could not be found.' % sid)
        return srv

    def server_view(self, ctx, srv, detail=True):
        view = {'id': srv['id'], 'name': srv['name'], 'links': self.link('servers', srv['id'])}
        if not detail:
            return view
        flavor = srv['flavor']
        if ctx.version >= (2, 47):
            flavor_view = {'vcpus': flavor['vcpus'], 'ram': flavor['ram'], 'disk': flavor['disk'],
                           'ephemeral': 0, 'swap': 0, 'original_name': flavor['name'],
                           'extra_specs': {}}
        else:
            flavor_view = {'id': flavor['id'], 'links': self.link('flavors', flavor['id'])[1:]}
        image = ''
        if srv['image_id']:
            image = {'id': srv['image_id'], 'links': self.link('images', srv['image_id'])[1:]}
        addresses = {}
        for port in srv['ports']:
            for ip in port.get('fixed_ips', []):
                addresses.setdefault(port.get('network_name') or port.get('network_id'), []).append(
                    {'version': 6 if ':' in ip['ip_address'] else 4, 'addr': ip['ip_address'],
                     'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': port.get('mac_address')})
        volumes = []
        for vol in srv['volumes']:
            item = {'id': vol['volume_id']}
            if ctx.version >= (2, 3):
                item['delete_on_termination'] = vol['delete_on_termination']
            volumes.append(item)
        host_id = ''
        if srv.get('host'):
            host_id = hashlib.sha224((srv['project_id'] + srv['host']).encode()).hexdigest()
        view.update({
            'status': status_of(srv), 'tenant_id': srv['project_id'], 'user_id': srv['user_id'],
            'metadata': srv['metadata'], 'hostId': host_id, 'image': image, 'flavor': flavor_view,
            'created': srv['created'], 'updated': srv['updated'], 'addresses': addresses,
            'accessIPv4': srv.get('accessIPv4', ''), 'accessIPv6': srv.get('accessIPv6', ''),
            'OS-DCF:diskConfig': 'MANUAL', 'progress': 0,
            'OS-EXT-AZ:availability_zone': srv['availability_zone'],
            'config_drive': '', 'key_name': srv.get('key_name'),
            'OS-SRV-USG:launched_at': srv.get('launched_at'), 'OS-SRV-USG:terminated_at': None,
            'OS-EXT-STS:task_state': srv['task_state'], 'OS-EXT-STS:vm_state': srv['vm_state'],
            'OS-EXT-STS:power_state': srv['power_state'],
            'os-extended-volumes:volumes_attached': volumes,
            'security_groups': [{'name': 'default'}] if srv['ports'] else [],
        })
        if ctx.is_admin:
            view.update({'OS-EXT-SRV-ATTR:host': srv.get('host'),
                         'OS-EXT-SRV-ATTR:hypervisor_hostname': srv.get('host'),
                         'OS-EXT-SRV-ATTR:instance_name': srv['instance_name']})
            if ctx.version >= (2, 3):
                view.update({'OS-EXT-SRV-ATTR:hostname': srv['hostname'],
                             'OS-EXT-SRV-ATTR:reservation_id': srv['reservation_id'],
                             'OS-EXT-SRV-ATTR:launch_index': 0,
                             'OS-EXT-SRV-ATTR:root_device_name': srv['root_device_name'],
                             'OS-EXT-SRV-ATTR:kernel_id': '', 'OS-EXT-SRV-ATTR:ramdisk_id': '',
                             'OS-EXT-SRV-ATTR:user_data': None})
        if ctx.version >= (2, 9):
            view['locked'] = False
        if ctx.version >= (2, 19):
            view['description'] = srv.get('description')
        if ctx.version >= (2, 26):
            view['tags'] = srv.get('tags', [])
        if ctx.version >= (2, 63):
            view['trusted_image_certificates'] = None
        if ctx.version >= (2, 73):
            view['locked_reason'] = None
        if srv.get('fault'):
            fault = dict(srv['fault'])
            if not ctx.is_admin:
                fault.pop('details', None)
            view['fault'] = fault
        return view

    def list_servers(self, ctx, query, detail):
        all_tenants = ctx.is_admin and query.get('all_tenants', ['0'])[0].lower() not in (
            '0', 'false', 'no', 'off')
        with self.store.lock:
            items = [s for s in self.store.servers.values()
                     if all_tenants or s['project_id'] == ctx.project_id]
        if 'project_id' in query or 'tenant_id' in query:
            pid = (query.get('project_id') or query.get('tenant_id'))[0]
            items = [s for s in items if s['project_id'] == pid] if ctx.is_admin else items
        if 'name' in query:
            pattern = re.compile(query['name'][0])
            items = [s for s in items if pattern.search(s['name'])]
        if 'status' in query:
            wanted = {v.upper() for v in query['status']}
            items = [s for s in items if status_of(s) in wanted]
        items.sort(key=lambda s: (s['created'], s['id']), reverse=True)
        items = paginate(items, query)
        with self.store.lock:
            return 200, {'servers': [self.server_view(ctx, s, detail) for s in items]}

    def show_server(self, ctx, params, query, body):
        with self.store.lock:
            return 200, {'server': self.server_view(ctx, self.get_server(ctx, params['sid']))}

    def attachment_view(self, ctx, srv, vol):
        view = {'volumeId': vol['volume_id'], 'serverId': srv['id'], 'device': vol['device']}
        if ctx.version < (2, 89):
            view['id'] = vol['volume_id']
        if ctx.version >= (2, 70):
            view['tag'] = vol.get('tag')
        if ctx.version >= (2, 79):
            view['delete_on_termination'] = vol['delete_on_termination']
        if ctx.version >= (2, 89):
            view['attachment_id'] = vol['attachment_id']
            view['bdm_uuid'] = vol['bdm_uuid']
        return view

    def list_attachments(self, ctx, params, query, body):
        srv = self.get_server(ctx, params['sid'])
        return 200, {'volumeAttachments': [self.attachment_view(ctx, srv, v)
                                           for v in srv['volumes']]}

    def show_attachment(self, ctx, params, query, body):
        srv = self.get_server(ctx, params['sid'])
        for vol in srv['volumes']:
            if vol['volume_id'] == params['vid']:
                return 200, {'volumeAttachment': self.attachment_view(ctx, srv, vol)}
        raise ApiError(404, 'Volume %s is not attached to %s' % (params['vid'], srv['id']))

    def list_interfaces(self, ctx, params, query, body):
        srv = self.get_server(ctx, params['sid'])
        return 200, {'interfaceAttachments': [
            {'port_id': p['port_id'], 'net_id': p.get('network_id'), 'mac_addr': p.get('mac_address'),
             'port_state': p.get('status', 'DOWN'),
             'fixed_ips': [{'subnet_id': ip['subnet_id'], 'ip_address': ip['ip_address']}
                           for ip in p.get('fixed_ips', [])]}
            for p in srv['ports'] if p.get('bound')]}

    # -- servers: create -----------------------------------------------------
    def create_server(self, ctx, params, query, body):
        validate(pick_schema(CREATE_SCHEMAS, server_schemas, ctx.version), body)
        spec = body['server']
        min_count = int(spec.get('min_count', 1))
        max_count = int(spec.get('max_count', min_count))
        if min_count > max_count:
            raise bad_request('min_count must be <= max_count')
        if max_count > 1:
            raise bad_request("The lab's Nova emulator creates one server per request "
                              "(min_count/max_count > 1 is not supported).")
        az = spec.get('availability_zone') or self.az
        zone, _, forced_host = az.partition(':')
        if forced_host and not ctx.is_admin:
            raise policy_error('os_compute_api:servers:create:forced_host')
        if (zone or self.az) != self.az:
            raise bad_request('The requested availability zone is not available')

        if spec.get('block_device_mapping'):
            raise bad_request("Block Device Mapping is Invalid: the lab's Nova emulator supports "
                              "block_device_mapping_v2 only.")
        volumes = self._parse_bdms(spec.get('block_device_mapping_v2') or [])
        image_ref = spec.get('imageRef') or ''
        if not image_ref and not volumes:
            raise bad_request('Missing imageRef attribute')
        boot = [v for v in volumes if v['boot_index'] == 0]
        if len(boot) > 1 or (not image_ref and not boot):
            raise bad_request('Block Device Mapping is Invalid: Boot sequence for the instance '
                              'and image/block device mapping combination is not valid.')
        flavor_id = urlsplit(str(spec['flavorRef'])).path.split('/')[-1]
        flavor = self.find_flavor(flavor_id)
        if flavor is None:
            raise bad_request('Flavor %s could not be found.' % flavor_id)

        image_id = ''
        if not boot:
            image_id = urlsplit(image_ref).path.split('/')[-1]
            self._check_image(ctx, image_id, flavor)
        self._check_volumes(ctx, volumes, flavor)
        ports = self._check_networks(ctx, spec.get('networks'))

        sid = str(uuid.uuid4())
        with self.store.lock:
            self._check_quota(ctx.project_id, flavor)
            number = self.store.data['next_instance']
            self.store.data['next_instance'] = number + 1
            now = now_iso()
            srv = {
                'id': sid, 'name': spec['name'], 'project_id': ctx.project_id,
                'user_id': ctx.user_id, 'flavor': dict(flavor), 'image_id': image_id,
                'availability_zone': self.az, 'metadata': spec.get('metadata', {}),
                'description': spec.get('description'), 'tags': spec.get('tags', []),
                'key_name': spec.get('key_name'), 'accessIPv4': spec.get('accessIPv4', ''),
                'accessIPv6': spec.get('accessIPv6', ''),
                'vm_state': 'building', 'task_state': 'scheduling', 'power_state': 0,
                'created': now, 'updated': now, 'launched_at': None, 'host': None,
                'instance_name': 'instance-%08x' % number,
                'hostname': re.sub(r'[^a-z0-9-]+', '-', spec['name'].lower()).strip('-')[:63]
                or 'server',
                'reservation_id': 'r-%s' % secrets.token_hex(4),
                'root_device_name': volumes[0]['device'] if boot else '/dev/vda',
                'volumes': volumes, 'ports': ports, 'fault': None,
            }
            self.store.servers[sid] = srv
            self.store.save()
        try:
            self._reserve_volumes(ctx, srv)
        except ApiError:
            with self.store.lock:
                self.store.servers.pop(sid, None)
                self.store.save()
            raise
        fault = (spec.get('metadata') or {}).get(FAULT_HOOK)
        threading.Thread(target=self._build, args=(sid, fault), daemon=True).start()
        view = {'id': sid, 'links': self.link('servers', sid), 'OS-DCF:diskConfig': 'MANUAL',
                'security_groups': [{'name': 'default'}], 'adminPass': secrets.token_urlsafe(9)}
        return 202, {'server': view}, {'Location': '%s/v2.1/servers/%s' % (self.base, sid)}

    def _parse_bdms(self, bdms):
        volumes, seen = [], set()
        letters = iter('abcdefghijklmnopqrstuvwxyz')
        ordered = sorted(bdms, key=lambda b: boot_index_of(b) if boot_index_of(b) is not None
                         and boot_index_of(b) >= 0 else 1000)
        for bdm in ordered:
            if bdm.get('source_type') != 'volume' or bdm.get('destination_type', 'volume') != 'volume':
                raise bad_request("Block Device Mapping is Invalid: the lab's Nova emulator "
                                  "supports source_type=volume, destination_type=volume only.")
            vid = bdm.get('uuid')
            if not vid:
                raise bad_request('Block Device Mapping is Invalid: failed to get volume %s.' % vid)
            if vid in seen:
                raise bad_request('Block Device Mapping is Invalid: volume %s is mapped twice.' % vid)
            seen.add(vid)
            volumes.append({'volume_id': vid, 'boot_index': boot_index_of(bdm),
                            'device': bdm.get('device_name') or '/dev/vd' + next(letters),
                            'delete_on_termination': bool(bdm.get('delete_on_termination', False)),
                            'tag': bdm.get('tag'), 'attachment_id': None,
                            'bdm_uuid': str(uuid.uuid4())})
        return volumes

    def _check_image(self, ctx, image_id, flavor):
        resp = call('GET', '%s/v2/images/%s' % (self.glance_url, image_id), ctx.token)
        if resp.status == 404:
            raise bad_request('Can not find requested image')
        if resp.status != 200:
            raise ApiError(503, 'Glance answered %s: %s' % (resp.status, resp.error_message()))
        image = resp.json
        if image['status'] != 'active':
            raise bad_request('Image %s is not active.' % image_id)
        if int(image.get('min_ram') or 0) > flavor['ram']:
            raise bad_request("Flavor's memory is too small for requested image.")

    def _check_volumes(self, ctx, volumes, flavor):
        for vol in volumes:
            resp = self.cinder('GET', '/volumes/' + vol['volume_id'], ctx)
            if resp.status == 404:
                raise bad_request('Block Device Mapping is Invalid: failed to get volume %s.'
                                  % vol['volume_id'])
            if resp.status != 200:
                raise ApiError(503, 'Cinder answered %s: %s' % (resp.status, resp.error_message()))
            info = resp.json['volume']
            if info['status'] != 'available':
                raise bad_request("Invalid volume: volume '%s' status must be 'available'. "
                                  "Currently in '%s'" % (vol['volume_id'], info['status']))
            if vol['boot_index'] == 0:
                if str(info.get('bootable')).lower() != 'true':
                    raise bad_request('Block Device %s is not bootable.' % vol['volume_id'])
                meta = nova_block_device.get_image_metadata_from_volume(info)
                try:
                    nova_objects.ImageMeta.from_dict(meta)
                except ValueError as err:
                    raise bad_request('Invalid image metadata. Error: %s' % err)
                if meta.get('min_ram', 0) > flavor['ram']:
                    raise bad_request("Flavor's memory is too small for requested image.")

    def _check_networks(self, ctx, requested):
        if requested is None or requested == 'auto':
            nets = self._available_networks(ctx)
            if len(nets) > 1:
                raise ApiError(409, 'More than one possible network found. Specify network ID(s) '
                                    'to select which one(s) to connect to.')
            requested = [{'uuid': n['id']} for n in nets]
        elif requested == 'none':
            requested = []
        ports, seen = [], set()
        for item in requested:
            if item.get('port'):
                pid = item['port']
                resp = self.neutron('GET', '/ports/' + pid, ctx.token)
                if resp.status == 404 or pid in seen:
                    if pid in seen:
                        raise ApiError(409, 'Port %s is still in use.' % pid)
                    raise bad_request('Port id %s could not be found.' % pid)
                if resp.status != 200:
                    raise ApiError(503, 'Neutron answered %s: %s' % (resp.status, resp.error_message()))
                port = resp.json['port']
                if port.get('device_id'):
                    raise ApiError(409, 'Port %s is still in use.' % pid)
                seen.add(pid)
                ports.append({'port_id': pid, 'network_id': port['network_id'],
                              'created': False, 'bound': False, 'tag': item.get('tag')})
            elif item.get('uuid'):
                resp = self.neutron('GET', '/networks/' + item['uuid'], ctx.token)
                if resp.status == 404:
                    raise bad_request('Network %s could not be found.' % item['uuid'])
                if resp.status != 200:
                    raise ApiError(503, 'Neutron answered %s: %s' % (resp.status, resp.error_message()))
                ports.append({'port_id': None, 'network_id': item['uuid'], 'created': True,
                              'bound': False, 'fixed_ip': item.get('fixed_ip'),
                              'tag': item.get('tag')})
            else:
                raise bad_request('Bad networks format: network uuid is not in proper format (%s)'
                                  % item.get('uuid'))
        return ports

    def _available_networks(self, ctx):
        nets = {}
        for query in ('?project_id=%s' % ctx.project_id, '?shared=True'):
            resp = self.neutron('GET', '/networks' + query, ctx.token)
            if resp.status != 200:
                raise ApiError(503, 'Neutron answered %s: %s' % (resp.status, resp.error_message()))
            nets.update({n['id']: n for n in resp.json['networks']})
        return list(nets.values())

    def _check_quota(self, project_id, flavor):
        quota, used = self.quota_for(project_id), self.usage_for(project_id)
        wanted = {'instances': 1, 'cores': flavor['vcpus'], 'ram': flavor['ram']}
        overs = [r for r in ('cores', 'instances', 'ram')
                 if quota[r] >= 0 and used[r] + wanted[r] > quota[r]]
        if overs:
            raise ApiError(403, 'Quota exceeded for %s: Requested %s, but already used %s of %s %s'
                           % (', '.join(overs), ', '.join(str(wanted[r]) for r in overs),
                              ', '.join(str(used[r]) for r in overs),
                              ', '.join(str(quota[r]) for r in overs), ', '.join(overs)))

    def _reserve_volumes(self, ctx, srv):
        """Like Nova's API: an attachment without connector puts the volume in 'reserved'."""
        for vol in srv['volumes']:
            resp = self.cinder('POST', '/attachments', ctx, {'attachment': {
                'volume_uuid': vol['volume_id'], 'instance_uuid': srv['id']}})
            if resp.status != 200:
                self._release_volumes(srv, self.service_ctx())
                raise bad_request("Invalid volume: %s" % resp.error_message())
            vol['attachment_id'] = resp.json['attachment']['id']
        self.store.update(srv['id'], volumes=srv['volumes'])

    def _release_volumes(self, srv, ctx):
        for vol in srv['volumes']:
            if vol.get('attachment_id'):
                resp = self.cinder('DELETE', '/attachments/' + vol['attachment_id'], ctx)
                if resp.status not in (200, 202, 204, 404):
                    raise RuntimeError('Cinder refused to delete attachment %s: %s %s'
                                       % (vol['attachment_id'], resp.status, resp.error_message()))
                vol['attachment_id'] = None

    # -- servers: the emulated compute host ----------------------------------
    def _build(self, sid, fault):
        with self.op_lock(sid):
            srv = self.store.servers.get(sid)
            if srv is None or srv['task_state'] == 'deleting':
                return
            step = self.build_seconds / 3
            try:
                admin = self.service_ctx()
                time.sleep(step)
                if fault:
                    self._release_volumes(srv, admin)
                    self._fail(sid, 'No valid host was found. %s' % fault, volumes=srv['volumes'])
                    return
                self.store.update(sid, task_state='networking', host=self.compute_host)
                for port in srv['ports']:
                    self._bind_port(srv, port, admin)
                    self.store.update(sid, ports=srv['ports'])
                self.store.update(sid, task_state='block_device_mapping')
                for vol in srv['volumes']:
                    self._attach_volume(srv, vol, admin)
                self.store.update(sid, task_state='spawning', volumes=srv['volumes'])
                time.sleep(step)
                # A DELETE that arrived meanwhile keeps its 'deleting' task state.
                task = 'deleting' if srv['task_state'] == 'deleting' else None
                self.store.update(sid, vm_state='active', task_state=task,
                                  power_state=POWER_RUNNING,
                                  launched_at=datetime.datetime.utcnow().isoformat())
                LOG.info('server %s ACTIVE', sid)
            except Exception as err:  # any failure ends the build in ERROR, as in Nova
                LOG.exception('build of %s failed', sid)
                self._fail(sid, 'Build of instance %s aborted: %s' % (sid, err),
                           details=traceback.format_exc())

    def _fail(self, sid, message, details='', **changes):
        self.store.update(sid, vm_state='error', task_state=None, **changes,
                          fault={'code': 500, 'message': message, 'details': details,
                                 'created': now_iso()})

    def _bind_port(self, srv, port, admin):
        binding = {'device_id': srv['id'], 'device_owner': 'compute:' + srv['availability_zone'],
                   'binding:host_id': self.compute_host}
        if port['created']:
            body = dict(binding, network_id=port['network_id'], project_id=srv['project_id'])
            if port.get('fixed_ip'):
                body['fixed_ips'] = [{'ip_address': port['fixed_ip']}]
            resp = self.neutron('POST', '/ports', admin.token, {'port': body})
            expected = 201
        else:
            resp = self.neutron('PUT', '/ports/' + port['port_id'], admin.token,
                                {'port': binding})
            expected = 200
        if resp.status != expected:
            raise RuntimeError('Neutron refused to bind port %s: %s %s'
                               % (port['port_id'] or 'on network ' + port['network_id'],
                                  resp.status, resp.error_message()))
        info = resp.json['port']
        net = self.neutron('GET', '/networks/' + info['network_id'], admin.token)
        port.update({'port_id': info['id'], 'bound': True, 'mac_address': info['mac_address'],
                     'status': info.get('status'),
                     'network_name': (net.json or {}).get('network', {}).get('name'),
                     'fixed_ips': info.get('fixed_ips', [])})

    def _attach_volume(self, srv, vol, admin):
        connector = {'host': self.compute_host, 'ip': '127.0.0.1', 'platform': 'x86_64',
                     'os_type': 'linux', 'multipath': False, 'initiator':
                     'iqn.2004-10.org.debian:%s' % self.compute_host,
                     'mountpoint': vol['device'], 'mode': 'rw'}
        att = vol['attachment_id']
        resp = self.cinder('PUT', '/attachments/' + att, admin,
                           {'attachment': {'connector': connector}})
        if resp.status != 200:
            raise RuntimeError('Cinder refused to update attachment %s: %s %s'
                               % (att, resp.status, resp.error_message()))
        resp = self.cinder('POST', '/attachments/%s/action' % att, admin, {'os-complete': None})
        if resp.status not in (200, 202, 204):
            raise RuntimeError('Cinder refused to complete attachment %s: %s %s'
                               % (att, resp.status, resp.error_message()))

    def _destroy(self, sid):
        with self.op_lock(sid):
            srv = self.store.servers.get(sid)
            if srv is None:
                return
            try:
                admin = self.service_ctx()
                for port in srv['ports']:
                    if not port.get('bound'):
                        continue
                    if port['created']:  # Nova deletes the ports it made ...
                        resp = self.neutron('DELETE', '/ports/' + port['port_id'], admin.token)
                    else:  # ... and only unbinds the ones it was given
                        resp = self.neutron('PUT', '/ports/' + port['port_id'], admin.token, {
                            'port': {'device_id': '', 'device_owner': '', 'binding:host_id': ''}})
                    if resp.status not in (200, 204, 404):
                        raise RuntimeError('Neutron refused to release port %s: %s %s'
                                           % (port['port_id'], resp.status, resp.error_message()))
                    port['bound'] = False
                self._release_volumes(srv, admin)
                for vol in srv['volumes']:
                    if vol['delete_on_termination']:
                        resp = self.cinder('DELETE', '/volumes/' + vol['volume_id'], admin)
                        if resp.status not in (202, 404):
                            LOG.warning('could not delete volume %s: %s', vol['volume_id'], resp)
            except Exception as err:
                LOG.exception('delete of %s failed', sid)
                self._fail(sid, 'Delete of instance %s failed: %s' % (sid, err),
                           details=traceback.format_exc(), ports=srv['ports'],
                           volumes=srv['volumes'])
                return
            with self.store.lock:
                self.store.servers.pop(sid, None)
                self._op_locks.pop(sid, None)
                self.store.save()
            LOG.info('server %s deleted', sid)

    def _resume(self):
        """After a restart: builds in flight fail (as on a nova-compute restart), deletes go on."""
        for sid, srv in list(self.store.servers.items()):
            if srv['task_state'] == 'deleting':
                threading.Thread(target=self._destroy, args=(sid,), daemon=True).start()
            elif srv['vm_state'] == 'building':
                self._fail(sid, 'Instance is in BUILD state on nova-compute restart')
            elif srv['task_state'] in ('powering-off', 'powering-on', 'rebooting',
                                       'rebooting_hard'):
                off = srv['task_state'] == 'powering-off'
                self.store.update(sid, task_state=None,
                                  vm_state='stopped' if off else 'active',
                                  power_state=POWER_SHUTDOWN if off else POWER_RUNNING)

    # -- servers: delete and actions ----------------------------------------
    def delete_server(self, ctx, params, query, body):
        srv = self.get_server(ctx, params['sid'])
        if srv['task_state'] != 'deleting':
            self.store.update(srv['id'], task_state='deleting')
            threading.Thread(target=self._destroy, args=(srv['id'],), daemon=True).start()
        return 204, None

    def server_action(self, ctx, params, query, body):
        srv = self.get_server(ctx, params['sid'])
        if not isinstance(body, dict) or len(body) != 1:
            raise bad_request('Malformed request body')
        action = next(iter(body))
        transitions = {  # action: (allowed vm_states, task while acting, end vm_state, power)
            'os-stop': (('active', 'error'), 'powering-off', 'stopped', POWER_SHUTDOWN),
            'os-start': (('stopped',), 'powering-on', 'active', POWER_RUNNING),
            'reboot': (('active', 'stopped', 'error'), 'rebooting', 'active', POWER_RUNNING),
        }
        if action not in transitions:
            raise bad_request('There is no such action: %s' % action)
        allowed, task, end_state, power = transitions[action]
        if action == 'reboot':
            kind = str((body['reboot'] or {}).get('type', '')).upper()
            if kind not in ('SOFT', 'HARD'):
                raise bad_request("Invalid input for field/attribute type. Value: %s. '%s' is not "
                                  "one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']"
                                  % (kind, kind))
            if kind == 'HARD':
                task = 'rebooting_hard'
            elif srv['vm_state'] != 'active':
                allowed = ('active',)
        verb = action.replace('os-', '')
        with self.store.lock:
            if srv['vm_state'] not in allowed or srv['task_state'] is not None:
                state_attr, state = (('task_state', srv['task_state']) if srv['task_state']
                                     else ('vm_state', srv['vm_state']))
                raise ApiError(409, "Cannot '%s' instance %s while it is in %s %s"
                               % (verb, srv['id'], state_attr, state))
            self.store.update(srv['id'], task_state=task)

        def finish():
            time.sleep(min(1.0, self.build_seconds))
            with self.op_lock(srv['id']):
                if self.store.servers.get(srv['id'], {}).get('task_state') == task:
                    self.store.update(srv['id'], task_state=None, vm_state=end_state,
                                      power_state=power)
        threading.Thread(target=finish, daemon=True).start()
        return 202, None


def status_of(srv):
    vm, task = srv['vm_state'], srv['task_state']
    if vm == 'active':
        return {'rebooting': 'REBOOT', 'rebooting_hard': 'HARD_REBOOT'}.get(task, 'ACTIVE')
    return {'building': 'BUILD', 'stopped': 'SHUTOFF', 'error': 'ERROR'}.get(vm, vm.upper())


def boot_index_of(bdm):
    value = bdm.get('boot_index')
    if value is None or str(value).lower() == 'none':
        return None
    try:
        return int(value)
    except ValueError:
        raise bad_request('Block Device Mapping is Invalid: Boot index %s is invalid.' % value)


def paginate(items, query):
    if 'marker' in query:
        marker = query['marker'][0]
        ids = [i['id'] for i in items]
        if marker not in ids:
            raise bad_request('marker [%s] not found' % marker)
        items = items[ids.index(marker) + 1:]
    if 'limit' in query:
        try:
            limit = int(query['limit'][0])
        except ValueError:
            raise bad_request('limit param must be an integer')
        items = items[:max(limit, 0)]
    return items


def parse_version(headers):
    raw = None
    for part in (headers.get('OpenStack-API-Version') or '').split(','):
        bits = part.split()
        if len(bits) == 2 and bits[0].lower() == 'compute':
            raw = bits[1]
    if raw is None:
        raw = headers.get('X-OpenStack-Nova-API-Version')
    if raw is None:
        return MIN_VERSION
    if raw.strip().lower() == 'latest':
        return MAX_VERSION
    m = re.fullmatch(r'\s*(\d+)\.(\d+)\s*', raw)
    if not m:
        raise bad_request('API Version String %s is of invalid format. Must be of format '
                          'MajorNum.MinorNum.' % raw)
    version = (int(m.group(1)), int(m.group(2)))
    if not MIN_VERSION <= version <= MAX_VERSION:
        raise ApiError(406, 'Version %s is not supported by the API. Minimum is %s and maximum '
                            'is %s.' % (raw.strip(), vstr(MIN_VERSION), vstr(MAX_VERSION)))
    return version


# --------------------------------------------------------------------------- HTTP
class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'xms-lab-nova/1.0'
    nova = None  # set in main()

    def do_GET(self):
        self.dispatch('GET')

    def do_POST(self):
        self.dispatch('POST')

    def do_PUT(self):
        self.dispatch('PUT')

    def do_DELETE(self):
        self.dispatch('DELETE')

    def log_message(self, fmt, *args):
        LOG.info('%s %s', self.address_string(), fmt % args)

    def read_body(self):
        length = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(length) if length else b''
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            raise bad_request('Malformed request body')

    def dispatch(self, method):
        nova = self.nova
        url = urlsplit(self.path)
        path = re.sub(r'/+', '/', url.path).rstrip('/') or '/'
        query = parse_qs(url.query)
        version, extra = None, {}
        try:
            body = self.read_body()
            if path == '/':
                return self.reply(200, {'versions': [nova.version_doc()]})
            if path == '/v2.1':
                return self.reply(200, {'version': nova.version_doc()})
            if not path.startswith('/v2.1/'):
                raise ApiError(404, 'The resource could not be found.')
            info = nova.authenticate(self.headers)
            version = parse_version(self.headers)
            ctx = Context(info, version)
            rest = path[len('/v2.1'):]
            m = re.match(r'/([0-9a-f]{32})(/.*|$)', rest)
            if m:  # legacy URLs carry the project id
                if m.group(1) != ctx.project_id and not ctx.is_admin:
                    raise bad_request("Malformed request URL: URL's project_id '%s' doesn't match "
                                      "Context's project_id '%s'" % (m.group(1), ctx.project_id))
                rest = m.group(2) or '/'
            handler, params, allowed = None, {}, set()
            for verb, pattern, func in nova.routes():
                match = re.fullmatch(pattern, rest)
                if match:
                    allowed.add(verb)
                    if verb == method and handler is None:
                        handler, params = func, match.groupdict()
            if handler is None:
                if allowed:
                    raise ApiError(405, 'The method is not allowed for the requested URL.')
                raise ApiError(404, 'The resource could not be found.')
            result = handler(ctx, params, query, body)
            status, payload = result[0], result[1]
            if len(result) > 2:
                extra = result[2]
            self.reply(status, payload, version, extra)
        except ApiError as err:
            if err.status == 401:
                self.reply(401, {'error': {'code': 401, 'title': 'Unauthorized',
                                           'message': err.message}},
                           extra={'WWW-Authenticate': 'Keystone uri="%s"'
                                  % nova.identity.auth_url.rsplit('/v3', 1)[0]})
            else:
                name = FAULT_NAMES.get(err.status, 'computeFault')
                self.reply(err.status, {name: {'code': err.status, 'message': err.message}},
                           version)
        except (urllib.error.URLError, OSError, RuntimeError) as err:
            LOG.exception('upstream failure')
            self.reply(503, {'serviceUnavailable': {'code': 503, 'message': str(err)}}, version)
        except Exception as err:
            LOG.exception('unexpected error')
            self.reply(500, {'computeFault': {'code': 500, 'message':
                             'Unexpected API Error. %s' % type(err)}}, version)

    def reply(self, status, payload, version=None, extra=None):
        data = b'' if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        if data:
            self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.send_header('X-Compute-Request-Id', 'req-%s' % uuid.uuid4())
        if version:
            self.send_header('OpenStack-API-Version', 'compute %s' % vstr(version))
            self.send_header('X-OpenStack-Nova-API-Version', vstr(version))
            self.send_header('Vary', 'OpenStack-API-Version, X-OpenStack-Nova-API-Version')
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if data:
            self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--config', required=True, help='lab.json written by `cloud up`')
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format='%(asctime)s %(levelname)s %(name)s %(message)s')
    with open(args.config) as f:
        cfg = json.load(f)
    Handler.nova = Nova(cfg)
    n = cfg['nova']
    httpd = Server((n['host'], n['port']), Handler)
    LOG.info('listening on http://%s:%d/v2.1', n['host'], n['port'])
    httpd.serve_forever()


if __name__ == '__main__':
    main()
