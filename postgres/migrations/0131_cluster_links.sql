-- The phrase graph as a log, as in sqlite migration 108: cluster_forms
-- was keyed by a hash of the form, so each step's new forms went to
-- random places in an index that grows with the store. Rows are appended
-- in seq order; a form's link is its last row, and a row without a
-- parent removes the form. The table is rewritten from the live graph
-- when it was made by another trail.Version, or when it holds more than
-- twice the live forms (compactLinks).
CREATE TABLE cluster_links (
	seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	form bytea NOT NULL,
	parent bytea,
	sim double precision NOT NULL DEFAULT 0
);
INSERT INTO cluster_links (form, parent, sim) SELECT form, parent, sim FROM cluster_forms ORDER BY form;
DROP TABLE cluster_forms;
