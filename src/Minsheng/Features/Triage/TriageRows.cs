namespace Minsheng.Features.Triage;

/// <summary>One trained classifier version; kind is "category" or "type". Old versions stay for comparison.</summary>
public sealed class TriageModelRow
{
    public const string CategoryKind = "category";
    public const string TypeKind = "type";

    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    public int TrainCount { get; set; }
    public double? CvMacroF1 { get; set; }
    public byte[] Bytes { get; set; } = [];
    /// <summary>JSON array of the model's labels (category ids or type names), readable without loading the model.</summary>
    public string Labels { get; set; } = "[]";
}

/// <summary>分派规则 as stored; see Domain.Triage.RoutingRule for how it applies.</summary>
public sealed class RoutingRuleRow
{
    public long Id { get; set; }
    public long? CategoryId { get; set; }
    public long? RegionUnitId { get; set; }
    public long UnitId { get; set; }
    public string? Note { get; set; }
}

/// <summary>地名库 entry: a local place name pointing at a unit.</summary>
public sealed class GazetteerRow
{
    public long Id { get; set; }
    public string Alias { get; set; } = "";
    public long UnitId { get; set; }
}
