namespace Minsheng.Domain.Triage;

/// <summary>One appeal's text; Label is null for unlabelled texts used in self-training.</summary>
public sealed record TriageDocument(string Title, string Content, string? Label = null);

/// <summary>One candidate label with its calibrated probability.</summary>
public readonly record struct LabelScore(string Label, float Confidence);

/// <summary>
/// The top labels, most likely first. When the best confidence is below the model's threshold the
/// caller should show <see cref="ManualLabel"/> and let a dispatcher choose.
/// </summary>
public sealed record TriagePrediction(IReadOnlyList<LabelScore> Top, bool NeedsManualClassification)
{
    public const string ManualLabel = "需人工分类";

    public LabelScore Best => Top[0];

    public string DisplayLabel => NeedsManualClassification ? ManualLabel : Top[0].Label;
}
