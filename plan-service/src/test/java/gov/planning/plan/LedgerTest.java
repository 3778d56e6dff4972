package gov.planning.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import gov.planning.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LedgerTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void ledgerIsAnXlsxWithOneRowPerTaskReadBackWithPoi() throws Exception {
        String plan = Api.createPlan(TestTokens.admin(), "nmg", "2024-01-01");
        Map<String, Object> input = Api.task("推进城镇供水管网改造", List.of("nmg.zjt", "nmg.fgw"), List.of("nmg.gat"), "2030-12-31");
        input.put("number", "（一）");
        input.put("deadlineText", "2030年底前");
        String task = Api.createTask(TestTokens.admin(), plan, input).getString("data.createTask.id");
        Api.submit(TestTokens.admin(), task, "nmg.gat", Api.thisQuarter(), 20, "完成管网普查");

        byte[] file = given().header("Authorization", "Bearer " + TestTokens.viewer())
                .when().get("/plans/" + plan + "/ledger.xlsx")
                .then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("重点任务");
            Row row = sheet.getRow(2);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("（一）");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("推进城镇供水管网改造");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("单位:nmg.zjt、单位:nmg.fgw");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("单位:nmg.gat");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("2030年底前");
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(20.0);
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("完成管网普查");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void anonymousGets401AndAnUnknownPlan404() {
        given().when().get("/plans/" + UUID.randomUUID() + "/ledger.xlsx").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.viewer())
                .when().get("/plans/" + UUID.randomUUID() + "/ledger.xlsx").then().statusCode(404);
    }

    @Test
    void aFilteredTaskListDownloadsAsALedgerNamedInChinese() throws Exception {
        String plan = Api.createPlan(TestTokens.admin(), "nmg", "2024-01-01");
        Api.createTask(TestTokens.admin(), plan, Api.task("推进城市更新试点", List.of("nmg.zjt"), List.of(), "2030-12-31"));
        Api.createTask(TestTokens.admin(), plan, Api.task("完善供热管网", List.of("nmg.fgw"), List.of(), "2030-12-31"));

        var response = given().header("Authorization", "Bearer " + TestTokens.viewer())
                .queryParam("planId", plan).queryParam("orgId", FakeOrgTree.ids("nmg.zjt"))
                .when().get("/ledger/tasks.xlsx")
                .then().statusCode(200).contentType(XLSX).extract();
        assertThat(response.header("Content-Disposition"))
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("任务清单-台账-", java.nio.charset.StandardCharsets.UTF_8));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("推进城市更新试点");
            assertThat(sheet.getLastRowNum()).as("only the filtered task").isEqualTo(2);
        }

        String planFile = given().header("Authorization", "Bearer " + TestTokens.viewer())
                .when().get("/ledger/plans/" + plan + ".xlsx").then().statusCode(200).extract().header("Content-Disposition");
        assertThat(java.net.URLDecoder.decode(planFile.substring(planFile.indexOf("UTF-8''") + 7), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("测试方案").contains("-台账-").endsWith(".xlsx");
        given().header("Authorization", "Bearer " + TestTokens.viewer()).queryParam("health", "PURPLE")
                .when().get("/ledger/tasks.xlsx").then().statusCode(400);
    }

    @Test
    void myTasksLedgerHasTheInboxFiltersOfTheCallersOwnOrganizationsAndIsNamed我的任务() throws Exception {
        String plan = Api.createPlan(TestTokens.admin(), "nmg", "2024-01-01");
        String back = Api.createTask(TestTokens.admin(), plan, Api.task("整治背街小巷", List.of("nmg.zjt"), List.of(), "2030-12-31"))
                .getString("data.createTask.id");
        Api.createTask(TestTokens.admin(), plan, Api.task("推进海绵城市建设", List.of("nmg.zjt"), List.of(), "2030-12-31"));
        Api.createTask(TestTokens.admin(), plan, Api.task("完善供热计量", List.of("nmg.fgw"), List.of(), "2030-12-31"));
        String report = Api.submit(TestTokens.reporter("nmg.zjt"), back, "nmg.zjt", Api.thisQuarter(), 10, "已摸底")
                .getString("data.submitProgressReport.id");
        Api.review(TestTokens.planner("nmg"), report, false, "请补充资金来源");
        String reporter = TestTokens.reporter("nmg.zjt");

        assertThat(ledgerTitles(given().header("Authorization", "Bearer " + reporter).queryParam("mine", true).queryParam("planId", plan)))
                .as("only the caller's organization's tasks, most urgent first").containsExactlyInAnyOrder("整治背街小巷", "推进海绵城市建设");
        var returned = given().header("Authorization", "Bearer " + reporter)
                .queryParam("mine", true).queryParam("planId", plan).queryParam("returned", true)
                .when().get("/ledger/tasks.xlsx").then().statusCode(200).extract();
        assertThat(java.net.URLDecoder.decode(returned.header("Content-Disposition").replaceFirst(".*UTF-8''", ""), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("我的任务-台账-");
        assertThat(titles(returned.asByteArray())).containsExactly("整治背街小巷");

        given().header("Authorization", "Bearer " + reporter).queryParam("returned", true)
                .when().get("/ledger/tasks.xlsx").then().statusCode(400);
        given().header("Authorization", "Bearer " + reporter).queryParam("mine", true).queryParam("orgId", FakeOrgTree.ids("nmg.fgw"))
                .when().get("/ledger/tasks.xlsx").then().statusCode(400);
    }

    private static List<String> ledgerTitles(io.restassured.specification.RequestSpecification request) throws Exception {
        return titles(request.when().get("/ledger/tasks.xlsx").then().statusCode(200).extract().asByteArray());
    }

    /** The task titles of a ledger (column B below the heading and the column titles). */
    private static List<String> titles(byte[] xlsx) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> found = new java.util.ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                found.add(sheet.getRow(r).getCell(1).getStringCellValue());
            }
            return found;
        }
    }
}
