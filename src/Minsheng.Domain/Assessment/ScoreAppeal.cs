using Minsheng.Domain.Instructions;

namespace Minsheng.Domain.Assessment;

public enum ScoreAppealStatus { Pending, Upheld, Rejected }

/// <summary>
/// 考核申诉: a unit contests one item of its month's score ("this unsatisfied callback was about a matter outside our
/// remit") with a reason and evidence (text, a file, or both). The assessment office upholds it — the item is then
/// exempt — or rejects it, each with a reason.
/// </summary>
public sealed class ScoreAppeal
{
    public const int ReasonMax = 1000, EvidenceMax = 2000, FileMax = 5 * 1024 * 1024, FileNameMax = 200;

    public long Id { get; private set; }
    public long PeriodId { get; private set; }
    public long UnitId { get; private set; }
    public string ItemKey { get; private set; } = "";
    public string ItemLabel { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string? EvidenceText { get; private set; }
    public string? EvidenceFileName { get; private set; }
    public string? EvidenceContentType { get; private set; }
    public byte[]? EvidenceFile { get; private set; }
    public ScoreAppealStatus Status { get; private set; }
    public string? Ruling { get; private set; }
    public string? RuledBy { get; private set; }
    public DateTimeOffset? RuledAt { get; private set; }
    public string FiledBy { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }

    private ScoreAppeal() { }

    public ScoreAppeal(long periodId, long unitId, string itemKey, string itemLabel, string? reason, string? evidenceText,
        string? fileName, string? contentType, byte[]? file, string filedBy, DateTimeOffset now)
    {
        var e = new FieldErrors()
            .Text("reason", reason, "申诉理由", ReasonMax)
            .Text("evidence", evidenceText, "证明材料说明", EvidenceMax, required: false);
        var hasFile = file is { Length: > 0 };
        if (!hasFile && string.IsNullOrWhiteSpace(evidenceText)) e.Add("evidence", "请提供证明材料：上传附件或填写说明。");
        if (hasFile && file!.Length > FileMax) e.Add("file", "附件不能超过 5 MB。");
        if (hasFile && string.IsNullOrWhiteSpace(fileName)) e.Add("file", "附件缺少文件名。");
        e.ThrowIfAny();
        PeriodId = periodId;
        UnitId = unitId;
        ItemKey = itemKey;
        ItemLabel = itemLabel;
        Reason = reason!.Trim();
        EvidenceText = string.IsNullOrWhiteSpace(evidenceText) ? null : evidenceText.Trim();
        if (hasFile)
        {
            var name = Path.GetFileName(fileName!.Trim());
            EvidenceFileName = name.Length > FileNameMax ? name[..FileNameMax] : name;
            EvidenceContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType;
            EvidenceFile = file;
        }
        Status = ScoreAppealStatus.Pending;
        FiledBy = filedBy;
        FiledAt = now;
    }

    public void Rule(bool uphold, string? ruling, string by, DateTimeOffset now)
    {
        new FieldErrors().Text("ruling", ruling, "审核意见", ReasonMax).ThrowIfAny();
        if (Status != ScoreAppealStatus.Pending)
            throw new WorkflowConflictException("申诉已审核", "该申诉已经审核过，不能重复审核。");
        Status = uphold ? ScoreAppealStatus.Upheld : ScoreAppealStatus.Rejected;
        Ruling = ruling!.Trim();
        RuledBy = by;
        RuledAt = now;
    }
}

/// <summary>不可抗力 as declared by the assessment office; see <see cref="ForceMajeurePeriod"/>.</summary>
public sealed class ForceMajeure
{
    public const int ReasonMax = 500;

    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    /// <summary>Comma-separated unit ids; empty for every unit of the jurisdiction.</summary>
    public string UnitIds { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string DeclaredBy { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }

    private ForceMajeure() { }

    public ForceMajeure(long jurisdictionId, DateOnly? from, DateOnly? to, IEnumerable<long> unitIds, string? reason, string by, DateTimeOffset now)
    {
        var e = new FieldErrors().Text("reason", reason, "不可抗力事由", ReasonMax);
        if (from is null) e.Add("from", "请填写开始日期。");
        if (to is null) e.Add("to", "请填写结束日期。");
        else if (from is { } f && to < f) e.Add("to", "结束日期不能早于开始日期。");
        else if (from is { } f2 && to.Value.DayNumber - f2.DayNumber > 92) e.Add("to", "一次声明不超过 92 天。");
        e.ThrowIfAny();
        JurisdictionId = jurisdictionId;
        FromDate = from!.Value;
        ToDate = to!.Value;
        UnitIds = string.Join(',', unitIds.Distinct().OrderBy(u => u));
        Reason = reason!.Trim();
        DeclaredBy = by;
        DeclaredAt = now;
    }

    public IReadOnlyCollection<long> Units => UnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    public ForceMajeurePeriod ToPeriod() => new(FromDate, ToDate, Units);
}
