package gov.planning.plan.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which unresolved names of a county's document are proposed as its own new departments, and how they are named. */
class OrgProposalsTest {

    private static final OrgTreeClient.Government BANNER = new OrgTreeClient.Government(UUID.randomUUID(), "nmg.tlq",
            "示例旗人民政府", "示例旗", "COUNTY", Set.of("nmg.tlq.czj"));

    @Test
    void aBannersBareAndBannerPrefixedNamesBecomeOneDepartmentNamedWithTheRegion() {
        List<OrgProposal> proposals = OrgProposals.propose(BANNER, List.of("财政局", "旗农牧局", "旗财政局", "示例旗交通运输局"));

        assertThat(proposals).extracting(OrgProposal::name).containsExactly("示例旗财政局", "示例旗农牧局", "示例旗交通运输局");
        OrgProposal finance = proposals.get(0);
        assertThat(finance.inputs()).containsExactly("财政局", "旗财政局");
        assertThat(finance.shortName()).isEqualTo("旗财政局");
        assertThat(finance.kind()).isEqualTo("DEPARTMENT");
        assertThat(finance.level()).isEqualTo("COUNTY");
        assertThat(finance.parentCode()).isEqualTo("nmg.tlq");
        assertThat(finance.code()).as("nmg.tlq.czj is taken").isEqualTo("nmg.tlq.czj2");
        assertThat(proposals.get(1).code()).isEqualTo("nmg.tlq.nmj");
    }

    @Test
    void collectivesGovernmentsListsAndUnitsOfOtherLevelsAreNotProposed() {
        assertThat(OrgProposals.propose(BANNER, List.of("各苏木镇人民政府", "巴彦镇人民政府", "市财政局", "自治区财政厅",
                "有关部门", "财政局、审计局", "各街道办事处", "巴彦镇"))).isEmpty();
    }

    @Test
    void wordsThatMerelyBeginWithALevelWordStillNameTheGovernmentsOwnDepartments() {
        assertThat(OrgProposals.propose(BANNER, List.of("市场监督管理局", "旗乡村振兴局", "旗疾病预防控制中心")))
                .extracting(OrgProposal::name, OrgProposal::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("示例旗市场监督管理局", "DEPARTMENT"),
                        org.assertj.core.groups.Tuple.tuple("示例旗乡村振兴局", "DEPARTMENT"),
                        org.assertj.core.groups.Tuple.tuple("示例旗疾病预防控制中心", "AGENCY"));
    }

    @Test
    void aGovernmentWithoutARegionIsNamedAfterItsName() {
        var city = new OrgTreeClient.Government(UUID.randomUUID(), "sl", "示例市人民政府", null, "PREFECTURE", Set.of());
        assertThat(OrgProposals.propose(city, List.of("市审计局"))).extracting(OrgProposal::name, OrgProposal::shortName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("示例市审计局", "市审计局"));
    }
}
