namespace Minsheng.Domain.Priorities;

/// <summary>
/// 未诉先办: work scheduled before a season's appeals come (heating checks before November, drains before July). Each year
/// the lead unit is reminded <see cref="RemindDaysBefore"/> days before the season starts — once per year.
/// </summary>
public sealed class ProactivePlan : IAssignedWork
{
    public const int MaxRemindDays = 90;

    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    public string Title { get; private set; } = "";
    public string Measures { get; private set; } = "";
    public string KeyPhrases { get; private set; } = "";
    public long LeadUnitId { get; private set; }
    public int SeasonMonth { get; private set; }
    public int SeasonDay { get; private set; }
    public int RemindDaysBefore { get; private set; }
    public bool Active { get; private set; }
    public int? LastRemindedYear { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private ProactivePlan() { }

    public ProactivePlan(long jurisdictionId, string title, string measures, IEnumerable<string> keyPhrases, long leadUnitId,
        int? seasonMonth, int? seasonDay, int? remindDaysBefore, string createdBy, DateTimeOffset now)
    {
        var phrases = MonthlyPriority.CleanPhrases(keyPhrases);
        var errors = new FieldErrors()
            .Text("title", title, "事项名称", MonthlyPriority.TitleMax)
            .Text("measures", measures, "提前工作措施", MonthlyPriority.TextMax);
        if (phrases.Count == 0) errors.Add("keyPhrases", "请至少填写一个关键词，用于查看往年同期诉求量。");
        else if (phrases.Count > MonthlyPriority.PhrasesMax || phrases.Any(p => p.Length > MonthlyPriority.PhraseMax))
            errors.Add("keyPhrases", $"关键词最多 {MonthlyPriority.PhrasesMax} 个，每个不超过 {MonthlyPriority.PhraseMax} 个字。");
        if (seasonMonth is not (>= 1 and <= 12)) errors.Add("seasonMonth", "季节开始月份应为 1–12。");
        else if (seasonDay is null || seasonDay < 1 || seasonDay > DateTime.DaysInMonth(2025, seasonMonth.Value))
            errors.Add("seasonDay", "季节开始日期不存在。");
        if (remindDaysBefore is not (>= 1 and <= MaxRemindDays)) errors.Add("remindDaysBefore", $"提前提醒天数应为 1–{MaxRemindDays}。");
        errors.ThrowIfAny();
        JurisdictionId = jurisdictionId;
        Title = title.Trim();
        Measures = measures.Trim();
        KeyPhrases = string.Join('、', phrases);
        LeadUnitId = leadUnitId;
        SeasonMonth = seasonMonth!.Value;
        SeasonDay = seasonDay!.Value;
        RemindDaysBefore = remindDaysBefore!.Value;
        Active = true;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public IReadOnlyList<string> Phrases => KeyPhrases.Split('、', StringSplitOptions.RemoveEmptyEntries);

    public DateOnly SeasonStart(int year) => new(year, SeasonMonth, Math.Min(SeasonDay, DateTime.DaysInMonth(year, SeasonMonth)));

    /// <summary>The season (by its start year) whose reminder is due today and not yet sent, or null.</summary>
    public int? ReminderDue(DateOnly today)
    {
        if (!Active) return null;
        // A January season is reminded in the December before it, so look at this year's and next year's start.
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            var start = SeasonStart(year);
            if (today >= start.AddDays(-RemindDaysBefore) && today <= start && LastRemindedYear != year) return year;
        }
        return null;
    }

    /// <summary>The next season start on or after today.</summary>
    public DateOnly NextSeason(DateOnly today) => SeasonStart(today.Year) >= today ? SeasonStart(today.Year) : SeasonStart(today.Year + 1);

    public void MarkReminded(int seasonYear) => LastRemindedYear = seasonYear;

    public void SetActive(bool active) => Active = active;
}
