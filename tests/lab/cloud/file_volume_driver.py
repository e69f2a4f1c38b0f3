"""A Cinder volume driver whose volumes are sparse files (the lab has no LVM).

It subclasses the fake driver that Cinder ships for its own tests, so every
call the lab does not care about (exports, replication, groups) stays a no-op,
and overrides what makes data real: create/delete/extend/clone allocate or
copy sparse files, and volume-from-image / upload-to-image go through Cinder's
own image_utils (real qemu-img conversion), without root.
"""
import os
import subprocess

from oslo_config import cfg
from oslo_log import log as logging
from oslo_utils import units

from cinder.image import image_utils
from cinder.tests.fake_driver import FakeLoggingVolumeDriver
from cinder.volume import volume_utils

LOG = logging.getLogger(__name__)

file_opts = [
    cfg.StrOpt('file_volumes_dir', default='/var/tmp/xms-lab/cloud/volumes',
               help='Directory holding one sparse file per volume/snapshot.'),
]


class SparseFileDriver(FakeLoggingVolumeDriver):
    VERSION = '1.0.0'

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.configuration.append_config_values(file_opts)
        self.backend_name = (self.configuration.safe_get('volume_backend_name')
                             or 'file')
        self.protocol = 'file'
        self._dir = self.configuration.file_volumes_dir

    # -- helpers -----------------------------------------------------------
    def _path(self, name):
        return os.path.join(self._dir, name)

    def local_path(self, volume, vg=None):
        return self._path(volume['name'])

    def _allocate(self, path, size_gb):
        # Sparse: no blocks are written until data arrives.
        with open(path, 'ab'):
            pass
        os.truncate(path, int(size_gb) * units.Gi)

    def _copy(self, src, dst, size_gb):
        # cp keeps holes, so a clone of a mostly-empty disk stays small.
        subprocess.run(['cp', '--sparse=always', src, dst], check=True)
        if os.path.getsize(dst) < int(size_gb) * units.Gi:
            os.truncate(dst, int(size_gb) * units.Gi)

    # -- driver API ----------------------------------------------------------
    def do_setup(self, context):
        os.makedirs(self._dir, exist_ok=True)

    def check_for_setup_error(self):
        if not os.access(self._dir, os.W_OK):
            raise RuntimeError('file_volumes_dir %s is not writable' % self._dir)

    def create_volume(self, volume):
        self._allocate(self.local_path(volume), volume['size'])

    def delete_volume(self, volume):
        try:
            os.unlink(self.local_path(volume))
        except FileNotFoundError:
            pass

    def extend_volume(self, volume, new_size):
        os.truncate(self.local_path(volume), int(new_size) * units.Gi)

    def create_cloned_volume(self, volume, src_vref):
        self._copy(self.local_path(src_vref), self.local_path(volume),
                   volume['size'])

    def create_snapshot(self, snapshot):
        self._copy(self._path(snapshot['volume_name']),
                   self._path(snapshot['name']), snapshot['volume_size'])

    def delete_snapshot(self, snapshot):
        try:
            os.unlink(self._path(snapshot['name']))
        except FileNotFoundError:
            pass

    def create_volume_from_snapshot(self, volume, snapshot):
        self._copy(self._path(snapshot['name']), self.local_path(volume),
                   volume['size'])

    def copy_image_to_volume(self, context, volume, image_service, image_id):
        path = self.local_path(volume)
        image_utils.fetch_to_raw(context, image_service, image_id, path,
                                 self.configuration.volume_dd_blocksize,
                                 size=volume['size'], run_as_root=False)
        # qemu-img writes the image's virtual size; the volume may be bigger.
        if os.path.getsize(path) < int(volume['size']) * units.Gi:
            os.truncate(path, int(volume['size']) * units.Gi)

    def copy_volume_to_image(self, context, volume, image_service, image_meta):
        volume_utils.upload_volume(context, image_service, image_meta,
                                   self.local_path(volume), volume,
                                   run_as_root=False)

    def initialize_connection(self, volume, connector):
        return {'driver_volume_type': 'local',
                'data': {'device_path': self.local_path(volume),
                         'access_mode': 'rw'}}

    def _update_volume_stats(self):
        st = os.statvfs(self._dir)
        provisioned = 0
        for entry in os.scandir(self._dir):
            if entry.is_file():
                provisioned += entry.stat().st_size
        self._stats = {
            'volume_backend_name': self.backend_name,
            'vendor_name': 'XMS lab',
            'driver_version': self.VERSION,
            'storage_protocol': self.protocol,
            'pools': [{
                'pool_name': self.backend_name,
                'total_capacity_gb': round(st.f_blocks * st.f_frsize / units.Gi, 2),
                'free_capacity_gb': round(st.f_bavail * st.f_frsize / units.Gi, 2),
                'provisioned_capacity_gb': round(provisioned / units.Gi, 2),
                'reserved_percentage': 0,
                'thin_provisioning_support': True,
                'thick_provisioning_support': False,
                'max_over_subscription_ratio': 20.0,
                'QoS_support': False,
                'multiattach': False,
            }],
        }
