package gov.planning.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * `./platform up` twice in a row is harmless; `./platform down` stops every process `up` started, children included.
 */
class PlatformDownIT {

    @Test
    void upTwiceIsHarmlessAndDownLeavesNoProcessOfThePlatformRunning() throws Exception {
        LocalPlatform platform = new LocalPlatform();
        platform.up();
        List<Long> pids = platform.recordedPids();
        platform.up();
        assertThat(platform.recordedPids()).as("a second up starts nothing new").containsExactlyInAnyOrderElementsOf(pids);

        List<ProcessHandle> family = pids.stream().flatMap(pid -> ProcessHandle.of(pid).stream())
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())).toList();
        assertThat(family).isNotEmpty();

        platform.down();

        assertThat(family).noneMatch(ProcessHandle::isAlive);
        assertThat(platform.recordedPids()).isEmpty();
    }
}
