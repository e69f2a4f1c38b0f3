#!/usr/bin/python3
"""Run cinder-api, cinder-scheduler and one cinder-volume backend in ONE process.

With oslo.messaging's in-memory driver (transport_url = fake:/) the three
services can only talk to each other inside a single process; that is what
lets the lab run real Cinder without RabbitMQ. Usage:
    cinder_all.py --config-file cinder.conf
The volume backend is the first entry of [DEFAULT] enabled_backends.
"""
import eventlet

eventlet.monkey_patch()

import __original_module_threading as orig_threading  # noqa: E402  (created by eventlet)
import threading  # noqa: E402

# Same fix-up as cinder.cmd.*: keep the original threading module's view of
# the active threads in sync with the green one.
orig_threading.current_thread.__globals__['_active'] = threading._active

import logging as python_logging  # noqa: E402
import sys  # noqa: E402

from oslo_config import cfg  # noqa: E402
from oslo_log import log as logging  # noqa: E402
from oslo_service import service as oslo_service  # noqa: E402

from cinder import i18n  # noqa: E402

i18n.enable_lazy()

from cinder.common import config  # noqa: E402
from cinder.common import constants  # noqa: E402
from cinder import coordination  # noqa: E402
from cinder import objects  # noqa: E402
from cinder import rpc  # noqa: E402
from cinder import service  # noqa: E402
from cinder import version  # noqa: E402

CONF = cfg.CONF


def main():
    objects.register_all()
    CONF(sys.argv[1:], project='cinder', version=version.version_string())
    config.set_middleware_defaults()
    logging.setup(CONF, 'cinder')
    python_logging.captureWarnings(True)
    coordination.COORDINATOR.start()
    rpc.init(CONF)

    backend = CONF.enabled_backends[0]
    launcher = oslo_service.ServiceLauncher(CONF, restart_method='mutate')
    launcher.launch_service(service.WSGIService('osapi_volume'))
    launcher.launch_service(
        service.Service.create(binary=constants.SCHEDULER_BINARY))
    launcher.launch_service(
        service.Service.create(host='%s@%s' % (CONF.host, backend),
                               service_name=backend,
                               binary=constants.VOLUME_BINARY,
                               coordination=True))
    launcher.wait()


if __name__ == '__main__':
    main()
