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

    /// <summary>Each section's own hotline: a county may publish one of its own.</summary>
    public IReadOnlyDictionary<long, string> Hotlines { get; private set; } = new Dictionary<long, string>();

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Q = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, UnitDirectory.QueryMax)] : null;
        View = UnitDirectory.Build(Jurisdictions.UnitsOf(County), Jurisdictions.JurisdictionOf, Q);
        var settings = await Jurisdictions.SettingsAsync(ct);
        Hotlines = View.Sections.ToDictionary(s => s.Jurisdiction.Id,
            s => settings.GetValueOrDefault(s.Jurisdiction.Id)?.Hotline ?? PortalJurisdictions.DefaultHotline);
    }

    /// <summary>Several sections (a city) get a heading each; a single county looks as it always did.</summary>
    public bool Sectioned => View.Sections.Count > 1;
}
