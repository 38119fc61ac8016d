/**
 * Usage statistics as COUNTER Release 5.1 counts them: every landing-page view, full-text view and
 * download becomes an event (written asynchronously, in batches); robots and double-clicks are filtered;
 * a daily roll-up turns events into counts per item, institution, metric and access type; the landing
 * page shows them ({@link org.recto.usage.UsageFigures}, {@code usage/panel.jte}) and librarians harvest
 * them as standard reports through the SUSHI 5.1 API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage statistics (COUNTER R5.1, SUSHI)")
package org.recto.usage;
