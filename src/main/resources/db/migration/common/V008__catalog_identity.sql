-- Which database this is: a random id written once at first start. Derived data (the search index)
-- records it, so that an index built from another database is not taken for this one's.
CREATE TABLE catalog_identity (
    name VARCHAR(16) PRIMARY KEY,
    id   VARCHAR(36) NOT NULL
);
