package org.casebook.loaddata;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import org.casebook.ui.ErrorView;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main pages of each role on generated data, as locations to open through the real Vaadin UI: for the
 * test that the generated data opens everywhere, and for the page benchmark.
 */
public final class GeneratedPages {

    /** A page to open: who opens it, what it is called in a report, and where it is. */
    public record Page(String username, String name, String location) {}

    /** The counsellor with the most active clients (thousands at full size), a typical one, a supervisor, the admin. */
    public static final String HEAVY_COUNSELLOR = "gen-c01-01";

    public static final String COUNSELLOR = "gen-c02-05";
    public static final String SUPERVISOR = "gen-s01";
    public static final String ADMIN = "gen-admin";

    private GeneratedPages() {}

    public static List<Page> all(JdbcTemplate jdbc) {
        var pages = new ArrayList<Page>();
        for (var counsellor : List.of(COUNSELLOR, HEAVY_COUNSELLOR)) {
            var client = jdbc.queryForObject("""
                    select c.code from client c join staff_account s on s.id = c.counsellor_id
                    where s.username = ? and c.status = 'ACTIVE'
                      and exists (select 1 from risk_plan p where p.client_id = c.id)
                      and exists (select 1 from session_note n where n.client_id = c.id)
                    order by c.code limit 1""", String.class, counsellor);
            var appointment = jdbc.queryForObject("""
                    select a.id from appointment a join client c on c.id = a.client_id
                    join session_note n on n.appointment_id = a.id
                    where c.code = ? order by a.starts_at desc limit 1""", String.class, client);
            String who = counsellor.equals(HEAVY_COUNSELLOR) ? " (heavy caseload)" : "";
            pages.add(new Page(counsellor, "counsellor home" + who, ""));
            pages.add(new Page(counsellor, "caseload" + who, "clients"));
            pages.add(new Page(counsellor, "client page" + who, "client/" + client));
            pages.add(new Page(counsellor, "sessions" + who, "sessions/" + client));
            pages.add(new Page(counsellor, "note" + who, "note/" + appointment));
            pages.add(new Page(counsellor, "plan" + who, "plan/" + client));
            pages.add(new Page(counsellor, "appointments" + who, "appointments"));
        }
        var teamClient = jdbc.queryForObject("""
                select c.code from client c join team t on t.id = c.team_id join staff_account s on s.id = t.supervisor_id
                where s.username = ? and c.status = 'ACTIVE' order by c.code limit 1""", String.class, SUPERVISOR);
        var concern = jdbc.queryForList("""
                select g.id::text from safeguarding_concern g join team t on t.id = g.team_id
                join staff_account s on s.id = t.supervisor_id where s.username = ? order by g.raised_at limit 1""", String.class, SUPERVISOR);
        pages.add(new Page(SUPERVISOR, "supervisor home", ""));
        pages.add(new Page(SUPERVISOR, "waiting list", "waiting-list"));
        pages.add(new Page(SUPERVISOR, "dashboard", "supervision"));
        pages.add(new Page(SUPERVISOR, "safeguarding queue", "safeguarding"));
        pages.add(new Page(SUPERVISOR, "team client page", "client/" + teamClient));
        if (!concern.isEmpty()) {
            pages.add(new Page(SUPERVISOR, "safeguarding concern", "safeguarding/concern/" + concern.getFirst()));
        }
        pages.add(new Page(ADMIN, "audit log", "audit"));
        pages.add(new Page(ADMIN, "staff accounts", "admin/staff"));
        return pages;
    }

    /** Opens the page in the current (Karibu) UI; fails when Casebook's error page is shown instead. */
    public static void open(Page page) {
        UI.getCurrent().navigate(page.location());
        if (!_find(ErrorView.class).isEmpty()) {
            throw new AssertionError("the " + page.name() + " (" + page.location() + ") of " + page.username()
                    + " showed the error page");
        }
    }
}
