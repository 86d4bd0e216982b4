-- Transactional outbox for the search index. Every change that alters what a dataset's search document holds is
-- recorded here by a trigger, in the same transaction as the change itself: whatever writes the data (ingest,
-- release job, plain SQL by an operator), the index learns of it. The indexer (catalogue-api, package search)
-- claims rows with FOR UPDATE SKIP LOCKED, so any number of server instances can drain it, and deletes a row
-- only after the search engine accepted the document: a crash or a search outage leaves the rows for later.

CREATE TABLE search_outbox (
    id          BIGSERIAL PRIMARY KEY,
    dataset_id  BIGINT NOT NULL,                 -- no FK: a deleted dataset must still be removed from the index
    queued_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX search_outbox_due_idx ON search_outbox(not_before, id);

CREATE FUNCTION search_outbox_dataset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO search_outbox(dataset_id) VALUES (OLD.id);
        RETURN OLD;
    END IF;
    INSERT INTO search_outbox(dataset_id) VALUES (NEW.id);
    RETURN NEW;
END $$;

CREATE FUNCTION search_outbox_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO search_outbox(dataset_id) VALUES (OLD.dataset_id);
        RETURN OLD;
    END IF;
    INSERT INTO search_outbox(dataset_id) VALUES (NEW.dataset_id);
    RETURN NEW;
END $$;

-- Reference rows embedded in dataset documents: a rename reaches every dataset that shows it.
CREATE FUNCTION search_outbox_reference() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('INSERT INTO search_outbox(dataset_id) SELECT d.id FROM dataset d WHERE d.%I = $1', TG_ARGV[0])
        USING NEW.id;
    RETURN NEW;
END $$;

CREATE FUNCTION search_outbox_technique() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox(dataset_id) SELECT dataset_id FROM dataset_technique WHERE technique_id = NEW.id;
    RETURN NEW;
END $$;

CREATE FUNCTION search_outbox_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.pid IS DISTINCT FROM OLD.pid THEN
        INSERT INTO search_outbox(dataset_id) SELECT id FROM dataset WHERE proposal_id = NEW.id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER dataset_outbox AFTER INSERT OR UPDATE OR DELETE ON dataset
    FOR EACH ROW EXECUTE FUNCTION search_outbox_dataset();
CREATE TRIGGER parameter_outbox AFTER INSERT OR UPDATE OR DELETE ON parameter
    FOR EACH ROW EXECUTE FUNCTION search_outbox_child();
CREATE TRIGGER dataset_technique_outbox AFTER INSERT OR UPDATE OR DELETE ON dataset_technique
    FOR EACH ROW EXECUTE FUNCTION search_outbox_child();
CREATE TRIGGER instrument_outbox AFTER UPDATE ON instrument
    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION search_outbox_reference('instrument_id');
CREATE TRIGGER sample_outbox AFTER UPDATE ON sample
    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.chemical_formula IS DISTINCT FROM OLD.chemical_formula)
    EXECUTE FUNCTION search_outbox_reference('sample_id');
CREATE TRIGGER technique_outbox AFTER UPDATE ON technique
    FOR EACH ROW WHEN (NEW.label IS DISTINCT FROM OLD.label OR NEW.iri IS DISTINCT FROM OLD.iri)
    EXECUTE FUNCTION search_outbox_technique();
CREATE TRIGGER proposal_outbox AFTER UPDATE ON proposal
    FOR EACH ROW EXECUTE FUNCTION search_outbox_proposal();
