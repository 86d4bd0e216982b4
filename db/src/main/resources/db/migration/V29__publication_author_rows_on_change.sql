-- publication_author (V28) is rewritten only when the reported list changes. Every user-office import reports each
-- proposal's publications again, and Publications.reported updates the row whenever the report names authors, so
-- V28's trigger deleted and re-inserted the same author rows at every import (dead rows, WAL, index churn for nothing).
DROP TRIGGER publication_author_rows ON publication;

CREATE TRIGGER publication_author_rows_inserted AFTER INSERT ON publication
    FOR EACH ROW EXECUTE FUNCTION publication_author_rows();

CREATE TRIGGER publication_author_rows_changed AFTER UPDATE OF authors ON publication
    FOR EACH ROW WHEN (OLD.authors IS DISTINCT FROM NEW.authors) EXECUTE FUNCTION publication_author_rows();
