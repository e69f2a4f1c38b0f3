#!/usr/bin/python3
"""Small sqlite helpers for the lab's cloud.

  dbtool.py wal DB...                          switch sqlite DBs to WAL mode
  dbtool.py neutron-init DB --config-file F... create Neutron's schema, stamp heads

Every service keeps its DB in sqlite; without WAL the second concurrent writer
gets "database is locked" (a 500). Neutron's alembic migrations ALTER
constraints, which sqlite cannot do, so its schema is made from the models and
then stamped as current.
"""
import sqlite3
import sys


def wal(paths):
    for path in paths:
        con = sqlite3.connect(path)
        mode = con.execute('PRAGMA journal_mode=WAL').fetchone()[0]
        con.close()
        if mode.lower() != 'wal':
            sys.exit('dbtool: could not switch %s to WAL (got %s)' % (path, mode))


def neutron_init(db_path, conf_args):
    import sqlalchemy
    from neutron.db.migration.models import head
    engine = sqlalchemy.create_engine('sqlite:///' + db_path)
    head.get_metadata().create_all(engine)
    engine.dispose()
    wal([db_path])
    from neutron.db.migration import cli
    sys.argv = ['neutron-db-manage'] + conf_args + ['stamp', 'heads']
    cli.main()


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == 'wal':
        wal(sys.argv[2:])
    elif len(sys.argv) >= 3 and sys.argv[1] == 'neutron-init':
        neutron_init(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
