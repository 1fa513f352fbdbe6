#!/bin/sh
# Runs once, when the postgresql service initialises an empty data volume
# (mounted into /docker-entrypoint-initdb.d by docker-compose.yml).
#
# One login role per consumer, each owning only its own databases:
#   temporal -> temporal, temporal_visibility   (schema applied by the temporal-schema job)
#   carepath -> carepath                        (schema applied by the migrate job)
# Passwords come from the environment (required in docker-compose.yml); psql quotes them, so
# they never appear in this file or in the server log.
#
# No `set -eu` here: the postgres entrypoint sources this file when it is not executable, and
# shell options would leak into it. ON_ERROR_STOP makes psql fail, which aborts initialisation.

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
  --set temporal_password="${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD is required}" \
  --set carepath_password="${CAREPATH_DB_PASSWORD:?CAREPATH_DB_PASSWORD is required}" <<'SQL'
CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE ROLE carepath LOGIN PASSWORD :'carepath_password';

CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
CREATE DATABASE carepath OWNER carepath;

-- Every role may connect to every database by default; keep each consumer to its own.
REVOKE ALL ON DATABASE temporal, temporal_visibility, carepath FROM PUBLIC;

-- Temporal's PostgreSQL visibility schema uses btree_gin; create it as superuser up front so the
-- schema job never depends on the temporal role being allowed to create extensions.
\connect temporal_visibility
CREATE EXTENSION IF NOT EXISTS btree_gin;
SQL
