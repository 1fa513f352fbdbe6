#!/bin/sh
# temporal-schema job (temporalio/admin-tools image): applies Temporal's PostgreSQL schema to the
# `temporal` (persistence) and `temporal_visibility` databases that postgres-init.sh created.
#
# Safe on every `docker compose up` and on Temporal upgrades: `setup-schema -v 0.0` only creates
# the version table on a fresh database, and `update-schema` applies only the versions newer than
# the one recorded. Upgrade Temporal by bumping the admin-tools and server tags together.
#
# Connection settings come from the environment: SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER,
# SQL_PASSWORD (read by temporal-sql-tool itself, so the password stays off the command line).
set -eu

schema_root=/etc/temporal/schema/postgresql/v12

apply_schema() {
  database=$1
  versioned_dir=$2
  echo "temporal-schema: ${database} <- ${versioned_dir}"
  temporal-sql-tool --db "$database" setup-schema -v 0.0
  temporal-sql-tool --db "$database" update-schema -d "$versioned_dir"
}

apply_schema temporal "$schema_root/temporal/versioned"
apply_schema temporal_visibility "$schema_root/visibility/versioned"
echo 'temporal-schema: up to date'
