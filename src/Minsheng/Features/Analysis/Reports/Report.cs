using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain;

namespace Minsheng.Features.Analysis.Reports;

public enum ReportKind { Weekly, Special }

public enum ReportStatus { Draft, Issued }

/// <summary>
/// A 周报 or 专报 of one jurisdiction (table reports, migration 015). Figures are frozen JSON computed when the draft
/// was made; the analyst edits only the text sections and the title, and only while it is a draft. Issuing is final.
/// </summary>
public sealed class Report
{
    public const int TitleMax = 100, FocusMax = 2000, SectionMax = 20000;

    public long Id { get; private set; }
    public ReportKind Kind { get; private set; }
    public ReportStatus Status { get; private set; }
    public long JurisdictionId { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public string? IsoWeek { get; private set; }
    /// <summary>"W:&lt;jurisdiction&gt;:&lt;ISO week&gt;" for a weekly report of a whole ISO week: unique, one per week.</summary>
    public string? ScheduleKey { get; private set; }
    public string Title { get; private set; } = "";
    public string? Focus { get; private set; }
    public string? Topic { get; private set; }
    public string RelatedAppealIds { get; private set; } = "[]";
    public string FiguresJson { get; private set; } = "{}";
    public string Summary { get; private set; } = "";
    public string Analysis { get; private set; } = "";
    public string Suggestions { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? IssuedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    public int Version { get; private set; }

    private Report() { }

    public Report(ReportKind kind, long jurisdictionId, DateOnly from, DateOnly to, string? isoWeek, string title, string? focus, string? topic,
        IReadOnlyList<long> relatedAppealIds, string figuresJson, ReportText text, string by, DateTimeOffset now)
    {
        Kind = kind;
        Status = ReportStatus.Draft;
        JurisdictionId = jurisdictionId;
        (PeriodFrom, PeriodTo, IsoWeek) = (from, to, isoWeek);
        ScheduleKey = kind == ReportKind.Weekly && isoWeek is not null ? KeyOf(jurisdictionId, isoWeek) : null;
        Title = title;
        Focus = focus;
        Topic = topic;
        RelatedAppealIds = JsonSerializer.Serialize(relatedAppealIds);
        FiguresJson = figuresJson;
        (Summary, Analysis, Suggestions) = (text.Summary, text.Analysis, text.Suggestions);
        (CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) = (now, by, now, by);
        Version = 1;
    }

    public static string KeyOf(long jurisdictionId, string isoWeek) => $"W:{jurisdictionId}:{isoWeek}";

    public IReadOnlyList<long> RelatedIds => JsonSerializer.Deserialize<long[]>(RelatedAppealIds) ?? [];

    public ReportText Text => new(Summary, Analysis, Suggestions);

    /// <summary>New text for a draft; the figures are not the editor's to change. An issued report is final (409).</summary>
    public void Edit(string title, ReportText text, string by, DateTimeOffset now)
    {
        if (Status != ReportStatus.Draft) throw new ReportStateException("报告已签发，不能再修改。");
        Title = title;
        (Summary, Analysis, Suggestions) = (text.Summary, text.Analysis, text.Suggestions);
        (UpdatedAt, UpdatedBy) = (now, by);
        Version++;
    }

    public void Issue(string by, DateTimeOffset now)
    {
        if (Status != ReportStatus.Draft) throw new ReportStateException("报告已签发过。");
        if (string.IsNullOrWhiteSpace(Summary)) throw new DomainValidationException("summary", "签发前请填写报告摘要。");
        Status = ReportStatus.Issued;
        (IssuedAt, IssuedBy, UpdatedAt, UpdatedBy) = (now, by, now, by);
        Version++;
    }
}

/// <summary>The editable text: 摘要 (generated from the figures, then the analyst's), 分析 and 工作建议.</summary>
public sealed record ReportText(string Summary, string Analysis, string Suggestions);

/// <summary>The report's status does not allow the change (answered 409).</summary>
public sealed class ReportStateException(string message) : Exception(message);

internal sealed class ReportMap : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.ToTable("reports");
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Ignore(r => r.RelatedIds);
        e.Ignore(r => r.Text);
    }
}
