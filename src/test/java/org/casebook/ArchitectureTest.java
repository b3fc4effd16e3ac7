package org.casebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

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
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(CasebookApplication.class).verify();
    }

    @Test
    void everyRouteAndLayoutCarriesExactlyOneAccessAnnotation() {
        classes().that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
                .should(new ArchCondition<>("carry exactly one access annotation") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        long count = VIEW_ACCESS.stream().filter(item::isAnnotatedWith).count();
                        if (count != 1) {
                            events.add(SimpleConditionEvent.violated(item,
                                    item.getName() + " has " + count + " access annotations"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void everyPublicServiceMethodIsProtectedByMethodSecurity() {
        DescribedPredicate<JavaClass> service = DescribedPredicate.describe("a @Service",
                c -> c.isAnnotatedWith(Service.class));
        methods().that().areDeclaredInClassesThat(service).and().arePublic()
                .should(new ArchCondition<>("be protected by method security") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                        boolean onMethod = method.isAnnotatedWith(RolesAllowed.class)
                                || method.isAnnotatedWith(PermitAll.class)
                                || method.isAnnotatedWith(PreAuthorize.class);
                        var owner = method.getOwner();
                        boolean onClass = owner.isAnnotatedWith(RolesAllowed.class)
                                || owner.isAnnotatedWith(PreAuthorize.class);
                        if (!onMethod && !onClass) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is unprotected"));
                        }
                    }
                })
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void everyScheduledJobTakesAClusterWideLockSoItRunsOnceAcrossInstances() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .should().beAnnotatedWith(SchedulerLock.class)
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
