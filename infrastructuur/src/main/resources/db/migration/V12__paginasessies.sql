-- The pages' web sessions, shared by every node, so a login holds on whichever node a request lands
-- and survives the loss of a node (ADR 0027). Nothing here is readable without the browser's cookie:
-- the row's key is a hash of the session id, and the data is encrypted with a key derived from it.
CREATE TABLE paginasessie (
    sleutel                BYTEA       NOT NULL PRIMARY KEY,
    gegevens               BYTEA       NOT NULL,
    aangemaakt             TIMESTAMPTZ NOT NULL,
    laatst_gebruikt        TIMESTAMPTZ NOT NULL,
    max_inactief_seconden  INTEGER     NOT NULL,
    verloopt               TIMESTAMPTZ NOT NULL
);

-- Expired sessions are deleted in bulk by any node.
CREATE INDEX paginasessie_verloopt ON paginasessie (verloopt);
