package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.config.AddressRange;

class ClientAddressTest {

    static ClientAddress trusting(String... ranges) {
        return new ClientAddress(List.of(ranges).stream().map(r -> AddressRange.parse(r).orElseThrow()).toList());
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("198.51.100.9", trusting().of("198.51.100.9", "203.0.113.7"));
    }

    @Test
    void aTrustedProxyNamesTheClientAndForgedHopsLeftOfItAreIgnored() {
        ClientAddress c = trusting("10.0.0.0/8", "127.0.0.1");
        assertEquals("203.0.113.7", c.of("127.0.0.1", "203.0.113.7"));
        assertEquals("203.0.113.7", c.of("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2"), "rightmost untrusted hop");
        assertEquals("198.51.100.9", c.of("198.51.100.9", "203.0.113.7"), "an untrusted peer cannot claim another address");
        assertEquals("127.0.0.1", c.of("127.0.0.1", "unknown"), "a garbled header names nobody");
        assertEquals("127.0.0.1", c.of("127.0.0.1", null));
        assertEquals("10.0.0.3", c.of("127.0.0.1", "10.0.0.3, 10.0.0.2"), "only proxies: the leftmost");
    }

    @Test
    void ipv6PeersAndClients() {
        ClientAddress c = trusting("::1", "fd00::/8");
        assertEquals("2001:db8::5", c.of("[0:0:0:0:0:0:0:1]", "2001:db8::5, fd12::1"));
    }

    @Test
    void rangesAcceptOnlyLiterals() {
        AddressRange ten = AddressRange.parse("10.0.0.0/8").orElseThrow();
        assertTrue(ten.contains(AddressRange.literal("10.200.3.4").orElseThrow()));
        assertFalse(ten.contains(AddressRange.literal("11.0.0.1").orElseThrow()));
        assertFalse(ten.contains(AddressRange.literal("::1").orElseThrow()), "IPv4 ranges hold no IPv6 address");
        assertEquals("10.0.0.0/8", ten.toString());
        assertEquals(ten, AddressRange.parse(" 10.0.0.0/8 ").orElseThrow());
        assertEquals("0:0:0:0:0:0:0:1/128", AddressRange.parse("::1").orElseThrow().toString());
        for (String bad : List.of("300.1.1.1", "example.org", "localhost", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "")) {
            assertTrue(AddressRange.parse(bad).isEmpty(), bad);
        }
    }
}
