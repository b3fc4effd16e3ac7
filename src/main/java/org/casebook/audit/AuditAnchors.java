package org.casebook.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the ledger head outside the database. A chain alone cannot show that its tail was cut off
 * (and the head row moved back to match); an anchor written earlier to a separate append-only file
 * can. Each line is {@code b<block> hash millis mac} for the last block, or, in files written before the
 * ledger (and while no block has been sealed yet), {@code seq hash millis mac} for the last legacy entry;
 * the mac is keyed like the chain so a line cannot be forged without the key.
 */
@Component
class AuditAnchors {

    /** One anchor: of a block ({@code block} true, {@code seq} its number) or of a legacy entry. */
    record Anchor(int line, boolean block, long seq, byte[] hash, long takenAtMs) {}

    record Anchors(List<Anchor> valid, List<Integer> forgedLines) {}

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final Path file;
    private final Clock clock;
    private final byte[] key;
    private byte[] lastAnchoredHash = new byte[0];

    AuditAnchors(JdbcTemplate jdbc, AuditProperties properties, Clock clock, AuditKey key) {
        this.jdbc = jdbc;
        this.file = properties.anchorFile();
        this.clock = clock;
        this.key = key.bytes();
    }

    @Scheduled(
            fixedDelayString = "${casebook.audit.anchor-interval:15m}",
            initialDelayString = "${casebook.audit.anchor-interval:15m}")
    @SchedulerLock(
            name = "audit-anchor",
            lockAtLeastFor = "${casebook.audit.anchor-interval:15m}",
            lockAtMostFor = "${casebook.audit.anchor-lock-at-most-for:1h}")
    void scheduledAnchor() {
        anchorNow();
    }

    /** Appends the current chain head to the anchor file, unless it has not moved since the last anchor. */
    synchronized void anchorNow() {
        var head = jdbc.queryForObject(
                "select block_no, hash from audit_ledger_head where id = 1",
                (rs, row) -> new Anchor(0, true, rs.getLong(1), rs.getBytes(2), clock.millis()));
        if (head != null && head.seq() == 0) {
            head = jdbc.queryForObject(
                    "select seq, hash from audit_chain_head where id = 1",
                    (rs, row) -> new Anchor(0, false, rs.getLong(1), rs.getBytes(2), clock.millis()));
        }
        if (head == null || head.seq() == 0 || ChainHasher.same(head.hash(), lastAnchoredHash)) {
            return;
        }
        var body = (head.block() ? "b" : "") + head.seq() + " " + HEX.formatHex(head.hash()) + " " + head.takenAtMs();
        var line = body + " " + HEX.formatHex(mac(body)) + "\n";
        try {
            var parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (var channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            log.error("Could not write the audit anchor to {}: {}", file, e.getMessage());
            return;
        }
        lastAnchoredHash = head.hash();
    }

    Anchors read() {
        var valid = new ArrayList<Anchor>();
        var forged = new ArrayList<Integer>();
        if (!Files.exists(file)) {
            return new Anchors(valid, forged);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor file " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            var parts = lines.get(i).trim().split(" ");
            if (parts.length == 1 && parts[0].isEmpty()) {
                continue;
            }
            try {
                var body = parts[0] + " " + parts[1] + " " + parts[2];
                if (parts.length != 4 || !ChainHasher.same(mac(body), HEX.parseHex(parts[3]))) {
                    forged.add(i + 1);
                    continue;
                }
                boolean block = parts[0].startsWith("b");
                valid.add(new Anchor(
                        i + 1,
                        block,
                        Long.parseLong(block ? parts[0].substring(1) : parts[0]),
                        HEX.parseHex(parts[1]),
                        Long.parseLong(parts[2])));
            } catch (RuntimeException malformed) {
                forged.add(i + 1);
            }
        }
        return new Anchors(valid, forged);
    }

    private byte[] mac(String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("casebook-audit-anchor " + body).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
