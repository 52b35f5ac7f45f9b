using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Features.TimeLimits;

namespace Minsheng.Features.Monitor;

/// <summary>
/// The accountability rules that look across appeals: bounced between units (推诿扯皮), the same phone
/// or address on the same category again and again (重复投诉), unsatisfied after a redo. Each lead's key
/// names its subject, so a rule that keeps matching raises it once.
/// </summary>
public sealed class LeadRules(MinshengDb db, SqlWriter writer, TimeLimitCache timeLimits)
{
    public async Task<int> RaiseAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rules = timeLimits.Schedule.Rules;
        var raised = 0;
        // Only an appeal acted on since the last run can newly match the bounced and unsatisfied rules (every action
        // bumps UpdatedAt; an hour of overlap covers appeals committed during that run). Re-reading every appeal that
        // ever matched made a steady pass take seconds at a city's volume; the first run reads them all.
        var lastRun = await db.Settings.Where(x => x.Key == LastRunKey).Select(x => x.Value).FirstOrDefaultAsync(ct);
        DateTimeOffset? lastRunAt = lastRun is null ? null : DateTimeOffset.Parse(lastRun, System.Globalization.CultureInfo.InvariantCulture).AddHours(-1);
        var acted = lastRunAt is { } t ? db.Appeals.AsNoTracking().Where(a => a.UpdatedAt >= t) : db.Appeals.AsNoTracking();
        var bounced = await acted.Where(a => a.ReturnCount >= rules.BounceThreshold)
            .Select(a => new { a.Id, a.Number, a.LeadUnitId, a.ReturnCount }).ToListAsync(ct);
        foreach (var a in bounced)
            raised += await RaiseAsync(new AccountabilityLead($"bounced:{a.Id}", LeadRule.Bounced, a.Id, a.LeadUnitId,
                $"{a.Number} 被退单 {a.ReturnCount} 次，存在推诿扯皮", [a.Id], await EvidenceAsync(a.Id, AppealAction.RequestReturn, ct), now), ct);

        var unsatisfied = await acted
            .Where(a => a.RedoCount >= 1 && a.CallbackOutcome == CallbackOutcome.Unsatisfied)
            .Select(a => new { a.Id, a.Number, a.LeadUnitId, a.RedoCount }).ToListAsync(ct);
        foreach (var a in unsatisfied)
            raised += await RaiseAsync(new AccountabilityLead($"unsatisfied:{a.Id}:{a.RedoCount}", LeadRule.UnsatisfiedAfterRedo, a.Id, a.LeadUnitId,
                $"{a.Number} 重办后回访仍不满意", [a.Id], await EvidenceAsync(a.Id, AppealAction.CallbackUnsatisfied, ct), now), ct);

        // Only a phone or address seen since the last run can have reached the threshold, so the window's
        // history is read for those alone (an hour of overlap covers appeals committed during that run).
        var since = now.AddDays(-rules.RepeatWindowDays);
        var freshSince = lastRunAt ?? since;
        var fresh = await db.Appeals.AsNoTracking().Where(a => a.CreatedAt >= freshSince && a.CategoryId != null)
            .Select(a => new { a.CitizenPhone, a.Address }).ToListAsync(ct);
        var phones = fresh.Select(a => a.CitizenPhone).OfType<string>().Distinct().ToArray();
        var addresses = fresh.Select(a => a.Address).OfType<string>().Distinct().ToArray();
        var recent = await db.Appeals.AsNoTracking()
            .Where(a => a.CreatedAt >= since && a.CategoryId != null
                        && ((a.CitizenPhone != null && phones.Contains(a.CitizenPhone)) || (a.Address != null && addresses.Contains(a.Address))))
            .Select(a => new { a.Id, a.Number, a.CategoryId, a.CitizenPhone, a.Address, a.LeadUnitId, a.CreatedAt }).ToListAsync(ct);
        var groups = recent.Where(a => a.CitizenPhone != null).GroupBy(a => ("phone", a.CitizenPhone!, a.CategoryId))
            .Concat(recent.Where(a => a.Address != null).GroupBy(a => ("address", a.Address!, a.CategoryId)));
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();
            if (ordered.Count < rules.RepeatThreshold) continue;
            // Keyed by the appeal that reached the threshold, so the same run of complaints is one lead.
            var trigger = ordered[rules.RepeatThreshold - 1];
            var by = group.Key.Item1 == "phone" ? "同一电话" : "同一地址";
            raised += await RaiseAsync(new AccountabilityLead($"repeat:{group.Key.Item1}:{trigger.Id}", LeadRule.RepeatComplaint, trigger.Id, trigger.LeadUnitId,
                $"{by} {rules.RepeatWindowDays} 天内就同一类问题反映 {ordered.Count} 次（{string.Join("、", ordered.Select(a => a.Number))}）",
                ordered.Select(a => a.Id), [], now), ct);
        }
        await RememberRunAsync(now, ct);
        return raised;
    }

    private const string LastRunKey = "lead_rules_last_run";

    private async Task RememberRunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var value = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var row = await db.Settings.FirstOrDefaultAsync(x => x.Key == LastRunKey, ct);
        if (row is null) db.Settings.Add(new SettingRow { Key = LastRunKey, Value = value });
        else row.Value = value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance recorded its run at the same moment; either value will do.
            db.ChangeTracker.Clear();
        }
    }

    private Task<int> RaiseAsync(AccountabilityLead lead, CancellationToken ct) => writer.AddAsync([lead], ct);

    private Task<List<long>> EvidenceAsync(long appealId, AppealAction action, CancellationToken ct) =>
        db.Timeline.Where(t => t.AppealId == appealId && t.Action == action).Select(t => t.Id).ToListAsync(ct);
}
