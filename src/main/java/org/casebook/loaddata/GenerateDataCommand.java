package org.casebook.loaddata;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar casebook.jar --casebook.command=generate-data --clients=100000 [--seed=19]}: fills an empty
 * PostgreSQL database (or one with only the demo data) with fictional generated records for benchmarks and load
 * tests (see {@link LoadDataGenerator}). Exits 0 when done, 1 when refused or failed.
 */
@Component
@ConditionalOnProperty(name = "casebook.command", havingValue = GenerateDataCommand.NAME)
class GenerateDataCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String NAME = "generate-data";

    private final LoadDataGenerator generator;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode = 1;

    GenerateDataCommand(LoadDataGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        int clients;
        long seed;
        try {
            clients = Integer.parseInt(option(args, "clients", ""));
            seed = Long.parseLong(option(args, "seed", "19"));
        } catch (NumberFormatException e) {
            err.println("Say how many clients to generate: --casebook.command=generate-data --clients=100000 "
                    + "(optionally --seed=<number> for another data set)");
            return;
        }
        try {
            var summary = generator.generate(clients, seed);
            out.printf(
                    "Generated %d teams, %d staff accounts, %d clients, %d appointments, %d notes and %d audit "
                            + "entries in %d s.%n",
                    summary.teams(),
                    summary.staff(),
                    summary.clients(),
                    summary.appointments(),
                    summary.notes(),
                    summary.auditEntries(),
                    summary.took().toSeconds());
            out.println(
                    "Generated accounts: gen-admin, gen-s01 ... (supervisors), gen-c01-01 ... (counsellors); password "
                            + LoadDataGenerator.PASSWORD + ", authenticator secret " + LoadDataGenerator.TOTP_SECRET
                            + ". They are marked as demo accounts: a production start refuses them, as it refuses the demo's.");
            exitCode = 0;
        } catch (LoadDataGenerator.Refused refused) {
            err.println(refused.getMessage());
        } catch (SQLException e) {
            err.println("Could not generate data: " + e.getMessage());
        }
    }

    private static String option(ApplicationArguments args, String name, String otherwise) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty()
                ? otherwise
                : values.getFirst().strip();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
