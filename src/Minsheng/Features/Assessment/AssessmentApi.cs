using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Organization;
using Minsheng.Features.Public;
using Minsheng.Infrastructure.Export;

namespace Minsheng.Features.Assessment;

/// <summary>考核 over HTTP: the office (supervisors) runs the cycle and rules; readers and units read; unit heads contest.</summary>
public static class AssessmentApi
{
    public static IServiceCollection AddAssessment(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<AssessmentOptions>(config.GetSection("Assessment"));
        services.AddScoped<AssessmentAccess>();
        services.AddScoped<AssessmentSource>();
        services.AddScoped<AssessmentDesk>();
        services.AddScoped<ScoreAppeals>();
        services.AddScoped<AssessmentBoards>();
        services.AddScoped<AssessmentSchedule>();
        services.AddScoped<Demo.DemoAssessment>();
        services.AddHostedService<AssessmentService>();
        return services;
    }

    private static ProblemDetails Missing(string what) => new() { Status = 404, Title = $"{what}不存在", Detail = $"{what}不存在，或不在您的查看范围内。" };

    public static void MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/assessment").WithTags("考核")
            .RequireAuthorization(p => p.RequireRole(AssessmentAccess.AllRoles.Split(',')));
        read.MapGet("/periods", (long? jurisdictionId, AssessmentDesk desk, CancellationToken ct) => desk.PeriodsAsync(jurisdictionId, ct))
            .WithSummary("本辖区各月考核及其状态（单位只看已出草稿的月份）");
        read.MapGet("/ranking", Ranking).WithSummary("某月分组排名；单位人员只看已发布的");
        read.MapGet("/ranking.xlsx", Export).WithSummary("某月排名的 Excel");
        read.MapGet("/rollup", Rollup).WithSummary("季度（2026-Q4）或年度（2026）汇总：已冻结各月得分的平均");
        read.MapGet("/sheet", Sheet).WithSummary("本单位考核：得分、排名、每一项扣分加分事项及申诉（读者可指定 unitId）");
        read.MapGet("/appeals", (long? jurisdictionId, bool? pending, ScoreAppeals appeals, CancellationToken ct) =>
            appeals.QueueAsync(jurisdictionId, pending ?? false, ct)).WithSummary("考核申诉：考核办看本辖区的，单位看本单位的");
        read.MapGet("/appeals/evidence", Evidence).WithSummary("申诉附件（?id=申诉编号）");
        read.MapPost("/appeals", File).WithSummary("单位负责人对一项扣分提出申诉（理由与证明材料说明；附件经页面上传）");

        var readers = app.MapGroup("/api/assessment").WithTags("考核")
            .RequireAuthorization(p => p.RequireRole(AssessmentAccess.ReaderRoles.Split(',')));
        readers.MapGet("/scheme", async (long? jurisdictionId, AssessmentDesk desk, AssessmentAccess access, CancellationToken ct) =>
            access.Jurisdiction(jurisdictionId) is { } j ? Results.Ok(await desk.SchemeAsync(j, ct)) : Results.NotFound(Missing("辖区")))
            .WithSummary("考核方案：权重、扣分、加分、最小样本量、分组");

        var office = app.MapGroup("/api/assessment").WithTags("考核").RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor)));
        office.MapPut("/scheme", (SchemeRequest body, AssessmentDesk desk, CancellationToken ct) => desk.SaveSchemeAsync(null, body, ct))
            .WithSummary("修改本辖区考核方案（考核办）");
        office.MapPost("/cycle", (CycleRequest body, AssessmentDesk desk, CancellationToken ct) => desk.CycleAsync(body, ct))
            .WithSummary("考核流程：action = draft、open、recompute、close、freeze、publish");
        office.MapPost("/rulings", Rule).WithSummary("审核申诉：uphold 为 true 则该项核减并重新计算");
        office.MapPost("/force-majeure", (ForceMajeureRequest body, ScoreAppeals appeals, CancellationToken ct) => appeals.DeclareAsync(body, ct))
            .WithSummary("声明不可抗力期间（可限定单位），期间内事项免于扣分");

        app.MapGet("/api/public/ranking", PublicRanking).AllowAnonymous().WithTags("公众").WithSummary("已发布的红黑榜（?county=CODE&month=2026-10）");
    }

    private static async Task<Results<Ok<RankingView>, NotFound<ProblemDetails>>> Ranking(long? jurisdictionId, string? month, AssessmentDesk desk, CancellationToken ct) =>
        await desk.RankingAsync(jurisdictionId, month, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(Missing("考核"));

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> Export(long? jurisdictionId, string? month, AssessmentBoards boards, CancellationToken ct) =>
        await boards.ExportAsync(jurisdictionId, month, ct) is { } f ? TypedResults.File(f.Content, XlsxWriter.ContentType, f.FileName) : TypedResults.NotFound(Missing("考核"));

    private static async Task<Results<Ok<RollupView>, NotFound<ProblemDetails>>> Rollup(long? jurisdictionId, string? period, AssessmentBoards boards, CancellationToken ct) =>
        await boards.RollupAsync(jurisdictionId, period, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(Missing("辖区"));

    private static async Task<Results<Ok<UnitSheet>, NotFound<ProblemDetails>>> Sheet(string? month, long? unitId, long? jurisdictionId, ScoreAppeals appeals, CancellationToken ct) =>
        await appeals.SheetAsync(month, unitId, jurisdictionId, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(Missing("考核"));

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> Evidence(long? id, ScoreAppeals appeals, CancellationToken ct) =>
        id is { } i && await appeals.EvidenceAsync(i, ct) is { } f ? TypedResults.File(f.Content, f.Type, f.Name) : TypedResults.NotFound(Missing("附件"));

    private static async Task<Created<ScoreAppealView>> File(ScoreAppealRequest body, ScoreAppeals appeals, CancellationToken ct)
    {
        var a = await appeals.FileAsync(body, null, null, null, ct);
        return TypedResults.Created($"/api/assessment/appeals?id={a.Id}", a);
    }

    private static async Task<Results<Ok<ScoreAppealView>, NotFound<ProblemDetails>>> Rule(RulingRequest body, ScoreAppeals appeals, CancellationToken ct) =>
        await appeals.RuleAsync(body, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(Missing("申诉"));

    private static async Task<Results<Ok<IReadOnlyList<BoardsView>>, BadRequest>> PublicRanking(string? county, string? month, PortalJurisdictions portal,
        AssessmentBoards boards, CancellationToken ct) =>
        TypedResults.Ok(await boards.PortalAsync(portal.Resolve(county), month, ct));
}
