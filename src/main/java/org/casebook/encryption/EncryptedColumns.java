package org.casebook.encryption;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Every {@link EncryptedColumn} the modules declare: what the re-encryption job walks through. */
@Component
class EncryptedColumns {

    private final List<EncryptedColumn> columns;

    @Autowired
    EncryptedColumns(ObjectProvider<EncryptedColumn> declared) {
        this(declared.stream().toList());
    }

    EncryptedColumns(List<EncryptedColumn> declared) {
        var seen = new HashSet<String>();
        for (var column : declared) {
            if (!seen.add(column.qualifiedName())) {
                throw new IllegalStateException(
                        "The encrypted column " + column.qualifiedName() + " is declared twice");
            }
        }
        this.columns = declared.stream()
                .sorted(Comparator.comparing(EncryptedColumn::table).thenComparing(EncryptedColumn::column))
                .toList();
    }

    List<EncryptedColumn> all() {
        return columns;
    }
}
