-- The audit log in several chains per table (issue 14, ADR 0029). One chain per table made every
-- group of records wait for the group before it (lock head, insert, move head, fsync); with N
-- chains, N writers commit in parallel and PostgreSQL shares their fsyncs. Each chain is a hash
-- chain on its own, exactly as before (nl.klantreis.infrastructuur.audit.Ketenhash, unchanged):
-- the records of chain k, in volgnummer order, each hashed over the one before it in that chain.
--
-- volgnummer stays unique per table and is the API's and the pages' cursor; it now comes from a
-- sequence per table, taken while the chain's head is locked, so within a chain it rises in
-- append order (CACHE 1: a session-local cache would hand out numbers out of order across
-- sessions). Numbers of a failed group are skipped: a chain is checked by its hashes and head, not
-- by gaps in the numbers, which interleave between chains.
--
-- Existing records (one chain, V5) become chain 0 unchanged: their hashes stay valid, no record is
-- rewritten (the new column's default is metadata only).

ALTER TABLE auditketen ADD COLUMN keten INTEGER NOT NULL DEFAULT 0 CHECK (keten >= 0);
ALTER TABLE auditketen DROP CONSTRAINT auditketen_pkey;
ALTER TABLE auditketen ADD PRIMARY KEY (naam, keten);

ALTER TABLE verwerking ADD COLUMN keten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE gebruikersaudit ADD COLUMN keten INTEGER NOT NULL DEFAULT 0;
-- The integrity check walks one chain at a time in volgnummer order.
CREATE INDEX verwerking_keten ON verwerking (keten, volgnummer);
CREATE INDEX gebruikersaudit_keten ON gebruikersaudit (keten, volgnummer);

CREATE SEQUENCE verwerking_volgnummer AS BIGINT CACHE 1;
CREATE SEQUENCE gebruikersaudit_volgnummer AS BIGINT CACHE 1;
DO $$
DECLARE
    tabel TEXT;
    hoogste BIGINT;
BEGIN
    FOREACH tabel IN ARRAY ARRAY['verwerking', 'gebruikersaudit'] LOOP
        EXECUTE format('SELECT greatest((SELECT coalesce(max(volgnummer), 0) FROM %I),'
                       ' (SELECT coalesce(max(volgnummer), 0) FROM auditketen WHERE naam = %L))', tabel, tabel)
            INTO hoogste;
        -- The next number is the one after the highest so far (1 on an empty log).
        PERFORM setval(tabel || '_volgnummer', greatest(hoogste, 1), hoogste > 0);
    END LOOP;
END;
$$;

-- A head only moves forward, stays with its table and chain, and is never removed; new chains'
-- heads are inserted by the writers when they first use them.
CREATE OR REPLACE FUNCTION auditketen_alleen_vooruit() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.naam <> OLD.naam OR NEW.keten <> OLD.keten OR NEW.volgnummer < OLD.volgnummer THEN
        RAISE EXCEPTION 'de kop van een auditketen gaat alleen vooruit'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
