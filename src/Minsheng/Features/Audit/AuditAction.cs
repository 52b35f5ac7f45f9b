namespace Minsheng.Features.Audit;

/// <summary>
/// What an audit entry records: the action's stable name (stored, searched and verified) and the kind of entity
/// it touches. Declared once in <see cref="AuditActions"/> so that a typo cannot start a new action name.
/// </summary>
public sealed record AuditAction(string Name, string Entity)
{
    public override string ToString() => Name;
}

/// <summary>Every audited action. Names are stored in the chain: never rename one, add a new one instead.</summary>
public static class AuditActions
{
    // Sign-in and the chain itself
    public static readonly AuditAction Login = new("login", "user");
    public static readonly AuditAction LoginFailed = new("login-failed", "user");
    public static readonly AuditAction Logout = new("logout", "user");
    public static readonly AuditAction KeySwitch = new(AuditLog.KeyAction, "audit_log");
    public static readonly AuditAction DemoSeed = new("demo.seed", "database");

    // Organisation and settings
    public static readonly AuditAction UnitCreate = new("unit.create", "unit");
    public static readonly AuditAction UnitUpdate = new("unit.update", "unit");
    public static readonly AuditAction CategoryCreate = new("category.create", "category");
    public static readonly AuditAction CategoryUpdate = new("category.update", "category");
    public static readonly AuditAction UserCreate = new("user.create", "user");
    public static readonly AuditAction UserUpdate = new("user.update", "user");
    public static readonly AuditAction UserResetPassword = new("user.reset-password", "user");
    public static readonly AuditAction PolicyAdd = new("policy.add", "policy");
    public static readonly AuditAction RulesUpdate = new("rules.update", "settings");
    public static readonly AuditAction CalendarSet = new("calendar.set", "calendar");
    public static readonly AuditAction CalendarRemove = new("calendar.remove", "calendar");
    public static readonly AuditAction RoutingRuleAdd = new("routing-rule.add", "routing_rule");
    public static readonly AuditAction RoutingRuleRemove = new("routing-rule.remove", "routing_rule");
    public static readonly AuditAction GazetteerAdd = new("gazetteer.add", "gazetteer");
    public static readonly AuditAction GazetteerRemove = new("gazetteer.remove", "gazetteer");
    public static readonly AuditAction TriageRetrain = new("triage.retrain", "triage_models");
    public static readonly AuditAction KnowledgeCreate = new("knowledge.create", "knowledge");
    public static readonly AuditAction KnowledgeUpdate = new("knowledge.update", "knowledge");
    public static readonly AuditAction KnowledgeDelete = new("knowledge.delete", "knowledge");
    public static readonly AuditAction PortalSettings = new("portal.settings", "unit");

    // Appeals (a workflow step is audited as "appeal.<AppealAction>", the timeline's own name, e.g. appeal.Dispatch)
    public static readonly AuditAction AppealRegister = new("appeal.register", "appeal");
    public static readonly AuditAction AppealUnmask = new("appeal.unmask", "appeal");
    public static readonly AuditAction AppealDispatchOverride = new("appeal.dispatch-override", "appeal");
    public static readonly AuditAction AppealRate = new("appeal.rate", "appeal");
    public static AuditAction ForWorkflow(Minsheng.Domain.Appeals.AppealAction recorded) => new($"appeal.{recorded}", "appeal");

    // Accountability and publicity
    public static readonly AuditAction SupervisionIssue = new("supervision.issue", "appeal");
    public static readonly AuditAction LeadConfirm = new("lead.confirm", "lead");
    public static readonly AuditAction LeadDismiss = new("lead.dismiss", "lead");
    public static readonly AuditAction LeadRequestPublication = new("lead.request-publication", "lead");
    public static readonly AuditAction LeadApprovePublication = new("lead.approve-publication", "lead");
    public static readonly AuditAction CasePublish = new("case.publish", "appeal");
    public static readonly AuditAction CaseUnpublish = new("case.unpublish", "appeal");

    // 每月一题 and 未诉先办
    public static readonly AuditAction PriorityCreate = new("priority.create", "monthly_priority");
    public static readonly AuditAction PriorityMilestoneAdd = new("priority.milestone-add", "monthly_priority");
    public static readonly AuditAction PriorityMilestoneDone = new("priority.milestone-done", "monthly_priority");
    public static readonly AuditAction PriorityProgress = new("priority.progress", "monthly_priority");
    public static readonly AuditAction PriorityComplete = new("priority.complete", "monthly_priority");
    public static readonly AuditAction PriorityPublish = new("priority.publish", "monthly_priority");
    public static readonly AuditAction ProactiveCreate = new("proactive.create", "proactive_plan");
    public static readonly AuditAction ProactiveActivate = new("proactive.activate", "proactive_plan");
    public static readonly AuditAction ProactiveRemind = new("proactive.remind", "proactive_plan");
    public static readonly AuditAction CaseSupport = new("case.support", "published_case");

    // Analysis (民意分析): hot topics are recomputed data, the analysts' edits their own work
    public static readonly AuditAction TopicsRecompute = new("topics.recompute", "hot_topics");
    public static readonly AuditAction TopicEdit = new("topic.edit", "hot_topic");
    // Analysis: weekly and special reports
    public static readonly AuditAction ReportCreate = new("report.create", "report");
    public static readonly AuditAction ReportEdit = new("report.edit", "report");
    public static readonly AuditAction ReportIssue = new("report.issue", "report");
    // 《民意参考》 and leaders' instructions (批示 → 交办)
    public static readonly AuditAction BulletinCreate = new("bulletin.create", "bulletin");
    public static readonly AuditAction BulletinItemAdd = new("bulletin.item-add", "bulletin");
    public static readonly AuditAction BulletinItemEdit = new("bulletin.item-edit", "bulletin");
    public static readonly AuditAction BulletinItemRemove = new("bulletin.item-remove", "bulletin");
    public static readonly AuditAction BulletinReview = new("bulletin.review", "bulletin");
    public static readonly AuditAction BulletinIssue = new("bulletin.issue", "bulletin");
    public static readonly AuditAction InstructionCreate = new("instruction.create", "instruction");
    public static readonly AuditAction InstructionReport = new("instruction.report", "instruction");
    public static readonly AuditAction InstructionAccept = new("instruction.accept", "instruction");
    public static readonly AuditAction InstructionReturn = new("instruction.return", "instruction");
    // 考核: schemes, the monthly cycle, score appeals (申诉) and force majeure
    public static readonly AuditAction AssessmentScheme = new("assessment.scheme", "assessment_scheme");
    public static readonly AuditAction AssessmentDraft = new("assessment.draft", "assessment_period");
    public static readonly AuditAction AssessmentRecompute = new("assessment.recompute", "assessment_period");
    public static readonly AuditAction AssessmentOpen = new("assessment.open", "assessment_period");
    public static readonly AuditAction AssessmentClose = new("assessment.close", "assessment_period");
    public static readonly AuditAction AssessmentFreeze = new("assessment.freeze", "assessment_period");
    public static readonly AuditAction AssessmentPublish = new("assessment.publish", "assessment_period");
    public static readonly AuditAction ScoreAppealFile = new("score-appeal.file", "score_appeal");
    public static readonly AuditAction ScoreAppealRule = new("score-appeal.rule", "score_appeal");
    public static readonly AuditAction ForceMajeureDeclare = new("force-majeure.declare", "force_majeure");
}
