package org.casebook.client;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AgreementVersionRepository extends JpaRepository<AgreementVersion, Long> {

    Optional<AgreementVersion> findFirstByOrderByPublishedOnDescIdDesc();

    List<AgreementVersion> findAllByOrderByPublishedOnDescIdDesc();

    boolean existsByLabel(String label);
}

interface ClientAgreementRepository extends JpaRepository<ClientAgreement, UUID> {

    List<ClientAgreement> findByClientIdOrderByAgreedOnDescRecordedAtDesc(UUID clientId);

    /**
     * Open clients the person may see (assigned, or of a team they lead, never excluded) whose most recent
     * agreement is on another version than {@code latest}: each row is the client code, status, the version
     * label agreed and the date.
     */
    @Query("""
            select c.code, c.status, v.label, a.agreedOn from Client c, ClientAgreement a, AgreementVersion v
            where a.clientId = c.id and v.id = a.versionId
              and (c.counsellorId = :staffId or c.teamId in :teams)
              and not exists (select x from ClientExclusion x where x.clientId = c.id and x.staffId = :staffId)
              and c.status <> org.casebook.client.CaseStatus.CLOSED
              and a.recordedAt = (select max(a2.recordedAt) from ClientAgreement a2 where a2.clientId = c.id)
              and a.versionId <> :latest
            order by a.agreedOn, c.code""")
    List<Object[]> findNeedingReConsent(long staffId, Collection<Long> teams, long latest);
}

interface ShareConsentRepository extends JpaRepository<ShareConsent, UUID> {

    List<ShareConsent> findByClientIdOrderByGivenOnDesc(UUID clientId);
}
