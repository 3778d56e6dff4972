#!/bin/bash
# Runs once, when the data directory is empty (postgres image docker-entrypoint-initdb.d).
# One database and one login role per service; each role owns only its own database, and
# PUBLIC may not connect to any of them. Roles and passwords come from the service Secrets.
set -euo pipefail

create_service_db() {
  local role="$1" password="$2" db="$3"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$role" -v pw="$password" -v db="$db" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "created database $db owned by $role"
}

create_service_db "$ORG_SERVICE_DB_USER" "$ORG_SERVICE_DB_PASSWORD" orgs
create_service_db "$PLAN_SERVICE_DB_USER" "$PLAN_SERVICE_DB_PASSWORD" plans
create_service_db "$INDICATOR_SERVICE_DB_USER" "$INDICATOR_SERVICE_DB_PASSWORD" indicators
