using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Statistics;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Statistics.Facts;

/// <summary>
/// The test county put under a city (丰测市) beside a second county, so that every scope shape exists: the city
/// (sees all), a county, another county and a township supervisor. Appeals are written straight into the table with
/// random values (the facts must count whatever is stored), and changed later through EF as the workflow would.
/// </summary>
public sealed class FactsWorld
{
    public required TestApp App { get; init; }
    public required Unit City { get; init; }
    public required Unit Other { get; init; }
    public required Unit OtherTown { get; init; }
    public required Unit OtherDept { get; init; }
    public required Random Random { get; init; }

    private long _number;

    public static async Task<FactsWorld> CreateAsync(TestApp app, int seed)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var city = new Unit("FC", "丰测市", UnitKind.City, null);
        db.Units.Add(city);
        await db.SaveChangesAsync();
        // Re-root the test county under the city: parent and the path prefix of its whole subtree.
        await db.Database.ExecuteSqlRawAsync("update units set path = '/FC' || path where code like 'TC%'");
        await db.Database.ExecuteSqlAsync($"update units set parent_id = {city.Id} where code = 'TC'");
        var other = new Unit("OC", "测试二县", UnitKind.County, city);
        db.Units.Add(other);
        await db.SaveChangesAsync();
        var town = new Unit("OC-T1", "东岭镇", UnitKind.Township, other);
        var dept = new Unit("OC-D1", "二县水务局", UnitKind.Department, other);
        db.Units.AddRange(town, dept);
        await db.SaveChangesAsync();
        app.App.Services.GetRequiredService<UnitTree>().Invalidate();
        return new FactsWorld { App = app, City = city, Other = other, OtherTown = town, OtherDept = dept, Random = new Random(seed) };
    }

    private TestCounty C => App.County;

    /// <summary>
    /// The scopes compared: the city (all) and each county (stored per scope), and those answered live: a township's,
    /// a department's and a village's supervisor (finer than the stored scopes) and unit staff (co-units).
    /// </summary>
    public IEnumerable<(string Name, Role Role, long UnitId)> Scopes =>
    [
        ("city", Role.Leader, City.Id),
        ("county", Role.Analyst, C.County.Id),
        ("other-county", Role.Supervisor, Other.Id),
        ("township", Role.Supervisor, C.Town1.Id),
        ("department", Role.Supervisor, OtherDept.Id),
        ("village", Role.Supervisor, C.Village1.Id),
        ("unit-staff", Role.UnitHead, C.Housing.Id),
    ];

    public StatisticsService Statistics(IServiceProvider services, Role role, long unitId) =>
        new(services.GetRequiredService<MinshengDb>(), ScopeOf(services, role, unitId), services.GetRequiredService<UnitTree>(), App.Clock);

    /// <summary>The AppealScope of a user with this role at this unit.</summary>
    public AppealScope ScopeOf(IServiceProvider services, Role role, long unitId)
    {
        var units = services.GetRequiredService<UnitTree>();
        var db = services.GetRequiredService<MinshengDb>();
        var http = new HttpContextAccessor
        {
            HttpContext = new DefaultHttpContext
            {
                User = CurrentUser.CreatePrincipal(1, "facts-test", "统计测试", role, unitId, "stamp", "test"),
            },
        };
        var me = new CurrentUser(http, units);
        return new AppealScope(db, me, units);
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Asserts the facts-based overview and unit table equal the live reference for every scope and the given periods.
    /// Returns the names of the scopes whose answer read stored facts (not the live fallback) for some period.
    /// </summary>
    public async Task<HashSet<string>> AssertEqualAsync(string when, IEnumerable<StatisticsPeriod> periods)
    {
        using var scope = App.App.Services.CreateScope();
        var stored = new HashSet<string>();
        foreach (var period in periods)
        foreach (var (name, role, unit) in Scopes)
        {
            var stats = Statistics(scope.ServiceProvider, role, unit);
            var facts = JsonSerializer.Serialize(await stats.OverviewAsync(period, CancellationToken.None), Json);
            var live = JsonSerializer.Serialize(await stats.LiveOverviewAsync(period, CancellationToken.None), Json);
            if (facts != live && Environment.GetEnvironmentVariable("MINSHENG_FACTS_DUMP") is { } dump)
            {
                await File.WriteAllTextAsync(Path.Combine(dump, "facts.json"), facts);
                await File.WriteAllTextAsync(Path.Combine(dump, "live.json"), live);
            }
            facts.ShouldBe(live, $"{when}: {name} {period.From}..{period.To}");
            var unitsFacts = JsonSerializer.Serialize(await stats.UnitsAsync(period, "unit", "asc", CancellationToken.None), Json);
            var unitsLive = JsonSerializer.Serialize(await stats.LiveUnitsAsync(period, "unit", "asc", CancellationToken.None), Json);
            unitsFacts.ShouldBe(unitsLive, $"{when}: unit table, {name} {period.From}..{period.To}");
            if (await ReadsStoredAsync(scope.ServiceProvider, role, unit, period)) stored.Add(name);
        }
        return stored;
    }

    /// <summary>Whether the facts reader answers this scope and period with stored rows (some day clean) rather than null.</summary>
    public async Task<bool> ReadsStoredAsync(IServiceProvider services, Role role, long unitId, StatisticsPeriod period)
    {
        var db = services.GetRequiredService<MinshengDb>();
        var units = services.GetRequiredService<UnitTree>();
        var (kind, subtree) = ScopeOf(services, role, unitId).Rule();
        var scopes = await FactScopes.LoadAsync(db, units, CancellationToken.None);
        if (scopes.ScopeFor(kind, subtree) is null || await new FactsReader(db).ReadAsync(period, kind, subtree, scopes, FactsWanted.Overview,
                App.Clock.GetUtcNow(), CancellationToken.None) is null) return false;
        var today = FactDays.Of(Domain.Calendar.ChinaTime.DateOf(App.Clock.GetUtcNow()));
        var (from, to) = (FactDays.Of(period.From), Math.Min(FactDays.Of(period.To), today - 1));
        return await db.Set<FactDay>().AnyAsync(d => d.Day >= from && d.Day <= to);
    }

    /// <summary>
    /// Moves a unit under another parent as the unit admin would: its parent, and the path of its whole subtree.
    /// Written with SQL, like any change made by another instance; the caller's tree is refreshed.
    /// </summary>
    public async Task MoveUnitAsync(Unit unit, Unit newParent)
    {
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var tree = App.App.Services.GetRequiredService<UnitTree>();
        var oldPath = tree.Find(unit.Id)!.Path;
        var newPath = tree.Find(newParent.Id)!.Path + oldPath.TrimEnd('/').Split('/')[^1] + "/";
        await db.Database.ExecuteSqlAsync($"update units set parent_id = {newParent.Id} where id = {unit.Id}");
        await db.Database.ExecuteSqlRawAsync("update units set path = {0} || substr(path, {1}) where substr(path, 1, {2}) = {3}",
            newPath, oldPath.Length + 1, oldPath.Length, oldPath);
        tree.Invalidate();
    }

    /// <summary>Moves a category under another parent (categories are read afresh by every statistic).</summary>
    public async Task MoveCategoryAsync(long categoryId, long newParentId)
    {
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        await db.Database.ExecuteSqlAsync($"update categories set parent_id = {newParentId} where id = {categoryId}");
    }

    public IReadOnlyList<StatisticsPeriod> Periods()
    {
        var now = App.Clock.GetUtcNow();
        var today = Domain.Calendar.ChinaTime.DateOf(now);
        var a = today.AddDays(-Random.Next(10, 200));
        return
        [
            StatisticsPeriod.Last(30, now),
            StatisticsPeriod.Last(365, now),
            new StatisticsPeriod(a, a.AddDays(Random.Next(0, 60))),
            new StatisticsPeriod(today.AddDays(-100), today.AddDays(5)), // weekly, into the future
        ];
    }

    /// <summary>
    /// Writes <paramref name="count"/> random appeals registered within the last <paramref name="days"/> days, or (days 0)
    /// today since midnight in China. Written with SQL, not EF, they mark nothing: like a bulk import, they need a
    /// rebuild unless they fall on today, which is always read live.
    /// </summary>
    public async Task<List<long>> InsertAsync(int count, int days)
    {
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var sqlite = db.IsSqlite;
        var now = App.Clock.GetUtcNow();
        long?[] regions = [C.Town1.Id, C.Village1.Id, C.Town2.Id, C.County.Id, OtherTown.Id, null];
        long?[] leads = [C.Housing.Id, C.CityMgmt.Id, C.Town1.Id, OtherDept.Id, OtherTown.Id, null];
        long?[] owners = [C.County.Id, C.County.Id, Other.Id, City.Id, null];
        long?[] categories = [C.Roads.Id, C.Noise.Id, C.Roads.ParentId, null];
        var statuses = Enum.GetValues<AppealStatus>();
        var channels = Enum.GetValues<Channel>();
        var types = Enum.GetValues<AppealType>();
        var outcomes = Enum.GetValues<CallbackOutcome>();
        T Pick<T>(IReadOnlyList<T> xs) => xs[Random.Next(xs.Count)];
        DateTimeOffset? Maybe(DateTimeOffset at, int percent) => Random.Next(100) < percent ? at : null;

        var ids = new List<long>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var conn = db.Database.GetDbConnection();
            await using var tx = await conn.BeginTransactionAsync();
            foreach (var _ in Enumerable.Range(0, count))
            {
                // Mostly past moments; a share of today's, right up to now.
                var span = days > 0 ? days * 24 * 60 : (int)(now - FactDays.Start(FactDays.Of(now))).TotalMinutes + 1;
                var created = now - TimeSpan.FromMinutes(Random.Next(0, span));
                var status = Pick(statuses);
                var signDue = Maybe(created + TimeSpan.FromHours(Random.Next(1, 96)), 80);
                DateTimeOffset? claimed = signDue is { } sd && Random.Next(100) < 70 ? sd + TimeSpan.FromHours(Random.Next(-30, 20)) : null;
                if (claimed > now) claimed = null;
                var resolveDue = Maybe(created + TimeSpan.FromDays(Random.Next(1, 20)), 75);
                var replied = Maybe(created + TimeSpan.FromDays(Random.Next(0, 25)), 50);
                var closedAt = status == AppealStatus.Closed ? created + TimeSpan.FromDays(Random.Next(0, 30)) : Maybe(created, 5);
                var values = new (string Column, object? Value)[]
                {
                    ("number", $"FT{++_number:D7}-{Random.Next():X}"), ("query_code", "000000"), ("channel", Pick(channels).ToString()),
                    ("type", Pick(types).ToString()), ("category_id", Pick(categories)), ("tier", nameof(Tier.Timely)), ("title", "测试诉求"),
                    ("content", "测试内容"), ("region_unit_id", Pick(regions)), ("jurisdiction_id", Pick(owners)), ("status", status.ToString()),
                    ("lead_unit_id", Pick(leads)), ("sign_for_due", Ts(sqlite, signDue)), ("resolve_due", Ts(sqlite, resolveDue)),
                    ("claimed_at", Ts(sqlite, claimed)), ("replied_at", Ts(sqlite, replied)), ("closed_at", Ts(sqlite, closedAt)),
                    ("callback_outcome", Random.Next(100) < 40 ? Pick(outcomes).ToString() : null),
                    ("resolved", Random.Next(3) switch { 0 => null, 1 => true, _ => false }),
                    ("extension_used", false), ("return_count", 0), ("redo_count", 0), ("callback_attempts", 0),
                    ("created_at", Ts(sqlite, created)), ("updated_at", Ts(sqlite, created)), ("version", 1),
                    ("next_check_at", Ts(sqlite, now + TimeSpan.FromHours(1))),
                };
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"insert into appeals ({string.Join(", ", values.Select(v => v.Column))}) values " +
                                  $"({string.Join(", ", values.Select((_, i) => $"@p{i}"))}) returning id";
                for (var i = 0; i < values.Length; i++)
                {
                    var p = cmd.CreateParameter();
                    p.ParameterName = $"@p{i}";
                    p.Value = values[i].Value ?? DBNull.Value;
                    cmd.Parameters.Add(p);
                }
                ids.Add(Convert.ToInt64(await cmd.ExecuteScalarAsync()));
            }
            await tx.CommitAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return ids;
    }

    private static object? Ts(bool sqlite, DateTimeOffset? value) => value is not { } v ? null : sqlite ? v.ToUnixTimeMilliseconds() : v.ToUniversalTime();

    /// <summary>
    /// Late changes through EF, as the workflow makes them: reopen (复核), redo (重办, a new sign-for round), a callback,
    /// a merge, a re-dispatch to another unit, a moved place, a new category.
    /// </summary>
    public async Task<List<string>> ChangeAsync(IReadOnlyList<long> ids, int count)
    {
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var now = App.Clock.GetUtcNow();
        var picked = Enumerable.Range(0, count).Select(_ => ids[Random.Next(ids.Count)]).Distinct().ToList();
        var appeals = await db.Appeals.Where(a => picked.Contains(a.Id)).ToListAsync();
        var done = new List<string>();
        foreach (var a in appeals)
        {
            var e = db.Entry(a);
            void Set<T>(string name, T value) => e.Property(name).CurrentValue = value;
            switch (Random.Next(7))
            {
                case 0:
                    Set(nameof(Appeal.Status), AppealStatus.ReReview);
                    Set<DateTimeOffset?>(nameof(Appeal.ClosedAt), null);
                    Set<CallbackOutcome?>(nameof(Appeal.CallbackOutcome), CallbackOutcome.Unsatisfied);
                    Set<bool?>(nameof(Appeal.Resolved), false);
                    done.Add("reopen");
                    break;
                case 1:
                    Set(nameof(Appeal.Status), AppealStatus.Dispatched);
                    Set<DateTimeOffset?>(nameof(Appeal.ClaimedAt), null);
                    Set<DateTimeOffset?>(nameof(Appeal.SignForDue), now + TimeSpan.FromHours(Random.Next(1, 60)));
                    Set<DateTimeOffset?>(nameof(Appeal.RepliedAt), null);
                    Set<CallbackOutcome?>(nameof(Appeal.CallbackOutcome), null);
                    Set<bool?>(nameof(Appeal.Resolved), null);
                    done.Add("redo");
                    break;
                case 2:
                    Set(nameof(Appeal.Status), AppealStatus.Closed);
                    Set<DateTimeOffset?>(nameof(Appeal.ClosedAt), now);
                    Set<CallbackOutcome?>(nameof(Appeal.CallbackOutcome), Enum.GetValues<CallbackOutcome>()[Random.Next(4)]);
                    Set<bool?>(nameof(Appeal.Resolved), Random.Next(2) == 0);
                    done.Add("callback");
                    break;
                case 3:
                    Set(nameof(Appeal.Status), AppealStatus.Merged);
                    Set<long?>(nameof(Appeal.MergedIntoId), ids[0] == a.Id ? ids[1] : ids[0]);
                    done.Add("merge");
                    break;
                case 4:
                    Set<long?>(nameof(Appeal.LeadUnitId), new long?[] { C.Housing.Id, C.Town1.Id, OtherDept.Id, null }[Random.Next(4)]);
                    Set<DateTimeOffset?>(nameof(Appeal.ClaimedAt), a.ClaimedAt is null ? now : null);
                    done.Add("redispatch");
                    break;
                case 5:
                    Set<long?>(nameof(Appeal.RegionUnitId), new long?[] { C.Village1.Id, C.Town2.Id, OtherTown.Id, null }[Random.Next(4)]);
                    done.Add("place");
                    break;
                default:
                    Set<long?>(nameof(Appeal.CategoryId), new long?[] { C.Roads.Id, C.Noise.Id, null }[Random.Next(3)]);
                    Set(nameof(Appeal.Channel), Enum.GetValues<Channel>()[Random.Next(9)]);
                    done.Add("category");
                    break;
            }
            Set(nameof(Appeal.UpdatedAt), now);
        }
        await db.SaveChangesAsync();
        return done;
    }
}
