using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>
/// The SQL that turns appeals into facts, for both dialects: <see cref="InsertScoped"/> writes the stored per-scope rows,
/// <see cref="Select"/> reads the days the facts do not hold yet (today, dirty days) live, grouped finely enough that
/// any scope applies to it. Each count is the SQL form of a condition in StatisticsService.Tallies (the reference),
/// evaluated at @now, written alike in both.
/// </summary>
internal static class FactsSql
{
    public const string Columns =
        "day, jurisdiction_id, region_unit_id, lead_unit_id, category_id, channel, type, received, closed, on_time_closed, " +
        "sign_for_decided, signed_on_time, resolved_recorded, resolved_yes, reached, satisfied";

    private static readonly long OffsetMs = (long)Domain.Calendar.ChinaTime.Offset.TotalMilliseconds;

    private const string Closed = nameof(AppealStatus.Closed);
    private const string Reached = $"'{nameof(CallbackOutcome.Satisfied)}', '{nameof(CallbackOutcome.BasicallySatisfied)}', '{nameof(CallbackOutcome.Unsatisfied)}'";
    private const string Satisfied = $"'{nameof(CallbackOutcome.Satisfied)}', '{nameof(CallbackOutcome.BasicallySatisfied)}'";

    /// <summary>The China day of created_at: unix milliseconds on SQLite, timestamptz on PostgreSQL.</summary>
    public static string DayOf(bool sqlite) => sqlite
        ? $"cast((created_at + {OffsetMs}) / 86400000 as integer)"
        : $"cast(floor((extract(epoch from created_at) + {OffsetMs / 1000}) / 86400) as integer)";

    private static string Count(string condition) => $"cast(sum(case when {condition} then 1 else 0 end) as integer)";

    /// <summary>
    /// Fact rows of the appeals registered in the given ranges of created_at. Parameters: @now, then @s0, @e0, @s1, @e1…
    /// (half-open ranges). The ranges are OR-ed, so the created_at index serves each.
    /// </summary>
    public static string Select(bool sqlite, int ranges)
    {
        var where = string.Join(" or ", Enumerable.Range(0, ranges).Select(i => $"(created_at >= @s{i} and created_at < @e{i})"));
        return $"select {DayOf(sqlite)} as day, jurisdiction_id, region_unit_id, lead_unit_id, category_id, channel, type, " +
               "cast(count(*) as integer) as received, " +
               $"{Figures(Count)} " +
               // SQLite pushes the caller's scope (an OR over three unit columns) down into this SELECT and then prefers
               // the unit indexes, reading a county's every appeal to find today's; the registration-time index is the one.
               $"from appeals{(sqlite ? " indexed by ix_appeals_created_at" : "")} where {where} " +
               $"group by {DayOf(sqlite)}, jurisdiction_id, region_unit_id, lead_unit_id, category_id, channel, type";
    }

    public const string ScopeColumns =
        "day, scope_id, dim, channel, type, key_id, received, closed, on_time_closed, " +
        "sign_for_decided, signed_on_time, resolved_recorded, resolved_yes, reached, satisfied";

    private const string Sums =
        "cast(sum(received) as integer), cast(sum(closed) as integer), cast(sum(on_time_closed) as integer), " +
        "cast(sum(sign_for_decided) as integer), cast(sum(signed_on_time) as integer), cast(sum(resolved_recorded) as integer), " +
        "cast(sum(resolved_yes) as integer), cast(sum(reached) as integer), cast(sum(satisfied) as integer)";

    private static string Flag(string condition) => $"case when {condition} then 1 else 0 end";

    /// <summary>
    /// The per-appeal conditions behind every figure but received, in the facts' column order; the live SELECT counts
    /// them per group and the stored build flags them per appeal, so both always mean the same.
    /// </summary>
    private static readonly (string Column, string Condition)[] Conditions =
    [
        ("closed", $"status = '{Closed}'"),
        ("on_time_closed", $"status = '{Closed}' and (resolve_due is null or coalesce(replied_at, closed_at) <= resolve_due)"),
        ("sign_for_decided", "sign_for_due is not null and (claimed_at is not null or sign_for_due < @now)"),
        ("signed_on_time", "sign_for_due is not null and claimed_at is not null and claimed_at <= sign_for_due"),
        ("resolved_recorded", "resolved is not null"),
        ("resolved_yes", "resolved"),
        ("reached", $"callback_outcome in ({Reached})"),
        ("satisfied", $"callback_outcome in ({Satisfied})"),
    ];

    private static string Figures(Func<string, string> render) => string.Join(", ", Conditions.Select(c => $"{render(c.Condition)} as {c.Column}"));

    /// <summary>
    /// Inserts the stored facts of the appeals registered in [@s0, @e0) (whole China days), evaluated at @now: each appeal
    /// once in every scope that sees it (fact_scope_map over its place, lead unit and, for jurisdictions, its owner; and
    /// scope 0), then four groupings per day and scope. The per-appeal conditions are those of <see cref="Select"/>.
    /// </summary>
    public static string InsertScoped(bool sqlite) =>
        "with a as materialized (" +
        $"select id, {DayOf(sqlite)} as day, jurisdiction_id, region_unit_id, lead_unit_id, category_id, channel, type, " +
        "1 as received, " +
        $"{Figures(Flag)} " +
        "from appeals where created_at >= @s0 and created_at < @e0), " +
        // UNION (not UNION ALL): an appeal whose place and lead unit are in the same scope counts there once.
        "s as materialized (" +
        $"select id, {FactScopes.Everything} as scope_id from a " +
        "union select a.id, m.scope_id from a join fact_scope_map m on m.unit_id = a.region_unit_id " +
        "union select a.id, m.scope_id from a join fact_scope_map m on m.unit_id = a.lead_unit_id " +
        "union select a.id, m.scope_id from a join fact_scope_map m on m.unit_id = a.jurisdiction_id and m.jurisdictional = 1), " +
        "x as materialized (" +
        "select s.scope_id, a.*, c.group_id as category_root, " +
        "case when a.region_unit_id is null then null else coalesce(t.group_id, -1) end as township " +
        "from s join a on a.id = s.id " +
        "left join fact_group_map c on c.dim = 'cat' and c.id = a.category_id " +
        "left join fact_group_map t on t.dim = 'town' and t.id = a.region_unit_id) " +
        $"insert into appeal_scope_facts ({ScopeColumns}) select * from (" +
        $"select day, scope_id, 'ct' as dim, channel, type, 0 as key_id, {Sums} from x group by day, scope_id, channel, type " +
        $"union all select day, scope_id, 'tr', channel, '', 0, {Sums} from x group by day, scope_id, channel " +
        $"union all select day, scope_id, 'cat', '', '', coalesce(category_root, 0), {Sums} from x group by day, scope_id, category_root " +
        $"union all select day, scope_id, 'town', '', '', coalesce(township, 0), {Sums} from x group by day, scope_id, township " +
        $"union all select day, scope_id, 'lead', '', '', lead_unit_id, {Sums} from x where lead_unit_id is not null group by day, scope_id, lead_unit_id" +
        // Written in key order: a scope's rows of the chunk lie together, so a period reads few pages.
        ") r order by scope_id, dim, day";

    /// <summary>Every dimension of day rows, as an SQL list (the rebuild's deletes go through the (dim, day) index).</summary>
    public const string DayDims = "'ct', 'tr', 'cat', 'town', 'lead'";


    /// <summary>
    /// Replaces the month rows of the month starting at @m (days [@m, @n)) with the sums of its stored day rows, so a
    /// month row always equals the days it stands for (it is read only while every one of them is clean).
    /// </summary>
    public static string DeleteMonth => "delete from appeal_scope_facts where day = @m and dim in ('ct.m', 'cat.m', 'town.m', 'lead.m')";

    public static string InsertMonth =>
        $"insert into appeal_scope_facts ({ScopeColumns}) select * from (" +
        $"select @m as day, scope_id, dim || '.m' as dim, channel, type, key_id, {Sums} from appeal_scope_facts " +
        "where day >= @m and day < @n and dim in ('ct', 'cat', 'town', 'lead') group by scope_id, dim, channel, type, key_id" +
        ") r order by scope_id, dim";

    /// <summary>Per day: the earliest sign-for deadline not yet passed at @now of an unclaimed appeal (when the day's facts go stale).</summary>
    public static string StaleAt(bool sqlite) =>
        $"select {DayOf(sqlite)} as day, min(sign_for_due) as stale_at from appeals " +
        "where created_at >= @s0 and created_at < @e0 and claimed_at is null and sign_for_due is not null and sign_for_due >= @now " +
        $"group by {DayOf(sqlite)}";

    /// <summary>A timestamp as the dialect stores it.</summary>
    public static object Ts(bool sqlite, DateTimeOffset value) => sqlite ? value.ToUnixTimeMilliseconds() : value.ToUniversalTime();

    public static DateTimeOffset? ReadTs(object value) => value switch
    {
        DBNull or null => null,
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset d => d,
        _ => throw new InvalidOperationException($"Unexpected timestamp {value.GetType()}"),
    };

    /// <summary>Parameters @now, @s0, @e0… for <see cref="Select"/> over whole China days [from, to] runs.</summary>
    public static List<DbParameter> Parameters(MinshengDb db, DateTimeOffset now, IReadOnlyList<(int From, int To)> runs)
    {
        var sqlite = db.IsSqlite;
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var list = new List<DbParameter>();
        void Add(string name, object value)
        {
            var p = factory.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            list.Add(p);
        }
        Add("@now", Ts(sqlite, now));
        for (var i = 0; i < runs.Count; i++)
        {
            Add($"@s{i}", Ts(sqlite, FactDays.Start(runs[i].From)));
            Add($"@e{i}", Ts(sqlite, FactDays.Start(runs[i].To + 1)));
        }
        return list;
    }
}
