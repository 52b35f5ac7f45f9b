namespace Minsheng.Domain.Priorities;

public enum PriorityStatus { Active, Completed }

/// <summary>
/// 每月一题: a jurisdiction makes one recurring problem the month's priority — a lead unit, its measures, milestones and
/// progress reports — and later shows whether the appeals on it stopped. The problem is recognised in later appeals by
/// its key phrases (and place), so the before/after volume needs no link to the hot-topic store.
/// </summary>
public sealed class MonthlyPriority : IAssignedWork
{
    public const int TitleMax = 80, TextMax = 2000, PhraseMax = 20, PhrasesMax = 8;

    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    /// <summary>The month it is the priority of, "yyyy-MM".</summary>
    public string Month { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Problem { get; private set; } = "";
    /// <summary>Phrases joined by '、'; an appeal containing any of them (and the place, when set) is on this topic.</summary>
    public string KeyPhrases { get; private set; } = "";
    public string? Place { get; private set; }
    public long LeadUnitId { get; private set; }
    public string Measures { get; private set; } = "";
    public PriorityStatus Status { get; private set; }
    public string? Result { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public List<PriorityMilestone> Milestones { get; private set; } = [];
    public List<PriorityProgress> Progress { get; private set; } = [];

    private MonthlyPriority() { }

    public MonthlyPriority(long jurisdictionId, string month, string title, string problem, IEnumerable<string> keyPhrases, string? place,
        long leadUnitId, string measures, string createdBy, DateTimeOffset now)
    {
        var phrases = CleanPhrases(keyPhrases);
        var errors = new FieldErrors()
            .Text("title", title, "题目", TitleMax)
            .Text("problem", problem, "问题描述", TextMax)
            .Text("measures", measures, "工作措施", TextMax)
            .Text("place", place, "地点", PhraseMax, required: false);
        if (!PriorityMonth.TryParse(month, out _)) errors.Add("month", "月份格式应为 yyyy-MM，例如 2026-11。");
        if (phrases.Count == 0) errors.Add("keyPhrases", "请至少填写一个关键词，用于统计该问题的诉求量。");
        else if (phrases.Count > PhrasesMax || phrases.Any(p => p.Length > PhraseMax))
            errors.Add("keyPhrases", $"关键词最多 {PhrasesMax} 个，每个不超过 {PhraseMax} 个字。");
        errors.ThrowIfAny();
        JurisdictionId = jurisdictionId;
        Month = month.Trim();
        Title = title.Trim();
        Problem = problem.Trim();
        KeyPhrases = string.Join('、', phrases);
        Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        LeadUnitId = leadUnitId;
        Measures = measures.Trim();
        Status = PriorityStatus.Active;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public IReadOnlyList<string> Phrases => KeyPhrases.Split('、', StringSplitOptions.RemoveEmptyEntries);

    public PriorityMilestone AddMilestone(string title, DateOnly? dueOn)
    {
        RequireActive("添加节点");
        var errors = new FieldErrors().Text("title", title, "节点名称", TitleMax);
        if (dueOn is null) errors.Add("dueOn", "请填写节点的计划完成日期。");
        errors.ThrowIfAny();
        var m = new PriorityMilestone(title.Trim(), dueOn!.Value);
        Milestones.Add(m);
        return m;
    }

    public void CompleteMilestone(long milestoneId, string? note, DateTimeOffset now)
    {
        RequireActive("完成节点");
        var m = Milestones.FirstOrDefault(x => x.Id == milestoneId)
                ?? throw new DomainValidationException("milestoneId", "没有这个节点。");
        if (m.DoneAt is not null) throw new PriorityStateException("该节点已经完成，不能重复完成。");
        new FieldErrors().Text("note", note, "完成情况", TextMax, required: false).ThrowIfAny();
        m.Done(note?.Trim(), now);
    }

    public PriorityProgress Report(string text, long? unitId, string reportedBy, DateTimeOffset now)
    {
        RequireActive("报送进展");
        new FieldErrors().Text("text", text, "进展情况", TextMax).ThrowIfAny();
        var p = new PriorityProgress(text.Trim(), unitId, reportedBy, now);
        Progress.Add(p);
        return p;
    }

    public void Complete(string result, DateTimeOffset now)
    {
        RequireActive("办结");
        new FieldErrors().Text("result", result, "工作成效", TextMax).ThrowIfAny();
        Result = result.Trim();
        Status = PriorityStatus.Completed;
        CompletedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        if (PublishedAt is not null) throw new PriorityStateException("已经在门户公开，无需重复公开。");
        PublishedAt = now;
    }

    private void RequireActive(string what)
    {
        if (Status != PriorityStatus.Active) throw new PriorityStateException($"每月一题已办结，不能再{what}。");
    }

    /// <summary>Trimmed, distinct, non-empty phrases; the form sends them separated by commas, spaces or 、.</summary>
    public static IReadOnlyList<string> CleanPhrases(IEnumerable<string>? phrases) =>
        (phrases ?? []).SelectMany(p => (p ?? "").Split([',', '，', '、', ' ', '　', ';', '；'], StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
}

public sealed class PriorityMilestone
{
    public long Id { get; private set; }
    public long PriorityId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneNote { get; private set; }

    private PriorityMilestone() { }

    internal PriorityMilestone(string title, DateOnly dueOn)
    {
        Title = title;
        DueOn = dueOn;
    }

    internal void Done(string? note, DateTimeOffset now)
    {
        DoneAt = now;
        DoneNote = string.IsNullOrEmpty(note) ? null : note;
    }
}

/// <summary>A progress report (进展情况) from the lead unit or an analyst.</summary>
public sealed class PriorityProgress
{
    public long Id { get; private set; }
    public long PriorityId { get; private set; }
    public string Text { get; private set; } = "";
    public long? UnitId { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public DateTimeOffset ReportedAt { get; private set; }

    private PriorityProgress() { }

    internal PriorityProgress(string text, long? unitId, string reportedBy, DateTimeOffset now)
    {
        Text = text;
        UnitId = unitId;
        ReportedBy = reportedBy;
        ReportedAt = now;
    }
}

/// <summary>The action does not fit the priority's or plan's state (a 409 with this Chinese reason).</summary>
public sealed class PriorityStateException(string reason) : Exception(reason);
