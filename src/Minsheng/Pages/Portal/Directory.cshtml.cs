using Minsheng.Features.Public;

namespace Minsheng.Pages.Portal;

/// <summary>
/// 单位通讯录 of the jurisdiction being viewed (a city lists itself and each county). The filter works as a plain GET
/// form; with script, Alpine also filters as one types.
/// </summary>
public sealed class DirectoryModel(PortalJurisdictions portal) : PortalPage(portal)
{
    public string? Q { get; private set; }
    public DirectoryView View { get; private set; } = null!;

    public void OnGet(string? q)
    {
        Q = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, UnitDirectory.QueryMax)] : null;
        View = UnitDirectory.Build(Jurisdictions.UnitsOf(County), Jurisdictions.JurisdictionOf, Q);
    }

    /// <summary>Several sections (a city) get a heading each; a single county looks as it always did.</summary>
    public bool Sectioned => View.Sections.Count > 1;
}
