using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Bulletins;

/// <summary>
/// Reads an item's figures from its source appeals, within the caller's scope: how many appeals and distinct people
/// (by phone, else name; an anonymous appeal counts as one person), up to three representative voices with personal
/// data removed (AppealText, as publication does; 举报 and appeals about a unit are confidential and never quoted),
/// and how they are being handled (status counts, lead units, the latest reply).
/// </summary>
public sealed class ItemFactsReader(AppealScope scope, AppealText text, UnitTree units)
{
    public const int MaxAppeals = 500;
    public const int MaxVoices = 3;
    public const int VoiceLength = 90;

    /// <summary>The facts, or null when any id is unknown or outside the caller's scope (named in <paramref name="missing"/>).</summary>
    public Task<(ItemFacts? Facts, IReadOnlyList<long> Missing)> ReadAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ReadAsync(scope.Visible(), ids, text, units, ct);

    /// <summary>The same from any source of appeals: the demo seeds its bulletin with no one signed in.</summary>
    public static async Task<(ItemFacts? Facts, IReadOnlyList<long> Missing)> ReadAsync(IQueryable<Appeal> source, IReadOnlyCollection<long> ids,
        AppealText text, UnitTree units, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        var rows = await source.AsNoTracking().Where(a => wanted.Contains(a.Id))
            .Select(a => new { a.Id, a.Type, a.Status, a.Title, a.Content, a.CitizenName, a.CitizenPhone, a.SubjectUnitId, a.LeadUnitId, a.Reply, a.RepliedAt, a.CreatedAt })
            .ToListAsync(ct);
        var missing = wanted.Except(rows.Select(r => r.Id)).ToList();
        if (missing.Count > 0) return (null, missing);

        var people = rows.Select(r => r.CitizenPhone ?? r.CitizenName ?? $"#{r.Id}").Distinct().Count();
        var voices = rows.Where(r => r.Type != AppealType.Report && r.SubjectUnitId is null)
            .OrderByDescending(r => r.Content.Length).Take(MaxVoices)
            .Select(r => Clip(text.Show(r.Content, TextExposure.Removed, r.CitizenName))).ToList();

        var closed = rows.Count(r => r.Status == AppealStatus.Closed);
        var waiting = rows.Count(r => r.Status is AppealStatus.Registered or AppealStatus.PendingDispatch);
        var open = rows.Count(r => AppealStatuses.IsOpen(r.Status)) - waiting;
        var parts = new List<string> { $"共 {rows.Count} 件：已办结 {closed} 件，正在办理 {open} 件，待派单 {waiting} 件" };
        var leads = rows.Where(r => r.LeadUnitId != null).GroupBy(r => r.LeadUnitId!.Value).OrderByDescending(g => g.Count())
            .Take(3).Select(g => $"{units.NameOf(g.Key)}（{g.Count()} 件）").ToList();
        if (leads.Count > 0) parts.Add("主要承办单位：" + string.Join("、", leads));
        if (rows.Where(r => r.Reply != null).OrderByDescending(r => r.RepliedAt).FirstOrDefault() is { } latest)
            parts.Add($"最新答复：“{Clip(text.Show(latest.Reply, TextExposure.Removed, latest.CitizenName))}”");
        return (new ItemFacts(rows.Select(r => r.Id).Order().ToList(), rows.Count, people, voices, string.Join("。", parts) + "。"), []);
    }

    private static string Clip(string s)
    {
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length <= VoiceLength ? s : s[..VoiceLength] + "……";
    }
}
