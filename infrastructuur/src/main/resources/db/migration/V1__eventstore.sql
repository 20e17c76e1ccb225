-- The event store of Axon's JDBC storage engine, created here rather than by Axon (which
-- creates none) so that payloads are bytea (JPA would give oid large objects) and the global
-- index comes from a sequence of its own that nothing else shares.

CREATE SEQUENCE klantreis_global_index_seq AS BIGINT START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE domainevententry (
    globalindex         BIGINT       NOT NULL DEFAULT nextval('klantreis_global_index_seq'),
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domainevententry_pkey PRIMARY KEY (globalindex),
    CONSTRAINT domainevententry_aggregate_sequence UNIQUE (aggregateidentifier, sequencenumber),
    CONSTRAINT domainevententry_eventidentifier UNIQUE (eventidentifier)
);
ALTER SEQUENCE klantreis_global_index_seq OWNED BY domainevententry.globalindex;

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshotevententry_pkey PRIMARY KEY (aggregateidentifier, sequencenumber),
    CONSTRAINT snapshotevententry_eventidentifier UNIQUE (eventidentifier)
);

-- Tracking tokens of the projections (Axon's JDBC token store).
CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT tokenentry_pkey PRIMARY KEY (processorname, segment)
);

-- Idempotency of ingestion: (source, id) of every accepted CloudEvent, written in the same
-- transaction as the events it produced, so a resend is answered "duplicate" also after a restart.
CREATE TABLE ontvangen_bericht (
    bron         TEXT        NOT NULL,
    bericht_id   TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    ontvangen_op TIMESTAMPTZ NOT NULL,
    CONSTRAINT ontvangen_bericht_pkey PRIMARY KEY (bron, bericht_id)
);
