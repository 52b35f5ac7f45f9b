using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Audit;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task Every_action_is_chained_and_tampering_is_found_at_the_first_broken_link()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);

        var verify = await (await app.ClientFor("supervisor")).Expect("/api/audit/verify");
        verify["firstBrokenId"].ShouldBeNull();
        var entries = await (await app.ClientFor("supervisor")).Expect("/api/audit");
        entries.AsArray().Select(e => e!["action"]!.GetValue<string>()).ShouldContain("appeal.Dispatch");

        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var victim = await db.AuditLog.Where(a => a.Action == "appeal.register").Select(a => a.Id).SingleAsync();
        // The database refuses edits; an attacker with owner rights drops the guard first.
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync($"update audit_log set detail = 'forged' where id = {victim}"));
        await DropGuards(db);
        await db.Database.ExecuteSqlInterpolatedAsync($"update audit_log set detail = 'forged' where id = {victim}");
        var verdict = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        verdict.FirstBrokenId.ShouldBe(victim);
        verdict.Problem.ShouldNotBeNull().ShouldContain("修改");
    }

    [Fact]
    public async Task Deleting_an_entry_breaks_the_chain_at_the_next_one()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        await d.NewAppeal(app.County);
        await d.NewAppeal(app.County);
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var ids = await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync($"delete from audit_log where id = {ids[^2]}"));
        await DropGuards(db);
        await db.Database.ExecuteSqlInterpolatedAsync($"delete from audit_log where id = {ids[^2]}");
        (await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync()).FirstBrokenId.ShouldBe(ids[^1]);
    }

    private static Task DropGuards(MinshengDb db) => db.IsSqlite
        ? db.Database.ExecuteSqlRawAsync("drop trigger audit_log_no_update; drop trigger audit_log_no_delete;")
        : db.Database.ExecuteSqlRawAsync("drop trigger audit_log_append_only on audit_log;");
}
