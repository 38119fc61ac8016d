/**
 * The one web edge: the registry that every module contributes its routes under an article's DOI to
 * ({@link org.recto.web.DoiRoute}), and the security filter chain, the only place that decides who may
 * call what. Depends on no feature module, so that every module can contribute to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web edge")
package org.recto.web;
