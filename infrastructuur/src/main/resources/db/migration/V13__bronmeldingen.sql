-- The durable queue of the source adapter (module bronnen, ADR 0026): every ZGW notification (or NL GOV
-- CloudEvent) from Open Notificaties is answered at once and kept here as one melding ("read this zaak / this
-- klantcontact"); workers on any node claim meldingen with FOR UPDATE SKIP LOCKED and a lease, so a node that
-- dies mid-way leaves its claims to expire and another node takes them. Nothing here is personal data: URLs of
-- the source's resources, the notification's kanaal/resource/actie, and reasons written without values.
CREATE TABLE bronmelding (
    id               BIGSERIAL   PRIMARY KEY,
    soort            TEXT        NOT NULL CHECK (soort IN ('zaak', 'klantcontact')),
    url              TEXT        NOT NULL CHECK (length(url) <= 1000),
    kanaal           TEXT        NOT NULL CHECK (length(kanaal) <= 200),
    resource         TEXT        NOT NULL CHECK (length(resource) <= 100),
    actie            TEXT        NOT NULL CHECK (length(actie) <= 100),
    -- When the source made the notification; null for the backfill.
    aanmaakdatum     TIMESTAMPTZ,
    -- SHA-256 of (kanaal, resourceUrl, actie, aanmaakdatum as an instant): the same notification delivered twice
    -- is stored once. Null for the backfill, which is deduplicated by absorption only.
    dedup_sleutel    BYTEA       UNIQUE,
    ontvangen_op     TIMESTAMPTZ NOT NULL,
    toestand         TEXT        NOT NULL DEFAULT 'wachtend'
                     CHECK (toestand IN ('wachtend', 'verwerkt', 'weg', 'ongekoppeld', 'geweigerd', 'dood', 'genegeerd')),
    pogingen         INTEGER     NOT NULL DEFAULT 0,
    volgende_poging  TIMESTAMPTZ NOT NULL,
    geclaimd_door    TEXT,
    geclaimd_tot     TIMESTAMPTZ,
    reden            TEXT        CHECK (length(reden) <= 4000),
    afgehandeld_op   TIMESTAMPTZ
);

-- What a worker claims next: the waiting ones, due first.
CREATE INDEX bronmelding_wachtend ON bronmelding (volgende_poging) WHERE toestand = 'wachtend';
-- A new notification for a zaak or klantcontact already waiting (and unclaimed) is absorbed by it.
CREATE INDEX bronmelding_wachtend_url ON bronmelding (soort, url) WHERE toestand = 'wachtend';
-- Listing per toestand (the dead letters, the CLI), newest first.
CREATE INDEX bronmelding_toestand ON bronmelding (toestand, id);
