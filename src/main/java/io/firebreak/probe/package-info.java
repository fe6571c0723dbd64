/**
 * Health checks: HTTP(S) and TCP probes of a service's endpoints on an interval, their bounded
 * result history, and the alerts they raise through the alert module after N consecutive
 * failures (resolved after M consecutive successes). Each due check is claimed with a conditional
 * update of its next run time, so when several instances share one database each run happens once.
 * <p>
 * Does not own alerts (alert) or services (catalog).
 */
package io.firebreak.probe;
