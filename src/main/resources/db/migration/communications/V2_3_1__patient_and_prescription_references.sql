-- The patients and prescriptions tables were built alongside this module; now that both exist, the references
-- a communication holds are real foreign keys.
alter table communications add constraint communications_patient_fk foreign key (patient_id) references patients (id);
alter table communications add constraint communications_prescription_fk foreign key (prescription_id) references prescriptions (id);
