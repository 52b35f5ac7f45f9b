using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Minsheng.Cli;
using Minsheng.Tests.Cli;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>
/// An attacker with owner rights on the database (he drops the append-only triggers) but without the key file
/// edits, deletes, inserts and re-hashes rows; verify must name what he did. Runs on whichever engine ./test picks.
/// </summary>
public sealed class AuditTamperTests
{
    [Fact]
    public async Task A_whole_workflow_with_an_unmask_verifies_clean_and_the_key_lives_outside_the_database()
    {
        await using var t = await Tampering.StartAsync();
        await t.WorkflowAsync();
        var key = t.App.Services.GetRequiredService<AuditKey>();
        File.Exists(key.KeyPath).ShouldBeTrue();
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(key.KeyPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (!TestDatabase.IsPostgres) key.KeyPath.ShouldBe(t.Test.Database.Spec["sqlite:".Length..] + ".audit-key");
        var keyText = (await File.ReadAllTextAsync(key.KeyPath)).Trim();
        (await t.Db.AuditLog.AnyAsync(a => a.Detail != null && a.Detail.Contains(keyText))).ShouldBeFalse();

        (await t.CheckpointAsync()).ShouldNotBeNull();
        var verify = await (await t.Test.ClientFor("supervisor")).Expect("/api/audit/verify");
        verify["intact"]!.GetValue<bool>().ShouldBeTrue(verify.ToJsonString());
        verify["firstBrokenId"].ShouldBeNull();
        verify["checkpoints"]!.GetValue<int>().ShouldBe(2); // one written at start, one just now
        // register, dispatch, claim, reply, approve, callback on the timeline and one unmask in the access log.
        verify["records"]!.GetValue<long>().ShouldBe(7);
        var sealedIds = (await t.Db.AuditLog.Where(a => a.Action == RecordSeal.Action).Select(a => a.Detail).ToListAsync())
            .SelectMany(d => RecordSeal.Parse(d)!).Select(i => $"{i.Kind}{i.Id}").Order().ToList();
        var rowIds = (await t.Db.Timeline.Select(x => x.Id).ToListAsync()).Select(i => $"Timeline{i}")
            .Concat((await t.Db.AccessLog.Select(x => x.Id).ToListAsync()).Select(i => $"Access{i}")).Order().ToList();
        sealedIds.ShouldBe(rowIds);
    }

    [Fact]
    public async Task The_database_refuses_edits_of_timeline_entries()
    {
        await using var t = await Tampering.StartAsync();
        var (id, _) = await t.WorkflowAsync();
        await Should.ThrowAsync<Exception>(() => t.Db.Database.ExecuteSqlInterpolatedAsync($"update timeline_entries set comment = 'x' where appeal_id = {id}"));
        await Should.ThrowAsync<Exception>(() => t.Db.Database.ExecuteSqlInterpolatedAsync($"delete from timeline_entries where appeal_id = {id}"));
        await Should.ThrowAsync<Exception>(() => t.Db.Database.ExecuteSqlRawAsync("delete from access_log"));
        (await t.VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task An_edited_reply_in_the_timeline_is_named()
    {
        await using var t = await Tampering.StartAsync();
        var (id, number) = await t.WorkflowAsync();
        var entry = await t.Db.Timeline.SingleAsync(x => x.AppealId == id && x.Action == AppealAction.SubmitReply);
        var seal = await t.SealOfAsync(RecordSeal.Kind.Timeline, entry.Id);
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"update timeline_entries set comment = '已处理完毕' where id = {entry.Id}");

        var v = await t.VerifyAsync();
        v.FirstBrokenId.ShouldBe(seal);
        v.Problem.ShouldBe($"时间线记录 #{entry.Id}（诉求 {number}）的内容被修改，与第 {seal} 号审计记录的封存不符");
    }

    [Fact]
    public async Task A_comment_edited_or_moved_to_another_appeal_is_named()
    {
        await using var t = await Tampering.StartAsync();
        var (id, _) = await t.WorkflowAsync();
        var other = await t.Desk.NewAppeal(t.Test.County);
        var dispatch = await t.Db.Timeline.SingleAsync(x => x.AppealId == id && x.Action == AppealAction.Dispatch);
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"update timeline_entries set appeal_id = {other} where id = {dispatch.Id}");
        (await t.VerifyAsync()).Problem.ShouldNotBeNull().ShouldContain($"时间线记录 #{dispatch.Id}");
    }

    [Fact]
    public async Task A_reply_rewritten_only_in_the_appeal_row_is_caught_against_the_timeline()
    {
        await using var t = await Tampering.StartAsync();
        var (id, number) = await t.WorkflowAsync();
        // appeals is an ordinary table: no trigger to drop.
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"update appeals set reply = '已办结，无需处理' where id = {id}");
        var v = await t.VerifyAsync();
        v.Intact.ShouldBeFalse();
        v.Problem.ShouldBe($"诉求 {number} 的答复与时间线记录的答复不符（答复被修改）");
    }

    [Fact]
    public async Task A_deleted_middle_timeline_row_is_named_with_its_seal()
    {
        await using var t = await Tampering.StartAsync();
        var (id, _) = await t.WorkflowAsync();
        var claim = await t.Db.Timeline.SingleAsync(x => x.AppealId == id && x.Action == AppealAction.Claim);
        var seal = await t.SealOfAsync(RecordSeal.Kind.Timeline, claim.Id);
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"delete from timeline_entries where id = {claim.Id}");
        var v = await t.VerifyAsync();
        v.FirstBrokenId.ShouldBe(seal);
        v.Problem.ShouldBe($"时间线记录 #{claim.Id} 已被删除（由第 {seal} 号审计记录封存）");
    }

    [Fact]
    public async Task A_deleted_middle_audit_entry_breaks_the_link_of_the_next()
    {
        await using var t = await Tampering.StartAsync();
        await t.WorkflowAsync();
        var ids = await t.Db.AuditLog.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var middle = ids[ids.Count / 2];
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"delete from audit_log where id = {middle}");
        var v = await t.VerifyAsync();
        v.FirstBrokenId.ShouldBe(ids[ids.Count / 2 + 1]);
        v.Problem.ShouldNotBeNull().ShouldContain("链接不符");
    }

    [Fact]
    public async Task A_truncated_tail_is_caught_by_the_checkpoint_taken_before()
    {
        await using var t = await Tampering.StartAsync();
        var (id, _) = await t.WorkflowAsync();
        var checkpoint = (await t.CheckpointAsync()).ShouldNotBeNull();
        // The callback was the last step: its audit entry, its seal and its timeline row go together,
        // leaving a chain, seals and coverage that are all self-consistent.
        var callback = await t.Db.Timeline.Where(x => x.AppealId == id).OrderByDescending(x => x.Id).FirstAsync();
        var lastTwo = await t.Db.AuditLog.OrderByDescending(a => a.Id).Select(a => a.Id).Take(2).ToListAsync();
        // (AuditedCommit saves the row, and so appends its seal, before the action's own entry: either order is one step.)
        lastTwo.ShouldContain(await t.SealOfAsync(RecordSeal.Kind.Timeline, callback.Id));
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"delete from audit_log where id >= {lastTwo[1]}");
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"delete from timeline_entries where id = {callback.Id}");

        var v = await t.VerifyAsync();
        v.FirstBrokenId.ShouldBe(checkpoint.LastId);
        v.Problem.ShouldBe($"审计日志末尾的记录被删除：{checkpoint.LocalTime} 的检查点记有 {checkpoint.Count} 条（最后一条为第 {checkpoint.LastId} 号），现在只有 {checkpoint.Count - 2} 条");
    }

    [Fact]
    public async Task A_chain_recomputed_without_the_key_fails_at_the_edited_entry()
    {
        await using var t = await Tampering.StartAsync();
        await t.WorkflowAsync();
        var victim = await t.Db.AuditLog.Where(a => a.Action == "appeal.register").Select(a => a.Id).SingleAsync();
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"update audit_log set actor = 'nobody' where id = {victim}");
        await t.RehashWithoutKeyAsync(victim);
        var v = await t.VerifyAsync();
        v.FirstBrokenId.ShouldBe(victim);
        v.Problem.ShouldBe($"第 {victim} 号审计记录的签名不符（记录被修改，或审计链被不持有密钥的人重算）");
    }

    [Fact]
    public async Task A_chain_rewritten_as_if_it_had_never_been_keyed_is_caught()
    {
        await using var t = await Tampering.StartAsync();
        await t.WorkflowAsync();
        await t.DropGuardsAsync();
        var first = await t.Db.AuditLog.MinAsync(a => a.Id);
        // Drop the switch entry and every seal, then re-hash what is left the old, keyless way.
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"delete from audit_log where action in ({AuditLog.KeyAction}, {RecordSeal.Action})");
        await t.RehashWithoutKeyAsync(first);
        var v = await t.VerifyAsync();
        v.Intact.ShouldBeFalse();
        v.Problem.ShouldNotBeNull().ShouldContain("没有密钥启用记录");

        // Nor does the next start key the rewritten chain afresh: the checkpoint file says it was keyed before.
        var sameFiles = new AuditKey(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditKey.CheckpointFileSetting] = t.CheckpointPath }).Build(),
            t.Test.Database.Target);
        var refused = await Should.ThrowAsync<AuditKeyException>(() => t.Test.StartSecondInstanceAsync(s => s.AddSingleton(sameFiles)));
        refused.Message.ShouldContain("审计链被改写过");
    }

    [Fact]
    public async Task A_wiped_access_log_is_named()
    {
        await using var t = await Tampering.StartAsync();
        await t.WorkflowAsync();
        var unmask = await t.Db.AccessLog.SingleAsync();
        var seal = await t.SealOfAsync(RecordSeal.Kind.Access, unmask.Id);
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlRawAsync("delete from access_log");
        var v = await t.VerifyAsync();
        v.FirstBrokenId.ShouldBe(seal);
        v.Problem.ShouldBe($"查阅登记 #{unmask.Id} 已被删除（由第 {seal} 号审计记录封存）");
    }

    [Fact]
    public async Task A_row_inserted_behind_the_applications_back_is_unsealed()
    {
        await using var t = await Tampering.StartAsync();
        var (id, number) = await t.WorkflowAsync();
        var user = await t.Db.Users.Where(u => u.Username == "dispatcher").Select(u => u.Id).SingleAsync();
        var at = TestDatabase.IsPostgres ? (object)TestApp.Start.UtcDateTime : TestApp.Start.ToUnixTimeMilliseconds();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"insert into access_log (at, user_id, username, appeal_id, reason) values ({at}, {user}, 'dispatcher', {id}, '补登')");
        var forged = await t.Db.AccessLog.MaxAsync(a => a.Id);
        (await t.VerifyAsync()).Problem.ShouldBe($"查阅登记 #{forged}（诉求 {number}）未经审计链封存（记录被绕过应用写入）");
    }

    [Fact]
    public async Task An_edited_checkpoint_file_is_refused()
    {
        await using var t = await Tampering.StartAsync();
        await t.WorkflowAsync();
        await t.CheckpointAsync();
        var path = t.App.Services.GetRequiredService<AuditKey>().CheckpointPath;
        var lines = await File.ReadAllLinesAsync(path);
        lines.Length.ShouldBe(2);
        await File.WriteAllTextAsync(path, $"{lines[0]}\n{lines[1].Replace("count=", "count=1")}\n");
        (await t.VerifyAsync()).Problem.ShouldBe($"检查点文件 {path} 第 2 行校验失败（文件被改动）");
    }

    [Fact]
    public async Task An_instance_without_the_key_or_with_another_key_refuses_to_start()
    {
        await using var t = await Tampering.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"minsheng-other-{Guid.NewGuid():N}.audit-key");
        var other = new AuditKey(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditKey.KeyFileSetting] = path }).Build(),
            t.Test.Database.Target);
        try
        {
            var missing = await Should.ThrowAsync<AuditKeyException>(() => t.Test.StartSecondInstanceAsync(s => s.AddSingleton(other)));
            missing.Message.ShouldStartWith($"审计密钥文件 {path} 不存在");
            File.Exists(path).ShouldBeFalse();
            other.Create();
            var wrong = await Should.ThrowAsync<AuditKeyException>(() => t.Test.StartSecondInstanceAsync(s => s.AddSingleton(other)));
            wrong.Message.ShouldContain("不是本库启用时的密钥");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_old_keyless_chain_keeps_verifying_up_to_the_switch_and_its_rows_are_anchored()
    {
        await using var t = await Tampering.StartAsync();
        await t.WorkflowAsync();
        // Make the database look as it did before keys: a plain SHA-256 chain, no switch, no seals, no key file.
        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"delete from audit_log where action in ({AuditLog.KeyAction}, {RecordSeal.Action})");
        var first = await t.Db.AuditLog.MinAsync(a => a.Id);
        await t.RehashWithoutKeyAsync(first);
        var legacy = await t.Db.AuditLog.CountAsync();
        File.Delete(t.App.Services.GetRequiredService<AuditKey>().KeyPath);

        // The upgraded instance starts: a new key, the switch entry, seals for the rows already there.
        var upgraded = await t.Test.StartSecondInstanceAsync();
        try
        {
            using var scope = upgraded.Services.CreateScope();
            var v = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
            v.Problem.ShouldBeNull();
            v.Legacy.ShouldBe(legacy);
            v.Records.ShouldBe(7);

            // Legacy entries are held by the keyed switch entry after them: re-hashing one keylessly breaks the switch.
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            await db.Database.ExecuteSqlInterpolatedAsync($"update audit_log set detail = 'forged' where id = {first}");
            await Tampering.RehashWithoutKeyAsync(db, first, stopBefore: AuditLog.KeyAction);
            var broken = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
            broken.FirstBrokenId.ShouldBe(await db.AuditLog.Where(a => a.Action == AuditLog.KeyAction).Select(a => a.Id).SingleAsync());
        }
        finally
        {
            await upgraded.StopAsync();
            await upgraded.DisposeAsync();
        }
    }
}

/// <summary>Exit code 2 and the message from `minsheng audit verify` on a tampered database.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class AuditVerifyCliTests
{
    [Fact]
    public async Task Verify_exits_with_2_and_names_the_edited_timeline_entry()
    {
        await using var t = await Tampering.StartAsync();
        var (id, number) = await t.WorkflowAsync();
        var entry = await t.Db.Timeline.SingleAsync(x => x.AppealId == id && x.Action == AppealAction.SubmitReply);
        var seal = await t.SealOfAsync(RecordSeal.Kind.Timeline, entry.Id);
        (await Run(t)).ShouldBe((0, "审计日志完整：已校验 " + await t.Db.AuditLog.CountAsync() + " 条审计记录、7 条时间线记录与查阅登记、1 个检查点。\n"));

        await t.DropGuardsAsync();
        await t.Db.Database.ExecuteSqlInterpolatedAsync($"update timeline_entries set comment = '已处理完毕' where id = {entry.Id}");
        (await Run(t)).ShouldBe((2, $"审计日志校验失败（第 {seal} 号记录）：时间线记录 #{entry.Id}（诉求 {number}）的内容被修改，与第 {seal} 号审计记录的封存不符。\n"));
    }

    private static async Task<(int, string)> Run(Tampering t)
    {
        var old = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            // The CLI finds the key where the app did: next to the SQLite file, or ./data for PostgreSQL.
            var code = await MinshengCli.RunAsync(["audit", "verify", "--database", t.Test.Database.Spec]);
            return (code, output.ToString().Replace("\r\n", "\n"));
        }
        finally
        {
            Console.SetOut(old);
        }
    }
}

/// <summary>A test app whose checkpoint file is a temporary one, plus the attacker's tools.</summary>
public sealed class Tampering : IAsyncDisposable
{
    public required TestApp Test { get; init; }
    public required string CheckpointPath { get; init; }
    public required IServiceScope Scope { get; init; }
    public required HttpClient Desk { get; init; }
    public WebApplication App => Test.App;
    public MinshengDb Db => Scope.ServiceProvider.GetRequiredService<MinshengDb>();

    public static async Task<Tampering> StartAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"minsheng-checkpoints-{Guid.NewGuid():N}");
        var test = await TestApp.StartAsync(new Dictionary<string, string?> { [AuditKey.CheckpointFileSetting] = path });
        return new Tampering { Test = test, CheckpointPath = path, Scope = test.App.Services.CreateScope(), Desk = await test.ClientFor("dispatcher") };
    }

    public async Task<(long Id, string Number)> WorkflowAsync()
    {
        var c = Test.County;
        var handler = await Test.ClientFor("housing-handler");
        var head = await Test.ClientFor("housing-head");
        var id = await Desk.NewAppeal(c);
        await Desk.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, comment = "请住建局办理" }).Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/reply", new { content = "经现场查看，路灯线路老化，已于今日更换，恢复照明。" }).Expect(HttpStatusCode.OK);
        await head.Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.OK);
        await Desk.Post($"/api/appeals/{id}/unmask", new { reason = "回访需要拨打电话" }).Expect(HttpStatusCode.OK);
        await Desk.Post($"/api/appeals/{id}/callback", new { outcome = "Satisfied", resolved = true, comment = "群众表示满意" }).Expect(HttpStatusCode.OK);
        return (id, await Db.Appeals.Where(a => a.Id == id).Select(a => a.Number).SingleAsync());
    }

    public async Task<AuditVerdict> VerifyAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
    }

    public async Task<Checkpoint?> CheckpointAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync();
    }

    /// <summary>The id of the seal entry that lists the row.</summary>
    public async Task<long> SealOfAsync(RecordSeal.Kind kind, long rowId) =>
        (await Db.AuditLog.Where(a => a.Action == RecordSeal.Action).Select(a => new { a.Id, a.Detail }).ToListAsync())
        .Single(a => RecordSeal.Parse(a.Detail)!.Any(i => i.Kind == kind && i.Id == rowId)).Id;

    /// <summary>What an owner of the database can do: remove the append-only triggers.</summary>
    public Task DropGuardsAsync() => Db.IsSqlite
        ? Db.Database.ExecuteSqlRawAsync("""
            drop trigger audit_log_no_update; drop trigger audit_log_no_delete;
            drop trigger access_log_no_update; drop trigger access_log_no_delete;
            drop trigger timeline_entries_no_update; drop trigger timeline_entries_no_delete;
            """)
        : Db.Database.ExecuteSqlRawAsync("""
            drop trigger audit_log_append_only on audit_log; drop trigger access_log_append_only on access_log;
            drop trigger timeline_entries_append_only on timeline_entries;
            """);

    public Task RehashWithoutKeyAsync(long fromId) => RehashWithoutKeyAsync(Db, fromId);

    /// <summary>Re-links and re-hashes every entry from fromId on with plain SHA-256, as the chain was before keys.</summary>
    public static async Task RehashWithoutKeyAsync(MinshengDb db, long fromId, string? stopBefore = null)
    {
        var prev = await db.AuditLog.AsNoTracking().Where(a => a.Id < fromId).OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync() ?? AuditEntry.Genesis;
        var ids = await db.AuditLog.Where(a => a.Id >= fromId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Action }).ToListAsync();
        foreach (var e in ids)
        {
            if (e.Action == stopBefore) break;
            await db.Database.ExecuteSqlInterpolatedAsync($"update audit_log set prev_hash = {prev} where id = {e.Id}");
            var hash = (await db.AuditLog.AsNoTracking().SingleAsync(a => a.Id == e.Id)).LegacyHash();
            await db.Database.ExecuteSqlInterpolatedAsync($"update audit_log set hash = {hash} where id = {e.Id}");
            prev = hash;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Scope.Dispose();
        await Test.DisposeAsync();
        File.Delete(CheckpointPath);
    }
}
