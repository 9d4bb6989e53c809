package org.paperboy.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.ingest.PoliteHttp;

/**
 * Thumbnails against a local server that replays PDFs (made here with PDFBox), never the
 * internet: rendered to PNG, stored, served once; a missing or broken PDF is reported and not
 * asked for again; the polite client's pause applies between PDFs.
 */
class ThumbnailsTest {

    @TempDir
    Path tmp;
    HttpServer server;
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    static byte[] pdf(String title) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD), 24);
                s.newLineAtOffset(72, 700);
                s.showText(title);
                s.endText();
            }
            doc.addPage(new PDPage(PDRectangle.LETTER));
            doc.save(out);
            return out.toByteArray();
        }
    }

    @BeforeEach
    void start() throws IOException {
        Map<String, byte[]> pdfs = Map.of("2611.00001", pdf("Attention is all you need"),
                "2611.00003", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pdf/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/pdf/".length());
            asked.add(id);
            byte[] body = pdfs.get(id);
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Thumbnails thumbnails(ThumbnailStore store) {
        var policy = new PoliteHttp.Policy(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), 1, Duration.ZERO, Duration.ZERO);
        PoliteHttp http = new PoliteHttp(policy, pauses::add, Clock.systemUTC());
        return new Thumbnails(http, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pdf"), store);
    }

    @Test
    void rendersTheFirstPageOnceAndReportsMissingAndBrokenPdfs() throws Exception {
        ThumbnailStore store = new ThumbnailStore(tmp);
        Thumbnails t = thumbnails(store);
        Thumbnails.Pass pass = t.makeMissing(List.of("2611.00001", "2611.00002", "2611.00003"));
        assertEquals(new Thumbnails.Pass(1, 2, 0), pass);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(store.file("2611.00001"))));
        assertEquals(ThumbnailRenderer.WIDTH, png.getWidth());
        assertEquals(Math.round(ThumbnailRenderer.WIDTH * 11 / 8.5), png.getHeight(), 2, "a letter page's proportions");
        assertTrue(darkPixels(png) > 100, "the title's text was drawn");
        assertTrue(pauses.stream().anyMatch(d -> d.toMillis() > 2000), "the polite pause between two PDFs: " + pauses);

        assertEquals(new Thumbnails.Pass(0, 0, 3), t.makeMissing(List.of("2611.00001", "2611.00002", "2611.00003")));
        assertEquals(List.of("2611.00001", "2611.00002", "2611.00003"), asked, "nothing asked twice");
    }

    @Test
    void notAPdfIsAnIoError() {
        assertThrows(IOException.class, () -> ThumbnailRenderer.render("%PDF-1.4 broken".getBytes(StandardCharsets.US_ASCII)));
    }

    static int darkPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xff) < 100) n++;
            }
        }
        return n;
    }
}
