-- Axon's JDBC dead-letter queue: events a read model truly cannot handle are parked here, per
-- document (its sequence), instead of being skipped; later events of the same document wait
-- behind them. Counted in the metric klantreis_projectie_dode_brieven.
CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255)  NOT NULL,
    processinggroup      VARCHAR(255)  NOT NULL,
    sequenceidentifier   VARCHAR(255)  NOT NULL,
    sequenceindex        BIGINT        NOT NULL,
    messagetype          VARCHAR(255)  NOT NULL,
    eventidentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadtype          VARCHAR(255)  NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255)  NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_pkey PRIMARY KEY (deadletteridentifier),
    CONSTRAINT deadletterentry_sequenceindex UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_processinggroup ON deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence ON deadletterentry (processinggroup, sequenceidentifier);
