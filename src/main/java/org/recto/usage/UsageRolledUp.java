package org.recto.usage;

import java.time.Instant;

/** The daily roll-up has run: every article's figures may have changed. Published by the usage module. */
public record UsageRolledUp(Instant at) {
}
