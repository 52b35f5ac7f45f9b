using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Privacy;
using Minsheng.Domain.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>Turns appeals into what the current viewer may see. The only place identity leaves the domain for staff.</summary>
public sealed class AppealPresenter(MinshengDb db, UnitTree units, CurrentUser me, TimeLimits.TimeLimitCache timeLimits, TimeProvider clock, AppealText text)
{
    private Dictionary<long, string>? _categories;

    private async Task<Dictionary<long, string>> CategoriesAsync(CancellationToken ct) =>
        _categories ??= await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    public async Task<AppealSummary> SummaryAsync(Appeal a, CancellationToken ct, bool unmasked = false)
    {
        var categories = await CategoriesAsync(ct);
        return Summary(a, categories, unmasked);
    }

    public async Task<IReadOnlyList<AppealSummary>> SummariesAsync(IEnumerable<Appeal> appeals, CancellationToken ct)
    {
        var categories = await CategoriesAsync(ct);
        return appeals.Select(a => Summary(a, categories)).ToList();
    }

    private AppealSummary Summary(Appeal a, Dictionary<long, string> categories, bool unmasked = false) => new(
        a.Id, a.Number, Text(a, a.Title, unmasked), a.Status, Labels.Status(a.Status), a.Type, Labels.Type(a.Type), a.Tier, Labels.Tier(a.Tier),
        a.Channel, Labels.Channel(a.Channel), a.CategoryId, a.CategoryId is { } c ? categories.GetValueOrDefault(c) : null,
        a.RegionUnitId, Name(a.RegionUnitId), a.LeadUnitId, Name(a.LeadUnitId), a.CreatedAt, a.UpdatedAt,
        new Deadlines(a.SignForDue, a.FirstContactDue, a.ReplyDue, a.ResolveDue), NextDue(a));

    /// <summary>The earliest deadline of a stage not yet done (a claimed appeal no longer waits on its sign-for clock).</summary>
    private static DateTimeOffset? NextDue(Appeal a) =>
        Workflow.IsTerminal(a.Status) ? null
            : DeadlineWatch.Stages.Where(s => a.Done(s) is null).Select(a.Due).Where(d => d is not null).Min();

    private string? Name(long? unitId) => unitId is null ? null : units.NameOf(unitId);

    public bool MaySeeComplainant(Appeal a) => Confidentiality.MaySeeComplainant(a, me.Role, me.UnitId, units.IsWithin);

    /// <summary>How much personal data in this appeal's free text the viewer gets (removed, masked, or as written after 查阅).</summary>
    public TextExposure Exposure(Appeal a, bool unmasked = false) => Confidentiality.TextExposureFor(MaySeeComplainant(a), unmasked);

    /// <summary>The same for a row that loaded only some columns of an appeal.</summary>
    public TextExposure Exposure(AppealType type, long? subjectUnitId) =>
        Confidentiality.TextExposureFor(Confidentiality.MaySeeComplainant(type, subjectUnitId, me.Role, me.UnitId, units.IsWithin), false);

    /// <summary>One of the appeal's free texts as this viewer may read it.</summary>
    public string Text(Appeal a, string? value, bool unmasked = false) => text.Show(value, Exposure(a, unmasked), a.CitizenName);

    private string? Optional(Appeal a, string? value, bool unmasked) => value is null ? null : Text(a, value, unmasked);

    public static bool MayUnmask(Role role) => role is Role.Operator or Role.Dispatcher or Role.UnitHandler or Role.UnitHead or Role.Supervisor or Role.Leader;

    public CitizenView? Citizen(Appeal a, bool unmasked)
    {
        if (!MaySeeComplainant(a)) return null;
        if (a.IsAnonymous && a.CitizenAddress is null) return new CitizenView(true, null, null, null, false, unmasked ? Original(a) : null);
        return unmasked
            ? new CitizenView(a.IsAnonymous, a.CitizenName, a.CitizenPhone, a.CitizenAddress, false, Original(a))
            : new CitizenView(a.IsAnonymous, MaskName(a.CitizenName), a.CitizenPhone is { } p ? PhoneNumber.Mask(p) : null,
                a.CitizenAddress is { } ad ? MaskAddress(ad) : null, true);
    }

    public static string? MaskName(string? name) => name is null ? null : name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);

    private static string MaskAddress(string address) => address.Length <= 6 ? "****" : address[..6] + "****";

    /// <summary>The free texts as written, for the viewer who has just unmasked (查阅, logged).</summary>
    private RevealedText Original(Appeal a) =>
        new(a.Title, a.Content, a.Reply, a.ReplyDraft, a.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => Timeline(a, t, unmasked: true)).ToList());

    /// <param name="unmasked">After a logged 查阅: identity and free text as written; otherwise masked, or removed for the subject unit.</param>
    public async Task<AppealDetail> DetailAsync(Appeal a, CancellationToken ct, bool unmasked = false)
    {
        var hidden = !MaySeeComplainant(a);
        var timeline = a.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => Timeline(a, t, unmasked)).ToList();
        // The problem's address stays for staff who go there; where the complainant is withheld it could point to them.
        var address = hidden ? Optional(a, a.Address, false) : a.Address;
        return new AppealDetail(
            await SummaryAsync(a, ct, unmasked), Text(a, a.Content, unmasked), address, a.Latitude, a.Longitude,
            Citizen(a, unmasked), hidden, a.SubjectUnitId is { } s ? new UnitRef(s, units.NameOf(s)) : null,
            a.CoUnits.Select(c => new UnitRef(c.UnitId, units.NameOf(c.UnitId))).ToList(),
            Optional(a, a.Reply, unmasked), Optional(a, a.ReplyDraft, unmasked), a.RepliedAt, a.ClosedAt, Optional(a, a.CloseReason, unmasked),
            Optional(a, a.ReturnReason, unmasked), a.ReturnCount, a.RedoCount, a.ExtensionUsed, a.PendingExtensionDays, Optional(a, a.PendingExtensionReason, unmasked),
            a.CallbackAttempts, a.CallbackOutcome, a.MergedIntoId,
            a.Attachments.Select(x => new AttachmentView(x.Id, x.FileName, x.ContentType, x.Size)).ToList(),
            a.ActionsFor(me.ToActor()).Select(x => x.ToString()).ToList(), a.Version, Clocks(a), a.DeadlinesProvisional, timeline);
    }

    private List<ClockView> Clocks(Appeal a)
    {
        var schedule = timeLimits.Schedule;
        var now = clock.GetUtcNow();
        var clocks = new List<ClockView>();
        foreach (var stage in DeadlineWatch.Stages)
        {
            if (a.Due(stage) is not { } due) continue;
            var done = a.Done(stage);
            var end = done ?? now;
            var hours = end <= due ? schedule.Remaining(end, due).TotalHours : -schedule.Remaining(due, end).TotalHours;
            clocks.Add(new ClockView(stage.ToString(), Labels.Stage(stage), due, done, end > due, Math.Round(hours, 1)));
        }
        return clocks;
    }

    public TimelineView Timeline(Appeal a, TimelineEntry t, bool unmasked = false) => new(
        t.Id, t.At, t.Action, Labels.Action(t.Action), t.FromStatus, t.ToStatus, Labels.Status(t.ToStatus),
        t.ActorName, t.ActorRole is { } r ? Labels.Role(r) : null, t.ActorUnitId is { } u ? units.NameOf(u) : null, Optional(a, t.Comment, unmasked));
}
