-- The bytes of evidence files, for a database on a server (issue 15). Several machines share
-- one database there but not one data folder, so a file attached on one machine must open on
-- another: on a server the store keeps each file's bytes here, by their SHA-256, beside the
-- copy in the data folder, and a machine without the copy fetches it from here (checked
-- against the hash, then kept in its own folder). A SQLite database keeps its files in the
-- data folder alone and leaves this table empty; it is here so that both schemas stay one.
CREATE TABLE evidence_blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    bytes  BLOB NOT NULL
) STRICT;
