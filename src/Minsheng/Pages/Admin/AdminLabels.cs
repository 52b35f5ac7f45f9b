using Minsheng.Domain.TimeLimits;

namespace Minsheng.Pages.Admin;

/// <summary>
/// What is left of the admin pages' own helpers: the enum labels live in Infrastructure/Labels (Labels.Admin.cs);
/// the stage label moves there with the deadline work.
/// </summary>
public static class AdminLabels
{
    public static string Stage(Stage s) => DeadlineWatch.Label(s);

    /// <summary>A unit in a select, indented under its parent with ideographic spaces.</summary>
    public static string Indented(Infrastructure.UnitInfo u) => new string('\u3000', Math.Max(0, u.Path.Count(c => c == '/') - 2)) + u.Name;
}
