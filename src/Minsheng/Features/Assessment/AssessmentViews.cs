using System.Text.Json;
using System.Text.Json.Serialization;
using Minsheng.Domain.Assessment;

namespace Minsheng.Features.Assessment;

/// <summary>What a stored row keeps beside its figures: each rate as scored and each item with its points.</summary>
public sealed record ScoreDetail(IReadOnlyList<RateDetail> Rates, IReadOnlyList<ItemDetail> Items)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScoreDetail FromJson(string json) =>
        string.IsNullOrEmpty(json) ? new([], []) : JsonSerializer.Deserialize<ScoreDetail>(json, Json) ?? new([], []);

    /// <summary>The rates alone, as the rates_json column keeps them beside the detail.</summary>
    public string RatesToJson() => JsonSerializer.Serialize(Rates, Json);

    /// <summary>
    /// Only the rates, for the ranking and the boards, from the rates column (a JSON array) or, for a row without it,
    /// from the whole detail: a county's month keeps thousands of items (megabytes across its rows) that those pages
    /// never show; the parser skips them without building them.
    /// </summary>
    public static IReadOnlyList<RateDetail> RatesFromJson(string? json) =>
        string.IsNullOrEmpty(json) ? []
        : json.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<List<RateDetail>>(json, Json) ?? []
        : JsonSerializer.Deserialize<RatesOnly>(json, Json)?.Rates ?? [];

    private sealed record RatesOnly(IReadOnlyList<RateDetail>? Rates);

    public static ScoreDetail Of(UnitScore s) => new(
        s.Rates.Select(r => new RateDetail(r.Metric, r.Weight, r.Measured.Numerator, r.Measured.Denominator, r.Counted.Numerator,
            r.Counted.Denominator, r.Exempted, r.Scored, r.Contribution)).ToList(),
        s.Items.Select(i => new ItemDetail(i.Item.Key, i.Item.Kind, i.Item.Metric, i.Item.AppealId, i.Item.Label, i.Item.At, i.Points, i.Exempt)).ToList());
}

public sealed record RateDetail(Metric Metric, double Weight, int MeasuredNumerator, int MeasuredDenominator, int Numerator, int Denominator,
    int Exempted, bool Scored, double? Contribution)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}

public sealed record ItemDetail(string Key, ItemKind Kind, Metric? Metric, long? AppealId, string Label, DateTimeOffset At, double Points, ExemptReason? Exempt);

public sealed record PeriodSummary(long Id, long JurisdictionId, string JurisdictionName, string Month, PeriodStatus Status, string StatusLabel,
    DateOnly? ContestUntil, DateTimeOffset ComputedAt, DateTimeOffset? FrozenAt, DateTimeOffset? PublishedAt, int PendingAppeals);

public sealed record RankedUnit(long UnitId, string UnitName, string Group, int? Rank, int GroupSize, double? Score, double? RatePart,
    double Deductions, double Bonus, int Received, IReadOnlyList<RateDetail> Rates);

public sealed record RankingGroup(string Name, IReadOnlyList<RankedUnit> Units);

/// <summary>A period with its ranking by group, as the office, leaders and analysts see it (units: once published).</summary>
public sealed record RankingView(PeriodSummary Period, IReadOnlyList<RankingGroup> Groups, bool MayAct, IReadOnlyList<ForceMajeureView> ForceMajeure);

/// <summary>红榜 and 黑榜 of one group: the top and the bottom <c>BoardSize</c> ranked units.</summary>
public sealed record Board(string Group, IReadOnlyList<RankedUnit> Red, IReadOnlyList<RankedUnit> Black, int Ranked);

public sealed record BoardsView(string JurisdictionName, string Month, DateTimeOffset PublishedAt, IReadOnlyList<Board> Boards, int MinSample);

public sealed record ScoreAppealView(long Id, long PeriodId, string Month, long UnitId, string UnitName, string ItemKey, string ItemLabel,
    string Reason, string? EvidenceText, string? EvidenceFileName, ScoreAppealStatus Status, string StatusLabel, string? Ruling,
    string? RuledBy, DateTimeOffset? RuledAt, string FiledBy, DateTimeOffset FiledAt);

/// <summary>本单位考核: the unit's own score sheet of a month, every item that cost or earned points, and its appeals.</summary>
public sealed record UnitSheet(PeriodSummary Period, long UnitId, string UnitName, RankedUnit? Score, IReadOnlyList<ItemDetail> Items,
    IReadOnlyList<ScoreAppealView> Appeals, bool MayContest, bool Published);

public sealed record ForceMajeureView(long Id, DateOnly From, DateOnly To, IReadOnlyList<string> Units, string Reason, string DeclaredBy);

public sealed record RollupRow(long UnitId, string UnitName, string Group, int? Rank, double? Average, int Months, IReadOnlyList<double?> Scores);

public sealed record RollupView(string Period, string Label, IReadOnlyList<string> Months, IReadOnlyList<RollupRow> Rows);

// Requests
public sealed record SchemeRequest(Dictionary<Metric, double>? Weights, double? PerSupervisionOrder, double? PerConfirmedLead, double? PerPraise,
    double? PerCompletedPriority, double? BonusCap, int? MinSample, int? ContestWorkingDays, int? BoardSize, List<GroupRequest>? Groups);

public sealed record GroupRequest(string? Name, List<long>? UnitIds);

public sealed record CycleRequest(string? Month, string? Action, long? JurisdictionId = null);

public sealed record ScoreAppealRequest(string? Month, string? ItemKey, string? Reason, string? Evidence);

public sealed record RulingRequest(long? AppealId, bool? Uphold, string? Ruling);

public sealed record ForceMajeureRequest(DateOnly? From, DateOnly? To, List<long>? UnitIds, string? Reason);
