package gov.planning.org.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;

class ReferenceDataTest {

    @Test
    void theBundledFileParsesWithDatesSuccessorsAndCollectiveRules() {
        ReferenceData data = ReferenceData.bundled();
        assertThat(data.dataVersion()).isPositive();
        assertThat(data.organizations()).hasSizeGreaterThan(200);
        ReferenceData.Org gtzyt = data.organizations().stream().filter(o -> o.code().equals("nmg.gtzyt")).findFirst().orElseThrow();
        assertThat(gtzyt.validTo()).isEqualTo(LocalDate.of(2018, 11, 10));
        assertThat(gtzyt.successor()).isEqualTo("nmg.zrzyt");
        assertThat(gtzyt.aliases()).contains("国土厅");
        ReferenceData.Collective shixian = data.collectives().stream().filter(c -> c.code().equals("gx.shixian-govs")).findFirst().orElseThrow();
        assertThat(shixian.memberKind()).isEqualTo(OrgKind.GOVERNMENT);
        assertThat(shixian.memberLevel()).as("omitted level = any level").isNull();
        assertThat(data.collectives()).filteredOn(c -> c.code().equals("nmg.mengshi-govs"))
                .singleElement().satisfies(c -> assertThat(c.memberLevel()).isEqualTo(AdminLevel.PREFECTURE));
    }

    @Test
    void aChildBeforeItsParentOrAnUnknownSuccessorStopsTheLoad() {
        String childFirst = """
                dataVersion: 1
                organizations:
                  - {code: a.b, name: 乙, kind: DEPARTMENT, parent: a}
                  - {code: a, name: 甲, kind: GOVERNMENT}
                """;
        assertThatThrownBy(() -> ReferenceData.parse(new ByteArrayInputStream(childFirst.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("must come before");
        String unknownSuccessor = """
                dataVersion: 1
                organizations:
                  - {code: a, name: 甲, kind: GOVERNMENT, validTo: 2018-11-10, successor: z}
                """;
        assertThatThrownBy(() -> ReferenceData.parse(new ByteArrayInputStream(unknownSuccessor.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("unknown successor");
    }
}
