using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Features.Statistics;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Reports;

public sealed record CreateReportRequest(
    string? Kind = null, string? Period = null, string? From = null, string? To = null, long? JurisdictionId = null,
    string? Title = null, string? Focus = null, string? Topic = null, string[]? AppealNumbers = null);

public sealed record EditReportRequest(string? Title, string? Summary, string? Analysis, string? Suggestions, int? Version = null);

public sealed record ReportListItem(long Id, ReportKind Kind, string KindLabel, ReportStatus Status, string StatusLabel, long JurisdictionId,
    string JurisdictionName, DateOnly From, DateOnly To, string? IsoWeek, string Title, DateTimeOffset CreatedAt, DateTimeOffset? IssuedAt);

public sealed record ReportView(ReportListItem Report, string? Focus, string? Topic, ReportText Text, ReportFigures Figures,
    IReadOnlyList<long> RelatedAppealIds, int Version, string CreatedBy, string? IssuedBy);

/// <summary>
/// 周报 and 专报: drafts made on demand by analysts (and every Monday by <see cref="WeeklySchedule"/>), edited by the
/// analyst (text only: figures stay as computed), issued to the jurisdiction's leaders (their inbox and /reports).
/// Analysts see the reports of their jurisdiction (a city's analysts also its counties'), leaders only issued ones;
/// anyone else sees none. A weekly report of an ISO week exists once per jurisdiction.
/// </summary>
public sealed class ReportDesk(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree units, TimeProvider clock,
    ReportFiguresBuilder figures, IReportTopics topics, AppealScope appeals)
{
    public const int ListMax = 200;

    private IQueryable<Report> Visible()
    {
        if (!me.IsAuthenticated || me.Role is not (Role.Analyst or Role.Leader)) return db.Set<Report>().Where(_ => false);
        var subtree = units.Subtree(me.JurisdictionId).ToArray();
        var q = db.Set<Report>().Where(r => subtree.Contains(r.JurisdictionId));
        return me.Role == Role.Leader ? q.Where(r => r.Status == ReportStatus.Issued) : q;
    }

    public async Task<List<ReportListItem>> ListAsync(CancellationToken ct) =>
        (await Visible().AsNoTracking().OrderByDescending(r => r.PeriodTo).ThenByDescending(r => r.Id).Take(ListMax).ToListAsync(ct))
        .Select(Item).ToList();

    public async Task<Report?> FindAsync(long id, CancellationToken ct) => await Visible().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<ReportView?> GetAsync(long id, CancellationToken ct) => await FindAsync(id, ct) is { } r ? View(r) : null;

    /// <summary>A new draft (201), or the existing weekly report of that ISO week (Created false).</summary>
    public async Task<(ReportView View, bool Created)> CreateAsync(CreateReportRequest req, CancellationToken ct)
    {
        RequireAnalyst();
        var errors = new FieldErrors();
        var kind = req.Kind?.Trim() switch
        {
            null or "" or "weekly" or "Weekly" => ReportKind.Weekly,
            "special" or "Special" => ReportKind.Special,
            _ => (ReportKind?)null,
        };
        if (kind is null) errors.Add("kind", "报告类型应为 weekly（周报）或 special（专报）。");
        var jurisdictionId = req.JurisdictionId ?? me.JurisdictionId;
        if (units.Find(jurisdictionId) is not { } unit || !(unit.Kind.IsJurisdiction() || unit.ParentId is null))
            errors.Add("jurisdictionId", "辖区应为县（区）或市。");
        if (kind == ReportKind.Special) errors.Text("title", req.Title, "专报标题", Report.TitleMax);
        else errors.Text("title", req.Title, "标题", Report.TitleMax, required: false);
        errors.Text("focus", req.Focus, "关注事项", Report.FocusMax, required: false);
        errors.ThrowIfAny();
        if (!me.InJurisdiction(jurisdictionId)) throw new OutOfScopeException("只能为本辖区（及其下辖县区）编写报告。");

        var now = clock.GetUtcNow();
        string? week = null;
        StatisticsPeriod period;
        if (!string.IsNullOrWhiteSpace(req.Period))
        {
            week = req.Period.Trim();
            period = IsoWeeks.Period(week);
        }
        else if (string.IsNullOrWhiteSpace(req.From) && string.IsNullOrWhiteSpace(req.To) && kind == ReportKind.Weekly)
        {
            week = IsoWeeks.Of(ChinaTimeToday(now).AddDays(-7));
            period = IsoWeeks.Period(week);
        }
        else period = StatisticsPeriod.Parse(req.From, req.To, now);

        if (kind == ReportKind.Weekly && week is not null
            && await db.Set<Report>().AsNoTracking().FirstOrDefaultAsync(r => r.ScheduleKey == Report.KeyOf(jurisdictionId, week), ct) is { } existing)
            return (View(existing), false);

        var related = await RelatedAsync(jurisdictionId, period, req, ct);
        var report = await DraftAsync(kind!.Value, jurisdictionId, period, week, req.Title, req.Focus, req.Topic, related, ct);
        return (View(report), true);
    }

    /// <summary>Computes the figures and writes the draft, audited; the schedule calls this as the system actor.</summary>
    internal async Task<Report> DraftAsync(ReportKind kind, long jurisdictionId, StatisticsPeriod period, string? week, string? title,
        string? focus, string? topic, IReadOnlyList<long> related, CancellationToken ct)
    {
        var f = await figures.BuildAsync(jurisdictionId, period, related, ct);
        var name = units.NameOf(jurisdictionId);
        var heading = string.IsNullOrWhiteSpace(title)
            ? kind == ReportKind.Weekly ? $"{name}群众诉求办理周报" : $"{name}群众诉求专报"
            : title.Trim();
        var text = ReportWriter.Draft(f, kind == ReportKind.Weekly && week is not null, focus);
        var report = new Report(kind, jurisdictionId, period.From, period.To, week, heading, Blank(focus), Blank(topic), related,
            System.Text.Json.JsonSerializer.Serialize(f, ReportDocument.Json), text, me.Username, clock.GetUtcNow());
        return await commit.RunAsync(notes =>
        {
            db.Add(report);
            notes.Record(AuditActions.ReportCreate, () => report.Id.ToString(), () => $"{kind} {name} {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}");
            return Task.FromResult(report);
        }, ct);
    }

    public async Task<ReportView?> EditAsync(long id, EditReportRequest req, CancellationToken ct)
    {
        RequireAnalyst();
        var errors = new FieldErrors();
        errors.Text("title", req.Title, "标题", Report.TitleMax);
        errors.Text("summary", req.Summary, "摘要", Report.SectionMax);
        errors.Text("analysis", req.Analysis, "分析", Report.SectionMax, required: false);
        errors.Text("suggestions", req.Suggestions, "工作建议", Report.SectionMax, required: false);
        errors.ThrowIfAny();
        var report = await Visible().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return null;
        Expect(report, req.Version);
        return View(await commit.RunAsync(notes =>
        {
            report.Edit(req.Title!.Trim(), new ReportText(req.Summary!.Trim(), req.Analysis?.Trim() ?? "", req.Suggestions?.Trim() ?? ""),
                me.Username, clock.GetUtcNow());
            notes.Record(AuditActions.ReportEdit, id.ToString(), $"version {report.Version}");
            return Task.FromResult(report);
        }, ct));
    }

    /// <summary>Issues the draft to the jurisdiction's leaders: status, one inbox message for them, one audit entry.</summary>
    public async Task<ReportView?> IssueAsync(long id, int? version, CancellationToken ct)
    {
        RequireAnalyst();
        var report = await Visible().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return null;
        Expect(report, version);
        return View(await IssueDraftAsync(report, ct));
    }

    /// <summary>Issues a tracked draft as the current actor (the demo seed issues its report as "demo").</summary>
    internal Task<Report> IssueDraftAsync(Report report, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = report.Id;
        return commit.RunAsync(notes =>
        {
            report.Issue(me.Username, now);
            var summary = report.Summary.Length > 200 ? report.Summary[..200] + "……" : report.Summary;
            db.Notifications.Add(new Notification($"report:{report.Id}:issued", NotificationKind.ReportIssued, Audience.Leaders,
                report.JurisdictionId, null, null, $"{Labels.ReportKind(report.Kind)}：{report.Title}",
                $"{summary}\n全文见“报告”页：/reports/{report.Id}", null, now));
            notes.Record(AuditActions.ReportIssue, id.ToString(), report.Title);
            return Task.FromResult(report);
        }, ct);
    }

    public ReportView View(Report r) => new(Item(r), r.Focus, r.Topic, r.Text, ReportDocument.Figures(r), r.RelatedIds, r.Version, r.CreatedBy, r.IssuedBy);

    private ReportListItem Item(Report r) => new(r.Id, r.Kind, Labels.ReportKind(r.Kind), r.Status, Labels.ReportStatus(r.Status), r.JurisdictionId,
        units.NameOf(r.JurisdictionId), r.PeriodFrom, r.PeriodTo, r.IsoWeek, r.Title, r.CreatedAt, r.IssuedAt);

    /// <summary>The appeals a 专报 is about: those named by number and those of the named hot topic, all within the jurisdiction.</summary>
    private async Task<IReadOnlyList<long>> RelatedAsync(long jurisdictionId, StatisticsPeriod period, CreateReportRequest req, CancellationToken ct)
    {
        var ids = new List<long>();
        var scope = appeals.OfJurisdiction(jurisdictionId);
        var numbers = (req.AppealNumbers ?? []).Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct().ToList();
        if (numbers.Count > 50) throw new DomainValidationException("appealNumbers", "一份专报最多关联 50 件诉求。");
        if (numbers.Count > 0)
        {
            var found = await scope.Visible().Where(a => numbers.Contains(a.Number)).Select(a => new { a.Id, a.Number }).ToListAsync(ct);
            var missing = numbers.Except(found.Select(f => f.Number)).ToList();
            if (missing.Count > 0) throw new DomainValidationException("appealNumbers", $"本辖区没有这些编号的诉求：{string.Join("、", missing)}。");
            ids.AddRange(found.Select(f => f.Id));
        }
        if (!string.IsNullOrWhiteSpace(req.Topic))
        {
            var previousStart = period.Start.AddDays(-period.Days);
            var section = await topics.FindAsync(scope, period.Start, period.End, previousStart, ct);
            var topic = section.Topics.FirstOrDefault(t => t.Title == req.Topic.Trim())
                ?? throw new DomainValidationException("topic", section.Available ? "该时段没有这个热点问题。" : section.Note);
            ids.AddRange(topic.AppealIds);
        }
        return ids.Distinct().ToList();
    }

    private void RequireAnalyst()
    {
        if (me.Role != Role.Analyst) throw new OutOfScopeException("只有分析员可以编写和签发报告。");
    }

    private static void Expect(Report r, int? version)
    {
        if (version is { } v && v != r.Version) throw new ReportStateException("报告已被他人修改，请刷新后重试。");
    }

    private static DateOnly ChinaTimeToday(DateTimeOffset now) => Domain.Calendar.ChinaTime.DateOf(now);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
