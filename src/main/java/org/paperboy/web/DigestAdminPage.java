package org.paperboy.web;

import java.util.List;
import java.util.Map;

/** /admin/digest (digest-admin.jte): subscribers, recent digests and mail delivery over time. */
public record DigestAdminPage(Meta meta, Map<String, Integer> subscribers, List<Run> runs, DigestDeliveryChart chart) {
    public record Run(String key, int papers, boolean composed, Map<String, Integer> outbox) {}
}
