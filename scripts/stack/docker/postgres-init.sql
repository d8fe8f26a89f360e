-- Run once by the postgres image on an empty volume (docker-compose.yml); mirrors scripts/stack/postgres.sh.
CREATE ROLE emporium LOGIN CREATEDB PASSWORD 'emporium';
CREATE DATABASE emporium OWNER emporium;
CREATE DATABASE emporium_test OWNER emporium;

\connect emporium
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

\connect emporium_test
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
