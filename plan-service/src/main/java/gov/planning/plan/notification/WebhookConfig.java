package gov.planning.plan.notification;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * {@code planning.webhooks."<orgCode>".url}: the IM robot (企业微信 / 钉钉 group robot) an organization's reminders are
 * also posted to, set per environment (the code has dots, so it is quoted in properties files).
 */
@ConfigMapping(prefix = "planning.webhooks")
public interface WebhookConfig {

    @WithParentName
    Map<String, Hook> orgs();

    interface Hook {
        String url();
    }

    default String urlOf(String orgCode) {
        Hook hook = orgCode == null ? null : orgs().get(orgCode);
        return hook == null ? null : hook.url();
    }
}
