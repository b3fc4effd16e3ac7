package org.casebook.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Looks staff and teams up for other modules' internal use: attributing a failed sign-in to an account,
 * deciding who may see a client (need-to-know), offering counsellors for assignment. Not a view-facing
 * service: it returns names, roles and team ids, never credentials or contact details, and checks no
 * roles itself, so only services that do call it.
 */
@Component
public class StaffDirectory {

    /** The identity of an account, nothing more. */
    public record StaffRef(long id, String username, Set<Role> roles) {}

    private final StaffAccountRepository accounts;

    StaffDirectory(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<StaffRef> findByUsername(String username) {
        return accounts.findByUsername(username).map(a -> new StaffRef(a.id(), a.username(), a.roles()));
    }

    /** The teams this member of staff leads as supervisor (usually one, possibly none). */
    @Transactional(readOnly = true)
    public Set<Long> teamsLedBy(long staffId) {
        return perRequest(CACHE + "teamsLedBy." + staffId, () -> Set.copyOf(accounts.teamsLedBy(staffId)));
    }

    /** The team this member of staff belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> teamOf(long staffId) {
        return accounts.findById(staffId).map(StaffAccount::team).map(Team::id);
    }

    /** The active counsellors who belong to one of these teams, by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> activeCounsellorsIn(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return perRequest(
                CACHE + "activeCounsellorsIn." + new java.util.TreeSet<>(teamIds),
                () -> accounts.findActiveCounsellorsIn(teamIds).stream()
                        .map(a -> new StaffMember(a.id(), a.displayName(), a.roles()))
                        .toList());
    }

    private static final String CACHE = StaffDirectory.class.getName() + ".";

    /**
     * Who leads which team and who counsels in it are asked by several services while one request builds a
     * page (a supervisor's home asked six times, the dashboard eleven): the answer is kept for the rest of the
     * request (immutable values, in the request's attributes; without a request, such as in a command, it is
     * read each time). Any change to accounts or teams forgets it, so a request never acts on an answer it
     * has itself made stale.
     */
    @SuppressWarnings("unchecked")
    private static <T> T perRequest(String key, Supplier<T> load) {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return load.get();
        }
        var cached = attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return (T) cached;
        }
        var value = load.get();
        attributes.setAttribute(key, value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }

    @EventListener({AccountAdministered.class, TeamAdministered.class, TeamSupervisorChanged.class})
    void forgetCachedTeams() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return;
        }
        for (var name : attributes.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
            if (name.startsWith(CACHE)) {
                attributes.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
            }
        }
    }

    /** Display names by account id, for showing who did what; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> staffIds) {
        if (staffIds.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllById(staffIds).stream()
                .collect(Collectors.toMap(StaffAccount::id, StaffAccount::displayName));
    }

    /** The member of staff with this id, if they exist (active or not). */
    @Transactional(readOnly = true)
    public Optional<StaffMember> member(long staffId) {
        return accounts.findById(staffId).map(a -> new StaffMember(a.id(), a.displayName(), a.roles()));
    }
}
