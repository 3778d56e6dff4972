package gov.planning.plan.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import gov.planning.common.error.NotFoundException;
import gov.planning.plan.entity.Health;
import gov.planning.plan.entity.Milestone;
import gov.planning.plan.entity.Plan;
import gov.planning.plan.entity.ProgressReport;
import gov.planning.plan.entity.ReportStatus;
import gov.planning.plan.entity.Task;
import gov.planning.plan.entity.TaskOrg;
import gov.planning.plan.entity.TaskRole;
import gov.planning.plan.entity.TaskStatus;
import gov.planning.orgclient.OrganizationTree;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The task ledger (台账) of one plan as an Excel workbook: one row per task in document order, with organization
 * names from org-service, the deadline as written, status, latest reported percent, health today and the latest
 * progress report that was not returned. What leadership reads; it is built from the same reads as the API.
 */
@ApplicationScoped
public class LedgerService {

    static final List<String> HEADERS = List.of("序号", "重点任务", "牵头单位", "配合单位", "完成时限", "预期成果和时间进度",
            "状态", "进度(%)", "红黄绿灯", "最新进展", "填报期");

    private static final Map<TaskStatus, String> STATUS = Map.of(TaskStatus.NOT_STARTED, "未开始", TaskStatus.IN_PROGRESS, "推进中",
            TaskStatus.COMPLETED, "已完成", TaskStatus.SUSPENDED, "暂停");
    private static final Map<Health, String> HEALTH = Map.of(Health.GREEN, "绿灯", Health.YELLOW, "黄灯", Health.RED, "红灯",
            Health.DONE, "已完成");

    @Inject
    TaskReads reads;

    @Inject
    PlanService plans;

    @Inject
    OrganizationTree organizations;

    /** A workbook and the title it is about (the plan's, or the task list's). */
    public record Ledger(String title, byte[] xlsx) {
    }

    /** The ledger of one plan: its tasks in document order (at most {@value #MAX_LIST_ROWS}). */
    public Uni<Ledger> ledger(UUID planId) {
        return plans.findByIds(List.of(planId)).chain(found -> {
            if (found.isEmpty()) {
                throw new NotFoundException("plan " + planId + " does not exist");
            }
            Plan plan = found.get(0);
            String heading = plan.title + (plan.docNumber == null ? "" : "（" + plan.docNumber + "）") + " 重点任务台账";
            return reads.list(TaskQuery.builder().plans(Set.of(planId)).sort(TaskSort.NUMBER, null).page(0, MAX_LIST_ROWS, null).build())
                    .chain(page -> workbook(heading, page.items().stream().map(TaskPage.Listed::task).toList()))
                    .map(xlsx -> new Ledger(plan.title, xlsx));
        });
    }

    /** The ledger of a filtered task list as a screen shows it (at most {@value #MAX_LIST_ROWS} tasks), named {@code title}. */
    public Uni<Ledger> ledger(TaskQuery query, String title) {
        return reads.list(query).chain(page -> workbook("重点任务台账（共" + page.total() + "项）",
                page.items().stream().map(TaskPage.Listed::task).toList())).map(xlsx -> new Ledger(title, xlsx));
    }

    public static final int MAX_LIST_ROWS = 5000;

    private Uni<byte[]> workbook(String heading, List<AssessedTask> tasks) {
        List<UUID> ids = tasks.stream().map(a -> a.task().id).toList();
        return reads.orgsOf(ids).chain(orgs -> reads.milestonesOf(ids).chain(milestones -> reads.reportsOf(ids)
                .chain(reports -> {
                    Set<UUID> orgIds = new HashSet<>();
                    orgs.values().forEach(list -> list.forEach(o -> orgIds.add(o.orgId)));
                    return organizations.names(orgIds)
                            // Building the workbook is CPU work; keep it off the event loop.
                            .emitOn(Infrastructure.getDefaultWorkerPool())
                            .map(names -> write(heading, tasks, orgs, milestones, reports, names));
                })));
    }

    static byte[] write(String heading, List<AssessedTask> tasks, Map<UUID, List<TaskOrg>> orgs, Map<UUID, List<Milestone>> milestones,
            Map<UUID, List<ProgressReport>> reports, Map<UUID, String> names) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务台账");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(heading);
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (AssessedTask assessed : tasks) {
                Task t = assessed.task();
                List<TaskOrg> own = orgs.getOrDefault(t.id, List.of()).stream().sorted(Comparator.comparingInt(o -> o.position)).toList();
                ProgressReport latest = reports.getOrDefault(t.id, List.of()).stream()
                        .filter(p -> p.status != ReportStatus.RETURNED).findFirst().orElse(null);
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(t.number == null ? String.valueOf(t.position + 1) : t.number);
                row.createCell(1).setCellValue(t.title);
                row.createCell(2).setCellValue(orgNames(own, TaskRole.LEAD, names));
                row.createCell(3).setCellValue(orgNames(own, TaskRole.COOPERATING, names));
                row.createCell(4).setCellValue(t.deadlineText != null ? t.deadlineText
                        : t.deadlineOngoing ? "长期坚持" : t.deadlineDate == null ? "" : t.deadlineDate.toString());
                row.createCell(5).setCellValue(milestones.getOrDefault(t.id, List.of()).stream()
                        .map(m -> (m.dueDate == null ? "" : m.dueDate + " ") + m.description + (m.done ? "（已完成）" : ""))
                        .collect(Collectors.joining("；")));
                row.createCell(6).setCellValue(STATUS.get(t.status));
                if (assessed.progressPercent() != null) {
                    row.createCell(7).setCellValue(assessed.progressPercent());
                }
                row.createCell(8).setCellValue(HEALTH.get(assessed.health()));
                row.createCell(9).setCellValue(latest == null ? "" : latest.summary);
                row.createCell(10).setCellValue(latest == null ? "" : latest.period);
                row.getCell(1).setCellStyle(wrap);
                row.getCell(9).setCellStyle(wrap);
            }
            int[] widths = { 8, 40, 24, 24, 14, 36, 10, 8, 10, 40, 14 };
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 2);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names in the document's order; an id org-service does not know (any more) is shown as the id. */
    private static String orgNames(List<TaskOrg> orgs, TaskRole role, Map<UUID, String> names) {
        return orgs.stream().filter(o -> o.role == role).map(o -> names.getOrDefault(o.orgId, o.orgId.toString()))
                .collect(Collectors.joining("、"));
    }
}
