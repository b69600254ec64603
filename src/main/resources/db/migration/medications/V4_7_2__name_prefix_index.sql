-- Catalogue search by name prefix (MedicationRepository.searchByName): a range scan over the lower-cased names in
-- byte order, whatever the database's collation, instead of ranking every trigram candidate by similarity.
create index medications_name_pattern on medications (lower(name) text_pattern_ops) where is_active;
