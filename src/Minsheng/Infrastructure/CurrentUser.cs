using System.Security.Claims;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;

namespace Minsheng.Infrastructure;

/// <summary>The signed-in staff member, read once from the claims so endpoints never touch them.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, UnitTree units)
{
    public const string UnitClaim = "unit";
    public const string StampClaim = "stamp";

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public long Id => long.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0");
    public string Username => Principal.FindFirstValue(ClaimTypes.Name) ?? "";
    public string DisplayName => Principal.FindFirstValue(ClaimTypes.GivenName) ?? Username;
    public Role Role => Enum.Parse<Role>(Principal.FindFirstValue(ClaimTypes.Role) ?? nameof(Role.Operator));
    public long UnitId => long.Parse(Principal.FindFirstValue(UnitClaim) ?? "0");

    public bool Covers(long unitId) => units.IsWithin(unitId, UnitId);

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
