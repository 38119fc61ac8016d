package org.recto.usage.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the institution whose configured IP ranges (CIDR, IPv4 or IPv6) hold a client address. Only address
 * literals are parsed: a host name is never looked up, so hostile input cannot trigger DNS.
 */
public final class InstitutionMatcher {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private record Range(byte[] network, int prefix, String customerId) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    public InstitutionMatcher(List<UsageProperties.Institution> institutions) {
        List<Range> list = new ArrayList<>();
        for (UsageProperties.Institution inst : institutions) {
            for (String cidr : inst.ipRanges()) {
                list.add(parseRange(cidr.strip(), inst.customerId()));
            }
        }
        this.ranges = List.copyOf(list);
    }

    private static Range parseRange(String cidr, String customerId) {
        int slash = cidr.indexOf('/');
        String addr = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] bytes = parseLiteral(addr).orElseThrow(() -> new IllegalArgumentException(
                "recto.usage.institutions[" + customerId + "]: not an IP range: " + cidr));
        int max = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("recto.usage.institutions[" + customerId + "]: bad prefix length in " + cidr);
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("recto.usage.institutions[" + customerId + "]: prefix length out of range in " + cidr);
        }
        return new Range(bytes, prefix, customerId);
    }

    /** The address bytes of an IPv4 or IPv6 literal (an IPv4-mapped IPv6 address comes back as IPv4). */
    static Optional<byte[]> parseLiteral(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = IPV4.matcher(t).matches();
        if (!v4 && !(t.indexOf(':') >= 0 && IPV6.matcher(t).matches())) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // Safe: the string is a literal (checked above), so getByName does not resolve anything.
            return Optional.of(InetAddress.getByName(t).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The customer id of the first institution whose range holds the address, or "" for none. */
    public String match(String clientIp) {
        if (ranges.isEmpty()) {
            return "";
        }
        Optional<byte[]> addr = parseLiteral(clientIp);
        if (addr.isEmpty()) {
            return "";
        }
        for (Range r : ranges) {
            if (r.contains(addr.get())) {
                return r.customerId();
            }
        }
        return "";
    }
}
