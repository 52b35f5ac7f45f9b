using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure.Documents;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>周报与专报 over HTTP: analysts write and issue, leaders read issued ones; Word and PDF of each.</summary>
public static class ReportsApi
{
    public const string Readers = nameof(Role.Analyst) + "," + nameof(Role.Leader);

    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ReportOptions>(config.GetSection("Reports"));
        services.AddSingleton<Chromium>();
        services.AddSingleton<DocumentFiles>();
        services.AddScoped<IReportTopics, DetectorReportTopics>();
        services.AddScoped<ReportFiguresBuilder>();
        services.AddScoped<ReportDesk>();
        services.AddScoped<ReportExport>();
        services.AddScoped<WeeklySchedule>();
        services.AddScoped<Demo.DemoReports>();
        services.AddHostedService<WeeklyReportService>();
        return services;
    }

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/reports").WithTags("周报与专报")
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst), nameof(Role.Leader)));
        read.MapGet("/", (ReportDesk desk, CancellationToken ct) => desk.ListAsync(ct)).WithSummary("本辖区的报告；领导只看已签发的");
        read.MapGet("/{id:long}", Get).WithSummary("一份报告：数据（JSON）与可编辑的文字");
        read.MapGet("/{id:long}/docx", Docx).WithSummary("Word 文件（图表为图片，页脚有页码）");
        read.MapGet("/{id:long}/pdf", Pdf).WithSummary("PDF（报告打印页由无头 Chromium 打印）");
        var write = app.MapGroup("/api/reports").WithTags("周报与专报").RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));
        write.MapPost("/", Create).WithSummary("生成草稿：kind=weekly（period=2026-W47，或 from/to）或 special（title、focus、topic、appealNumbers）");
        write.MapPut("/{id:long}", Edit).WithSummary("修改草稿的标题与文字（数据不变）");
        write.MapPost("/{id:long}/issue", Issue).WithSummary("签发给本辖区领导（消息与报告页）");
    }

    private static ProblemDetails Missing() => new() { Status = 404, Title = "报告不存在", Detail = "报告不存在，或不在您的查看范围内。" };

    private static async Task<Results<Ok<ReportView>, NotFound<ProblemDetails>>> Get(long id, ReportDesk desk, CancellationToken ct) =>
        await desk.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(Missing());

    private static async Task<Results<Created<ReportView>, Ok<ReportView>>> Create(CreateReportRequest body, ReportDesk desk, CancellationToken ct)
    {
        var (view, created) = await desk.CreateAsync(body, ct);
        return created ? TypedResults.Created($"/api/reports/{view.Report.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<ReportView>, NotFound<ProblemDetails>>> Edit(long id, EditReportRequest body, ReportDesk desk, CancellationToken ct) =>
        await desk.EditAsync(id, body, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(Missing());

    public sealed record IssueRequest(int? Version = null);

    private static async Task<Results<Ok<ReportView>, NotFound<ProblemDetails>>> Issue(long id, [FromBody] IssueRequest? body, ReportDesk desk, CancellationToken ct) =>
        await desk.IssueAsync(id, body?.Version, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound(Missing());

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> Docx(long id, ReportDesk desk, ReportExport export, CancellationToken ct) =>
        await desk.FindAsync(id, ct) is { } r
            ? TypedResults.File(await export.DocxAsync(r, ct), DocxWriter.ContentType, ReportExport.FileName(r, "docx"))
            : TypedResults.NotFound(Missing());

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> Pdf(long id, ReportDesk desk, ReportExport export, CancellationToken ct) =>
        await desk.FindAsync(id, ct) is { } r
            ? TypedResults.File(await export.PdfAsync(r, ct), ReportExport.PdfType, ReportExport.FileName(r, "pdf"))
            : TypedResults.NotFound(Missing());
}
