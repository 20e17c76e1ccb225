-- A klantcontact belongs to one klant. The table records, per klantcontactId, the klant (pseudonym,
-- or the anonymous klant derived from the contact) it was first registered for, in the ingestion
-- transaction; a message that registers the same klantcontactId for another klant is rejected
-- rather than counted twice (ADR 0005). Filled from the contacts already stored.
CREATE TABLE klantcontact_klant (
    klantcontact_id UUID PRIMARY KEY,
    klant_id        TEXT NOT NULL
);

INSERT INTO klantcontact_klant (klantcontact_id, klant_id)
SELECT DISTINCT ON (klantcontact_id) klantcontact_id, aggregateidentifier
FROM (SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'klantcontactId')::uuid AS klantcontact_id,
             aggregateidentifier, globalindex
      FROM domainevententry
      WHERE payloadtype = 'nl.klantreis.domein.klant.KlantcontactGeregistreerd') contacten
ORDER BY klantcontact_id, globalindex
ON CONFLICT DO NOTHING;
