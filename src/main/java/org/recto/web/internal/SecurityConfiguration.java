package org.recto.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.recto.admin.AdminToken;
import org.recto.web.JsonResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one place that decides who may call what. Reader's pages, SUSHI (which checks its own COUNTER
 * API keys) and the public API are open; importing and the admin API need the admin bearer token.
 * CSRF protection stands for browser form posts; the bearer-token API carries no cookies, so it is exempt.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * A second line of defence behind the sanitiser: pages may only run the site's own scripts and
     * styles, so even content that slipped through could not execute. A route may set a stricter one.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'self'";

    private static final String ADMIN = "ADMIN";

    /**
     * The send-to pages under a DOI ({@code /doi/{doi}/send/kindle}) carry a form with a CSRF token and keep the
     * reader's choices in a session, so they take the full chain, not the reader's-pages one.
     */
    private static final String SEND_PAGES = "/send/";

    /**
     * DOIs of the SICI era hold semicolons ({@code 10.1002/(SICI)…3.0.CO;2-K}), and DOIs may hold {@code %};
     * the site's links encode both ({@code %3B}, {@code %25}), as they encode the slash of an issue
     * {@code 3/4} within its segment ({@code %2F}), and the default firewall refuses all three. They are safe
     * here because every path is decoded once: the DOI registry decodes the raw URI itself, Spring's path
     * matching decodes each segment after splitting at the real slashes, and the authorisation rules
     * match the servlet path, from which Tomcat strips path parameters and in which {@code %2F} stays
     * encoded, so {@code /api/v1%2Fadmin} is neither the admin API nor routed to it.
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowSemicolon(true);
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    /**
     * The reader's pages under {@code /doi/}, read-only and open to all: a chain of the filters they need
     * (the security headers, permit-all authorisation) and none of those for sign-ins, sessions and forms,
     * since these are the requests served thousands of times a second.
     */
    @Bean
    @Order(1)
    SecurityFilterChain readerPages(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                        && path(request).startsWith("/doi/") && !path(request).contains(SEND_PAGES))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()) // GET and HEAD change nothing, so there is nothing to forge
                .anonymous(anonymous -> anonymous.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable());
        return headers(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AdminToken token, JsonResponses json) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/articles").hasRole(ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .anyRequest().permitAll())
                .addFilterBefore(new BearerTokenFilter(token), AnonymousAuthenticationFilter.class)
                // An anonymous caller of the admin API gets 401; a form post without its CSRF token, 403.
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> unauthorised(json, request, response)))
                // OAI-PMH harvesters POST forms without cookies, and a harvest changes nothing.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/oai").csrfTokenRequestHandler(new MalformedCsrfTokenRefused()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable());
        return headers(http).build();
    }

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                // Pages say themselves how they may be cached (prepared pages: no-cache, with an ETag).
                .cacheControl(c -> c.disable())
                .frameOptions(f -> f.sameOrigin())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    /** The answers the admin endpoints gave before the filter chain checked for them. */
    private static void unauthorised(JsonResponses json, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean importing = "POST".equals(request.getMethod()) && "/api/v1/articles".equals(path(request));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"recto-admin\"");
        json.problem(request, response, 401, importing ? "Not authorised" : "Unauthorized", importing
                ? "Importing articles needs the header 'Authorization: Bearer <admin token>' with the token configured as RECTO_ADMIN_TOKEN."
                : "This needs the admin token: Authorization: Bearer <recto.admin-token>");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * Spring's masked CSRF tokens, except that a forged token which does not decode as UTF-8 is refused as a wrong
     * token (403), where Spring would let the decoding error through as a 500.
     */
    private static final class MalformedCsrfTokenRefused implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            try {
                return masked.resolveCsrfTokenValue(request, token);
            } catch (IllegalArgumentException undecodable) {
                return null;
            }
        }
    }

    /** Authenticates a request that carries the configured admin token; any other request stays anonymous. */
    private static final class BearerTokenFilter extends OncePerRequestFilter {

        private final AdminToken token;

        BearerTokenFilter(AdminToken token) {
            this.token = token;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && token.accepts(header)) {
                var admin = UsernamePasswordAuthenticationToken.authenticated("admin", null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + ADMIN)));
                SecurityContextHolder.setContext(new SecurityContextImpl(admin));
            }
            chain.doFilter(request, response);
        }
    }
}
