-- PostgreSQL: plan versions, structured reviews and safeguarding records are write-once. What was recorded
-- is never edited or deleted; a plan changes by a new version, a concern by a dated comment, decision or closure.
-- The one update allowed is re-encryption under a new key: only the sealed columns (the trigger's arguments) change.
create function riskplan_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (to_jsonb(new) - tg_argv) = (to_jsonb(old) - tg_argv) then
        return new;
    end if;
    raise exception 'this record is write-once: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger risk_plan_version_write_once before update or delete on risk_plan_version
    for each row execute function riskplan_refuse_change('goals','triggers','warning_signs','coping','protective_factors','support_network','external_conditions','rating_rationale');
create trigger risk_plan_version_no_truncate before truncate on risk_plan_version
    for each statement execute function riskplan_refuse_change();
create trigger risk_plan_action_write_once before update or delete on risk_plan_action
    for each row execute function riskplan_refuse_change('what','who');
create trigger risk_plan_action_no_truncate before truncate on risk_plan_action
    for each statement execute function riskplan_refuse_change();
create trigger risk_review_write_once before update or delete on risk_review
    for each row execute function riskplan_refuse_change('social_influences_comment','intimacy_deficits_comment','sexual_self_regulation_comment','general_self_regulation_comment','cooperation_comment');
create trigger risk_review_no_truncate before truncate on risk_review
    for each statement execute function riskplan_refuse_change();
create trigger safeguarding_concern_write_once before update or delete on safeguarding_concern
    for each row execute function riskplan_refuse_change('what_learned');
create trigger safeguarding_concern_no_truncate before truncate on safeguarding_concern
    for each statement execute function riskplan_refuse_change();
create trigger safeguarding_decision_write_once before update or delete on safeguarding_decision
    for each row execute function riskplan_refuse_change('rationale','follow_up');
create trigger safeguarding_decision_no_truncate before truncate on safeguarding_decision
    for each statement execute function riskplan_refuse_change();
create trigger safeguarding_closure_write_once before update or delete on safeguarding_closure
    for each row execute function riskplan_refuse_change('note');
create trigger safeguarding_closure_no_truncate before truncate on safeguarding_closure
    for each statement execute function riskplan_refuse_change();
create trigger safeguarding_comment_write_once before update or delete on safeguarding_comment
    for each row execute function riskplan_refuse_change('body');
create trigger safeguarding_comment_no_truncate before truncate on safeguarding_comment
    for each statement execute function riskplan_refuse_change();

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute 'revoke delete, truncate on risk_plan_version from ${appRole}';
        execute 'revoke delete, truncate on risk_plan_action from ${appRole}';
        execute 'revoke delete, truncate on risk_review from ${appRole}';
        execute 'revoke delete, truncate on safeguarding_concern from ${appRole}';
        execute 'revoke delete, truncate on safeguarding_decision from ${appRole}';
        execute 'revoke delete, truncate on safeguarding_closure from ${appRole}';
        execute 'revoke delete, truncate on safeguarding_comment from ${appRole}';
    end if;
end
$$;
