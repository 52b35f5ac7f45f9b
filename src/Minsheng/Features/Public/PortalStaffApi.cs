using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public sealed record StaffRatingView(long AppealId, CitizenRatingValue Rating, string RatingLabel, string? Comment, DateTimeOffset RatedAt);

/// <summary>
/// The staff side of the portal: publishing cases (宣传舆论组), and what the portal collected that staff read on an
/// appeal — its photos and the citizen's rating — under the same scope as the appeal itself.
/// </summary>
public static class PortalStaffApi
{
    public static void MapPortalStaffApi(this IEndpointRouteBuilder app)
    {
        var publicity = app.MapGroup("/api/publicity").RequireAuthorization(p => p.RequireRole(nameof(Role.Publicity))).WithTags("案例公开");
        publicity.MapGet("/candidates", Candidates);
        publicity.MapGet("/appeals/{appealId:long}/preview", Preview);
        publicity.MapGet("/cases", Published);
        publicity.MapPost("/cases", Publish);
        publicity.MapDelete("/cases/{id:long}", Unpublish);

        var appeals = app.MapGroup("/api/appeals").RequireAuthorization().WithTags("诉求");
        appeals.MapGet("/{id:long}/attachments/{attachmentId:long}", AttachmentFile);
        appeals.MapGet("/{id:long}/rating", Rating);

        app.MapPortalSettingsApi();
    }

    /// <summary>directAnswers=true lists the appeals closed by a direct answer, which are otherwise left out.</summary>
    private static Task<Page<PublicationCandidate>> Candidates(string? q, int? page, int? size, bool? directAnswers, Publicity publicity, CancellationToken ct) =>
        publicity.CandidatesAsync(q, page, size, ct, directAnswers == true);

    private static Task<Page<PublishedCaseRow>> Published(string? q, int? page, int? size, Publicity publicity, CancellationToken ct) =>
        publicity.PublishedAsync(q, page, size, ct);

    private static async Task<Results<Ok<CasePreview>, NotFound<ProblemDetails>>> Preview(long appealId, Publicity publicity, CancellationToken ct) =>
        await publicity.PreviewAsync(appealId, ct) is { } preview ? TypedResults.Ok(preview) : NotPublishable(appealId);

    private static NotFound<ProblemDetails> NotPublishable(long appealId) => TypedResults.NotFound(new ProblemDetails
    {
        Status = 404, Title = "诉求不可公开", Detail = $"找不到编号为 {appealId} 的已办结诉求，或您无权查看。",
    });

    private static async Task<Results<Created<PublicCase>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Publish(PublishRequest body,
        Publicity publicity, CancellationToken ct)
    {
        var (outcome, row) = await publicity.PublishAsync(body, ct);
        return outcome switch
        {
            PublishOutcome.NotFound => AppealsApi.NotFoundProblem(body.AppealId!.Value),
            PublishOutcome.AlreadyPublished => TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "已经公开", Detail = "该诉求已经公开，如需修改请先撤回。" }),
            _ => TypedResults.Created($"/api/public/cases/{row!.Id}", new PublicCase(row.Id, row.Title, row.Content, row.Reply, row.CategoryName,
                row.UnitName, row.ReceivedAt, row.RepliedAt, row.ClosedAt, row.PublishedAt)),
        };
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> Unpublish(long id, Publicity publicity, CancellationToken ct) =>
        await publicity.UnpublishAsync(id, ct) ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "案例不存在", Detail = $"找不到编号为 {id} 的公开案例，或您无权撤回。" });

    /// <summary>A photo of an appeal the caller may see; nosniff so a browser never treats the bytes as anything but the checked image type.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> AttachmentFile(long id, long attachmentId,
        AppealPhotos photos, HttpContext http, CancellationToken ct)
    {
        var file = await photos.FindAsync(id, attachmentId, ct);
        if (file is null)
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "附件不存在", Detail = "找不到该附件，或您无权查看。" });
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(file.Bytes, file.ContentType);
    }

    /// <summary>The citizen's rating of the answer: 204 when the citizen has not rated, 404 outside the caller's scope.</summary>
    private static async Task<Results<Ok<StaffRatingView>, NoContent, NotFound<ProblemDetails>>> Rating(long id, CitizenRatings ratings, CancellationToken ct) =>
        await ratings.ForStaffAsync(id, ct) switch
        {
            (false, _) => AppealsApi.NotFoundProblem(id),
            (true, { } rating) => TypedResults.Ok(rating),
            _ => TypedResults.NoContent(),
        };
}
