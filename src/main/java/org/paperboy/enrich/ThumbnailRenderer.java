package org.paperboy.enrich;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders a PDF's first page with Apache PDFBox to a small PNG, {@link #WIDTH} pixels wide. */
public final class ThumbnailRenderer {

    /** Twice the widest place a thumbnail is shown at (the paper page's side column), for sharp screens. */
    public static final int WIDTH = 480;
    /** Rendering DPI before scaling down: enough for WIDTH on a letter or A4 page. */
    static final float DPI = 72f;
    /** PDFs larger than this are not rendered (a thumbnail is not worth the memory). */
    public static final int MAX_PDF_BYTES = 40 * 1024 * 1024;

    private ThumbnailRenderer() {}

    /** @throws IOException when the bytes are not a PDF PDFBox can read, or the page cannot be drawn */
    public static byte[] render(byte[] pdf) throws IOException {
        if (pdf.length > MAX_PDF_BYTES) throw new IOException("PDF too large for a thumbnail: " + pdf.length + " bytes");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.getNumberOfPages() == 0) throw new IOException("the PDF has no pages");
            float widthPoints = doc.getPage(0).getMediaBox().getWidth();
            float dpi = widthPoints <= 0 ? DPI : WIDTH * 72f / widthPoints;
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
            return png(scale(page));
        }
    }

    private static BufferedImage scale(BufferedImage page) {
        if (page.getWidth() == WIDTH) return page;
        int height = Math.max(1, Math.round(page.getHeight() * (WIDTH / (float) page.getWidth())));
        BufferedImage out = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, 0, 0, WIDTH, height, null);
        g.dispose();
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
