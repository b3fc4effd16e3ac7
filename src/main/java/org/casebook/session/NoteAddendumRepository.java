package org.casebook.session;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoteAddendumRepository extends JpaRepository<NoteAddendum, UUID> {

    List<NoteAddendum> findByNoteIdOrderBySignedAtAscIdAsc(UUID noteId);
}
