package org.paperboy.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IP address or CIDR range ("10.0.0.0/8", "::1"). Only literals are accepted: a host name
 * would mean a DNS lookup per request.
 */
public record AddressRange(byte[] network, int prefixBits) {

    /** Parses "ADDRESS" or "ADDRESS/BITS"; empty when it is not an IPv4 or IPv6 literal. */
    public static Optional<AddressRange> parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        Optional<byte[]> address = literal(slash < 0 ? s : s.substring(0, slash));
        if (address.isEmpty()) return Optional.empty();
        int max = address.get().length * 8;
        if (slash < 0) return Optional.of(new AddressRange(address.get(), max));
        String bits = s.substring(slash + 1);
        if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) return Optional.empty();
        return Optional.of(new AddressRange(address.get(), Integer.parseInt(bits)));
    }

    /** The bytes of an IPv4 or IPv6 literal (brackets allowed), without any name lookup. */
    public static Optional<byte[]> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return ipv4(s);
        // with a colon InetAddress parses an IPv6 literal and never asks DNS
        if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> ipv4(String s) {
        String[] parts = s.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int n = Integer.parseInt(parts[i]);
            if (n > 255) return Optional.empty();
            b[i] = (byte) n;
        }
        return Optional.of(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && r.prefixBits == prefixBits && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixBits;
    }

    /** CIDR notation, as the setting is written. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a length other than 4 or 16, which parse never makes
        }
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) return false;
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
        }
        return true;
    }
}
