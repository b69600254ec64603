package com.ai2aim.rx.documents.internal.extract;

/**
 * The text of a whole document and how sure the reader was of it: 1.0 for a PDF text layer, Tesseract's mean word
 * confidence (0–1) for OCR. {@code source} is {@code text_layer}, {@code ocr} or {@code mixed}.
 */
public record DocumentText(String text, double readConfidence, String source, int pages) {}
