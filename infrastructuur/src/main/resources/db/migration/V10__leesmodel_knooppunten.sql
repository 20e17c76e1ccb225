-- The nodes that run read-model processors, each refreshing its row every few seconds
-- (Segmentverdeling, ADR 0022): how many there are decides each node's share of a processor's
-- segments. A node with no segment shows nowhere else (Axon's token claims show only owners), so a
-- node that joins could otherwise never get a share. A row not refreshed for a while is a node gone.
CREATE TABLE leesmodel_knooppunt (
    knooppunt TEXT        NOT NULL PRIMARY KEY,
    gezien    TIMESTAMPTZ NOT NULL
);
