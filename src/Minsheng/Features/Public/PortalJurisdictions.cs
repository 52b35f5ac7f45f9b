using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <summary>What the portal shows for the jurisdiction being viewed: its name, hotline and footer.</summary>
public sealed record PortalFace(long? UnitId, string? CountyCode, string Name, string Hotline, string Footer);

/// <summary>A county a visitor of a city portal can pick, as the picker and GET /api/public/jurisdictions list it.</summary>
public sealed record PortalCounty(long Id, string Code, string Name, string Hotline);

/// <summary>
/// The portal as one request sees it: the county from <c>?county=CODE</c> (Known is false for an unknown code),
/// the face to show, and the counties to switch between (empty on a single-county deployment).
/// </summary>
public sealed record PortalRequest(bool Known, UnitInfo? County, PortalFace Face, IReadOnlyList<PortalCounty> Counties, string WholeLabel)
{
    public string? Code => County?.Code;

    public bool HasPicker => Counties.Count > 0;

    /// <summary>A portal link that stays in the county being viewed.</summary>
    public string Href(string path) => With(path, Code);

    public static string With(string path, string? code) =>
        code is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}{PortalJurisdictions.Field}={Uri.EscapeDataString(code)}";
}

/// <summary>
/// Which jurisdiction (辖区) the portal speaks for. A deployment of one county is that county's portal and has no
/// picker. A city deployment is the city's portal; a visitor may pick one of its counties, named by unit code in
/// <c>?county=CODE</c> on every portal page and public API, which narrows cases, statistics, the directory and the
/// submit form's places to that county and shows the county's own name, hotline and footer.
/// </summary>
public sealed partial class PortalJurisdictions(MinshengDb db, UnitTree units)
{
    public const string Field = "county";
    public const string DefaultHotline = "12345";
    public const int NameMax = 30;
    public const int HotlineMax = 20;
    public const int FooterMax = 200;

    /// <summary>The jurisdiction the portal stands for when no county is picked: the only root; null when several roots share one deployment.</summary>
    public UnitInfo? Top
    {
        get
        {
            var roots = units.All.Where(u => u.ParentId is null && u.Active).Take(2).ToList();
            return roots.Count == 1 ? roots[0] : null;
        }
    }

    /// <summary>The counties a visitor can pick: every jurisdiction but the portal's own. Empty for a single county.</summary>
    public IReadOnlyList<UnitInfo> Counties()
    {
        var top = Top;
        return units.Jurisdictions().Where(u => u.Id != top?.Id).ToList();
    }

    public bool HasPicker => Counties().Count > 0;

    /// <summary>
    /// The county a code names; null for no code or the portal's own code (the whole view). An unknown code is a
    /// validation error on <paramref name="field"/>, so the API answers 400 naming it.
    /// </summary>
    public UnitInfo? Resolve(string? code, string field = Field)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var wanted = code.Trim();
        if (Top is { } top && string.Equals(top.Code, wanted, StringComparison.OrdinalIgnoreCase)) return null;
        return Counties().FirstOrDefault(u => string.Equals(u.Code, wanted, StringComparison.OrdinalIgnoreCase))
               ?? throw new DomainValidationException(field, $"没有编码为“{(wanted.Length > 20 ? wanted[..20] + "…" : wanted)}”的县（区）。");
    }

    /// <summary>Resolve without throwing, for pages: an unknown code answers 404 there.</summary>
    public bool TryResolve(string? code, out UnitInfo? county)
    {
        try
        {
            county = Resolve(code);
            return true;
        }
        catch (DomainValidationException)
        {
            county = null;
            return false;
        }
    }

    /// <summary>Every unit of the county (the whole deployment for null): what its directory and forms list.</summary>
    public IEnumerable<UnitInfo> UnitsOf(UnitInfo? county) =>
        county is null ? units.All : units.All.Where(u => u.Path.StartsWith(county.Path, StringComparison.Ordinal));

    /// <summary>The jurisdictions at or below the county: the values an appeal of it carries in JurisdictionId.</summary>
    public IReadOnlyList<long> JurisdictionIdsOf(UnitInfo county) =>
        units.Jurisdictions().Where(j => j.Path.StartsWith(county.Path, StringComparison.Ordinal)).Select(j => j.Id).ToList();

    /// <summary>The jurisdiction a unit belongs to, for labelling rows of a city-wide view.</summary>
    public UnitInfo? JurisdictionOf(long unitId) => units.JurisdictionOf(unitId);

    /// <summary>Resolved once per request and kept in HttpContext.Items, so the page and its layout agree and read settings once.</summary>
    public async Task<PortalRequest> ForRequestAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Items[typeof(PortalRequest)] is PortalRequest cached) return cached;
        var known = TryResolve(http.Request.Query[Field], out var county);
        var top = Top;
        var request = new PortalRequest(known, county, await FaceAsync(county, ct), await CountyChoicesAsync(ct),
            top?.Kind == UnitKind.City ? "全市" : "全部");
        http.Items[typeof(PortalRequest)] = request;
        return request;
    }

    public async Task<PortalFace> FaceAsync(UnitInfo? county, CancellationToken ct)
    {
        var unit = county ?? Top;
        if (unit is null) return new PortalFace(null, null, "", DefaultHotline, DefaultFooter(DefaultHotline));
        var row = await db.Set<PortalSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.UnitId == unit.Id, ct);
        return Face(unit, county?.Code, row);
    }

    public async Task<IReadOnlyList<PortalCounty>> CountyChoicesAsync(CancellationToken ct)
    {
        var counties = Counties();
        if (counties.Count == 0) return [];
        var rows = await SettingsAsync(ct);
        return counties.Select(c =>
        {
            var face = Face(c, c.Code, rows.GetValueOrDefault(c.Id));
            return new PortalCounty(c.Id, c.Code, face.Name, face.Hotline);
        }).ToList();
    }

    public async Task<Dictionary<long, PortalSetting>> SettingsAsync(CancellationToken ct) =>
        await db.Set<PortalSetting>().AsNoTracking().ToDictionaryAsync(s => s.UnitId, ct);

    public static PortalFace Face(UnitInfo unit, string? countyCode, PortalSetting? row)
    {
        var hotline = row?.Hotline ?? DefaultHotline;
        return new PortalFace(unit.Id, countyCode, row?.DisplayName ?? unit.Name, hotline, row?.Footer ?? DefaultFooter(hotline));
    }

    /// <summary>The footer every portal had before jurisdictions, with the jurisdiction's hotline.</summary>
    public static string DefaultFooter(string hotline) => $"民声 · 群众诉求服务平台　政务服务便民热线 {hotline}";

    /// <summary>Checks an admin's portal settings: lengths, and a hotline of digits with optional dashes.</summary>
    public static void Validate(string? displayName, string? hotline, string? footer)
    {
        var errors = new FieldErrors()
            .Text("displayName", displayName, "门户显示名称", NameMax, required: false)
            .Text("hotline", hotline, "热线号码", HotlineMax, required: false)
            .Text("footer", footer, "页脚文字", FooterMax, required: false);
        if (!string.IsNullOrWhiteSpace(hotline) && hotline.Trim().Length <= HotlineMax && !HotlinePattern().IsMatch(hotline.Trim()))
            errors.Add("hotline", "热线号码只能包含数字和“-”，例如 12345 或 0550-12345。");
        errors.ThrowIfAny();
    }

    [GeneratedRegex(@"^[0-9][0-9\-]{2,19}$")]
    private static partial Regex HotlinePattern();
}
