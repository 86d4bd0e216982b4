-- Parameters and technique links arrive many rows to a statement (ingest writes them as multi-row INSERTs). A row
-- trigger queued one outbox row per parameter, about sixteen per dataset, each indexed-and-deleted by the indexer;
-- statement triggers with transition tables queue each touched dataset once per statement. Same guarantee: the
-- outbox rows are written in the transaction that changes the data, whoever writes it.

DROP TRIGGER parameter_outbox ON parameter;
DROP TRIGGER dataset_technique_outbox ON dataset_technique;

CREATE FUNCTION search_outbox_children_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox(dataset_id) SELECT DISTINCT dataset_id FROM new_rows;
    RETURN NULL;
END $$;

CREATE FUNCTION search_outbox_children_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox(dataset_id) SELECT DISTINCT dataset_id FROM old_rows;
    RETURN NULL;
END $$;

-- an UPDATE may move a row to another dataset: both the old and the new one are queued
CREATE FUNCTION search_outbox_children_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox(dataset_id)
        SELECT dataset_id FROM new_rows UNION SELECT dataset_id FROM old_rows;
    RETURN NULL;
END $$;

CREATE TRIGGER parameter_outbox_insert AFTER INSERT ON parameter
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_new();
CREATE TRIGGER parameter_outbox_update AFTER UPDATE ON parameter
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_moved();
CREATE TRIGGER parameter_outbox_delete AFTER DELETE ON parameter
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_old();

CREATE TRIGGER dataset_technique_outbox_insert AFTER INSERT ON dataset_technique
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_new();
CREATE TRIGGER dataset_technique_outbox_update AFTER UPDATE ON dataset_technique
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_moved();
CREATE TRIGGER dataset_technique_outbox_delete AFTER DELETE ON dataset_technique
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_old();
