package org.recto.usage.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A named lease in the {@code usage_job_lock} table, so that of several nodes sharing one database only one
 * runs a job at a time. Taking it is a single conditional UPDATE, atomic on H2 and PostgreSQL alike. A node
 * that dies holding it blocks the job until the lease runs out; the holder renews it while it works.
 */
public class JobLock {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String name;
    private final Duration lease;

    public JobLock(DataSource dataSource, Clock clock, String name, Duration lease) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.name = name;
        this.lease = lease;
    }

    public boolean tryAcquire(String owner) {
        long now = clock.millis();
        return jdbc.sql("""
                        UPDATE usage_job_lock SET owner = :owner, lease_until_ms = :until
                        WHERE name = :name AND (owner IS NULL OR owner = :owner OR lease_until_ms < :now)""")
                .param("owner", owner).param("until", now + lease.toMillis()).param("name", name).param("now", now)
                .update() == 1;
    }

    /** Extends the lease; false if another node has taken it meanwhile (this node must stop). */
    public boolean renew(String owner) {
        return jdbc.sql("UPDATE usage_job_lock SET lease_until_ms = :until WHERE name = :name AND owner = :owner")
                .param("until", clock.millis() + lease.toMillis()).param("name", name).param("owner", owner)
                .update() == 1;
    }

    public void release(String owner) {
        jdbc.sql("UPDATE usage_job_lock SET owner = NULL, lease_until_ms = 0 WHERE name = :name AND owner = :owner")
                .param("name", name).param("owner", owner).update();
    }

    /** Who holds the lease now, if anyone. */
    public Optional<String> holder() {
        return jdbc.sql("SELECT owner FROM usage_job_lock WHERE name = :name AND owner IS NOT NULL AND lease_until_ms >= :now")
                .param("name", name).param("now", clock.millis()).query(String.class).optional();
    }

    public Duration lease() {
        return lease;
    }
}
