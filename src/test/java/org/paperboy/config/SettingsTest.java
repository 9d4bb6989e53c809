package org.paperboy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paperboy.index.EmbeddingModel;

class SettingsTest {

    @Test
    void defaultsGiveSqliteUnderTheDataDirectory() {
        Settings s = Settings.defaults();
        assertEquals(8080, s.port());
        assertTrue(s.dbUrl().startsWith("jdbc:sqlite:") && s.dbUrl().endsWith("/data/paperboy.db"), s.dbUrl());
        assertFalse(s.isPostgres());
        assertEquals(List.of("cs.AI", "cs.CL", "cs.CV", "cs.LG"), s.harvestCategories());
        assertEquals(Duration.ofHours(24), s.harvestInterval());
        assertEquals("http://localhost:8080", s.baseUrl().toString());
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Settings s = Settings.load(Map.of("port", "9000"), Map.of("PAPERBOY_PORT", "7000", "PAPERBOY_DATA", "/srv/pb",
                "PAPERBOY_HARVEST_CATEGORIES", "cs.CL,math.AG", "PAPERBOY_HARVEST_INTERVAL", "off"));
        assertEquals(9000, s.port());
        assertEquals("jdbc:sqlite:/srv/pb/paperboy.db", s.dbUrl());
        assertEquals(List.of("cs.CL", "math.AG"), s.harvestCategories());
        assertNull(s.harvestInterval());
        assertFalse(s.harvestEnabled());
    }

    @Test
    void postgresUrlIsTakenAndThePasswordNeverPrinted() {
        Settings s = Settings.load(Map.of("db", "jdbc:postgresql://db/paperboy", "db-password", "hunter2",
                "smtp-password", "s3cret"), Map.of());
        assertTrue(s.isPostgres());
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertFalse(s.toString().contains("s3cret"), s.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port|80800|--port",
        "port|http|--port",
        "db|mysql://x|--db",
        "harvest-interval|soon|--harvest-interval",
        "harvest-interval|0s|--harvest-interval",
        "harvest-categories|cs.CL;DROP|--harvest-categories",
        "oai-endpoint|ftp://x|--oai-endpoint",
        "time-zone|Mars/Olympus|--time-zone",
        "smtp-security|ssl3|--smtp-security",
        "mail-from|nobody|--mail-from",
        "trusted-proxies|proxy.local|--trusted-proxies",
    })
    void badValuesStopWithAMessageNamingTheSetting(String name, String value, String flag) {
        var e = assertThrows(ConfigException.class, () -> Settings.load(Map.of(name, value), Map.of()));
        assertTrue(e.getMessage().startsWith(flag), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "30s, 30000", "5m, 300000", "6h, 21600000", "1d, 86400000", "PT2H, 7200000"})
    void durationsInShortOrIsoForm(String text, long millis) {
        assertEquals(millis, Settings.parseDuration("x", text).toMillis());
    }

    @Test
    void theEmbeddingModelsSettingsAcceptAreTheOnesTheIndexKnows() {
        // config stays below index in the package order, so it keeps its own list; this keeps the two equal
        assertEquals(Arrays.stream(EmbeddingModel.values()).map(m -> m.id).toList(), Settings.EMBEDDING_MODELS);
    }

    @Test
    void everySettingHasAFlagAndAnEnvironmentVariable() {
        for (Setting s : Settings.ALL) {
            assertTrue(s.flag().startsWith("--") && s.envVar().startsWith("PAPERBOY_"), s.toString());
            assertFalse(s.description().isBlank(), s.name());
        }
    }
}
