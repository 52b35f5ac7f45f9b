using Minsheng.Domain.Appeals;

namespace Minsheng.Domain.TimeLimits;

/// <summary>Chooses the policy in force for an appeal at its dispatch: latest effective, type-specific first.</summary>
public sealed class PolicySet(IEnumerable<TimeLimitPolicy> policies)
{
    private readonly TimeLimitPolicy[] _policies = policies.OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Id).ToArray();

    public TimeLimitPolicy? Find(Tier tier, AppealType type, Stage stage, DateTimeOffset at) =>
        _policies.FirstOrDefault(p => p.Tier == tier && p.Type == type && p.Stage == stage && p.EffectiveFrom <= at)
        ?? _policies.FirstOrDefault(p => p.Tier == tier && p.Type is null && p.Stage == stage && p.EffectiveFrom <= at);

    /// <summary>
    /// The shipped defaults: 及时办 follows the "137" rule (sign 1, reply 3, resolve 7 working days) with
    /// the "135" rule's shorter limits for consultations (1) and help requests (3); 特别办 counts working
    /// hours; 协调办 gets longer limits for cross-unit work; 高位办 sits between.
    /// </summary>
    public static IReadOnlyList<TimeLimitPolicy> Defaults(DateTimeOffset effectiveFrom)
    {
        var list = new List<TimeLimitPolicy>();
        void Add(Tier tier, AppealType? type, LimitUnit unit, int signFor, int contact, int reply, int resolve)
        {
            list.Add(new(tier, type, Stage.SignFor, signFor, unit, effectiveFrom, "默认"));
            list.Add(new(tier, type, Stage.FirstContact, contact, unit, effectiveFrom, "默认"));
            list.Add(new(tier, type, Stage.Reply, reply, unit, effectiveFrom, "默认"));
            list.Add(new(tier, type, Stage.Resolve, resolve, unit, effectiveFrom, "默认"));
        }
        Add(Tier.Timely, null, LimitUnit.WorkingDays, 1, 1, 3, 7);
        Add(Tier.Timely, AppealType.Consultation, LimitUnit.WorkingDays, 1, 1, 1, 1);
        Add(Tier.Timely, AppealType.Help, LimitUnit.WorkingDays, 1, 1, 3, 3);
        Add(Tier.Urgent, null, LimitUnit.WorkingHours, 1, 2, 7, 14);
        Add(Tier.Coordinated, null, LimitUnit.WorkingDays, 1, 2, 5, 15);
        Add(Tier.HighLevel, null, LimitUnit.WorkingDays, 1, 1, 5, 10);
        return list;
    }
}
