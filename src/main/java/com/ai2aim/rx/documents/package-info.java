/**
 * Documents: uploaded lab results, referrals, letters and paper prescriptions (PDF, PNG, JPEG, TIFF), the text read
 * from them (PDF text layer, else Tesseract OCR) and the structured data extracted from that text, served at
 * {@code /api/documents} and by the {@code document-extract} function. Owns the {@code documents} and
 * {@code document_contents} tables, whose row-level security keeps a document to its organisation's staff and the
 * patient it is linked to. Links a document to a patient through the patients module's API, and publishes
 * {@link com.ai2aim.rx.documents.DocumentNeedsReview} when an extraction needs a person to check it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "patients", "identity", "functions"})
package com.ai2aim.rx.documents;
