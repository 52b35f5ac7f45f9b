using Microsoft.AspNetCore.Http.HttpResults;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure.Export;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>热点问题 API: analysts and leaders read, analysts recompute and edit.</summary>
public static class HotTopicsApi
{
    public static IServiceCollection AddHotTopics(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<HotTopicSettings>(config.GetSection("HotTopics"));
        services.Configure<SupportSettings>(config.GetSection("HotTopics:Supports"));
        services.AddSingleton(TopicEngine.Default);
        services.AddScoped<TopicSource>();
        services.AddScoped<HotTopicComputer>();
        services.AddScoped<HotTopicRefresh>();
        services.AddScoped<HotTopics>();
        services.AddScoped<CaseSupports>();
        services.AddSingleton<SupportLimiter>();
        services.AddHostedService<HotTopicRefreshService>();
        return services;
    }

    public static void MapHotTopicsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analysis/topics").WithTags("热点问题")
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst), nameof(Role.Leader)));
        group.MapGet("", List);
        group.MapGet("/export.xlsx", Export);
        group.MapGet("/{id:long}", Detail);
        var edit = app.MapGroup("/api/analysis/topics").WithTags("热点问题").RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));
        edit.MapPost("/recompute", Recompute);
        edit.MapPost("/{id:long}/edits", Edit);
        app.MapPost("/api/public/cases/{id:long}/support", CaseSupports.SupportEndpoint).AllowAnonymous().WithTags("办理公开");
    }

    private static Task<TopicListView> List(int? days, long? unitId, HotTopics topics, CancellationToken ct) => topics.ListAsync(days, unitId, ct);

    private static async Task<Results<Ok<TopicDetailView>, NotFound>> Detail(long id, HotTopics topics, CancellationToken ct) =>
        await topics.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static Task<RecomputeView> Recompute(RecomputeRequest? body, long? unitId, HotTopics topics, CancellationToken ct) =>
        topics.RecomputeAsync(body, unitId, ct);

    private static async Task<Results<Ok<TopicDetailView>, NotFound>> Edit(long id, TopicEditRequest body, HotTopics topics, CancellationToken ct) =>
        await topics.EditAsync(id, body, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<FileContentHttpResult> Export(int? days, long? unitId, HotTopics topics, CancellationToken ct)
    {
        var list = await topics.ListAsync(days, unitId, ct);
        return TypedResults.File(Workbook(list), XlsxWriter.ContentType, $"热点问题_{list.Jurisdiction}_近{list.Days}天.xlsx");
    }

    public static readonly IReadOnlyList<string> Headers =
        ["排名", "热点问题", "关键词", "地点", "最早", "最近", "诉求件数", "反映人数", "支持数", "上期件数", "趋势", "热度", "置顶"];

    public static byte[] Workbook(TopicListView list) =>
        XlsxWriter.Write("热点问题", Headers, list.Topics.Select(t => (IReadOnlyList<object?>)
        [
            t.Rank, t.Title, string.Join("、", t.KeyPhrases), string.Join("、", t.Places), Ui(t.First), Ui(t.Last),
            t.Appeals, t.People, t.Supporters, t.PreviousAppeals, t.Trend, t.Heat, t.Pinned ? "是" : "",
        ]));

    private static string Ui(DateTimeOffset t) => Domain.Calendar.ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
