using System.Security.Claims;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;

namespace Minsheng.Infrastructure;

/// <summary>The signed-in staff member, read once from the claims so endpoints never touch them.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, UnitTree units)
{
    public const string UnitClaim = "unit";
    public const string StampClaim = "stamp";

    private ClaimsPrincipal? background;

    // A signed-in user is always the actor; a name set with ActAs counts only where nobody is signed in.
    private ClaimsPrincipal Principal => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user
        : background ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>
    /// Names the actor of work done where nobody is signed in (a CLI verb such as "cli", a background job such as
    /// "system", a citizen on the portal), so that audited changes always take their actor from here. Ignored for a
    /// signed-in user.
    /// </summary>
    public CurrentUser ActAs(string name)
    {
        background = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)]));
        return this;
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public long Id => long.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0");
    public string Username => Principal.FindFirstValue(ClaimTypes.Name) ?? "";
    public string DisplayName => Principal.FindFirstValue(ClaimTypes.GivenName) ?? Username;
    public Role Role => Enum.Parse<Role>(Principal.FindFirstValue(ClaimTypes.Role) ?? nameof(Role.Operator));
    public long UnitId => long.Parse(Principal.FindFirstValue(UnitClaim) ?? "0");

    /// <summary>The county or city (辖区) of this user's unit: where what they register belongs.</summary>
    public long JurisdictionId => units.JurisdictionOf(UnitId)?.Id ?? UnitId;

    /// <summary>True when the unit lies in this user's scope: their own unit's subtree.</summary>
    public bool Covers(long unitId) => units.IsWithin(unitId, UnitId);

    /// <summary>True when the unit lies in this user's jurisdiction (the county or city of their unit).</summary>
    public bool InJurisdiction(long unitId) => units.IsWithin(unitId, JurisdictionId);

    /// <summary>
    /// Deployment-wide settings (categories, time-limit policies and rules, the calendar) are shared by every county
    /// and changed only by admins at the top of the tree; a county's admin reads them.
    /// </summary>
    public bool AdministersDeployment => Role == Role.Admin && units.IsRoot(UnitId);

    /// <summary>Refuses (403) a change to a deployment-wide setting by anyone but a top-level admin.</summary>
    public void RequireDeploymentAdmin()
    {
        if (!AdministersDeployment) throw new OutOfScopeException("分类、时限、工作日历等全域共用的设置只能由最高一级的管理员修改，县（区）管理员只能查看。");
    }

    /// <summary>True when this user's scope is the whole deployment (city staff, or the staff of a lone county).</summary>
    public bool SeesEverything => units.CoversAll(UnitId);

    public Actor ToActor() => new(Id, DisplayName, Role, UnitId, Covers);

    public static ClaimsPrincipal CreatePrincipal(long id, string username, string displayName, Role role, long unitId, string stamp, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id.ToString()),
            new Claim(ClaimTypes.Name, username),
            new Claim(ClaimTypes.GivenName, displayName),
            new Claim(ClaimTypes.Role, role.ToString()),
            new Claim(UnitClaim, unitId.ToString()),
            new Claim(StampClaim, stamp),
        ], scheme));
}
