using Minsheng.Infrastructure.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;

namespace Minsheng.Features.Analysis.Bulletins;

/// <summary>《民意参考》 over HTTP: analysts draft, analysts or supervisors review and issue, leaders read issued ones.</summary>
public static class BulletinsApi
{
    public static void MapBulletinsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/bulletins").WithTags("民意参考");
        string[] readers = [nameof(Role.Analyst), nameof(Role.Supervisor), nameof(Role.Leader)];
        string[] reviewers = [nameof(Role.Analyst), nameof(Role.Supervisor)];
        var drafter = nameof(Role.Analyst);
        g.MapGet("", (Bulletins b, CancellationToken ct) => b.ListAsync(ct)).RequireAuthorization(p => p.RequireRole(readers));
        g.MapGet("/{id:long}", async Task<Results<Ok<BulletinView>, NotFound<ProblemDetails>>> (long id, Bulletins b, CancellationToken ct) =>
            Found(await b.GetAsync(id, ct), id)).RequireAuthorization(p => p.RequireRole(readers));
        g.MapPost("", async (BulletinCreateRequest? body, Bulletins b, CancellationToken ct) =>
        {
            var created = await b.CreateAsync(body?.IssuingOffice, ct);
            return TypedResults.Created($"/api/bulletins/{created.Id}", created);
        }).RequireAuthorization(p => p.RequireRole(drafter));
        g.MapPost("/{id:long}/items", async Task<Results<Created<BulletinItemView>, NotFound<ProblemDetails>>> (long id, ItemDraftRequest body, Bulletins b, CancellationToken ct) =>
            await b.AddItemAsync(id, body, ct) is { } item ? TypedResults.Created($"/api/bulletins/{id}", item) : NotFound(id))
            .RequireAuthorization(p => p.RequireRole(drafter));
        g.MapPut("/{id:long}/items/{itemId:long}", async Task<Results<Ok<BulletinItemView>, NotFound<ProblemDetails>>> (long id, long itemId, ItemEditRequest body, Bulletins b, CancellationToken ct) =>
            Found(await b.EditItemAsync(id, itemId, body, ct), itemId)).RequireAuthorization(p => p.RequireRole(drafter));
        g.MapDelete("/{id:long}/items/{itemId:long}", async Task<Results<NoContent, NotFound<ProblemDetails>>> (long id, long itemId, Bulletins b, CancellationToken ct) =>
            await b.RemoveItemAsync(id, itemId, ct) ? TypedResults.NoContent() : NotFound(itemId)).RequireAuthorization(p => p.RequireRole(drafter));
        g.MapPost("/{id:long}/review", async Task<Results<Ok<BulletinSummary>, NotFound<ProblemDetails>>> (long id, Bulletins b, CancellationToken ct) =>
            Found(await b.ReviewAsync(id, ct), id)).RequireAuthorization(p => p.RequireRole(reviewers));
        g.MapPost("/{id:long}/issue", async Task<Results<Ok<BulletinSummary>, NotFound<ProblemDetails>>> (long id, Bulletins b, CancellationToken ct) =>
            Found(await b.IssueAsync(id, ct), id)).RequireAuthorization(p => p.RequireRole(reviewers));
        g.MapGet("/{id:long}/docx", async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> (long id, Bulletins b, BulletinExport export,
            CancellationToken ct) => await b.GetAsync(id, ct) is { } view
                ? TypedResults.File(await export.DocxAsync(view, ct), DocxWriter.ContentType, BulletinExport.FileName(view, "docx"))
                : NotFound(id)).RequireAuthorization(p => p.RequireRole(readers)).WithSummary("Word 文件（图表为图片，页脚有页码）");
        g.MapGet("/{id:long}/pdf", async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> (long id, Bulletins b, BulletinExport export,
            CancellationToken ct) => await b.GetAsync(id, ct) is { } view
                ? TypedResults.File(await export.PdfAsync(view, ct), BulletinExport.PdfType, BulletinExport.FileName(view, "pdf"))
                : NotFound(id)).RequireAuthorization(p => p.RequireRole(readers)).WithSummary("PDF（由无头 Chromium 打印）");
        g.MapGet("/candidates", (string? q, Bulletins b, CancellationToken ct) => b.CandidatesAsync(q, ct)).RequireAuthorization(p => p.RequireRole(drafter));
    }

    private static NotFound<ProblemDetails> NotFound(long id) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到", Detail = $"找不到编号为 {id} 的记录，或不在您的管辖范围内。" });

    private static Results<Ok<T>, NotFound<ProblemDetails>> Found<T>(T? value, long id) where T : class =>
        value is null ? NotFound(id) : TypedResults.Ok(value);
}
