using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Analysis.HotTopics;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Analysis;

/// <summary>热点问题: the jurisdiction's topics of a period ranked by heat, for analysts (who may recompute) and leaders.</summary>
[Authorize(Roles = HotTopics.ReadRoles)]
public sealed class TopicsModel(HotTopics topics, CurrentUser me, UnitTree units) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }

    public TopicListView? List { get; private set; }

    /// <summary>The jurisdictions the caller may switch to: their own and, for a city, its counties.</summary>
    public IReadOnlyList<UnitInfo> Choices => units.Jurisdictions().Where(u => units.IsWithin(u.Id, me.JurisdictionId)).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Days is not (7 or 30 or 90)) Days = HotTopics.DefaultDays;
        await TryAsync(async () => List = await topics.ListAsync(Days, UnitId, ct));
    }

    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct)
    {
        RecomputeView? done = null;
        if (await TryAsync(async () => done = await topics.RecomputeAsync(new RecomputeRequest(Days), UnitId, ct)))
            return Done($"已重新计算{done!.Jurisdiction}的热点问题：" + string.Join("；", done.Periods.Select(p => $"近{p.Days}天 {p.Topics} 个")), PageUrl());
        await OnGetAsync(ct);
        return Page();
    }

    public string PageUrl(int? days = null) => $"/analysis/topics?days={days ?? Days}" + (UnitId is { } u ? $"&unitId={u}" : "");

    public string ExportUrl => $"/api/analysis/topics/export.xlsx?days={Days}" + (UnitId is { } u ? $"&unitId={u}" : "");

    /// <summary>The chart: the daily counts of the five hottest topics, embedded as JSON for topics.js.</summary>
    public string ChartJson()
    {
        var l = List!;
        var first = ChinaTime.DateOf(l.PeriodStart);
        var top = l.Topics.Take(5).ToList();
        return JsonSerializer.Serialize(new
        {
            labels = Enumerable.Range(0, l.Days).Select(i => first.AddDays(i).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            series = top.Select(t => new { name = $"{t.Rank}. {t.Title}", data = t.Daily }).ToArray(),
        });
    }
}
