using Minsheng.Domain.Appeals;

namespace Minsheng.Domain.TimeLimits;

/// <summary>The four clocks of a dispatched appeal.</summary>
public enum Stage
{
    SignFor,       // 签收
    FirstContact,  // 首次联系群众
    Reply,         // 答复
    Resolve,       // 办结
}

public enum LimitUnit { WorkingDays, WorkingHours }

/// <summary>
/// One time limit: for a tier, optionally a type, and a stage. Policies are never edited in place: a
/// change is a new row effective from its creation, so appeals dispatched earlier keep theirs.
/// </summary>
public sealed class TimeLimitPolicy
{
    public long Id { get; private set; }
    public Tier Tier { get; private set; }
    /// <summary>Null: any type. A type-specific row wins over the generic one.</summary>
    public AppealType? Type { get; private set; }
    public Stage Stage { get; private set; }
    public int Amount { get; private set; }
    public LimitUnit Unit { get; private set; }
    public DateTimeOffset EffectiveFrom { get; private set; }
    public string? Note { get; private set; }

    private TimeLimitPolicy() { }

    public TimeLimitPolicy(Tier tier, AppealType? type, Stage stage, int amount, LimitUnit unit, DateTimeOffset effectiveFrom, string? note = null)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(tier)) errors.Add("tier", "办理层级无效。");
        if (type is { } t && !Enum.IsDefined(t)) errors.Add("type", "诉求性质无效。");
        if (!Enum.IsDefined(stage)) errors.Add("stage", "环节无效。");
        if (!Enum.IsDefined(unit)) errors.Add("unit", "计时单位无效。");
        var max = unit == LimitUnit.WorkingDays ? 90 : 200;
        if (amount < 1 || amount > max) errors.Add("amount", $"时限应在 1 到 {max} 之间。");
        errors.Text("note", note, "说明", 200, required: false);
        errors.ThrowIfAny();
        Tier = tier;
        Type = type;
        Stage = stage;
        Amount = amount;
        Unit = unit;
        EffectiveFrom = effectiveFrom;
        Note = note?.Trim();
    }
}
