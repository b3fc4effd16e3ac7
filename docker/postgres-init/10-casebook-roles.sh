#!/bin/sh
# Run once by the postgres image when its data folder is new: creates Casebook's two roles.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v dbname="$POSTGRES_DB" \
  -v owner_password="$CASEBOOK_OWNER_PASSWORD" \
  -v app_password="$CASEBOOK_APP_PASSWORD" \
  -f /docker-entrypoint-initdb.d/casebook-roles.psql
