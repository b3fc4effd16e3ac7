package org.casebook;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.casebook.encryption.EncryptionCommands;

/** A production keyset, made the way an operator makes one: {@code --casebook.create-keyset} with a master key. */
public final class TestKeyset {

    private TestKeyset() {}

    /** A fresh master key as {@code CASEBOOK_MASTER_KEY} takes it: 32 random bytes in base64. */
    public static String newMasterKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Creates {@code keyset.json} in the folder, encrypted with the master key, and returns its path. */
    public static Path create(Path folder, String masterKey) {
        var file = folder.resolve("keyset.json");
        int status = EncryptionCommands.run(
                CasebookApplication.class,
                "--casebook.create-keyset",
                "--spring.profiles.active=prod",
                "--CASEBOOK_KEYSET_FILE=" + file,
                "--CASEBOOK_MASTER_KEY=" + masterKey);
        if (status != 0) {
            throw new IllegalStateException("--casebook.create-keyset exited with " + status);
        }
        return file;
    }
}
