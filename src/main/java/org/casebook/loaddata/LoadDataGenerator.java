package org.casebook.loaddata;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.casebook.audit.AuditAction;
import org.casebook.audit.GeneratedAuditEntries;
import org.casebook.encryption.FieldContext;
import org.casebook.encryption.FieldEncryption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Writes a charity's worth of fictional records in bulk (COPY), through the real schema: every sealed field
 * sealed by {@link FieldEncryption} for its own table, column and row, every audit entry chained into the
 * ledger by the audit module. The shape follows a large charity: 50 teams of 10 counsellors at 100,000
 * clients (fewer teams for fewer clients), about a quarter of clients in active work with caseloads of 20
 * to 60 and a few counsellors holding thousands (the worst cases for list pages), most cases closed, some
 * waiting; about ten appointments a client, a note for each attended one, some signed late, some
 * overdue; plans with reviews overdue, safeguarding concerns left open. Every name ends in "(generated)".
 */
@Component
class LoadDataGenerator {

    /** The password of every generated account (printed by the command; generated accounts are fictional). */
    static final String PASSWORD = "casebook-load-2026";
    /** Every generated account's authenticator secret (Base32), for load tests that sign in with a code. */
    static final String TOTP_SECRET = "CASEBOOKLOADTESTTOTPSECRETABCDEF";

    static final int CHUNK = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LoadDataGenerator.class);

    private static final String[] AREAS = {
        "LS", "M", "B", "NE", "S", "L", "BS", "NG", "CF", "EH", "G", "SO", "PL", "OX", "CB", "YO", "HU", "DE", "LE",
        "CV"
    };
    private static final String[] THEMES = {
        "coping with urges",
        "online habits and boundaries",
        "relationships and loneliness",
        "shame and motivation",
        "family contact",
        "work and routine",
        "sleep and low mood",
        "support network"
    };

    /** What the generator made. */
    record Summary(
            int teams, int staff, long clients, long appointments, long notes, long auditEntries, Duration took) {}

    /** Why the generator will not run here. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final FieldEncryption encryption;
    private final GeneratedAuditEntries audit;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ZoneId zone;

    LoadDataGenerator(
            DataSource dataSource,
            FieldEncryption encryption,
            GeneratedAuditEntries audit,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.dataSource = dataSource;
        this.encryption = encryption;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
        this.zone = zone;
    }

    record Staff(long id, String username, long teamId) {}

    Summary generate(int clients, long seed) throws SQLException {
        if (clients < 1 || clients > 2_000_000) {
            throw new Refused("--clients must be between 1 and 2,000,000");
        }
        long started = System.nanoTime();
        var random = new Random(seed);
        try (var connection = dataSource.getConnection()) {
            refuseUnlessSafe(connection);
            connection.setAutoCommit(false);
            int teamCount = Math.clamp(clients / 2_000, 2, 50);
            var staff = createStaff(connection, teamCount, random);
            connection.commit();
            var counsellors = staff.counsellors();
            var existingCodes = existingCodes(connection);
            var state = new Run(random, staff, existingCodes, audit.newWriter());
            // Active caseloads: weights 20..60 per counsellor, the first three (or one) counsellors carry 2% each.
            int heavy = clients >= 1_000 ? 3 : 1;
            var weights = new double[counsellors.size()];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 20 + random.nextInt(41);
                total += weights[i];
            }
            state.heavy = heavy;
            state.weights = weights;
            state.weightTotal = total;
            for (int from = 0; from < clients; from += CHUNK) {
                int to = Math.min(clients, from + CHUNK);
                for (int i = from; i < to; i++) {
                    state.client(i, clients);
                }
                state.flush(connection);
                connection.commit();
                if ((to / CHUNK) % 10 == 0 || to == clients) {
                    log.info("Generated {} of {} clients", to, clients);
                }
            }
            state.flushAudit();
            return new Summary(
                    teamCount,
                    counsellors.size() + staff.supervisors().size() + 1,
                    clients,
                    state.appointments.count(),
                    state.notes.count(),
                    state.auditCount,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void refuseUnlessSafe(Connection connection) throws SQLException {
        var product = connection.getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            throw new Refused("Refusing to generate data: the load-data generator runs on PostgreSQL only, and this "
                    + "database is " + product + ".");
        }
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) filter (where not demo and not generated), "
                        + "count(*) filter (where generated) from staff_account")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new Refused("Refusing to generate data: this database holds " + rows.getLong(1)
                        + " real staff account(s). Generate load data only into an empty database (or one with the "
                        + "fictional demo data).");
            }
            if (rows.getLong(2) > 0) {
                throw new Refused("Refusing to generate data: this database already holds generated data. Start from "
                        + "an empty database.");
            }
        }
    }

    private static Set<String> existingCodes(Connection connection) throws SQLException {
        var codes = new HashSet<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select code from client")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    record StaffSet(List<Staff> counsellors, List<Staff> supervisors, Staff admin) {}

    private StaffSet createStaff(Connection connection, int teamCount, Random random) throws SQLException {
        var hash = passwords.encode(PASSWORD);
        var now = clock.instant();
        var counsellors = new ArrayList<Staff>();
        var supervisors = new ArrayList<Staff>();
        Staff admin = null;
        try (var team = connection.prepareStatement("insert into team (name) values (?) returning id");
                var account = connection.prepareStatement("insert into staff_account (username, display_name, email, "
                        + "password_hash, enabled, demo, generated, team_id, created_at) values (?,?,?,?,true,true,true,?,?) "
                        + "returning id");
                var role = connection.prepareStatement("insert into staff_role (account_id, role) values (?,?)");
                var totp = connection.prepareStatement("update staff_account set totp_secret = ? where id = ?");
                var area = connection.prepareStatement(
                        "insert into counsellor_area (staff_id, postcode_area) values (?,?)");
                var lead = connection.prepareStatement("update team set supervisor_id = ? where id = ?")) {
            for (int t = 1; t <= teamCount + 1; t++) {
                Long teamId = null;
                if (t <= teamCount) {
                    team.setString(1, "Team %02d (generated)".formatted(t));
                    try (var rows = team.executeQuery()) {
                        rows.next();
                        teamId = rows.getLong(1);
                    }
                }
                int people = t <= teamCount ? 11 : 1;
                for (int p = 0; p < people; p++) {
                    String username;
                    String name;
                    String roleName;
                    if (t > teamCount) {
                        username = "gen-admin";
                        name = "Administrator (generated)";
                        roleName = "ADMIN";
                    } else if (p == 0) {
                        username = "gen-s%02d".formatted(t);
                        name = "Supervisor %02d (generated)".formatted(t);
                        roleName = "SUPERVISOR";
                    } else {
                        username = "gen-c%02d-%02d".formatted(t, p);
                        name = "Counsellor %02d-%02d (generated)".formatted(t, p);
                        roleName = "COUNSELLOR";
                    }
                    account.setString(1, username);
                    account.setString(2, name);
                    account.setString(3, username + "@generated.invalid");
                    account.setString(4, hash);
                    if (teamId == null) {
                        account.setNull(5, java.sql.Types.BIGINT);
                    } else {
                        account.setLong(5, teamId);
                    }
                    account.setObject(6, now.atOffset(java.time.ZoneOffset.UTC));
                    long id;
                    try (var rows = account.executeQuery()) {
                        rows.next();
                        id = rows.getLong(1);
                    }
                    role.setLong(1, id);
                    role.setString(2, roleName);
                    role.executeUpdate();
                    totp.setBytes(
                            1,
                            encryption.seal(
                                    TOTP_SECRET, new FieldContext("staff_account", "totp_secret", String.valueOf(id))));
                    totp.setLong(2, id);
                    totp.executeUpdate();
                    var member = new Staff(id, username, teamId == null ? 0 : teamId);
                    switch (roleName) {
                        case "ADMIN" -> admin = member;
                        case "SUPERVISOR" -> {
                            supervisors.add(member);
                            lead.setLong(1, id);
                            lead.setLong(2, teamId);
                            lead.executeUpdate();
                        }
                        default -> {
                            counsellors.add(member);
                            area.setLong(1, id);
                            area.setString(2, AREAS[random.nextInt(AREAS.length)]);
                            area.executeUpdate();
                        }
                    }
                }
            }
        }
        return new StaffSet(counsellors, supervisors, admin);
    }

    /** One run's generation state: the rows of the current chunk, table by table. */
    private final class Run {

        final Random random;
        final StaffSet staff;
        final Set<String> codes;
        final GeneratedAuditEntries.Writer writer;
        final Instant now = clock.instant();
        final LocalDate today = LocalDate.ofInstant(now, zone);
        int heavy;
        double[] weights = new double[0];
        double weightTotal;
        long auditCount;

        final CopyRows clientRows = new CopyRows(
                "client",
                "id, code, status, team_id, counsellor_id, received_on, "
                        + "priority, preferred_name, year_of_birth, postcode_district, phone, email, voicemail_ok, text_ok, "
                        + "letter_ok, closed_on, closure_reason, closing_summary, created_at");
        final CopyRows referrals = new CopyRows(
                "referral",
                "id, team_id, received_on, source, referrer_contact, "
                        + "presenting_concern, legal_status, access_to_children, child_at_risk, self_harm_risk, urgency, summary, "
                        + "eligible, triage_reason, triaged_by, triaged_at, received_by, created_at");
        final CopyRows history = new CopyRows(
                "client_history", "id, client_id, happened_at, kind, status, " + "counsellor_id, by_staff, reason");
        final CopyRows appointments = new CopyRows(
                "appointment",
                "id, client_id, client_code, counsellor_id, "
                        + "starts_at, ends_at, modality, location, outcome, outcome_recorded_at, created_by, created_at");
        final CopyRows notes = new CopyRows(
                "session_note",
                "id, appointment_id, client_id, client_code, author_id, "
                        + "presentation, themes, risk_observations, interventions, agreed_actions, next_plan, risk_changed, "
                        + "created_at, updated_at, signed_at");
        final CopyRows core10 = new CopyRows(
                "core10_score",
                "id, client_id, client_code, counsellor_id, measured_on, "
                        + "point, item_1, item_2, item_3, item_4, item_5, item_6, item_7, item_8, item_9, item_10, total, "
                        + "recorded_by, recorded_at");
        final CopyRows plans = new CopyRows(
                "risk_plan",
                "id, client_id, current_number, risk_to_others, risk_to_self, "
                        + "next_review, updated_by, updated_at");
        final CopyRows planVersions = new CopyRows(
                "risk_plan_version",
                "id, plan_id, number, goals, triggers, "
                        + "warning_signs, coping, protective_factors, support_network, external_conditions, risk_to_others, "
                        + "risk_to_self, rating_rationale, next_review, created_by, created_at");
        final CopyRows concerns = new CopyRows(
                "safeguarding_concern",
                "id, client_id, client_code, team_id, "
                        + "counsellor_id, category, immediate, learned_on, what_learned, source, raised_by, raised_at");
        final CopyRows decisions = new CopyRows(
                "safeguarding_decision",
                "id, concern_id, outcome, reference, " + "referred_on, rationale, follow_up, decided_by, decided_at");
        final List<GeneratedAuditEntries.Entry> entries = new ArrayList<>();

        Run(Random random, StaffSet staff, Set<String> codes, GeneratedAuditEntries.Writer writer) {
            this.random = random;
            this.staff = staff;
            this.codes = codes;
            this.writer = writer;
        }

        UUID uuid() {
            return new UUID(
                    (random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }

        String code() {
            while (true) {
                var code = new StringBuilder(7);
                for (int i = 0; i < 6; i++) {
                    if (i == 3) {
                        code.append('-');
                    }
                    code.append("23456789ABCDEFGHJKMNPQRSTVWXYZ".charAt(random.nextInt(30)));
                }
                if (codes.add(code.toString())) {
                    return code.toString();
                }
            }
        }

        byte[] seal(String text, String table, String column, UUID row) {
            return encryption.seal(text, new FieldContext(table, column, row.toString()));
        }

        Staff counsellorFor(int index, int clients) {
            var counsellors = staff.counsellors();
            // The heavy counsellors take one client in fifty each (2% of all clients: 2,000 at 100,000).
            if (index % 50 < heavy) {
                return counsellors.get(index % 50);
            }
            double pick = random.nextDouble() * weightTotal;
            for (int i = 0; i < weights.length; i++) {
                pick -= weights[i];
                if (pick <= 0) {
                    return counsellors.get(i);
                }
            }
            return counsellors.getLast();
        }

        Staff supervisorOf(Staff counsellor) {
            return staff.supervisors().stream()
                    .filter(s -> s.teamId() == counsellor.teamId())
                    .findFirst()
                    .orElseThrow();
        }

        void client(int index, int clients) {
            var id = uuid();
            var code = code();
            var counsellor = counsellorFor(index, clients);
            var supervisor = supervisorOf(counsellor);
            // Heavy counsellors' clients are all in active work; otherwise 65% closed, 23% active, 2% assigned, 10%
            // waiting.
            boolean heavyClient = index % 50 < heavy;
            int roll = heavyClient ? 70 : random.nextInt(100);
            String status = roll < 65
                    ? "CLOSED"
                    : roll < 88
                            ? "ACTIVE"
                            : roll < 90 ? "ASSIGNED" : roll < 97 ? "WAITING" : roll < 99 ? "TRIAGED" : "RECEIVED";
            boolean assigned = status.equals("CLOSED") || status.equals("ACTIVE") || status.equals("ASSIGNED");
            LocalDate received = switch (status) {
                case "CLOSED" -> today.minusDays(180 + random.nextInt(900));
                case "ACTIVE" -> today.minusDays(40 + random.nextInt(320));
                case "ASSIGNED" -> today.minusDays(10 + random.nextInt(40));
                default -> today.minusDays(random.nextInt(200));
            };
            Instant receivedAt = received.atTime(10, 0).atZone(zone).toInstant();
            var name = "Client %06d (generated)".formatted(index + 1);
            LocalDate closedOn = null;
            int sessions = switch (status) {
                case "CLOSED" -> 6 + random.nextInt(9);
                case "ACTIVE" ->
                    Math.max(1, (int)
                            Math.min(14, java.time.temporal.ChronoUnit.WEEKS.between(received.plusDays(21), today)));
                default -> 0;
            };
            if (status.equals("CLOSED")) {
                closedOn = received.plusDays(21 + 7L * sessions + 7);
            }
            Long teamId = counsellor.teamId();
            clientRows
                    .add(id)
                    .add(code)
                    .add(status)
                    .add(teamId)
                    .add(assigned ? counsellor.id() : null)
                    .add(received)
                    .add(status.equals("WAITING") ? 1 + random.nextInt(3) : null)
                    .add(seal(name, "client", "preferred_name", id))
                    .add(1950 + random.nextInt(55))
                    .add(AREAS[random.nextInt(AREAS.length)] + (1 + random.nextInt(20)))
                    .add(seal("01632 96%04d".formatted(random.nextInt(10_000)), "client", "phone", id))
                    .add(seal("client%06d@generated.invalid".formatted(index + 1), "client", "email", id))
                    .add(random.nextBoolean())
                    .add(random.nextBoolean())
                    .add(false)
                    .add(closedOn)
                    .add(closedOn == null ? null : random.nextInt(4) == 0 ? "DISENGAGED" : "COMPLETED")
                    .add(
                            closedOn == null
                                    ? null
                                    : seal(
                                            "Closing summary (generated): the work agreed was completed.",
                                            "client",
                                            "closing_summary",
                                            id))
                    .add(receivedAt)
                    .end();
            boolean self = random.nextInt(10) < 6;
            boolean triaged = !status.equals("RECEIVED");
            referrals
                    .add(id)
                    .add(teamId)
                    .add(received)
                    .add(self ? "SELF" : "GP")
                    .add(self ? null : seal("Dr Example (generated), 01632 960000", "referral", "referrer_contact", id))
                    .add(random.nextBoolean() ? "ONLINE_OFFENDING" : "THOUGHTS_OR_URGES")
                    .add(random.nextInt(4) == 0 ? "UNDER_INVESTIGATION" : "NONE_KNOWN")
                    .add("NONE")
                    .add(false)
                    .add(false)
                    .add(random.nextInt(10) == 0 ? "SOON" : "ROUTINE")
                    .add(seal("Referral summary (generated) for a fictional client.", "referral", "summary", id))
                    .add(triaged ? Boolean.TRUE : null)
                    .add(triaged ? seal("Eligible (generated).", "referral", "triage_reason", id) : null)
                    .add(triaged ? supervisor.id() : null)
                    .add(triaged ? receivedAt.plus(Duration.ofDays(2)) : null)
                    .add(supervisor.id())
                    .add(receivedAt)
                    .end();
            history.row(uuid(), id, receivedAt, "CREATED", "RECEIVED", null, supervisor.id(), null);
            audit(receivedAt, supervisor, "SUPERVISOR", AuditAction.CREATE, "client", code, code);
            if (assigned) {
                var at = receivedAt.plus(Duration.ofDays(14));
                history.row(uuid(), id, at, "ASSIGNED", "ASSIGNED", counsellor.id(), supervisor.id(), null);
                audit(at, supervisor, "SUPERVISOR", AuditAction.ASSIGN, "client", code, code);
            }
            LocalDate lastSession = null;
            for (int s = 0; s < sessions; s++) {
                var day = received.plusDays(21 + 7L * s);
                lastSession = day;
                appointment(
                        id,
                        code,
                        counsellor,
                        day.atTime(9 + random.nextInt(8), 0).atZone(zone).toInstant(),
                        true,
                        status.equals("ACTIVE") && s >= sessions - 2);
            }
            if (status.equals("ACTIVE") || status.equals("ASSIGNED")) {
                for (int u = 0; u < 1 + random.nextInt(2); u++) {
                    var day = today.plusDays(1 + random.nextInt(6) + 7L * u);
                    appointment(
                            id,
                            code,
                            counsellor,
                            day.atTime(9 + random.nextInt(8), 0).atZone(zone).toInstant(),
                            false,
                            false);
                }
            }
            if (sessions > 0) {
                score(id, code, counsellor, received.plusDays(21), "INTAKE", 18 + random.nextInt(12));
                if (closedOn != null) {
                    score(id, code, counsellor, lastSession, "CLOSURE", 6 + random.nextInt(14));
                }
                if (!status.equals("CLOSED")) {
                    plan(id, counsellor, received.plusDays(21));
                }
            }
            if (random.nextInt(100) == 0 && assigned) {
                concern(id, code, counsellor, supervisor, received.plusDays(30));
            }
            audit(
                    receivedAt.plus(Duration.ofDays(15)),
                    counsellor,
                    "COUNSELLOR",
                    AuditAction.VIEW,
                    "client",
                    code,
                    code);
        }

        void appointment(UUID client, String code, Staff counsellor, Instant starts, boolean past, boolean recent) {
            var id = uuid();
            past = past && starts.isBefore(now.minus(Duration.ofHours(1)));
            int roll = random.nextInt(100);
            String outcome = !past
                    ? null
                    : roll < 80
                            ? "ATTENDED"
                            : roll < 90
                                    ? "DID_NOT_ATTEND"
                                    : roll < 95 ? "CANCELLED_BY_CLIENT" : "CANCELLED_BY_COUNSELLOR";
            boolean inPerson = random.nextInt(3) == 0;
            var ends = starts.plus(Duration.ofMinutes(50));
            appointments.row(
                    id,
                    client,
                    code,
                    counsellor.id(),
                    starts,
                    ends,
                    inPerson ? "IN_PERSON" : "VIDEO",
                    inPerson ? seal("Room 2, Example House (generated)", "appointment", "location", id) : null,
                    outcome,
                    outcome == null ? null : ends,
                    counsellor.id(),
                    starts.minus(Duration.ofDays(7)));
            if (!"ATTENDED".equals(outcome)) {
                return;
            }
            var noteId = uuid();
            // Signed within a day mostly; 8% signed late (4 to 10 days); recent sessions of active cases are
            // sometimes unsigned, and 1% of all notes were never signed (the worst overdue ones).
            Instant signed;
            int late = random.nextInt(100);
            if ((recent && late < 30) || late == 99) {
                signed = null;
            } else if (late < 8) {
                signed = ends.plus(Duration.ofDays(4 + random.nextInt(7)));
            } else {
                signed = ends.plus(Duration.ofHours(2 + random.nextInt(20)));
            }
            if (signed != null && signed.isAfter(now)) {
                signed = null;
            }
            var theme = THEMES[random.nextInt(THEMES.length)];
            var updated = signed == null ? ends.plus(Duration.ofHours(1)) : signed;
            notes.row(
                    noteId,
                    id,
                    client,
                    code,
                    counsellor.id(),
                    seal("Presented settled (generated).", "session_note", "presentation", noteId),
                    seal("Discussed " + theme + " (generated).", "session_note", "themes", noteId),
                    seal("No new risk observed (generated).", "session_note", "risk_observations", noteId),
                    seal("Reviewed the coping plan (generated).", "session_note", "interventions", noteId),
                    seal("Keep the diary of warning signs (generated).", "session_note", "agreed_actions", noteId),
                    seal("Continue with " + theme + " (generated).", "session_note", "next_plan", noteId),
                    "NO",
                    ends.plus(Duration.ofHours(1)),
                    updated,
                    signed);
            if (signed != null) {
                audit(signed, counsellor, "COUNSELLOR", AuditAction.SIGN, "session-note", noteId.toString(), code);
            }
        }

        void score(UUID client, String code, Staff counsellor, LocalDate on, String point, int total) {
            var items = new int[10];
            int left = Math.min(total, 40);
            for (int i = 0; i < 10; i++) {
                items[i] = Math.min(4, left / (10 - i) + (i < left % (10 - i) ? 1 : 0));
            }
            int sum = 0;
            for (int item : items) {
                sum += item;
            }
            var row = core10.add(uuid())
                    .add(client)
                    .add(code)
                    .add(counsellor.id())
                    .add(on)
                    .add(point);
            for (int item : items) {
                row.add(item);
            }
            row.add(sum)
                    .add(counsellor.id())
                    .add(on.atTime(12, 0).atZone(zone).toInstant())
                    .end();
        }

        void plan(UUID client, Staff counsellor, LocalDate written) {
            var id = uuid();
            var version = uuid();
            int r = random.nextInt(100);
            String level = r < 40 ? "LOW" : r < 75 ? "MEDIUM" : r < 95 ? "HIGH" : "VERY_HIGH";
            // About one plan in ten is overdue for review.
            var nextReview = random.nextInt(10) == 0
                    ? today.minusDays(1 + random.nextInt(60))
                    : today.plusDays(1 + random.nextInt(90));
            var at = written.atTime(15, 0).atZone(zone).toInstant();
            plans.row(id, client, 1, level, "LOW", nextReview, counsellor.id(), at);
            planVersions.row(
                    version,
                    id,
                    1,
                    seal("A good life with work and friends (generated).", "risk_plan_version", "goals", version),
                    seal("Late nights alone online (generated).", "risk_plan_version", "triggers", version),
                    seal("Withdrawing from friends (generated).", "risk_plan_version", "warning_signs", version),
                    seal("Call a friend, leave the room (generated).", "risk_plan_version", "coping", version),
                    seal("Supportive sibling (generated).", "risk_plan_version", "protective_factors", version),
                    seal("Sibling and GP (generated).", "risk_plan_version", "support_network", version),
                    null,
                    level,
                    "LOW",
                    seal(
                            "Rated from the referral and first sessions (generated).",
                            "risk_plan_version",
                            "rating_rationale",
                            version),
                    nextReview,
                    counsellor.id(),
                    at);
        }

        void concern(UUID client, String code, Staff counsellor, Staff supervisor, LocalDate learned) {
            var id = uuid();
            var raised = learned.atTime(16, 0).atZone(zone).toInstant();
            concerns.row(
                    id,
                    client,
                    code,
                    counsellor.teamId(),
                    counsellor.id(),
                    "OTHER",
                    false,
                    learned,
                    seal(
                            "A fictional concern for load testing (generated).",
                            "safeguarding_concern",
                            "what_learned",
                            id),
                    "session-note",
                    counsellor.id(),
                    raised);
            audit(
                    raised,
                    counsellor,
                    "COUNSELLOR",
                    AuditAction.SAFEGUARDING_RAISED,
                    "safeguarding-concern",
                    id.toString(),
                    code);
            // Two in three are decided; the rest stay open.
            if (random.nextInt(3) > 0) {
                var decisionId = uuid();
                var decided = raised.plus(Duration.ofDays(1));
                decisions.row(
                        decisionId,
                        id,
                        "NO_FURTHER_ACTION",
                        null,
                        null,
                        seal("No further action (generated).", "safeguarding_decision", "rationale", decisionId),
                        null,
                        supervisor.id(),
                        decided);
                audit(
                        decided,
                        supervisor,
                        "SUPERVISOR",
                        AuditAction.SAFEGUARDING_DECIDED,
                        "safeguarding-concern",
                        id.toString(),
                        code);
            }
        }

        void audit(
                Instant at,
                Staff actor,
                String roles,
                AuditAction action,
                String type,
                String recordId,
                @Nullable String clientRef) {
            entries.add(new GeneratedAuditEntries.Entry(
                    Math.min(at.toEpochMilli(), now.toEpochMilli()),
                    actor.id(),
                    actor.username(),
                    roles,
                    action,
                    type,
                    recordId,
                    clientRef,
                    "generated load data"));
        }

        void flush(Connection connection) throws SQLException {
            clientRows.flush(connection);
            referrals.flush(connection);
            history.flush(connection);
            appointments.flush(connection);
            notes.flush(connection);
            core10.flush(connection);
            plans.flush(connection);
            planVersions.flush(connection);
            concerns.flush(connection);
            decisions.flush(connection);
            if (entries.size() >= 5_000) {
                flushAudit();
            }
        }

        void flushAudit() {
            for (int from = 0; from < entries.size(); from += 10_000) {
                var block = entries.subList(from, Math.min(entries.size(), from + 10_000));
                audit.appendChained(writer, new ArrayList<>(block));
                auditCount += block.size();
            }
            entries.clear();
        }
    }
}
