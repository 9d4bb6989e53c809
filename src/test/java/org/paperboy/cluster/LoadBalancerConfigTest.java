package org.paperboy.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster test's HAProxy configuration is deploy/haproxy.cfg with loopback addresses, checks and all (no haproxy needed). */
class LoadBalancerConfigTest {
    @Test
    void theDeployedConfigurationWithLoopbackServersAfterTheBackendsChecks() throws Exception {
        String cfg = LoadBalancer.config(Files.readString(LoadBalancer.DEPLOYED_CONFIG), 18080, List.of(18081, 18082, 18083));
        assertTrue(cfg.contains("    bind 127.0.0.1:18080\n"));
        assertFalse(cfg.contains("bind :80"));
        assertFalse(cfg.contains("10.0.0.1"), "the example servers are gone");
        assertFalse(cfg.contains("frontend stats"), "no second fixed port");
        int backend = cfg.indexOf("\nbackend paperboy_nodes");
        int check = cfg.indexOf("option httpchk GET /readyz");
        int server = cfg.indexOf("    server node1 127.0.0.1:18081 check");
        assertTrue(backend > 0 && check > backend && server > check, cfg);
        assertTrue(cfg.contains("    server node3 127.0.0.1:18083 check\n"));
        assertTrue(cfg.indexOf("default_backend paperboy_nodes") < backend, "servers are not put into the frontend");
    }
}
