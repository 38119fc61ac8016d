package org.recto.article.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.recto.article.ArticleFile;
import org.recto.article.ArticleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Browsers do not show TIFF: a PNG of it, at most {@link ArticleFiles#WEB_WIDTH} px wide (JDK ImageIO reads TIFF). */
@Component
class WebRenditions {

    private static final Logger log = LoggerFactory.getLogger(WebRenditions.class);

    Optional<byte[]> webPng(ArticleFile file) {
        if (!"image/tiff".equals(file.mediaType())) {
            return Optional.empty();
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
            if (image == null) {
                return Optional.empty();
            }
            BufferedImage web = scaled(image);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(web, "png", out);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            // An unreadable TIFF is still stored and linked as the original; the page then says no image shows.
            log.warn("No web rendition of {}: {}", file.name(), e.toString());
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        int width = Math.min(image.getWidth(), ArticleFiles.WEB_WIDTH);
        int height = Math.max(1, (int) Math.round(image.getHeight() * (double) width / image.getWidth()));
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
