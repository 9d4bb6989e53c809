package org.paperboy.web;

import java.util.List;
import java.util.Optional;
import org.paperboy.config.AddressRange;

/**
 * Who is asking, for rate limits and logs: the direct peer, or, when the peer is one of the
 * operator's reverse proxies, the client that proxy names in X-Forwarded-For. The header is read
 * from the right, past further trusted proxies, because anything left of them came from the client
 * and may be forged.
 */
public final class ClientAddress {
    private final List<AddressRange> trustedProxies;

    public ClientAddress(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(peer)) return peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            Optional<byte[]> address = AddressRange.literal(hop);
            if (address.isEmpty()) return peer; // a garbled header names nobody
            if (!trusted(address.get())) return hop;
        }
        return hops[0].strip();
    }

    private boolean trusted(String address) {
        return AddressRange.literal(address).map(this::trusted).orElse(false);
    }

    private boolean trusted(byte[] address) {
        return trustedProxies.stream().anyMatch(r -> r.contains(address));
    }
}
