using System.Text.Json;
using System.Text.Json.Serialization;
using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Assessment;

/// <summary>
/// A jurisdiction's assessment scheme (考核方案) as data. The rate part of a unit's score is 100 × the weighted mean of
/// its scored rates (lower-is-better rates count as 1 − rate); a rate whose n is below <see cref="MinSample"/> is not
/// scored and the weights of the scored ones are rescaled to the full 100, so a unit is judged on what it had enough
/// cases for. From that, points are taken per supervision order and per confirmed accountability lead, and bonus
/// points added per 表扬 appeal and per completed 每月一题 the unit led (bonuses capped at <see cref="BonusCap"/>).
/// </summary>
public sealed record AssessmentScheme
{
    public const int GroupNameMax = 20, GroupsMax = 10;

    public IReadOnlyDictionary<Metric, double> Weights { get; init; } = new Dictionary<Metric, double>();
    public double PerSupervisionOrder { get; init; }
    public double PerConfirmedLead { get; init; }
    public double PerPraise { get; init; }
    public double PerCompletedPriority { get; init; }
    public double BonusCap { get; init; }
    public int MinSample { get; init; }
    /// <summary>Working days, from the draft on the 1st, in which units may contest items (申诉期).</summary>
    public int ContestWorkingDays { get; init; }
    /// <summary>How many units per group are shown on the 红榜 (top) and on the 黑榜 (bottom).</summary>
    public int BoardSize { get; init; }
    /// <summary>Groups ranked separately; empty means the default groups by unit kind (<see cref="UnitGroups.Defaults"/>).</summary>
    public IReadOnlyList<UnitGroup> Groups { get; init; } = [];

    public static AssessmentScheme Default => new()
    {
        Weights = new Dictionary<Metric, double>
        {
            [Metric.Response] = 15, [Metric.Resolution] = 25, [Metric.Satisfaction] = 30, [Metric.OnTimeClose] = 15,
            [Metric.ReturnRate] = 5, [Metric.WrongfulReturn] = 5, [Metric.RedoRate] = 5,
        },
        PerSupervisionOrder = 1, PerConfirmedLead = 2, PerPraise = 0.5, PerCompletedPriority = 2, BonusCap = 5,
        MinSample = 10, ContestWorkingDays = 5, BoardSize = 3,
    };

    public double TotalWeight => Weights.Values.Where(w => w > 0).Sum();

    /// <summary>Checks every field and names each wrong one (weights as "weights.Satisfaction").</summary>
    public AssessmentScheme Validated()
    {
        var e = new FieldErrors();
        foreach (var (m, w) in Weights)
        {
            if (!Enum.IsDefined(m)) e.Add("weights", "指标无效。");
            else if (w < 0 || w > 100 || double.IsNaN(w)) e.Add($"weights.{m}", "权重应在 0 到 100 之间。");
        }
        if (TotalWeight <= 0) e.Add("weights", "至少为一个指标设置大于 0 的权重。");
        Points(e, "perSupervisionOrder", PerSupervisionOrder);
        Points(e, "perConfirmedLead", PerConfirmedLead);
        Points(e, "perPraise", PerPraise);
        Points(e, "perCompletedPriority", PerCompletedPriority);
        Points(e, "bonusCap", BonusCap);
        if (MinSample is < 1 or > 1000) e.Add("minSample", "最小样本量应在 1 到 1000 之间。");
        if (ContestWorkingDays is < 1 or > 20) e.Add("contestWorkingDays", "申诉期应为 1 到 20 个工作日。");
        if (BoardSize is < 1 or > 20) e.Add("boardSize", "红黑榜每组上榜单位数应在 1 到 20 之间。");
        if (Groups.Count > GroupsMax) e.Add("groups", $"分组最多 {GroupsMax} 个。");
        var seen = new HashSet<long>();
        foreach (var g in Groups)
        {
            if (string.IsNullOrWhiteSpace(g.Name) || g.Name.Trim().Length > GroupNameMax) e.Add("groups", $"分组名称不能为空，且不超过 {GroupNameMax} 个字。");
            foreach (var u in g.UnitIds)
                if (!seen.Add(u)) { e.Add("groups", "一个单位只能属于一个分组。"); break; }
        }
        e.ThrowIfAny();
        return this;
    }

    private static void Points(FieldErrors e, string field, double v)
    {
        if (v < 0 || v > 100 || double.IsNaN(v)) e.Add(field, "分值应在 0 到 100 之间。");
    }

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AssessmentScheme FromJson(string json) => JsonSerializer.Deserialize<AssessmentScheme>(json, Json) ?? Default;
}

/// <summary>A group of units ranked among themselves (四类排名: departments, townships and streets, public companies...).</summary>
public sealed record UnitGroup(string Name, IReadOnlyList<long> UnitIds);

/// <summary>A unit as grouping needs it.</summary>
public sealed record GroupableUnit(long Id, string Name, UnitKind Kind);

public static class UnitGroups
{
    public const string Departments = "职能部门", Townships = "乡镇（街道）", Companies = "公共服务企业";

    /// <summary>
    /// The default groups: townships and streets; public companies (departments whose name says 公司, such as the water
    /// or power company, which are measured on the same cases but are not government offices); the other departments.
    /// Villages, counties and cities are not ranked by default.
    /// </summary>
    public static IReadOnlyList<UnitGroup> Defaults(IEnumerable<GroupableUnit> units)
    {
        var list = units.ToList();
        bool Company(GroupableUnit u) => u.Kind == UnitKind.Department && u.Name.Contains("公司");
        return
        [
            new(Departments, list.Where(u => u.Kind == UnitKind.Department && !Company(u)).Select(u => u.Id).ToList()),
            new(Townships, list.Where(u => u.Kind == UnitKind.Township).Select(u => u.Id).ToList()),
            new(Companies, list.Where(Company).Select(u => u.Id).ToList()),
        ];
    }

    /// <summary>The scheme's groups, or the defaults when it names none; empty groups are dropped.</summary>
    public static IReadOnlyList<UnitGroup> Effective(AssessmentScheme scheme, IEnumerable<GroupableUnit> units) =>
        (scheme.Groups.Count > 0 ? scheme.Groups : Defaults(units)).Where(g => g.UnitIds.Count > 0).ToList();
}
