using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public sealed record PublicSubmission(AppealType? Type, long? CategoryId, string? Title, string? Content, long? RegionUnitId,
    string? Address, string? Name, string? Phone, string? ContactAddress);

public sealed record SubmissionReceipt(string Number, string QueryCode);

public sealed record PublicTimelineEntry(DateTimeOffset At, string Action, string Status);

/// <summary>What a citizen holding the number and query code may see: never identities, comments or internal steps.</summary>
public sealed record PublicAppealView(string Number, string Title, string Type, string Status, DateTimeOffset SubmittedAt,
    string? Unit, string? Reply, DateTimeOffset? RepliedAt, IReadOnlyList<PublicTimelineEntry> Timeline);

public sealed record PublicUnit(long Id, string Code, string Name, string Kind, long? ParentId, string? Phone);

public sealed record PublicCategory(long Id, string Code, string Name, long? ParentId);

public static class PublicApi
{
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").AllowAnonymous().WithTags("公众");
        group.MapPost("/appeals", Submit).RequireRateLimiting(RateLimits.PublicSubmission);
        group.MapGet("/appeals/{number}", Track).RequireRateLimiting(RateLimits.Tracking);
        group.MapGet("/units", Units);
        group.MapGet("/categories", Categories);
        return group;
    }

    private static async Task<Created<SubmissionReceipt>> Submit(PublicSubmission body, RegisterAppeal register, CancellationToken ct)
    {
        if (body.Type is null) throw new DomainValidationException("type", "请选择诉求性质。");
        var draft = new AppealDraft(Channel.PublicPortal, body.Type.Value, body.CategoryId, Tier.Timely, body.Title ?? "", body.Content ?? "",
            body.RegionUnitId, body.Address, null, null, body.Name, body.Phone, body.ContactAddress, null);
        Appeal appeal;
        try
        {
            appeal = await register.ExecuteAsync(draft, Actor.Citizen, ct);
        }
        catch (DomainValidationException e)
        {
            // The portal's body names the citizen's fields differently from the staff form.
            throw new DomainValidationException(e.Errors.ToDictionary(x => PortalField(x.Key), x => x.Value));
        }
        return TypedResults.Created($"/api/public/appeals/{appeal.Number}", new SubmissionReceipt(appeal.Number, appeal.QueryCode));
    }

    private static string PortalField(string field) => field switch
    {
        "citizenName" => "name",
        "citizenPhone" => "phone",
        "citizenAddress" => "contactAddress",
        _ => field,
    };

    private static async Task<Results<Ok<PublicAppealView>, NotFound<ProblemDetails>>> Track(string number, string? code,
        MinshengDb db, UnitTree units, CancellationToken ct)
    {
        var appeal = number.Length <= 20 && code is { Length: > 0 and <= 20 }
            ? await db.Appeals.AsNoTracking().Include(a => a.Timeline).FirstOrDefaultAsync(a => a.Number == number, ct)
            : null;
        // Same answer for an unknown number and a wrong code, so numbers cannot be probed.
        if (appeal is null || !string.Equals(appeal.QueryCode, code!.Trim(), StringComparison.OrdinalIgnoreCase))
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到诉求", Detail = "受理编号或查询码不正确，请核对后再试。" });
        var timeline = appeal.Timeline.Where(t => t.IsPublic).OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new PublicTimelineEntry(t.At, Labels.Action(t.Action), Labels.Status(t.ToStatus))).ToList();
        return TypedResults.Ok(new PublicAppealView(appeal.Number, appeal.Title, Labels.Type(appeal.Type), Labels.Status(appeal.Status),
            appeal.CreatedAt, appeal.LeadUnitId is { } u ? units.NameOf(u) : null, appeal.Reply, appeal.RepliedAt, timeline));
    }

    private static IEnumerable<PublicUnit> Units(UnitTree units) =>
        units.All.Where(u => u.Active).OrderBy(u => u.Path).Select(u => new PublicUnit(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.Phone));

    private static async Task<List<PublicCategory>> Categories(MinshengDb db, CancellationToken ct) =>
        await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Code)
            .Select(c => new PublicCategory(c.Id, c.Code, c.Name, c.ParentId)).ToListAsync(ct);
}
