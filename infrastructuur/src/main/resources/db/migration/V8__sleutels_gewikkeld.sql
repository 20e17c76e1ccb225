-- Keys wrapped by key-encryption keys (KEKs) kept outside the database (ADR 0011).
-- A row's materiaal is now the DEK wrapped under the KEK named by kek_id (iv | wrapped DEK | tag,
-- 60 bytes), so a copy of a row left in a dead tuple, the WAL or a backup is worthless once that
-- KEK is destroyed. Rows from before this version hold the raw 32 bytes (kek_id null) until the
-- engine wraps them at its next start.
alter table sleutel add column kek_id text null;
alter table sleutel drop constraint sleutel_materiaal_check;
alter table sleutel add constraint sleutel_materiaal_vorm check (
    (kek_id is null and octet_length(materiaal) = 32) or (kek_id is not null and octet_length(materiaal) = 60));

-- Rotation re-wraps every row of one KEK; the startup sweep asks which KEKs are still used.
create index sleutel_kek_id on sleutel (kek_id);

-- Every DEK belongs to a bucket (a hash of its sleutel_id); each bucket has one current KEK that
-- wraps its new DEKs. Forgetting rotates only the KEKs of the forgotten DEKs, so its cost is
-- bounded by the size of a bucket, not of the table. The KEK itself is in the KEK folder, never here.
create table kek_bucket (
    bucket      smallint primary key,
    huidige_kek text     null
);
insert into kek_bucket (bucket) select generate_series(0, 255);

-- Which installation this database is: its KEKs are in <KEK folder>/<installatie>, so installations
-- that share a vault folder never use or sweep away each other's KEKs.
create table kek_installatie (
    id          smallint primary key check (id = 1),
    installatie uuid     not null
);
insert into kek_installatie (id, installatie) values (1, md5(random()::text || clock_timestamp()::text)::uuid);
