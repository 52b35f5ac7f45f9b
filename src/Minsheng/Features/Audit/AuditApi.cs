using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Audit;

public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string Entity, string? EntityId, string? Detail, string Hash);

public sealed record AccessView(long Id, DateTimeOffset At, string Username, long AppealId, string Reason);

/// <param name="Checked">audit entries walked</param><param name="Legacy">of which written before the key switch (SHA-256)</param>
/// <param name="Records">timeline and access-log rows checked against their seals</param><param name="Checkpoints">checkpoint lines compared</param>
public sealed record VerifyView(bool Intact, long Checked, long Legacy, long Records, int Checkpoints, long? FirstBrokenId, string? Problem);

/// <summary>Supervisors read the audit trail and the 查阅登记; admins may verify the chain.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var supervisors = app.MapGroup("/api").RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor))).WithTags("审计");
        supervisors.MapGet("/audit", List);
        supervisors.MapGet("/access-log", Access);
        app.MapGet("/api/audit/verify", Verify).RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor), nameof(Role.Admin))).WithTags("审计");
    }

    /// <summary>
    /// The trail of the caller's jurisdiction: a supervisor over the whole tree reads every entry, any other reads the
    /// entries written by staff of their own subtree (system and citizen entries name no county, so they stay with the former).
    /// </summary>
    private static async Task<List<AuditView>> List(MinshengDb db, CurrentUser me, UnitTree units, int? page, CancellationToken ct)
    {
        if (page is < 1 or > 100_000) throw new DomainValidationException("page", "页码应在 1 到 100000 之间。");
        // Seals are machine records listing row tags; the trail people read is everything else.
        var q = db.AuditLog.AsNoTracking().Where(a => a.Action != RecordSeal.Action);
        if (!me.SeesEverything)
        {
            var subtree = units.Subtree(me.UnitId).ToArray();
            // Entries name their actor by username or (older writers) by display name.
            var staff = db.Users.Where(u => subtree.Contains(u.UnitId));
            var names = staff.Select(u => u.Username).Concat(staff.Select(u => u.DisplayName));
            q = q.Where(a => names.Contains(a.Actor));
        }
        return await q.OrderByDescending(a => a.Id).Skip(((page ?? 1) - 1) * 50).Take(50)
            .Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.Entity, a.EntityId, a.Detail, a.Hash)).ToListAsync(ct);
    }

    /// <summary>查阅登记 of the appeals the caller may see.</summary>
    private static async Task<List<AccessView>> Access(MinshengDb db, Appeals.AppealScope scope, long? appealId, int? page, CancellationToken ct)
    {
        if (page is < 1 or > 100_000) throw new DomainValidationException("page", "页码应在 1 到 100000 之间。");
        var q = db.AccessLog.AsNoTracking();
        if (!scope.SeesAll)
        {
            var visible = scope.Visible().Select(a => a.Id);
            q = q.Where(a => visible.Contains(a.AppealId));
        }
        if (appealId is { } id) q = q.Where(a => a.AppealId == id);
        return await q.OrderByDescending(a => a.Id).Skip(((page ?? 1) - 1) * 50).Take(50)
            .Select(a => new AccessView(a.Id, a.At, a.Username, a.AppealId, a.Reason)).ToListAsync(ct);
    }

    private static async Task<VerifyView> Verify(AuditLog audit, CancellationToken ct)
    {
        var v = await audit.VerifyAsync(ct);
        return new VerifyView(v.Intact, v.Checked, v.Legacy, v.Records, v.Checkpoints, v.FirstBrokenId, v.Problem);
    }
}
