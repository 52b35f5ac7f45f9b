using Minsheng.Domain.Appeals;

namespace Minsheng.Pages.Console;

/// <summary>
/// The phone intake form, bound from its inputs by name (citizenPhone, type, ...). The region is the village
/// when one is chosen, else the township.
/// </summary>
public sealed class IntakeForm
{
    public string? CitizenPhone { get; set; }
    public string? CitizenName { get; set; }
    public Channel? Channel { get; set; } = Domain.Appeals.Channel.Hotline12345;
    public AppealType? Type { get; set; }
    public long? CategoryId { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public long? TownshipId { get; set; }
    public long? VillageId { get; set; }
    public string? Address { get; set; }
    public long? SubjectUnitId { get; set; }
    public Tier? Tier { get; set; } = Domain.Appeals.Tier.Timely;

    public long? RegionUnitId => VillageId ?? TownshipId;

    /// <summary>The draft POST /api/appeals would build; a missing choice is named like the API names it.</summary>
    public AppealDraft ToDraft()
    {
        var errors = new Domain.FieldErrors();
        if (Channel is null) errors.Add("channel", "请选择受理渠道。");
        if (Type is null) errors.Add("type", "请选择诉求性质。");
        var draft = new AppealDraft(Channel ?? Domain.Appeals.Channel.Other, Type ?? AppealType.Other, CategoryId, Tier ?? Domain.Appeals.Tier.Timely,
            Title ?? "", Content ?? "", RegionUnitId, Address, null, null, CitizenName, CitizenPhone, null, SubjectUnitId);
        // Every field's error at once: a missing type must not hide an empty title.
        try { draft.Validate(); }
        catch (Domain.DomainValidationException e)
        {
            foreach (var (field, messages) in e.Errors) foreach (var m in messages) errors.Add(field, m);
        }
        errors.ThrowIfAny();
        return draft;
    }
}
