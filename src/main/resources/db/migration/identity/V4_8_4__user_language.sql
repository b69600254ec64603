-- The language a user's messages are sent in (es, es-MX): notifications pick the template in that locale, else in its
-- language, else the default, as they do for a patient's communicationPreferences.language. Null: the defaults.
alter table users add column language text check (language ~ '^[a-z]{2}(-[A-Z]{2})?$');
