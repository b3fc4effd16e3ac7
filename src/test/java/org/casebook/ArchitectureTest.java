package org.casebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casebook");

    private static final List<Class<? extends Annotation>> VIEW_ACCESS =
            List.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class);

    @Test
    void badInputIsRefusedWithInvalidFieldsAloneSoNoModuleGrowsItsOwnValidationException() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .doNotHaveFullyQualifiedName(org.casebook.validation.InvalidFields.class.getName())
                .should()
                .beAssignableTo(IllegalArgumentException.class)
                .because(
                        "input a person typed wrong is refused with validation.InvalidFields (a message per field, "
                                + "bound to the form by ui.FieldMessages); a bare IllegalArgumentException is a programming error")
                .check(CLASSES);
    }

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(CasebookApplication.class).verify();
    }

    @Test
    void everyRouteAndLayoutCarriesExactlyOneAccessAnnotation() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .or()
                .areAnnotatedWith(Layout.class)
                .should(new ArchCondition<>("carry exactly one access annotation") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        long count = VIEW_ACCESS.stream()
                                .filter(item::isAnnotatedWith)
                                .count();
                        if (count != 1) {
                            events.add(SimpleConditionEvent.violated(
                                    item, item.getName() + " has " + count + " access annotations"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void everyPublicServiceMethodIsProtectedByMethodSecurity() {
        DescribedPredicate<JavaClass> service =
                DescribedPredicate.describe("a @Service", c -> c.isAnnotatedWith(Service.class));
        methods()
                .that()
                .areDeclaredInClassesThat(service)
                .and()
                .arePublic()
                .should(new ArchCondition<>("be protected by method security") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                        boolean onMethod = method.isAnnotatedWith(RolesAllowed.class)
                                || method.isAnnotatedWith(PermitAll.class)
                                || method.isAnnotatedWith(PreAuthorize.class);
                        var owner = method.getOwner();
                        boolean onClass =
                                owner.isAnnotatedWith(RolesAllowed.class) || owner.isAnnotatedWith(PreAuthorize.class);
                        if (!onMethod && !onClass) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is unprotected"));
                        }
                    }
                })
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    /**
     * The one scheduled job that runs on every instance, and why: the audit sequencer's witness checks this
     * instance's own writers, and its chaining takes the ledger head's row lock, so blocks are still sealed by
     * one instance at a time (audit package documentation).
     */
    private static final String ON_EVERY_INSTANCE = "org.casebook.audit.AuditSequencer";

    @Test
    void everyScheduledJobTakesAClusterWideLockSoItRunsOnceAcrossInstances() {
        methods()
                .that()
                .areAnnotatedWith(Scheduled.class)
                .and()
                .areDeclaredInClassesThat()
                .doNotHaveFullyQualifiedName(ON_EVERY_INSTANCE)
                .should()
                .beAnnotatedWith(SchedulerLock.class)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    /**
     * The clinical services' public methods that ask {@link org.casebook.client.CaseAccessPolicy} only whether
     * the person may read (not {@code requireChange}), each checked by hand: reads; the supervisor's own
     * supervision records (about clients of their team, never reached by break-glass); and raising a
     * safeguarding concern, the one change break-glass allows. A new method that asks the policy must ask
     * {@code requireChange} or be added here, in review.
     */
    private static final java.util.Set<String> READS_OR_ALLOWED_UNDER_BREAK_GLASS = java.util.Set.of(
            "ClientService.open",
            "ClientService.summary",
            "ClientService.breakGlass",
            "ClientService.history",
            "ConsentService.overview",
            "ReferralService.referral",
            "ReferralService.assignmentOptions",
            "ReferralService.exclusionOptions",
            "PlanService.open",
            "PlanService.summary",
            "PlanService.version",
            "PlanService.compare",
            "PlanService.exportPdf",
            "SafeguardingService.raise",
            "SafeguardingService.forClient",
            "SafeguardingService.open",
            "AppointmentService.ofClient",
            "Core10Service.scores",
            "SessionNoteService.open",
            "TeamDashboard.reassignmentCandidates",
            "SupervisionRecords.create",
            "SupervisionRecords.update",
            "TaskService.ofClient",
            "ContactService.ofClient",
            "ContactService.logOf",
            "DocumentService.ofClient",
            "DocumentService.download",
            "ReminderService.ofAppointment",
            "ReminderService.ofClient");

    @Test
    void everyClinicalServiceMethodThatAsksThePolicyAsksForChangesOrIsAKnownRead() {
        var policy = CLASSES.get(org.casebook.client.CaseAccessPolicy.class);
        var unclassified = new java.util.TreeSet<String>();
        for (var service : CLASSES) {
            if (!service.isAnnotatedWith(Service.class) || !CLINICAL.contains(module(service))) {
                continue;
            }
            for (var method : service.getMethods()) {
                if (!method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    continue;
                }
                var asked = policyCalls(method, policy, new java.util.HashSet<>());
                var name = service.getSimpleName() + "." + method.getName();
                if (asked.contains("require")
                        && !asked.contains("requireChange")
                        && !READS_OR_ALLOWED_UNDER_BREAK_GLASS.contains(name)) {
                    unclassified.add(name);
                }
            }
        }
        assertThat(unclassified)
                .as("methods that ask only whether the person may read; a change must ask "
                        + "CaseAccessPolicy.requireChange")
                .isEmpty();
    }

    private static final java.util.Set<String> CLINICAL = java.util.Set.of(
            "client",
            "referral",
            "session",
            "riskplan",
            "supervision",
            "dataprotection",
            "tasks",
            "contacts",
            "documents",
            "calendar");

    private static String module(JavaClass type) {
        var rest = type.getPackageName().substring("org.casebook".length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }

    /** The policy's methods this method calls, directly or through methods of the application it calls. */
    private static java.util.Set<String> policyCalls(
            com.tngtech.archunit.core.domain.JavaCodeUnit method,
            JavaClass policy,
            java.util.Set<com.tngtech.archunit.core.domain.JavaCodeUnit> seen) {
        var found = new java.util.HashSet<String>();
        if (!seen.add(method)) {
            return found;
        }
        for (var call : method.getCallsFromSelf()) {
            var target = call.getTargetOwner();
            if (target.equals(policy)) {
                found.add(call.getName());
            } else if (target.getPackageName().startsWith("org.casebook")) {
                call.getTarget().resolveMember().ifPresent(m -> found.addAll(policyCalls(m, policy, seen)));
            }
        }
        return found;
    }

    @Test
    void onlyTheCharityClockSaysWhatDayItIs() {
        var dates = java.util.List.of(
                java.time.LocalDate.class,
                java.time.LocalDateTime.class,
                java.time.LocalTime.class,
                java.time.ZonedDateTime.class,
                java.time.OffsetDateTime.class,
                java.time.YearMonth.class,
                java.time.Year.class,
                java.time.MonthDay.class);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideOutsideOfPackage("org.casebook.time..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "LocalDate.now(...) or a relative",
                        call -> call.getName().equals("now")
                                && dates.stream()
                                        .anyMatch(type -> call.getTargetOwner().isEquivalentTo(type))))
                .because("the charity's date comes from one place, org.casebook.time.CharityClock")
                .check(CLASSES);
    }

    /**
     * Public beans of the feature modules without method security, each with the reason it needs none. Anything
     * else public and Spring-managed in a feature module carries method security on every public method.
     */
    private static final java.util.Map<String, String> UNSECURED_BEANS = java.util.Map.of(
            "CaseAccessPolicy",
                    "the need-to-know rule itself: every method decides for the signed-in person "
                            + "(CurrentUser.require refuses nobody signed in) and grants nothing beyond what it decides",
            "ClientRecords",
                    "changes to the client record inside other modules' services, which have checked role "
                            + "and need-to-know (Propagation.MANDATORY: no caller outside a service transaction); its reads "
                            + "return codes for those services' own checks and lists, which pass through "
                            + "CaseAccessPolicy.visibleOnly before anything is shown",
            "DemoBreakGlass", "demo profile only: seeds fictional past break-glass records at start-up");

    @Test
    void everyPublicMethodOfEveryPublicBeanInTheFeatureModulesIsProtectedOrAllowListed() {
        var unprotected = new java.util.TreeSet<String>();
        for (var type : CLASSES) {
            boolean bean = type.isAnnotatedWith(Service.class)
                    || type.isAnnotatedWith(org.springframework.stereotype.Component.class)
                    || type.isAnnotatedWith(org.springframework.stereotype.Repository.class);
            if (!bean
                    || !type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                    || !FEATURES.contains(module(type))
                    || type.getPackageName().endsWith(".ui")
                    || UNSECURED_BEANS.containsKey(type.getSimpleName())) {
                continue;
            }
            boolean onClass = type.isAnnotatedWith(RolesAllowed.class) || type.isAnnotatedWith(PreAuthorize.class);
            for (var method : type.getMethods()) {
                if (!method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    continue;
                }
                boolean onMethod = method.isAnnotatedWith(RolesAllowed.class)
                        || method.isAnnotatedWith(PermitAll.class)
                        || method.isAnnotatedWith(PreAuthorize.class);
                if (!onClass && !onMethod) {
                    unprotected.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(unprotected)
                .as("public bean methods without method security")
                .isEmpty();
    }

    private static final java.util.Set<String> FEATURES = java.util.Set.of(
            "client",
            "referral",
            "session",
            "riskplan",
            "supervision",
            "admin",
            "dataprotection",
            "tasks",
            "contacts",
            "documents",
            "calendar");
}
