-- Logboek Dataverwerkingen: one processing record per data subject per answer that carried
-- personal data (verwerking), and one user-audit record per answer holding who acted
-- (gebruikersaudit), joined on the trace and span id. Both tables are append-only and each is a
-- hash chain: hash = SHA-256(vorige_hash || canonical bytes of the record), computed by the
-- engine (nl.klantreis.api.audit.Ketenhash). The head of each chain is kept in auditketen and
-- locked by every writer, so several nodes append to one chain in one order.

CREATE TABLE auditketen (
    naam         TEXT   NOT NULL PRIMARY KEY CHECK (naam IN ('verwerking', 'gebruikersaudit')),
    volgnummer   BIGINT NOT NULL CHECK (volgnummer >= 0),
    laatste_hash BYTEA  NOT NULL CHECK (length(laatste_hash) = 32)
);
-- The genesis hash: 32 zero bytes.
INSERT INTO auditketen (naam, volgnummer, laatste_hash) VALUES
    ('verwerking', 0, decode(repeat('00', 32), 'hex')),
    ('gebruikersaudit', 0, decode(repeat('00', 32), 'hex'));

CREATE TABLE verwerking (
    volgnummer  BIGINT      NOT NULL PRIMARY KEY,
    trace_id    TEXT        NOT NULL,
    span_id     TEXT        NOT NULL,
    tijdstip    TIMESTAMPTZ NOT NULL,
    activiteit  TEXT        NOT NULL,
    doel        TEXT        NOT NULL,
    grondslag   TEXT        NOT NULL,
    betrokkene  TEXT        NOT NULL,
    resultaat   TEXT        NOT NULL,
    vorige_hash BYTEA       NOT NULL,
    hash        BYTEA       NOT NULL
);
CREATE INDEX verwerking_betrokkene ON verwerking (betrokkene, tijdstip DESC);
CREATE INDEX verwerking_trace ON verwerking (trace_id, span_id);
CREATE INDEX verwerking_tijdstip ON verwerking (tijdstip DESC);

CREATE TABLE gebruikersaudit (
    volgnummer           BIGINT      NOT NULL PRIMARY KEY,
    trace_id             TEXT        NOT NULL,
    span_id              TEXT        NOT NULL,
    tijdstip             TIMESTAMPTZ NOT NULL,
    activiteit           TEXT        NOT NULL,
    actor                TEXT        NOT NULL,
    rol                  TEXT        NOT NULL,
    organisatieonderdeel TEXT,
    vorige_hash          BYTEA       NOT NULL,
    hash                 BYTEA       NOT NULL
);
CREATE INDEX gebruikersaudit_trace ON gebruikersaudit (trace_id, span_id);
CREATE INDEX gebruikersaudit_actor ON gebruikersaudit (actor, tijdstip DESC);

-- Append-only: nobody changes or removes a record, not even the engine. Someone with the rights
-- to disable this trigger can still tamper; the hash chain is what makes that visible.
CREATE FUNCTION audit_alleen_toevoegen() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'het auditlog is alleen aan te vullen: % op % is niet toegestaan', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER verwerking_alleen_toevoegen BEFORE UPDATE OR DELETE ON verwerking
    FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();
CREATE TRIGGER verwerking_niet_legen BEFORE TRUNCATE ON verwerking
    FOR EACH STATEMENT EXECUTE FUNCTION audit_alleen_toevoegen();
CREATE TRIGGER gebruikersaudit_alleen_toevoegen BEFORE UPDATE OR DELETE ON gebruikersaudit
    FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();
CREATE TRIGGER gebruikersaudit_niet_legen BEFORE TRUNCATE ON gebruikersaudit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_alleen_toevoegen();

-- The head only moves forward, and is never removed.
CREATE FUNCTION auditketen_alleen_vooruit() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.naam <> OLD.naam OR NEW.volgnummer < OLD.volgnummer THEN
        RAISE EXCEPTION 'de kop van een auditketen gaat alleen vooruit'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER auditketen_alleen_vooruit BEFORE UPDATE OR DELETE ON auditketen
    FOR EACH ROW EXECUTE FUNCTION auditketen_alleen_vooruit();
CREATE TRIGGER auditketen_niet_legen BEFORE TRUNCATE ON auditketen
    FOR EACH STATEMENT EXECUTE FUNCTION audit_alleen_toevoegen();
