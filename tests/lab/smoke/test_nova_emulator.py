#!/usr/bin/python3
"""API contract test of the lab's Nova emulator against the real Keystone, Cinder and Neutron.

Raw HTTP (what the product's client sees): auth, microversions, Nova's error shapes, quota,
boot-from-volume with two volumes and a pre-created port, stop/start, delete, the fault hook.
    eval "$(tests/lab/cloud/cloud env)"; tests/lab/smoke/test_nova_emulator.py
"""
import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repo
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cloud'))
from oshttp import call, password_auth  # noqa: E402

REQUIRED = ('OS_AUTH_URL', 'OS_USERNAME', 'OS_PASSWORD', 'OS_PROJECT_NAME',
            'XMS_LAB_NOVA_URL', 'XMS_LAB_OS_ADMIN_USERNAME', 'XMS_LAB_OS_ADMIN_PASSWORD',
            'XMS_LAB_OS_OTHER_USERNAME', 'XMS_LAB_OS_OTHER_PASSWORD', 'XMS_LAB_OS_OTHER_PROJECT')
missing = [v for v in REQUIRED if not os.environ.get(v)]
if missing:
    sys.exit('test_nova_emulator: FAIL - %s not set. Run: tests/lab/cloud/cloud up && '
             'eval "$(tests/lab/cloud/cloud env)"' % ', '.join(missing))

E = os.environ
AUTH, NOVA = E['OS_AUTH_URL'], E['XMS_LAB_NOVA_URL'].rstrip('/')
TAG = 'xms-nova-test-%d' % os.getpid()
created = {'servers': [], 'volumes': [], 'ports': []}


def ok(msg):
    print('ok   - ' + msg)


def check(cond, msg, detail=''):
    if not cond:
        raise AssertionError('%s %s' % (msg, detail))


class Session:
    def __init__(self, user, password, project):
        self.token, body = password_auth(AUTH, user, password, project)
        self.project_id = body['token']['project']['id']
        self.cinder = 'http://127.0.0.1:8776/v3/' + self.project_id
        self.neutron = 'http://127.0.0.1:9696/v2.0'

    def nova(self, method, path, body=None, version=None):
        headers = {'OpenStack-API-Version': 'compute ' + version} if version else {}
        return call(method, NOVA + path, self.token, body, headers=headers)

    def volume(self, method, path, body=None):
        return call(method, self.cinder + path, self.token, body,
                    headers={'OpenStack-API-Version': 'volume 3.44'})

    def port(self, method, path, body=None):
        return call(method, self.neutron + path, self.token, body)


def expect(resp, status, fault=None, text=None):
    check(resp.status == status, 'expected HTTP %s' % status, repr(resp))
    if fault:
        check(fault in (resp.json or {}), 'expected a %r body' % fault, resp.body[:300])
    if text:
        check(text in resp.error_message(), 'expected message with %r' % text, resp.error_message())
    return resp


def wait(fn, want, timeout=60, what=''):
    deadline = time.monotonic() + timeout
    while True:
        got = fn()
        if got == want:
            return
        check(time.monotonic() < deadline, 'timed out waiting for %s = %s' % (what, want), 'got %s' % got)
        time.sleep(1)


def bdm(vid, boot_index):
    return {'uuid': vid, 'boot_index': boot_index, 'source_type': 'volume',
            'destination_type': 'volume'}


def main():
    me = Session(E['OS_USERNAME'], E['OS_PASSWORD'], E['OS_PROJECT_NAME'])
    admin = Session(E['XMS_LAB_OS_ADMIN_USERNAME'], E['XMS_LAB_OS_ADMIN_PASSWORD'], 'admin')
    other = Session(E['XMS_LAB_OS_OTHER_USERNAME'], E['XMS_LAB_OS_OTHER_PASSWORD'],
                    E['XMS_LAB_OS_OTHER_PROJECT'])

    # --- auth, versions -------------------------------------------------------------------
    r = expect(call('GET', NOVA + '/servers'), 401)
    check('Keystone uri=' in (r.headers.get('WWW-Authenticate') or ''), 'WWW-Authenticate missing')
    expect(call('GET', NOVA + '/servers', 'not-a-token'), 401)
    ok('no/invalid token -> 401 with WWW-Authenticate')
    r = expect(me.nova('GET', '/flavors/detail', version='2.61'), 200)
    check(r.headers.get('OpenStack-API-Version') == 'compute 2.61', 'version not echoed', r.headers)
    check(r.headers.get('X-OpenStack-Nova-API-Version') == '2.61', 'legacy version header')
    names = {f['name'] for f in r.json['flavors']}
    check({'m1.tiny', 'm1.small', 'm1.medium', 'm1.large'} <= names, 'flavors', names)
    check(r.json['flavors'][0]['extra_specs'] == {}, '2.61 flavor extra_specs')
    expect(me.nova('GET', '/flavors', version='2.99'), 406, 'computeFault')
    expect(me.nova('GET', '/flavors/99'), 404, 'itemNotFound')
    ok('microversion echoed (2.61), 2.99 -> 406, unknown flavor -> 404')

    # --- fixtures for boots: two volumes, a port --------------------------------------------
    vols = []
    for name in ('boot', 'data'):
        r = expect(me.volume('POST', '/volumes', {'volume': {'size': 1, 'name': '%s-%s' % (TAG, name),
                                                             'volume_type': 'standard'}}), 202)
        vols.append(r.json['volume']['id'])
        created['volumes'].append(vols[-1])
    for vid in vols:
        wait(lambda: me.volume('GET', '/volumes/' + vid).json['volume']['status'], 'available',
             120, 'volume status')
    boot, data = vols
    net = me.port('GET', '/networks?name=internal-net').json['networks'][0]['id']
    r = expect(me.port('POST', '/ports', {'port': {'network_id': net, 'name': TAG + '-port'}}), 201)
    port = r.json['port']['id']
    created['ports'].append(port)

    # --- Nova's validation and errors --------------------------------------------------------
    def create(server, version=None):
        body = {'server': dict({'name': TAG, 'flavorRef': '2'}, **server)}
        return me.nova('POST', '/servers', body, version)

    expect(me.nova('POST', '/servers', {'server': {'name': TAG}}), 400, 'badRequest',
           "Invalid input for field/attribute server. Value: {'name': '%s'}. 'flavorRef' is a "
           "required property" % TAG)
    expect(create({'bogus': 1}), 400, 'badRequest', "Additional properties are not allowed")
    expect(create({'block_device_mapping_v2': [bdm(boot, 0)]}, '2.37'), 400, 'badRequest',
           "'networks' is a required property")
    expect(create({'flavorRef': '77', 'block_device_mapping_v2': [bdm(boot, 0)]}), 400,
           'badRequest', 'Flavor 77 could not be found.')
    expect(create({'block_device_mapping_v2': [bdm(boot, 0)], 'networks': [{'port': port}]}),
           400, 'badRequest', 'Block Device %s is not bootable.' % boot)
    expect(me.volume('POST', '/volumes/%s/action' % boot,
                     {'os-set_bootable': {'bootable': True}}), 200)
    expect(create({'block_device_mapping_v2': [bdm('0' * 8 + '-0000-0000-0000-' + '0' * 12, 0)]}),
           400, 'badRequest', 'failed to get volume')
    expect(create({'availability_zone': 'elsewhere', 'block_device_mapping_v2': [bdm(boot, 0)]}),
           400, 'badRequest', 'The requested availability zone is not available')
    expect(create({'block_device_mapping_v2': [bdm(boot, 0)],
                   'networks': [{'port': '11111111-2222-3333-4444-555555555555'}]}),
           400, 'badRequest', 'Port id 11111111-2222-3333-4444-555555555555 could not be found.')
    expect(create({'block_device_mapping_v2': [bdm(boot, 0)]}), 409, 'conflictingRequest',
           'More than one possible network found')
    ok('schema, flavor, bootable, volume, AZ, port, network errors as Nova words them')

    pid = me.project_id
    expect(me.nova('PUT', '/os-quota-sets/' + pid, {'quota_set': {'cores': 1}}), 403, 'forbidden')
    expect(admin.nova('PUT', '/os-quota-sets/' + pid, {'quota_set': {'cores': 1}}), 200)
    try:
        expect(create({'flavorRef': '3', 'block_device_mapping_v2': [bdm(boot, 0)],
                       'networks': [{'port': port}]}), 403, 'forbidden',
               'Quota exceeded for cores: Requested 2, but already used 0 of 1 cores')
    finally:
        expect(admin.nova('PUT', '/os-quota-sets/' + pid, {'quota_set': {'cores': 20}}), 200)
    ok('quota: member may not change it (403); over quota -> 403 with Nova\'s message')

    # --- boot from volume: boot + data volume, pre-created port --------------------------------
    r = expect(create({'block_device_mapping_v2': [bdm(boot, 0), bdm(data, -1)],
                       'networks': [{'port': port}], 'availability_zone': 'nova'}, '2.67'), 202)
    sid = r.json['server']['id']
    created['servers'].append(sid)
    check(r.headers.get('Location', '').endswith('/servers/' + sid), 'Location header')
    expect(create({'block_device_mapping_v2': [bdm(boot, 0)], 'networks': 'none'}, '2.37'), 400,
           'badRequest', "status must be 'available'")
    wait(lambda: me.nova('GET', '/servers/' + sid).json['server']['status'], 'ACTIVE', 60,
         'server status')
    srv = me.nova('GET', '/servers/' + sid, version='2.47').json['server']
    check(srv['flavor']['original_name'] == 'm1.small', '2.47 embedded flavor', srv['flavor'])
    check(srv['image'] == '', 'boot-from-volume image must be ""')
    check([v['id'] for v in srv['os-extended-volumes:volumes_attached']] == [boot, data],
          'volumes_attached', srv['os-extended-volumes:volumes_attached'])
    check('internal-net' in srv['addresses'], 'addresses', srv['addresses'])
    for vid in vols:
        check(me.volume('GET', '/volumes/' + vid).json['volume']['status'] == 'in-use', 'in-use')
    p = me.port('GET', '/ports/' + port).json['port']
    check(p['device_id'] == sid and p['device_owner'] == 'compute:nova', 'port binding', p)
    p = admin.port('GET', '/ports/' + port).json['port']
    check(p['binding:host_id'] == 'lab-compute' and p['binding:vif_type'] == 'ovs'
          and p['status'] == 'ACTIVE', 'port bound on lab-compute (vif ovs, ACTIVE)', p)
    atts = me.nova('GET', '/servers/%s/os-volume_attachments' % sid,
                   version='2.89').json['volumeAttachments']
    check(sorted((a['volumeId'], a['device']) for a in atts) ==
          sorted([(boot, '/dev/vda'), (data, '/dev/vdb')]), 'attachments', atts)
    check(all(a.get('attachment_id') for a in atts), '2.89 attachment_id', atts)
    ok('boot-from-volume (boot + data volume, port) -> ACTIVE; volumes in-use; port bound, ACTIVE')

    lim = me.nova('GET', '/limits').json['limits']['absolute']
    check(lim['totalInstancesUsed'] >= 1 and lim['totalCoresUsed'] >= 1
          and lim['totalRAMUsed'] >= 2048, 'limits usage', lim)
    expect(other.nova('GET', '/servers/' + sid), 404, 'itemNotFound')
    check(sid not in [s['id'] for s in other.nova('GET', '/servers').json['servers']],
          'server visible to another project')
    ok('limits count the server; another project cannot see it')

    att = me.volume('GET', '/attachments?volume_id=' + boot).json['attachments'][0]['id']
    expect(me.volume('DELETE', '/attachments/' + att), 409, text='ConflictNovaUsingAttachment')
    ok('Cinder refuses a user deleting the in-use attachment (asks the emulator, 2.89)')

    expect(me.nova('POST', '/servers/%s/action' % sid, {'os-stop': None}), 202)
    wait(lambda: me.nova('GET', '/servers/' + sid).json['server']['status'], 'SHUTOFF', 20, 'stop')
    expect(me.nova('POST', '/servers/%s/action' % sid, {'os-stop': None}), 409,
           'conflictingRequest', "Cannot 'stop' instance")
    expect(me.nova('POST', '/servers/%s/action' % sid, {'os-start': None}), 202)
    wait(lambda: me.nova('GET', '/servers/' + sid).json['server']['status'], 'ACTIVE', 20, 'start')
    ok('os-stop -> SHUTOFF, second stop -> 409, os-start -> ACTIVE')

    expect(me.nova('DELETE', '/servers/' + sid), 204)
    wait(lambda: me.nova('GET', '/servers/' + sid).status, 404, 60, 'server gone')
    created['servers'].remove(sid)
    for vid in vols:
        wait(lambda: me.volume('GET', '/volumes/' + vid).json['volume']['status'], 'available',
             30, 'volume released')
    p = admin.port('GET', '/ports/' + port).json['port']
    check(p['device_id'] == '' and p['binding:host_id'] == '' and p['status'] == 'DOWN',
          'port unbound', p)
    ok('delete -> 404; volumes available; pre-created port unbound and kept')

    # --- fault hook --------------------------------------------------------------------------
    r = expect(create({'block_device_mapping_v2': [bdm(boot, 0)], 'networks': [{'port': port}],
                       'metadata': {'xms-lab-fault': 'injected by test'}}), 202)
    sid = r.json['server']['id']
    created['servers'].append(sid)
    wait(lambda: me.nova('GET', '/servers/' + sid).json['server']['status'], 'ERROR', 30, 'fault')
    fault = me.nova('GET', '/servers/' + sid).json['server']['fault']
    check(fault['code'] == 500 and fault['message'] == 'No valid host was found. injected by test',
          'fault', fault)
    wait(lambda: me.volume('GET', '/volumes/' + boot).json['volume']['status'], 'available', 30,
         'volume released after fault')
    ok('fault hook -> ERROR with fault {code 500, No valid host was found. ...}, volume released')


def cleanup():
    try:
        me = Session(E['OS_USERNAME'], E['OS_PASSWORD'], E['OS_PROJECT_NAME'])
    except Exception as err:  # nothing more we can do
        print('cleanup: %s' % err, file=sys.stderr)
        return
    for sid in created['servers']:
        me.nova('DELETE', '/servers/' + sid)
    for sid in created['servers']:
        for _ in range(60):
            if me.nova('GET', '/servers/' + sid).status == 404:
                break
            time.sleep(1)
    for pid in created['ports']:
        me.port('DELETE', '/ports/' + pid)
    for vid in created['volumes']:
        me.volume('DELETE', '/volumes/' + vid)


if __name__ == '__main__':
    t0 = time.monotonic()
    try:
        main()
    except AssertionError as err:
        print('FAIL - %s' % err, file=sys.stderr)
        sys.exit(1)
    finally:
        cleanup()
    print('PASS test_nova_emulator (%.0fs)' % (time.monotonic() - t0))
