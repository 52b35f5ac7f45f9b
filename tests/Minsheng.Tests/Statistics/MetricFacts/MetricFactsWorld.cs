using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Features.Statistics;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Features.Statistics.MetricFacts;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;
using Minsheng.Tests.Statistics.Facts;

namespace Minsheng.Tests.Statistics.MetricFacts;

/// <summary>
/// The facts tests' world (a city over the test county and a second county) with what the unit measures read beyond
/// the appeal row: stage deadlines and times, co-units, callbacks, returns and rulings, redo and re-review closings,
/// contributions, automatic 督办单 notices (some issued in the same pass) and supervisors' orders, all written with
/// SQL like a bulk import; and late changes to any of them through EF, as the workflow makes them.
/// </summary>
public sealed class MetricFactsWorld
{
    public required FactsWorld World { get; init; }
    public required List<long> Ids { get; init; }
    private TestApp App => World.App;
    private Random Random => World.Random;
    private TestCounty C => App.County;

    public static async Task<MetricFactsWorld> CreateAsync(TestApp app, int seed, int count, int days)
    {
        var world = await FactsWorld.CreateAsync(app, seed);
        var ids = await world.InsertAsync(count, days);
        var w = new MetricFactsWorld { World = world, Ids = ids };
        await w.EnrichAsync(ids);
        return w;
    }

    private long[] Units => [C.Housing.Id, C.CityMgmt.Id, C.Town1.Id, World.OtherDept.Id, World.OtherTown.Id, C.County.Id];

    private T Pick<T>(IReadOnlyList<T> xs) => xs[Random.Next(xs.Count)];

    /// <summary>Stage times, co-units, timeline entries, notices and orders for the given appeals, with SQL (no marks).</summary>
    public async Task EnrichAsync(IReadOnlyList<long> ids)
    {
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var sqlite = db.IsSqlite;
        var now = App.Clock.GetUtcNow();
        var appeals = await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.CreatedAt, a.LeadUnitId, a.RepliedAt, a.ClosedAt }).ToListAsync();
        await db.Database.OpenConnectionAsync();
        try
        {
            var conn = db.Database.GetDbConnection();
            await using var tx = await conn.BeginTransactionAsync();
            async Task Insert(string table, params (string Column, object? Value)[] values)
            {
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"insert into {table} ({string.Join(", ", values.Select(v => v.Column))}) values ({string.Join(", ", values.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < values.Length; i++)
                {
                    var p = cmd.CreateParameter();
                    p.ParameterName = $"@p{i}";
                    p.Value = values[i].Value ?? DBNull.Value;
                    cmd.Parameters.Add(p);
                }
                await cmd.ExecuteNonQueryAsync();
            }
            object? Ts(DateTimeOffset? v) => v is not { } x ? null : sqlite ? x.ToUnixTimeMilliseconds() : x.ToUniversalTime();
            DateTimeOffset? Past(DateTimeOffset at) => at <= now ? at : null;
            var n = 0;
            foreach (var a in appeals)
            {
                var dispatched = a.CreatedAt + TimeSpan.FromHours(Random.Next(0, 30));
                var contactDue = dispatched + TimeSpan.FromHours(Random.Next(2, 72));
                var contacted = Random.Next(100) < 70 ? Past(contactDue + TimeSpan.FromHours(Random.Next(-48, 30))) : null;
                var replyDue = dispatched + TimeSpan.FromDays(Random.Next(1, 15));
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "update appeals set dispatched_at = @d, first_contact_due = @f, contacted_at = @c, reply_due = @r, unit_at_fault = @u where id = @id";
                    foreach (var (name, value) in new (string, object?)[]
                             {
                                 ("@d", Random.Next(100) < 85 ? Ts(dispatched) : null), ("@f", Random.Next(100) < 85 ? Ts(contactDue) : null),
                                 ("@c", Ts(contacted)), ("@r", Random.Next(100) < 80 ? Ts(replyDue) : null),
                                 ("@u", Random.Next(4) switch { 0 => false, 1 => true, _ => null }), ("@id", a.Id),
                             })
                    {
                        var p = cmd.CreateParameter();
                        p.ParameterName = name;
                        p.Value = value ?? DBNull.Value;
                        cmd.Parameters.Add(p);
                    }
                    await cmd.ExecuteNonQueryAsync();
                }
                async Task Entry(DateTimeOffset at, AppealAction action, long? unit, AppealStatus? from = null)
                {
                    if (at > now) return;
                    await Insert("timeline_entries", ("appeal_id", a.Id), ("at", Ts(at)), ("actor_name", "测试"), ("actor_unit_id", unit),
                        ("action", action.ToString()), ("from_status", from?.ToString()), ("to_status", nameof(AppealStatus.Dispatched)), ("is_public", false));
                }
                var after = a.RepliedAt ?? a.CreatedAt;
                if (Random.Next(100) < 50) await Entry(after + TimeSpan.FromHours(Random.Next(1, 90)), Pick([AppealAction.CallbackSatisfied, AppealAction.CallbackUnsatisfied]), null);
                if (Random.Next(100) < 20)
                {
                    var asked = dispatched + TimeSpan.FromHours(Random.Next(1, 40));
                    await Entry(asked, AppealAction.RequestReturn, Random.Next(2) == 0 ? a.LeadUnitId : Pick(Units));
                    if (Random.Next(100) < 70) await Entry(asked + TimeSpan.FromHours(Random.Next(1, 30)), Pick([AppealAction.AcceptReturn, AppealAction.RejectReturn]), null);
                }
                if (Random.Next(100) < 15) await Entry(after + TimeSpan.FromDays(Random.Next(1, 9)), Pick([AppealAction.Redo, AppealAction.Close]), null, AppealStatus.ReReview);
                if (Random.Next(100) < 25)
                {
                    var co = Pick(Units);
                    await Insert("appeal_co_units", ("appeal_id", a.Id), ("unit_id", co));
                    if (Random.Next(100) < 70) await Entry(dispatched + TimeSpan.FromHours(Random.Next(-5, 400)), AppealAction.Contribute, co);
                }
                if (Random.Next(100) < 15 && a.LeadUnitId is { } lead)
                {
                    var issued = Past(a.CreatedAt + TimeSpan.FromDays(Random.Next(1, 10)));
                    if (issued is { } at)
                        foreach (var _ in Enumerable.Range(0, Random.Next(1, 3))) // a second one in the same pass counts once
                            await Insert("notifications", ("key", $"mf-{a.Id}-{++n}"), ("kind", nameof(NotificationKind.SupervisionOrder)),
                                ("audience", nameof(Audience.Unit)), ("unit_id", lead), ("appeal_id", a.Id), ("title", "督办"), ("body", "督办"),
                                ("created_at", Ts(at)));
                }
                if (Random.Next(100) < 10 && Past(a.CreatedAt + TimeSpan.FromDays(Random.Next(1, 20))) is { } ordered)
                    await Insert("supervision_orders", ("appeal_id", a.Id), ("kind", nameof(SupervisionKind.SupervisionOrder)), ("instruction", "督办"),
                        ("due_at", Ts(ordered + TimeSpan.FromDays(3))), ("issued_by", "督查"), ("issuer_role", nameof(Role.Supervisor)), ("created_at", Ts(ordered)));
            }
            await tx.CommitAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Late changes through EF on appeals decided in the past: the facts world's (reopen, redo, callback, merge,
    /// re-dispatch, place, category) and the unit measures' own (late reply, fault ruling, callback, return and ruling,
    /// co-unit contribution, supervision order, automatic notice, moved deadlines).
    /// </summary>
    public async Task<List<string>> ChangeAsync(int count)
    {
        var done = await World.ChangeAsync(Ids, count / 2);
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var now = App.Clock.GetUtcNow();
        DateTimeOffset Ago() => now - TimeSpan.FromHours(Random.Next(1, 24 * 60));
        var picked = Enumerable.Range(0, count / 2).Select(_ => Ids[Random.Next(Ids.Count)]).Distinct().ToList();
        var appeals = await db.Appeals.Where(a => picked.Contains(a.Id)).ToListAsync();
        foreach (var a in appeals)
        {
            var e = db.Entry(a);
            void Set<T>(string name, T value) => e.Property(name).CurrentValue = value;
            void Timeline(DateTimeOffset at, AppealAction action, long? unit, AppealStatus? from = null)
            {
                var t = (TimelineEntry)Activator.CreateInstance(typeof(TimelineEntry), nonPublic: true)!;
                var te = db.Entry(t);
                te.Property(x => x.AppealId).CurrentValue = a.Id;
                te.Property(x => x.At).CurrentValue = at;
                te.Property(x => x.ActorName).CurrentValue = "测试";
                te.Property(x => x.ActorUnitId).CurrentValue = unit;
                te.Property(x => x.Action).CurrentValue = action;
                te.Property(x => x.FromStatus).CurrentValue = from;
                te.Property(x => x.ToStatus).CurrentValue = AppealStatus.Dispatched;
                te.State = EntityState.Added;
            }
            switch (Random.Next(9))
            {
                case 0:
                    Set<DateTimeOffset?>(nameof(Appeal.RepliedAt), Ago());
                    done.Add("late reply");
                    break;
                case 1:
                    Set<bool?>(nameof(Appeal.UnitAtFault), a.UnitAtFault == false ? null : false);
                    done.Add("fault ruling");
                    break;
                case 2:
                    Timeline(Ago(), Pick([AppealAction.CallbackSatisfied, AppealAction.CallbackUnsatisfied]), null);
                    Set<CallbackOutcome?>(nameof(Appeal.CallbackOutcome), Pick(Enum.GetValues<CallbackOutcome>()));
                    done.Add("callback entry");
                    break;
                case 3:
                    var asked = Ago();
                    Timeline(asked, AppealAction.RequestReturn, a.LeadUnitId ?? C.Housing.Id);
                    Timeline(asked + TimeSpan.FromMinutes(Random.Next(1, 600)), Pick([AppealAction.AcceptReturn, AppealAction.RejectReturn]), null);
                    done.Add("return + ruling");
                    break;
                case 4:
                    var co = Pick(Units);
                    if (await db.AppealCoUnits.AnyAsync(c => c.AppealId == a.Id && c.UnitId == co)) break;
                    var cu = new AppealCoUnit(co);
                    db.Entry(cu).Property(x => x.AppealId).CurrentValue = a.Id;
                    db.Entry(cu).State = EntityState.Added;
                    Timeline(Ago(), AppealAction.Contribute, co);
                    done.Add("co-unit contribution");
                    break;
                case 5:
                    var issued = Ago();
                    db.SupervisionOrders.Add(new SupervisionOrder(a.Id, SupervisionKind.SupervisionOrder, "督办", issued + TimeSpan.FromDays(3), "督查", Role.Supervisor, issued));
                    done.Add("supervision order");
                    break;
                case 6:
                    if (a.LeadUnitId is not { } lead) break;
                    db.Notifications.Add(new Notification($"mf-late-{a.Id}-{Random.Next()}", NotificationKind.SupervisionOrder, Audience.Unit, lead, a.Id,
                        null, "督办", "督办", null, Ago()));
                    done.Add("automatic notice");
                    break;
                case 7:
                    Set<DateTimeOffset?>(nameof(Appeal.ReplyDue), Ago());
                    Set<DateTimeOffset?>(nameof(Appeal.FirstContactDue), a.FirstContactDue is null ? Ago() : null);
                    done.Add("moved deadlines");
                    break;
                default:
                    Timeline(Ago(), AppealAction.Redo, null, AppealStatus.ReReview);
                    Set(nameof(Appeal.Status), AppealStatus.Dispatched);
                    Set<DateTimeOffset?>(nameof(Appeal.DispatchedAt), now);
                    Set<long?>(nameof(Appeal.LeadUnitId), Pick(Units));
                    done.Add("redo to another unit");
                    break;
            }
        }
        await db.SaveChangesAsync();
        return done;
    }

    /// <summary>The jurisdictions compared: the city and both counties (stored scopes) and a township (read live).</summary>
    public IEnumerable<(string Name, long Id)> Jurisdictions =>
        [("city", World.City.Id), ("county", C.County.Id), ("other-county", World.Other.Id), ("township", C.Town1.Id)];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>
    /// Asserts that every measure in every dimension, for every jurisdiction and period, equals the live reference
    /// (townships folded alike on both sides, as MetricsTable folds them). Returns the jurisdictions that read stored days.
    /// </summary>
    public async Task<HashSet<string>> AssertEqualAsync(string when)
    {
        using var scope = App.App.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<UnitMeasuresQuery>();
        var reader = scope.ServiceProvider.GetRequiredService<MetricFactsReader>();
        var units = scope.ServiceProvider.GetRequiredService<UnitTree>();
        var stored = new HashSet<string>();
        foreach (var period in World.Periods())
        foreach (var (name, j) in Jurisdictions)
        {
            if (await reader.PlanAsync(j, period.From, period.To, App.Clock.GetUtcNow(), default) is { Clean.Count: > 0 }) stored.Add(name);
            foreach (var measure in Enum.GetValues<Measure>())
            foreach (var dim in Enum.GetValues<Dimension>())
            {
                var facts = await query.CountAsync(measure, j, period.From, period.To, dim, default);
                var live = dim switch
                {
                    Dimension.Unit => await query.LiveCountAsync(measure, j, period.From, period.To, f => f.UnitId!.Value, default),
                    Dimension.Township => await query.LiveCountAsync(measure, j, period.From, period.To, f => f.RegionUnitId ?? 0, default),
                    Dimension.Category => await query.LiveCountAsync(measure, j, period.From, period.To, f => f.CategoryId ?? 0, default),
                    _ => (await query.LiveCountAsync(measure, j, period.From, period.To, f => f.Channel, default)).ToDictionary(x => (long)(int)x.Key, x => x.Value),
                };
                string Show(Dictionary<long, Count> counts) => JsonSerializer.Serialize(counts
                    .GroupBy(c => dim == Dimension.Township ? Township(units, c.Key) : c.Key)
                    .Select(g => (g.Key, g.Aggregate(Count.Zero, (s, c) => s.Add(c.Value))))
                    .Where(x => x.Item2.N > 0).OrderBy(x => x.Key).Select(x => $"{x.Key}:{x.Item2.N}/{x.Item2.Hits}"), Json);
                Show(facts).ShouldBe(Show(live), $"{when}: {name} {measure} by {dim} {period.From}..{period.To}");
            }
        }
        return stored;
    }

    /// <summary>A place folded to its township (-1 none above it, 0 no place): the grouping MetricsTable shows.</summary>
    private static long Township(UnitTree units, long place)
    {
        if (place == 0) return 0;
        var unit = units.Find(place);
        for (var depth = 0; unit is not null && depth < 32; depth++)
        {
            if (unit.Kind == UnitKind.Township) return unit.Id;
            unit = unit.ParentId is { } parent ? units.Find(parent) : null;
        }
        return -1;
    }
}
