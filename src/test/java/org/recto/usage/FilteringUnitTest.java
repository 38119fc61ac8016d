package org.recto.usage;

import org.recto.support.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.usage.internal.InstitutionMatcher;
import org.recto.usage.internal.RobotFilter;
import org.recto.usage.internal.UsageProperties;

class FilteringUnitTest {

    @Test
    void theCounterRobotsListLoadsFromTheSharedCopy() {
        RobotFilter robots = RobotFilter.load(SharedData.robotsList());
        assertThat(robots.size()).isEqualTo(327);
        assertThat(robots.isRobot("Googlebot/2.1 (+http://www.google.com/bot.html)")).isTrue();
        assertThat(robots.isRobot("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")).isTrue();
        assertThat(robots.isRobot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36")).isTrue();
        assertThat(robots.isRobot("python-requests/2.31.0")).isTrue();
        assertThat(robots.isRobot("")).isTrue();
        assertThat(robots.isRobot(null)).isTrue();
        assertThat(robots.isRobot("GOOGLEBOT")).as("case-insensitive").isTrue();
        assertThat(robots.isRobot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36")).isFalse();
        assertThat(robots.isRobot("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0")).isFalse();
    }

    @Test
    void theJarShipsTheCounterListAndScriptedClientsAreRobots() {
        RobotFilter robots = RobotFilter.bundled();
        assertThat(robots.size()).isEqualTo(RobotFilter.load(SharedData.robotsList()).size()).isEqualTo(327);
        assertThat(robots.source()).contains("bundled");
        for (String ua : new String[] {"Go-http-client/1.1", "okhttp/4.12.0", "PostmanRuntime/7.39.0", "node-fetch/1.0",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Mozilla/5.0"}) {
            assertThat(robots.isRobot(ua)).as(ua).isTrue();
        }
        assertThat(robots.isRobot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36")).isFalse();
        assertThat(RobotFilter.class.getClassLoader().getResource("usage/counter-robots/LICENSE")).as("the MIT licence").isNotNull();
    }

    @Test
    void theTextFormOfTheListGivesTheSameAnswers() {
        RobotFilter txt = RobotFilter.load(SharedData.dir().resolve("data/counter-robots/COUNTER_Robots_list.txt"));
        assertThat(txt.size()).isEqualTo(327);
        assertThat(txt.isRobot("Wget/1.21")).isTrue();
    }

    @Test
    void aBrokenListIsRefusedWithItsProblemNamed(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("robots.json"), "[{\"pattern\": \"(unclosed\"}]");
        assertThatThrownBy(() -> RobotFilter.load(bad)).hasMessageContaining("bad pattern (unclosed");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n# nothing\n");
        assertThatThrownBy(() -> RobotFilter.load(empty)).hasMessageContaining("holds no pattern");
        assertThatThrownBy(() -> RobotFilter.load(dir.resolve("missing.json"))).hasMessageContaining("Cannot read");
    }

    @Test
    void institutionsAreMatchedByCidrRangesOnly() {
        InstitutionMatcher m = new InstitutionMatcher(List.of(
                new UsageProperties.Institution("A", "a", null, List.of("192.0.2.0/24", "10.0.0.0/8"), null),
                new UsageProperties.Institution("B", "b", null, List.of("2001:db8::/32", "198.51.100.7"), null)));
        assertThat(m.match("192.0.2.255")).isEqualTo("a");
        assertThat(m.match("192.0.3.0")).isEqualTo("");
        assertThat(m.match("10.200.1.1")).isEqualTo("a");
        assertThat(m.match("2001:db8:1::5")).isEqualTo("b");
        assertThat(m.match("[2001:db8::1]")).isEqualTo("b");
        assertThat(m.match("198.51.100.7")).isEqualTo("b");
        assertThat(m.match("198.51.100.8")).isEqualTo("");
        assertThat(m.match("::ffff:192.0.2.1")).as("IPv4-mapped IPv6").isEqualTo("a");
        // Host names are never resolved, junk matches nothing.
        assertThat(m.match("localhost")).isEqualTo("");
        assertThat(m.match("example.org")).isEqualTo("");
        assertThat(m.match("999.1.1.1")).isEqualTo("");
        assertThat(m.match(null)).isEqualTo("");
        assertThat(m.match("192.0.2.1, 10.0.0.1")).isEqualTo("");
    }

    @Test
    void badRangesAreRefusedAtStartup() {
        assertThatThrownBy(() -> new InstitutionMatcher(List.of(
                new UsageProperties.Institution("A", "a", null, List.of("192.0.2.0/33"), null))))
                .hasMessageContaining("prefix length out of range in 192.0.2.0/33");
        assertThatThrownBy(() -> new InstitutionMatcher(List.of(
                new UsageProperties.Institution("A", "a", null, List.of("uni.example/24"), null))))
                .hasMessageContaining("not an IP range: uni.example/24");
        assertThatThrownBy(() -> new UsageProperties.Institution("A", " ", null, List.of(), null))
                .hasMessageContaining("customer-id");
    }
}
