package org.casebook.loaddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.casebook.CasebookUnderTest;
import org.casebook.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The load test ({@code ./mvnw -Pload verify}, README "Performance"): the production jar on
 * {@code prod,evaluation} against embedded PostgreSQL filled by the generator ({@code -Dload.clients}), then
 * {@code -Dload.users} concurrent staff ({@link StaffDaySimulation}) ramped up over {@code -Dload.ramp-seconds} and
 * working for {@code -Dload.minutes}. Prints per interaction the count, errors and p50/p95/p99/max response
 * time, the server's CPU time per interaction and its live heap per signed-in session (after a full GC,
 * compared with before the run), and writes them to {@code target/load/report.txt}. Fails on any error: the
 * times are measurements, not assertions.
 */
class StaffDayLoadIT {

    @Test
    void staffWorkThroughADayWithoutErrors() throws Exception {
        int users = Integer.getInteger("load.users", 200);
        int clients = Integer.getInteger("load.clients", 10_000);
        var steady = Duration.ofMinutes(Integer.getInteger("load.minutes", 5));
        var ramp = Duration.ofSeconds(Integer.getInteger("load.ramp-seconds", 120));

        try (var casebook = CasebookUnderTest.evaluation("load")) {
            var generated = casebook.runCommand("--casebook.command=generate-data", "--clients=" + clients);
            assertThat(generated.exitCode()).as(generated.output()).isZero();
            casebook.start();
            var plan = new StaffDaySimulation.Plan(casebook.baseUrl(), LoadDataGenerator.PASSWORD,
                    LoadDataGenerator.TOTP_SECRET, users(casebook.databaseUrl(), users), ramp, steady);
            StaffDaySimulation.plan = plan;
            LoadRecorder.reset();

            var server = casebook.processHandle();
            long heapBefore = liveHeapKb(server);
            var cpuBefore = server.info().totalCpuDuration().orElseThrow();
            var results = Path.of("target", "load", "gatling");
            // Spring Boot's Netty version has no native-transport jars on Central (pom, profile "load").
            System.setProperty("gatling.netty.useNativeTransport", "false");
            Files.createDirectories(results);
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", StaffDaySimulation.class.getName(), "--no-reports",
                "--results-folder", results.toString()});
            var cpu = server.info().totalCpuDuration().orElseThrow().minus(cpuBefore);
            long heapAfter = liveHeapKb(server);

            var report = report(plan, clients, status, cpu, heapBefore, heapAfter);
            System.out.println(report);
            Files.createDirectories(Path.of("target", "load"));
            Files.writeString(Path.of("target", "load", "report.txt"), report);
            assertThat(LoadRecorder.errors()).as("errors; first: " + LoadRecorder.firstErrors()).isZero();
            assertThat(LoadRecorder.interactions()).as("interactions").isGreaterThan(users);
        }
    }

    /** The generated staff, counsellors and supervisors in the generator's proportion, repeated up to {@code count}. */
    private static List<StaffDaySimulation.User> users(String databaseUrl, int count) throws SQLException {
        var staff = new ArrayList<StaffDaySimulation.User>();
        try (var connection = TestPostgres.superuser(databaseUrl);
                var accounts = connection.prepareStatement("""
                        select s.username, exists (select 1 from staff_role r where r.account_id = s.id
                          and r.role = 'SUPERVISOR') from staff_account s
                        where s.generated and s.username <> 'gen-admin' order by s.username""");
                var ownClients = connection.prepareStatement("""
                        select c.code from client c join staff_account s on s.id = c.counsellor_id
                        where s.username = ? and c.status = 'ACTIVE' order by c.code limit 30""");
                var teamClients = connection.prepareStatement("""
                        select c.code from client c join team t on t.id = c.team_id
                        join staff_account s on s.id = t.supervisor_id
                        where s.username = ? and c.status = 'ACTIVE' order by c.code limit 30""");
                var drafts = connection.prepareStatement("""
                        select n.appointment_id::text from session_note n join staff_account s on s.id = n.author_id
                        join client c on c.id = n.client_id
                        where s.username = ? and n.signed_at is null and c.status = 'ACTIVE'
                        order by n.appointment_id limit 30""");
                var rows = accounts.executeQuery()) {
            while (rows.next()) {
                var username = rows.getString(1);
                boolean supervisor = rows.getBoolean(2);
                var clientCodes = strings(supervisor ? teamClients : ownClients, username);
                var notes = supervisor ? List.<String>of() : strings(drafts, username);
                if (!clientCodes.isEmpty() && (supervisor || !notes.isEmpty())) {
                    staff.add(new StaffDaySimulation.User(username, supervisor, clientCodes, notes));
                }
            }
        }
        assertThat(staff).as("generated staff with clients and draft notes").isNotEmpty();
        // Every eleventh user a supervisor (the generator's teams are one supervisor and ten counsellors),
        // taking the accounts in turn.
        var supervisors = staff.stream().filter(StaffDaySimulation.User::supervisor).toList();
        var counsellors = staff.stream().filter(user -> !user.supervisor()).toList();
        var users = new ArrayList<StaffDaySimulation.User>();
        for (int i = 0; i < count; i++) {
            users.add(i % 11 == 1 && !supervisors.isEmpty() ? supervisors.get(i / 11 % supervisors.size())
                    : counsellors.get(i % counsellors.size()));
        }
        return users;
    }

    private static List<String> strings(java.sql.PreparedStatement query, String username) throws SQLException {
        query.setString(1, username);
        var values = new ArrayList<String>();
        try (var rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The server's used heap after a full collection, in KB ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    private static long liveHeapKb(ProcessHandle server) throws IOException, InterruptedException {
        jcmd(server, "GC.run");
        var info = jcmd(server, "GC.heap_info");
        var used = Pattern.compile("heap .*used (\\d+)K").matcher(info);
        assertThat(used.find()).as("heap figures from jcmd: " + info).isTrue();
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(ProcessHandle server, String command) throws IOException, InterruptedException {
        var java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        var jcmd = java.resolveSibling("jcmd").toString();
        var process = new ProcessBuilder(jcmd, Long.toString(server.pid()), command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static String report(StaffDaySimulation.Plan plan, int clients, int status, Duration cpu, long heapBefore,
            long heapAfter) {
        int users = plan.users().size();
        long supervisors = plan.users().stream().filter(StaffDaySimulation.User::supervisor).count();
        var out = new StringBuilder();
        out.append("Load test: %d users (%d counsellors, %d supervisors), %d generated clients, ramp %d s, %d min of work; Gatling exit %d%n"
                .formatted(users, users - supervisors, supervisors, clients, plan.ramp().toSeconds(),
                        plan.steady().toMinutes(), status));
        out.append("%-22s %7s %6s %7s %7s %7s %7s%n".formatted("interaction", "count", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms"));
        for (var line : LoadRecorder.lines()) {
            out.append("%-22s %7d %6d %7d %7d %7d %7d%n".formatted(line.name(), line.count(), line.errors(),
                    line.p50(), line.p95(), line.p99(), line.max()));
        }
        int interactions = LoadRecorder.interactions();
        out.append("errors: %d; first: %s%n".formatted(LoadRecorder.errors(), LoadRecorder.firstErrors()));
        out.append("server CPU: %d ms over %d interactions = %.1f ms per interaction (background jobs included)%n"
                .formatted(cpu.toMillis(), interactions, cpu.toMillis() / (double) Math.max(1, interactions)));
        out.append("server live heap after full GC: %d KB before, %d KB with %d sessions = %.0f KB per session%n"
                .formatted(heapBefore, heapAfter, users, (heapAfter - heapBefore) / (double) users));
        return out.toString();
    }
}
