-- H2: plan versions, structured reviews and safeguarding records are write-once (see the PostgreSQL twin).
create trigger risk_plan_version_write_once before update, delete on risk_plan_version
    for each row call 'org.casebook.riskplan.WriteOnceH2Trigger';
create trigger risk_plan_action_write_once before update, delete on risk_plan_action
    for each row call 'org.casebook.riskplan.WriteOnceH2Trigger';
create trigger risk_review_write_once before update, delete on risk_review
    for each row call 'org.casebook.riskplan.WriteOnceH2Trigger';
create trigger safeguarding_concern_write_once before update, delete on safeguarding_concern
    for each row call 'org.casebook.riskplan.WriteOnceH2Trigger';
create trigger safeguarding_decision_write_once before update, delete on safeguarding_decision
    for each row call 'org.casebook.riskplan.WriteOnceH2Trigger';
create trigger safeguarding_closure_write_once before update, delete on safeguarding_closure
    for each row call 'org.casebook.riskplan.WriteOnceH2Trigger';
create trigger safeguarding_comment_write_once before update, delete on safeguarding_comment
    for each row call 'org.casebook.riskplan.WriteOnceH2Trigger';
