using Minsheng.Domain.Appeals;

namespace Minsheng.Pages.Visits;

/// <summary>One household's appeal as a cadre notes it on the doorstep: who (optional), a phone (optional), what.</summary>
public sealed class VisitRow
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public AppealType? Type { get; set; } = AppealType.Help;
    public string? Content { get; set; }

    /// <summary>A row left empty is not a household: it is skipped, not an error.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Content);
}

/// <summary>One visit session: the day, the village, and the households visited.</summary>
public sealed class VisitForm
{
    public const int MaxRows = 30;
    public const int ContentMax = 1000;

    public DateOnly? VisitDate { get; set; }
    public long? RegionUnitId { get; set; }
    public List<VisitRow> Rows { get; set; } = [];
}
