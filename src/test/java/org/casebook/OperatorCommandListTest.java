package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.classreading.MetadataReader;

/** The commands {@code main} accepts are exactly the command beans the modules declare. */
class OperatorCommandListTest {

    @Test
    void theListOfCommandsNamesEveryCommandBeanAndNothingElse() {
        var declared = new ArrayList<String>();
        // Reads the annotations without evaluating them (a plain scan would skip every conditional class).
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) {
                var condition =
                        reader.getAnnotationMetadata().getAnnotationAttributes(ConditionalOnProperty.class.getName());
                if (condition != null
                        && List.of((String[]) condition.get("name")).contains("casebook.command")) {
                    declared.add((String) condition.get("havingValue"));
                }
                return false;
            }
        };
        scanner.findCandidateComponents("org.casebook");
        assertThat(declared).containsExactlyInAnyOrderElementsOf(CasebookApplication.COMMANDS);
    }

    @Test
    void theMessageForAnUnknownCommandListsEveryCommand() {
        assertThat(CasebookApplication.unknownCommand(List.of("verify-audti")))
                .startsWith("Unknown command: --casebook.command=verify-audti.")
                .contains(CasebookApplication.COMMANDS.stream()
                        .map(c -> "--casebook.command=" + c)
                        .toList());
    }
}
