-- Four-eyes compares persons, not token names (keep in step with ../postgresql/V3__persons_and_retroactive.sql).
-- Independent of V2 (written on another branch at the same time): Flyway runs with outOfOrder, so
-- a store already at V3 still gets V2 later.
--
-- Existing tokens and change requests get the default person: the name, lower-cased. Names were
-- restricted to ASCII letters, digits and . _ @ -, so lower() is exactly the store's normalisation
-- (org.caveat.store.Persons) for them.

ALTER TABLE access_token ADD COLUMN person TEXT NOT NULL DEFAULT '';
UPDATE access_token SET person = lower(trim(name));
CREATE INDEX access_token_person ON access_token (person);

ALTER TABLE change_request ADD COLUMN author_person TEXT NOT NULL DEFAULT '';
UPDATE change_request SET author_person = lower(trim(author));

-- Why a version dated before the grant's published history was accepted (null: it was not retroactive).
ALTER TABLE change_request ADD COLUMN retroactive_reason TEXT;

ALTER TABLE change_request_step ADD COLUMN person TEXT NOT NULL DEFAULT '';
UPDATE change_request_step SET person = lower(trim(principal));

-- Looking up the other requests for one grant and date (at most one may be approved or published).
CREATE INDEX change_request_grant_date ON change_request (grant_name, in_force);
