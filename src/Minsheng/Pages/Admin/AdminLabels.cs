
namespace Minsheng.Pages.Admin;

/// <summary>
/// What is left of the admin pages' own helpers (a layout helper, not a label): the enum labels live in
/// Infrastructure/Labels.
/// </summary>
public static class AdminLabels
{
    /// <summary>A unit in a select, indented under its parent with ideographic spaces.</summary>
    public static string Indented(Infrastructure.UnitInfo u) => new string('\u3000', Math.Max(0, u.Path.Count(c => c == '/') - 2)) + u.Name;
}
