-- A plan being imported (importPlanDocument) exists while its indicators are created in indicator-service, so that
-- indicator-service has a plan id to refer to; until the import finishes it is hidden from every read and the
-- document number stays reserved (plan_doc_number_unique) against a second import of the same document.
ALTER TABLE plan ADD COLUMN importing boolean NOT NULL DEFAULT false;
