-- Personal data: keys for crypto-shredding and the secret behind klant pseudonyms.
-- Deleting a klant's rows from sleutel makes every value encrypted with them unreadable,
-- while the events that carry those values stay in the event store.

create table sleutel (
    sleutel_id    uuid        primary key,
    klant_id      text        null,
    zaak_id       uuid        null,
    -- bytea, never oid: large objects survive a row delete, which would defeat shredding.
    materiaal     bytea       not null check (octet_length(materiaal) = 32),
    aangemaakt_op timestamptz not null default now(),
    -- A key that belongs to nobody could never be forgotten.
    constraint sleutel_heeft_eigenaar check (klant_id is not null or zaak_id is not null)
);

-- Forgetting a klant deletes his own key and his zaken's keys: one index serves both.
create index sleutel_klant_id on sleutel (klant_id);

-- Also the conflict target for concurrent creation of zaak keys.
create unique index sleutel_zaak_id on sleutel (zaak_id) where zaak_id is not null;

-- A klant's current key; the conflict target for concurrent creation on several nodes.
create unique index sleutel_klant_huidig on sleutel (klant_id) where zaak_id is null;

create table pseudoniem_geheim (
    id     smallint primary key check (id = 1),
    geheim bytea    not null check (octet_length(geheim) >= 32)
);
