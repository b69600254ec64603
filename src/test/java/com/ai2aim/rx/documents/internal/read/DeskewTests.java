package com.ai2aim.rx.documents.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskewTests {

    /** Twenty lines of text and a five-column table on a page at 150 dpi, drawn turned by {@code degrees}. */
    static BufferedImage page(double degrees) {
        BufferedImage page = new BufferedImage(1275, 1650, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        for (int i = 0; i < 20; i++) {
            int y = 150 + i * 45;
            g.drawString("Potassium", 110, y);
            g.drawString("4." + i, 480, y);
            g.drawString("mmol/L", 640, y);
            g.drawString("3.5-5.1", 820, y);
            g.drawString(i % 3 == 0 ? "H" : "", 1100, y);
        }
        g.dispose();
        return page;
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.6, -2.1, -0.7, 0, 0.4, 1.3, 2.95})
    void findsTheAngleAPageWasTurnedBy(double degrees) {
        assertThat(Deskew.skewDegrees(page(degrees))).isCloseTo(degrees, within(0.15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, 1.8})
    void aStraightenedPageMeasuresLevel(double degrees) {
        assertThat(Deskew.skewDegrees(Deskew.straighten(page(degrees)))).isCloseTo(0, within(0.15));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 255})
    void aBlankPageIsLeftAsItIs(int shade) {
        BufferedImage blank = new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank.createGraphics();
        g.setColor(new Color(shade, shade, shade));
        g.fillRect(0, 0, 800, 1000);
        g.dispose();
        assertThat(Deskew.straighten(blank)).isSameAs(blank);
    }
}
