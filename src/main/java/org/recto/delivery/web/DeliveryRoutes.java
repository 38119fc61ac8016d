package org.recto.delivery.web;

import org.recto.web.DoiRoute;
import org.recto.web.DoiRoute.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery module's pages in the DOI path registry: each a form that posts back to its own path. */
@Configuration(proxyBeanMethods = false)
class DeliveryRoutes {

    @Bean
    DoiRoute kindleRoute(KindleSendPage page) {
        return DoiRoute.form(Scope.PAGE, "send/kindle", page::handle);
    }

    @Bean
    DoiRoute dropboxRoute(CloudSendPage page) {
        return DoiRoute.form(Scope.PAGE, "send/dropbox", page::dropbox);
    }

    @Bean
    DoiRoute googleDriveRoute(CloudSendPage page) {
        return DoiRoute.form(Scope.PAGE, "send/google-drive", page::googleDrive);
    }
}
