using System.Security.Claims;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>
/// The appeals of one jurisdiction exactly as its analyst sees them: an AppealScope for a stand-in analyst of the
/// county or city unit. A report is about a jurisdiction, not about whoever happens to generate it (the Monday job
/// has no user at all, a city analyst may write one county's report), and going through AppealScope keeps the
/// product's one definition of "the appeals of a jurisdiction".
/// </summary>
public static class JurisdictionLens
{
    public static AppealScope ScopeOf(long jurisdictionId, MinshengDb db, UnitTree units)
    {
        var principal = CurrentUser.CreatePrincipal(0, "report", "report", Role.Analyst, jurisdictionId, "", "report");
        return new AppealScope(db, new CurrentUser(new Fixed(principal), units), units);
    }

    /// <summary>A context of its own: the shared accessor's AsyncLocal would also replace the caller's request.</summary>
    private sealed class Fixed(ClaimsPrincipal user) : IHttpContextAccessor
    {
        private HttpContext? _context = new DefaultHttpContext { User = user };

        public HttpContext? HttpContext { get => _context; set => _context = value; }
    }
}
