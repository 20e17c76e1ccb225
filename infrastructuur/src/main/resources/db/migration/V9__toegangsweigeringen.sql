-- The security log: refused and denied accesses (401, 403, and a 404 on an API resource with a
-- valid token, such as a burger's probe of another's zaak), for the auditor
-- (GET /api/v1/audit/toegangsweigeringen, ADR 0013). Never a personal number: no BSN, no token;
-- the actor is the token's subject (sub) when the token was valid, the object a pseudonymous
-- klantId or a zaak's UUID taken from the path, the path its route template.
--
-- Identical refusals within one minute are one row with a count (aantal), so a flood of
-- refusals adds at most a bounded number of rows per minute; sleutel is a hash of what makes two
-- refusals identical, to add to the row of the same minute.
CREATE TABLE toegangsweigering (
    volgnummer BIGSERIAL   PRIMARY KEY,
    minuut     TIMESTAMPTZ NOT NULL,
    sleutel    TEXT        NOT NULL,
    eerste     TIMESTAMPTZ NOT NULL,
    laatste    TIMESTAMPTZ NOT NULL,
    aantal     BIGINT      NOT NULL CHECK (aantal >= 1),
    soort      TEXT        NOT NULL,
    status     SMALLINT    NOT NULL,
    reden      TEXT        NOT NULL,
    actor      TEXT,
    rol        TEXT,
    adres      TEXT,
    methode    TEXT        NOT NULL,
    pad        TEXT        NOT NULL,
    object     TEXT,
    trace_id   TEXT        NOT NULL,
    UNIQUE (minuut, sleutel)
);
CREATE INDEX toegangsweigering_eerste ON toegangsweigering (eerste DESC);
CREATE INDEX toegangsweigering_actor ON toegangsweigering (actor, volgnummer DESC);
