-- Read models kept as one JSON document per key (a klant, a zaak), in tables per generation so a
-- rebuild can fill new tables while the current ones keep serving, and then take over.

CREATE TABLE leesmodel_generatie (
    naam        TEXT        NOT NULL,
    generatie   INTEGER     NOT NULL,
    tabel       TEXT        NOT NULL,
    processor   TEXT        NOT NULL,
    toestand    TEXT        NOT NULL CHECK (toestand IN ('actief', 'bouwen', 'vervangen')),
    begonnen_op TIMESTAMPTZ NOT NULL DEFAULT now(),
    actief_op   TIMESTAMPTZ,
    CONSTRAINT leesmodel_generatie_pkey PRIMARY KEY (naam, generatie)
);
-- At most one serving generation per read model.
CREATE UNIQUE INDEX leesmodel_generatie_een_actief ON leesmodel_generatie (naam) WHERE toestand = 'actief';

-- The one shape of every generation's table; called for generation 1 at start and for each rebuild.
CREATE FUNCTION leesmodel_maak_tabel(tabel TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I (
        sleutel      TEXT   NOT NULL PRIMARY KEY,
        eigenaar     TEXT,
        zoeksleutels TEXT[] NOT NULL DEFAULT ''{}'',
        document     JSONB  NOT NULL,
        positie      BIGINT NOT NULL
    )', tabel);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (eigenaar)', tabel || '_eigenaar', tabel);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I USING gin (zoeksleutels)', tabel || '_zoeksleutels', tabel);
END;
$$;
