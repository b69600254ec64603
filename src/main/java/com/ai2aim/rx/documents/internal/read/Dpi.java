package com.ai2aim.rx.documents.internal.read;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

/** An image's resolution from its standard metadata (pixel size in mm), or 300 dpi when it does not say. */
final class Dpi {

    private static final int DEFAULT = 300;

    private Dpi() {}

    static int of(ImageReader reader, int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return DEFAULT;
            }
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() == 0) {
                return DEFAULT;
            }
            double mmPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
            int dpi = (int) Math.round(25.4 / mmPerPixel);
            return dpi >= 70 && dpi <= 1200 ? dpi : DEFAULT;
        } catch (RuntimeException | java.io.IOException e) {
            return DEFAULT;
        }
    }
}
