package org.recto.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A double issue {@code 3/4} is one path segment, {@code /issues/12/3%2F4}. Tomcat refuses an encoded
 * slash with a bare 400 by default; passed through, Spring's path matching splits the raw path at real
 * slashes and decodes each segment, so {@code {issue}} reads {@code 3/4}. The firewall
 * ({@link SecurityConfiguration#httpFirewall()}) lets it through for the same reason.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EncodedPathConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesPassThrough() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
