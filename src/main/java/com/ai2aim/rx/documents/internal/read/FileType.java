package com.ai2aim.rx.documents.internal.read;

import java.util.Arrays;
import java.util.Optional;

/** The file types accepted, recognised by their first bytes; what the client says the type is does not count. */
public enum FileType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}),
    JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    TIFF_LE("image/tiff", new byte[] {'I', 'I', 0x2a, 0x00}),
    TIFF_BE("image/tiff", new byte[] {'M', 'M', 0x00, 0x2a});

    private final String mediaType;
    private final byte[] magic;

    FileType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<FileType> sniff(byte[] content) {
        for (FileType type : values()) {
            if (content.length >= type.magic.length
                    && Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
