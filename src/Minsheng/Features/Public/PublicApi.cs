using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <param name="JurisdictionId">On a city portal, the county the citizen picked (GET /api/public/jurisdictions); optional.</param>
public sealed record PublicSubmission(AppealType? Type, long? CategoryId, string? Title, string? Content, long? RegionUnitId,
    string? Address, string? Name, string? Phone, string? ContactAddress, long? JurisdictionId = null);

public sealed record SubmissionReceipt(string Number, string QueryCode);

public sealed record PublicTimelineEntry(DateTimeOffset At, string Action, string Status);

public sealed record PublicRatingView(CitizenRatingValue Rating, string RatingLabel, string? Comment, DateTimeOffset RatedAt);

/// <summary>What a citizen holding the number and query code may see: never identities, comments or internal steps.</summary>
public sealed record PublicAppealView(string Number, string Title, string Type, string Status, DateTimeOffset SubmittedAt,
    string? Unit, string? Reply, DateTimeOffset? RepliedAt, IReadOnlyList<PublicTimelineEntry> Timeline, bool MayRate, PublicRatingView? Rating);

public sealed record RatingRequest(string? Code, CitizenRatingValue? Rating, string? Comment);

public sealed record PublicUnit(long Id, string Code, string Name, string Kind, long? ParentId, string? Phone);

public sealed record PublicCategory(long Id, string Code, string Name, long? ParentId);

public sealed record PortalJurisdictionsView(PortalFace Portal, IReadOnlyList<PortalCounty> Counties);

/// <summary>The anonymous API behind the portal: submit, track, rate, published cases, statistics, units and categories.</summary>
public static class PublicApi
{
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").AllowAnonymous().WithTags("公众");
        group.MapPost("/appeals", Submit).RequireRateLimiting(RateLimits.PublicSubmission);
        group.MapPost("/appeals/form", SubmitForm).RequireRateLimiting(RateLimits.PublicSubmission)
            .WithMetadata(new RequestSizeLimitAttribute(PhotoUploads.MaxRequestBytes));
        group.MapGet("/appeals/{number}", Track).RequireRateLimiting(RateLimits.Tracking);
        group.MapPost("/appeals/{number}/rating", Rate).RequireRateLimiting(RateLimits.Tracking);
        group.MapGet("/cases", Cases);
        group.MapGet("/cases/{id:long}", Case);
        group.MapGet("/stats", Stats);
        group.MapGet("/units", Units);
        group.MapGet("/categories", Categories);
        group.MapGet("/jurisdictions", Jurisdictions);
        return group;
    }

    private static async Task<Created<SubmissionReceipt>> Submit(PublicSubmission body, PublicSubmissions submissions, CancellationToken ct) =>
        Receipt(await submissions.SubmitAsync(body, [], [], ct));

    /// <summary>
    /// The same submission as multipart/form-data with up to three photos in "photos". The form is read here, not
    /// bound, so a body over the limit answers a Chinese 413 naming "photos" instead of a framework error.
    /// </summary>
    private static async Task<IResult> SubmitForm(HttpContext http, PublicSubmissions submissions, CancellationToken ct)
    {
        if (http.Request.ContentLength > PhotoUploads.MaxRequestBytes) return TooLarge();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = PhotoUploads.MaxRequestBytes;
        if (!http.Request.HasFormContentType) throw new DomainValidationException("body", "请以 multipart/form-data 表单提交。");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        // A multipart body that ends before its boundary says so surfaces as an IOException from the reader.
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new DomainValidationException("body", "表单内容格式不正确。");
        }
        var errors = new FieldErrors();
        var body = new PublicSubmission(FormEnum<AppealType>(form, "type", errors), FormLong(form, "categoryId", errors), form["title"], form["content"],
            FormLong(form, "regionUnitId", errors), form["address"], form["name"], form["phone"], form["contactAddress"], FormLong(form, "jurisdictionId", errors));
        errors.ThrowIfAny();
        return Receipt(await submissions.SubmitAsync(body, form.Files.GetFiles(PhotoUploads.Field), [], ct));
    }

    private static Created<SubmissionReceipt> Receipt(SubmissionReceipt receipt) =>
        TypedResults.Created($"/api/public/appeals/{receipt.Number}", receipt);

    private static IResult TooLarge() => TypedResults.Problem(new HttpValidationProblemDetails(
        new Dictionary<string, string[]> { [PhotoUploads.Field] = [PhotoUploads.TooLargeMessage] })
    {
        Status = StatusCodes.Status413PayloadTooLarge, Title = "提交内容过大", Detail = PhotoUploads.TooLargeMessage,
    });

    private static T? FormEnum<T>(IFormCollection form, string field, FieldErrors errors) where T : struct, Enum
    {
        var value = form[field].ToString();
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value.Trim(), true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
        errors.Add(field, $"取值无效：{value}。可选值：{string.Join("、", Enum.GetNames<T>())}。");
        return null;
    }

    private static long? FormLong(IFormCollection form, string field, FieldErrors errors)
    {
        var value = form[field].ToString();
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (long.TryParse(value.Trim(), out var parsed)) return parsed;
        errors.Add(field, $"“{value}”不是有效的编号。");
        return null;
    }

    public static NotFound<ProblemDetails> NotTracked() =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = PublicTracking.NotFoundTitle, Detail = PublicTracking.NotFoundDetail });

    private static async Task<Results<Ok<PublicAppealView>, NotFound<ProblemDetails>>> Track(string number, string? code,
        PublicTracking tracking, CitizenRatings ratings, CancellationToken ct)
    {
        // Same answer for an unknown number and a wrong code, so numbers cannot be probed.
        if (await tracking.FindAsync(number, code, ct) is not { } appeal) return NotTracked();
        return TypedResults.Ok(tracking.View(appeal, await ratings.ForAsync(appeal.Id, ct)));
    }

    private static async Task<Results<Ok<PublicAppealView>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Rate(string number, RatingRequest body,
        CitizenRatings ratings, CancellationToken ct) =>
        await ratings.RateByCodeAsync(number, body.Code, body.Rating, body.Comment, ct) switch
        {
            (RateOutcome.NotFound, _) => NotTracked(),
            (RateOutcome.NoReplyYet, _) => TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "暂不能评价", Detail = "诉求答复后才能评价。" }),
            (RateOutcome.AlreadyRated, _) => TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "已经评价过", Detail = "每件诉求只能评价一次。" }),
            (_, var view) => TypedResults.Ok(view!),
        };

    private static Task<Page<PublicCaseSummary>> Cases(string? q, int? page, int? size, string? county, PublishedCases cases,
        PortalJurisdictions portal, CancellationToken ct) => cases.ListAsync(q, page, size, ct, portal.Resolve(county));

    private static async Task<Results<Ok<PublicCase>, NotFound<ProblemDetails>>> Case(long id, PublishedCases cases, CancellationToken ct) =>
        await cases.FindAsync(id, ct) is { } c ? TypedResults.Ok(c)
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "案例不存在", Detail = "该案例不存在或已撤回公开。" });

    private static Task<PublicStatsView> Stats(int? days, string? county, PublicStats stats, PortalJurisdictions portal, CancellationToken ct) =>
        stats.ComputeAsync(days, ct, portal.Resolve(county));

    private static IEnumerable<PublicUnit> Units(string? county, PortalJurisdictions portal) =>
        portal.UnitsOf(portal.Resolve(county)).Where(u => u.Active).OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => new PublicUnit(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.Phone));

    /// <summary>The portal's own face (name, hotline, footer) and the counties a visitor may pick; none on a single-county deployment.</summary>
    private static async Task<PortalJurisdictionsView> Jurisdictions(string? county, PortalJurisdictions portal, CancellationToken ct) =>
        new(await portal.FaceAsync(portal.Resolve(county), ct), await portal.CountyChoicesAsync(ct));

    private static async Task<List<PublicCategory>> Categories(MinshengDb db, CancellationToken ct) =>
        await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Code)
            .Select(c => new PublicCategory(c.Id, c.Code, c.Name, c.ParentId)).ToListAsync(ct);
}
