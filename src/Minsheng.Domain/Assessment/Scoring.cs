namespace Minsheng.Domain.Assessment;

/// <summary>One unit's material for a month: its measured rates, and its items (every one that cost or earned points).</summary>
public sealed record UnitInput(long UnitId, string UnitName, UnitMeasures Measures, IReadOnlyList<ScoreItem> Items);

/// <summary>A rate as scored: the measured counts, what was exempted, and whether n reached the minimum sample.</summary>
public sealed record ScoredRate(Metric Metric, double Weight, Ratio Measured, Ratio Counted, int Exempted, bool Scored)
{
    /// <summary>The rate as it enters the score (1 − rate for lower-is-better metrics); null when not scored.</summary>
    public double? Contribution => Scored && Counted.Value is { } v ? (Metric.LowerIsBetter() ? 1 - v : v) : null;
}

/// <summary>An item on a unit's sheet with the points it carries (negative costs) and, when exempt, why.</summary>
public sealed record SheetItem(ScoreItem Item, double Points, ExemptReason? Exempt);

public sealed record UnitScore(
    long UnitId, string UnitName, string Group,
    double? RatePart, double Deductions, double Bonus, double? Score,
    IReadOnlyList<ScoredRate> Rates, IReadOnlyList<SheetItem> Items, int Received)
{
    /// <summary>Ranked only when at least one rate reached the minimum sample.</summary>
    public bool Ranked => Score is not null;
    public int? Rank { get; init; }
    public int GroupSize { get; init; }
}

/// <summary>The pure score computation: scheme + inputs + exemptions → ranked scores per group.</summary>
public static class Scoring
{
    public static IReadOnlyList<UnitScore> Compute(AssessmentScheme scheme, IReadOnlyList<UnitGroup> groups, IEnumerable<UnitInput> inputs, Exemptions exemptions)
    {
        var byUnit = inputs.ToDictionary(i => i.UnitId);
        var result = new List<UnitScore>();
        foreach (var g in groups)
        {
            var scores = g.UnitIds.Where(byUnit.ContainsKey).Select(u => One(scheme, g.Name, byUnit[u], exemptions)).ToList();
            result.AddRange(Rank(scores));
        }
        return result;
    }

    public static UnitScore One(AssessmentScheme scheme, string group, UnitInput input, Exemptions exemptions)
    {
        var sheet = input.Items.Select(i => (Item: i, Exempt: exemptions.Why(input.UnitId, i))).ToList();
        var rates = new List<ScoredRate>();
        foreach (var (metric, weight) in scheme.Weights.Where(w => w.Value > 0).OrderBy(w => w.Key))
        {
            var measured = input.Measures.Rate(metric);
            var gone = sheet.Where(s => s.Exempt is not null && s.Item.Kind == ItemKind.MetricMiss && s.Item.Metric == metric).ToList();
            var counted = measured.Without(gone.Count, gone.Count(s => s.Item.InNumerator));
            rates.Add(new ScoredRate(metric, weight, measured, counted, gone.Count, counted.Denominator >= scheme.MinSample && counted.Denominator > 0));
        }
        var scored = rates.Where(r => r.Contribution is not null).ToList();
        var scoredWeight = scored.Sum(r => r.Weight);
        double? ratePart = scoredWeight > 0 ? 100 * scored.Sum(r => r.Weight * r.Contribution!.Value) / scoredWeight : null;

        var items = sheet.Select(s => new SheetItem(s.Item, PointsOf(scheme, s.Item, scored, scoredWeight), s.Exempt)).ToList();
        var deductions = -items.Where(i => i.Exempt is null && i.Item.IsDeduction).Sum(i => i.Points);
        var bonus = Math.Min(scheme.BonusCap, items.Where(i => i.Exempt is null && i.Item.IsBonus).Sum(i => i.Points));
        double? score = ratePart is { } p ? Math.Round(p - deductions + bonus, 2) : null;
        return new UnitScore(input.UnitId, input.UnitName, group, ratePart is { } rp ? Math.Round(rp, 2) : null,
            Math.Round(deductions, 2), Math.Round(bonus, 2), score, rates, items, input.Measures.Received);
    }

    /// <summary>
    /// The points an item carries. A deduction or bonus carries the scheme's points; an appeal behind a scored rate
    /// carries its share of that rate: 100 × weight / scored weight / n (what taking it out of the rate would roughly
    /// give back). Appeals behind unscored rates carry nothing.
    /// </summary>
    private static double PointsOf(AssessmentScheme s, ScoreItem item, IReadOnlyList<ScoredRate> scored, double scoredWeight) => item.Kind switch
    {
        ItemKind.SupervisionOrder => -s.PerSupervisionOrder,
        ItemKind.ConfirmedLead => -s.PerConfirmedLead,
        ItemKind.Praise => s.PerPraise,
        ItemKind.Priority => s.PerCompletedPriority,
        _ => scored.FirstOrDefault(r => r.Metric == item.Metric) is { } r && scoredWeight > 0
            ? -Math.Round(100 * r.Weight / scoredWeight / r.Measured.Denominator, 2)
            : 0,
    };

    /// <summary>Ranks a group: higher score first, equal scores share a rank (1, 2, 2, 4); unranked units last, no rank.</summary>
    public static IReadOnlyList<UnitScore> Rank(IReadOnlyList<UnitScore> group)
    {
        var ranked = group.Where(s => s.Ranked).OrderByDescending(s => s.Score).ThenBy(s => s.UnitId).ToList();
        var result = new List<UnitScore>(group.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Score == ranked[i - 1].Score ? result[i - 1].Rank : i + 1;
            result.Add(ranked[i] with { Rank = rank, GroupSize = ranked.Count });
        }
        result.AddRange(group.Where(s => !s.Ranked).OrderBy(s => s.UnitId).Select(s => s with { GroupSize = ranked.Count }));
        return result;
    }
}
