-- Idempotency per source aggregate: a read-model document remembers, per aggregate whose events
-- it applied, the last sequence number. The global index is not enough: events of different
-- aggregates (a zaak and the klant whose contact names it) can commit out of global-index order,
-- and an event delivered late with a lower index must still be applied, not taken for a repeat.
-- positie becomes the document's revision: it rises by one per applied event (the live push's id).
CREATE OR REPLACE FUNCTION leesmodel_maak_tabel(tabel TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I (
        sleutel      TEXT   NOT NULL PRIMARY KEY,
        eigenaar     TEXT,
        zoeksleutels TEXT[] NOT NULL DEFAULT ''{}'',
        document     JSONB  NOT NULL,
        positie      BIGINT NOT NULL,
        volgnummers  JSONB  NOT NULL DEFAULT ''{}''
    )', tabel);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (eigenaar)', tabel || '_eigenaar', tabel);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I USING gin (zoeksleutels)', tabel || '_zoeksleutels', tabel);
END;
$$;

DO $$
DECLARE
    generatie RECORD;
BEGIN
    FOR generatie IN SELECT tabel FROM leesmodel_generatie LOOP
        EXECUTE format('ALTER TABLE IF EXISTS %I ADD COLUMN IF NOT EXISTS volgnummers JSONB NOT NULL DEFAULT ''{}''',
                       generatie.tabel);
    END LOOP;
END;
$$;
