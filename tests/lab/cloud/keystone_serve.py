#!/usr/bin/python3
"""Serve the real Keystone public WSGI app on one loopback port.

Debian's keystone-wsgi-public runs wsgiref single-threaded, so one slow
password check (bcrypt) stalls every token validation behind it. This is the
same app on a threaded wsgiref server. Config: OS_KEYSTONE_CONFIG_FILES.
"""
import argparse
import socketserver
import sys
from wsgiref import simple_server


class ThreadingWSGIServer(socketserver.ThreadingMixIn, simple_server.WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(simple_server.WSGIRequestHandler):
    def log_message(self, fmt, *args):  # one short line per request, to stderr (the log file)
        sys.stderr.write("%s %s\n" % (self.log_date_time_string(), fmt % args))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    sys.argv[1:] = []  # keystone parses sys.argv as oslo.config CLI options
    from keystone.server.wsgi import initialize_public_application
    app = initialize_public_application()
    server = simple_server.make_server(args.host, args.port, app,
                                       server_class=ThreadingWSGIServer,
                                       handler_class=QuietHandler)
    sys.stderr.write("keystone listening on http://%s:%d/\n" % (args.host, args.port))
    sys.stderr.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
