package org.broadside.monitor;

import java.util.Map;

/**
 * The service's health: UP when every check that can take it down is UP.
 *
 * @param up     false when any check is DOWN
 * @param checks each check by name (routes, database, smtp, routeConfig), in that order
 */
public record HealthReport(boolean up, Map<String, Check> checks) {

    /**
     * One check: its status (UP, DOWN, or WARN for what needs an operator but keeps the service running) and what
     * it found, as simple values ready for JSON.
     */
    public record Check(String status, Map<String, Object> details) {
        static Check up(Map<String, Object> details) {
            return new Check("UP", details);
        }

        static Check down(Map<String, Object> details) {
            return new Check("DOWN", details);
        }

        public boolean isDown() {
            return "DOWN".equals(status);
        }
    }

    public String status() {
        return up ? "UP" : "DOWN";
    }
}
