package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorSentenceTest {

    private static List<Indicator> targets(String text) {
        return IndicatorReader.read(text, new IndicatorReader.Context(2025, List.of(), List.of(), null, true));
    }

    private static List<Indicator> inRunningText(String text) {
        return IndicatorReader.read(text, new IndicatorReader.Context(2025, List.of(), List.of(), null, false));
    }

    @Test
    void oneItemMayHoldSeveralIndicators() {
        List<Indicator> found = targets("常住人口城镇化率达到54%,新增城镇常住人口700万人左右");
        assertThat(found).extracting(Indicator::name).containsExactly("常住人口城镇化率", "新增城镇常住人口");
        assertThat(found.get(0).target()).isEqualTo(new Measure(54, 2025));
        assertThat(found.get(0).unit()).isEqualTo("%");
        assertThat(found.get(0).comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(found.get(1).unit()).isEqualTo("万人");
        assertThat(found.get(1).comparator()).isEqualTo(Comparator.ABOUT);
    }

    @Test
    void comparatorWords() {
        assertThat(targets("城镇供水管网漏损率控制在9%以内").get(0).comparator()).isEqualTo(Comparator.AT_MOST);
        assertThat(targets("加装电梯不少于300部").get(0).comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(targets("覆盖率不低于90%").get(0).comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(targets("能耗不高于20万吨").get(0).comparator()).isEqualTo(Comparator.AT_MOST);
        assertThat(targets("改造小区360个以上").get(0).comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(targets("发病率在5‰以下").get(0)).satisfies(i -> {
            assertThat(i.comparator()).isEqualTo(Comparator.AT_MOST);
            assertThat(i.unit()).isEqualTo("‰");
        });
        assertThat(targets("城镇新增就业人数320万人").get(0).comparator()).isEqualTo(Comparator.EXACTLY);
    }

    @Test
    void unitsAreRecognised() {
        assertThat(targets("城市家庭宽带接入能力达到50Mbps").get(0).unit()).isEqualTo("Mbps");
        assertThat(targets("城镇建设用地面积控制在3000平方公里以内").get(0).unit()).isEqualTo("平方公里");
        assertThat(targets("人均公园绿地面积达到21平方米").get(0).unit()).isEqualTo("平方米");
        assertThat(targets("惠及居民4.2万户").get(0).unit()).isEqualTo("万户");
        assertThat(targets("新建管网达到200公里").get(0).unit()).isEqualTo("公里");
        assertThat(targets("投资达到35亿元").get(0).unit()).isEqualTo("亿元");
        assertThat(targets("高标准农田达到100万亩").get(0).unit()).isEqualTo("万亩");
        assertThat(targets("覆盖率达到95％").get(0).unit()).isEqualTo("%");
    }

    @Test
    void targetYearComesFromTheSentence() {
        Indicator i = targets("到2025年底，城市建成区绿地率达到42%。").get(0);
        assertThat(i.name()).isEqualTo("城市建成区绿地率");
        assertThat(i.target()).isEqualTo(new Measure(42, 2025));
        assertThat(targets("到2030年，绿地率达到45%").get(0).target().year()).isEqualTo(2030);
    }

    @Test
    void baselineFromAComparisonClause() {
        Indicator i = targets("物业管理覆盖率达到85%以上，较2024年的52%明显提高").get(0);
        assertThat(i.baseline()).isEqualTo(new Measure(52, 2024));
        assertThat(i.target().value()).isEqualTo(85);
    }

    @Test
    void baselineFromAFromToPhrase() {
        Indicator i = targets("常住人口城镇化率由2015年的60.3%提高到65%左右").get(0);
        assertThat(i.name()).isEqualTo("常住人口城镇化率");
        assertThat(i.baseline()).isEqualTo(new Measure(60.3, 2015));
        assertThat(i.target().value()).isEqualTo(65);
        assertThat(i.comparator()).isEqualTo(Comparator.ABOUT);
    }

    @Test
    void interimValueAfterQiZhong() {
        Indicator i = targets("到2025年建成高标准农田100万亩，其中2022年25万亩").get(0);
        assertThat(i.target()).isEqualTo(new Measure(100, 2025));
        assertThat(i.interimTargets()).containsExactly(new Measure(25, 2022));
    }

    @Test
    void junSplitsOneValueOverSeveralNamesAndFenbiePairsThem() {
        assertThat(targets("城镇污水处理率和生活垃圾无害化处理率均达到95%"))
                .extracting(Indicator::name).containsExactly("城镇污水处理率", "生活垃圾无害化处理率");
        List<Indicator> pair = targets("基本养老保险覆盖率和基本医疗保险覆盖率分别达到90%和98%");
        assertThat(pair).extracting(i -> i.target().value()).containsExactly(90.0, 98.0);
    }

    @Test
    void figureBeforeItsNoun() {
        assertThat(targets("70%的降雨就地消纳和利用").get(0).name()).isEqualTo("降雨就地消纳和利用");
    }

    @Test
    void runningTextNeedsAComparingWord() {
        assertThat(inRunningText("推进示范社区建设，形成60个左右的中心城镇。")).isEmpty();
        // A clause that opens with its action and figure commits to it (county task lists: "建设3个劳动密集型产业园").
        assertThat(inRunningText("建设200个示范社区。")).extracting(Indicator::name).containsExactly("建设示范社区");
        assertThat(inRunningText("2025年完成加装80部。")).isEmpty();
        assertThat(inRunningText("力争到2020年建成区绿地率达到35%，人均公园绿地面积达到21平方米。"))
                .extracting(Indicator::name).containsExactly("建成区绿地率", "人均公园绿地面积");
    }

    @Test
    void indicatorSentencesInAGoalsPartOfADocument() {
        ParsedPlanDocument doc = PlanDocumentParser.parse("""
                示例市某某行动方案（2024—2026年）
                一、主要目标
                到2026年，全市绿地率达到42%，城镇供水管网漏损率控制在9%以内。
                二、重点任务
                （一）建设公园。（市林业局）
                """);
        assertThat(doc.indicators()).extracting(Indicator::name).containsExactly("绿地率", "城镇供水管网漏损率");
        assertThat(doc.indicators().get(1).target()).isEqualTo(new Measure(9, 2026));
    }
}
