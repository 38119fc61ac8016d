/**
 * Attention: mentions of articles in news, blogs, policy, patents, Wikipedia, peer review and social media come in
 * as events (the admin API, {@code recto.jar mentions-import}), deduplicated by source and id, and are weighed into
 * an attention score whose weights live in configuration and are shown on a public page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attention (mentions and score)")
package org.recto.attention;
