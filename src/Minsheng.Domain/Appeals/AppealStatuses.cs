namespace Minsheng.Domain.Appeals;

/// <summary>
/// The one split of the statuses into open (still being handled, clocks may run) and terminal (handling has ended:
/// closed, merged into another appeal, or found invalid). Queries filter with <c>AppealStatuses.Open.Contains(a.Status)</c>,
/// which EF Core turns into an IN list over the status index on both engines.
/// </summary>
public static class AppealStatuses
{
    public static bool IsTerminal(AppealStatus status) => status is AppealStatus.Closed or AppealStatus.Merged or AppealStatus.Invalid;

    public static bool IsOpen(AppealStatus status) => !IsTerminal(status);

    public static readonly IReadOnlyList<AppealStatus> Terminal = Enum.GetValues<AppealStatus>().Where(IsTerminal).ToArray();

    /// <summary>Listed rather than the terminal ones excluded: an IN list lets the database read the few open appeals by index.</summary>
    public static readonly IReadOnlyList<AppealStatus> Open = Enum.GetValues<AppealStatus>().Where(IsOpen).ToArray();
}
