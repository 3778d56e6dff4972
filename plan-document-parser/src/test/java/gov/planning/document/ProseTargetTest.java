package gov.planning.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Targets written inside task paragraphs (issue #21, item 3): running text, not a target list. */
class ProseTargetTest {

    private static List<Indicator> inTask(String text) {
        return IndicatorReader.read(text, new IndicatorReader.Context(2025, List.of(), List.of(), null, false));
    }

    @Test
    void anEnumerationAfterOneVerbGivesOneTargetPerFigure() {
        assertThat(inTask("推进污水管网建设，城市、县城、建制镇污水处理率分别达到95%、90%、75%。"))
                .extracting(Indicator::name, i -> i.target().value(), Indicator::comparator)
                .containsExactly(tuple("城市污水处理率", 95.0, Comparator.AT_LEAST), tuple("县城污水处理率", 90.0, Comparator.AT_LEAST),
                        tuple("建制镇污水处理率", 75.0, Comparator.AT_LEAST));
        assertThat(inTask("城镇和农村居民人均可支配收入均增长6%。"))
                .extracting(Indicator::name)
                .containsExactly("城镇居民人均可支配收入", "农村居民人均可支配收入");
        assertThat(inTask("城镇污水处理率和生活垃圾无害化处理率均达到95%。"))
                .extracting(Indicator::name)
                .containsExactly("城镇污水处理率", "生活垃圾无害化处理率");
        assertThat(inTask("加强监测，地区生产总值增长5%以上、固定资产投资增长8%左右、一般公共预算收入增长4%、"
                + "居民收入增长与经济增长基本同步、城镇调查失业率5.5%左右、粮食产量500亿斤左右。"))
                .extracting(Indicator::name, i -> i.target().value(), Indicator::unit, Indicator::comparator)
                .containsExactly(tuple("地区生产总值", 5.0, "%", Comparator.AT_LEAST),
                        tuple("固定资产投资", 8.0, "%", Comparator.ABOUT),
                        tuple("一般公共预算收入", 4.0, "%", Comparator.EXACTLY),
                        tuple("城镇调查失业率", 5.5, "%", Comparator.ABOUT),
                        tuple("粮食产量", 500.0, "亿斤", Comparator.ABOUT));
        assertThat(inTask("到2027年，卫生厕所普及率达到60%、垃圾收运覆盖率达到75%、污水治理率达到90%。"))
                .extracting(Indicator::name, i -> i.target().value(), i -> i.target().year())
                .containsExactly(tuple("卫生厕所普及率", 60.0, 2027), tuple("垃圾收运覆盖率", 75.0, 2027),
                        tuple("污水治理率", 90.0, 2027));
    }

    @Test
    void theFigureMayComeBeforeWhatItCounts() {
        Indicator farmland = inTask("2026年新增20万亩高标准农田，配套建设灌溉设施。").get(0);
        assertThat(farmland.name()).isEqualTo("新增高标准农田");
        assertThat(farmland.target()).isEqualTo(new Measure(20, 2026));
        assertThat(farmland.unit()).isEqualTo("万亩");
        assertThat(inTask("到2020年，打造28个林区小城镇、25个垦区小城镇。"))
                .extracting(Indicator::name, i -> i.target().value())
                .containsExactly(tuple("打造林区小城镇", 28.0), tuple("打造垦区小城镇", 25.0));
        assertThat(inTask("力争到2020年，全区建成200公里左右地下综合管廊并投入运营。").get(0))
                .satisfies(i -> {
                    assertThat(i.name()).isEqualTo("建成地下综合管廊");
                    assertThat(i.comparator()).isEqualTo(Comparator.ABOUT);
                });
    }

    @Test
    void aCountInRunningTextWithoutASignOfATargetIsNotOne() {
        assertThat(inTask("重点推进南宁、柳州等4个核心城市建设，形成60个左右的特色产业集群。")).isEmpty();
        assertThat(inTask("到2020年，实现高速公路连接50万左右人口城区。")).isEmpty();
    }

    @Test
    void qualifyingWordsAndRangesSetTheComparator() {
        assertThat(inTask("粮食播种面积稳定在5330万亩以上").get(0).comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(inTask("能繁母猪存栏量保持在130万头以上").get(0).unit()).isEqualTo("万头");
        assertThat(inTask("综合能耗下降不超过3%").get(0).comparator()).isEqualTo(Comparator.AT_MOST);
        Indicator growth = inTask("全年经济增长6%—7%，").get(0);
        assertThat(growth.target().value()).isEqualTo(6.0);
        assertThat(growth.comparator()).isEqualTo(Comparator.AT_LEAST);
        Indicator loss = inTask("管网漏损率控制在8%-10%").get(0);
        assertThat(loss.target().value()).isEqualTo(10.0);
        assertThat(loss.comparator()).isEqualTo(Comparator.AT_MOST);
        assertThat(inTask("力争减轻企业各类负担200亿元").get(0).name()).isEqualTo("减轻企业各类负担");
    }

    @Test
    void partsAfterQiZhongAreTargetsOfTheirOwnAndYearsAreInterimValues() {
        assertThat(inTask("到2020年，全区城镇人口承载能力达到1700万人以上，其中，中心城区容纳1150万左右人口，"
                + "其它建制镇容纳250万左右人口。"))
                .extracting(Indicator::name, i -> i.target().value(), Indicator::unit, Indicator::comparator)
                .containsExactly(tuple("城镇人口承载能力", 1700.0, "万人", Comparator.AT_LEAST),
                        tuple("中心城区容纳人口", 1150.0, "万人", Comparator.ABOUT),
                        tuple("其它建制镇容纳人口", 250.0, "万人", Comparator.ABOUT));
        Indicator farmland = inTask("到2025年高标准农田达到100万亩，其中2023年40万亩、2024年70万亩。").get(0);
        assertThat(farmland.interimTargets()).containsExactly(new Measure(40, 2023), new Measure(70, 2024));
    }
}
